/** A stored claim as the API shows it: no address, issue code or provider ids (support reads those). */
import type { Claim } from '../../../contract/claims.ts';
import type { StoredClaim } from '../store/types.ts';

export function presentClaim(claim: StoredClaim): Claim {
  return {
    id: claim.id,
    orderId: claim.orderId,
    livemode: claim.livemode,
    provider: claim.provider,
    status: claim.status,
    type: claim.type,
    reference: claim.reference,
    incident: claim.incident,
    appointment: claim.appointment,
    decision: claim.decision,
    timeline: claim.timeline,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}
