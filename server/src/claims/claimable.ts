/** Only a policy in force takes a claim: an active order, within its cover dates. */
import type { StoredOrder } from '../store/types.ts';
import { ClaimConflict } from './claim-errors.ts';

export function checkClaimable(order: StoredOrder, now = Date.now()): void {
  if (order.status !== 'active' || !order.policy)
    throw new ClaimConflict(
      'claim_not_allowed',
      `This plan is ${order.status.replace('_', ' ')}: claims can be made once the insurer has activated the cover.`,
    );
  const startsAt = order.policy.startsAt ? Date.parse(order.policy.startsAt) : Number.NaN;
  const endsAt = order.policy.endsAt ? Date.parse(order.policy.endsAt) : Number.NaN;
  if (!Number.isNaN(startsAt) && now < startsAt)
    throw new ClaimConflict(
      'claim_not_allowed',
      `The cover starts on ${order.policy.startsAt!.slice(0, 10)}: claims can be made from then.`,
    );
  if (!Number.isNaN(endsAt) && now > endsAt)
    throw new ClaimConflict('cover_ended', `The cover ended on ${order.policy.endsAt!.slice(0, 10)}, so this plan takes no new claims.`);
}
