/** The operator console's API (/console/api): who may sign in, the attention queue, search and actions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleClaim, sampleOrder } from '../store/store-contract.ts';
import type { StoredOrder } from '../store/types.ts';
import { apiClient, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const policy = (reference: string) => ({ reference, startsAt: null, endsAt: null, activationCode: null, certificate: false });

describe('operator console API', () => {
  let server: TestServer;
  let operator: ReturnType<typeof apiClient>;
  const seed = (id: string, overrides: Partial<StoredOrder>) => server.services.store.createOrder(sampleOrder(id, overrides));

  before(async () => {
    server = await startTestServer();
    operator = apiClient(server, 'op_test_demo');
    await seed('ord_ok', { status: 'active', policy: policy('B261201P0010007'), paymentReference: 'pay_ok', createdAt: hoursAgo(9) });
    await seed('ord_pending_old', { status: 'pending', paymentReference: 'pay_p', createdAt: hoursAgo(50), updatedAt: hoursAgo(30) });
    await seed('ord_pending_new', { status: 'pending', paymentReference: 'pay_q', createdAt: hoursAgo(2), updatedAt: hoursAgo(1) });
    await seed('ord_binding_old', { status: 'binding', paymentReference: 'pay_b', createdAt: hoursAgo(3), updatedAt: hoursAgo(3) });
    await seed('ord_charged', {
      status: 'active',
      paymentReference: 'pay_c',
      chargedPrice: { amount: 6100, currency: 'INR' },
      policy: policy('B261201P0010008'),
      createdAt: hoursAgo(8),
    });
    await seed('ord_failed', {
      status: 'failed',
      paymentReference: 'pay_f',
      failureKind: 'refused',
      failureReason: 'BigFix refused the plan',
      createdAt: hoursAgo(1),
    });
    await seed('ord_declined', { status: 'declined', paymentReference: 'pay_d', createdAt: hoursAgo(4) });
    await seed('ord_other', { merchantId: 'other-shop', status: 'failed', paymentReference: 'pay_o', failureKind: 'outage' });
    await seed('ord_meta', { status: 'active', metadata: { cartId: 'cart_c991' } });
    await server.services.store.createClaim(
      sampleClaim('clm_waiting', { orderId: 'ord_ok', providerReferences: { claimRef: 'AS-CLM-77' } }),
    );
    await server.services.store.createClaim(sampleClaim('clm_decided', { orderId: 'ord_ok', status: 'approved' }));
  });
  after(() => server.close());

  describe('signing in', () => {
    it('takes the operator token (every merchant) and a secret key from a server (its merchant)', async () => {
      const asOperator = await operator('GET', '/console/api/session');
      assert.equal(asOperator.status, 200);
      assert.deepEqual(asOperator.json, { scope: 'operator', merchantId: null, mode: 'test' });
      assert.equal(asOperator.headers.get('cache-control'), 'no-store');
      const asMerchant = await apiClient(server, 'sk_test_demo')('GET', '/console/api/session');
      assert.deepEqual(asMerchant.json, { scope: 'merchant', merchantId: 'default', mode: 'test' });
    });

    it('refuses a missing or wrong token (401), a secret key from a browser and a publishable key (403)', async () => {
      const missing = await fetch(`${server.baseUrl}/console/api/attention`);
      assert.equal(missing.status, 401);
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'missing_key');
      const wrong = await apiClient(server, 'op_test_wrong')('GET', '/console/api/attention');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.json.error.code, 'invalid_key');
      const fromBrowser = await apiClient(server, 'sk_test_demo')('GET', '/console/api/attention', undefined, { Origin: server.origin });
      assert.equal(fromBrowser.status, 403);
      assert.equal(fromBrowser.json.error.code, 'secret_key_in_browser');
      const publishable = await apiClient(server, 'pk_test_demo')('GET', '/console/api/attention');
      assert.equal(publishable.status, 403);
      assert.equal(publishable.json.error.code, 'operator_token_required');
    });
  });

  describe('attention queue', () => {
    it('lists what needs an operator, paid-without-cover first, with what to do and no shopper details', async () => {
      const { status, json, text } = await operator('GET', '/console/api/attention');
      assert.equal(status, 200);
      const rows = json.data as { order: { id: string; merchantId: string }; attention: { kind: string; todo: string } }[];
      assert.deepEqual(
        rows.map((row) => [row.order.id, row.attention.kind]),
        [
          ['ord_declined', 'failed_after_payment'],
          ['ord_failed', 'failed_after_payment'],
          ['ord_other', 'failed_after_payment'],
          ['ord_binding_old', 'binding_too_long'],
          ['ord_charged', 'price_difference'],
          ['ord_pending_old', 'pending_too_long'],
          ['ord_ok', 'claim_awaiting_decision'],
        ],
      );
      const claimRow = json.data.at(-1) as {
        claim: { id: string; reference: string; providerReferences: object };
        attention: { todo: string };
      };
      assert.equal(claimRow.claim.id, 'clm_waiting');
      assert.deepEqual(claimRow.claim.providerReferences, { claimRef: 'AS-CLM-77' });
      assert.match(claimRow.attention.todo, /has not decided claim clm_TY29183K, in review since/);
      const failed = rows.find((row) => row.order.id === 'ord_failed')!;
      assert.match(failed.attention.todo, /refund the shopper 5999\.92 INR \(payment pay_f\) and mark it refunded/);
      assert.match(rows.find((row) => row.order.id === 'ord_other')!.attention.todo, /may confirm again/);
      assert.match(
        rows.find((row) => row.order.id === 'ord_charged')!.attention.todo,
        /charged 6100\.00 INR for a plan quoted at 5999\.92 INR/,
      );
      // Masked: IMEI last 4, phone last 3; never the name or email.
      assert.match(text, /••••7518/);
      assert.match(text, /••••678/);
      for (const secret of ['Asha', 'asha@example.com', '+919812345678', TEST_IMEI, 'clientSecretHash'])
        assert.ok(!text.includes(secret), secret);
    });

    it('shows a merchant signed in with its secret key only its own orders', async () => {
      const { json } = await apiClient(server, 'sk_test_demo')('GET', '/console/api/attention');
      const ids = (json.data as { order: { id: string } }[]).map((row) => row.order.id);
      assert.ok(ids.includes('ord_failed'));
      assert.ok(!ids.includes('ord_other'));
      assert.equal((await apiClient(server, 'sk_test_demo')('GET', '/console/api/orders/ord_other')).status, 404);
    });
  });

  describe('search', () => {
    it('finds an order by id, by policy reference and by metadata value', async () => {
      const byId = await operator('GET', '/console/api/orders?q=ord_ok');
      assert.deepEqual(
        (byId.json.data as { order: { id: string } }[]).map((row) => row.order.id),
        ['ord_ok'],
      );
      const byReference = await operator('GET', '/console/api/orders?q=B261201P0010008');
      assert.deepEqual(
        (byReference.json.data as { order: { id: string; policy: { reference: string } } }[]).map((row) => row.order.id),
        ['ord_charged'],
      );
      const byMetadata = await operator('GET', '/console/api/orders?q=cart_c991');
      assert.deepEqual(
        (byMetadata.json.data as { order: { id: string } }[]).map((row) => row.order.id),
        ['ord_meta'],
      );
      assert.deepEqual((await operator('GET', '/console/api/orders?q=nothing-like-it')).json.data, []);
    });

    it('names the field of a bad search', async () => {
      const { status, json } = await operator('GET', '/console/api/orders?q=a');
      assert.equal(status, 400);
      assert.equal(json.error.code, 'invalid_request');
      assert.equal(json.error.fields[0].path, 'q');
    });
  });

  describe('actions', () => {
    it('marks a failed order refunded, with a note; it leaves the queue and cannot be marked twice', async () => {
      const marked = await operator('POST', '/console/api/orders/ord_failed/refunded', { note: 'Refunded by card on 1 Dec' });
      assert.equal(marked.status, 200);
      assert.ok(marked.json.order.refundedAt);
      assert.equal(marked.json.order.refundNote, 'Refunded by card on 1 Dec');
      assert.equal(marked.json.attention, null);
      const queue = await operator('GET', '/console/api/attention');
      assert.ok(!(queue.json.data as { order: { id: string } }[]).some((row) => row.order.id === 'ord_failed'));
      const again = await operator('POST', '/console/api/orders/ord_failed/refunded', {});
      assert.equal(again.status, 409);
      assert.equal(again.json.error.code, 'order_not_refundable');
    });

    it('refuses to mark refunded an order with nothing to refund, and names a bad note', async () => {
      const active = await operator('POST', '/console/api/orders/ord_ok/refunded', {});
      assert.equal(active.status, 409);
      assert.equal(active.json.error.code, 'order_not_refundable');
      const long = await operator('POST', '/console/api/orders/ord_declined/refunded', { note: 'x'.repeat(501) });
      assert.equal(long.status, 400);
      assert.equal(long.json.error.fields[0].path, 'note');
    });

    it('retries a reconcile where there is something to reconcile, and says why not elsewhere', async () => {
      const active = await operator('POST', '/console/api/orders/ord_ok/reconcile');
      assert.equal(active.status, 409);
      assert.equal(active.json.error.code, 'order_not_reconcilable');
      // A bind nobody settled for hours: the reconciler's pass settles it one way or the other.
      const binding = await operator('POST', '/console/api/orders/ord_binding_old/reconcile');
      assert.equal(binding.status, 200);
      assert.notEqual(binding.json.order.status, 'binding');
    });

    it('cancels through the provider where it allows, and says where it does not', async () => {
      const cancelled = await operator('POST', '/console/api/orders/ord_declined/cancel', { reason: 'Shopper asked' });
      assert.equal(cancelled.status, 409);
      assert.equal(cancelled.json.error.code, 'order_not_cancellable');
      const missing = await operator('POST', '/console/api/orders/ord_ok/cancel', {});
      assert.equal(missing.status, 400);
      assert.equal(missing.json.error.fields[0].path, 'reason');
    });
  });

  it('reports each provider’s last hour: calls by outcome and the circuit', async () => {
    const quote = await apiClient(server)('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    assert.equal(quote.status, 200);
    const { json } = await operator('GET', '/console/api/providers');
    const providers = json.data as { id: string; circuit: string; lastHour: { total: { ok: number } } }[];
    assert.deepEqual(providers.map((provider) => provider.id).sort(), ['assurify', 'bigfix', 'octamile', 'servify']);
    const bigfix = providers.find((provider) => provider.id === 'bigfix')!;
    assert.equal(bigfix.circuit, 'closed');
    assert.ok(bigfix.lastHour.total.ok > 0, 'the quote’s calls are counted');
  });

  it('serves the console page with a strict content policy', async () => {
    const page = await fetch(`${server.baseUrl}/console`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(await page.text(), /<ck-console>/);
  });
});
