/**
 * The one way a provider's event (a webhook, an async callback) changes an order: through
 * the order service, so the move is checked against the transition table.
 */
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';
import { orderServiceFor } from './order-service.ts';
import type { ProviderEventUpdate } from './order-types.ts';

export function applyProviderEvent(services: AppServices, update: ProviderEventUpdate): Promise<StoredOrder | null> {
  return orderServiceFor(services).applyProviderEvent(update);
}
