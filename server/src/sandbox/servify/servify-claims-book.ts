/** Claims the sandbox has taken, kept across restarts (in `state`); their status is worked out on read. */
import { SandboxState } from '../sandbox-state.ts';
import { firstStatus, laterStatuses, servifyStatuses, type ClaimScenario, type ServifyStatus } from './servify-claim-timeline.ts';
import type { ServifyClaimScenario } from './servify-claim-scenarios.ts';
import type { ServiceTypeCode } from './servify-slots.ts';

export interface SandboxClaim {
  referenceId: string;
  externalReferenceId: string | null;
  soldPlanCode: string;
  contractName: string;
  contractReference: string;
  imei: string;
  brandName: string;
  repeatRepair: boolean;
  scenario: ClaimScenario;
  serviceTypeCode: ServiceTypeCode | null;
  slot: { date: string; slotCode: string; from: string; to: string } | null;
  issues: { issueCode: string; issueCategoryCode: string; issueRemarks?: string }[];
  lossDate: string;
  lossDescription: string;
  consumer: { name: string; mobileNo: string; phoneCode: string };
  address: { address: string; landmark: string; zipcode: string; lat: string; lng: string; addressType: string } | null;
  coveredValue: number | null;
  currencyCode: string;
  createdAt: string;
  withdrawnAt: string | null;
}

export interface ClaimLog extends ServifyStatus {
  at: string;
}

/** Statuses from which updateClaimStatus may still withdraw: nothing has been repaired or decided. */
const WITHDRAWABLE = new Set([servifyStatuses.raised.Status, servifyStatuses.accepted.Status, servifyStatuses.approved.Status]);
const FINAL = new Set([
  servifyStatuses.rejected.Status,
  servifyStatuses.settled.Status,
  servifyStatuses.repaired.Status,
  servifyStatuses.withdrawn.Status,
]);

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function referenceCode(length = 12): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

export function createClaimsBook(now: () => Date, stepMs: number, state: SandboxState = new SandboxState()) {
  const saved = state.load<{ claims: [string, SandboxClaim][]; scenario: ServifyClaimScenario }>();
  const claims = new Map<string, SandboxClaim>(saved?.claims ?? []);
  let scenario: ServifyClaimScenario = saved?.scenario ?? 'approved';
  state.onReset(() => {
    claims.clear();
    scenario = 'approved';
  });
  const save = () => state.save({ claims: [...claims], scenario });

  /** Oldest first, as the doc's Logs read backwards; withdrawal stops the clock. */
  function logs(claim: SandboxClaim): ClaimLog[] {
    const created = Date.parse(claim.createdAt);
    const until = Math.min(now().getTime(), claim.withdrawnAt ? Date.parse(claim.withdrawnAt) : Infinity);
    const steps = laterStatuses(claim.scenario, claim.repeatRepair)
      .map((status, index) => ({ ...status, at: new Date(created + (index + 1) * stepMs).toISOString() }))
      .filter((log) => Date.parse(log.at) <= until);
    const withdrawn = claim.withdrawnAt ? [{ ...servifyStatuses.withdrawn, at: claim.withdrawnAt }] : [];
    return [
      { ...servifyStatuses.raised, at: claim.createdAt },
      { ...firstStatus(claim.repeatRepair), at: claim.createdAt },
      ...steps,
      ...withdrawn,
    ];
  }

  const current = (claim: SandboxClaim): ClaimLog => logs(claim).at(-1)!;

  return {
    logs,
    current,

    /** The salesperson's scenario for new claims (servify-claim-scenarios.ts). */
    scenario: {
      get: () => scenario,
      set(value: ServifyClaimScenario) {
        scenario = value;
        save();
      },
    },

    add(claim: Omit<SandboxClaim, 'referenceId' | 'createdAt' | 'withdrawnAt'>): SandboxClaim {
      const stored: SandboxClaim = { ...claim, referenceId: referenceCode(), createdAt: now().toISOString(), withdrawnAt: null };
      claims.set(stored.referenceId, stored);
      save();
      return stored;
    },

    find(referenceId: unknown, externalReferenceId: unknown): SandboxClaim | undefined {
      if (typeof referenceId === 'string' && referenceId) return claims.get(referenceId);
      if (typeof externalReferenceId !== 'string' || !externalReferenceId) return undefined;
      return [...claims.values()].find((claim) => claim.externalReferenceId === externalReferenceId);
    },

    /** Created between two India days (inclusive), oldest first. */
    between(startDate: string, endDate: string): SandboxClaim[] {
      const start = Date.parse(`${startDate}T00:00:00+05:30`);
      const end = Date.parse(`${endDate}T23:59:59.999+05:30`);
      return [...claims.values()]
        .filter((claim) => Date.parse(claim.createdAt) >= start && Date.parse(claim.createdAt) <= end)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** Whether a live claim (not withdrawn or finished) holds this slot. */
    isBooked(serviceTypeCode: ServiceTypeCode, date: string, from: string): boolean {
      return [...claims.values()].some(
        (claim) =>
          claim.serviceTypeCode === serviceTypeCode &&
          claim.slot?.date === date &&
          claim.slot.from === from &&
          !FINAL.has(current(claim).Status),
      );
    },

    withdrawable: (claim: SandboxClaim) => WITHDRAWABLE.has(current(claim).Status),

    withdraw(claim: SandboxClaim): void {
      claim.withdrawnAt = now().toISOString();
      save();
    },
  };
}
export type ClaimsBook = ReturnType<typeof createClaimsBook>;
