/**
 * What an order remembers of its offer and its policy. Shared by the lifecycle, the store
 * and the provider modules; it lives here so the store never imports a provider.
 */
import type { QuoteRequest, RequirableField } from '../../../contract/schemas.ts';
import type { Money, OrderStatus, PlanType, ProviderId } from '../../../contract/types.ts';

export type QuoteDevice = QuoteRequest['device'];

/** One plan as a provider quoted it: what the offer sells and what its bind needs. */
export interface QuotedPlan {
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

/** What was quoted, as carried by the signed offer id. */
export interface QuotedOffer extends QuotedPlan {
  provider: ProviderId;
  /** The provider module's display name when quoted (absent on orders made before it was kept). */
  providerName?: string;
  device: QuoteDevice;
  country: string;
  /** Quoted in live mode (COVERKIT_MODE=live); the order keeps it with its offer. */
  livemode?: boolean;
  /** When the signed offer expires (kept on the order, so a retried confirm knows whether it is still valid). */
  expiresAt?: string;
}

export interface PolicyResult {
  reference: string;
  startsAt: string | null;
  endsAt: string | null;
  activationCode: string | null;
  certificate: boolean;
  /** Provider ids worth keeping for support and reconciliation (order ids and the like). */
  providerReferences?: Record<string, string>;
}

/** A news item from the provider (webhook, callback): where the order may be, and where it goes. */
export interface ProviderEventUpdate {
  orderId: string;
  from: readonly OrderStatus[];
  status: OrderStatus;
  policy?: PolicyResult;
  failureReason?: string | null;
}
