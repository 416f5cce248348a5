/** Sample orders, claim options and claims for the `<cover-policy>` tests (DESIGN.md shapes). */
import type { Claim, ClaimOptions } from '../api/claim-types.ts';
import type { Order } from '../../../contract/types.ts';
import { createdOrder } from './api-stub.ts';

export const clientSecret = 'ord_portal_secret_xyz';

export const activeOrder: Order = {
  ...createdOrder,
  id: 'ord_policy_1',
  status: 'active',
  offer: { ...createdOrder.offer, provider: 'assurify', providerName: 'Assurify', type: 'ADLD', name: 'SmartShield Total' },
  policy: {
    provider: 'assurify',
    reference: 'pol_ASR12345',
    startsAt: '2026-11-21T00:00:00Z',
    endsAt: '2027-11-20T00:00:00Z',
    activationCode: null,
    certificate: true,
  },
};

export const assurifyOptions: ClaimOptions = {
  types: ['accidental_damage', 'liquid_damage'],
  issues: [],
  slots: [],
  requires: ['incident.date', 'incident.description', 'files.invoice', 'files.photo'],
  contact: null,
};

export const servifyOptions: ClaimOptions = {
  types: ['accidental_damage', 'liquid_damage', 'breakdown'],
  issues: [{ code: '0E74248AA1', category: 'Mechanical breakdown', label: 'Button Problem' }],
  slots: [
    { code: 'slot_1', date: '2026-12-04', from: '10:00', to: '13:00', kind: 'carry_in' },
    { code: 'slot_2', date: '2026-12-04', from: '13:00', to: '16:00', kind: 'carry_in' },
  ],
  requires: ['incident.date', 'incident.description', 'issue', 'appointment', 'address'],
  contact: null,
};

export const contactOptions: ClaimOptions = {
  types: [],
  issues: [],
  slots: [],
  requires: [],
  contact: { phone: '+91 80 4719 2000', email: 'claims@bigfix.example', url: 'https://bigfix.example/claims' },
};

export const submittedClaim: Claim = {
  id: 'clm_1',
  orderId: activeOrder.id,
  livemode: false,
  provider: 'assurify',
  status: 'submitted',
  type: 'accidental_damage',
  reference: 'clm_TY29183K',
  incident: { date: '2026-11-28', description: 'Dropped on tiles' },
  appointment: null,
  decision: null,
  timeline: [{ status: 'submitted', at: '2026-11-28T10:00:00Z' }],
  createdAt: '2026-11-28T10:00:00Z',
  updatedAt: '2026-11-28T10:00:00Z',
};

export const approvedClaim: Claim = {
  ...submittedClaim,
  status: 'approved',
  decision: { outcome: 'approved', reasons: [], payout: { amount: 8450, currency: 'INR', reference: 'pay_A9KX01ZW' } },
  updatedAt: '2026-11-29T10:00:00Z',
};

export const rejectedClaim: Claim = {
  ...submittedClaim,
  id: 'clm_2',
  status: 'rejected',
  decision: { outcome: 'rejected', reasons: ['The invoice does not match the device on the policy'], payout: null },
  updatedAt: '2026-11-29T10:00:00Z',
};

/** A small valid PNG (1×1) and files of a given size/type for the file checks. */
export function picture(name = 'damage.png', type = 'image/png', bytes = 68): File {
  return new File([new Uint8Array(bytes)], name, { type });
}
