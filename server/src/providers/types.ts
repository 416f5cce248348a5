/**
 * The one interface every provider adapter implements. An adapter turns our device,
 * order and customer into its provider's calls and back; it knows nothing of HTTP routes.
 */
import type { Customer, OrderDevice, RequirableField } from '../../../contract/schemas.ts';
import type { Money, OrderStatus, PlanType, ProviderId } from '../../../contract/types.ts';
import type { PolicyResult, QuoteDevice, QuotedOffer } from '../orders/order-types.ts';

export type { PolicyResult, QuoteDevice, QuotedOffer } from '../orders/order-types.ts';

export interface QuoteInput {
  device: QuoteDevice;
  country: string;
  signal: AbortSignal;
}

/** One plan a provider offers for the device, before we sign it into an offer. */
export interface PlanQuote {
  type: PlanType;
  /** The provider's own plan identifier, enough to bind this exact plan later. */
  planCode: string;
  name: string;
  termMonths: number;
  price: Money;
  requires: RequirableField[];
  covers: string[];
  /** Provider-specific values the bind needs (session ids and the like); no personal data. */
  context?: Record<string, string | number>;
}

export type QuoteOutcome = { kind: 'plans'; plans: PlanQuote[] } | { kind: 'unavailable'; code: string; message: string };

export interface BindInput {
  orderId: string;
  offer: QuotedOffer;
  device: OrderDevice;
  customer: Customer;
  paymentReference: string;
  signal: AbortSignal;
}

export interface BindResult {
  status: Extract<OrderStatus, 'active' | 'pending' | 'pending_activation' | 'declined'>;
  policy: PolicyResult;
}

export interface StatusInput {
  orderId: string;
  offer: QuotedOffer;
  policy: PolicyResult | null;
  signal: AbortSignal;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly mode: 'sandbox' | 'live';
  /**
   * True where calling `bind` again for the same order cannot create a second policy
   * (the provider deduplicates on our reference). The reconciler retries only then.
   */
  readonly bindRetrySafe: boolean;
  /** Plans for a device; an unsupported market or device is `unavailable`, not an error. */
  quote(input: QuoteInput): Promise<QuoteOutcome>;
  /** Binds the plan at the provider; throws ProviderError when it cannot. */
  bind(input: BindInput): Promise<BindResult>;
  /** Fresh status from the provider, or null where the provider has no status call. */
  status(input: StatusInput): Promise<BindResult | null>;
  /** Categories and brands the provider can cover, for the catalog. */
  catalog(): Promise<ProviderCatalog>;
  /** Cancels a bound policy; absent where the provider has no cancellation (the route answers 409). */
  cancel?(input: CancelInput): Promise<CancelResult>;
  /** Sends the shopper's activation video (Octamile); absent elsewhere. */
  activate?(input: ActivationInput): Promise<BindResult>;
  /** The policy certificate file, where the provider issues one. */
  certificate?(input: StatusInput): Promise<CertificateFile>;
}

export interface CancelInput extends StatusInput {
  reason: string;
}

export type CancelResult = { cancelled: true; refund?: Money | null } | { cancelled: false; message: string };

export interface ActivationInput extends StatusInput {
  video: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  /** Octamile's activation repeats the shopper's details next to the video. */
  device: OrderDevice;
  customer: Customer;
  /** A fresh stream of the same video, so a provider call answered "busy" can be retried. */
  replayVideo?: () => ReadableStream<Uint8Array>;
}

export interface CertificateFile {
  content: Uint8Array;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
}

export interface ProviderCatalog {
  categories: string[];
  brands: { name: string; category: string; models?: string[] }[];
  currencies: string[];
  countries: string[];
}
