import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

describe('/v1 walking skeleton against the BigFix sandbox over HTTP', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer();
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function quoteAdld() {
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.equal(quote.status, 200, quote.text);
    const offer = quote.json.offers.find(
      (candidate: { type: string; termMonths: number }) => candidate.type === 'ADLD' && candidate.termMonths === 12,
    );
    assert.ok(offer, 'a one-year ADLD offer');
    return offer;
  }

  function orderBody(offerId: string) {
    return { offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha };
  }

  it('reports health with the sandbox mode', async () => {
    const health = await browser('GET', '/v1/health');
    assert.deepEqual(health.json, {
      status: 'ok',
      providers: {
        bigfix: { mode: 'sandbox', ok: true },
        assurify: { mode: 'sandbox', ok: true },
        servify: { mode: 'sandbox', ok: true },
        octamile: { mode: 'sandbox', ok: true },
      },
    });
  });

  it('quotes ADLD and EW plans from BigFix in INR, with the fields each needs', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.equal(quote.status, 200);
    const types = new Set(quote.json.offers.map((offer: { type: string }) => offer.type));
    assert.deepEqual([...types].sort(), ['ADLD', 'EW']);
    for (const offer of quote.json.offers) {
      assert.equal(offer.provider, 'bigfix');
      assert.equal(offer.price.currency, 'INR');
      assert.ok(offer.price.amount > 0 && offer.price.amount < galaxyS23.price);
      assert.ok(offer.requires.includes('device.imei'));
      assert.ok(Date.parse(offer.expiresAt) > Date.now());
    }
    // Assurify and Servify price a device only from its IMEI; Octamile covers Nigeria.
    assert.deepEqual(
      quote.json.unavailable.map((entry: { provider: string; code: string }) => [entry.provider, entry.code]),
      [
        ['assurify', 'needs_imei'],
        ['servify', 'needs_imei'],
        ['octamile', 'unsupported_market'],
      ],
    );
  });

  it('remembers BigFix premiums, as BigFix asks, so a repeated quote does not call it again', async () => {
    const device = { ...galaxyS23, price: 55_555 };
    const first = await browser('POST', '/v1/quotes', { device, country: 'IN' });
    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 503 } });
    try {
      const again = await browser('POST', '/v1/quotes', { device, country: 'IN' });
      const prices = (response: typeof first) =>
        response.json.offers
          .filter((offer: { provider: string }) => offer.provider === 'bigfix')
          .map((offer: { price: { amount: number } }) => offer.price.amount);
      assert.deepEqual(prices(again), prices(first));
      assert.equal(prices(first).length, 4);
    } finally {
      server.faults.clear();
    }
  });

  it('answers another market with an unavailable entry, not an error', async () => {
    // No enabled provider covers the US (Octamile would quote NG).
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, currency: 'USD', price: 900 }, country: 'US' });
    assert.equal(quote.status, 200);
    assert.deepEqual(quote.json.offers, []);
    assert.equal(quote.json.unavailable[0].code, 'unsupported_market');
  });

  it('names each bad field of a quote', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, price: -5, imei: '490154203237519' }, country: 'India' });
    assert.equal(quote.status, 400);
    const paths = quote.json.error.fields.map((field: { path: string }) => field.path).sort();
    assert.deepEqual(paths, ['country', 'device.imei', 'device.price']);
    assert.match(quote.json.error.requestId, /.+/);
  });

  it('buys an ADLD plan: create with the publishable key, confirm with the secret key, read back', async () => {
    const offer = await quoteAdld();
    const created = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'create-1' });
    assert.equal(created.status, 201, created.text);
    const { order } = created.json;
    assert.equal(order.status, 'awaiting_payment');
    assert.match(order.clientSecret, /^ord_.+_secret_.+/);
    assert.deepEqual(order.offer.price, offer.price);

    const confirmed = await merchant(
      'POST',
      `/v1/orders/${order.id}/confirm`,
      { paymentReference: 'pay_123' },
      { 'Idempotency-Key': 'confirm-1' },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'active');
    assert.match(confirmed.json.order.policy.reference, /^B\d{6}P\d{3}\d{4}$/);
    assert.ok(Date.parse(confirmed.json.order.policy.endsAt) > Date.parse(confirmed.json.order.policy.startsAt));

    const read = await browser('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': order.clientSecret });
    assert.equal(read.status, 200);
    assert.equal(read.json.order.policy.reference, confirmed.json.order.policy.reference);
    assert.equal(read.json.order.clientSecret, undefined);
  });

  it('refuses a tampered offer id: the price bound is the price quoted', async () => {
    const offer = await quoteAdld();
    const sealed = Buffer.from(offer.offerId.slice(4), 'base64url');
    // One flipped bit anywhere in the sealed bytes (here, inside the ciphertext).
    sealed[20] = sealed[20]! ^ 0x01;
    const forged = `ofr_${sealed.toString('base64url')}`;
    const created = await browser('POST', '/v1/orders', orderBody(forged), { 'Idempotency-Key': 'forged-1' });
    assert.equal(created.status, 400);
    assert.equal(created.json.error.code, 'invalid_offer');
    assert.deepEqual(created.json.error.fields, [{ path: 'offerId', message: 'Not a valid offer' }]);
  });

  it('shows nothing of the quote inside an offer id: no plan, price, IMEI digest or provider context', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const assurify = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'assurify');
    assert.ok(assurify, 'an Assurify offer, whose context holds its session id');
    for (const offer of quote.json.offers) {
      const inside = Buffer.from(offer.offerId.slice(4).replace(/\./g, ''), 'base64url').toString('latin1');
      for (const readable of ['Galaxy', 'Samsung', 'imeiDigest', 'sessionId', 'planCode', String(offer.price.amount)])
        assert.ok(!inside.includes(readable), `${offer.provider} offer id shows ${readable}`);
    }
  });

  it('binds the device quoted: another brand or model is refused before payment, naming the field', async () => {
    const offer = await quoteAdld();
    const swapped = await browser(
      'POST',
      '/v1/orders',
      { ...orderBody(offer.offerId), device: { imei: TEST_IMEI, brandWarrantyYears: 1, brand: 'Apple', model: 'iPhone 16 Pro' } },
      { 'Idempotency-Key': 'swap-1' },
    );
    assert.equal(swapped.status, 400, swapped.text);
    assert.equal(swapped.json.error.code, 'invalid_request');
    assert.deepEqual(swapped.json.error.fields.map((field: { path: string }) => field.path).sort(), ['device.brand', 'device.model']);
    const sameModel = await browser(
      'POST',
      '/v1/orders',
      { ...orderBody(offer.offerId), device: { imei: TEST_IMEI, brandWarrantyYears: 1, brand: 'Samsung', model: 'Galaxy S24' } },
      { 'Idempotency-Key': 'swap-2' },
    );
    assert.deepEqual(
      sameModel.json.error.fields.map((field: { path: string }) => field.path),
      ['device.model'],
    );
    // The same device in other case and spacing is the same device.
    const respelled = await browser(
      'POST',
      '/v1/orders',
      { ...orderBody(offer.offerId), device: { imei: TEST_IMEI, brandWarrantyYears: 1, brand: 'SAMSUNG', model: ' galaxy  s23' } },
      { 'Idempotency-Key': 'swap-3' },
    );
    assert.equal(respelled.status, 201, respelled.text);
  });

  it('binds the IMEI quoted: another one is refused before payment', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    const otherImei = '356938035643809';
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: otherImei, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'imei-swap-1' },
    );
    assert.equal(created.status, 400, created.text);
    assert.deepEqual(created.json.error.fields, [{ path: 'device.imei', message: 'Use the IMEI this plan was priced for' }]);
    assert.ok(!created.text.includes(otherImei), 'the IMEI is not echoed');
  });

  it('binds the serial quoted: another one is refused before payment, the quoted one (any case) accepted', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, serial: 'R5CT90ABC12' }, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    const order = (serial: string, key: string) =>
      browser(
        'POST',
        '/v1/orders',
        { offerId: offer.offerId, device: { imei: TEST_IMEI, serial, brandWarrantyYears: 1 }, customer: asha },
        { 'Idempotency-Key': key },
      );
    const swapped = await order('R5CT90XYZ99', 'serial-swap-1');
    assert.equal(swapped.status, 400, swapped.text);
    assert.deepEqual(
      swapped.json.error.fields.map((field: { path: string }) => field.path),
      ['device.serial'],
    );
    assert.ok(!swapped.text.includes('R5CT90XYZ99'), 'the serial is not echoed');
    const same = await order('r5ct90abc12', 'serial-swap-2');
    assert.equal(same.status, 201, same.text);
  });

  it('names the fields a plan requires when they are missing', async () => {
    const offer = await quoteAdld();
    const { address, ...withoutAddress } = asha;
    void address;
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, customer: withoutAddress },
      { 'Idempotency-Key': 'missing-1' },
    );
    assert.equal(created.status, 400);
    const paths = created.json.error.fields.map((field: { path: string }) => field.path).sort();
    assert.deepEqual(paths, ['customer.address', 'device.brandWarrantyYears', 'device.imei']);
  });

  it('refuses a wrong key, a publishable key from another origin, and a publishable key on confirm', async () => {
    const wrongKey = await apiClient(server, 'pk_test_wrong')('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.equal(wrongKey.status, 401);
    assert.equal(wrongKey.json.error.code, 'invalid_key');
    const noKey = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(noKey.status, 401);
    const otherOrigin = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' }, { Origin: 'https://evil.example' });
    assert.equal(otherOrigin.status, 403);
    assert.equal(otherOrigin.json.error.code, 'origin_not_allowed');
    const confirmWithPk = await browser('POST', '/v1/orders/ord_x/confirm', { paymentReference: 'p' }, { 'Idempotency-Key': 'k' });
    assert.equal(confirmWithPk.status, 403);
  });

  it('answers CORS preflight only for allowed origins', async () => {
    const allowed = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'OPTIONS',
      headers: { Origin: server.origin, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), server.origin);
    const refused = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('replays the first answer for the same Idempotency-Key and body, and refuses a different body', async () => {
    const offer = await quoteAdld();
    const first = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'same-key' });
    const second = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'same-key' });
    assert.equal(second.status, 201);
    assert.equal(second.json.order.id, first.json.order.id);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const different = await browser(
      'POST',
      '/v1/orders',
      { ...orderBody(offer.offerId), customer: { ...asha, name: 'Ravi Kumar' } },
      { 'Idempotency-Key': 'same-key' },
    );
    assert.equal(different.status, 422);
    const withoutKey = await browser('POST', '/v1/orders', orderBody(offer.offerId));
    assert.equal(withoutKey.status, 400);
    assert.equal(withoutKey.json.error.fields[0].path, 'Idempotency-Key');
  });

  it('hides an order from a publishable key without its client secret', async () => {
    const offer = await quoteAdld();
    const created = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'hidden-1' });
    const read = await browser('GET', `/v1/orders/${created.json.order.id}`, undefined, { 'X-Client-Secret': 'ord_wrong_secret_x' });
    assert.equal(read.status, 404);
  });

  it('refuses a second confirm with a different payment', async () => {
    const offer = await quoteAdld();
    const created = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'twice-1' });
    const id = created.json.order.id;
    await merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference: 'pay_a' }, { 'Idempotency-Key': 'c-a' });
    const again = await merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference: 'pay_a' }, { 'Idempotency-Key': 'c-b' });
    assert.equal(again.status, 200);
    const other = await merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference: 'pay_b' }, { 'Idempotency-Key': 'c-c' });
    assert.equal(other.status, 409);
  });

  it('rejects non-JSON bodies and unknown fields', async () => {
    const wrongType = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'Content-Type': 'text/plain' },
      body: 'hi',
    });
    assert.equal(wrongType.status, 415);
    const unknown = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN', discount: 100 });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.json.error.fields, [{ path: 'discount', message: 'Unknown field' }]);
  });

  it('serves an OpenAPI document built from the request schemas', async () => {
    const document = await browser('GET', '/v1/openapi.json');
    assert.equal(document.status, 200);
    assert.equal(document.json.openapi, '3.0.3');
    assert.ok(document.json.components.schemas.QuoteRequest.properties.device.properties.imei);
    assert.ok(document.json.paths['/v1/orders/{id}/confirm'].post);
  });

  it("lists the catalog of the merchant's providers", async () => {
    const catalog = await browser('GET', '/v1/catalog');
    assert.equal(catalog.status, 200);
    assert.ok(catalog.json.categories.includes('Mobile'));
    assert.ok(catalog.json.brands.some((brand: { name: string }) => brand.name === 'Samsung'));
    assert.deepEqual(
      catalog.json.providers.map((provider: { id: string }) => provider.id),
      ['bigfix', 'assurify', 'servify', 'octamile'],
    );
  });

  it('never puts a secret or personal data in a response or a log line', async () => {
    const offer = await quoteAdld();
    const created = await browser('POST', '/v1/orders', orderBody(offer.offerId), { 'Idempotency-Key': 'pii-1' });
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: 'pay_pii' },
      { 'Idempotency-Key': 'pii-c' },
    );
    const everything = [created.text, confirmed.text, (await browser('GET', '/v1/health')).text, ...server.logLines].join('\n');
    for (const secret of [
      'sk_test_demo',
      server.services.config.providers.bigfix.apiKey,
      asha.name,
      asha.phone,
      asha.email,
      TEST_IMEI,
      asha.address.line1,
    ]) {
      assert.ok(!everything.includes(secret), `found ${secret.slice(0, 4)}…`);
    }
  });
});

describe('orders survive a restart', () => {
  it('reads an order created before the server stopped', async () => {
    const first = await startTestServer();
    const browser = apiClient(first);
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: quote.json.offers[0].offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'restart-1' },
    );
    assert.equal(created.status, 201);
    await first.close({ keepData: true });

    const second = await startTestServer({}, { port: first.port, dataDir: first.dataDir });
    try {
      const read = await apiClient(second, 'sk_test_demo')('GET', `/v1/orders/${created.json.order.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.json.order.status, 'awaiting_payment');
    } finally {
      await second.close();
    }
  });
});
