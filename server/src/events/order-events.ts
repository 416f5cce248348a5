/**
 * The events announcing an order's changes, built inside the store's transaction from the
 * order as the merchant's own API read shows it: no clientSecret, no shopper's personal data.
 */
import { randomBytes } from 'node:crypto';
import type { CoverkitEventType, OrderStatus } from '../../../contract/types.ts';
import type { Merchant } from '../config.ts';
import { presentOrder } from '../orders/present-order.ts';
import type { Announce, StoredOrder } from '../store/types.ts';

/** A delivery not answered 2xx is retried for this long, then given up. */
export const DELIVERY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** The status an order reached → its event; `binding` and `awaiting_payment` announce nothing. */
const EVENT_OF_STATUS: Partial<Record<OrderStatus, CoverkitEventType>> = {
  active: 'order.active',
  pending: 'order.pending',
  // The shopper's activation step: the insurer has not approved cover yet.
  pending_activation: 'order.pending',
  failed: 'order.failed',
  declined: 'order.declined',
  cancelled: 'order.cancelled',
};

/** Time-ordered ids (newest sort last), so listing by id agrees with listing by time. */
let lastIdMs = 0;

export function newEventId(now = new Date()): string {
  // Monotonic in this process: lists are newest first by time, then id, so two events written in
  // one millisecond (an order's created and its next status) still list in the order they happened.
  lastIdMs = Math.max(now.getTime(), lastIdMs + 1);
  return `evt_${lastIdMs.toString(36).padStart(9, '0')}${randomBytes(9).toString('base64url')}`;
}

/** The JSON the merchant receives: `{id, type, created, livemode, data}` as DESIGN.md says. */
export function eventBody(id: string, type: CoverkitEventType, createdAt: Date, livemode: boolean, data: object): string {
  return JSON.stringify({ id, type, created: Math.floor(createdAt.getTime() / 1000), livemode, data });
}

/** An Announce for `type` (or, without one, for the status the order reached). */
export function announceOrder(merchants: readonly Merchant[] | undefined, type?: CoverkitEventType): Announce {
  return (order: StoredOrder) => {
    const merchant = merchants?.find((candidate) => candidate.id === order.merchantId);
    const eventType = type ?? EVENT_OF_STATUS[order.status];
    if (!eventType) return null;
    const createdAt = new Date();
    const id = newEventId(createdAt);
    const livemode = order.offer.livemode === true;
    return {
      id,
      merchantId: order.merchantId,
      type: eventType,
      orderId: order.id,
      livemode,
      body: eventBody(id, eventType, createdAt, livemode, { order: presentOrder(order) }),
      createdAt: createdAt.toISOString(),
      deliver: Boolean(merchant?.webhookUrl),
      giveUpAt: new Date(createdAt.getTime() + DELIVERY_WINDOW_MS).toISOString(),
    };
  };
}
