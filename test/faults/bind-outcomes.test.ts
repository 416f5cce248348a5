/**
 * Issue 13: how every bind ends, told in the right words. A provider that answers "I did not
 * act" fails the order for a retry (a new Idempotency-Key while the offer is valid); a lost
 * answer stays `binding` for the reconciler; a late confirmation of cover revives a failed
 * order; a charge other than the quote is kept and shown; a key left "in flight" by a dead
 * request is answered from the order as soon as the order is settled.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { OUTCOME_UNKNOWN_REASON } from '../../server/src/orders/reconciler.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bind outcomes', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer({ COVERKIT_BIND_TIMEOUT_MS: '400', ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '2500' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  afterEach(() => {
    server.faults.clear();
    for (const providerResilience of server.services.resilience.values()) providerResilience.breaker.reset();
  });
  after(() => server.close());

  async function createOrder(key: string, provider = 'bigfix') {
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const offer = quote.json.offers.find(
      (candidate: { type: string; provider: string }) => candidate.provider === provider && candidate.type === 'ADLD',
    );
    assert.ok(offer, `a ${provider} ADLD offer`);
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': key },
    );
    assert.equal(created.status, 201, created.text);
    return created.json.order as { id: string; offer: { price: { amount: number; currency: string } } };
  }
  const confirm = (id: string, key: string, paymentReference = `pay_${id}`) =>
    merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference }, { 'Idempotency-Key': key });
  const read = async (id: string) => (await merchant('GET', `/v1/orders/${id}`)).json.order;

  it('fails a bind on a BigFix 503 as an outage (not "connection lost"), and binds on a second confirm with a new key', async () => {
    const { id } = await createOrder('outage-create');
    server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'status', status: 503 }, times: 1 });
    const first = await confirm(id, 'outage-pay-1');
    assert.equal(first.status, 502);
    const failed = await read(id);
    assert.equal(failed.status, 'failed');
    assert.notEqual(failed.failureReason, OUTCOME_UNKNOWN_REASON);
    assert.match(failed.failureReason, /try again/);

    const second = await confirm(id, 'outage-pay-2', `pay_${id}_2`);
    assert.equal(second.status, 200, second.text);
    assert.equal(second.json.order.status, 'active');
    assert.equal(second.json.order.failureReason, null);
    assert.equal((await confirm(id, 'outage-pay-3', `pay_${id}_2`)).json.order.policy.reference, second.json.order.policy.reference);
  });

  it('fails a bind on "busy" (429) for a retry instead of leaving it binding', async () => {
    const { id } = await createOrder('busy-create');
    server.faults.add({
      provider: 'bigfix',
      pathPrefix: '/adld-policy',
      fault: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      times: 1,
    });
    assert.equal((await confirm(id, 'busy-pay-1')).status, 429);
    assert.equal((await read(id)).status, 'failed');
    const second = await confirm(id, 'busy-pay-2');
    assert.equal(second.json.order.status, 'active', second.text);
  });

  it('tells the merchant to re-quote where the outcome is unknown, never binding twice', async () => {
    const { id } = await createOrder('unknown-create');
    server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'commit_then_hang', ms: 1500 }, times: 1 });
    assert.equal((await confirm(id, 'unknown-pay-1')).status, 504);
    await server.reconciler.reconcileOnce(Date.now() + 60_000);
    assert.equal((await read(id)).failureReason, OUTCOME_UNKNOWN_REASON);
    const again = await confirm(id, 'unknown-pay-2');
    assert.equal(again.status, 409);
    assert.equal(again.json.error.code, 'order_not_confirmable');
  });

  it('keeps what BigFix charged where it is not the quoted price, shows both and tells the operator', async () => {
    const { id, offer } = await createOrder('charge-create');
    const charged = offer.price.amount + 150;
    server.faults.add({
      provider: 'bigfix',
      pathPrefix: '/adld-policy',
      fault: { kind: 'rewrite', set: { 'protection plan price': charged } },
      times: 1,
    });
    const bound = await confirm(id, 'charge-pay');
    assert.equal(bound.json.order.status, 'active', bound.text);
    assert.deepEqual(bound.json.order.chargedPrice, { amount: charged, currency: 'INR' });
    assert.deepEqual(bound.json.order.priceDifference, { amount: 150, currency: 'INR' });
    assert.deepEqual((await read(id)).priceDifference, { amount: 150, currency: 'INR' });
    assert.ok(server.logLines.some((line) => line.includes('charged a price other than the quoted one') && line.includes(id)));

    const { id: same } = await createOrder('charge-same-create');
    const plain = await confirm(same, 'charge-same-pay');
    assert.equal(plain.json.order.chargedPrice, null);
    assert.equal(plain.json.order.priceDifference, null);
  });

  it('revives an Assurify order failed after a crash when its signed policy.activated arrives', async () => {
    const { id } = await createOrder('revive-create', 'assurify');
    server.faults.add({
      provider: 'assurify',
      pathPrefix: '/v1/subscription/attach',
      fault: { kind: 'commit_then_hang', ms: 1500 },
      times: 1,
    });
    assert.equal((await confirm(id, 'revive-pay')).status, 504);
    await server.reconciler.reconcileOnce(Date.now() + 60_000);
    assert.equal((await read(id)).status, 'failed');
    let order = await read(id);
    for (let waited = 0; order.status === 'failed' && waited < 8000; waited += 100) {
      await sleep(100);
      order = await read(id);
    }
    assert.equal(order.status, 'active');
    assert.equal(order.failureReason, null);
    assert.match(order.policy.reference, /^sub_/);
    assert.ok(server.logLines.some((line) => line.includes('order revived') && line.includes(id)));
  });

  describe('an Idempotency-Key left in flight by a request that died', () => {
    /** What the dead request had claimed: the store's record, as the middleware writes it. */
    async function claimAsDeadRequest(id: string, key: string, claimedAt: Date) {
      const body = JSON.stringify({ paymentReference: `pay_${id}` });
      const hash = createHash('sha256').update(body).digest('hex');
      const scope = { merchantId: 'default', route: `orders.confirm:${id}`, key };
      assert.equal((await server.services.store.beginIdempotent(scope, hash, claimedAt)).state, 'started');
    }

    it('answers 409 while the order is binding, and the settled order once the reconciler settled it', async () => {
      const { id } = await createOrder('stuck-create');
      await claimAsDeadRequest(id, 'stuck-pay', new Date());
      await server.services.store.transitionOrder(id, ['awaiting_payment'], { status: 'binding', paymentReference: `pay_${id}` });
      const inFlight = await confirm(id, 'stuck-pay');
      assert.equal(inFlight.status, 409);
      assert.equal(inFlight.json.error.code, 'idempotency_key_in_flight');

      await server.reconciler.reconcileOnce(Date.now() + 60_000);
      const settled = await confirm(id, 'stuck-pay');
      assert.equal(settled.status, 200, settled.text);
      assert.equal(settled.json.order.status, 'failed');
      assert.equal(settled.json.order.failureReason, OUTCOME_UNKNOWN_REASON);
      const replayed = await confirm(id, 'stuck-pay');
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.equal(replayed.json.order.status, 'failed');
    });

    it('keeps a retry waiting (409) while a new payment attempt on a failed order holds its key, not told "failed"', async () => {
      const { id } = await createOrder('race-create');
      server.faults.add({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'status', status: 503 }, times: 1 });
      assert.equal((await confirm(id, 'race-pay-1')).status, 502);
      assert.equal((await read(id)).status, 'failed');
      // A second attempt holds its key and has not yet moved the order to `binding`.
      await claimAsDeadRequest(id, 'race-pay-2', new Date());
      const retry = await confirm(id, 'race-pay-2');
      assert.equal(retry.status, 409, retry.text);
      assert.equal(retry.json.error.code, 'idempotency_key_in_flight');
    });

    it('runs a cancel again once its dead request could no longer be running', async () => {
      const { id } = await createOrder('stale-cancel-create');
      assert.equal((await confirm(id, 'stale-cancel-pay')).status, 200);
      const body = JSON.stringify({ reason: 'Returned within 14 days' });
      const scope = { merchantId: 'default', route: `orders.cancel:${id}`, key: 'stale-cancel' };
      const hash = createHash('sha256').update(body).digest('hex');
      await server.services.store.beginIdempotent(scope, hash, new Date(Date.now() - 60_000));
      const cancel = await merchant(
        'POST',
        `/v1/orders/${id}/cancel`,
        { reason: 'Returned within 14 days' },
        { 'Idempotency-Key': 'stale-cancel' },
      );
      assert.notEqual(cancel.json.error?.code, 'idempotency_key_in_flight', cancel.text);
      // BigFix has no cancellation: the answer is the route's own, from the order's state.
      assert.equal(cancel.json.error?.code, 'cancellation_not_supported');
    });

    it('binds an order whose claim outlived a bind deadline without reaching `binding`; a fresh claim stays 409', async () => {
      const { id } = await createOrder('early-create');
      await claimAsDeadRequest(id, 'early-fresh', new Date());
      assert.equal((await confirm(id, 'early-fresh')).status, 409);
      await claimAsDeadRequest(id, 'early-old', new Date(Date.now() - 60_000));
      const resumed = await confirm(id, 'early-old');
      assert.equal(resumed.status, 200, resumed.text);
      assert.equal(resumed.json.order.status, 'active');
    });
  });
});
