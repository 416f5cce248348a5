import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SERVIFY_SANDBOX_DEFAULTS } from './servify-config.ts';
import { apiClient, asha, galaxyS23, startTestServer, type TestServer } from '../../testing/test-server.ts';
import { CALLBACK_SIGNATURE_HEADER, requestCodeFor, signCallback } from './servify-callback.ts';

const IMEI = '356938035643809';

describe('Servify async bind: /Async/Contract/createContract completed by our callback', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    // A short bind deadline lets a test see a callback complete an order whose bind gave up.
    server = await startTestServer({ SERVIFY_ASYNC_BIND: 'true', COVERKIT_BIND_TIMEOUT_MS: '3000' });
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function pendingOrder(label: string, type = 'ADLD', imei = IMEI) {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei }, country: 'IN' });
    const offer = quote.json.offers.find(
      (candidate: { provider: string; type: string }) => candidate.provider === 'servify' && candidate.type === type,
    );
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei }, customer: asha },
      { 'Idempotency-Key': `create-${label}` },
    );
    return created.json.order.id as string;
  }

  async function confirm(orderId: string, label: string) {
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${orderId}/confirm`,
      { paymentReference: `pay-${label}` },
      { 'Idempotency-Key': `confirm-${label}` },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    return confirmed.json.order;
  }

  /** Reads the store directly: a GET would ask Servify itself and hide whether the callback did the work. */
  async function settled(orderId: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const order = await server.services.store.getOrderById(orderId);
      if (order && order.status !== 'pending') return order;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the callback never arrived');
  }

  async function postCallback(body: unknown, secret: string = SERVIFY_SANDBOX_DEFAULTS.callbackSecret) {
    const raw = JSON.stringify(body);
    const response = await fetch(`${server.baseUrl}/v1/callbacks/servify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CALLBACK_SIGNATURE_HEADER]: await signCallback(secret, raw) },
      body: raw,
    });
    return { status: response.status, json: await response.json() };
  }

  it('answers pending with the request code, then goes active when Servify calls back', async () => {
    const orderId = await pendingOrder('one');
    const order = await confirm(orderId, 'one');
    assert.equal(order.status, 'pending');
    assert.match(order.policy.reference, /^[0-9a-f-]{36}$/);
    const requestCode = order.policy.reference;

    const completed = await settled(orderId);
    assert.equal(completed.status, 'active');
    assert.match(completed.policy!.reference, /^[A-Z2-9]{8}$/);
    assert.match(completed.policy!.activationCode!, /^[A-Z2-9]{8}$/);
    assert.equal(completed.policy!.providerReferences?.requestCode, requestCode);

    // A replay, even with other content, is acknowledged and changes nothing.
    const replay = await postCallback({ requestCode, externalReferenceID: orderId, soldPlanCode: 'FORGED01', success: true });
    assert.equal(replay.status, 200);
    assert.equal(replay.json.message, 'Already processed');
    const after = await server.services.store.getOrderById(orderId);
    assert.deepEqual(after, completed);
  });

  it('refuses a callback signed with the wrong secret, and one for a request code we never sent', async () => {
    const orderId = await pendingOrder('two', 'EW');
    const order = await confirm(orderId, 'two');
    const forged = await postCallback(
      { requestCode: order.policy.reference, externalReferenceID: orderId, soldPlanCode: 'FORGED02' },
      'not-our-secret-at-all',
    );
    assert.equal(forged.status, 401);
    assert.equal(forged.json.error.code, 'invalid_signature');
    const stray = await postCallback({
      requestCode: 'b6e9075c-ac6e-40ef-8c71-382077d5ecfe',
      externalReferenceID: orderId,
      soldPlanCode: 'FORGED03',
    });
    assert.equal(stray.status, 404);
    const completed = await settled(orderId);
    assert.equal(completed.status, 'active');
    assert.notEqual(completed.policy!.reference, 'FORGED02');
  });

  it('asks Servify to retry a callback that overtakes our bind, and completes a bind that gave up', async () => {
    const orderId = await pendingOrder('race', 'EW', '353918050731450');
    await server.services.store.transitionOrder(orderId, ['awaiting_payment'], { status: 'binding' });
    const requestCode = await requestCodeFor(SERVIFY_SANDBOX_DEFAULTS.callbackSecret, orderId);
    const early = await postCallback({ requestCode, externalReferenceID: orderId, soldPlanCode: 'LATE0001' });
    assert.equal(early.status, 503);
    assert.equal((await server.services.store.getOrderById(orderId))!.status, 'binding');
    // Past the bind deadline, the acknowledgement was lost: the callback alone completes the order.
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const late = await postCallback({ requestCode, externalReferenceID: orderId, soldPlanCode: 'LATE0001' });
    assert.equal(late.status, 200);
    const completed = (await server.services.store.getOrderById(orderId))!;
    assert.equal(completed.status, 'active');
    assert.equal(completed.policy!.reference, 'LATE0001');
  });

  it('fails the order when Servify reports that the queued contract could not be created', async () => {
    // Both quoted while the device was free; the second is registered against the same plan by then.
    const otherImei = '490154203237518';
    const first = await pendingOrder('three-a', 'ADLD', otherImei);
    const second = await pendingOrder('three-b', 'ADLD', otherImei);
    await confirm(first, 'three-a');
    assert.equal((await settled(first)).status, 'active');
    await confirm(second, 'three-b');
    const failed = await settled(second);
    assert.equal(failed.status, 'failed');
    assert.match(failed.failureReason!, /Servify could not create this plan/);
  });
});
