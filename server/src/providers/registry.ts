/** Provider id → adapter factory. Adding a provider is one line here. */
import type { ProviderId } from '../../../contract/types.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';
import { createAssurifyAdapter } from './assurify/assurify-adapter.ts';
import { createBigfixAdapter } from './bigfix/bigfix-adapter.ts';
import { createOctamileAdapter } from './octamile/octamile-adapter.ts';
import { ProviderResilience } from './kit/resilience.ts';
import { createServifyAdapter } from './servify/servify-adapter.ts';
import type { ProviderAdapter } from './types.ts';

/** What adapters get besides their config: the store (Octamile's consumer ids) and their circuit breaker. */
export interface AdapterDependencies {
  store: Store;
  resilience: ProviderResilience;
}

type AdapterFactory = (config: Config, dependencies: AdapterDependencies) => ProviderAdapter;

export const providerFactories: Partial<Record<ProviderId, AdapterFactory>> = {
  bigfix: (config, { resilience }) => createBigfixAdapter(config.providers.bigfix, resilience),
  assurify: (config, { resilience }) => createAssurifyAdapter(config.providers.assurify, resilience),
  octamile: (config, { store, resilience }) => createOctamileAdapter(config.providers.octamile, store, { resilience }),
  servify: (config, { resilience }) => createServifyAdapter(config.providers.servify, { resilience }),
};

/** One adapter per provider, each with its own circuit breaker. */
export function createAdapters(config: Config, { store }: { store: Store }) {
  const adapters = new Map<ProviderId, ProviderAdapter>();
  const resilience = new Map<ProviderId, ProviderResilience>();
  for (const [id, factory] of Object.entries(providerFactories) as [ProviderId, AdapterFactory][]) {
    const providerResilience = new ProviderResilience(id);
    resilience.set(id, providerResilience);
    adapters.set(id, factory(config, { store, resilience: providerResilience }));
  }
  return { adapters, resilience };
}
