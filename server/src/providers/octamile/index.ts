/** Octamile: device warranty for Nigerian phones, in Naira; cover starts after a verification video. */
import { createOctamileSandbox } from '../../sandbox/octamile/octamile-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createOctamileAdapter } from './octamile-adapter.ts';
import { octamileEnvironment, readOctamileConfig } from './octamile-config.ts';
import { octamileSample } from './octamile-sample.ts';

export const octamileProvider = defineProvider({
  id: 'octamile',
  displayName: 'Octamile',
  environment: octamileEnvironment,
  readConfig: readOctamileConfig,
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
});
