/** Assurify (SmartShield): IMEI-checked plans for Indian phones; policies activate by webhook. */
import { createAssurifySandbox } from '../../sandbox/assurify/assurify-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createAssurifyAdapter } from './assurify-adapter.ts';
import { assurifyEnvironment, readAssurifyConfig } from './assurify-config.ts';
import { assurifyClaims } from './assurify-claims.ts';
import { assurifyEvents } from './assurify-events.ts';
import { assurifySample } from './assurify-sample.ts';

export const assurifyProvider = defineProvider({
  id: 'assurify',
  displayName: 'Assurify',
  environment: assurifyEnvironment,
  readConfig: readAssurifyConfig,
  createAdapter: createAssurifyAdapter,
  createSandbox: (config, state) =>
    createAssurifySandbox({
      state,
      secretKey: config.secretKey,
      webhook: { url: config.sandbox.webhookUrl, secret: config.webhookSecret },
      webhookDelayMs: config.sandbox.webhookDelayMs,
      sessionTtlMs: config.sandbox.sessionTtlMs,
      claimDecisionDelayMs: config.sandbox.claimDecisionDelayMs,
    }),
  // "Production keys (sk_live_) … are rate-limited to 500 req/min" (assurify-smartshield.txt).
  // A quote with an IMEI is two calls (session init, eligible plans); without one, none.
  rateLimit: {
    perMinute: 500,
    quoteCost: ({ device, country }) => (country === 'IN' && device.imei ? 2 : 0),
  },
  events: assurifyEvents,
  claims: assurifyClaims,
  sample: assurifySample,
});
