/** Provider id → adapter factory. Adding a provider is one line here. */
import type { ProviderId } from '../../../widget/src/api/types.ts';
import type { Config } from '../config.ts';
import { createBigfixAdapter } from './bigfix/bigfix-adapter.ts';
import { ProviderResilience } from './resilience.ts';
import type { ProviderAdapter } from './types.ts';

type AdapterFactory = (config: Config, resilience: ProviderResilience) => ProviderAdapter;

export const providerFactories: Partial<Record<ProviderId, AdapterFactory>> = {
  bigfix: (config, resilience) => createBigfixAdapter(config.providers.bigfix, resilience),
};

/** One adapter per provider, each with its own circuit breaker. */
export function createAdapters(config: Config) {
  const adapters = new Map<ProviderId, ProviderAdapter>();
  const resilience = new Map<ProviderId, ProviderResilience>();
  for (const [id, factory] of Object.entries(providerFactories) as [ProviderId, AdapterFactory][]) {
    const providerResilience = new ProviderResilience(id);
    resilience.set(id, providerResilience);
    adapters.set(id, factory(config, providerResilience));
  }
  return { adapters, resilience };
}
