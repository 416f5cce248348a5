/** GET /v1/orders, /v1/events (list, one, resend) and order metadata, over HTTP. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, freePort, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

describe('merchant lists: orders, events and metadata', () => {
  let server: TestServer;
  const shop = { browser: {} as ReturnType<typeof apiClient>, merchant: {} as ReturnType<typeof apiClient> };
  const quiet = { browser: {} as ReturnType<typeof apiClient>, merchant: {} as ReturnType<typeof apiClient> };
  const created: string[] = [];

  before(async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-lists-'));
    const origin = `http://127.0.0.1:${port}`;
    const file = path.join(dataDir, 'merchants.json');
    const merchant = (id: string, extra: object = {}) => ({
      id,
      name: id,
      publishableKey: `pk_test_${id}_key`,
      secretKey: `sk_test_${id}_key`,
      allowedOrigins: [origin],
      providers: ['bigfix'],
      ...extra,
    });
    // The shop's endpoint is nowhere: its events stay pending, which is all these tests need.
    writeFileSync(
      file,
      JSON.stringify([
        merchant('shop', { webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecret: 'whsec_lists_test_0123456' }),
        merchant('quiet'),
      ]),
    );
    server = await startTestServer({ COVERKIT_MERCHANTS_FILE: file, COVERKIT_WEBHOOK_TIMEOUT_MS: '200' }, { port, dataDir });
    shop.browser = apiClient(server, 'pk_test_shop_key');
    shop.merchant = apiClient(server, 'sk_test_shop_key');
    quiet.browser = apiClient(server, 'pk_test_quiet_key');
    quiet.merchant = apiClient(server, 'sk_test_quiet_key');
  });
  after(() => server.close());

  async function createOrder(client: typeof shop, metadata?: unknown) {
    const quote = await client.browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.equal(quote.status, 200, quote.text);
    const offerId = quote.json.offers[0].offerId;
    return client.browser(
      'POST',
      '/v1/orders',
      { offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha, ...(metadata === undefined ? {} : { metadata }) },
      { 'Idempotency-Key': `k-${Math.random()}` },
    );
  }

  it('keeps metadata with the order and returns it in every response', async () => {
    const response = await createOrder(shop, { cartId: 'c_991', sku: 'galaxy-s23' });
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(response.json.order.metadata, { cartId: 'c_991', sku: 'galaxy-s23' });
    created.push(response.json.order.id);
    const read = await shop.merchant('GET', `/v1/orders/${response.json.order.id}`);
    assert.deepEqual(read.json.order.metadata, { cartId: 'c_991', sku: 'galaxy-s23' });
    assert.equal(read.json.order.livemode, false);
    for (let index = 0; index < 2; index += 1) created.push((await createOrder(shop)).json.order.id);
    assert.deepEqual((await shop.merchant('GET', `/v1/orders/${created[1]}`)).json.order.metadata, {});
  });

  it('refuses bad metadata, naming the field', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, 'v']));
    const cases: [unknown, string, RegExp][] = [
      [tooMany, 'metadata', /At most 20 keys/],
      [{ ['k'.repeat(41)]: 'v' }, `metadata.${'k'.repeat(41)}`, /1 to 40 characters/],
      [{ note: 'x'.repeat(501) }, 'metadata.note', /At most 500 characters/],
      [{ count: 3 }, 'metadata.count', /strings/],
      ['cart', 'metadata', /.+/],
    ];
    for (const [metadata, field, message] of cases) {
      const response = await createOrder(shop, metadata);
      assert.equal(response.status, 400, response.text);
      assert.equal(response.json.error.code, 'invalid_request');
      const named = response.json.error.fields.find((entry: { path: string }) => entry.path === field);
      assert.ok(named, `${field} in ${response.text}`);
      assert.match(named.message, message);
    }
  });

  it('lists orders newest first with a cursor and a status filter, secret key only, own orders only', async () => {
    const quietOrder = (await createOrder(quiet)).json.order.id;
    const first = await shop.merchant('GET', '/v1/orders?limit=2');
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(
      first.json.data.map((order: { id: string }) => order.id),
      [created[2], created[1]],
    );
    assert.equal(first.json.hasMore, true);
    assert.equal(first.json.data[0].clientSecret, undefined);
    assert.equal(JSON.stringify(first.json).includes('Asha'), false, 'no personal data');
    const rest = await shop.merchant('GET', `/v1/orders?limit=2&starting_after=${created[1]}`);
    assert.deepEqual(
      rest.json.data.map((order: { id: string }) => order.id),
      [created[0]],
    );
    assert.equal(rest.json.hasMore, false);
    assert.equal((await shop.merchant('GET', '/v1/orders?status=awaiting_payment,active')).json.data.length, 3);
    assert.deepEqual((await shop.merchant('GET', '/v1/orders?status=active')).json.data, []);
    assert.deepEqual(
      (await quiet.merchant('GET', '/v1/orders')).json.data.map((order: { id: string }) => order.id),
      [quietOrder],
    );
    const refused: [string, string][] = [
      ['/v1/orders?limit=0', 'limit'],
      ['/v1/orders?limit=101', 'limit'],
      ['/v1/orders?status=paid', 'status'],
      ['/v1/orders?colour=red', 'colour'],
      [`/v1/orders?starting_after=${quietOrder}`, 'starting_after'],
    ];
    for (const [route, field] of refused) {
      const response = await shop.merchant('GET', route);
      assert.equal(response.status, 400, route);
      assert.deepEqual(
        response.json.error.fields.map((entry: { path: string }) => entry.path),
        [field],
      );
    }
    const withPublishable = await shop.browser('GET', '/v1/orders');
    assert.equal(withPublishable.status, 403);
  });

  it('lists the events of every change, with the order as the API shows it, and resends one', async () => {
    const events = await shop.merchant('GET', '/v1/events?type=order.created&limit=100');
    assert.equal(events.status, 200, events.text);
    const mine = events.json.data.filter((event: { data: { order: { id: string } } }) => created.includes(event.data.order.id));
    assert.equal(mine.length, 3);
    const withMetadata = mine.find((event: { data: { order: { id: string } } }) => event.data.order.id === created[0]);
    assert.deepEqual(withMetadata.data.order.metadata, { cartId: 'c_991', sku: 'galaxy-s23' });
    assert.equal(withMetadata.livemode, false);
    assert.match(withMetadata.id, /^evt_/);
    assert.equal(withMetadata.data.order.clientSecret, undefined);
    assert.equal(JSON.stringify(events.json).includes('asha'), false, 'no personal data');
    assert.deepEqual(Object.keys(withMetadata.delivery).sort(), [
      'attempts',
      'deliveredAt',
      'lastError',
      'lastStatus',
      'nextAttemptAt',
      'state',
    ]);

    const one = await shop.merchant('GET', `/v1/events/${withMetadata.id}`);
    assert.equal(one.json.event.id, withMetadata.id);
    assert.equal((await quiet.merchant('GET', `/v1/events/${withMetadata.id}`)).status, 404);
    const page = await shop.merchant('GET', `/v1/events?limit=1&starting_after=${mine[0].id}`);
    assert.equal(page.json.data.length, 1);
    assert.equal((await shop.merchant('GET', '/v1/events?type=order.paid')).status, 400);
    assert.equal((await shop.browser('GET', '/v1/events')).status, 403);

    const resent = await shop.merchant('POST', `/v1/events/${withMetadata.id}/resend`);
    assert.equal(resent.status, 202, resent.text);
    assert.equal(resent.json.event.delivery.state, 'pending');
    assert.equal((await shop.merchant('POST', '/v1/events/evt_unknown/resend')).status, 404);

    const quietEvents = await quiet.merchant('GET', '/v1/events');
    assert.equal(quietEvents.json.data[0].delivery.state, 'not_sent');
    const noEndpoint = await quiet.merchant('POST', `/v1/events/${quietEvents.json.data[0].id}/resend`);
    assert.equal(noEndpoint.status, 409);
    assert.equal(noEndpoint.json.error.code, 'webhook_not_configured');
  });
});
