/** Assurify's claim answers and `claim.decision` events → our claim status and decision. */
import type { ClaimType } from '../../../../contract/claims.ts';
import type { PlanType } from '../../../../contract/types.ts';
import type { ProviderClaimResult } from '../types.ts';
import type { AssurifyClaim } from './assurify-schemas.ts';

/** What each SmartShield cover takes claims for (the sandbox refuses others as `claim_type_not_covered`). */
export const CLAIM_TYPES_BY_PLAN: Record<PlanType, ClaimType[]> = {
  EW: ['breakdown'],
  ADLD: ['accidental_damage', 'liquid_damage', 'screen_damage'],
  SCREEN: ['screen_damage'],
  COMPREHENSIVE: ['accidental_damage', 'liquid_damage', 'screen_damage', 'breakdown'],
};

/** Risk flags a rejection names, as a shopper reads them; unknown flags get a general sentence. */
const FLAG_REASONS: Record<string, string> = {
  invoice_vendor_unverified: 'The repair invoice could not be matched to a verified vendor.',
  serial_mismatch: 'The device on the invoice or photo does not match the covered device.',
  amount_above_threshold: 'The repair amount is above what the plan covers without review.',
  image_unreadable: 'The invoice image could not be read. Take a sharper photo.',
  duplicate_invoice: 'This invoice was already used for another claim.',
};

export function reasonsFor(flags: readonly string[]): string[] {
  const reasons = flags.map((flag) => FLAG_REASONS[flag] ?? 'The insurer could not verify the claim.');
  return [...new Set(reasons)];
}

export function toClaimResult(claim: AssurifyClaim): ProviderClaimResult {
  const providerReferences: Record<string, string> = {};
  if (claim.claim_id) providerReferences.assurifyClaimId = claim.claim_id;
  if (claim.payout_id) providerReferences.payoutId = claim.payout_id;
  if (claim.decision === undefined || claim.status === 'pending')
    return { status: 'in_review', reference: claim.claim_ref, decision: null, providerReferences };
  if (claim.decision === 'REJECTED')
    return {
      status: 'rejected',
      reference: claim.claim_ref,
      decision: { outcome: 'rejected', reasons: reasonsFor(claim.risk_flags), payout: null },
      providerReferences,
    };
  const amount = claim.extracted?.amount;
  return {
    status: 'approved',
    reference: claim.claim_ref,
    decision: {
      outcome: 'approved',
      reasons: [],
      payout: claim.payout_id && typeof amount === 'number' ? { amount, currency: 'INR', reference: claim.payout_id } : null,
    },
    providerReferences,
  };
}
