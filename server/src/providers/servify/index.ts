/** Servify: signed, RSA-encrypted contracts for Indian devices; async binds complete by callback. */
import { createServifySandbox } from '../../sandbox/servify/servify-sandbox.ts';
import { defineProvider } from '../types.ts';
import { createServifyAdapter } from './servify-adapter.ts';
import { readServifyConfig, servifyEnvironment } from './servify-config.ts';
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
    }),
  events: servifyEvents,
  sample: servifySample,
});
