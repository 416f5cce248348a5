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

export function createBigfixPolicyStore() {
  const policies = new Map<string, BigfixPolicy>();
  const sequenceByDay = new Map<string, number>();
  let nextOrderNumber = firstOrderNumber;

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
      return policy;
    },
  };
}

export type BigfixPolicyStore = ReturnType<typeof createBigfixPolicyStore>;
