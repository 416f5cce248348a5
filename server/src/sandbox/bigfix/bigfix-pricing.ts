import type { BigfixCategory, BigfixPlan, BigfixPlanType, BigfixRateTable } from './bigfix-rate-table.ts';

/**
 * `toFixed` rounds the exact binary value, as the provider's Python `round(x, 2)` does
 * (2.675 → 2.67); the two differ only on exact binary ties such as 0.125, where Python rounds to even.
 */
export function roundToCents(amount: number): number {
  return Number(amount.toFixed(2));
}

/** The one ADLD formula, shared by quote and create so the two can never disagree. */
export function adldPremium(devicePrice: number, yearlyRate: number, years: number): number {
  return roundToCents(devicePrice * yearlyRate * years);
}

/** The one EW formula, shared by quote and create so the two can never disagree. */
export function extendedWarrantyPremium(devicePrice: number, durationRate: number): number {
  return roundToCents(devicePrice * durationRate);
}

export interface BigfixCategoryMatch {
  name: string;
  rates: BigfixCategory;
}

/** Expects the already Title-Cased product name, as BigFix looks it up. */
export function findCategory(rateTable: BigfixRateTable, product: string): BigfixCategoryMatch | undefined {
  const name = rateTable.productCategories[product];
  const rates = name === undefined ? undefined : rateTable.categories[name];
  return name === undefined || rates === undefined ? undefined : { name, rates };
}

export function findPlan(rateTable: BigfixRateTable, category: string, type: BigfixPlanType, years: number): BigfixPlan | undefined {
  return rateTable.plans.find((plan) => plan.category === category && plan.type === type && plan.years === years);
}

/** The doc's examples key quotes as "1 Year", "2 Year" (singular), unlike the create's "2 Years". */
function quoteLabel(years: number): string {
  return `${years} Year`;
}

/** Offers exactly the durations the ADLD create would accept for the same inputs. */
export function adldQuotePlans(
  rateTable: BigfixRateTable,
  category: BigfixCategoryMatch,
  yearlyRate: number,
  devicePrice: number,
): Record<string, number> {
  const plans: Record<string, number> = {};
  for (let years = 1; years <= category.rates.adld.maximumYears; years++) {
    if (findPlan(rateTable, category.name, 'ADLD', years)) {
      plans[quoteLabel(years)] = adldPremium(devicePrice, yearlyRate, years);
    }
  }
  return plans;
}

/** Offers exactly the durations the EW create would accept for the same inputs. */
export function extendedWarrantyQuotePlans(
  rateTable: BigfixRateTable,
  category: BigfixCategoryMatch,
  devicePrice: number,
): Record<string, number> {
  const plans: Record<string, number> = {};
  const { maximumYears, rateByDurationIndex } = category.rates.extendedWarranty;
  rateByDurationIndex.forEach((durationRate, durationIndex) => {
    const years = durationIndex + 1;
    if (years <= maximumYears && findPlan(rateTable, category.name, 'EW', years)) {
      plans[quoteLabel(years)] = extendedWarrantyPremium(devicePrice, durationRate);
    }
  });
  return plans;
}
