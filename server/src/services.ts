/** Everything routes share, built once by createServices. No module-level globals. */
import type { MiddlewareHandler } from 'hono';
import type { ProviderId } from '../../contract/types.ts';
import type { Config, Merchant } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { shareFailedAuthLimit } from './middleware/authenticate.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { createMetrics, type CoverkitMetrics } from './observability/coverkit-metrics.ts';
import { instrumentAdapter } from './observability/instrument-adapter.ts';
import { OfferSigner } from './offers/offer-token.ts';
import { ProviderBudget } from './providers/kit/provider-budget.ts';
import { QuoteCache } from './providers/kit/quote-cache.ts';
import type { ProviderResilience } from './providers/kit/resilience.ts';
import { createAdapters, providerRegistry, type ProviderRegistry } from './providers/registry.ts';
import type { AnyProviderModule, ProviderAdapter } from './providers/types.ts';
import { openStore } from './store/open-store.ts';
import { sharedCountersOf, type SharedCounters } from './store/shared-window.ts';
import type { Store } from './store/types.ts';

export interface ProviderHealth {
  record(provider: ProviderId, ok: boolean): void;
  isOk(provider: ProviderId): boolean;
}

export interface AppServices {
  config: Config;
  store: Store;
  logger: Logger;
  /** The provider modules this server runs, by id, in registry order. */
  providers: Map<ProviderId, AnyProviderModule>;
  adapters: Map<ProviderId, ProviderAdapter>;
  /** Each provider's circuit breaker, shared by all its calls. */
  resilience: Map<ProviderId, ProviderResilience>;
  signerFor(merchant: Merchant): OfferSigner;
  providerHealth: ProviderHealth;
  /** Per key and client address; goes right after `authenticate` on every keyed route. */
  rateLimit: MiddlewareHandler;
  /** Orders this process is binding right now, so the reconciler never binds one twice. */
  bindsInFlight: Set<string>;
  /** Each rate-limited provider's quote budget, a fair share per merchant. */
  quoteBudgets: Map<ProviderId, ProviderBudget>;
  /** Identical quotes answered from memory for a short while. */
  quoteCache: QuoteCache;
  /** This instance's metrics (GET /metrics); the events worker feeds the outbox depth with `setOutboxDepthSource`. */
  metrics: CoverkitMetrics;
}

export interface ServiceDependencies {
  store?: Store;
  logger?: Logger;
  /** The provider modules (default: the registry); a test may add a fake one. */
  providers?: ProviderRegistry;
}

export function createServices(config: Config, dependencies: ServiceDependencies = {}): AppServices {
  const providers = dependencies.providers ?? providerRegistry;
  const logger = dependencies.logger ?? createLogger();
  const store = dependencies.store ?? openStore(config, logger);
  const { adapters, resilience } = createAdapters(providers, config.providers, { store });
  // With a shared store (PostgreSQL), limits and budgets count every instance's requests.
  const shared = sharedCountersOf(store);
  if (shared) shareFailedAuthLimit(config.merchants, shared);
  const quoteCache = new QuoteCache();
  const metrics = createMetrics({ resilience });
  metrics.setOutboxDepthSource(() => store.countPendingEvents());
  for (const adapter of adapters.values()) instrumentAdapter(adapter, metrics);
  for (const adapter of adapters.values()) forgetQuotesAfterBind(adapter, quoteCache);
  return {
    config,
    logger,
    store,
    providers: new Map(providers.map((provider) => [provider.id, provider])),
    adapters,
    resilience,
    signerFor: createSignerCache(),
    providerHealth: createProviderHealth(),
    bindsInFlight: new Set(),
    quoteBudgets: createQuoteBudgets(providers, config.merchants, shared),
    quoteCache,
    metrics,
    rateLimit: rateLimit({
      perMinute: config.rateLimitPerMinute,
      burst: Math.max(10, Math.ceil(config.rateLimitPerMinute / 10)),
      ...(shared ? { shared } : {}),
    }),
  };
}

/** After a bind the provider may quote that device differently (already covered): its cached quotes go. */
function forgetQuotesAfterBind(adapter: ProviderAdapter, quoteCache: QuoteCache): void {
  const bind = adapter.bind.bind(adapter);
  adapter.bind = (input) => bind(input).finally(() => quoteCache.forget(input.merchantId, adapter.id));
}

/** A budget per provider that declares a rate limit, split between the merchants that use it. */
function createQuoteBudgets(
  providers: ProviderRegistry,
  merchants: readonly Merchant[],
  shared?: SharedCounters,
): Map<ProviderId, ProviderBudget> {
  const budgets = new Map<ProviderId, ProviderBudget>();
  for (const provider of providers) {
    if (!provider.rateLimit) continue;
    const merchantIds = merchants.filter((merchant) => merchant.providers.includes(provider.id)).map((merchant) => merchant.id);
    budgets.set(provider.id, new ProviderBudget({ provider: provider.id, perMinute: provider.rateLimit.perMinute, merchantIds, shared }));
  }
  return budgets;
}

/** Remembers the last few outcomes per provider for /v1/health. */
export function createProviderHealth(window = 5): ProviderHealth {
  const recent = new Map<ProviderId, boolean[]>();
  return {
    record(provider, ok) {
      const outcomes = recent.get(provider) ?? [];
      outcomes.push(ok);
      if (outcomes.length > window) outcomes.shift();
      recent.set(provider, outcomes);
    },
    isOk(provider) {
      const outcomes = recent.get(provider) ?? [];
      // Healthy until the most recent calls all failed.
      return outcomes.length === 0 || outcomes.some(Boolean);
    },
  };
}

export function createSignerCache(): (merchant: Merchant) => OfferSigner {
  const signers = new Map<string, OfferSigner>();
  return (merchant) => {
    let signer = signers.get(merchant.id);
    if (!signer) signers.set(merchant.id, (signer = new OfferSigner(merchant.secretKey)));
    return signer;
  };
}
