/** Asks the provider for news about an order that is not final yet. */
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

export const REFRESHABLE_STATUSES = ['pending', 'pending_activation'] as const;

export async function refreshStatus(services: AppServices, order: StoredOrder): Promise<StoredOrder> {
  if (!(REFRESHABLE_STATUSES as readonly string[]).includes(order.status)) return order;
  const adapter = services.adapters.get(order.offer.provider);
  if (!adapter) return order;
  try {
    const result = await adapter.status({
      orderId: order.id,
      offer: order.offer,
      policy: order.policy,
      signal: AbortSignal.timeout(services.config.quoteTimeoutMs),
    });
    if (!result || (result.status === order.status && JSON.stringify(result.policy) === JSON.stringify(order.policy))) return order;
    return (await services.store.transitionOrder(order.id, [order.status], { status: result.status, policy: result.policy })) ?? order;
  } catch (error) {
    services.logger.warn('status refresh failed', { orderId: order.id, provider: adapter.id, error: (error as Error).name });
    return order;
  }
}
