/**
 * The demo shop's merchant server in test mode: Coverkit's events reach its own endpoint by
 * default, verified, and its order page is answered from them once the order is settled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

describe('the demo shop consumes Coverkit’s events', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server?.close());

  it('answers a settled order from the events it received, and refuses a forged event', async () => {
    const browser = apiClient(server, 'pk_test_demo');
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'demo-webhook-1' },
    );
    const { id, clientSecret } = created.json.order;
    const shop = (path: string, init: RequestInit = {}) =>
      fetch(`${server.baseUrl}/demo/api${path}`, {
        ...init,
        headers: { Origin: server.origin, 'Content-Type': 'application/json', ...init.headers },
      });
    const paid = await shop('/checkout', {
      method: 'POST',
      body: JSON.stringify({ orderId: id, clientSecret, card: '4242 4242 4242 4242' }),
    });
    assert.equal(((await paid.json()) as { order: { status: string } }).order.status, 'active');

    let source: string | null = null;
    for (let waited = 0; source !== 'events' && waited < 10_000; waited += 100) {
      const read = await shop(`/orders/${id}`, { headers: { 'X-Client-Secret': clientSecret } });
      assert.equal(((await read.json()) as { order: { status: string } }).order.status, 'active');
      source = read.headers.get('X-Order-Source');
      if (source !== 'events') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(source, 'events', 'the settled order is answered from its events');
    // The events route never answers someone without the order's clientSecret.
    assert.equal((await shop(`/orders/${id}`, { headers: { 'X-Client-Secret': `${id}_secret_wrong` } })).status, 404);

    const forged = await fetch(`${server.baseUrl}/demo/api/webhooks/coverkit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Coverkit-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'a'.repeat(64)}` },
      body: JSON.stringify({
        id: 'evt_x',
        type: 'order.cancelled',
        created: 0,
        livemode: false,
        data: { order: { id, status: 'cancelled' } },
      }),
    });
    assert.equal(forged.status, 400);
    const after = await shop(`/orders/${id}`, { headers: { 'X-Client-Secret': clientSecret } });
    assert.equal(((await after.json()) as { order: { status: string } }).order.status, 'active');
  });
});
