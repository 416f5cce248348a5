import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../testing/test-server.ts';
import { signAssurifyPayload } from './assurify-signature.ts';

type Client = ReturnType<typeof apiClient>;

async function quoteAssurify(browser: Client, device: Record<string, unknown> = { ...galaxyS23, imei: TEST_IMEI }) {
  const quote = await browser('POST', '/v1/quotes', { device, country: 'IN' });
  assert.equal(quote.status, 200, quote.text);
  const offer = quote.json.offers.find(
    (candidate: { provider: string; type: string }) => candidate.provider === 'assurify' && candidate.type === 'EW',
  );
  assert.ok(offer, `an Assurify EW offer in ${quote.text}`);
  return offer;
}

async function buy(browser: Client, merchant: Client, offerId: string, key: string) {
  const created = await browser(
    'POST',
    '/v1/orders',
    { offerId, device: { imei: TEST_IMEI }, customer: asha },
    { 'Idempotency-Key': `create-${key}` },
  );
  assert.equal(created.status, 201, created.text);
  const confirmed = await merchant(
    'POST',
    `/v1/orders/${created.json.order.id}/confirm`,
    { paymentReference: `pay_${key}` },
    { 'Idempotency-Key': `confirm-${key}` },
  );
  return { created: created.json.order, confirmed };
}

async function waitForStatus(browser: Client, order: { id: string; clientSecret: string }, status: string, timeoutMs = 6000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = await browser('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': order.clientSecret });
    if (read.json.order.status === status || Date.now() > deadline) return read.json.order;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Assurify through /v1 against its sandbox', () => {
  let server: TestServer;
  let browser: Client;
  let merchant: Client;

  before(async () => {
    server = await startTestServer({ ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '200' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  it('quotes no laptop (Assurify identifies devices by IMEI), and offers carry the configured terms', async () => {
    const laptop = { category: 'Laptop', brand: 'Dell', model: 'XPS 13', price: 139990, currency: 'INR', imei: '490154203237518' };
    const response = await browser('POST', '/v1/quotes', { device: laptop, country: 'IN' });
    assert.equal(response.status, 200);
    assert.ok(response.json.offers.every((offer: { provider: string }) => offer.provider !== 'assurify'));
    assert.equal(
      response.json.unavailable.find((entry: { provider: string }) => entry.provider === 'assurify')?.code,
      'unsupported_device',
    );
    const phone = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: '490154203237518' }, country: 'IN' });
    const offer = phone.json.offers.find((candidate: { provider: string }) => candidate.provider === 'assurify');
    assert.deepEqual(offer.terms, {
      url: 'https://www.assurify.example/smartshield/terms',
      underwriter: 'Assurify Insurance Co. Ltd (sandbox)',
      freeLookDays: 15,
    });
  });

  it('needs an IMEI to quote, and refuses an IMEI that fails the Luhn check before asking Assurify', async () => {
    const withoutImei = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.deepEqual(
      withoutImei.json.unavailable.find((entry: { provider: string }) => entry.provider === 'assurify'),
      { provider: 'assurify', code: 'needs_imei', message: 'Enter the IMEI (dial *#06#) to see Assurify plans.' },
    );
    const invalid = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: '490154203237519' }, country: 'IN' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      invalid.json.error.fields.map((field: { path: string }) => field.path),
      ['device.imei'],
    );
  });

  it('quotes EW, ADLD and screen plans in INR from a device session', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const offers = quote.json.offers.filter((offer: { provider: string }) => offer.provider === 'assurify');
    assert.deepEqual(offers.map((offer: { type: string }) => offer.type).sort(), ['ADLD', 'EW', 'SCREEN']);
    for (const offer of offers) {
      assert.equal(offer.price.currency, 'INR');
      assert.ok(offer.requires.includes('device.imei'));
    }
  });

  it('buys a plan: pending after the attach, active once the signed policy.activated event arrives', async () => {
    const offer = await quoteAssurify(browser);
    const { created, confirmed } = await buy(browser, merchant, offer.offerId, 'happy');
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'pending');
    assert.match(confirmed.json.order.policy.reference, /^sub_[A-Z0-9]{8}$/);
    const stored = await server.services.store.getOrder('default', created.id);
    assert.equal(stored?.policy?.providerReferences?.sessionRenewed, 'false');
    const active = await waitForStatus(browser, created, 'active');
    assert.equal(active.status, 'active');
    assert.equal(active.policy.reference, confirmed.json.order.policy.reference);
  });

  it('ends an offer with the session it was quoted in ("Session TTL: 15 min"), not with our 30-minute offers', async () => {
    const started = Date.now();
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const expiries = (provider: string) =>
      quote.json.offers
        .filter((offer: { provider: string }) => offer.provider === provider)
        .map((offer: { expiresAt: string }) => Date.parse(offer.expiresAt) - started);
    assert.ok(expiries('assurify').length > 0);
    for (const lifetime of expiries('assurify')) assert.ok(lifetime <= 15 * 60_000 + 1000, `an Assurify offer lives ${lifetime} ms`);
    for (const lifetime of expiries('bigfix')) assert.ok(lifetime > 15 * 60_000, 'other offers keep the offer TTL');
  });

  it('attaches with the customer id the quote session was opened for, and keeps the subscription id', async () => {
    const offer = await quoteAssurify(browser);
    const { created, confirmed } = await buy(browser, merchant, offer.offerId, 'same-customer');
    assert.equal(confirmed.status, 200, confirmed.text);
    const stored = await server.services.store.getOrder('default', created.id);
    assert.equal(stored?.policy?.providerReferences?.sessionRenewed, 'false', 'attached on the quoted session');
    assert.match(stored?.policy?.providerReferences?.customer ?? '', /^cust_q/);
    assert.equal(stored?.policy?.providerReferences?.subscriptionId, confirmed.json.order.policy.reference);
  });

  it('buys a second order from the same offer on a fresh session: sessions are single-use', async () => {
    const offer = await quoteAssurify(browser);
    const first = await buy(browser, merchant, offer.offerId, 'single-a');
    const second = await buy(browser, merchant, offer.offerId, 'single-b');
    assert.equal(first.confirmed.json.order.status, 'pending');
    assert.equal(second.confirmed.json.order.status, 'pending', second.confirmed.text);
    const stored = await server.services.store.getOrder('default', second.created.id);
    assert.equal(stored?.policy?.providerReferences?.sessionRenewed, 'true');
  });

  it('keeps secrets and personal data out of responses and logs', async () => {
    const everything = server.logLines.join('\n');
    for (const secret of [
      server.services.config.providers.assurify.secretKey,
      server.services.config.providers.assurify.webhookSecret,
      TEST_IMEI,
      asha.name,
      asha.email,
      asha.phone,
    ]) {
      assert.ok(!everything.includes(secret), `found ${secret.slice(0, 4)}…`);
    }
  });
});

describe('Assurify sessions that expired before the bind', () => {
  let server: TestServer;
  let browser: Client;
  let merchant: Client;

  before(async () => {
    // Sessions shorter than the adapter's 30 s safety margin are always re-quoted before binding
    // (and the offer, which ends with its session, still lives long enough on a loaded machine).
    server = await startTestServer({ ASSURIFY_SANDBOX_SESSION_TTL_MS: '20000', ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '100' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  it("re-quotes a session too close to its end with the order's IMEI, and binds the same plan at the same price", async () => {
    // The offer itself ends with its session now, so the bind comes inside the session's last seconds.
    const offer = await quoteAssurify(browser);
    const { created, confirmed } = await buy(browser, merchant, offer.offerId, 'expired');
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'pending');
    const stored = await server.services.store.getOrder('default', created.id);
    assert.equal(stored?.policy?.providerReferences?.sessionRenewed, 'true');
    assert.equal(stored?.policy?.providerReferences?.chargedPremium, String(offer.price.amount));
  });

  it('refuses the bind, clearly, when the re-quoted price differs from the quoted one', async () => {
    const offer = await quoteAssurify(browser, { ...galaxyS23, model: 'Galaxy Drift', imei: TEST_IMEI });
    const { created, confirmed } = await buy(browser, merchant, offer.offerId, 'drift');
    assert.equal(confirmed.status, 422);
    assert.equal(confirmed.json.error.code, 'provider_declined');
    assert.match(confirmed.json.error.message, /price of this plan has changed/);
    const read = await merchant('GET', `/v1/orders/${created.id}`);
    assert.equal(read.json.order.status, 'failed');
  });
});

describe('POST /v1/webhooks/assurify', () => {
  let server: TestServer;
  let browser: Client;
  let merchant: Client;

  before(async () => {
    // The sandbox's own event is held back so the test controls what arrives.
    server = await startTestServer({ ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '600000' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function send(body: string, signature: string) {
    const response = await fetch(`${server.baseUrl}/v1/webhooks/assurify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Assurify-Signature': signature },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  it('moves the order to active once, refuses forged and stale signatures, and ignores a replay', async () => {
    const offer = await quoteAssurify(browser);
    const { created, confirmed } = await buy(browser, merchant, offer.offerId, 'webhook');
    assert.equal(confirmed.json.order.status, 'pending');
    const secret = server.services.config.providers.assurify.webhookSecret;
    const body = JSON.stringify({
      id: 'evt_test_0001',
      type: 'policy.activated',
      created: Math.floor(Date.now() / 1000),
      // "the full policy object and subscription_id" (the doc): no customer field to match on.
      data: {
        subscription_id: confirmed.json.order.policy.reference,
        policy: { subscription_id: confirmed.json.order.policy.reference, plan_id: 'ew_12m', activated_at: new Date().toISOString() },
      },
    });
    const now = Math.floor(Date.now() / 1000);

    const forged = await send(body, signAssurifyPayload('whsec_not_the_right_secret', now, body));
    assert.equal(forged.status, 401);
    assert.equal(forged.json.error.code, 'invalid_signature');
    const tampered = await send(body.replace('evt_test_0001', 'evt_test_0002'), signAssurifyPayload(secret, now, body));
    assert.equal(tampered.status, 401);
    const stale = await send(body, signAssurifyPayload(secret, now - 301, body));
    assert.equal(stale.status, 401);
    assert.equal((await merchant('GET', `/v1/orders/${created.id}`)).json.order.status, 'pending');

    const accepted = await send(body, signAssurifyPayload(secret, now, body));
    assert.deepEqual([accepted.status, accepted.json], [200, { received: true }]);
    const active = await merchant('GET', `/v1/orders/${created.id}`);
    assert.equal(active.json.order.status, 'active');

    const replayed = await send(body, signAssurifyPayload(secret, now + 1, body));
    assert.deepEqual([replayed.status, replayed.json], [200, { received: true, duplicate: true }]);
    const after = await merchant('GET', `/v1/orders/${created.id}`);
    assert.equal(after.json.order.updatedAt, active.json.order.updatedAt);
  });
});

describe('Assurify configuration', () => {
  it("has the sandbox send policy.activated within the doc's 200 ms by default", () => {
    assert.ok(loadConfig({}).providers.assurify.sandbox!.webhookDelayMs <= 200);
  });

  it('takes a live key only in live mode and only over https, naming the variable and never the key', () => {
    const liveKeys = {
      ASSURIFY_SECRET_KEY: 'sk_live_abcdef123456',
      ASSURIFY_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
    };
    const liveServer = {
      COVERKIT_MODE: 'live',
      COVERKIT_PUBLISHABLE_KEY: 'pk_live_shop_0001',
      COVERKIT_SECRET_KEY: 'sk_live_shop_0001',
      COVERKIT_ALLOWED_ORIGINS: 'https://shop.example',
      COVERKIT_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
      COVERKIT_PROVIDERS: 'assurify',
    };
    const refusedWith = (environment: Record<string, string>, variable: RegExp) =>
      assert.throws(
        () => loadConfig(environment),
        (error: Error) => error instanceof ConfigError && variable.test(error.message) && !error.message.includes('abcdef123456'),
      );
    // Test mode serves the demo with public keys: a live insurer key there would sell cover unpaid.
    refusedWith({ ASSURIFY_BASE_URL: 'https://api.assurify.in', ...liveKeys }, /ASSURIFY_SECRET_KEY: is a live key/);
    refusedWith({ ...liveServer, ASSURIFY_BASE_URL: 'http://api.assurify.in', ...liveKeys }, /ASSURIFY_BASE_URL/);
    const live = loadConfig({ ...liveServer, ASSURIFY_BASE_URL: 'https://api.assurify.in', ...liveKeys });
    assert.equal(live.providers.assurify.mode, 'live');
    assert.throws(() => loadConfig({ ASSURIFY_BASE_URL: 'https://api.assurify.in' }), /ASSURIFY_SECRET_KEY/);
  });
});
