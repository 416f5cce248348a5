/** Response shapes of the /v1 API, as DESIGN.md fixes them. */
import type { Claim } from './claims.ts';
import type { RequirableField } from './schemas.ts';

/**
 * A provider module's id (`assurify`, `bigfix`, `servify`, `octamile`, …). Open on the wire:
 * the server's registry of provider modules is the only list, so a new provider needs no
 * contract or widget change. Display names travel with offers and the catalog.
 */
export type ProviderId = string;
export const providerIdPattern = /^[a-z][a-z0-9-]{1,30}$/;
export type PlanType = 'EW' | 'ADLD' | 'SCREEN' | 'COMPREHENSIVE';

export interface Money {
  amount: number;
  currency: string;
}

export interface Offer {
  offerId: string;
  provider: ProviderId;
  /** The insurer's name as shoppers know it. */
  providerName?: string;
  type: PlanType;
  name: string;
  termMonths: number;
  price: Money;
  requires: RequirableField[];
  expiresAt: string;
  covers?: string[];
  termsUrl?: string;
}

export interface Unavailable {
  provider: ProviderId;
  code: string;
  message: string;
}

export interface QuoteResponse {
  offers: Offer[];
  unavailable: Unavailable[];
}

export type OrderStatus =
  'awaiting_payment' | 'binding' | 'active' | 'pending_activation' | 'pending' | 'declined' | 'failed' | 'cancelled';

export interface Policy {
  provider: ProviderId;
  reference: string;
  startsAt: string | null;
  endsAt: string | null;
  activationCode: string | null;
  certificate: boolean;
}

export interface Order {
  id: string;
  /** True for an order made in live mode (live keys, live providers); false in test mode. */
  livemode: boolean;
  status: OrderStatus;
  clientSecret?: string;
  offer: Omit<Offer, 'offerId' | 'requires' | 'expiresAt'>;
  policy: Policy | null;
  failureReason?: string | null;
  /** What the insurer reported charging at the bind, where it differs from `offer.price`; null otherwise. */
  chargedPrice?: Money | null;
  /** `chargedPrice` − `offer.price` (positive: the insurer charged more); null where they match. */
  priceDifference?: Money | null;
  /** Why the merchant cancelled, and when (set once the order is `cancelled`). */
  cancellationReason?: string | null;
  cancelledAt?: string | null;
  /** The merchant's own references given at create (≤ 20 keys), in every response and event. */
  metadata?: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    requestId: string;
  };
}

/** `GET /v1/catalog`: what the picker offers when the page gives no brand or model. */
export interface Catalog {
  categories: string[];
  brands: { name: string; category: string; models: string[]; providers: ProviderId[] }[];
  currencies: string[];
  countries: string[];
  providers: { id: ProviderId; name: string; mode: 'sandbox' | 'live' }[];
}

/** Events Coverkit POSTs to a merchant's webhook endpoint (and lists at `GET /v1/events`). */
export const coverkitEventTypes = [
  'order.created',
  'order.active',
  'order.pending',
  'order.failed',
  'order.declined',
  'order.cancelled',
  'claim.created',
  'claim.updated',
] as const;
export type CoverkitEventType = (typeof coverkitEventTypes)[number];

/** The body of an event, exactly as signed: `Coverkit-Signature` covers these bytes. */
export interface CoverkitEvent {
  id: string;
  type: CoverkitEventType;
  /** Unix seconds. */
  created: number;
  livemode: boolean;
  data: { order?: Order; claim?: Claim };
}
