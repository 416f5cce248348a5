/** Every ServiceRequest claim call against the sandbox over real HTTP: signed, encrypted, the doc's codes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProviderError } from '../../errors.ts';
import { servifyClaimTriggers } from '../../sandbox/servify/servify-sandbox.ts';
import { createServifyClaimCalls, type ServifyClaimCalls } from './servify-claims-calls.ts';
import type { CreateClaimRequest, ServifySlot } from './servify-claims-schemas.ts';
import { CLAIM_STEP_MS, startServifyClaimsFixture, type ServifyClaimsFixture } from './servify-claims-fixture.ts';

const signal = () => AbortSignal.timeout(5000);
const device = { countryCode: 'IN', productSubCategoryCode: 'SMARTPHONE', brandCode: 'SAMSUNG', productCode: 'GALAXY-S23' };
let imeiCounter = 100;
/** A fresh Luhn-agnostic device id per test (the sandbox checks shape, not Luhn). */
const nextImei = () => `35693803564${String(imeiCounter++).padStart(4, '0')}`;

async function refusedWith(promise: Promise<unknown>, errorCode: string): Promise<ProviderError> {
  const error = await promise.then(
    () => assert.fail(`expected ${errorCode}`),
    (error: unknown) => error,
  );
  assert.ok(error instanceof ProviderError, String(error));
  assert.match(error.providerCode, new RegExp(`^${errorCode.replaceAll('.', '\\.')} \\(ticket [0-9a-f-]{36}\\)$`));
  return error;
}

describe('Servify claim calls against the sandbox', () => {
  let fixture: ServifyClaimsFixture;
  let calls: ServifyClaimCalls;

  before(async () => {
    fixture = await startServifyClaimsFixture();
    calls = createServifyClaimCalls(fixture.client);
  });
  after(() => fixture.close());

  const lookup = () => ({
    ...device,
    zipcode: '560001',
    serviceLocationCode: fixture.config.serviceLocationCode!,
    currentDateTime: fixture.now().toISOString().slice(0, 19).replace('T', ' '),
  });

  function claimRequest(imei: string, slot: ServifySlot | null, description = 'The power button no longer works'): CreateClaimRequest {
    const externalReferenceID = `clm_${crypto.randomUUID().slice(0, 12)}`;
    return {
      referenceID: externalReferenceID,
      externalReferenceID,
      name: 'Asha Rao',
      mobileNo: '9812345678',
      phoneCode: '91',
      ...device,
      imeiOrSerial: imei,
      planCode: 'SFYADLD01',
      coveredValue: 74999,
      currencyCode: 'INR',
      salesChannel: 'coverkit',
      issues: [{ issueCode: '0E74248AA1', issueCategoryCode: 'FDA594F327' }],
      consumerServiceRequestDetails: { lossDateTime: fixture.now().toISOString().slice(0, 10), descriptionOfLoss: description },
      consumerServiceRequest: {
        address: '12 MG Road',
        addressType: 'Home',
        state: 'Karnataka',
        city: 'Bengaluru',
        zipcode: '560001',
        scheduledDateTime: slot?.date ?? '2000-01-01',
        scheduledFromTime: slot?.from ?? '10:00:00',
        scheduledToTime: slot?.to ?? '13:00:00',
        serviceLocationCode: fixture.config.serviceLocationCode!,
        serviceTypeCode: slot?.serviceTypeCode ?? 'CLAIM_CARRYIN',
      },
    };
  }

  async function freeSlot(kind: 'carry_in' | 'pickup' = 'carry_in', skip = 0): Promise<ServifySlot> {
    const slots = kind === 'carry_in' ? await calls.carryInSlots(lookup(), signal()) : await calls.pickupSlots(lookup(), signal());
    const slot = slots.filter((candidate) => candidate.isActive)[skip];
    assert.ok(slot, 'a free slot');
    return slot;
  }

  it("getIssueList gives the doc's issue master, and refuses a request without brandCode with DATA.BAD_REQUEST.400", async () => {
    const issues = await calls.issueList(device, signal());
    assert.equal(issues.length, 38);
    assert.deepEqual(issues[0], {
      issueCategoryCode: 'FDA594F327',
      issueCategory: 'Mechanical breakdown',
      issueCode: '0E74248AA1',
      issue: 'Button Problem',
    });
    const error = await refusedWith(calls.issueList({ ...device, brandCode: '' }, signal()), 'DATA.BAD_REQUEST.400');
    assert.equal(error.kind, 'refused');
  });

  it('fetchSlots and fetchRequestSlots list three slots a day on the next three India days', async () => {
    const carryIn = await calls.carryInSlots(lookup(), signal());
    const pickup = await calls.pickupSlots(lookup(), signal());
    for (const slots of [carryIn, pickup]) {
      assert.equal(slots.length, 9);
      assert.deepEqual(
        slots.slice(0, 3).map(({ slotCode, from, to }) => [slotCode, from, to]),
        [
          ['slot_1', '10:00:00', '13:00:00'],
          ['slot_2', '13:00:00', '16:00:00'],
          ['slot_3', '16:00:00', '19:00:00'],
        ],
      );
      const indiaToday = new Date(fixture.now().getTime() + 330 * 60_000).toISOString().slice(0, 10);
      assert.ok(slots.every((slot) => slot.date > indiaToday));
    }
    assert.ok(carryIn.every((slot) => slot.serviceTypeCode === 'CLAIM_CARRYIN'));
    assert.ok(pickup.every((slot) => slot.serviceTypeCode === 'CLAIM_PICKUP'));
    await refusedWith(calls.carryInSlots({ ...lookup(), zipcode: '' }, signal()), 'DATA.BAD_REQUEST.400');
    await refusedWith(
      fixture.client.call(
        '/ServiceRequest/fetchRequestSlots',
        { serviceTypeCode: 'CLAIM_TELEPORT', countryCode: 'IN', zipcode: '560001' },
        signal(),
      ),
      'DATA.BAD_REQUEST.400',
    );
  });

  it('createClaimRequest books the slot (Service accepted, SC0061); a second claim on it is refused SM.WTR.001', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const slot = await freeSlot();
    const created = await calls.createClaim(claimRequest(imei, slot), signal());
    assert.equal(created.statusCode, 'SC0061');
    assert.match(created.referenceID, /^[A-Z0-9]{12}$/);
    const after = await calls.carryInSlots(lookup(), signal());
    assert.equal(after.find((candidate) => candidate.date === slot.date && candidate.slotCode === slot.slotCode)?.isActive, false);
    // A pickup at the same hour is another resource.
    const pickup = await calls.pickupSlots(lookup(), signal());
    assert.equal(pickup.find((candidate) => candidate.date === slot.date && candidate.slotCode === slot.slotCode)?.isActive, true);
    const other = nextImei();
    await fixture.sell(other);
    const error = await refusedWith(calls.createClaim(claimRequest(other, slot), signal()), 'SM.WTR.001');
    assert.equal(error.kind, 'refused');
    assert.equal(error.status, 200);
  });

  it('refuses a claim without a contract, on a slot not offered, with unknown issues, or after the cover ended', async () => {
    const imei = nextImei();
    const slot = await freeSlot();
    await refusedWith(calls.createClaim(claimRequest(imei, slot), signal()), 'SM.WTR.001');
    await fixture.sell(imei);
    await refusedWith(calls.createClaim(claimRequest(imei, null), signal()), 'SM.WTR.001');
    const unknownIssue = { ...claimRequest(imei, slot), issues: [{ issueCode: 'NOPE' }] };
    await refusedWith(calls.createClaim(unknownIssue, signal()), 'DATA.BAD_REQUEST.400');
    const future = claimRequest(imei, slot);
    future.consumerServiceRequestDetails.lossDateTime = '2999-01-01';
    await refusedWith(calls.createClaim(future, signal()), 'DATA.BAD_REQUEST.400');
    await refusedWith(
      calls.createClaim(claimRequest(imei, slot, `Dropped it (${servifyClaimTriggers.coverEnded})`), signal()),
      'SM.WTR.001',
    );
    // The slot named in a refused claim stays free.
    const slots = await calls.carryInSlots(lookup(), signal());
    assert.equal(slots.find((candidate) => candidate.date === slot.date && candidate.slotCode === slot.slotCode)?.isActive, true);
  });

  it('the "slot taken" phrase makes the chosen slot taken by someone else', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const slot = await freeSlot('pickup');
    await refusedWith(
      calls.createClaim(claimRequest(imei, slot, `Cracked screen, ${servifyClaimTriggers.slotTaken}`), signal()),
      'SM.WTR.001',
    );
    const pickup = await calls.pickupSlots(lookup(), signal());
    assert.equal(pickup.find((candidate) => candidate.date === slot.date && candidate.slotCode === slot.slotCode)?.isActive, false);
  });

  it('getClaimDetails follows a claim from Service accepted to Repair completed, one step a minute', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const request = claimRequest(imei, await freeSlot('carry_in', 1));
    const { referenceID } = await calls.createClaim(request, signal());
    const seen: string[] = [];
    for (let step = 0; step < 4; step++) {
      const details = await calls.claimDetails({ referenceId: referenceID }, signal());
      seen.push(`${details.Status}/${details.StatusCode}`);
      fixture.advance(CLAIM_STEP_MS);
    }
    assert.deepEqual(seen, [
      'Service accepted/SC0061',
      'In-principle approved/SC0059',
      'Work in progress/SC0011',
      'Repair completed/SC0002',
    ]);
    const byOurs = await calls.claimDetails({ externalReferenceId: request.externalReferenceID }, signal());
    assert.equal(byOurs.ReferenceID, referenceID);
    assert.equal(byOurs.Logs?.[0]?.Status, 'Repair completed', 'newest log first');
    await refusedWith(calls.claimDetails({ referenceId: 'NOSUCHCLAIM1' }, signal()), 'DATA.BAD_REQUEST.400');
  });

  it('rejects with reasons, or settles with a payment, as the description asks', async () => {
    const rejectedImei = nextImei();
    await fixture.sell(rejectedImei);
    const rejected = await calls.createClaim(claimRequest(rejectedImei, await freeSlot(), 'Screen cracked — rejected please'), signal());
    const payoutImei = nextImei();
    await fixture.sell(payoutImei);
    const paid = await calls.createClaim(claimRequest(payoutImei, await freeSlot(), 'Stolen phone, payout'), signal());
    fixture.advance(3 * CLAIM_STEP_MS);
    const rejectedDetails = await calls.claimDetails({ referenceId: rejected.referenceID }, signal());
    assert.equal(rejectedDetails.Status, 'Claim rejected');
    assert.match(rejectedDetails.Logs?.[0]?.StatusDisplayText ?? '', /^Claim rejected: .+/);
    const paidDetails = await calls.claimDetails({ referenceId: paid.referenceID }, signal());
    assert.equal(paidDetails.Status, 'Claim settled');
    assert.deepEqual(
      paidDetails.Charges?.map(({ ChargeType, Amount, CurrencyCode }) => ({ ChargeType, Amount, CurrencyCode })),
      [{ ChargeType: 'Claim amount', Amount: 74999, CurrencyCode: 'INR' }],
    );
  });

  it('raiseClaimRequest opens a repeat repair In-principle approved (SC0059) with no visit', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const { consumerServiceRequest: _visit, referenceID: _ours, ...request } = claimRequest(imei, null);
    const raised = await calls.raiseClaim(request, signal());
    assert.equal(raised.statusCode, 'SC0059');
    assert.equal(raised.status, 'In-principle approved');
    await refusedWith(calls.raiseClaim({ ...request, externalReferenceID: 'x', imeiOrSerial: nextImei() }, signal()), 'SM.WTR.001');
    await refusedWith(calls.raiseClaim(request, signal()), 'SM.WTR.001');
  });

  it('getClaimList lists claims created between two days, ten a page', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const { consumerServiceRequest: _visit, referenceID: _ours, ...request } = claimRequest(imei, null);
    const raised = await calls.raiseClaim(request, signal());
    // Enough claims for a second page, whatever ran before.
    for (let index = 0; index < 10; index++)
      await calls.raiseClaim({ ...request, externalReferenceID: `${request.externalReferenceID}-${index}` }, signal());
    const today = new Date(fixture.now().getTime() + 330 * 60_000).toISOString().slice(0, 10);
    const first = await calls.claimList(today, today, 1, signal());
    assert.ok(first.ClaimList.length === 10, 'a full first page');
    assert.ok((first.TotalPages ?? 0) >= 2);
    const pages = await Promise.all(
      Array.from({ length: first.TotalPages! }, (_, index) => calls.claimList(today, today, index + 1, signal())),
    );
    const entry = pages.flatMap((page) => page.ClaimList).find((claim) => claim.ReferenceID === raised.referenceID);
    assert.deepEqual([entry?.ExternalReferenceID, entry?.StatusCode], [request.externalReferenceID, 'SC0059']);
    const none = await calls.claimList('2001-01-01', '2001-01-02', 1, signal());
    assert.deepEqual(none.ClaimList, []);
    await refusedWith(calls.claimList('yesterday', today, 1, signal()), 'DATA.BAD_REQUEST.400');
  });

  it('updateClaimStatus SC0060 withdraws a claim under review, twice alike, and refuses once the repair began', async () => {
    const imei = nextImei();
    await fixture.sell(imei);
    const early = await calls.createClaim(claimRequest(imei, await freeSlot()), signal());
    const withdrawn = await calls.withdraw(early.referenceID, signal());
    assert.deepEqual([withdrawn.Status, withdrawn.StatusCode], ['Claim withdrawn', 'SC0060']);
    assert.equal((await calls.withdraw(early.referenceID, signal())).StatusCode, 'SC0060');
    const listed = await calls.claimDetails({ referenceId: early.referenceID }, signal());
    assert.equal(listed.StatusCode, 'SC0060');
    const late = await calls.createClaim(claimRequest(imei, await freeSlot()), signal());
    fixture.advance(2 * CLAIM_STEP_MS);
    const error = await refusedWith(calls.withdraw(late.referenceID, signal()), 'SM.WTR.001');
    assert.equal(error.kind, 'refused');
    await refusedWith(
      fixture.client.call('/ServiceRequest/updateClaimStatus', { ReferenceID: late.referenceID, StatusCode: 'SC0002' }, signal()),
      'DATA.BAD_REQUEST.400',
    );
  });
});
