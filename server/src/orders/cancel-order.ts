/** Cancelling a bound policy through its adapter; any provider with `cancel` gets the route. */
import { ApiError, apiErrorFromProvider, ProviderError } from '../errors.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

const CANCELLABLE_STATUSES = ['active', 'pending_activation'] as const;

export async function cancelOrder(services: AppServices, order: StoredOrder, reason: string): Promise<StoredOrder> {
  const { adapters, config, store, logger, providerHealth } = services;
  if (!(CANCELLABLE_STATUSES as readonly string[]).includes(order.status)) {
    throw new ApiError({
      status: 409,
      code: 'order_not_cancellable',
      message: `This order is ${order.status.replace('_', ' ')} and cannot be cancelled`,
    });
  }
  const adapter = adapters.get(order.offer.provider);
  if (!adapter?.cancel)
    throw new ApiError({
      status: 409,
      code: 'cancellation_not_supported',
      message: 'This provider does not allow plans to be cancelled here',
    });
  let result;
  try {
    result = await adapter.cancel({
      orderId: order.id,
      offer: order.offer,
      policy: order.policy,
      reason,
      signal: AbortSignal.timeout(config.bindTimeoutMs),
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    providerHealth.record(adapter.id, error.failure === 'refused');
    logger.warn('cancel failed', { orderId: order.id, provider: adapter.id, failure: error.failure, code: error.providerCode });
    throw apiErrorFromProvider(error);
  }
  providerHealth.record(adapter.id, true);
  if (!result.cancelled) throw new ApiError({ status: 409, code: 'order_not_cancellable', message: result.message });
  // The reason is free text from the merchant and may name the shopper: it is not logged.
  const cancelled = await store.transitionOrder(order.id, [order.status], { status: 'cancelled' });
  logger.info('order cancelled', { orderId: order.id, provider: adapter.id });
  return cancelled ?? order;
}
