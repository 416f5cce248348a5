/**
 * The sandboxes remember what they sold across a restart, as the database remembers the
 * orders; `POST /sandbox/_reset` gives a clean demo again.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';

const environment = { OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '100' };
const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };
const NIGERIAN_IMEI = '490154203237518';
const INDIAN_IMEI = '356938035643809';
const folake = { name: 'Folake Arinze', email: 'folake.returning@example.com', phone: '+2347010001234' };

describe('sandbox state across a restart, and the demo reset', () => {
  let server: TestServer;
  const clients = () => ({ browser: apiClient(server), merchant: apiClient(server, 'sk_test_demo') });

  before(async () => (server = await startTestServer(environment)));
  after(() => server.close());

  async function buyOctamile(key: string) {
    const { browser, merchant } = clients();
    const quote = await browser('POST', '/v1/quotes', { device: { ...tecno, imei: NIGERIAN_IMEI }, country: 'NG' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'octamile');
    assert.ok(offer, quote.text);
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: NIGERIAN_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' }, customer: folake },
      { 'Idempotency-Key': `create-${key}` },
    );
    assert.equal(created.status, 201, created.text);
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: `pay_${key}` },
      { 'Idempotency-Key': `confirm-${key}` },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    return { id: created.json.order.id as string, clientSecret: created.json.order.clientSecret as string };
  }

  const shopperHeaders = (clientSecret: string) => ({
    Authorization: 'Bearer pk_test_demo',
    Origin: server.origin,
    'X-Client-Secret': clientSecret,
  });

  async function certificateStatus(order: { id: string; clientSecret: string }) {
    const response = await fetch(`${server.baseUrl}/v1/orders/${order.id}/certificate`, { headers: shopperHeaders(order.clientSecret) });
    await response.arrayBuffer();
    return response.status;
  }

  async function servifyQuote() {
    const { browser } = clients();
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: INDIAN_IMEI }, country: 'IN' });
    return {
      types: quote.json.offers
        .filter((offer: { provider: string }) => offer.provider === 'servify')
        .map((offer: { type: string }) => offer.type)
        .sort(),
      unavailable: quote.json.unavailable.filter((entry: { provider: string }) => entry.provider === 'servify'),
      offers: quote.json.offers,
    };
  }

  async function buyServifyAdld() {
    const { browser, merchant } = clients();
    const { offers } = await servifyQuote();
    const offer = offers.find(
      (candidate: { provider: string; type: string }) => candidate.provider === 'servify' && candidate.type === 'ADLD',
    );
    assert.ok(offer);
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: INDIAN_IMEI }, customer: asha },
      { 'Idempotency-Key': `create-servify-${Date.now()}` },
    );
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: 'pay_servify' },
      { 'Idempotency-Key': `confirm-servify-${Date.now()}` },
    );
    assert.equal(confirmed.json.order.status, 'active', confirmed.text);
  }

  async function buyBigfix(key: string): Promise<string> {
    const { browser, merchant } = clients();
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: INDIAN_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': `create-bigfix-${key}` },
    );
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: `pay_bigfix_${key}` },
      { 'Idempotency-Key': `confirm-bigfix-${key}` },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    return confirmed.json.order.policy.reference;
  }

  it("keeps an earlier order's certificate and a returning shopper's profile after a restart", async () => {
    const order = await buyOctamile('first');
    const form = new FormData();
    form.append('video', new Blob([new Uint8Array(3000).map((_, index) => index % 251)], { type: 'video/mp4' }), 'check.mp4');
    const upload = await fetch(`${server.baseUrl}/v1/orders/${order.id}/activation`, {
      method: 'POST',
      headers: shopperHeaders(order.clientSecret),
      body: form,
    });
    assert.equal(upload.status, 200, await upload.text());
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await certificateStatus(order), 200);
    await buyServifyAdld();
    assert.ok(existsSync(path.join(server.dataDir, 'sandbox', 'octamile.json')));

    const bigfixBefore = await buyBigfix('before');
    const assurifyQuote = await clients().browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: INDIAN_IMEI }, country: 'IN' });
    const assurifyOffer = assurifyQuote.json.offers.find((offer: { provider: string }) => offer.provider === 'assurify');
    assert.ok(assurifyOffer, assurifyQuote.text);

    const { port, dataDir } = server;
    await server.close({ keepData: true });
    server = await startTestServer(environment, { port, dataDir });

    assert.equal(await certificateStatus(order), 200, 'the certificate of an order bought before the restart');
    const consumerIds = await server.services.store.getOrderById(order.id);
    const returning = await buyOctamile('returning');
    const again = await server.services.store.getOrderById(returning.id);
    assert.equal(
      again?.policy?.providerReferences?.consumerId,
      consumerIds?.policy?.providerReferences?.consumerId,
      'the returning shopper is the same Octamile consumer',
    );
    // An Assurify offer quoted before the restart is bought on the session it was quoted in.
    const { browser, merchant } = clients();
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: assurifyOffer.offerId, device: { imei: INDIAN_IMEI }, customer: asha },
      { 'Idempotency-Key': 'create-assurify-after-restart' },
    );
    assert.equal(created.status, 201, created.text);
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: 'pay_assurify' },
      { 'Idempotency-Key': 'confirm-assurify-after-restart' },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    const assurifyOrder = await server.services.store.getOrderById(created.json.order.id);
    assert.equal(assurifyOrder?.policy?.providerReferences?.sessionRenewed, 'false');
    // BigFix never issues the same policy id twice, restart or not.
    assert.notEqual(await buyBigfix('after'), bigfixBefore);
    // Servify still knows the device it covered, and says so.
    const servify = await servifyQuote();
    assert.deepEqual(servify.types, ['EW']);
    assert.equal(servify.unavailable[0]?.code, 'already_covered');
  });

  it('forgets every sale and fault on POST /sandbox/_reset, so the demo IMEI can be covered again', async () => {
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 503 } });
    const reset = await fetch(`${server.baseUrl}/sandbox/_reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    assert.deepEqual(server.faults.list(), []);
    assert.ok(!existsSync(path.join(server.dataDir, 'sandbox', 'servify.json')));
    const servify = await servifyQuote();
    assert.deepEqual(servify.types, ['ADLD', 'EW']);
    assert.deepEqual(servify.unavailable, []);
  });
});
