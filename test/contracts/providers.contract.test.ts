/** Every registered provider module (and the test fake) against its own sandbox, through one contract. */
import { providerRegistry } from '../../server/src/providers/registry.ts';
import { createFakeProvider } from '../../server/src/providers/testing/fake-provider.ts';
import { pairFromModule, testProvider } from './test-provider.ts';

for (const provider of [...providerRegistry, createFakeProvider()]) {
  testProvider({ name: provider.id, createPair: () => pairFromModule(provider) });
}
