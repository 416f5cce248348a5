/** Octamile: device warranty for Nigerian phones, in Naira; cover starts after a verification video. */
import { createOctamileSandbox } from '../../sandbox/octamile/octamile-sandbox.ts';
import { offerTermsEnvironment, readOfferTerms } from '../../offers/offer-terms.ts';
import { defineProvider } from '../types.ts';
import { createOctamileAdapter } from './octamile-adapter.ts';
import { octamileEnvironment, readOctamileConfig, type OctamileConfig } from './octamile-config.ts';
import type { ClaimContact } from '../../../../contract/claims.ts';
import type { OfferTerms } from '../../../../contract/types.ts';
import { claimsContactEnvironment, contactOnlyClaims, readClaimsContact } from '../kit/claims-contact.ts';
import { octamileSample } from './octamile-sample.ts';

/** Demo contact details, used only while Octamile runs as its sandbox. */
const octamileClaimsSandboxContact: ClaimContact = {
  phone: '+234 1 888 0101',
  email: 'claims@sandbox.octamile.example',
  url: 'https://sandbox.octamile.example/claims',
};

const environment = { ...octamileEnvironment, ...offerTermsEnvironment('OCTAMILE'), ...claimsContactEnvironment('OCTAMILE') };

export const octamileProvider = defineProvider<
  'octamile',
  typeof environment,
  OctamileConfig & { terms: OfferTerms | undefined; claimsContact: ClaimContact }
>({
  id: 'octamile',
  displayName: 'Octamile',
  // The doc has no claims API: claim-options says how to claim with Octamile directly (kit/claims-contact.ts).
  // The plans' terms, underwriter and free-look days (offers/offer-terms.ts): sandbox defaults are ours.
  environment,
  readConfig: (env, shared) => {
    const config = readOctamileConfig(env, shared);
    const sandboxTerms = {
      url: 'https://www.octamile.example/device-warranty/terms',
      underwriter: 'Octamile Assurance Nigeria Ltd (sandbox)',
      freeLookDays: 7,
    };
    return {
      ...config,
      terms: readOfferTerms(env, 'OCTAMILE', sandboxTerms, config.mode),
      claimsContact: readClaimsContact('OCTAMILE', env, config.mode, octamileClaimsSandboxContact),
    };
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
