/**
 * One suite every store engine passes, the way unstorage's testDriver runs against every
 * driver: orders, guarded transitions, and idempotency claims under concurrency.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store, StoredClaim, StoredOrder } from './types.ts';

export function sampleOrder(id: string, overrides: Partial<StoredOrder> = {}): StoredOrder {
  const now = new Date().toISOString();
  return {
    id,
    merchantId: 'default',
    status: 'awaiting_payment',
    offer: {
      provider: 'bigfix',
      type: 'ADLD',
      planCode: 'adld-1y',
      name: 'Accidental & Liquid Damage Protection, 1 year',
      termMonths: 12,
      price: { amount: 5999.92, currency: 'INR' },
      requires: ['device.imei'],
      covers: [],
      device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' },
      country: 'IN',
    },
    device: { imei: '490154203237518', brandWarrantyYears: 1 },
    customer: { name: 'Asha Rao', email: 'asha@example.com', phone: '+919812345678' },
    policy: null,
    clientSecretHash: 'abc',
    paymentReference: null,
    failureReason: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function sampleClaim(id: string, overrides: Partial<StoredClaim> = {}): StoredClaim {
  const now = new Date().toISOString();
  return {
    ...{
      id,
      merchantId: 'default',
      orderId: 'ord_a',
      livemode: false,
      provider: 'assurify',
      status: 'in_review',
      type: 'accidental_damage',
    },
    ...{ reference: 'clm_TY29183K', incident: { date: '2026-11-28', description: 'Dropped on tiles' }, issue: null, appointment: null },
    ...{
      address: null,
      decision: null,
      timeline: [{ status: 'in_review', at: now }],
      providerReferences: {},
      createdAt: now,
      updatedAt: now,
    },
    ...overrides,
  };
}

export function testStore(
  engine: string,
  open: () => Promise<{ store: Store; rawDump: () => Promise<string>; rawDumpClaims?: () => Promise<string> }>,
) {
  describe(`store contract: ${engine}`, () => {
    let store: Store;
    let rawDump: () => Promise<string>;
    let rawDumpClaims: () => Promise<string>;
    before(async () => {
      const opened = await open();
      ({ store, rawDump } = opened);
      rawDumpClaims = opened.rawDumpClaims ?? rawDump;
    });
    after(() => store.close());

    it('creates and reads an order, scoped by merchant', async () => {
      await store.createOrder(sampleOrder('ord_a'));
      const order = await store.getOrder('default', 'ord_a');
      assert.equal(order?.customer.name, 'Asha Rao');
      assert.equal(order?.device.imei, '490154203237518');
      assert.equal(await store.getOrder('other-merchant', 'ord_a'), null);
    });

    it('keeps personal data encrypted at rest', async () => {
      await store.createOrder(sampleOrder('ord_pii'));
      const raw = await rawDump();
      for (const secret of ['Asha Rao', '+919812345678', '490154203237518', 'asha@example.com']) assert.ok(!raw.includes(secret), secret);
      assert.ok(raw.includes('Galaxy S23'), 'the dump is real: non-personal data is readable');
    });

    it('keeps no digest of a device identifier in the stored offer', async () => {
      const order = sampleOrder('ord_digest');
      order.offer = {
        ...order.offer,
        context: { years: 1, imeiDigest: 'kEyEdDiGeStOfTheImei0123', serialDigest: 'sErIaLdIgEsT0123456789' },
      };
      await store.createOrder(order);
      const raw = await rawDump();
      assert.ok(!raw.includes('kEyEdDiGeStOfTheImei0123') && !raw.includes('sErIaLdIgEsT0123456789'));
      assert.deepEqual((await store.getOrder('default', 'ord_digest'))?.offer.context, { years: 1 });
    });

    it('applies a transition only from the expected states, once', async () => {
      await store.createOrder(sampleOrder('ord_t'));
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.transitionOrder('ord_t', ['awaiting_payment'], { status: 'binding', paymentReference: 'pay_1' }),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1);
      const bound = await store.transitionOrder('ord_t', ['binding'], {
        status: 'active',
        policy: { reference: 'B1', startsAt: null, endsAt: null, activationCode: null, certificate: false },
      });
      assert.equal(bound?.status, 'active');
      assert.equal(bound?.policy?.reference, 'B1');
      assert.equal(await store.transitionOrder('ord_t', ['awaiting_payment'], { status: 'cancelled' }), null);
      assert.deepEqual(
        (await store.listOrdersByStatus(['active'])).map((order) => order.id),
        ['ord_t'],
      );
    });

    it('keeps why an order failed and what the provider charged, and clears them', async () => {
      await store.createOrder(sampleOrder('ord_fk', { status: 'binding' }));
      const failed = await store.transitionOrder('ord_fk', ['binding'], { status: 'failed', failureReason: 'Down', failureKind: 'outage' });
      assert.equal(failed?.failureKind, 'outage');
      assert.equal((await store.getOrder('default', 'ord_fk'))?.failureKind, 'outage');
      const charged = { amount: 6149.92, currency: 'INR' };
      const bound = await store.transitionOrder('ord_fk', ['failed'], { status: 'active', failureKind: null, chargedPrice: charged });
      assert.equal(bound?.failureKind, null);
      assert.deepEqual((await store.getOrder('default', 'ord_fk'))?.chargedPrice, charged);
    });

    it("lets exactly one retry take over a dead request's claim", async () => {
      const scope = { merchantId: 'default', route: 'orders.confirm:retake', key: 'k-retake' };
      const claimedAt = new Date(Date.now() - 60_000);
      await store.beginIdempotent(scope, 'hash', claimedAt);
      const taken = await Promise.all([
        store.retakeIdempotent(scope, claimedAt, new Date()),
        store.retakeIdempotent(scope, claimedAt, new Date()),
      ]);
      assert.deepEqual(taken.sort(), [false, true]);
      assert.equal((await store.beginIdempotent(scope, 'hash', new Date())).state, 'in_flight');
    });

    it('says since when an unfinished claim is held', async () => {
      const scope = { merchantId: 'default', route: 'orders.confirm:since', key: 'k-since' };
      const claimedAt = new Date(Date.now() - 60_000);
      await store.beginIdempotent(scope, 'hash', claimedAt);
      assert.deepEqual(await store.beginIdempotent(scope, 'hash', new Date()), { state: 'in_flight', claimedAt });
    });

    it('records why and when an order was cancelled, the reason encrypted at rest', async () => {
      await store.createOrder(sampleOrder('ord_c', { status: 'active' }));
      assert.equal((await store.getOrder('default', 'ord_c'))?.cancellationReason, null);
      const cancelledAt = new Date().toISOString();
      const cancelled = await store.transitionOrder('ord_c', ['active'], {
        status: 'cancelled',
        cancellationReason: 'Asha Rao returned the phone',
        cancelledAt,
      });
      assert.equal(cancelled?.cancellationReason, 'Asha Rao returned the phone');
      assert.equal((await store.getOrderById('ord_c'))?.cancelledAt, cancelledAt);
      assert.ok(!(await rawDump()).includes('returned the phone'));
    });

    it('lets exactly one of 50 concurrent claims of an idempotency key start', async () => {
      const scope = { merchantId: 'default', route: 'orders.create:', key: 'k-50' };
      const claims = await Promise.all(Array.from({ length: 50 }, () => store.beginIdempotent(scope, 'hash', new Date())));
      assert.equal(claims.filter((claim) => claim.state === 'started').length, 1);
      assert.equal(claims.filter((claim) => claim.state === 'in_flight').length, 49);
      await store.completeIdempotent(scope, 201, '{"ok":true}');
      assert.deepEqual(await store.beginIdempotent(scope, 'hash', new Date()), { state: 'completed', status: 201, body: '{"ok":true}' });
      assert.deepEqual(await store.beginIdempotent(scope, 'other', new Date()), { state: 'mismatch' });
    });

    it('forgets an abandoned claim and an expired record', async () => {
      const scope = { merchantId: 'default', route: 'orders.confirm:x', key: 'k-ab' };
      await store.beginIdempotent(scope, 'hash', new Date());
      await store.abandonIdempotent(scope);
      assert.equal((await store.beginIdempotent(scope, 'hash', new Date())).state, 'started');
      await store.completeIdempotent(scope, 200, '{}');
      const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
      assert.equal((await store.beginIdempotent(scope, 'different', tomorrow)).state, 'started');
    });

    it('keeps claims: the incident and address encrypted, guarded transitions, newest first, discarded only unsent', async () => {
      const claim = (id: string, createdAt: string): StoredClaim => ({
        id,
        merchantId: 'default',
        orderId: 'ord_claims',
        livemode: false,
        provider: 'assurify',
        status: 'submitted',
        type: 'accidental_damage',
        reference: null,
        incident: { date: '2026-11-28', description: 'Dropped it at Asha Rao house' },
        issue: null,
        appointment: null,
        address: { line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
        decision: null,
        timeline: [{ status: 'submitted', at: createdAt }],
        providerReferences: {},
        createdAt,
        updatedAt: createdAt,
      });
      await store.createClaim(claim('clm_A', '2026-12-01T10:00:00.000Z'));
      await store.createClaim(claim('clm_B', '2026-12-01T11:00:00.000Z'));
      await store.createClaim(claim('clm_C', '2026-12-01T12:00:00.000Z'));
      assert.equal((await store.getClaim('default', 'clm_A'))?.incident.description, 'Dropped it at Asha Rao house');
      assert.equal(await store.getClaim('other-merchant', 'clm_A'), null);
      assert.ok(!(await rawDumpClaims()).includes('Asha Rao') && !(await rawDumpClaims()).includes('MG Road'));
      assert.deepEqual(
        (await store.listClaims('ord_claims')).map((found) => found.id),
        ['clm_C', 'clm_B', 'clm_A'],
      );
      assert.deepEqual(
        (await store.listClaims('ord_claims', { limit: 1, startingAfter: 'clm_C' })).map((found) => found.id),
        ['clm_B'],
      );
      const decision = { outcome: 'approved' as const, reasons: [], payout: { amount: 8450, currency: 'INR', reference: 'pay_1' } };
      const moves = await Promise.all(
        [1, 2, 3].map(() => store.transitionClaim('clm_A', ['submitted'], { status: 'approved', reference: 'clm_A', decision })),
      );
      assert.equal(moves.filter(Boolean).length, 1);
      assert.deepEqual((await store.getClaimById('clm_A'))?.decision, decision);
      await store.discardClaim('clm_A');
      await store.discardClaim('clm_B');
      assert.ok(await store.getClaimById('clm_A'), 'a claim the provider took stays');
      assert.equal(await store.getClaimById('clm_B'), null);
    });

    it('stores a provider event once, and keeps the first value claimed under a key', async () => {
      const event = { provider: 'assurify', eventId: 'evt_1', type: 'policy.activated', orderId: 'ord_a' };
      assert.equal(await store.recordProviderEvent(event), true);
      assert.equal(await store.recordProviderEvent(event), false);
      assert.equal(await store.hasProviderEvent('assurify', 'evt_1'), true);
      assert.equal(await store.hasProviderEvent('assurify', 'evt_2'), false);
      const claims = await Promise.all(
        ['first', 'second', 'third'].map((value) => store.claimProviderValue('octamile', 'transaction:ord_a', value)),
      );
      assert.equal(new Set(claims).size, 1);
      assert.equal(await store.getProviderValue('octamile', 'transaction:ord_a'), claims[0]);
      assert.equal(await store.getProviderValue('octamile', 'missing'), null);
      // Forgotten only while it still holds the value the caller saw.
      await store.forgetProviderValue('octamile', 'transaction:ord_a', 'not-the-value');
      assert.equal(await store.getProviderValue('octamile', 'transaction:ord_a'), claims[0]);
      await store.forgetProviderValue('octamile', 'transaction:ord_a', claims[0]!);
      assert.equal(await store.getProviderValue('octamile', 'transaction:ord_a'), null);
      assert.equal(await store.claimProviderValue('octamile', 'transaction:ord_a', 'fresh'), 'fresh');
    });

    it('lists orders for review until marked refunded, and finds orders by policy reference or metadata value', async () => {
      const policy = { reference: 'B261201P0010042', startsAt: null, endsAt: null, activationCode: null, certificate: false };
      await store.createOrder(sampleOrder('ord_rev_failed', { status: 'failed', paymentReference: 'pay_1', failureKind: 'unknown' }));
      await store.createOrder(sampleOrder('ord_rev_active', { status: 'active', policy }));
      await store.createOrder(
        sampleOrder('ord_rev_charged', {
          status: 'active',
          chargedPrice: { amount: 6100, currency: 'INR' },
          policy: { ...policy, reference: 'X1' },
        }),
      );
      const reviewIds = async () =>
        (await store.listOrdersForReview(['failed'], 100)).map((order) => order.id).filter((id) => id.startsWith('ord_rev_'));
      assert.deepEqual(await reviewIds(), ['ord_rev_failed', 'ord_rev_charged']);
      const marked = await store.transitionOrder('ord_rev_failed', ['failed'], {
        refundedAt: '2026-12-01T18:00:00.000Z',
        refundNote: 'Refunded to Asha by card',
      });
      assert.equal(marked?.refundedAt, '2026-12-01T18:00:00.000Z');
      assert.equal(marked?.refundNote, 'Refunded to Asha by card');
      assert.ok(!(await rawDump()).includes('Refunded to Asha'), 'the note is encrypted at rest');
      assert.deepEqual(await reviewIds(), ['ord_rev_charged']);
      assert.deepEqual(
        (await store.findOrdersByReference('B261201P0010042')).map((order) => order.id),
        ['ord_rev_active'],
      );
      assert.deepEqual(await store.findOrdersByReference('B261201P'), []);
      await store.createOrder(sampleOrder('ord_rev_meta', { metadata: { cartId: 'cart_7731', sku: 'galaxy-s23' } }));
      assert.deepEqual(
        (await store.findOrdersByReference('cart_7731')).map((order) => order.id),
        ['ord_rev_meta'],
      );
      assert.deepEqual(await store.findOrdersByReference('cartId'), [], 'keys are not values');
      await store.createClaim(sampleClaim('clm_rev_new', { createdAt: '2026-12-01T10:00:00.000Z' }));
      await store.createClaim(sampleClaim('clm_rev_old', { status: 'submitted', createdAt: '2026-11-30T10:00:00.000Z' }));
      await store.createClaim(sampleClaim('clm_rev_done', { status: 'approved' }));
      assert.deepEqual(
        (await store.listClaimsAwaitingDecision(100)).map((claim) => claim.id).filter((id) => id.startsWith('clm_rev_')),
        ['clm_rev_old', 'clm_rev_new'],
      );
    });
  });
}
