/** Servify: signed, RSA-encrypted contracts for Indian devices; async binds complete by callback. */
import { createServifySandbox } from '../../sandbox/servify/servify-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createServifyAdapter } from './servify-adapter.ts';
import { readServifyConfig, servifyEnvironment } from './servify-config.ts';
import { createServifyClaimsAdapter } from './servify-claims.ts';
import { servifyEvents } from './servify-events.ts';
import { servifySample } from './servify-sample.ts';

export const servifyProvider = defineProvider({
  id: 'servify',
  displayName: 'Servify',
  environment: servifyEnvironment,
  readConfig: readServifyConfig,
  createAdapter: createServifyAdapter,
  createSandbox: (config, state) =>
    createServifySandbox({
      state,
      clientId: config.clientId,
      clientSignature: config.clientSignature,
      clientPublicKey: config.sandbox!.clientPublicKey,
      privateKey: config.sandbox!.privateKey,
      callbackUrl: config.sandbox!.callbackUrl,
      callbackSecret: config.callbackSecret,
      claimStepMs: config.sandbox!.claimStepMs,
    }),
  // Servify's doc has an "API hit limit exceeded" error (API.LIMIT.429) but no number: 300/min is
  // our assumption. A quote with an IMEI checks eligibility once per plan code (tokens and the
  // brand list are cached, so they are left out).
  rateLimit: {
    perMinute: 300,
    quoteCost: ({ device, country }, config) => (country === 'IN' && device.imei ? config.planCodes.length : 0),
  },
  events: servifyEvents,
  // Issues, visit and pickup slots, claims, status and withdrawal (servify-claims.ts).
  claims: { createClaimsAdapter: (config, dependencies) => createServifyClaimsAdapter(config, dependencies) },
  sample: servifySample,
});
