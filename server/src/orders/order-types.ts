/**
 * What an order remembers of its offer and its policy. Shared by the lifecycle, the store
 * and the provider modules; it lives here so the store never imports a provider.
 */
import type { QuoteRequest, RequirableField } from '../../../contract/schemas.ts';
import type { Money, OrderStatus, PlanType, ProviderId } from '../../../contract/types.ts';

export type QuoteDevice = QuoteRequest['device'];

/** What was quoted, as carried by the signed offer id. */
export interface QuotedOffer {
  provider: ProviderId;
  /** The provider module's display name when quoted (absent on orders made before it was kept). */
  providerName?: string;
  type: PlanType;
  planCode: string;
  name: string;
  termMonths: number;
  price: Money;
  requires: RequirableField[];
  covers: string[];
  device: QuoteDevice;
  country: string;
  context?: Record<string, string | number>;
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
