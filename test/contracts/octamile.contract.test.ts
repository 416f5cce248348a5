import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { createOctamileAdapter } from '../../server/src/providers/octamile/octamile-adapter.ts';
import { createOctamileSandbox } from '../../server/src/sandbox/octamile/octamile-sandbox.ts';
import { createFieldCipher } from '../../server/src/store/field-cipher.ts';
import { openSqliteStore } from '../../server/src/store/sqlite-store.ts';
import { TEST_IMEI } from '../../server/src/testing/test-server.ts';
import { serveSandbox, testProvider } from './test-provider.ts';

const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };
const folake = { name: 'Folake Arinze', email: 'folake.arinze@example.com', phone: '+2347010001234' };
const orderDevice = { imei: TEST_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' };

testProvider({
  name: 'octamile',
  async createPair() {
    const config = loadConfig({ PORT: '0' }).providers.octamile;
    const sandbox = await serveSandbox(() => createOctamileSandbox({ ...config, reviewDelayMs: 200 }).fetch);
    // The adapter keeps consumer ids and transaction references in the store.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-octamile-contract-'));
    const store = openSqliteStore(dataDir, createFieldCipher(randomBytes(32)));
    const adapter = createOctamileAdapter({ ...config, endpoint: sandbox.baseUrl }, store);
    return {
      adapter,
      device: { ...tecno, imei: TEST_IMEI },
      country: 'NG',
      customer: folake,
      orderDevice,
      // Self-activation: the cover waits for the shopper's video before Octamile reviews it.
      async afterBind({ orderId, offer, bound, signal }) {
        const video = new Uint8Array(3000).map((_, index) => (index * 7) % 256);
        const stream = () => new Blob([video]).stream();
        const activated = await adapter.activate!({
          orderId,
          offer,
          policy: bound.policy,
          video: stream(),
          replayVideo: stream,
          contentType: 'video/mp4',
          size: video.length,
          device: orderDevice,
          customer: folake,
          signal,
        });
        return activated.policy;
      },
      async close() {
        await sandbox.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});
