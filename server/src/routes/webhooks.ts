/**
 * `POST /v1/webhooks/assurify`: Assurify's events, verified on the raw body and stored once.
 * A bad signature is 401 and a replay is 200, and neither changes an order.
 */
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { assurifyEventSchema, type AssurifyEvent } from '../providers/assurify/assurify-schemas.ts';
import { verifyAssurifySignature } from '../providers/assurify/assurify-signature.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

export function webhooksRoutes(services: AppServices) {
  const { config, store, logger } = services;

  /** Our Assurify customer id is `cust_` + the order id's random part (assurify-adapter.ts). */
  async function orderOf(event: AssurifyEvent): Promise<StoredOrder | null> {
    const match = /^cust_([A-Za-z0-9_-]{1,64})$/.exec(event.data.customer ?? '');
    if (!match) return null;
    for (const merchant of config.merchants) {
      const order = await store.getOrder(merchant.id, `ord_${match[1]}`);
      if (order?.offer.provider === 'assurify') return order;
    }
    return null;
  }

  return new Hono().post('/assurify', async (context) => {
    const requestId = context.get('requestId');
    // The signature covers the exact bytes sent: verify before parsing anything.
    const rawBody = await context.req.text();
    const check = verifyAssurifySignature(config.providers.assurify.webhookSecret, context.req.header('X-Assurify-Signature'), rawBody);
    if (!check.ok) {
      logger.warn('webhook refused', { requestId, provider: 'assurify', reason: check.reason });
      throw new ApiError({ status: 401, code: 'invalid_signature', message: 'The event signature is missing, stale or wrong' });
    }
    let parsed;
    try {
      parsed = assurifyEventSchema.safeParse(JSON.parse(rawBody));
    } catch {
      throw new ApiError({ status: 400, code: 'invalid_event', message: 'The event is not JSON' });
    }
    if (!parsed.success) throw new ApiError({ status: 400, code: 'invalid_event', message: 'The event has no id, type or data' });
    const event = parsed.data;
    if (await store.hasProviderEvent('assurify', event.id)) {
      logger.info('webhook replayed', { requestId, provider: 'assurify', eventId: event.id });
      return context.json({ received: true, duplicate: true });
    }

    const order = await orderOf(event);
    if (event.type === 'policy.activated' && order) {
      // Assurify may be quicker than our own bind: ask it to send again once the order is written.
      if (order.status === 'binding')
        throw new ApiError({
          status: 503,
          code: 'order_binding',
          message: 'The order is still being bound; send the event again',
          headers: { 'Retry-After': '1' },
        });
      const policy = order.policy;
      if (!policy || policy.reference !== event.data.subscription_id) {
        logger.warn('webhook for another subscription', { requestId, provider: 'assurify', eventId: event.id, orderId: order.id });
      } else if (order.status === 'pending') {
        const activatedAt = Date.parse(event.data.activated_at ?? '');
        const startsAt = Number.isNaN(activatedAt) ? policy.startsAt : new Date(activatedAt).toISOString();
        await store.transitionOrder(order.id, ['pending'], { status: 'active', policy: { ...policy, startsAt } });
      }
    }
    await store.recordProviderEvent({ provider: 'assurify', eventId: event.id, type: event.type, orderId: order?.id ?? null });
    logger.info('webhook received', { requestId, provider: 'assurify', eventId: event.id, type: event.type, orderId: order?.id ?? null });
    return context.json({ received: true });
  });
}
