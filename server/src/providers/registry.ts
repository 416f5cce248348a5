/** Provider id → adapter factory. Adding a provider is one line here. */
import type { ProviderId } from '../../../widget/src/api/types.ts';
import type { Config } from '../config.ts';
import { createBigfixAdapter } from './bigfix/bigfix-adapter.ts';
import { createServifyAdapter } from './servify/servify-adapter.ts';
import type { ProviderAdapter } from './types.ts';

export const providerFactories: Partial<Record<ProviderId, (config: Config) => ProviderAdapter>> = {
  bigfix: (config) => createBigfixAdapter(config.providers.bigfix),
  servify: (config) => createServifyAdapter(config.providers.servify),
};

export function createAdapters(config: Config): Map<ProviderId, ProviderAdapter> {
  const adapters = new Map<ProviderId, ProviderAdapter>();
  for (const [id, factory] of Object.entries(providerFactories) as [ProviderId, (config: Config) => ProviderAdapter][]) {
    adapters.set(id, factory(config));
  }
  return adapters;
}
