/** Provider id → adapter factory. Adding a provider is one line here. */
import type { ProviderId } from '../../../widget/src/api/types.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';
import { createAssurifyAdapter } from './assurify/assurify-adapter.ts';
import { createBigfixAdapter } from './bigfix/bigfix-adapter.ts';
import { createOctamileAdapter } from './octamile/octamile-adapter.ts';
import type { ProviderAdapter } from './types.ts';

/** What some adapters keep between calls (Octamile's consumer ids and transaction references). */
export interface AdapterDependencies {
  store: Store;
}

export const providerFactories: Partial<Record<ProviderId, (config: Config, dependencies: AdapterDependencies) => ProviderAdapter>> = {
  bigfix: (config) => createBigfixAdapter(config.providers.bigfix),
  assurify: (config) => createAssurifyAdapter(config.providers.assurify),
  octamile: (config, { store }) => createOctamileAdapter(config.providers.octamile, store),
};

export function createAdapters(config: Config, dependencies: AdapterDependencies): Map<ProviderId, ProviderAdapter> {
  const adapters = new Map<ProviderId, ProviderAdapter>();
  for (const [id, factory] of Object.entries(providerFactories) as [ProviderId, (config: Config, dependencies: AdapterDependencies) => ProviderAdapter][]) {
    adapters.set(id, factory(config, dependencies));
  }
  return adapters;
}
