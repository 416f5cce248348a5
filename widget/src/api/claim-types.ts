/**
 * Claim shapes from the contract (contract/claims.ts), under the names the widget uses.
 * Types only: nothing of the contract's schemas is bundled for them.
 */
export type {
  Claim,
  ClaimContact,
  ClaimDecision,
  ClaimIssue,
  ClaimOptions,
  ClaimSlot,
  ClaimStatus,
  CreateClaimRequest as ClaimRequest,
} from '../../../contract/claims.ts';

/** Statuses after which nothing changes any more: the widget stops asking. */
export const finalClaimStatuses: ReadonlySet<string> = new Set(['approved', 'rejected', 'closed', 'withdrawn']);
