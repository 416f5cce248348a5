/**
 * Which orders need an operator, and what to tell them: each case with a title, what
 * happened and one sentence of what to do. Most urgent first: a shopper who paid and has no
 * cover, then a bind nobody settled, a price the provider changed, a review that drags on.
 */
import type { Money, OrderStatus } from '../../../contract/types.ts';
import type { StoredClaim, StoredOrder } from '../store/types.ts';

export type AttentionKind =
  'failed_after_payment' | 'binding_too_long' | 'price_difference' | 'pending_too_long' | 'claim_awaiting_decision';

export interface Attention {
  kind: AttentionKind;
  title: string;
  todo: string;
}

/** Statuses the store is asked about (orders charged another price come whatever their status). */
export const REVIEW_STATUSES: readonly OrderStatus[] = ['failed', 'declined', 'binding', 'pending', 'pending_activation'];

/** A provider review or a shopper's video step longer than this is worth a look. */
export const PENDING_ATTENTION_MS = 24 * 60 * 60 * 1000;

const URGENCY: readonly AttentionKind[] = [
  'failed_after_payment',
  'binding_too_long',
  'price_difference',
  'pending_too_long',
  'claim_awaiting_decision',
];

const formatMoney = (money: Money) => `${money.amount.toFixed(2)} ${money.currency}`;

function failedAfterPayment(order: StoredOrder, provider: string): Attention {
  const title = order.status === 'declined' ? 'Declined after payment' : 'Failed after payment';
  const refund = `refund the shopper ${formatMoney(order.offer.price)} (payment ${order.paymentReference}) and mark it refunded.`;
  if (order.status === 'declined') return { kind: 'failed_after_payment', title, todo: `${provider} refused this cover: ${refund}` };
  switch (order.failureKind) {
    case 'unknown':
      return {
        kind: 'failed_after_payment',
        title,
        todo: `Cover may exist at ${provider}: retry reconcile (or ask ${provider} about order ${order.id}); if there is no cover, ${refund}`,
      };
    case 'outage':
      return {
        kind: 'failed_after_payment',
        title,
        todo: `${provider} did not act (it was down or busy): the merchant may confirm again while the offer is valid; otherwise ${refund}`,
      };
    default:
      return { kind: 'failed_after_payment', title, todo: `${provider} refused this plan: ${refund}` };
  }
}

/** What an order needs from an operator now, or null. `bindGraceMs`: how long a bind may rightly take. */
export function attentionFor(order: StoredOrder, { now, bindGraceMs }: { now: number; bindGraceMs: number }): Attention | null {
  if (order.refundedAt) return null;
  const provider = order.offer.providerName ?? order.offer.provider;
  const idleMs = now - Date.parse(order.updatedAt);
  if ((order.status === 'failed' || order.status === 'declined') && order.paymentReference) return failedAfterPayment(order, provider);
  if (order.status === 'binding' && idleMs > bindGraceMs) {
    return {
      kind: 'binding_too_long',
      title: 'Binding too long',
      todo: `No answer from ${provider} settled this bind: retry reconcile; where ${provider} has no record, it fails and asks for a refund here.`,
    };
  }
  const charged = order.chargedPrice;
  if (charged && (charged.amount !== order.offer.price.amount || charged.currency !== order.offer.price.currency)) {
    return {
      kind: 'price_difference',
      title: 'Price difference',
      todo: `${provider} charged ${formatMoney(charged)} for a plan quoted at ${formatMoney(order.offer.price)}: settle the difference with the merchant, then mark it refunded (settled).`,
    };
  }
  if ((order.status === 'pending' || order.status === 'pending_activation') && idleMs > PENDING_ATTENTION_MS) {
    return {
      kind: 'pending_too_long',
      title: order.status === 'pending' ? 'Pending too long' : 'Activation video awaited too long',
      todo:
        order.status === 'pending'
          ? `${provider} has been reviewing for over a day: retry reconcile to ask again, and ask ${provider} if it stays pending.`
          : `The shopper has not sent the activation video for over a day: ask the merchant to remind them; retry reconcile to ask ${provider} again.`,
    };
  }
  return null;
}

/** The orders needing attention, most urgent kind first, oldest first within a kind. */
export function attentionQueue<Order extends StoredOrder>(
  orders: readonly Order[],
  options: { now: number; bindGraceMs: number },
): { order: Order; attention: Attention }[] {
  return orders
    .flatMap((order) => {
      const attention = attentionFor(order, options);
      return attention ? [{ order, attention }] : [];
    })
    .sort(
      (left, right) =>
        URGENCY.indexOf(left.attention.kind) - URGENCY.indexOf(right.attention.kind) ||
        left.order.createdAt.localeCompare(right.order.createdAt),
    );
}

/** A claim the provider has not decided: the operator follows it up with the provider. */
export function claimAttention(claim: StoredClaim, provider: string): Attention {
  const reference = claim.reference ? `claim ${claim.reference}` : `our claim ${claim.id} (no provider reference yet)`;
  return {
    kind: 'claim_awaiting_decision',
    title: claim.status === 'submitted' ? 'Claim not yet taken up' : 'Claim awaiting a decision',
    todo: `${provider} has not decided ${reference}, ${claim.status.replace('_', ' ')} since ${claim.updatedAt.slice(0, 10)}: ask ${provider} for a decision; the shopper sees it as soon as ${provider} sends it.`,
  };
}
