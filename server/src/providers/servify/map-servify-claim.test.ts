import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimDecisionOf, claimStatusOf, nextClaimStatus, serviceTypeOfSlotCode, toClaimSlot } from './map-servify-claim.ts';
import type { ServifyClaimDetails } from './servify-claims-schemas.ts';

const details = (statuses: [string, string | null][], charges: ServifyClaimDetails['Charges'] = []): ServifyClaimDetails => {
  const logs = statuses.map(([Status, StatusCode], index) => ({
    Status,
    StatusCode,
    StatusDisplayText: Status,
    CreatedOn: new Date(Date.UTC(2026, 11, 1, 10, index)).toISOString(),
  }));
  const last = logs.at(-1)!;
  return { ReferenceID: 'RHF9G0PQ0S', Status: last.Status, StatusCode: last.StatusCode, Logs: [...logs].reverse(), Charges: charges };
};

describe('Servify claim statuses → ours', () => {
  it("reads the doc's statuses by code, and by text however spaced", () => {
    assert.equal(claimStatusOf('Serviceaccepted', 'SC0061', true), 'scheduled');
    assert.equal(claimStatusOf('Service accepted', null, false), 'in_review');
    assert.equal(claimStatusOf('In-principle approved', 'SC0059', true), 'scheduled');
    assert.equal(claimStatusOf('In-principle approved', 'SC0059', false), 'approved');
    assert.equal(claimStatusOf('Repair completed', 'SC0002', true), 'closed');
    assert.equal(claimStatusOf('Claim withdrawn', 'SC0060', true), 'withdrawn');
    assert.equal(claimStatusOf('Service cancel', 'SC0003', true), 'withdrawn');
    assert.equal(claimStatusOf('Something new', 'SC9999', true), null);
  });

  it('moves one edge of our lifecycle per read towards where Servify is', () => {
    const repaired = details([
      ['Claim raised', null],
      ['Service accepted', 'SC0061'],
      ['In-principle approved', 'SC0059'],
      ['Work in progress', 'SC0011'],
      ['Repair completed', 'SC0002'],
    ]);
    assert.equal(nextClaimStatus('submitted', repaired, true), 'scheduled');
    assert.equal(nextClaimStatus('scheduled', repaired, true), 'in_repair');
    assert.equal(nextClaimStatus('in_repair', repaired, true), 'closed');
    assert.equal(nextClaimStatus('closed', repaired, true), 'closed');
    const rejected = details([
      ['Service accepted', 'SC0061'],
      ['Claim rejected', 'SC0062'],
    ]);
    assert.equal(nextClaimStatus('scheduled', rejected, true), 'rejected');
  });

  it('takes reasons from the rejection log and the payout from the claim amount charges', () => {
    const rejected = details([['Claim rejected', 'SC0062']]);
    rejected.Logs![0]!.StatusDisplayText = 'Claim rejected: Damage not covered; Tampering seen';
    assert.deepEqual(claimDecisionOf(rejected), { outcome: 'rejected', reasons: ['Damage not covered.', 'Tampering seen.'], payout: null });
    const settled = details(
      [['Claim settled', 'SC0063']],
      [
        { ChargeType: 'Claim amount', Amount: 5000, CurrencyCode: 'INR' },
        { ChargeType: 'ServiceCharge', Amount: 413, CurrencyCode: 'INR' },
      ],
    );
    assert.deepEqual(claimDecisionOf(settled)?.payout, { amount: 5000, currency: 'INR', reference: 'RHF9G0PQ0S' });
    assert.equal(claimDecisionOf(details([['Service accepted', 'SC0061']])), null);
  });

  it('codes a slot by kind, day and Servify code, and reads the kind back', () => {
    const slot = toClaimSlot({
      serviceTypeCode: 'CLAIM_PICKUP',
      slotCode: 'slot_2',
      date: '2026-12-04',
      from: '13:00:00',
      to: '16:00:00',
      isActive: true,
    });
    assert.deepEqual(slot, { code: 'pickup:2026-12-04:slot_2', date: '2026-12-04', from: '13:00', to: '16:00', kind: 'pickup' });
    assert.equal(serviceTypeOfSlotCode(slot.code), 'CLAIM_PICKUP');
    assert.equal(serviceTypeOfSlotCode('slot_2'), null);
  });
});
