/**
 * The claim lifecycle as data, like orders/order-transitions.ts: every move a claim may make,
 * and why. The claims service refuses any other, so no provider answer or event can put a
 * claim somewhere the lifecycle has no way out of (DESIGN.md, "Claim statuses").
 */
import type { ClaimStatus } from '../../../contract/claims.ts';

export interface ClaimTransition {
  readonly from: ClaimStatus;
  readonly to: readonly ClaimStatus[];
  readonly why: string;
}

export const CLAIM_TRANSITIONS: readonly ClaimTransition[] = [
  { from: 'submitted', to: ['in_review', 'approved', 'rejected'], why: 'the provider took the claim: under review, or decided at once' },
  { from: 'submitted', to: ['scheduled'], why: 'the provider booked the chosen visit or pickup slot' },
  { from: 'in_review', to: ['approved', 'rejected'], why: 'the provider decided (a decision event or a status check)' },
  { from: 'in_review', to: ['scheduled'], why: 'the provider approved a repair and booked it' },
  { from: 'scheduled', to: ['in_repair', 'rejected'], why: 'the device reached the repairer, or the inspection refused the claim' },
  { from: 'in_repair', to: ['closed'], why: 'repaired and returned' },
  { from: 'approved', to: ['closed'], why: 'the payout or repair is complete' },
  { from: 'submitted', to: ['withdrawn'], why: 'the shopper or merchant withdrew it before a decision' },
  { from: 'in_review', to: ['withdrawn'], why: 'the shopper or merchant withdrew it before a decision' },
  { from: 'scheduled', to: ['withdrawn'], why: 'the shopper or merchant withdrew it before the repair' },
];

/** True where the table has the edge `from → to` (staying put is always allowed: new details, same status). */
export function canTransitionClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return from === to || CLAIM_TRANSITIONS.some((transition) => transition.from === from && transition.to.includes(to));
}

/** Settled: the provider has nothing more to say. */
export const FINAL_CLAIM_STATUSES: readonly ClaimStatus[] = ['rejected', 'closed', 'withdrawn'];
/** Waiting on the provider: asked for news when read. */
export const REFRESHABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'scheduled', 'in_repair', 'approved'];
/** Open for withdrawal where the provider allows it. */
export const WITHDRAWABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'scheduled'];
/** Claims still open on an order: a second claim of the same type waits for the first. */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'in_review', 'scheduled', 'in_repair'];
