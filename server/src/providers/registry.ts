/**
 * The one list of providers. Config, sandboxes, /v1/catalog, /v1/health, quotes, inbound
 * events and the contract suite all loop over it; adding a provider is one line here.
 */
import { assurifyProvider } from './assurify/index.ts';
import { bigfixProvider } from './bigfix/index.ts';
import { ProviderResilience } from './kit/resilience.ts';
import { octamileProvider } from './octamile/index.ts';
import { servifyProvider } from './servify/index.ts';
import type { AnyProviderModule, ConfigOf, ProviderAdapter, ProviderConfigBase } from './types.ts';
import type { Store } from '../store/types.ts';

export const providerRegistry = [bigfixProvider, assurifyProvider, servifyProvider, octamileProvider] as const;

export type ProviderRegistry = readonly AnyProviderModule[];

/** Each registered provider's config, by id; a registry passed in by a test adds configs of its own. */
export type ProviderConfigs = { [Module in (typeof providerRegistry)[number] as Module['id']]: ConfigOf<Module> } & Record<
  string,
  ProviderConfigBase
>;

/** One adapter per provider, each with its own circuit breaker. */
export function createAdapters(providers: ProviderRegistry, configs: Record<string, ProviderConfigBase>, { store }: { store: Store }) {
  const adapters = new Map<string, ProviderAdapter>();
  const resilience = new Map<string, ProviderResilience>();
  for (const provider of providers) {
    const providerResilience = new ProviderResilience(provider.id);
    resilience.set(provider.id, providerResilience);
    adapters.set(provider.id, provider.createAdapter(configs[provider.id], { store, resilience: providerResilience }));
  }
  return { adapters, resilience };
}
