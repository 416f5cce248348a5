/** The Servify claims adapter against its sandbox over HTTP: options, create, status, withdraw. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ClaimOptions, CreateClaimRequest } from '../../../../contract/claims.ts';
import { ProviderError } from '../../errors.ts';
import type { StoredClaim, StoredOrder } from '../../store/types.ts';
import { asha, galaxyS23 } from '../../testing/test-server.ts';
import type { ClaimsAdapter, ProviderClaimResult } from '../types.ts';
import { CLAIM_STEP_MS, startServifyClaimsFixture, type ServifyClaimsFixture } from './servify-claims-fixture.ts';
import { createServifyClaimsAdapter } from './servify-claims.ts';

const signal = () => AbortSignal.timeout(5000);
let imeiCounter = 500;
const nextImei = () => `35693803565${String(imeiCounter++).padStart(4, '0')}`;

describe('Servify claims adapter against the sandbox', () => {
  let fixture: ServifyClaimsFixture;
  let adapter: ClaimsAdapter;

  before(async () => {
    fixture = await startServifyClaimsFixture();
    adapter = createServifyClaimsAdapter(fixture.config, { now: fixture.now });
  });
  after(() => fixture.close());

  const scenario = (claims: string) =>
    fetch(`${fixture.config.baseUrl}/_scenarios`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ claims }),
    });

  async function soldOrder(type: 'ADLD' | 'EW' = 'ADLD'): Promise<StoredOrder> {
    const imei = nextImei();
    const orderId = `ord_${crypto.randomUUID().slice(0, 12)}`;
    const soldPlanCode = await fixture.sell(imei, { planCode: type === 'EW' ? 'SFYEW01' : 'SFYADLD01', orderId });
    const at = fixture.now().toISOString();
    return {
      id: orderId,
      merchantId: 'default',
      status: 'active',
      offer: {
        provider: 'servify',
        type,
        planCode: type === 'EW' ? 'SFYEW01' : 'SFYADLD01',
        name: 'Servify plan',
        termMonths: 12,
        price: { amount: 4500, currency: 'INR' },
        requires: [],
        covers: [],
        device: galaxyS23,
        country: 'IN',
      },
      device: { imei },
      customer: asha,
      policy: {
        reference: soldPlanCode,
        startsAt: at,
        endsAt: null,
        activationCode: null,
        certificate: false,
        providerReferences: { soldPlanCode },
      },
      clientSecretHash: '',
      paymentReference: 'pay_1',
      failureReason: null,
      createdAt: at,
      updatedAt: at,
    };
  }

  function request(options: ClaimOptions, slotIndex = 0, description = 'The power button no longer works'): CreateClaimRequest {
    const slot = options.slots[slotIndex];
    return {
      type: options.types[0]!,
      incident: { date: fixture.now().toISOString().slice(0, 10), description },
      issue: options.issues[0]!.code,
      ...(slot ? { appointment: { code: slot.code, date: slot.date, from: slot.from, to: slot.to } } : {}),
      address: asha.address,
    };
  }

  /** The stored claim as the claims service would keep it after `result`. */
  function stored(order: StoredOrder, claimId: string, claim: CreateClaimRequest, result: ProviderClaimResult): StoredClaim {
    return {
      id: claimId,
      merchantId: 'default',
      orderId: order.id,
      livemode: false,
      provider: 'servify',
      status: result.status,
      type: claim.type,
      reference: result.reference ?? null,
      incident: claim.incident,
      issue: claim.issue ?? null,
      appointment: result.appointment ?? null,
      address: claim.address ?? null,
      decision: result.decision ?? null,
      timeline: [],
      providerReferences: result.providerReferences ?? {},
      createdAt: fixture.now().toISOString(),
      updatedAt: fixture.now().toISOString(),
    };
  }

  async function claimed(order: StoredOrder, slotIndex = 0, description?: string) {
    const options = await adapter.options({ order, signal: signal() });
    const claim = request(options, slotIndex, description);
    const claimId = `clm_${crypto.randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
    const result = await adapter.create!({ order, claimId, claim, files: {}, signal: signal() });
    return { options, claim, result, stored: stored(order, claimId, claim, result) };
  }

  /** Reads the claim `times` times, applying each answer as the service would; the statuses seen. */
  async function follow(order: StoredOrder, claim: StoredClaim, times: number) {
    const seen: string[] = [];
    let current = claim;
    for (let read = 0; read < times; read++) {
      const result = await adapter.status!({ order, claim: current, signal: signal() });
      assert.ok(result);
      current = { ...current, status: result.status, decision: result.decision === undefined ? current.decision : result.decision };
      seen.push(current.status);
    }
    return { seen, claim: current };
  }

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => assert.fail('expected a refusal'),
      (error: unknown) => error,
    );
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.kind, 'refused');
    return error;
  };

  it('lists the issues, the open carry-in and pickup slots, and what a claim requires', async () => {
    const options = await adapter.options({ order: await soldOrder(), signal: signal() });
    assert.deepEqual(options.types, ['accidental_damage', 'liquid_damage', 'screen_damage']);
    assert.equal(options.issues.length, 38);
    assert.deepEqual(options.issues[0], { code: '0E74248AA1', category: 'Mechanical breakdown', label: 'Button Problem' });
    assert.equal(options.slots.length, 18);
    assert.equal(new Set(options.slots.map((slot) => slot.code)).size, 18, 'codes are unique across days and kinds');
    assert.deepEqual(
      options.slots
        .filter((slot) => slot.kind === 'pickup')
        .slice(0, 1)
        .map(({ from, to, kind }) => ({ from, to, kind })),
      [{ from: '10:00', to: '13:00', kind: 'pickup' }],
    );
    assert.match(options.slots[0]!.code, /^carry_in:\d{4}-\d{2}-\d{2}:slot_1$/);
    assert.deepEqual(options.requires, ['incident.date', 'incident.description', 'issue', 'appointment', 'address']);
    assert.equal(options.contact, null);
    const ew = await adapter.options({ order: await soldOrder('EW'), signal: signal() });
    assert.deepEqual(ew.types, ['breakdown']);
  });

  it('books the slot (scheduled), then follows Servify one step per read: approved, in repair, closed', async () => {
    const order = await soldOrder();
    const { claim, result, stored: first } = await claimed(order);
    assert.equal(result.status, 'scheduled');
    assert.match(result.reference ?? '', /^[A-Z0-9]{12}$/);
    assert.deepEqual(result.appointment, claim.appointment);
    const after = await adapter.options({ order, signal: signal() });
    assert.ok(!after.slots.some((slot) => slot.code === claim.appointment!.code), 'the booked slot is no longer offered');
    // Three steps pass unread: each read then moves the claim one edge of our lifecycle.
    fixture.advance(3 * CLAIM_STEP_MS);
    const { seen, claim: last } = await follow(order, first, 3);
    assert.deepEqual(seen, ['in_repair', 'closed', 'closed']);
    assert.deepEqual(last.decision, { outcome: 'approved', reasons: [], payout: null });
  });

  it('stays scheduled with an approval while Servify approves in principle', async () => {
    const order = await soldOrder();
    const { stored: first } = await claimed(order, 1);
    fixture.advance(CLAIM_STEP_MS);
    const { seen, claim } = await follow(order, first, 1);
    assert.deepEqual(seen, ['scheduled']);
    assert.equal(claim.decision?.outcome, 'approved');
  });

  it('says slot_unavailable when the slot was taken between listing and booking', async () => {
    const order = await soldOrder();
    const options = await adapter.options({ order, signal: signal() });
    const other = await soldOrder();
    // Someone else books the first slot first.
    await claimed(other, 0);
    const claim = request(options, 0);
    const error = await refusal(adapter.create!({ order, claimId: 'clm_SLOTGONE0001', claim, files: {}, signal: signal() }));
    assert.equal(error.providerCode, 'slot_unavailable');
    assert.match(error.shopperMessage, /Pick another/);
  });

  it('says cover_ended and slot_unavailable for the salesperson scenarios', async () => {
    try {
      assert.equal((await scenario('cover_ended')).status, 200);
      assert.equal((await refusal(claimed(await soldOrder()))).providerCode, 'cover_ended');
      await scenario('slot_taken');
      assert.equal((await refusal(claimed(await soldOrder()))).providerCode, 'slot_unavailable');
      assert.equal((await scenario('teleport')).status, 400);
    } finally {
      await scenario('approved');
    }
  });

  it("ends rejected with Servify's reasons, or closed with the payout", async () => {
    const order = await soldOrder();
    const rejected = await claimed(order, 2, 'Screen cracked, rejected');
    const paid = await claimed(await soldOrder(), 3, 'Beyond repair, payout');
    fixture.advance(3 * CLAIM_STEP_MS);
    const { seen, claim } = await follow(order, rejected.stored, 1);
    assert.deepEqual(seen, ['rejected']);
    assert.equal(claim.decision?.outcome, 'rejected');
    assert.ok(claim.decision!.reasons.length === 2 && claim.decision!.reasons.every((reason) => /^[A-Z].*\.$/.test(reason)));
    const settled = await follow(order, paid.stored, 2);
    assert.deepEqual(settled.seen, ['in_repair', 'closed']);
    assert.deepEqual(settled.claim.decision?.payout, { amount: galaxyS23.price, currency: 'INR', reference: paid.result.reference });
  });

  it('raises a claim without a visit where no service location is configured: in review, approved, closed', async () => {
    const unscheduled = createServifyClaimsAdapter({ ...fixture.config, serviceLocationCode: null }, { now: fixture.now });
    const order = await soldOrder();
    const options = await unscheduled.options({ order, signal: signal() });
    assert.deepEqual(options.slots, []);
    assert.deepEqual(options.requires, ['incident.date', 'incident.description', 'issue']);
    const claim = request(options);
    const result = await unscheduled.create!({ order, claimId: 'clm_RAISED000000000001', claim, files: {}, signal: signal() });
    assert.equal(result.status, 'approved', 'a repeat repair is approved in principle at once');
    assert.equal(result.appointment, null);
    fixture.advance(2 * CLAIM_STEP_MS);
    const { seen } = await follow(order, stored(order, 'clm_RAISED000000000001', claim, result), 1);
    assert.deepEqual(seen, ['closed']);
  });

  it('withdraws a scheduled claim (updateClaimStatus SC0060), and says claim_not_withdrawable once the repair began', async () => {
    const order = await soldOrder();
    const early = await claimed(order, 4);
    assert.deepEqual(await adapter.withdraw!({ order, claim: early.stored, reason: null, signal: signal() }), {
      status: 'withdrawn',
      reference: early.result.reference,
    });
    assert.equal((await adapter.status!({ order, claim: early.stored, signal: signal() }))?.status, 'withdrawn');
    const late = await claimed(order, 5);
    fixture.advance(2 * CLAIM_STEP_MS);
    const error = await refusal(adapter.withdraw!({ order, claim: late.stored, reason: null, signal: signal() }));
    assert.equal(error.providerCode, 'claim_not_withdrawable');
  });

  it('finds a claim whose create answer was lost through getClaimList, by our claim id', async () => {
    const order = await soldOrder();
    const { stored: known } = await claimed(order, 6);
    const lost: StoredClaim = { ...known, status: 'submitted', reference: null, appointment: known.appointment, providerReferences: {} };
    const result = await adapter.status!({ order, claim: lost, signal: signal() });
    assert.deepEqual([result?.status, result?.reference], ['scheduled', known.reference]);
    const never: StoredClaim = { ...lost, id: 'clm_NEVERSENT00000000001' };
    assert.equal(await adapter.status!({ order, claim: never, signal: signal() }), null);
    assert.deepEqual(await adapter.withdraw!({ order, claim: never, reason: null, signal: signal() }), { status: 'withdrawn' });
  });
});
