/** BigFix: ADLD and extended warranty for Indian devices. */
import { createBigfixSandbox } from '../../sandbox/bigfix/bigfix-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createBigfixAdapter } from './bigfix-adapter.ts';
import { bigfixEnvironment, readBigfixConfig, type BigfixConfig } from './bigfix-config.ts';
import type { ClaimContact } from '../../../../contract/claims.ts';
import { claimsContactEnvironment, contactOnlyClaims, readClaimsContact } from '../kit/claims-contact.ts';
import { bigfixSample } from './bigfix-sample.ts';

/** Demo contact details, used only while Bigfix runs as its sandbox. */
const bigfixClaimsSandboxContact: ClaimContact = {
  phone: '+91 80 4718 2200',
  email: 'claims@sandbox.bigfix.example',
  url: 'https://sandbox.bigfix.example/claims',
};

const environment = { ...bigfixEnvironment, ...claimsContactEnvironment('BIGFIX') };

export const bigfixProvider = defineProvider<'bigfix', typeof environment, BigfixConfig & { claimsContact: ClaimContact }>({
  id: 'bigfix',
  displayName: 'BigFix',
  // The doc has no claims API: claim-options says how to claim with Bigfix directly (kit/claims-contact.ts).
  environment,
  readConfig: (env, shared) => {
    const config = readBigfixConfig(env, shared);
    return { ...config, claimsContact: readClaimsContact('BIGFIX', env, config.mode, bigfixClaimsSandboxContact) };
  },
  createAdapter: createBigfixAdapter,
  createSandbox: (config, state) => createBigfixSandbox({ apiKey: config.apiKey, accounts: [config.policySource], state }),
  // BigFix's doc names no rate limit: 300/min is our assumption until they give one.
  // A quote asks for ADLD and extended-warranty plans: two calls.
  rateLimit: { perMinute: 300, quoteCost: ({ country }) => (country === 'IN' ? 2 : 0) },
  sample: bigfixSample,
  claims: contactOnlyClaims(),
});
