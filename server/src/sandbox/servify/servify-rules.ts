/**
 * The sandbox's eligibility rules and prices, and the IMEIs that trigger each documented
 * answer. Exported so tests and the README list the same table.
 */

export interface SandboxPlan {
  planCode: string;
  planName: string;
  /** Share of the device's purchase cost, rounded to whole rupees. */
  rate: number;
  /** A device bought longer ago than this cannot join the plan. */
  maxDeviceAgeDays: number;
}

export const servifySandboxPlans: SandboxPlan[] = [
  { planCode: 'SFYADLD01', planName: 'Servify Accidental & Liquid Damage Protection', rate: 0.06, maxDeviceAgeDays: 30 },
  { planCode: 'SFYEW01', planName: 'Servify Extended Warranty, 1 year', rate: 0.04, maxDeviceAgeDays: 180 },
  { planCode: 'SFYSCR01', planName: 'Servify Screen Protection', rate: 0.03, maxDeviceAgeDays: 30 },
];

export const SUPPORTED_COUNTRY = 'IN';
export const SUPPORTED_CURRENCY = 'INR';
export const PURCHASE_COST_RANGE = { min: 5000, max: 250_000 } as const;
/** The doc writes the same sub-category three ways (Smartphone, SMART_PHONE, SMARTPHONE). */
export const SUPPORTED_SUB_CATEGORIES = ['SMARTPHONE', 'SMART_PHONE'];

/** Each documented EligibilityStatusCode but ELIGIBLE_FOR_PLAN, forced by one Luhn-valid IMEI. */
export const servifyEligibilityTriggers = {
  ALREADY_REGISTERED_AGAINST_POLICY: '357309000000012',
  UNSUPPORTED_DEVICE_DATE_OF_PURCHASE: '357309000000020',
  UNSUPPORTED_DEVICE: '357309000000038',
  UNSUPPORTED_PRODUCT_PURCHASE_COST: '357309000000046',
  INVALID_REQUEST_PARAMS: '357309000000053',
  UNSUPPORTED_LAST_REPAIR_DATE: '357309000000061',
  UNSUPPORTED_COUNTRY: '357309000000079',
  INVALID_DEVICE_UNIQUE_IDENTIFIER: '357309000000087',
  UNSUPPORTED_APP: '357309000000095',
  UNSUPPORTED_PLAN_PRICE: '357309000000103',
} as const;

/** IMEIs that make other calls answer differently. */
export const servifyOtherTriggers = {
  /** Eligible and sold, but cancelContract answers `isCancellable: false`. */
  notCancellable: '357309000000202',
  /** checkEligibility answers `SM.WTR.500`. */
  serverError: '357309000000301',
  /** checkEligibility answers `API.LIMIT.429`. */
  rateLimited: '357309000000319',
} as const;

/** The doc's "Eligibility Status Codes" table, verbatim. */
export const eligibilityDescriptions: Record<string, string> = {
  ALREADY_REGISTERED_AGAINST_POLICY: 'This device is already registered under the desired plan',
  UNSUPPORTED_DEVICE_DATE_OF_PURCHASE: 'Sorry, you have missed the last date to protect your device under this plan',
  UNSUPPORTED_DEVICE: 'This plan does not cover the desired device model',
  UNSUPPORTED_PRODUCT_PURCHASE_COST: 'This plan does not cover the desired device model purchased at the mentioned price',
  INVALID_REQUEST_PARAMS: "Sorry, we didn't receive all the information needed for activating the contract",
  UNSUPPORTED_LAST_REPAIR_DATE: 'Sorry, the last repair date of this device is older than the allowed limit for contract activation',
  ELIGIBLE_FOR_PLAN: 'Congratulations, this device is eligible to be protected under the desired plan',
  UNSUPPORTED_COUNTRY: 'Sorry, this plan is not yet available in your desired country',
  INVALID_DEVICE_UNIQUE_IDENTIFIER: 'The device serial number/IMEI seems to be invalid',
  UNSUPPORTED_APP: 'Sorry, you are not authorised to do this transaction',
  UNSUPPORTED_PLAN_PRICE: "Sorry, we couldn't find the plan price for your device",
};

export interface EligibilityInput {
  PlanCode: string;
  ProductUniqueID: string;
  ProductPurchaseCost: number;
  CountryCode: string;
  ProductSubCategoryCode: string;
  DeviceDateOfPurchase?: string;
}

export type EligibilityDecision = { code: 'ELIGIBLE_FOR_PLAN'; plan: SandboxPlan; price: number } | { code: string; plan?: SandboxPlan };

/** Decides as Servify would; `isRegistered` says whether a live contract already holds the device under this plan. */
export function decideEligibility(input: EligibilityInput, now: Date, isRegistered: boolean): EligibilityDecision {
  const trigger = Object.entries(servifyEligibilityTriggers).find(([, imei]) => imei === input.ProductUniqueID);
  if (trigger) return { code: trigger[0] };
  const plan = servifySandboxPlans.find((candidate) => candidate.planCode === input.PlanCode);
  if (!plan) return { code: 'UNSUPPORTED_PLAN_PRICE' };
  if (input.CountryCode !== SUPPORTED_COUNTRY) return { code: 'UNSUPPORTED_COUNTRY', plan };
  if (!/^[A-Za-z0-9-]{4,40}$/.test(input.ProductUniqueID)) return { code: 'INVALID_DEVICE_UNIQUE_IDENTIFIER', plan };
  if (!SUPPORTED_SUB_CATEGORIES.includes(input.ProductSubCategoryCode.toUpperCase())) return { code: 'UNSUPPORTED_DEVICE', plan };
  if (input.ProductPurchaseCost < PURCHASE_COST_RANGE.min || input.ProductPurchaseCost > PURCHASE_COST_RANGE.max)
    return { code: 'UNSUPPORTED_PRODUCT_PURCHASE_COST', plan };
  if (input.DeviceDateOfPurchase) {
    const ageDays = (now.getTime() - Date.parse(`${input.DeviceDateOfPurchase}T00:00:00Z`)) / 86_400_000;
    if (ageDays > plan.maxDeviceAgeDays || ageDays < -1) return { code: 'UNSUPPORTED_DEVICE_DATE_OF_PURCHASE', plan };
  }
  if (isRegistered) return { code: 'ALREADY_REGISTERED_AGAINST_POLICY', plan };
  return { code: 'ELIGIBLE_FOR_PLAN', plan, price: Math.round(input.ProductPurchaseCost * plan.rate) };
}
