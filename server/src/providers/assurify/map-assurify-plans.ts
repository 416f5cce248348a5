/** Assurify SmartShield plans → our plan quotes. */
import type { RequirableField } from '../../../../contract/schemas.ts';
import type { PlanType } from '../../../../contract/types.ts';
import type { PlanQuote } from '../types.ts';
import type { AssurifyPlan, AssurifySession } from './assurify-schemas.ts';

const TYPES: Record<string, PlanType> = {
  EW: 'EW',
  ADLD: 'ADLD',
  SCREEN: 'SCREEN',
  SCREEN_PROTECTION: 'SCREEN',
  COMPREHENSIVE: 'COMPREHENSIVE',
};

const COVERS: Record<PlanType, string[]> = {
  EW: ['Manufacturing defects after the brand warranty ends', 'Parts and labour'],
  ADLD: ['Accidental drops and cracked screens', 'Liquid spills'],
  SCREEN: ['One screen replacement a year'],
  COMPREHENSIVE: ['Accidental and liquid damage', 'Manufacturing defects after the brand warranty ends'],
};

const NAMES: Record<PlanType, string> = {
  EW: 'SmartShield Extended Warranty',
  ADLD: 'SmartShield Accidental & Liquid Damage',
  SCREEN: 'SmartShield Screen Protection',
  COMPREHENSIVE: 'SmartShield Complete',
};

/** The IMEI identifies the device at Assurify; the rest identifies the shopper's subscription. */
export const ASSURIFY_REQUIRES: RequirableField[] = ['device.imei', 'customer.name', 'customer.email', 'customer.phone'];

export function planTypeOf(plan: AssurifyPlan): PlanType | null {
  return TYPES[plan.coverage_type.toUpperCase()] ?? null;
}

/** `customer` is the id the session was opened for: the doc binds a session to its customer, so attach sends the same. */
export function toPlanQuotes(session: AssurifySession, plans: AssurifyPlan[], customer: string): PlanQuote[] {
  return plans
    .filter((plan) => plan.bharati_valid)
    .flatMap((plan): PlanQuote[] => {
      const type = planTypeOf(plan);
      if (!type) return [];
      return [
        {
          type,
          planCode: plan.plan_id,
          name: plan.name ?? NAMES[type],
          termMonths: plan.term_months,
          price: { amount: plan.premium_inr, currency: 'INR' },
          requires: ASSURIFY_REQUIRES,
          covers: COVERS[type],
          // The bind attaches on this session while it lives, and opens a new one after.
          context: { sessionId: session.session_id, sessionExpiresAt: session.expires_at, customer },
          // "Session TTL: 15 min": the offer ends with the session it was priced in.
          expiresAt: session.expires_at,
        },
      ];
    });
}
