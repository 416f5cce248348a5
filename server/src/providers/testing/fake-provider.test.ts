/**
 * Done-when for "one shape for everything": a fifth provider, passed in as a module list with
 * no other file touched, is configured, gets its sandbox mounted, is quoted, bound and listed,
 * and its events reach its orders through the generic route.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { providerRegistry } from '../registry.ts';
import { apiClient, startTestServer, type TestServer } from '../../testing/test-server.ts';
import { createFakeProvider, signFakeEvent } from './fake-provider.ts';

describe('a fifth provider module, registered by passing a provider list', () => {
  const fake = createFakeProvider();
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;
  let orderId: string | undefined;

  before(async () => {
    server = await startTestServer({}, undefined, { providers: [...providerRegistry, fake] });
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  it('is configured from its own variable and served as a sandbox at /sandbox/<id>', async () => {
    assert.equal(server.services.config.providers.fakefix?.mode, 'sandbox');
    const health = await browser('GET', '/v1/health');
    assert.deepEqual(health.json.providers.fakefix, { mode: 'sandbox', ok: true });
    const sandbox = await fetch(`${server.baseUrl}/sandbox/fakefix/plans?price=100`);
    assert.equal(sandbox.status, 401, 'the sandbox is mounted and asks for its API key');
  });

  it('is listed in the catalog with its display name', async () => {
    const catalog = await browser('GET', '/v1/catalog');
    assert.equal(catalog.status, 200, catalog.text);
    assert.deepEqual(
      catalog.json.providers.find((provider: { id: string }) => provider.id === 'fakefix'),
      { id: 'fakefix', name: 'FakeFix Kenya', mode: 'sandbox' },
    );
    assert.ok(catalog.json.currencies.includes('KES'));
  });

  it('is quoted, bound through the sandbox and becomes active', async () => {
    const quote = await browser('POST', '/v1/quotes', { device: fake.sample!.device, country: 'KE' });
    assert.equal(quote.status, 200, quote.text);
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'fakefix');
    assert.ok(offer, quote.text);
    assert.equal(offer.providerName, 'FakeFix Kenya');
    assert.deepEqual(offer.price, { amount: 1200, currency: 'KES' });

    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, customer: fake.sample!.customer },
      { 'Idempotency-Key': `fake-order-${Date.now()}` },
    );
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.order.status, 'awaiting_payment');

    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: 'pay_fake_1' },
      { 'Idempotency-Key': `fake-confirm-${Date.now()}` },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'active');
    assert.match(confirmed.json.order.policy.reference, /^FK-[0-9A-F]{8}$/);
    assert.equal(confirmed.json.order.policy.provider, 'fakefix');
    orderId = created.json.order.id;
  });

  it('takes its events at /v1/providers/<id>/events and applies them to the order once', async () => {
    assert.ok(orderId, 'the previous test bound an order');
    const body = JSON.stringify({ id: 'fk_evt_1', type: 'policy.cancelled', orderId });
    const send = async (signature: string) => {
      const response = await fetch(`${server.baseUrl}/v1/providers/fakefix/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-fake-signature': signature },
        body,
      });
      return { status: response.status, json: await response.json() };
    };
    assert.equal((await send(signFakeEvent('not-the-secret', body))).status, 401);
    assert.deepEqual(await send(signFakeEvent('fake_event_secret', body)), { status: 200, json: { ok: true } });
    assert.deepEqual(await send(signFakeEvent('fake_event_secret', body)), { status: 200, json: { ok: true, duplicate: true } });
    assert.equal((await merchant('GET', `/v1/orders/${orderId}`)).json.order.status, 'cancelled');
  });

  it('may be named in a merchants file, which refuses it without the module; its variable is checked', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-fake-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'merchants.json');
    const merchantWith = (providers: string[]) => [
      {
        id: 'kenya',
        name: 'Kenya shop',
        publishableKey: 'pk_test_kenya1',
        secretKey: 'sk_test_kenya1',
        allowedOrigins: ['https://shop.example'],
        providers,
      },
    ];
    writeFileSync(file, JSON.stringify(merchantWith(['fakefix'])));
    assert.deepEqual(loadConfig({ COVERKIT_MERCHANTS_FILE: file }, { providers: [...providerRegistry, fake] }).merchants[0]!.providers, [
      'fakefix',
    ]);
    assert.throws(() => loadConfig({ COVERKIT_MERCHANTS_FILE: file }), /COVERKIT_MERCHANTS_FILE: \[0\.providers\.0\]/);
    assert.throws(
      () => loadConfig({ FAKEFIX_BASE_URL: 'not a url' }, { providers: [...providerRegistry, fake] }),
      /FAKEFIX_BASE_URL: must be an http\(s\) URL/,
    );
  });
});
