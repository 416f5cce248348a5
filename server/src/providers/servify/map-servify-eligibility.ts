/** Servify eligibility answers → our plan quotes, or a sentence a shopper understands. */
import type { RequirableField } from '../../../../contract/schemas.ts';
import type { PlanType } from '../../../../contract/types.ts';
import type { PlanQuote } from '../types.ts';
import type { Eligibility } from './servify-schemas.ts';

export const ELIGIBLE = 'ELIGIBLE_FOR_PLAN';
export const ALREADY_REGISTERED = 'ALREADY_REGISTERED_AGAINST_POLICY';

const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** What the shopper reads when Servify already covers the device (`until`: YYYY-MM-DD, where Servify said). */
export function alreadyCoveredMessage(until: string | null, planType?: PlanType): string {
  const date = until && /^\d{4}-\d{2}-\d{2}$/.test(until) ? DAY_MONTH_YEAR.format(new Date(`${until}T00:00:00Z`)) : null;
  const what = planType ? `${PLAN_WORDS[planType]} cover from Servify` : 'a Servify plan';
  return `This device already has ${what}${date ? ` until ${date}` : ''}.`;
}

const PLAN_WORDS: Record<PlanType, string> = {
  ADLD: 'accidental damage',
  EW: 'extended warranty',
  SCREEN: 'screen protection',
  COMPREHENSIVE: 'comprehensive',
};

/** The doc's "Eligibility Status Codes", reworded for the shopper (and without blame). */
const messages: Record<string, string> = {
  ALREADY_REGISTERED_AGAINST_POLICY: 'This device is already protected under this plan.',
  UNSUPPORTED_DEVICE_DATE_OF_PURCHASE: 'This device was bought too long ago to be protected under this plan.',
  UNSUPPORTED_DEVICE: 'This plan does not cover this device model.',
  UNSUPPORTED_PRODUCT_PURCHASE_COST: 'This plan does not cover a device bought at this price.',
  INVALID_REQUEST_PARAMS: 'Some device details are missing, so this plan cannot be offered yet.',
  UNSUPPORTED_LAST_REPAIR_DATE: 'This device was repaired too long ago to be protected under this plan.',
  UNSUPPORTED_COUNTRY: 'This plan is not yet available in your country.',
  INVALID_DEVICE_UNIQUE_IDENTIFIER: 'The IMEI or serial number does not look right. Please check it.',
  UNSUPPORTED_APP: 'This plan cannot be sold through this shop.',
  UNSUPPORTED_PLAN_PRICE: 'There is no price for this plan on this device.',
};

export function eligibilityMessage(code: string): string {
  return messages[code] ?? 'This plan is not available for this device.';
}

/** Our unavailable code for an eligibility status: its own name, lower-cased. */
export function unavailableCode(code: string): string {
  return code.toLowerCase();
}

/** Servify plan codes carry no type; the codes we sell name theirs (ADLD, EW, SCREEN). */
export function planTypeOf(planCode: string): PlanType {
  if (/ADLD/i.test(planCode)) return 'ADLD';
  if (/EW/i.test(planCode)) return 'EW';
  if (/SCR/i.test(planCode)) return 'SCREEN';
  return 'COMPREHENSIVE';
}

const COVERS: Record<PlanType, string[]> = {
  ADLD: ['Accidental and liquid damage', 'Cashless repair at Servify service centres', 'Doorstep pickup and drop'],
  EW: ['Manufacturing defects after the brand warranty ends', 'Parts and labour', 'Doorstep pickup and drop'],
  SCREEN: ['Cracked or broken screen', 'Cashless screen replacement'],
  COMPREHENSIVE: ['Accidental and liquid damage', 'Manufacturing defects', 'Doorstep pickup and drop'],
};

export function toPlanQuote(
  planCode: string,
  eligibility: Eligibility,
  identifier: 'device.imei' | 'device.serial',
  purchaseDate: string,
): PlanQuote | null {
  if (!eligibility.IsEligible || eligibility.EligibilityStatusCode !== ELIGIBLE) return null;
  if (eligibility.PlanPrice === undefined || !eligibility.CurrencyCode) return null;
  const type = planTypeOf(planCode);
  const requires: RequirableField[] = [identifier, 'customer.name', 'customer.email', 'customer.phone', 'customer.address'];
  return {
    type,
    planCode,
    name: eligibility.PlanName ?? planCode,
    // Servify's eligibility answer gives no term; its plans are sold for a year.
    termMonths: 12,
    price: { amount: eligibility.PlanPrice, currency: eligibility.CurrencyCode },
    requires,
    covers: COVERS[type],
    context: { devicePurchaseDate: purchaseDate },
  };
}
