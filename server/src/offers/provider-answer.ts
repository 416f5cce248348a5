/**
 * One provider's part of a quote answer: its signed offers (cheapest first) or why it has
 * none. Used by both forms of `POST /v1/quotes` (all at once, or one NDJSON line each).
 */
import type { QuoteRequest } from '../../../contract/schemas.ts';
import type { Offer, OfferTerms, ProviderId, QuoteResponse, Unavailable } from '../../../contract/types.ts';
import { ProviderError } from '../errors.ts';
import type { QuoteOutcome, QuotedOffer } from '../providers/types.ts';
import type { AppServices } from '../services.ts';
import type { Merchant } from '../config.ts';

/** An offer never outlives what the provider quoted it on (an Assurify session lives 15 minutes). */
function offerExpiry(ours: Date, provider: string | undefined): Date {
  const providerEnd = provider ? Date.parse(provider) : Number.NaN;
  return Number.isNaN(providerEnd) || providerEnd >= ours.getTime() ? ours : new Date(providerEnd);
}

export interface AnswerContext {
  services: AppServices;
  merchant: Merchant;
  request: QuoteRequest;
  requestId: string;
  /** When offers made now expire (the same for every provider of one quote). */
  expiresAt: Date;
}

/** The answer (or failure) of one provider, as the shopper's API shows it. Never throws. */
export function providerAnswer(
  provider: ProviderId,
  outcome: PromiseSettledResult<QuoteOutcome>,
  { services, merchant, request, requestId, expiresAt }: AnswerContext,
): QuoteResponse {
  const { config, adapters, providers: modules, logger, providerHealth } = services;
  const unavailable: Unavailable[] = [];
  if (outcome.status === 'rejected') {
    const error: unknown = outcome.reason;
    providerHealth.record(provider, false);
    if (error instanceof ProviderError) {
      logger.warn('quote failed', { requestId, provider, failure: error.failure, code: error.providerCode });
      unavailable.push({
        provider,
        code: error.failure === 'timeout' ? 'provider_timeout' : 'provider_error',
        message: error.shopperMessage,
      });
    } else {
      logger.error('quote crashed', { requestId, provider, error: String(error) });
      unavailable.push({ provider, code: 'provider_error', message: 'Plans from this provider cannot be shown right now.' });
    }
    return { offers: [], unavailable };
  }
  providerHealth.record(provider, true);
  if (outcome.value.kind === 'unavailable')
    return { offers: [], unavailable: [{ provider, code: outcome.value.code, message: outcome.value.message }] };
  for (const note of outcome.value.unavailable ?? []) unavailable.push({ provider, code: note.code, message: note.message });
  const providerName = modules.get(provider)?.displayName ?? adapters.get(provider)!.displayName;
  const signer = services.signerFor(merchant);
  const terms = (config.providers[provider] as { terms?: OfferTerms } | undefined)?.terms;
  const offers: Offer[] = outcome.value.plans.map((plan) => {
    const quoted: QuotedOffer = {
      provider,
      providerName,
      type: plan.type,
      planCode: plan.planCode,
      name: plan.name,
      termMonths: plan.termMonths,
      price: plan.price,
      requires: plan.requires,
      covers: plan.covers,
      // The signer seals the offer and swaps the IMEI and serial for keyed digests.
      device: request.device,
      country: request.country,
      ...(plan.context ? { context: plan.context } : {}),
      livemode: config.mode === 'live',
    };
    const planExpiresAt = offerExpiry(expiresAt, plan.expiresAt);
    return {
      offerId: signer.sign(merchant.id, quoted, planExpiresAt),
      provider,
      providerName,
      type: plan.type,
      name: plan.name,
      termMonths: plan.termMonths,
      price: plan.price,
      requires: plan.requires,
      covers: plan.covers,
      expiresAt: planExpiresAt.toISOString(),
      ...(terms ? { terms } : {}),
    };
  });
  return { offers: offers.sort(byPrice), unavailable };
}

export const byPrice = (left: Offer, right: Offer) => left.price.amount - right.price.amount;
