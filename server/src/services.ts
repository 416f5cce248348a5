/** Everything routes share, built once by createServices. No module-level globals. */
import type { MiddlewareHandler } from 'hono';
import type { ProviderId } from '../../contract/types.ts';
import type { Config, Merchant } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { OfferSigner } from './offers/offer-token.ts';
import type { ProviderResilience } from './providers/kit/resilience.ts';
import { createAdapters, providerRegistry, type ProviderRegistry } from './providers/registry.ts';
import type { AnyProviderModule, ProviderAdapter } from './providers/types.ts';
import { openStore } from './store/open-store.ts';
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
    rateLimit: rateLimit({ perMinute: config.rateLimitPerMinute, burst: Math.max(10, Math.ceil(config.rateLimitPerMinute / 10)) }),
  };
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
