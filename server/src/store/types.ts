/**
 * Persistence of orders and idempotency records. One interface, so the embedded engine
 * (SQLite file) and PostgreSQL can stand behind it.
 */
import type { ClaimAppointment, ClaimDecision, ClaimStatus, ClaimType } from '../../../contract/claims.ts';
import type { Customer, OrderDevice } from '../../../contract/schemas.ts';
import type { Money, OrderStatus } from '../../../contract/types.ts';
import type { PolicyResult, QuotedOffer } from '../orders/order-types.ts';

type Address = NonNullable<Customer['address']>;

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
  /** The merchant's own references (Stripe-style metadata), returned in every response and event. */
  metadata?: Record<string, string>;
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

export interface Store extends ClaimStore {
  /** With `announce`, the event it returns is written in the same transaction as the order. */
  createOrder(order: StoredOrder, announce?: Announce): Promise<void>;
  getOrder(merchantId: string, id: string): Promise<StoredOrder | null>;
  /** Applies `patch` only while the order is in one of `from`; returns the new order, or null. */
  transitionOrder(id: string, from: readonly OrderStatus[], patch: OrderPatch, announce?: Announce): Promise<StoredOrder | null>;
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

  /** A merchant's orders, newest first; null where `startingAfter` is not one of its orders. */
  listOrders(merchantId: string, query: OrderListQuery): Promise<Page<StoredOrder> | null>;

  /** A merchant's events (the outbox), newest first; null where `startingAfter` is not one of its events. */
  listEvents(merchantId: string, query: EventListQuery): Promise<Page<StoredEvent> | null>;
  getEvent(merchantId: string, id: string): Promise<StoredEvent | null>;
  /**
   * Leases due events for delivery by `owner`, at most one per order: an order's event waits
   * until every earlier event of that order is settled. Counts the attempt.
   */
  claimDueEvents(claim: EventClaim): Promise<StoredEvent[]>;
  /** Records a delivery's outcome; a no-op where `owner` lost the lease meanwhile. */
  settleEvent(id: string, owner: string, settlement: EventSettlement): Promise<void>;
  /** Queues an event for delivery again, now, with a fresh 3-day window; null where unknown. */
  resendEvent(merchantId: string, id: string, now: Date, giveUpAt: Date): Promise<StoredEvent | null>;
  /** Events not yet delivered nor given up, every merchant's: the outbox depth in /metrics. */
  countPendingEvents(): Promise<number>;

  close(): Promise<void>;

  /**
   * Orders an operator may have to act on, oldest first: not marked refunded, and in one of
   * `statuses` or charged a price other than quoted. At most `limit`.
   */
  listOrdersForReview(statuses: readonly OrderStatus[], limit: number): Promise<StoredOrder[]>;
  /** Orders whose policy reference, or one of whose metadata values, is exactly `reference` (at most 20, newest first). */
  findOrdersByReference(reference: string): Promise<StoredOrder[]>;
  /** Claims the provider has not decided yet (submitted, in review), oldest first, at most `limit`. */
  listClaimsAwaitingDecision(limit: number): Promise<StoredClaim[]>;
  // Optional: what a store shared by several instances adds (PostgreSQL). Absent, each
  // instance keeps these in memory (SQLite serves one process; test fakes need none).
  /** Reachable, and migrated to the latest version this code knows (readiness probe). */
  checkReady?(): Promise<StoreReadiness>;
  /**
   * Adds `cost` to the counter `key` in the window starting at `windowStart` (ms), unless the
   * total would pass `limit`: returns the new total, or null (nothing added). Atomic across instances.
   */
  addToCounter?(key: string, windowStart: number, cost: number, limit: number): Promise<number | null>;
  /** The counter's total in that window (0 when none). */
  readCounter?(key: string, windowStart: number): Promise<number>;
  /**
   * Claims the oldest order in `statuses` that no live lease holds, for `owner` until `until`
   * (`FOR UPDATE SKIP LOCKED`: concurrent claimers never get the same order); null when none is left.
   */
  claimOrderLease?(statuses: readonly OrderStatus[], owner: string, until: Date, now: Date): Promise<StoredOrder | null>;
  /** Ends every lease `owner` holds. */
  releaseOrderLeases?(owner: string): Promise<void>;
  /** Takes the lock `key` for `owner` until `until`, unless another owner holds it unexpired: true when taken. */
  acquireLock?(key: string, owner: string, until: Date, now: Date): Promise<boolean>;
  /** Lets go of `key`, if `owner` still holds it. */
  releaseLock?(key: string, owner: string): Promise<void>;
}

export interface StoreReadiness {
  ready: boolean;
  /** Why not, in words an operator can act on (never a connection string). */
  reason?: string;
}

/** An event for the outbox, built from the order (or claim) as it is inside the transaction. */
export type Announce<Record = StoredOrder> = (record: Record) => NewEvent | null;

export interface NewEvent {
  id: string;
  merchantId: string;
  type: string;
  /** Events are delivered in order per order. */
  orderId: string;
  livemode: boolean;
  /** The exact JSON the merchant receives (and its signature covers). */
  body: string;
  createdAt: string;
  /** False where the merchant has no webhook endpoint: listed, never sent. */
  deliver: boolean;
  giveUpAt: string;
}

/** `pending`: to be delivered; `delivered`: answered 2xx; `failed`: given up after 3 days; `not_sent`: no endpoint. */
export type EventState = 'pending' | 'delivered' | 'failed' | 'not_sent';

export interface StoredEvent extends Omit<NewEvent, 'deliver'> {
  sequence: number;
  state: EventState;
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  deliveredAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

export interface EventClaim {
  owner: string;
  merchantIds: readonly string[];
  now: Date;
  leaseMs: number;
  limit: number;
}

export interface EventSettlement {
  state: 'pending' | 'delivered' | 'failed';
  at: Date;
  nextAttemptAt?: Date;
  lastStatus: number | null;
  lastError: string | null;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export interface OrderListQuery {
  statuses?: readonly OrderStatus[];
  limit: number;
  startingAfter?: string;
}

export interface EventListQuery {
  type?: string;
  limit: number;
  startingAfter?: string;
}

export interface ProviderEvent {
  provider: string;
  eventId: string;
  type: string;
  orderId: string | null;
}

/**
 * A claim on an order's policy (issue 14). The incident description and the address are the
 * shopper's words and whereabouts: encrypted at rest, never logged.
 */
export interface StoredClaim {
  id: string;
  merchantId: string;
  orderId: string;
  livemode: boolean;
  provider: string;
  status: ClaimStatus;
  type: ClaimType;
  /** The provider's reference for the claim; null until the provider has one. */
  reference: string | null;
  incident: { date: string; description: string };
  /** The provider's issue code, where it lists issues. */
  issue: string | null;
  appointment: ClaimAppointment | null;
  address: Address | null;
  decision: ClaimDecision | null;
  timeline: { status: ClaimStatus; at: string }[];
  /** Provider ids worth keeping for support (its own claim id, a payout id); no personal data. */
  providerReferences: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export type ClaimPatch = Partial<
  Pick<StoredClaim, 'status' | 'reference' | 'appointment' | 'decision' | 'timeline' | 'providerReferences'>
>;

/** Claims, beside orders in the same store (claims-store-*.ts). */
export interface ClaimStore {
  createClaim(claim: StoredClaim): Promise<void>;
  getClaim(merchantId: string, id: string): Promise<StoredClaim | null>;
  /** A claim by id alone, for provider events that know our claim reference but not the merchant. */
  getClaimById(id: string): Promise<StoredClaim | null>;
  /** An order's claims, newest first: at most `limit`, after the claim `startingAfter` where given. */
  listClaims(orderId: string, options?: { limit?: number; startingAfter?: string }): Promise<StoredClaim[]>;
  /** Applies `patch` only while the claim is in one of `from`; returns the new claim, or null. */
  transitionClaim(
    id: string,
    from: readonly ClaimStatus[],
    patch: ClaimPatch,
    announce?: Announce<StoredClaim>,
  ): Promise<StoredClaim | null>;
  /** Deletes a claim the provider never took (still `submitted`, no reference): a definite refusal. */
  discardClaim(id: string): Promise<void>;
}
