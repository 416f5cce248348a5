/**
 * Servify's claim answers → our claim: issues, slots, and statuses along our lifecycle.
 * A Servify claim made with a visit or pickup is `scheduled` from the start (the slot is
 * booked) and moves to `in_repair` and `closed`; one raised without a visit (a repeat repair)
 * is `in_review` until approved, then `closed`. A rejection carries the display text of its
 * log as the reasons; a settlement (the device beyond economical repair) the amount paid.
 */
import type { ClaimDecision, ClaimIssue, ClaimSlot, ClaimStatus, ClaimType } from '../../../../contract/claims.ts';
import { canTransitionClaim } from '../../claims/claim-transitions.ts';
import type { ServifyClaimDetails, ServifyClaimLog, ServifyIssue, ServifySlot } from './servify-claims-schemas.ts';

export function toClaimIssue(issue: ServifyIssue): ClaimIssue {
  return { code: issue.issueCode, category: issue.issueCategory || 'Other', label: issue.issue };
}

const KINDS = { CLAIM_CARRYIN: 'carry_in', CLAIM_PICKUP: 'pickup' } as const;

/** Our slot code names the service type and the day: Servify's codes (slot_1…) repeat every day. */
export function toClaimSlot(slot: ServifySlot): ClaimSlot {
  return {
    code: `${KINDS[slot.serviceTypeCode]}:${slot.date}:${slot.slotCode}`,
    date: slot.date,
    from: slot.from.slice(0, 5),
    to: slot.to.slice(0, 5),
    kind: KINDS[slot.serviceTypeCode],
  };
}

/** The service type an appointment code was listed for (toClaimSlot's inverse); null for a code we did not list. */
export function serviceTypeOfSlotCode(code: string): ServifySlot['serviceTypeCode'] | null {
  const kind = code.split(':')[0];
  if (kind === 'carry_in') return 'CLAIM_CARRYIN';
  if (kind === 'pickup') return 'CLAIM_PICKUP';
  return null;
}

/** The claim types a plan takes: extended warranty covers breakdowns, ADLD accidents and liquid. */
export function claimTypesFor(planType: string): ClaimType[] {
  if (planType === 'EW') return ['breakdown'];
  if (planType === 'SCREEN') return ['screen_damage'];
  if (planType === 'ADLD') return ['accidental_damage', 'liquid_damage', 'screen_damage'];
  return ['accidental_damage', 'liquid_damage', 'screen_damage', 'breakdown'];
}

type Stage = 'open' | 'approved' | 'repairing' | 'repaired' | 'settled' | 'rejected' | 'withdrawn';

/**
 * Servify's statuses by code where the doc gives one, else by text (spaces and case vary: the
 * doc writes "Serviceaccepted" and "Service accepted"). SC0011, SC0062, SC0063 are the
 * sandbox's codes for statuses the doc names no code for; their texts are matched too.
 */
const byCode: Record<string, Stage> = {
  SC0061: 'open',
  SC0059: 'approved',
  SC0034: 'approved',
  SC0011: 'repairing',
  SC0002: 'repaired',
  SC0062: 'rejected',
  SC0063: 'settled',
  SC0060: 'withdrawn',
  SC0003: 'withdrawn',
};
const byText: Record<string, Stage> = {
  claimraised: 'open',
  claiminitiated: 'open',
  serviceaccepted: 'open',
  inprincipleapproved: 'approved',
  advancecollected: 'approved',
  workinprogress: 'repairing',
  repaircompleted: 'repaired',
  claimrejected: 'rejected',
  claimsettled: 'settled',
  claimwithdrawn: 'withdrawn',
  servicecancel: 'withdrawn',
};

function stageOf(status: string, code: string | null | undefined): Stage | null {
  return (code && byCode[code]) || byText[status.toLowerCase().replace(/[^a-z]/g, '')] || null;
}

function ourStatus(stage: Stage, visit: boolean): ClaimStatus {
  switch (stage) {
    case 'open':
      return visit ? 'scheduled' : 'in_review';
    case 'approved':
      return visit ? 'scheduled' : 'approved';
    case 'repairing':
      return visit ? 'in_repair' : 'approved';
    case 'repaired':
    case 'settled':
      return 'closed';
    default:
      return stage;
  }
}

/** Our status for one Servify status; null for a status we do not know (the claim stays as it is). */
export function claimStatusOf(status: string, code: string | null | undefined, visit: boolean): ClaimStatus | null {
  const stage = stageOf(status, code);
  return stage ? ourStatus(stage, visit) : null;
}

/**
 * The next status the claim may take towards where Servify's logs say it is. Servify moves
 * on whether or not we ask, so a claim read rarely may be several steps behind; our
 * lifecycle takes one edge at a time, so each read moves it one edge along Servify's path.
 */
export function nextClaimStatus(current: ClaimStatus, details: ServifyClaimDetails, visit: boolean): ClaimStatus {
  const logs = [...(details.Logs ?? [])].sort((a, b) => (a.CreatedOn ?? '').localeCompare(b.CreatedOn ?? ''));
  const path = [...logs, { Status: details.Status, StatusCode: details.StatusCode }]
    .map((log) => claimStatusOf(log.Status, log.StatusCode, visit))
    .filter((status): status is ClaimStatus => status !== null);
  const position = path.lastIndexOf(current);
  return path.slice(position + 1).find((status) => status !== current && canTransitionClaim(current, status)) ?? current;
}

function rejectionReasons(logs: ServifyClaimLog[]): string[] {
  const log = logs.find((entry) => stageOf(entry.Status, entry.StatusCode) === 'rejected');
  const text = (log?.StatusDisplayText ?? '').replace(/^claim rejected:?\s*/i, '').trim();
  return text ? text.split(/;\s*/).map((reason) => (/[.!?]$/.test(reason) ? reason : `${reason}.`)) : ['Servify rejected the claim.'];
}

/** What Servify decided by now: null while it has not. */
export function claimDecisionOf(details: ServifyClaimDetails): ClaimDecision | null {
  const stage = stageOf(details.Status, details.StatusCode);
  if (stage === 'rejected') return { outcome: 'rejected', reasons: rejectionReasons(details.Logs ?? []), payout: null };
  if (stage === 'approved' || stage === 'repairing' || stage === 'repaired') return { outcome: 'approved', reasons: [], payout: null };
  if (stage !== 'settled') return null;
  const paid = (details.Charges ?? []).filter((charge) => /claim amount/i.test(charge.ChargeType ?? '') && charge.Amount);
  const amount = paid.reduce((sum, charge) => sum + (charge.Amount ?? 0), 0);
  return {
    outcome: 'approved',
    reasons: [],
    payout: amount > 0 ? { amount, currency: paid[0]?.CurrencyCode ?? 'INR', reference: details.ReferenceID } : null,
  };
}
