/**
 * What the operator console shows of an order: enough to act (status, why it failed, the
 * provider's references, payment reference, price), and of the shopper only the last digits
 * an operator needs to match a phone call or a provider's record (IMEI last 4, phone last 3).
 * Never the shopper's name, email or address, never the client secret's hash.
 */
import type { Money, OrderStatus } from '../../../contract/types.ts';
import type { FailureKind, StoredClaim, StoredOrder } from '../store/types.ts';

export interface TimelineEntry {
  at: string | null;
  what: string;
}

export interface OperatorOrder {
  id: string;
  merchantId: string;
  livemode: boolean;
  status: OrderStatus;
  provider: string;
  providerName: string;
  plan: { type: string; name: string; termMonths: number };
  price: Money;
  chargedPrice: Money | null;
  paymentReference: string | null;
  failureReason: string | null;
  failureKind: FailureKind | null;
  policy: { reference: string; startsAt: string | null; endsAt: string | null; providerReferences: Record<string, string> } | null;
  device: { category: string; brand: string; model: string; imei: string | null; serial: string | null };
  customer: { phone: string | null; country: string | null };
  /** The merchant's own references (cart, SKU…), to match the merchant's records. */
  metadata: Record<string, string>;
  refundedAt: string | null;
  refundNote: string | null;
  timeline: TimelineEntry[];
  createdAt: string;
  updatedAt: string;
}

/** `••••7518`: the last `visible` characters of an identifier, the rest hidden. */
export function maskTail(value: string | undefined | null, visible: number): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, '');
  return `••••${compact.slice(-visible)}`;
}

function timeline(order: StoredOrder): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: order.createdAt, what: 'Order created, awaiting payment' }];
  if (order.paymentReference) entries.push({ at: null, what: `Paid (${order.paymentReference}); bind sent to the provider` });
  if (order.status !== 'awaiting_payment') {
    const why = order.failureReason ? `: ${order.failureReason}` : '';
    entries.push({ at: order.updatedAt, what: `Now ${order.status.replace('_', ' ')}${why}` });
  }
  if (order.cancelledAt) entries.push({ at: order.cancelledAt, what: 'Cancelled at the provider' });
  if (order.refundedAt) entries.push({ at: order.refundedAt, what: `Marked refunded${order.refundNote ? `: ${order.refundNote}` : ''}` });
  return entries;
}

export function presentOperatorOrder(order: StoredOrder): OperatorOrder {
  const { offer } = order;
  return {
    id: order.id,
    merchantId: order.merchantId,
    livemode: offer.livemode === true,
    status: order.status,
    provider: offer.provider,
    providerName: offer.providerName ?? offer.provider,
    plan: { type: offer.type, name: offer.name, termMonths: offer.termMonths },
    price: offer.price,
    chargedPrice: order.chargedPrice ?? null,
    paymentReference: order.paymentReference,
    failureReason: order.failureReason,
    failureKind: order.failureKind ?? null,
    policy: order.policy
      ? {
          reference: order.policy.reference,
          startsAt: order.policy.startsAt,
          endsAt: order.policy.endsAt,
          providerReferences: order.policy.providerReferences ?? {},
        }
      : null,
    device: {
      category: offer.device.category,
      brand: offer.device.brand,
      model: offer.device.model,
      imei: maskTail(order.device.imei, 4),
      serial: maskTail(order.device.serial, 4),
    },
    customer: { phone: maskTail(order.customer.phone, 3), country: order.customer.address?.country ?? offer.country ?? null },
    metadata: order.metadata ?? {},
    refundedAt: order.refundedAt ?? null,
    refundNote: order.refundNote ?? null,
    timeline: timeline(order),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

/** A claim as the operator sees it: status, provider references, dates; never the shopper's description or address. */
export function presentOperatorClaim(claim: StoredClaim) {
  return {
    id: claim.id,
    status: claim.status,
    type: claim.type,
    reference: claim.reference,
    incidentDate: claim.incident.date,
    providerReferences: claim.providerReferences,
    decision: claim.decision,
    timeline: claim.timeline,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}
