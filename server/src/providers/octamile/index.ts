/** Octamile: device warranty for Nigerian phones, in Naira; cover starts after a verification video. */
import { createOctamileSandbox } from '../../sandbox/octamile/octamile-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createOctamileAdapter } from './octamile-adapter.ts';
import { octamileEnvironment, readOctamileConfig, type OctamileConfig } from './octamile-config.ts';
import type { ClaimContact } from '../../../../contract/claims.ts';
import { claimsContactEnvironment, contactOnlyClaims, readClaimsContact } from '../kit/claims-contact.ts';
import { octamileSample } from './octamile-sample.ts';

/** Demo contact details, used only while Octamile runs as its sandbox. */
const octamileClaimsSandboxContact: ClaimContact = {
  phone: '+234 1 888 0101',
  email: 'claims@sandbox.octamile.example',
  url: 'https://sandbox.octamile.example/claims',
};

const environment = { ...octamileEnvironment, ...claimsContactEnvironment('OCTAMILE') };

export const octamileProvider = defineProvider<'octamile', typeof environment, OctamileConfig & { claimsContact: ClaimContact }>({
  id: 'octamile',
  displayName: 'Octamile',
  // The doc has no claims API: claim-options says how to claim with Octamile directly (kit/claims-contact.ts).
  environment,
  readConfig: (env, shared) => {
    const config = readOctamileConfig(env, shared);
    return { ...config, claimsContact: readClaimsContact('OCTAMILE', env, config.mode, octamileClaimsSandboxContact) };
  },
  createAdapter: createOctamileAdapter,
  createSandbox: (config, state) =>
    createOctamileSandbox({
      state,
      customerId: config.customerId,
      authorizationId: config.authorizationId,
      authorizationKey: config.authorizationKey,
      reviewDelayMs: config.sandbox.reviewDelayMs,
    }),
  // Octamile's doc names no rate limit, only a "busy" outcome (35): 120/min is our assumption.
  // A quote asks for the premium of each product and cover period.
  rateLimit: {
    perMinute: 120,
    quoteCost: ({ country }, config) => (country === 'NG' ? config.products.reduce((sum, product) => sum + product.periods.length, 0) : 0),
  },
  sample: octamileSample,
  claims: contactOnlyClaims(),
});
