/** How the Assurify sandbox prices plans: by the device model's reference price, in INR. */

/** Reference retail prices the "BharatiWarrantyCost tiers" are computed from. */
const MODEL_PRICES: [pattern: RegExp, price: number][] = [
  [/iphone 16 pro/i, 119_900],
  [/iphone 1[56]/i, 79_900],
  [/galaxy s2[34]/i, 74_999],
  [/galaxy a5/i, 39_999],
  [/oneplus 12/i, 64_999],
  [/redmi|nord/i, 19_999],
  // The doc prices "against device model rules" and its session takes no price: models the
  // sandbox knows beyond phones are listed by their Indian retail price (Coverkit itself
  // quotes Assurify for phones and tablets only: it identifies devices by IMEI).
  [/ipad pro/i, 99_900],
  [/ipad|galaxy tab/i, 49_900],
  [/xps|macbook pro/i, 1_39_990],
  [/macbook air/i, 1_14_900],
  [/thinkpad|inspiron|pavilion|envy|ideapad/i, 69_990],
];
const DEFAULT_PRICE = 29_999;

export interface SandboxPlan {
  plan_id: string;
  name: string;
  coverage_type: 'EW' | 'ADLD' | 'SCREEN';
  term_months: number;
  premium_inr: number;
  bharati_valid: boolean;
}

export function referencePrice(model: string): number {
  return MODEL_PRICES.find(([pattern]) => pattern.test(model))?.[1] ?? DEFAULT_PRICE;
}

/**
 * Plans for a model. `surcharge` (a fraction) makes the price move between sessions: the
 * `Drift` trigger uses it so tests can see a re-quote refuse a changed price.
 */
export function plansFor(model: string, surcharge = 0): SandboxPlan[] {
  const price = referencePrice(model) * (1 + surcharge);
  const premium = (rate: number, floor: number) => Math.max(floor, Math.round(price * rate));
  const plans: SandboxPlan[] = [
    {
      plan_id: 'extended_warranty',
      name: 'SmartShield Extended Warranty',
      coverage_type: 'EW',
      term_months: 12,
      premium_inr: premium(0.035, 599),
      bharati_valid: true,
    },
    {
      plan_id: 'adld_12m',
      name: 'SmartShield Accidental & Liquid Damage',
      coverage_type: 'ADLD',
      term_months: 12,
      premium_inr: premium(0.07, 999),
      bharati_valid: true,
    },
  ];
  // Screen-only cover is sold for phones under ₹80,000 (their screens cost less to replace);
  // laptops' screens are not sold on their own.
  if (price < 80_000 && !/xps|macbook|thinkpad|inspiron|pavilion|envy|ideapad/i.test(model)) {
    plans.push({
      plan_id: 'screen_protection',
      name: 'SmartShield Screen Protection',
      coverage_type: 'SCREEN',
      term_months: 12,
      premium_inr: premium(0.025, 399),
      bharati_valid: true,
    });
  }
  return plans;
}
