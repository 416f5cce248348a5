/**
 * The demo shop's own server: what a merchant's backend does after its payment step.
 * It holds the secret key and calls Coverkit's /v1 over HTTP, as a real merchant would.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';

const ORDER_ID = /^ord_[A-Za-z0-9_-]+$/;
const ATTEMPT_ID = /^[A-Za-z0-9-]{8,64}$/;

export function createDemoMerchantRoutes({ apiBase, secretKey }: { apiBase: string; secretKey: string }) {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${apiBase}/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json', ...init.headers },
    });
  const badId = { error: { code: 'invalid_request', message: 'Unknown order' } };

  return new Hono()
    .post('/checkout', async (context) => {
      const { orderId, card, attempt } = (await context.req.json().catch(() => ({}))) as {
        orderId?: string;
        card?: string;
        attempt?: string;
      };
      if (orderId !== undefined && !ORDER_ID.test(orderId))
        return context.json({ error: { code: 'invalid_request', message: 'orderId is not an order id' } }, 400);
      // A fake card step: 4000 0000 0000 0002 is declined, as in card-network test suites.
      if ((card ?? '').replace(/\s/g, '') === '4000000000000002')
        return context.json({ error: { code: 'card_declined', message: 'Your card was declined. Try another card.' } }, 402);
      // One payment attempt, one Idempotency-Key: a network retry of this attempt replays its answer,
      // and the next Pay (after an insurer outage) is a new attempt that may bind (README, "After a failed bind").
      const attemptId = typeof attempt === 'string' && ATTEMPT_ID.test(attempt) ? attempt : randomUUID();
      const paymentReference = `pay_demo_${attemptId.slice(0, 8)}`;
      // A cart without a plan is paid and done: Coverkit is not involved.
      if (!orderId) return context.json({ order: null, paymentReference });
      const response = await call(`/orders/${orderId}/confirm`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `checkout-${orderId}-${attemptId}` },
        body: JSON.stringify({ paymentReference }),
      });
      return context.body(await response.text(), response.status as 200, { 'Content-Type': 'application/json' });
    })
    .get('/orders/:id', async (context) => {
      const id = context.req.param('id');
      if (!ORDER_ID.test(id)) return context.json(badId, 404);
      const response = await call(`/orders/${id}`);
      return context.body(await response.text(), response.status as 200, { 'Content-Type': 'application/json' });
    })
    .get('/orders/:id/certificate', async (context) => {
      const id = context.req.param('id');
      if (!ORDER_ID.test(id)) return context.json(badId, 404);
      const response = await call(`/orders/${id}/certificate`);
      const headers: Record<string, string> = { 'Cache-Control': 'private, no-store' };
      for (const name of ['Content-Type', 'Content-Disposition']) {
        const value = response.headers.get(name);
        if (value) headers[name] = value;
      }
      return new Response(response.body, { status: response.status, headers });
    });
}
