/** BigFix: ADLD and extended warranty for Indian devices. */
import { createBigfixSandbox } from '../../sandbox/bigfix/bigfix-sandbox.ts';
import { offerTermsEnvironment, readOfferTerms } from '../../offers/offer-terms.ts';
import { defineProvider } from '../types.ts';
import { createBigfixAdapter } from './bigfix-adapter.ts';
import { bigfixEnvironment, readBigfixConfig } from './bigfix-config.ts';
import { bigfixSample } from './bigfix-sample.ts';

export const bigfixProvider = defineProvider({
  id: 'bigfix',
  displayName: 'BigFix',
  environment: { ...bigfixEnvironment, ...offerTermsEnvironment('BIGFIX') },
  // The plans' terms, underwriter and free-look days (offers/offer-terms.ts): sandbox defaults are ours.
  readConfig: (env, shared) => {
    const config = readBigfixConfig(env, shared);
    const sandboxTerms = {
      url: 'https://www.bigfix.example/plans/terms',
      underwriter: 'BigFix General Insurance Ltd (sandbox)',
      freeLookDays: 15,
    };
    return { ...config, terms: readOfferTerms(env, 'BIGFIX', sandboxTerms, config.mode) };
  },
  createAdapter: createBigfixAdapter,
  createSandbox: (config, state) => createBigfixSandbox({ apiKey: config.apiKey, accounts: [config.policySource], state }),
  // BigFix's doc names no rate limit: 300/min is our assumption until they give one.
  // A quote asks for ADLD and extended-warranty plans: two calls.
  rateLimit: { perMinute: 300, quoteCost: ({ country }) => (country === 'IN' ? 2 : 0) },
  sample: bigfixSample,
});
