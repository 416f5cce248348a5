/**
 * Buys a plan from every provider through /v1 and reads every response and log line
 * back: no secret and no personal datum (name, email, phone, address, IMEI) may appear.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const folake = { name: 'Folake Arinze', email: 'folake.arinze@example.com', phone: '+2347010001234' };
const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };

describe('no secret or personal data leaves the server', () => {
  let server: TestServer;
  const seen: string[] = [];
  before(
    async () => (server = await startTestServer({ OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '200', ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '100' })),
  );
  after(() => server.close());

  async function record<T extends { text: string }>(response: Promise<T>): Promise<T> {
    const resolved = await response;
    seen.push(resolved.text);
    return resolved;
  }

  it('buys from BigFix, Assurify, Servify and Octamile', async () => {
    const browser = apiClient(server);
    const merchant = apiClient(server, 'sk_test_demo');
    const purchases = [
      {
        provider: 'bigfix',
        device: { ...galaxyS23, imei: TEST_IMEI },
        country: 'IN',
        customer: asha,
        orderDevice: { imei: TEST_IMEI, brandWarrantyYears: 1 },
      },
      {
        provider: 'assurify',
        device: { ...galaxyS23, imei: TEST_IMEI },
        country: 'IN',
        customer: asha,
        orderDevice: { imei: TEST_IMEI, brandWarrantyYears: 1 },
      },
      {
        provider: 'servify',
        device: { ...galaxyS23, imei: TEST_IMEI },
        country: 'IN',
        customer: asha,
        orderDevice: { imei: TEST_IMEI, brandWarrantyYears: 1 },
      },
      {
        provider: 'octamile',
        device: { ...tecno, imei: TEST_IMEI },
        country: 'NG',
        customer: folake,
        orderDevice: { imei: TEST_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' },
      },
    ];
    for (const purchase of purchases) {
      const quote = await record(browser('POST', '/v1/quotes', { device: purchase.device, country: purchase.country }));
      const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === purchase.provider);
      assert.ok(offer, `${purchase.provider} quoted`);
      const body: Record<string, unknown> = { offerId: offer.offerId, device: purchase.orderDevice, customer: purchase.customer };
      // Only the fields the offer asks for: an address is not sent to providers that do not need one.
      if (!offer.requires.includes('customer.address')) body.customer = { ...purchase.customer, address: undefined };
      const created = await record(
        browser('POST', '/v1/orders', JSON.parse(JSON.stringify(body)), { 'Idempotency-Key': `privacy-${purchase.provider}` }),
      );
      assert.equal(created.status, 201, created.text);
      const confirmed = await record(
        merchant(
          'POST',
          `/v1/orders/${created.json.order.id}/confirm`,
          { paymentReference: `pay_${purchase.provider}` },
          { 'Idempotency-Key': `privacy-confirm-${purchase.provider}` },
        ),
      );
      assert.equal(confirmed.status, 200, `${purchase.provider}: ${confirmed.text}`);
      await record(
        browser('GET', `/v1/orders/${created.json.order.id}`, undefined, { 'X-Client-Secret': created.json.order.clientSecret }),
      );
    }
  });

  it('finds none of it in responses or logs', () => {
    const config = server.services.config;
    const { bigfix, assurify, octamile, servify } = config.providers;
    const forbidden = [
      config.merchants[0]!.secretKey,
      bigfix.apiKey,
      assurify.secretKey,
      assurify.webhookSecret,
      octamile.authorizationKey,
      servify.clientSignature,
      asha.name,
      asha.email,
      asha.phone,
      asha.address.line1,
      folake.name,
      folake.email,
      folake.phone,
      TEST_IMEI,
    ];
    const everything = [...seen, ...server.logLines].join('\n');
    assert.ok(seen.length >= 16 && server.logLines.length > 16, 'the purchases produced responses and logs');
    for (const value of forbidden) assert.ok(!everything.includes(value), `found ${value.slice(0, 5)}…`);
  });
});
