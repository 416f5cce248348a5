/**
 * Faults injected at the BigFix sandbox, with assertions on what the shopper is told and
 * where the order ends. A paid order is never dropped: it ends bound, or failed with a reason.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { OUTCOME_UNKNOWN_REASON } from '../../server/src/orders/reconciler.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

// Roomy enough for retries on a loaded 2-core machine; the slow fault is far beyond it.
const QUOTE_TIMEOUT_MS = 2000;
/** A device price no earlier quote used: BigFix premiums already fetched are answered from our cache. */
let uncachedPrice = 61_000;
const nextUncachedPrice = () => uncachedPrice++;

describe('provider faults', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer({ COVERKIT_QUOTE_TIMEOUT_MS: String(QUOTE_TIMEOUT_MS), COVERKIT_BIND_TIMEOUT_MS: '400' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  afterEach(() => {
    server.faults.clear();
    for (const providerResilience of server.services.resilience.values()) providerResilience.breaker.reset();
  });
  after(() => server.close());

  async function createOrder(key: string) {
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': key },
    );
    assert.equal(created.status, 201, created.text);
    return created.json.order.id as string;
  }

  const confirm = (id: string, key: string) =>
    merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference: `pay_${key}` }, { 'Idempotency-Key': key });
  const read = async (id: string) => (await merchant('GET', `/v1/orders/${id}`)).json.order;

  for (const [name, fault, code] of [
    ['a 500', { kind: 'status', status: 500 }, 'provider_error'],
    ['an HTML error page', { kind: 'html' }, 'provider_error'],
    ['a connection reset', { kind: 'reset' }, 'provider_error'],
    ['a slow answer', { kind: 'delay', ms: 6000 }, 'provider_timeout'],
  ] as const) {
    it(`turns ${name} during a quote into an unavailable entry, quickly`, async () => {
      server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault });
      const started = Date.now();
      const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: nextUncachedPrice() }, country: 'IN' });
      assert.equal(quote.status, 200);
      assert.deepEqual(quote.json.offers, []);
      assert.equal(quote.json.unavailable[0].code, code);
      assert.ok(Date.now() - started < QUOTE_TIMEOUT_MS + 1500, 'the quote deadline holds');
    });
  }

  it('leaves an order `binding` when the provider commits but answers too late, then fails it with a reason', async () => {
    const id = await createOrder('hang-create');
    server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'commit_then_hang', ms: 1500 }, times: 1 });
    const confirmed = await confirm(id, 'hang-confirm');
    assert.equal(confirmed.status, 504);
    assert.equal(confirmed.json.error.code, 'provider_timeout');
    const binding = await read(id);
    assert.equal(binding.status, 'binding');

    // Within the grace period the reconciler leaves it alone: another instance may still be binding.
    assert.equal((await server.reconciler.reconcileOnce(Date.parse(binding.updatedAt) + 100)).failed, 0);
    assert.equal((await read(id)).status, 'binding');
    await server.reconciler.reconcileOnce(Date.now() + 60_000);
    const settled = await read(id);
    assert.equal(settled.status, 'failed');
    assert.equal(settled.failureReason, OUTCOME_UNKNOWN_REASON);
  });

  it('keeps the order `binding` on a reset or a 500 during bind (the provider may have acted), and says so with 502', async () => {
    for (const [key, fault] of [
      ['bind-500', { kind: 'status', status: 500 }],
      ['bind-reset', { kind: 'reset' }],
    ] as const) {
      const id = await createOrder(`${key}-create`);
      server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault, times: 1 });
      const confirmed = await confirm(id, key);
      assert.equal(confirmed.status, 502, key);
      assert.equal((await read(id)).status, 'binding', key);
    }
  });

  it('fails the order on a 503 during bind: an answer that the provider did not act, not a lost connection', async () => {
    const id = await createOrder('bind-503-create');
    server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'status', status: 503 }, times: 1 });
    assert.equal((await confirm(id, 'bind-503')).status, 502);
    const failed = await read(id);
    assert.equal(failed.status, 'failed');
    assert.notEqual(failed.failureReason, OUTCOME_UNKNOWN_REASON);
  });

  it('passes a provider 429 on as 429 with Retry-After', async () => {
    const id = await createOrder('bind-429-create');
    server.faults.add({
      provider: 'bigfix',
      pathPrefix: '/adld-policy',
      fault: { kind: 'status', status: 429, retryAfterSeconds: 3 },
      times: 1,
    });
    const confirmed = await confirm(id, 'bind-429');
    assert.equal(confirmed.status, 429);
    assert.ok(Number(confirmed.headers.get('retry-after')) >= 1);
  });

  it('opens the circuit after repeated outages: quotes stop waiting on a provider that is down', async () => {
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 503 } });
    for (let attempt = 0; attempt < 3; attempt++)
      await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: nextUncachedPrice() }, country: 'IN' });
    assert.equal(server.services.resilience.get('bigfix')!.breaker.state, 'open');
    assert.equal((await browser('GET', '/v1/health')).json.providers.bigfix.ok, false);
    // While open, no request reaches the provider, even one that would now succeed.
    server.faults.clear();
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'delay', ms: 5000 } });
    const started = Date.now();
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: nextUncachedPrice() }, country: 'IN' });
    assert.ok(Date.now() - started < 200, `answered in ${Date.now() - started} ms`);
    assert.equal(quote.json.unavailable[0].code, 'provider_unavailable');
  });

  it('does not offer a provider whose circuit is open, even from premiums it cached', async () => {
    const device = { ...galaxyS23, price: nextUncachedPrice() };
    const before = await browser('POST', '/v1/quotes', { device, country: 'IN' });
    assert.ok(before.json.offers.some((offer: { provider: string }) => offer.provider === 'bigfix'));
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 503 } });
    for (let attempt = 0; attempt < 3; attempt++)
      await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: nextUncachedPrice() }, country: 'IN' });
    assert.equal(server.services.resilience.get('bigfix')!.breaker.state, 'open');
    const during = await browser('POST', '/v1/quotes', { device, country: 'IN' });
    assert.deepEqual(
      during.json.offers.filter((offer: { provider: string }) => offer.provider === 'bigfix'),
      [],
      'no BigFix offer a shopper could only fail to pay for',
    );
    const entry = during.json.unavailable.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    assert.equal(entry?.code, 'provider_unavailable');
  });

  it('lets only outages open a circuit: refusals (4xx the doc lists) leave it closed', async () => {
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 400 } });
    for (let attempt = 0; attempt < 8; attempt++)
      await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: nextUncachedPrice() }, country: 'IN' });
    assert.equal(server.services.resilience.get('bigfix')!.breaker.state, 'closed');
  });
});
