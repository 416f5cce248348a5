import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { passesLuhn } from '../../../../contract/schemas.ts';
import { servifyEligibilityTriggers, servifyOtherTriggers } from '../../sandbox/servify/servify-sandbox.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../testing/test-server.ts';

const SERVIFY_IMEI = '356938035643809';

describe('Servify through /v1, against its sandbox over HTTP', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer();
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function quote(imei: string | undefined, device: Record<string, unknown> = galaxyS23, country = 'IN') {
    const answer = await browser('POST', '/v1/quotes', { device: { ...device, ...(imei ? { imei } : {}) }, country });
    assert.equal(answer.status, 200, answer.text);
    return {
      offers: answer.json.offers.filter((offer: { provider: string }) => offer.provider === 'servify'),
      unavailable: answer.json.unavailable.filter((entry: { provider: string }) => entry.provider === 'servify'),
    };
  }

  async function buy(imei: string, type = 'ADLD') {
    const { offers } = await quote(imei);
    const offer = offers.find((candidate: { type: string }) => candidate.type === type);
    assert.ok(offer, `a Servify ${type} offer`);
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei }, customer: asha },
      { 'Idempotency-Key': `create-${imei}-${type}` },
    );
    assert.equal(created.status, 201, created.text);
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: `pay-${imei}` },
      { 'Idempotency-Key': `confirm-${imei}-${type}` },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    return { offer, order: confirmed.json.order, clientSecret: created.json.order.clientSecret };
  }

  it('quotes every configured plan code at the price checkEligibility gives, in INR', async () => {
    const { offers, unavailable } = await quote(SERVIFY_IMEI);
    assert.deepEqual(unavailable, []);
    assert.deepEqual(offers.map((offer: { type: string }) => offer.type).sort(), ['ADLD', 'EW']);
    const adld = offers.find((offer: { type: string }) => offer.type === 'ADLD');
    assert.deepEqual(adld.price, { amount: Math.round(galaxyS23.price * 0.06), currency: 'INR' });
    assert.equal(adld.name, 'Servify Accidental & Liquid Damage Protection');
    assert.deepEqual(adld.requires, ['device.imei', 'customer.name', 'customer.email', 'customer.phone', 'customer.address']);
  });

  it('asks for an IMEI before it can check eligibility, and stays out of other markets', async () => {
    const { unavailable } = await quote(undefined);
    assert.equal(unavailable[0].code, 'needs_imei');
    assert.match(unavailable[0].message, /IMEI/);
    const abroad = await quote(SERVIFY_IMEI, { ...galaxyS23, currency: 'NGN' }, 'NG');
    assert.equal(abroad.unavailable[0].code, 'unsupported_market');
  });

  for (const [code, imei] of Object.entries(servifyEligibilityTriggers)) {
    it(`turns ${code} into an unavailable entry a shopper understands`, async () => {
      assert.ok(passesLuhn(imei));
      const { offers, unavailable } = await quote(imei);
      assert.deepEqual(offers, []);
      assert.equal(unavailable.length, 1);
      // A device already covered is said so in our own words (`already_covered`), the rest by Servify's code.
      assert.equal(unavailable[0].code, code === 'ALREADY_REGISTERED_AGAINST_POLICY' ? 'already_covered' : code.toLowerCase());
      assert.doesNotMatch(unavailable[0].message, /[A-Z_]{6,}/, 'no raw code in the sentence');
      assert.match(unavailable[0].message, /\.$/);
    });
  }

  it('maps SM.WTR.500 and API.LIMIT.429 to provider errors, not crashes', async () => {
    for (const imei of [servifyOtherTriggers.serverError, servifyOtherTriggers.rateLimited]) {
      const { unavailable } = await quote(imei);
      assert.equal(unavailable[0].code, 'provider_error');
    }
    assert.ok(server.logLines.some((line) => line.includes('SM.WTR.500 (ticket ')));
    assert.ok(server.logLines.some((line) => line.includes('"failure":"rate_limited"')));
  });

  it('buys, looks up and cancels a Servify plan', async () => {
    const { order, clientSecret } = await buy(SERVIFY_IMEI);
    assert.equal(order.status, 'active');
    assert.match(order.policy.reference, /^[A-Z2-9]{8}$/);
    assert.match(order.policy.activationCode, /^[A-Z2-9]{8}$/);
    assert.ok(Date.parse(order.policy.endsAt) > Date.parse(order.policy.startsAt));

    const read = await browser('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': clientSecret });
    assert.equal(read.json.order.policy.reference, order.policy.reference);

    // The device is now registered under this plan: Servify says so on the next quote, and so do we.
    const again = await quote(SERVIFY_IMEI);
    assert.deepEqual(
      again.offers.map((offer: { type: string }) => offer.type),
      ['EW'],
    );
    assert.equal(again.unavailable.length, 1);
    assert.equal(again.unavailable[0].code, 'already_covered');
    // getContractDetailsbyIMEI gives the end of cover: a year from today.
    assert.match(
      again.unavailable[0].message,
      new RegExp(`accidental damage cover from Servify until \\d{1,2} \\w{3} ${new Date().getUTCFullYear() + 1}`),
    );

    const refusedKey = await browser(
      'POST',
      `/v1/orders/${order.id}/cancel`,
      { reason: 'Changed my mind' },
      { 'Idempotency-Key': 'cancel-pk' },
    );
    assert.equal(refusedKey.status, 403);
    const cancelled = await merchant(
      'POST',
      `/v1/orders/${order.id}/cancel`,
      { reason: 'Changed my mind' },
      { 'Idempotency-Key': 'cancel-1' },
    );
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.json.order.status, 'cancelled');
    // Why and when, kept on the order and shown to the merchant.
    assert.equal(cancelled.json.order.cancellationReason, 'Changed my mind');
    assert.ok(Math.abs(Date.parse(cancelled.json.order.cancelledAt) - Date.now()) < 60_000);
    assert.equal((await merchant('GET', `/v1/orders/${order.id}`)).json.order.cancellationReason, 'Changed my mind');
    const replayed = await merchant(
      'POST',
      `/v1/orders/${order.id}/cancel`,
      { reason: 'Changed my mind' },
      { 'Idempotency-Key': 'cancel-1' },
    );
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    const twice = await merchant('POST', `/v1/orders/${order.id}/cancel`, { reason: 'Again' }, { 'Idempotency-Key': 'cancel-2' });
    assert.equal(twice.status, 409);
    assert.equal(twice.json.error.code, 'order_not_cancellable');
    const empty = await merchant('POST', `/v1/orders/${order.id}/cancel`, { reason: '' }, { 'Idempotency-Key': 'cancel-3' });
    assert.equal(empty.status, 400);
  });

  it('answers 409 where Servify does not allow the cancellation, and where the provider has no cancel', async () => {
    const { order } = await buy(servifyOtherTriggers.notCancellable, 'EW');
    const refused = await merchant('POST', `/v1/orders/${order.id}/cancel`, { reason: 'Too late' }, { 'Idempotency-Key': 'cancel-late' });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.code, 'order_not_cancellable');

    const bigfix = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const bigfixOffer = bigfix.json.offers.find((offer: { provider: string }) => offer.provider === 'bigfix');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: bigfixOffer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'bfx-create' },
    );
    await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: 'pay-bfx' },
      { 'Idempotency-Key': 'bfx-confirm' },
    );
    const notSupported = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/cancel`,
      { reason: 'No' },
      { 'Idempotency-Key': 'bfx-cancel' },
    );
    assert.equal(notSupported.status, 409);
    assert.equal(notSupported.json.error.code, 'cancellation_not_supported');
  });

  it('recovers an expired session token without the shopper noticing', async () => {
    await quote(SERVIFY_IMEI);
    const expired = await fetch(`${server.baseUrl}/sandbox/servify/Sandbox/expireTokens`, { method: 'POST' });
    assert.equal(expired.status, 200);
    const { offers, unavailable } = await quote(TEST_IMEI);
    assert.deepEqual(unavailable, []);
    assert.equal(offers.length, 2);
  });

  it('lists Servify brands and models in the catalog', async () => {
    const catalog = await browser('GET', '/v1/catalog');
    assert.equal(catalog.status, 200);
    const onePlus = catalog.json.brands.find(
      (brand: { name: string; category: string }) => brand.name === 'OnePlus' && brand.category === 'Mobile',
    );
    assert.ok(onePlus.providers.includes('servify'));
    assert.ok(onePlus.models.includes('OnePlus 8 Pro'));
    assert.ok(catalog.json.providers.some((provider: { id: string }) => provider.id === 'servify'));
  });

  it('keeps names, phones, addresses, IMEIs and secrets out of every log line', () => {
    const config = server.services.config.providers.servify;
    for (const secret of [
      config.clientSignature,
      asha.name,
      asha.phone,
      asha.phone.slice(3),
      asha.email,
      asha.address.line1,
      SERVIFY_IMEI,
      servifyOtherTriggers.notCancellable,
    ]) {
      assert.ok(!server.logLines.some((line) => line.includes(secret)), 'a log line holds personal data or a secret');
    }
  });
});
