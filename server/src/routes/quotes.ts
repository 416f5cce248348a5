/** `POST /v1/quotes`: every enabled provider asked at once, each under its own deadline. */
import { Hono } from 'hono';
import { quoteRequestSchema, type QuoteRequest } from '../../../contract/schemas.ts';
import type { Offer, OfferTerms, ProviderId, QuoteResponse, Unavailable } from '../../../contract/types.ts';
import { ProviderError } from '../errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { withDeadline } from '../providers/kit/deadline.ts';
import type { QuoteOutcome, QuotedOffer } from '../providers/types.ts';
import type { AppServices } from '../services.ts';

/** A provider whose quote budget this merchant has used up for the minute. */
class ProviderBusy extends Error {}

const PROVIDER_DOWN: QuoteOutcome = {
  kind: 'unavailable',
  code: 'provider_unavailable',
  message: 'This insurer is not available right now. Please try again in a few minutes.',
};

/** An offer never outlives what the provider quoted it on (an Assurify session lives 15 minutes). */
function offerExpiry(ours: Date, provider: string | undefined): Date {
  const providerEnd = provider ? Date.parse(provider) : Number.NaN;
  return Number.isNaN(providerEnd) || providerEnd >= ours.getTime() ? ours : new Date(providerEnd);
}

export function quotesRoutes(services: AppServices) {
  const {
    config,
    adapters,
    providers: modules,
    logger,
    signerFor,
    providerHealth,
    rateLimit,
    quoteBudgets,
    quoteCache,
    resilience,
  } = services;

  /** Asks the provider under a deadline, if this merchant's budget there allows it. */
  function askProvider(provider: ProviderId, merchantId: string, { device, country }: QuoteRequest): Promise<QuoteOutcome> {
    const cost = modules.get(provider)?.rateLimit?.quoteCost({ device, country }, config.providers[provider]) ?? 0;
    if (!(quoteBudgets.get(provider)?.trySpend(merchantId, cost) ?? true)) return Promise.reject(new ProviderBusy());
    const adapter = adapters.get(provider)!;
    // A slow provider never holds the others back.
    return withDeadline(
      provider,
      { ms: config.quoteTimeoutMs, what: 'quote', shopperMessage: 'This provider did not answer in time.' },
      (signal) => adapter.quote({ device, country, signal }),
    );
  }

  async function quoteOne(provider: ProviderId, merchantId: string, request: QuoteRequest): Promise<QuoteOutcome> {
    // A provider known to be down is not offered, even from cached premiums: the shopper would fail at Pay.
    if (resilience.get(provider)?.breaker.state === 'open') return PROVIDER_DOWN;
    const { device, country } = request;
    try {
      // An identical quote a moment ago is answered again from memory: no budget, no deadline
      // (no AbortSignal or timer) and no call into the provider's client.
      return await quoteCache.get({ merchantId, provider, device, country }, () => askProvider(provider, merchantId, request));
    } catch (error) {
      if (!(error instanceof ProviderBusy)) throw error;
      return {
        kind: 'unavailable',
        code: 'provider_busy',
        message: 'Plans from this provider are in high demand right now. Please try again in a minute.',
      };
    }
  }

  return new Hono().post(
    '/',
    authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] }),
    rateLimit,
    validateJson({ schema: quoteRequestSchema }),
    async (context) => {
      const merchant = context.get('merchant');
      const request = context.req.valid('json');
      const providers = merchant.providers.filter((provider) => adapters.has(provider));
      const expiresAt = new Date(Date.now() + config.offerTtlMs);
      const signer = signerFor(merchant);

      const offers: Offer[] = [];
      const unavailable: Unavailable[] = [];
      const outcomes = await Promise.allSettled(providers.map((provider) => quoteOne(provider, merchant.id, request)));
      outcomes.forEach((outcome, index) => {
        const provider = providers[index]!;
        if (outcome.status === 'rejected') {
          const error = outcome.reason;
          providerHealth.record(provider, false);
          if (error instanceof ProviderError) {
            logger.warn('quote failed', {
              requestId: context.get('requestId'),
              provider,
              failure: error.failure,
              code: error.providerCode,
            });
            unavailable.push({
              provider,
              code: error.failure === 'timeout' ? 'provider_timeout' : 'provider_error',
              message: error.shopperMessage,
            });
          } else {
            logger.error('quote crashed', { requestId: context.get('requestId'), provider, error: String(error) });
            unavailable.push({ provider, code: 'provider_error', message: 'Plans from this provider cannot be shown right now.' });
          }
          return;
        }
        providerHealth.record(provider, true);
        if (outcome.value.kind === 'unavailable') {
          unavailable.push({ provider, code: outcome.value.code, message: outcome.value.message });
          return;
        }
        for (const note of outcome.value.unavailable ?? []) unavailable.push({ provider, code: note.code, message: note.message });
        const providerName = modules.get(provider)?.displayName ?? adapters.get(provider)!.displayName;
        const terms = (config.providers[provider] as { terms?: OfferTerms } | undefined)?.terms;
        for (const plan of outcome.value.plans) {
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
          offers.push({
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
          });
        }
      });
      offers.sort((left, right) => left.price.amount - right.price.amount);
      return context.json({ offers, unavailable } satisfies QuoteResponse);
    },
  );
}
