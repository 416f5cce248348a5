/**
 * Metrics, health probes and request logs, through a whole server: what an operator's
 * Prometheus, load balancer and log search see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

/** The value of one sample line (`name{labels} value`) in exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && wanted.every((label) => candidate.includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('observability', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('serves Prometheus text with request latency by route pattern, never by raw path', async () => {
    const browser = apiClient(server);
    const merchant = apiClient(server, 'sk_test_demo');
    await browser('GET', '/v1/catalog');
    const missing = await merchant('GET', '/v1/orders/ord_doesnotexist123');
    assert.equal(missing.status, 404);

    const response = await fetch(`${server.baseUrl}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    assert.match(text, /# TYPE coverkit_http_request_duration_seconds histogram/);
    assert.equal(sample(text, 'coverkit_http_request_duration_seconds_count', { route: '/v1/catalog', status_class: '2xx' }), 1);
    assert.equal(sample(text, 'coverkit_http_request_duration_seconds_count', { route: '/v1/orders/:id', status_class: '4xx' }), 1);
    assert.doesNotMatch(text, /ord_doesnotexist123/, 'no id in any label');
  });

  it('times provider calls by provider, operation and outcome, and shows each circuit', async () => {
    const browser = apiClient(server);
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    assert.equal(quote.status, 200, quote.text);
    // BigFix refuses what its doc says it refuses: a 503 is an outage.
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 503 }, times: 10 });
    server.services.quoteCache.clear();
    await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI, price: 70000 }, country: 'IN' });
    server.faults.clear();

    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    assert.ok(
      (sample(text, 'coverkit_provider_call_duration_seconds_count', { provider: 'bigfix', operation: 'quote', outcome: 'ok' }) ?? 0) >= 1,
    );
    assert.ok(
      (sample(text, 'coverkit_provider_call_duration_seconds_count', { provider: 'bigfix', operation: 'quote', outcome: 'outage' }) ?? 0) >=
        1,
      text
        .split('\n')
        .filter((line) => line.includes('provider_call_duration_seconds_count'))
        .join('\n'),
    );
    for (const provider of ['assurify', 'bigfix', 'servify', 'octamile'])
      assert.notEqual(sample(text, 'coverkit_provider_circuit_state', { provider }), undefined, provider);
  });

  it('counts reconciled orders by outcome, and shows the outbox depth from the store', async () => {
    await server.reconciler.reconcileOnce();
    let text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    assert.equal(sample(text, 'coverkit_reconcile_passes_total', { result: 'ok' }), 1);
    // services.ts feeds the gauge from the store's count of undelivered events.
    assert.equal(Number(/^coverkit_outbox_depth (\d+)$/m.exec(text)?.[1]), await server.services.store.countPendingEvents());
    server.services.metrics.setOutboxDepthSource(async () => 7);
    text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    assert.match(text, /^coverkit_outbox_depth 7$/m);
    server.services.metrics.setOutboxDepthSource(undefined);
    text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    assert.doesNotMatch(text, /^coverkit_outbox_depth /m);
  });

  it('answers liveness and readiness', async () => {
    const live = await fetch(`${server.baseUrl}/v1/health/live`);
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'ok' });
    const ready = await fetch(`${server.baseUrl}/v1/health/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ok', checks: { store: { ok: true } } });
    assert.equal((await (await fetch(`${server.baseUrl}/v1/health`)).json()).status, 'ok', 'the old health route is unchanged');
  });

  it('logs one JSON line per request with level, requestId, route, status and duration, and no personal data', async () => {
    const browser = apiClient(server);
    server.logLines.length = 0;
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'observability-log-1' },
    );
    assert.equal(created.status, 201, created.text);
    // A body that fails validation carries personal data too: it must not reach the log either.
    await browser(
      'POST',
      '/v1/orders',
      { offerId: 'bad', device: { imei: TEST_IMEI }, customer: asha },
      { 'Idempotency-Key': 'observability-log-2' },
    );

    const lines = server.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // (The sandboxes, mounted in this same server in test mode, log their requests too.)
    const requests = lines.filter((line) => line.message === 'request' && String(line.path).startsWith('/v1/'));
    assert.equal(requests.length, 3, 'one line per request');
    const orderLine = requests.find((line) => line.route === '/v1/orders' && line.status === 201)!;
    assert.ok(orderLine, JSON.stringify(requests));
    assert.equal(orderLine.level, 'info');
    assert.match(String(orderLine.requestId), /\S{8,}/);
    assert.equal(typeof orderLine.ms, 'number');
    assert.equal(orderLine.requestId, created.headers.get('x-request-id'));
    const everything = server.logLines.join('\n');
    for (const personal of [asha.name, asha.email, asha.phone, asha.address.line1, asha.address.postalCode, TEST_IMEI])
      assert.ok(!everything.includes(personal), `the log holds ${personal}`);
  });
});
