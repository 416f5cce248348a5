/**
 * `POST /v1/callbacks/servify`: Servify's answer to an async createContract. Verified with
 * our shared secret, matched to the order by its request code (derived from the order id), and applied once: a replayed
 * request code is acknowledged and changes nothing. Contract: providers/servify/servify-callback.ts.
 */
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import {
  CALLBACK_SIGNATURE_HEADER,
  callbackSignatureValid,
  requestCodeFor,
  servifyCallbackSchema,
} from '../providers/servify/servify-callback.ts';
import type { PolicyResult } from '../providers/types.ts';
import type { AppServices } from '../services.ts';

export function servifyCallbackRoutes(services: AppServices) {
  const { config, store, adapters, logger } = services;
  return new Hono().post('/', async (context) => {
    const rawBody = await context.req.text();
    if (!(await callbackSignatureValid(config.providers.servify.callbackSecret, rawBody, context.req.header(CALLBACK_SIGNATURE_HEADER)))) {
      throw new ApiError({ status: 401, code: 'invalid_signature', message: 'The callback signature does not match' });
    }
    let parsed;
    try {
      parsed = servifyCallbackSchema.safeParse(JSON.parse(rawBody));
    } catch {
      throw new ApiError({ status: 400, code: 'invalid_json', message: 'The body is not valid JSON' });
    }
    if (!parsed.success) throw new ApiError({ status: 400, code: 'invalid_request', message: 'The callback body is not a Servify result' });
    const callback = parsed.data;

    const order = await store.getOrderById(callback.externalReferenceID);
    // The request code must be the one we derive for this order: a stray or forged pairing is unknown.
    if (
      !order ||
      order.offer.provider !== 'servify' ||
      callback.requestCode !== (await requestCodeFor(config.providers.servify.callbackSecret, order.id))
    ) {
      throw new ApiError({ status: 404, code: 'order_not_found', message: 'No order waits for this request code' });
    }
    // Servify can answer while our bind call is still in flight: ask it to retry (5xx is retried).
    // Past the bind deadline the bind has given up, and the callback alone completes the order.
    if (order.status === 'binding' && Date.now() - Date.parse(order.updatedAt) < config.bindTimeoutMs) {
      throw new ApiError({
        status: 503,
        code: 'order_not_ready',
        message: 'This order is still being confirmed; retry shortly',
        headers: { 'Retry-After': '1' },
      });
    }
    if (
      !(await store.recordProviderEvent({
        provider: 'servify',
        eventId: callback.requestCode,
        type: 'contract.created',
        orderId: order.id,
      }))
    ) {
      logger.info('servify callback replayed', { orderId: order.id });
      return context.json({ success: true, message: 'Already processed' });
    }

    if (!callback.success || !callback.soldPlanCode) {
      await store.transitionOrder(order.id, ['pending', 'binding'], {
        status: 'failed',
        failureReason: 'Servify could not create this plan. You have not been covered; please contact the shop.',
      });
      logger.warn('servify async bind failed', { orderId: order.id, code: callback.errorCode ?? 'unknown' });
      return context.json({ success: true, message: 'Failure recorded' });
    }
    const references = { ...order.policy?.providerReferences, requestCode: callback.requestCode, soldPlanCode: callback.soldPlanCode };
    let policy: PolicyResult = {
      reference: callback.soldPlanCode,
      startsAt: null,
      endsAt: null,
      activationCode: null,
      certificate: false,
      providerReferences: references,
    };
    try {
      // Coverage dates and the activation code come from Servify's contract; without them the sale still stands.
      const described = await adapters
        .get('servify')
        ?.status({ orderId: order.id, offer: order.offer, policy, signal: AbortSignal.timeout(config.quoteTimeoutMs) });
      if (described) policy = described.policy;
    } catch (error) {
      logger.warn('servify contract lookup failed', { orderId: order.id, error: (error as Error).name });
    }
    await store.transitionOrder(order.id, ['pending', 'binding'], { status: 'active', policy });
    logger.info('servify async bind completed', { orderId: order.id });
    return context.json({ success: true, message: 'Successfully received callback' });
  });
}
