/**
 * Outages at the Servify and Assurify sandboxes during a quote: the shopper still sees the
 * other providers' offers, and a provider that stays down trips its own circuit only.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { apiClient, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const QUOTE_TIMEOUT_MS = 3000;
const device = { ...galaxyS23, imei: TEST_IMEI };

type Entry = { provider: string; code?: string };

describe('quote faults at Servify and Assurify', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer({ COVERKIT_QUOTE_TIMEOUT_MS: String(QUOTE_TIMEOUT_MS) });
    browser = apiClient(server);
  });
  afterEach(() => {
    server.faults.clear();
    for (const providerResilience of server.services.resilience.values()) providerResilience.breaker.reset();
  });
  after(() => server.close());

  const quote = async () => {
    const response = await browser('POST', '/v1/quotes', { device, country: 'IN' });
    assert.equal(response.status, 200, response.text);
    return response.json as { offers: Entry[]; unavailable: Entry[] };
  };
  const providersOf = (entries: Entry[]) => [...new Set(entries.map((entry) => entry.provider))].sort();

  for (const provider of ['servify', 'assurify'] as const) {
    const others = ['assurify', 'bigfix', 'servify'].filter((other) => other !== provider);

    it(`turns a ${provider} 503 during a quote into an unavailable entry, and still shows the others' offers`, async () => {
      server.faults.add({ provider, pathPrefix: '/', fault: { kind: 'status', status: 503 } });
      const started = Date.now();
      const answer = await quote();
      assert.deepEqual(
        answer.unavailable.filter((entry) => entry.provider === provider).map((entry) => entry.code),
        ['provider_error'],
      );
      assert.deepEqual(providersOf(answer.offers), others);
      assert.ok(Date.now() - started < QUOTE_TIMEOUT_MS + 1500, 'the quote deadline holds');
    });

    it(`retries a single ${provider} 503 on a read and quotes as usual`, async () => {
      server.faults.add({ provider, pathPrefix: '/', fault: { kind: 'status', status: 503, retryAfterSeconds: 0 }, times: 1 });
      const answer = await quote();
      assert.ok(
        answer.offers.some((offer) => offer.provider === provider),
        JSON.stringify(answer.unavailable),
      );
      assert.equal(server.services.resilience.get(provider)!.breaker.state, 'closed');
    });

    it(`opens ${provider}'s circuit after repeated outages, and /v1/health shows only ${provider} down`, async () => {
      server.faults.add({ provider, pathPrefix: '/', fault: { kind: 'status', status: 503 } });
      for (let attempt = 0; attempt < 5 && server.services.resilience.get(provider)!.breaker.state !== 'open'; attempt++) await quote();
      assert.equal(server.services.resilience.get(provider)!.breaker.state, 'open');
      const health = (await browser('GET', '/v1/health')).json.providers as Record<string, { ok: boolean }>;
      assert.equal(health[provider]!.ok, false);
      for (const other of others) assert.equal(health[other]!.ok, true, other);

      // While open, nothing reaches the provider, even one that would now be slow to answer.
      server.faults.clear();
      server.faults.add({ provider, pathPrefix: '/', fault: { kind: 'delay', ms: 5000 } });
      const started = Date.now();
      const answer = await quote();
      assert.ok(Date.now() - started < 1500, `answered in ${Date.now() - started} ms`);
      assert.equal(answer.unavailable.find((entry) => entry.provider === provider)?.code, 'provider_unavailable');
      assert.deepEqual(providersOf(answer.offers), others);
    });
  }
});
