/**
 * A real merchant server receives, verifies and records every event of a purchase
 * (created → active) and of a failed bind (created → failed), in order, signed, with the
 * order as the merchant's API read shows it: metadata and livemode, no clientSecret, no
 * shopper's personal data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CoverkitEvent } from '../../widget/src/server.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';
import { activeAssurifyOrder, claimUpload, multipart, postClaim, setScenario } from '../../server/src/claims/claims-test-kit.ts';
import { startMerchantServer, type MerchantServer } from './merchant-server.ts';

const SECRET = 'whsec_merchant_integration_5f1c';

describe('events to a merchant’s server', () => {
  let merchantServer: MerchantServer;
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    merchantServer = await startMerchantServer(SECRET);
    server = await startTestServer({ COVERKIT_WEBHOOK_URL: merchantServer.url, COVERKIT_WEBHOOK_SECRET: SECRET });
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(async () => {
    await server?.close();
    await merchantServer?.close();
  });

  async function newOrder(metadata: Record<string, string>): Promise<string> {
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offer = quote.json.offers.find(
      (candidate: { provider: string; type: string }) => candidate.provider === 'bigfix' && candidate.type === 'ADLD',
    );
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha, metadata },
      { 'Idempotency-Key': `create-${Math.random()}` },
    );
    assert.equal(created.status, 201, created.text);
    return created.json.order.id;
  }
  const confirm = (orderId: string) =>
    merchant('POST', `/v1/orders/${orderId}/confirm`, { paymentReference: `pay_${orderId}` }, { 'Idempotency-Key': `confirm-${orderId}` });
  const eventsOf = (orderId: string) => (events: CoverkitEvent[]) => events.filter((event) => event.data.order?.id === orderId);

  function assertNothingPersonal(event: CoverkitEvent) {
    const text = JSON.stringify(event);
    for (const personal of [asha.name, asha.email, asha.phone, asha.address.line1, TEST_IMEI, '_secret_'])
      assert.ok(!text.includes(personal), `${event.type} carries ${personal}`);
  }

  it('receives order.created then order.active for a purchase, each verified, with the order as the API shows it', async () => {
    const orderId = await newOrder({ cartId: 'c_991' });
    const confirmed = await confirm(orderId);
    assert.equal(confirmed.json.order.status, 'active', confirmed.text);
    const events = eventsOf(orderId)(await merchantServer.waitFor((all) => eventsOf(orderId)(all).length >= 2));
    assert.deepEqual(
      events.map((event) => [event.type, event.data.order?.status]),
      [
        ['order.created', 'awaiting_payment'],
        ['order.active', 'active'],
      ],
    );
    const active = events[1]!;
    assert.equal(active.livemode, false);
    assert.ok(Math.abs(active.created - Date.now() / 1000) < 60);
    assert.deepEqual(active.data.order?.metadata, { cartId: 'c_991' });
    assert.equal(active.data.order?.policy?.reference, confirmed.json.order.policy.reference);
    // The event's order is what the merchant's own read of the order answers.
    const read = await merchant('GET', `/v1/orders/${orderId}`);
    assert.deepEqual(active.data.order, read.json.order);
    events.forEach(assertNothingPersonal);
    assert.equal(merchantServer.refused, 0);
    // GET /v1/events shows both delivered.
    const listed = await merchant('GET', '/v1/events?limit=100');
    const mine = listed.json.data.filter((event: { data: { order: { id: string } } }) => event.data.order.id === orderId);
    assert.deepEqual(
      mine.map((event: { type: string; delivery: { state: string } }) => [event.type, event.delivery.state]),
      [
        ['order.active', 'delivered'],
        ['order.created', 'delivered'],
      ],
    );
  });

  it('receives order.created then order.failed when the insurer is down at the bind', async () => {
    const orderId = await newOrder({ cartId: 'c_992' });
    server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'status', status: 503 }, times: 1 });
    const confirmed = await confirm(orderId);
    assert.equal(confirmed.status, 502, confirmed.text);
    assert.equal((await merchant('GET', `/v1/orders/${orderId}`)).json.order.status, 'failed');
    const events = eventsOf(orderId)(await merchantServer.waitFor((all) => eventsOf(orderId)(all).length >= 2));
    assert.deepEqual(
      events.map((event) => event.type),
      ['order.created', 'order.failed'],
    );
    assert.match(events[1]!.data.order?.failureReason ?? '', /.+/);
    events.forEach(assertNothingPersonal);
  });

  it('receives every event of an Assurify purchase and of a claim on it, in order: created, pending, active, claim.created, claim.updated', async () => {
    const order = await activeAssurifyOrder(server, 'events-claim');
    await setScenario(server, 'pending_then_approved');
    const created = await postClaim(server, order.id, multipart(claimUpload()));
    assert.equal(created.status, 201, created.text);
    const claimId = created.json.claim.id;
    const ofOrder = (events: CoverkitEvent[]) =>
      events.filter((event) => event.data.order?.id === order.id || event.data.claim?.orderId === order.id);
    const events = ofOrder(await merchantServer.waitFor((all) => ofOrder(all).some((event) => event.type === 'claim.updated'), 20_000));
    assert.deepEqual(
      events.map((event) => [event.type, event.data.order?.status ?? event.data.claim?.status]),
      [
        ['order.created', 'awaiting_payment'],
        ['order.pending', 'pending'],
        ['order.active', 'active'],
        ['claim.created', 'in_review'],
        ['claim.updated', 'approved'],
      ],
    );
    const decided = events.at(-1)!.data.claim!;
    assert.equal(decided.id, claimId);
    assert.equal(decided.decision?.outcome, 'approved');
    events.forEach(assertNothingPersonal);
  });

  it('sends an event again on request, signed afresh, and the merchant sees the same event id', async () => {
    const [first] = merchantServer.events;
    const before = merchantServer.deliveries;
    const resent = await merchant('POST', `/v1/events/${first!.id}/resend`);
    assert.equal(resent.status, 202, resent.text);
    await waitUntil(() => merchantServer.deliveries > before);
    const event = await merchant('GET', `/v1/events/${first!.id}`);
    await waitUntil(async () => (await merchant('GET', `/v1/events/${first!.id}`)).json.event.delivery.state === 'delivered');
    assert.equal(event.json.event.id, first!.id);
    assert.equal(merchantServer.refused, 0);
  });

  it('refuses nothing it should accept and accepts nothing forged', async () => {
    const forged = await fetch(merchantServer.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Coverkit-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: JSON.stringify({ id: 'evt_forged', type: 'order.active', created: 0, livemode: false, data: {} }),
    });
    assert.equal(forged.status, 400);
    assert.ok(!merchantServer.events.some((event) => event.id === 'evt_forged'));
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
