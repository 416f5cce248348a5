/** The shapes /console/api answers with (server/src/operator/*), as the console reads them. */
export interface Money {
  amount: number;
  currency: string;
}

export interface Attention {
  kind: 'failed_after_payment' | 'binding_too_long' | 'price_difference' | 'pending_too_long' | 'claim_awaiting_decision';
  title: string;
  todo: string;
}

export interface OperatorOrder {
  id: string;
  merchantId: string;
  livemode: boolean;
  status: string;
  provider: string;
  providerName: string;
  plan: { type: string; name: string; termMonths: number };
  price: Money;
  chargedPrice: Money | null;
  paymentReference: string | null;
  failureReason: string | null;
  failureKind: 'refused' | 'outage' | 'unknown' | null;
  policy: { reference: string; startsAt: string | null; endsAt: string | null; providerReferences: Record<string, string> } | null;
  device: { category: string; brand: string; model: string; imei: string | null; serial: string | null };
  customer: { phone: string | null; country: string | null };
  metadata: Record<string, string>;
  refundedAt: string | null;
  refundNote: string | null;
  timeline: { at: string | null; what: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface OperatorClaim {
  id: string;
  status: string;
  type: string;
  reference: string | null;
  incidentDate: string;
  providerReferences: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface OrderRow {
  order: OperatorOrder;
  attention: Attention | null;
  /** Set on a queue row about a claim on this order. */
  claim?: OperatorClaim;
}

export interface OutcomeCounts {
  ok: number;
  refused: number;
  outage: number;
  unknown: number;
}

export interface ProviderHealth {
  id: string;
  name: string;
  mode: 'sandbox' | 'live';
  circuit: 'closed' | 'open' | 'half_open';
  lastHour: { total: OutcomeCounts; minutes: (OutcomeCounts & { at: string })[] };
}

export interface Session {
  scope: 'operator' | 'merchant';
  merchantId: string | null;
  mode: 'test' | 'live';
}

/** What the console asks an order card's owner to do. */
export type OrderAction = { action: 'reconcile' } | { action: 'refunded'; note: string } | { action: 'cancel'; reason: string };

export interface OperatorEvent {
  id: string;
  merchantId: string;
  type: string;
  orderId: string;
  state: 'pending' | 'delivered' | 'failed' | 'not_sent';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  giveUpAt: string;
  createdAt: string;
}
