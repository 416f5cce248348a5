import { loadConfig } from '../../server/src/config.ts';
import { createAssurifyAdapter } from '../../server/src/providers/assurify/assurify-adapter.ts';
import { createAssurifySandbox } from '../../server/src/sandbox/assurify/assurify-sandbox.ts';
import { asha, galaxyS23, TEST_IMEI } from '../../server/src/testing/test-server.ts';
import { serveSandbox, testProvider } from './test-provider.ts';

testProvider({
  name: 'assurify',
  async createPair() {
    const config = loadConfig({ PORT: '0' }).providers.assurify;
    // No /v1 here to take the policy.activated event: the order stays `pending`, which the contract allows.
    const sandbox = await serveSandbox(
      (port) =>
        createAssurifySandbox({
          secretKey: config.secretKey,
          webhook: { url: `http://127.0.0.1:${port}/no-webhook-route`, secret: config.webhookSecret },
          webhookDelayMs: 60_000,
        }).fetch,
    );
    return {
      adapter: createAssurifyAdapter({ ...config, baseUrl: sandbox.baseUrl }),
      device: { ...galaxyS23, imei: TEST_IMEI },
      country: 'IN',
      customer: asha,
      orderDevice: { imei: TEST_IMEI },
      close: sandbox.close,
    };
  },
});
