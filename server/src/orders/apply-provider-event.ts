/**
 * The one way a provider's event (a webhook, an async callback) changes an order. For now a
 * guarded transition in the store; the order service takes it over.
 */
import type { OrderStatus } from '../../../contract/types.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';
import type { PolicyResult } from './order-types.ts';

export async function applyProviderEvent(
  services: AppServices,
  update: { orderId: string; from: readonly OrderStatus[]; status: OrderStatus; policy?: PolicyResult; failureReason?: string | null },
): Promise<StoredOrder | null> {
  const { orderId, from, ...patch } = update;
  return services.store.transitionOrder(orderId, from, patch);
}
