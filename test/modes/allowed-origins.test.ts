/**
 * An allowed origin written with a trailing slash (`https://shop.example/`) was accepted at
 * start and then refused every request (issue 12, finding 10): it is now the origin browsers send.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { apiClient, freePort, galaxyS23, startTestServer } from '../../server/src/testing/test-server.ts';

describe('COVERKIT_ALLOWED_ORIGINS with a trailing slash', () => {
  it('lets the publishable key work from that origin', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-origins-'));
    const server = await startTestServer(
      { COVERKIT_ALLOWED_ORIGINS: `http://127.0.0.1:${port}/`, COVERKIT_PROVIDERS: 'bigfix' },
      { port, dataDir },
    );
    try {
      const quote = await apiClient(server)('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
      assert.equal(quote.status, 200, quote.text);
      assert.ok(quote.json.offers.length > 0);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
