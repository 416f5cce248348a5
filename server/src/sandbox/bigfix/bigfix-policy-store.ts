import { SandboxState } from '../sandbox-state.ts';
import type { BigfixPlanType } from './bigfix-rate-table.ts';

export interface BigfixPolicy {
  policyId: string;
  orderId: string;
  type: BigfixPlanType;
  planNumber: string;
  product: string;
  category: string;
  years: number;
  devicePrice: number;
  premium: number;
  policySource: string;
  /** The request as received, so a later lookup endpoint can echo customer and device details. */
  request: Record<string, unknown>;
  devicePurchaseDate: Date;
  brandWarrantyStart: Date;
  brandWarrantyEnd: Date;
  planPurchaseDate: Date;
  status: 'Created';
}

export type BigfixPolicyDraft = Omit<BigfixPolicy, 'policyId' | 'orderId'>;

/** Cart order numbers start here so sandbox ids look like the doc's (BASC1042). */
const firstOrderNumber = 1001;

/** UTC, so ids do not depend on the machine's time zone; the doc does not say which zone BigFix uses. */
function yearMonthDay(date: Date): string {
  return date.toISOString().slice(2, 10).replaceAll('-', '');
}

const DATE_FIELDS = ['devicePurchaseDate', 'brandWarrantyStart', 'brandWarrantyEnd', 'planPurchaseDate'] as const;

interface Saved {
  policies: BigfixPolicy[];
  sequenceByDay: [string, number][];
  nextOrderNumber: number;
}

export function createBigfixPolicyStore(state: SandboxState = new SandboxState()) {
  const saved = state.load<Saved>();
  // JSON keeps dates as strings: they come back as Dates.
  const revive = (policy: BigfixPolicy): BigfixPolicy => ({
    ...policy,
    ...Object.fromEntries(DATE_FIELDS.map((field) => [field, new Date(policy[field])])),
  });
  const policies = new Map<string, BigfixPolicy>((saved?.policies ?? []).map((policy) => [policy.policyId, revive(policy)]));
  const sequenceByDay = new Map<string, number>(saved?.sequenceByDay ?? []);
  let nextOrderNumber = saved?.nextOrderNumber ?? firstOrderNumber;
  state.onReset(() => {
    policies.clear();
    sequenceByDay.clear();
    nextOrderNumber = firstOrderNumber;
  });

  return {
    policies: policies as ReadonlyMap<string, BigfixPolicy>,

    /** Assigns `B{YYMMDD}P{plan}{sequence}` (sequence restarts each day) and `BASC{count}`. */
    create(draft: BigfixPolicyDraft): BigfixPolicy {
      const day = yearMonthDay(draft.planPurchaseDate);
      const sequence = (sequenceByDay.get(day) ?? 0) + 1;
      sequenceByDay.set(day, sequence);
      const policy: BigfixPolicy = {
        ...draft,
        policyId: `B${day}P${draft.planNumber}${String(sequence).padStart(4, '0')}`,
        orderId: `BASC${nextOrderNumber++}`,
      };
      policies.set(policy.policyId, policy);
      // The request as received holds the shopper's details: it stays in memory, not on disk.
      const stored = [...policies.values()].map((kept) => ({ ...kept, request: {} }));
      state.save({ policies: stored, sequenceByDay: [...sequenceByDay], nextOrderNumber } satisfies Saved);
      return policy;
    },
  };
}

export type BigfixPolicyStore = ReturnType<typeof createBigfixPolicyStore>;
