import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, galaxyS23, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('POST /v1/quotes answered from the quote cache', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('creates no deadline signal and never calls a provider adapter for an identical quote', async () => {
    const quote = () => apiClient(server)('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const first = await quote();
    assert.equal(first.status, 200, first.text);
    assert.ok(first.json.offers.length > 0, 'the first quote reaches a provider and is cached');

    const adapterCalls: string[] = [];
    const restore: (() => void)[] = [];
    for (const adapter of server.services.adapters.values()) {
      const original = adapter.quote;
      adapter.quote = (input) => (adapterCalls.push(adapter.id), original.call(adapter, input));
      restore.push(() => (adapter.quote = original));
    }
    const timeout = AbortSignal.timeout;
    let signals = 0;
    AbortSignal.timeout = (ms) => (signals++, timeout.call(AbortSignal, ms));
    try {
      const second = await quote();
      assert.equal(second.status, 200, second.text);
      assert.deepEqual(
        second.json.offers.map((offer: { provider: string; name: string }) => [offer.provider, offer.name]),
        first.json.offers.map((offer: { provider: string; name: string }) => [offer.provider, offer.name]),
      );
      assert.deepEqual(second.json.unavailable, first.json.unavailable);
    } finally {
      AbortSignal.timeout = timeout;
      for (const undo of restore) undo();
    }
    assert.deepEqual(adapterCalls, []);
    assert.equal(signals, 0);
  });
});
