/**
 * The sandbox's stand-in for BigFix's server-side configuration. The real values are not
 * published; these are plausible figures chosen so that every documented branch
 * (ineligible product, duration over the cap, plan missing, rates missing) can be reached.
 */

export type BigfixBrandType = 'Apple' | 'Non-Apple';
export type BigfixPlanType = 'ADLD' | 'EW';

export interface BigfixAdldCategory {
  maximumYears: number;
  /** Premium per year of cover, as a fraction of the device price. */
  yearlyRateByBrandType: Partial<Record<BigfixBrandType, number>>;
}

export interface BigfixExtendedWarrantyCategory {
  maximumYears: number;
  /** Index 0 is the 1-year plan; each rate is a fraction of the device price for the whole term. */
  rateByDurationIndex: number[];
}

export interface BigfixCategory {
  adld: BigfixAdldCategory;
  extendedWarranty: BigfixExtendedWarrantyCategory;
}

export interface BigfixPlan {
  /** Three digits, embedded in policy ids (`B{YYMMDD}P{planNumber}{sequence}`). */
  planNumber: string;
  category: string;
  type: BigfixPlanType;
  years: number;
}

export interface BigfixRateTable {
  /** Title-Case product name → category; products and categories are separate so aliases can share rates. */
  productCategories: Record<string, string>;
  categories: Record<string, BigfixCategory>;
  plans: BigfixPlan[];
}

export const bigfixRateTable: BigfixRateTable = {
  productCategories: {
    Mobile: 'Mobile',
    Smartphone: 'Mobile',
    Laptop: 'Laptop',
    Tablet: 'Tablet',
    Smartwatch: 'Smartwatch',
  },
  categories: {
    Mobile: {
      adld: { maximumYears: 2, yearlyRateByBrandType: { Apple: 0.1, 'Non-Apple': 0.08 } },
      extendedWarranty: { maximumYears: 2, rateByDurationIndex: [0.04, 0.07] },
    },
    Laptop: {
      adld: { maximumYears: 3, yearlyRateByBrandType: { Apple: 0.07, 'Non-Apple': 0.06 } },
      extendedWarranty: { maximumYears: 3, rateByDurationIndex: [0.05, 0.09, 0.12] },
    },
    Tablet: {
      // The cap allows 2 years but only a 1-year plan exists, so "plan not available" is reachable.
      adld: { maximumYears: 2, yearlyRateByBrandType: { Apple: 0.09, 'Non-Apple': 0.075 } },
      // Likewise the cap allows 3 years but only 2 are rated.
      extendedWarranty: { maximumYears: 3, rateByDurationIndex: [0.045, 0.08] },
    },
    Smartwatch: {
      // Mapped and capped but never rated: drives the 500 on the EW quote and the missing-rate errors.
      adld: { maximumYears: 1, yearlyRateByBrandType: {} },
      extendedWarranty: { maximumYears: 1, rateByDurationIndex: [] },
    },
  },
  plans: [
    { planNumber: '001', category: 'Mobile', type: 'ADLD', years: 1 },
    { planNumber: '002', category: 'Mobile', type: 'ADLD', years: 2 },
    { planNumber: '003', category: 'Laptop', type: 'ADLD', years: 1 },
    { planNumber: '004', category: 'Laptop', type: 'ADLD', years: 2 },
    { planNumber: '005', category: 'Laptop', type: 'ADLD', years: 3 },
    { planNumber: '006', category: 'Tablet', type: 'ADLD', years: 1 },
    { planNumber: '101', category: 'Mobile', type: 'EW', years: 1 },
    { planNumber: '102', category: 'Mobile', type: 'EW', years: 2 },
    { planNumber: '103', category: 'Laptop', type: 'EW', years: 1 },
    { planNumber: '104', category: 'Laptop', type: 'EW', years: 2 },
    { planNumber: '105', category: 'Laptop', type: 'EW', years: 3 },
    { planNumber: '106', category: 'Tablet', type: 'EW', years: 1 },
    { planNumber: '107', category: 'Tablet', type: 'EW', years: 2 },
  ],
};
