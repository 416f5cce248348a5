/**
 * Event deliveries as the console shows them: what was sent to which merchant, how it went,
 * and a re-send that queues it again with a fresh delivery window. Never the event's body
 * (the merchant's copy of the order); its type, order and delivery state are enough to act.
 */
import { DELIVERY_WINDOW_MS } from '../events/order-events.ts';
import { ApiError } from '../errors.ts';
import type { Merchant } from '../config.ts';
import type { Store, StoredEvent } from '../store/types.ts';
import { canSee, type OperatorScope } from './operator-auth.ts';

/** How many of the newest events the console lists (per merchant, then merged). */
export const EVENTS_LISTED = 30;

export function presentOperatorEvent(event: StoredEvent) {
  return {
    id: event.id,
    merchantId: event.merchantId,
    type: event.type,
    orderId: event.orderId,
    state: event.state,
    attempts: event.attempts,
    lastStatus: event.lastStatus,
    lastError: event.lastError,
    nextAttemptAt: event.state === 'pending' ? event.nextAttemptAt : null,
    deliveredAt: event.deliveredAt,
    giveUpAt: event.giveUpAt,
    createdAt: event.createdAt,
  };
}

export function createOperatorEvents({ store, merchants }: { store: Store; merchants: readonly Merchant[] }) {
  const visibleMerchants = (scope: OperatorScope) => merchants.filter((merchant) => canSee(scope, merchant.id));

  return {
    async list(scope: OperatorScope) {
      const pages = await Promise.all(visibleMerchants(scope).map((merchant) => store.listEvents(merchant.id, { limit: EVENTS_LISTED })));
      return pages
        .flatMap((page) => page?.data ?? [])
        .sort((left, right) => right.createdAt.localeCompare(left.createdAt))
        .slice(0, EVENTS_LISTED)
        .map(presentOperatorEvent);
    },

    async resend(scope: OperatorScope, id: string) {
      for (const merchant of visibleMerchants(scope)) {
        if (!(await store.getEvent(merchant.id, id))) continue;
        if (!merchant.webhookUrl) {
          throw new ApiError({
            status: 409,
            code: 'webhook_not_configured',
            message: `Merchant ${merchant.id} has no webhook endpoint: its events are listed, never sent`,
          });
        }
        const now = new Date();
        const resent = await store.resendEvent(merchant.id, id, now, new Date(now.getTime() + DELIVERY_WINDOW_MS));
        if (resent) return presentOperatorEvent(resent);
      }
      throw new ApiError({ status: 404, code: 'not_found', message: `No event ${id}` });
    },
  };
}
