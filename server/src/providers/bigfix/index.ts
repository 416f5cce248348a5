/** BigFix: ADLD and extended warranty for Indian devices. */
import { createBigfixSandbox } from '../../sandbox/bigfix/bigfix-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createBigfixAdapter } from './bigfix-adapter.ts';
import { bigfixEnvironment, readBigfixConfig } from './bigfix-config.ts';
import { bigfixSample } from './bigfix-sample.ts';

export const bigfixProvider = defineProvider({
  id: 'bigfix',
  displayName: 'BigFix',
  environment: bigfixEnvironment,
  readConfig: readBigfixConfig,
  createAdapter: createBigfixAdapter,
  createSandbox: (config, state) => createBigfixSandbox({ apiKey: config.apiKey, accounts: [config.policySource], state }),
  // BigFix's doc names no rate limit: 300/min is our assumption until they give one.
  // A quote asks for ADLD and extended-warranty plans: two calls.
  rateLimit: { perMinute: 300, quoteCost: ({ country }) => (country === 'IN' ? 2 : 0) },
  sample: bigfixSample,
});
