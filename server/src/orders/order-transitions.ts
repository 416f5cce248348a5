/**
 * The order lifecycle as data: every move an order may make, and why. The order service
 * refuses any other move, so a provider answer or event can never put an order somewhere
 * the lifecycle has no way out of (DESIGN.md, "Order statuses").
 */
import type { OrderStatus } from '../../../contract/types.ts';

export interface OrderTransition {
  readonly from: OrderStatus;
  readonly to: readonly OrderStatus[];
  readonly why: string;
}

export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { from: 'awaiting_payment', to: ['binding'], why: 'payment confirmed: the intent to bind is written before the provider is called' },
  {
    from: 'binding',
    to: ['active', 'pending', 'pending_activation', 'declined'],
    why: 'provider answered: the bind, a status check or a provider event',
  },
  { from: 'binding', to: ['failed'], why: 'provider refused, or the outcome is unknown and there is no way to check' },
  { from: 'pending_activation', to: ['active', 'pending'], why: 'video accepted' },
  { from: 'pending_activation', to: ['declined'], why: 'provider status: the cover was refused' },
  { from: 'pending_activation', to: ['pending_activation'], why: 'provider status: the policy changed, the status did not' },
  { from: 'pending', to: ['active', 'declined'], why: 'provider event or status' },
  { from: 'pending', to: ['failed'], why: 'provider event: the asynchronous bind failed' },
  { from: 'pending', to: ['pending'], why: 'provider status: the policy changed, the status did not' },
  {
    from: 'failed',
    to: ['binding'],
    why: 'merchant retried the payment confirmation: only where the insurer answered that it did not act (outage, busy) and the offer has not expired',
  },
  {
    from: 'failed',
    to: ['active', 'pending', 'pending_activation'],
    why: 'provider event or status confirms cover after we gave up on the bind (a crash mid-bind): the cover exists, the order is revived',
  },
  { from: 'active', to: ['cancelled'], why: 'cancelled at the provider' },
  { from: 'pending_activation', to: ['cancelled'], why: 'cancelled at the provider' },
];

/** True where the table has the edge `from → to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS.some((transition) => transition.from === from && transition.to.includes(to));
}

/** Every status the lifecycle knows (a record, so the compiler notices a status added to the contract). */
const EVERY_STATUS: Record<OrderStatus, true> = {
  awaiting_payment: true,
  binding: true,
  active: true,
  pending_activation: true,
  pending: true,
  declined: true,
  failed: true,
  cancelled: true,
};
export const ORDER_STATUSES = Object.keys(EVERY_STATUS) as readonly OrderStatus[];

/**
 * Final: the order is settled. Only `failed` has ways out, and only on news from outside —
 * the merchant confirming again after an outage, or the provider confirming cover late.
 */
export const FINAL_STATUSES: readonly OrderStatus[] = ['declined', 'failed', 'cancelled'];
/** Statuses in which cover exists (or is being set up) at the provider. */
export const COVER_STATUSES: readonly OrderStatus[] = ['active', 'pending', 'pending_activation'];
/** Waiting on the provider after the bind: asked for news on read and by the reconciler. */
export const REFRESHABLE_STATUSES: readonly OrderStatus[] = ['pending', 'pending_activation'];
/** Bound or being bound, and the provider may have news: the reconciler brings these forward. */
export const RECONCILABLE_STATUSES: readonly OrderStatus[] = ['binding', ...REFRESHABLE_STATUSES];
/** Paid for and bound, or being bound: a repeated confirm with the same payment answers with the order. */
export const BOUND_STATUSES: readonly OrderStatus[] = ['binding', 'active', 'pending', 'pending_activation'];
/** A policy the provider may still cancel. */
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ['active', 'pending_activation'];
/** Waiting for the shopper's verification video. */
export const ACTIVATABLE_STATUSES: readonly OrderStatus[] = ['pending_activation'];
/** A certificate may exist: a pending order may have been approved since it was last read. */
export const CERTIFIABLE_STATUSES: readonly OrderStatus[] = ['active', 'pending'];
