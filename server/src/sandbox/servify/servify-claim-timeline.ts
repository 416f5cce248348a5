/**
 * How a sandbox claim moves, one step every `stepMs` after it was raised (computed on read, so
 * it survives restarts and needs no timer), and the phrases in `descriptionOfLoss` a
 * salesperson types to steer it. Statuses and codes are the doc's where it gives them
 * ("Claim raised", "Service accepted" SC0061, "In-principle approved" SC0059, "Claim withdrawn"
 * SC0060, "Repair completed" SC0002); the doc names no code for work in progress, a rejection
 * or a settlement, so SC0011, SC0062 and SC0063 are the sandbox's choice.
 */

import type { ServifyClaimScenario } from './servify-claim-scenarios.ts';

export interface ServifyStatus {
  Status: string;
  StatusCode?: string;
  StatusDisplayText: string;
}

export const servifyStatuses = {
  raised: { Status: 'Claim raised', StatusDisplayText: 'Claim raised' },
  accepted: { Status: 'Service accepted', StatusCode: 'SC0061', StatusDisplayText: 'Your request has been registered' },
  approved: { Status: 'In-principle approved', StatusCode: 'SC0059', StatusDisplayText: 'In-Principle Approval received' },
  inRepair: { Status: 'Work in progress', StatusCode: 'SC0011', StatusDisplayText: 'Your device is being repaired' },
  repaired: { Status: 'Repair completed', StatusCode: 'SC0002', StatusDisplayText: 'Your device has been repaired' },
  rejected: { Status: 'Claim rejected', StatusCode: 'SC0062', StatusDisplayText: 'Claim rejected' },
  settled: {
    Status: 'Claim settled',
    StatusCode: 'SC0063',
    StatusDisplayText: 'The device cannot be repaired economically: the covered value has been paid',
  },
  withdrawn: { Status: 'Claim withdrawn', StatusCode: 'SC0060', StatusDisplayText: 'Claim withdrawn' },
} satisfies Record<string, ServifyStatus>;

/** Phrases in `descriptionOfLoss` (any case) that choose a scenario; anything else is repaired. */
export const servifyClaimTriggers = {
  /** Reviewed, then rejected with reasons. */
  rejected: 'rejected',
  /** Approved and sent for repair, then settled by a payment (beyond economical repair). */
  payout: 'payout',
  /** createClaimRequest answers that the slot was taken meanwhile (and the slot shows taken). */
  slotTaken: 'slot taken',
  /** Refused: the loss happened after the cover ended. */
  coverEnded: 'cover ended',
} as const;

export type ClaimScenario = 'repair' | 'rejected' | 'payout';

/** The trigger a description of loss names, or null where it names none. */
export function triggerIn(description: string): keyof typeof servifyClaimTriggers | null {
  const text = description.toLowerCase();
  const found = Object.entries(servifyClaimTriggers).find(([, phrase]) => text.includes(phrase));
  return (found?.[0] as keyof typeof servifyClaimTriggers | undefined) ?? null;
}

export function scenarioOf(description: string, chosen: ServifyClaimScenario): ClaimScenario {
  const trigger = triggerIn(description);
  if (trigger === 'rejected' || trigger === 'payout') return trigger;
  if (trigger) return 'repair';
  return chosen === 'rejected' || chosen === 'payout' ? chosen : 'repair';
}

/** The reasons a rejected sandbox claim gives, shown to the shopper as Servify's display text. */
export const REJECTION_REASONS = ['The damage found is not covered by the plan', 'The device shows signs of tampering'] as const;

/**
 * The statuses after the first, one per step. createClaimRequest starts "Service accepted" and
 * is reviewed; raiseClaimRequest (a repeat repair) starts "In-principle approved".
 */
export function laterStatuses(scenario: ClaimScenario, repeatRepair: boolean): ServifyStatus[] {
  const review = repeatRepair ? [] : [servifyStatuses.approved];
  switch (scenario) {
    case 'rejected':
      return [{ ...servifyStatuses.rejected, StatusDisplayText: `Claim rejected: ${REJECTION_REASONS.join('; ')}` }];
    case 'payout':
      return [...review, servifyStatuses.inRepair, servifyStatuses.settled];
    default:
      return [...review, servifyStatuses.inRepair, servifyStatuses.repaired];
  }
}

export function firstStatus(repeatRepair: boolean): ServifyStatus {
  return repeatRepair ? servifyStatuses.approved : servifyStatuses.accepted;
}
