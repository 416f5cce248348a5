/**
 * Persistence of orders and idempotency records. One interface, so the embedded engine
 * (SQLite file) and PostgreSQL can stand behind it.
 */
import type { Customer, OrderDevice } from '../../../contract/schemas.ts';
import type { Money, OrderStatus } from '../../../contract/types.ts';
import type { PolicyResult, QuotedOffer } from '../orders/order-types.ts';

export interface StoredOrder {
  id: string;
  merchantId: string;
  status: OrderStatus;
  offer: QuotedOffer;
  device: OrderDevice;
  customer: Customer;
  policy: PolicyResult | null;
  clientSecretHash: string;
  paymentReference: string | null;
  failureReason: string | null;
  /**
   * What a `failed` order's failure was: `refused` (the insurer said no: re-quote), `outage`
   * (the insurer answered that it did not act: the merchant may confirm again), `unknown`
   * (cover may exist: an operator checks). Null on orders that never failed.
   */
  failureKind?: FailureKind | null;
  /** What the provider reported charging, where that differs from the quoted price. */
  chargedPrice?: Money | null;
  /** The merchant's words when it cancelled (may name the shopper: encrypted, never logged). */
  cancellationReason?: string | null;
  cancelledAt?: string | null;
  /** When an operator marked the shopper refunded (console), and the operator's note (encrypted). */
  refundedAt?: string | null;
  refundNote?: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FailureKind = 'refused' | 'outage' | 'unknown';

export type OrderPatch = Partial<
  Pick<
    StoredOrder,
    | 'status'
    | 'policy'
    | 'paymentReference'
    | 'failureReason'
    | 'failureKind'
    | 'chargedPrice'
    | 'cancellationReason'
    | 'cancelledAt'
    | 'refundedAt'
    | 'refundNote'
  >
>;

export type IdempotencyBegin =
  | { state: 'started' }
  | { state: 'in_flight'; claimedAt: Date }
  | { state: 'mismatch' }
  | { state: 'completed'; status: number; body: string };

export interface IdempotencyScope {
  merchantId: string;
  route: string;
  key: string;
}

export interface Store {
  createOrder(order: StoredOrder): Promise<void>;
  getOrder(merchantId: string, id: string): Promise<StoredOrder | null>;
  /** Applies `patch` only while the order is in one of `from`; returns the new order, or null. */
  transitionOrder(id: string, from: readonly OrderStatus[], patch: OrderPatch): Promise<StoredOrder | null>;
  listOrdersByStatus(statuses: readonly OrderStatus[]): Promise<StoredOrder[]>;
  /** An order by id alone, for provider callbacks that know our order id but not the merchant. */
  getOrderById(id: string): Promise<StoredOrder | null>;

  /** Claims an idempotency key for a request body hash, atomically. */
  beginIdempotent(scope: IdempotencyScope, bodyHash: string, now: Date): Promise<IdempotencyBegin>;
  completeIdempotent(scope: IdempotencyScope, status: number, body: string): Promise<void>;
  /** Forgets an unfinished claim, so the same key can be tried again. */
  abandonIdempotent(scope: IdempotencyScope): Promise<void>;
  /**
   * Takes over an unfinished claim whose request died: true for exactly one caller, the one
   * that moved the claim from `claimedAt` to `now` (another taker sees a newer claim).
   */
  retakeIdempotent(scope: IdempotencyScope, claimedAt: Date, now: Date): Promise<boolean>;

  /** Remembers a provider event; false when the same event was stored before (a replay). */
  recordProviderEvent(event: ProviderEvent): Promise<boolean>;
  hasProviderEvent(provider: string, eventId: string): Promise<boolean>;
  /**
   * Stores `value` under a provider's key unless one is there already, and returns the
   * stored one: the first writer wins, so a retry reuses what an earlier attempt chose.
   */
  claimProviderValue(provider: string, key: string, value: string): Promise<string>;
  getProviderValue(provider: string, key: string): Promise<string | null>;
  /** Forgets the value under a provider's key, only while it is still `value` (a provider forgot it). */
  forgetProviderValue(provider: string, key: string, value: string): Promise<void>;

  close(): Promise<void>;

  /**
   * Orders an operator may have to act on, oldest first: not marked refunded, and in one of
   * `statuses` or charged a price other than quoted. At most `limit`.
   */
  listOrdersForReview(statuses: readonly OrderStatus[], limit: number): Promise<StoredOrder[]>;
  /** Orders whose policy carries this provider reference (exact match). */
  findOrdersByPolicyReference(reference: string): Promise<StoredOrder[]>;
}

export interface ProviderEvent {
  provider: string;
  eventId: string;
  type: string;
  orderId: string | null;
}
