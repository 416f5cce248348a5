/**
 * The demo shop's server routes can bind a policy, so they must not be a way to get one unpaid
 * (issue 12, finding 1): JSON from the shop's own pages only, the order's clientSecret, a card
 * that passes the fake card check; reads need the clientSecret too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const GOOD_CARD = '4242 4242 4242 4242';

describe('demo merchant routes (/demo/api)', () => {
  let server: TestServer;
  let order: { id: string; clientSecret: string };

  before(async () => {
    server = await startTestServer({ COVERKIT_PROVIDERS: 'bigfix' });
    const browser = apiClient(server);
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'demo-routes-order' },
    );
    assert.equal(created.status, 201, created.text);
    order = created.json.order;
    assert.equal(created.json.order.livemode, false);
  });
  after(() => server.close());

  const checkout = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/demo/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.origin, 'Sec-Fetch-Site': 'same-origin', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** As the shop's server reads it: secret key, no Origin. */
  const status = async () => {
    const response = await fetch(`${server.baseUrl}/v1/orders/${order.id}`, { headers: { Authorization: 'Bearer sk_test_demo' } });
    return ((await response.json()) as { order: { status: string } }).order.status;
  };

  it('refuses text/plain, another origin, and a cross-site fetch, binding nothing', async () => {
    const body = JSON.stringify({ orderId: order.id, clientSecret: order.clientSecret, card: GOOD_CARD });
    assert.equal((await checkout(body, { 'Content-Type': 'text/plain' })).status, 415);
    assert.equal((await checkout(body, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status, 403);
    assert.equal((await checkout(body, { Origin: 'null' })).status, 403);
    const noOrigin = await fetch(`${server.baseUrl}/demo/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(noOrigin.status, 403);
    assert.equal(await status(), 'awaiting_payment');
  });

  it('refuses a checkout without the order’s clientSecret, with a wrong one, or with a card that fails the check', async () => {
    assert.equal((await checkout({ orderId: order.id, card: GOOD_CARD })).status, 401);
    assert.equal((await checkout({ orderId: order.id, clientSecret: 'cs_wrong', card: GOOD_CARD })).status, 404);
    assert.equal((await checkout({ orderId: order.id, clientSecret: order.clientSecret })).status, 402);
    assert.equal((await checkout({ orderId: order.id, clientSecret: order.clientSecret, card: '4242 4242 4242 4241' })).status, 402);
    const declined = await checkout({ orderId: order.id, clientSecret: order.clientSecret, card: '4000 0000 0000 0002' });
    assert.equal(declined.status, 402);
    assert.equal(((await declined.json()) as { error: { code: string } }).error.code, 'card_declined');
    assert.equal(await status(), 'awaiting_payment');
  });

  it('order and certificate reads need the clientSecret (X-Client-Secret)', async () => {
    const read = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.baseUrl}/demo/api/orders/${order.id}${path}`, { headers: { 'Sec-Fetch-Site': 'same-origin', ...headers } });
    assert.equal((await read('')).status, 401);
    assert.equal((await read('/certificate')).status, 401);
    assert.equal((await read('', { 'X-Client-Secret': 'cs_wrong' })).status, 404);
    assert.equal((await read('/certificate', { 'X-Client-Secret': 'cs_wrong' })).status, 404);
    assert.equal((await read('', { 'X-Client-Secret': order.clientSecret, 'Sec-Fetch-Site': 'cross-site' })).status, 403);
    const mine = await read('', { 'X-Client-Secret': order.clientSecret });
    assert.equal(mine.status, 200);
    assert.equal(((await mine.json()) as { order: { id: string } }).order.id, order.id);
  });

  it('binds for the cart that holds the clientSecret and a good card', async () => {
    const paid = await checkout({ orderId: order.id, clientSecret: order.clientSecret, card: GOOD_CARD });
    assert.equal(paid.status, 200, await paid.clone().text());
    assert.equal(((await paid.json()) as { order: { status: string } }).order.status, 'active');
  });
});
