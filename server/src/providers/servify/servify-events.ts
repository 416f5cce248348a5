/**
 * Servify's callbacks for async createContract (contract: servify-callback.ts), matched to
 * the order by the request code we derive from its id. A success makes the order `active`
 * with the contract's dates; a failure makes it `failed`.
 */
import type { EventRefusal, PolicyResult, ProviderEvents } from '../types.ts';
import type { StoredOrder } from '../../store/types.ts';
import {
  CALLBACK_SIGNATURE_HEADER,
  callbackSignatureValid,
  requestCodeFor,
  servifyCallbackSchema,
  type ServifyCallback,
} from './servify-callback.ts';
import type { ServifyConfig } from './servify-config.ts';

export const servifyEvents: ProviderEvents<ServifyConfig, ServifyCallback> = {
  aliases: ['/callbacks/servify'],

  async verify(config, rawBody, header) {
    return (await callbackSignatureValid(config.callbackSecret, rawBody, header(CALLBACK_SIGNATURE_HEADER)))
      ? { ok: true }
      : { ok: false, code: 'invalid_signature', message: 'The callback signature does not match' };
  },

  parse(rawBody) {
    let parsed;
    try {
      parsed = servifyCallbackSchema.safeParse(JSON.parse(rawBody));
    } catch {
      return { ok: false, code: 'invalid_json', message: 'The body is not valid JSON' };
    }
    if (!parsed.success) return { ok: false, code: 'invalid_request', message: 'The callback body is not a Servify result' };
    return { ok: true, event: { id: parsed.data.requestCode, type: 'contract.created', payload: parsed.data } };
  },

  async locate({ payload: callback }, { store, config, bindTimeoutMs }): Promise<StoredOrder | EventRefusal> {
    const order = await store.getOrderById(callback.externalReferenceID);
    // The request code must be the one we derive for this order: a stray or forged pairing is unknown.
    if (!order || order.offer.provider !== 'servify' || callback.requestCode !== (await requestCodeFor(config.callbackSecret, order.id))) {
      return { refused: 'unknown_order', code: 'order_not_found', message: 'No order waits for this request code' };
    }
    // Servify can answer while our bind call is still in flight: ask it to retry (5xx is retried).
    // Past the bind deadline the bind has given up, and the callback alone completes the order.
    if (order.status === 'binding' && Date.now() - Date.parse(order.updatedAt) < bindTimeoutMs) {
      return { refused: 'not_ready', code: 'order_not_ready', message: 'This order is still being confirmed; retry shortly' };
    }
    return order;
  },

  async apply({ payload: callback }, order, { adapter, applyToOrder, logger, quoteTimeoutMs }) {
    if (!order) return { success: true, message: 'Successfully received callback' };
    if (!callback.success || !callback.soldPlanCode) {
      await applyToOrder({
        orderId: order.id,
        from: ['pending', 'binding'],
        status: 'failed',
        failureReason: 'Servify could not create this plan. You have not been covered; please contact the shop.',
      });
      logger.warn('servify async bind failed', { orderId: order.id, code: callback.errorCode ?? 'unknown' });
      return { success: true, message: 'Failure recorded' };
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
      const described = await adapter.status({
        orderId: order.id,
        offer: order.offer,
        policy,
        signal: AbortSignal.timeout(quoteTimeoutMs),
      });
      if (described) policy = described.policy;
    } catch (error) {
      logger.warn('servify contract lookup failed', { orderId: order.id, error: (error as Error).name });
    }
    await applyToOrder({ orderId: order.id, from: ['pending', 'binding'], status: 'active', policy });
    logger.info('servify async bind completed', { orderId: order.id });
    return { success: true, message: 'Successfully received callback' };
  },

  duplicateReply: { success: true, message: 'Already processed' },
};
