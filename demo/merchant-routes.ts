/**
 * The demo shop's own server: what a merchant's backend does after its payment step.
 * It holds the secret key and calls Coverkit's /v1 over HTTP, as a real merchant would.
 * Mounted in test mode only. Because it can confirm (bind) a policy, it takes nothing on
 * trust: JSON from the shop's own pages only, the order's clientSecret (which only the
 * shopper's cart holds), and a card that passes the fake card check.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { passesLuhn } from '../contract/luhn.ts';
import type { Order } from '../contract/types.ts';
import { CoverkitSignatureError, verifyCoverkitSignature } from '../widget/src/server.ts';

const ORDER_ID = /^ord_[A-Za-z0-9_-]+$/;
/** 4000 0000 0000 0002 is declined, as in card-network test suites. */
const DECLINED_CARD = '4000000000000002';
const ATTEMPT_ID = /^[A-Za-z0-9-]{8,64}$/;

export interface DemoMerchantOptions {
  /** Where Coverkit's /v1 is (this same server). */
  apiBase: string;
  publishableKey: string;
  secretKey: string;
  /** The shop's own origins: only its pages may call these routes. */
  origins: readonly string[];
  /** The secret of Coverkit's events to this shop's webhook endpoint; none: the endpoint refuses every event. */
  webhookSecret?: string;
}

/** Statuses after which an order does not change by itself: the shop trusts its events for them. */
// Not `failed`: a failed order may still be paid again (a new attempt after an outage) or be
// revived by the insurer's late confirmation, so its news must come from /v1 until then.
const SETTLED = new Set(['active', 'declined', 'cancelled']);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const refusal = (code: string, message: string) => ({ error: { code, message } });

/**
 * Only the shop's own pages: a browser's Origin (sent on every POST) must be ours, and a
 * cross-site or cross-origin `Sec-Fetch-Site` is refused even where Origin is absent.
 */
function sameOriginOnly(origins: readonly string[]): MiddlewareHandler {
  return async function requireSameOrigin(context, next) {
    const origin = context.req.header('Origin');
    const site = context.req.header('Sec-Fetch-Site');
    const foreign =
      (origin !== undefined && !origins.includes(origin)) || (site !== undefined && site !== 'same-origin' && site !== 'none');
    if (foreign || (context.req.method === 'POST' && origin === undefined)) {
      return context.json(refusal('origin_not_allowed', 'Only the shop’s own pages can call this route.'), 403);
    }
    await next();
  };
}

export function createDemoMerchantRoutes({ apiBase, publishableKey, secretKey, origins, webhookSecret }: DemoMerchantOptions) {
  const [ownOrigin = apiBase] = origins;
  /** What Coverkit's events said of each order (the newest by updatedAt), and the checkout's proof of ownership. */
  const known = new Map<string, { order?: Order; secretHash?: string; eventIds: Set<string> }>();
  const entry = (orderId: string) => {
    let found = known.get(orderId);
    if (!found) known.set(orderId, (found = { eventIds: new Set() }));
    return found;
  };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${apiBase}/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json', ...init.headers },
    });
  /** A read as the shopper: publishable key plus the order's clientSecret, so a wrong secret is a 404. */
  const readAsShopper = (path: string, clientSecret: string) =>
    fetch(`${apiBase}/v1${path}`, {
      headers: { Authorization: `Bearer ${publishableKey}`, Origin: ownOrigin, 'X-Client-Secret': clientSecret },
    });
  const relay = async (response: Response) =>
    new Response(await response.text(), { status: response.status, headers: { 'Content-Type': 'application/json' } });
  const badId = refusal('not_found', 'Unknown order');
  const noSecret = refusal('client_secret_required', 'Send the order’s clientSecret in the X-Client-Secret header.');

  return (
    new Hono()
      // Coverkit's signed events: verified before anything is believed, each recorded once (delivery is at least once).
      .post('/webhooks/coverkit', async (context) => {
        const rawBody = await context.req.text();
        let event;
        try {
          event = await verifyCoverkitSignature(rawBody, context.req.header('Coverkit-Signature'), webhookSecret ?? '');
        } catch (error) {
          if (error instanceof CoverkitSignatureError) return context.json(refusal('invalid_signature', error.message), 400);
          throw error;
        }
        const order = event.data.order;
        if (order) {
          const record = entry(order.id);
          record.eventIds.add(event.id);
          // A resent old event must not undo a newer one.
          if (!record.order || Date.parse(order.updatedAt) >= Date.parse(record.order.updatedAt)) record.order = order;
        }
        return context.json({ received: true });
      })
      .use(sameOriginOnly(origins))
      .post('/checkout', async (context) => {
        // JSON only: a form or text/plain POST is what a cross-site page can send without asking.
        if (!/^application\/json\s*(;|$)/i.test(context.req.header('Content-Type') ?? '')) {
          return context.json(refusal('unsupported_media_type', 'Send the checkout as application/json.'), 415);
        }
        const body = (await context.req.json().catch(() => ({}))) as {
          orderId?: unknown;
          card?: unknown;
          clientSecret?: unknown;
          attempt?: unknown;
        };
        const orderId = typeof body.orderId === 'string' ? body.orderId : undefined;
        const clientSecret = typeof body.clientSecret === 'string' ? body.clientSecret : '';
        const card = (typeof body.card === 'string' ? body.card : '').replace(/[\s-]/g, '');
        if (body.orderId !== undefined && (orderId === undefined || !ORDER_ID.test(orderId))) {
          return context.json(refusal('invalid_request', 'orderId is not an order id'), 400);
        }
        if (!/^\d{12,19}$/.test(card) || !passesLuhn(card)) {
          return context.json(refusal('card_invalid', 'Check the card number and try again.'), 402);
        }
        if (card === DECLINED_CARD) return context.json(refusal('card_declined', 'Your card was declined. Try another card.'), 402);
        // One payment attempt, one Idempotency-Key: a network retry of this attempt replays its answer,
        // and the next Pay (after an insurer outage) is a new attempt that may bind (README, "After a failed bind").
        const attemptId = typeof body.attempt === 'string' && ATTEMPT_ID.test(body.attempt) ? body.attempt : randomUUID();
        const paymentReference = `pay_demo_${attemptId.slice(0, 8)}`;
        // A cart without a plan is paid and done: Coverkit is not involved.
        if (!orderId) return context.json({ order: null, paymentReference });
        if (!clientSecret) return context.json(noSecret, 401);
        // The cart that created the order holds its clientSecret; anyone else gets the same 404.
        const owned = await readAsShopper(`/orders/${orderId}`, clientSecret);
        if (!owned.ok) return context.json(badId, 404);
        // Remembered so the order page can be answered from Coverkit's events, without asking /v1.
        entry(orderId).secretHash = sha256(clientSecret);
        return relay(
          await call(`/orders/${orderId}/confirm`, {
            method: 'POST',
            headers: { 'Idempotency-Key': `checkout-${orderId}-${attemptId}` },
            body: JSON.stringify({ paymentReference }),
          }),
        );
      })
      .get('/orders/:id', async (context) => {
        const id = context.req.param('id');
        if (!ORDER_ID.test(id)) return context.json(badId, 404);
        const clientSecret = context.req.header('X-Client-Secret');
        if (!clientSecret) return context.json(noSecret, 401);
        // A settled order the events told us about is answered from them; one still moving is read
        // through /v1, which asks its insurer for news (an Octamile review, an Assurify activation).
        const record = known.get(id);
        if (record?.order && record.secretHash === sha256(clientSecret) && SETTLED.has(record.order.status))
          return context.json({ order: record.order }, 200, { 'X-Order-Source': 'events' });
        return relay(await readAsShopper(`/orders/${id}`, clientSecret));
      })
      .post('/orders/:id/portal-session', async (context) => {
        // "My plans": the shop's account page asks its server for a portal session, made with the
        // secret key. The shop knows the order is this shopper's because the shopper's browser
        // holds its clientSecret (a real shop would use its own login instead).
        const id = context.req.param('id');
        if (!ORDER_ID.test(id)) return context.json(badId, 404);
        const clientSecret = context.req.header('X-Client-Secret');
        if (!clientSecret) return context.json(noSecret, 401);
        const owned = await readAsShopper(`/orders/${id}`, clientSecret);
        if (!owned.ok) return context.json(badId, 404);
        return relay(await call(`/orders/${id}/portal-sessions`, { method: 'POST' }));
      })
      .get('/orders/:id/certificate', async (context) => {
        const id = context.req.param('id');
        if (!ORDER_ID.test(id)) return context.json(badId, 404);
        const clientSecret = context.req.header('X-Client-Secret');
        if (!clientSecret) return context.json(noSecret, 401);
        const response = await readAsShopper(`/orders/${id}/certificate`, clientSecret);
        const headers: Record<string, string> = { 'Cache-Control': 'private, no-store' };
        for (const name of ['Content-Type', 'Content-Disposition']) {
          const value = response.headers.get(name);
          if (value) headers[name] = value;
        }
        return new Response(response.body, { status: response.status, headers });
      })
  );
}
