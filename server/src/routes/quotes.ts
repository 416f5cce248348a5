/**
 * `POST /v1/quotes`: every enabled provider asked at once, each under its own deadline.
 * Answered all at once (JSON, offers cheapest first), or with `Accept: application/x-ndjson`
 * one line per provider as soon as it answers, so a page shows the quick providers' offers
 * without waiting for the slowest.
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { QuoteRequest } from '../../../contract/schemas.ts';
import { quoteRequestSchema } from '../../../contract/schemas.ts';
import type { ProviderId, QuoteResponse } from '../../../contract/types.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { byPrice, providerAnswer, type AnswerContext } from '../offers/provider-answer.ts';
import { withDeadline } from '../providers/kit/deadline.ts';
import type { QuoteOutcome } from '../providers/types.ts';
import type { AppServices } from '../services.ts';

export const QUOTE_STREAM_TYPE = 'application/x-ndjson';

/** A provider whose quote budget this merchant has used up for the minute. */
class ProviderBusy extends Error {}

const PROVIDER_DOWN: QuoteOutcome = {
  kind: 'unavailable',
  code: 'provider_unavailable',
  message: 'This insurer is not available right now. Please try again in a few minutes.',
};

/** Whether the client asked for the streamed form (the widget does; plain JSON clients never see it). */
export function wantsStream(accept: string | undefined): boolean {
  return !!accept && accept.split(',').some((type) => type.trim().split(';')[0] === QUOTE_STREAM_TYPE);
}

export function quotesRoutes(services: AppServices) {
  const { config, adapters, providers: modules, rateLimit, quoteBudgets, quoteCache, resilience } = services;

  /** Asks the provider under a deadline, if this merchant's budget there allows it. */
  async function askProvider(provider: ProviderId, merchantId: string, { device, country }: QuoteRequest): Promise<QuoteOutcome> {
    const cost = modules.get(provider)?.rateLimit?.quoteCost({ device, country }, config.providers[provider]) ?? 0;
    if (!((await quoteBudgets.get(provider)?.spend(merchantId, cost)) ?? true)) throw new ProviderBusy();
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
      const answer: AnswerContext = {
        services,
        merchant,
        request,
        requestId: context.get('requestId'),
        expiresAt: new Date(Date.now() + config.offerTtlMs),
      };
      const settled = (provider: ProviderId) =>
        quoteOne(provider, merchant.id, request).then(
          (value): PromiseSettledResult<QuoteOutcome> => ({ status: 'fulfilled', value }),
          (reason: unknown): PromiseSettledResult<QuoteOutcome> => ({ status: 'rejected', reason }),
        );

      if (wantsStream(context.req.header('Accept'))) {
        context.header('Content-Type', QUOTE_STREAM_TYPE);
        // No proxy buffering: each line is worth sending the moment it exists.
        context.header('X-Accel-Buffering', 'no');
        // `as never`: typed clients (hono/client) read the JSON form; the widget reads this one itself.
        return stream(context, async (output) => {
          // Each provider's line goes out when it answers; a failure is a line too, never an abort.
          // Lines ready in the same turn (cached answers, "needs the IMEI") go out as one write,
          // so the page draws them together instead of moving what it just drew.
          let batch: string[] = [];
          let written = Promise.resolve();
          const flush = () => {
            const lines = batch.join('');
            batch = [];
            written = written.then(async () => {
              await output.write(lines);
            });
          };
          await Promise.all(
            providers.map(async (provider) => {
              const part = providerAnswer(provider, await settled(provider), answer);
              if (batch.length === 0) setImmediate(flush);
              batch.push(`${JSON.stringify(part)}\n`);
            }),
          );
          // The last batch's flush was queued before this: it has run once this resolves.
          await new Promise((resolve) => setImmediate(resolve));
          await written;
        }) as never;
      }

      const parts = await Promise.all(providers.map(async (provider) => providerAnswer(provider, await settled(provider), answer)));
      const offers = parts.flatMap((part) => part.offers).sort(byPrice);
      const unavailable = parts.flatMap((part) => part.unavailable);
      return context.json({ offers, unavailable } satisfies QuoteResponse);
    },
  );
}
