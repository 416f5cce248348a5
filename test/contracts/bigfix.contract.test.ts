import { loadConfig } from '../../server/src/config.ts';
import { createBigfixAdapter } from '../../server/src/providers/bigfix/bigfix-adapter.ts';
import { createBigfixSandbox } from '../../server/src/sandbox/bigfix/bigfix-sandbox.ts';
import { asha, galaxyS23, TEST_IMEI } from '../../server/src/testing/test-server.ts';
import { serveSandbox, testProvider } from './test-provider.ts';

testProvider({
  name: 'bigfix',
  async createPair() {
    const config = loadConfig({ PORT: '0' }).providers.bigfix;
    const sandbox = await serveSandbox(() => createBigfixSandbox({ apiKey: config.apiKey, accounts: [config.policySource] }).fetch);
    return {
      adapter: createBigfixAdapter({ ...config, baseUrl: sandbox.baseUrl }),
      device: galaxyS23,
      country: 'IN',
      customer: asha,
      orderDevice: { imei: TEST_IMEI, brandWarrantyYears: 1 },
      close: sandbox.close,
    };
  },
});
