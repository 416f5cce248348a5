/** BigFix premium tables → our plan quotes. */
import type { RequirableField } from '../../../../contract/schemas.ts';
import type { PlanType } from '../../../../contract/types.ts';
import type { PlanQuote } from '../types.ts';
import type { PlanPremiums } from './bigfix-client.ts';

const COVERS: Record<'ADLD' | 'EW', string[]> = {
  ADLD: ['Accidental drops and cracked screens', 'Liquid spills and submersion', 'Cashless repair at authorised centres'],
  EW: ['Manufacturing defects after the brand warranty ends', 'Parts and labour', 'Cashless repair at authorised centres'],
};

/** "1 Year" / "2 Year" / "2 Years" → years. */
export function yearsOf(durationLabel: string): number | null {
  const match = /^(\d+) Years?$/.exec(durationLabel.trim());
  return match ? Number(match[1]) : null;
}

/** The duration string BigFix's create calls accept: "1 Year", "2 Years". */
export function durationLabel(years: number): string {
  return years === 1 ? '1 Year' : `${years} Years`;
}

/** Phones and tablets carry an IMEI; other devices are identified by serial number. */
export function bigfixRequirements(category: string): RequirableField[] {
  const identifier: RequirableField = /^(mobile|tablet)$/i.test(category) ? 'device.imei' : 'device.serial';
  return [identifier, 'device.brandWarrantyYears', 'customer.name', 'customer.email', 'customer.phone', 'customer.address'];
}

export function toPlanQuotes(kind: 'ADLD' | 'EW', premiums: PlanPremiums, category: string): PlanQuote[] {
  const type: PlanType = kind;
  const label = kind === 'ADLD' ? 'Accidental & Liquid Damage Protection' : 'Extended Warranty';
  return Object.entries(premiums)
    .map(([duration, amount]) => ({ years: yearsOf(duration), amount }))
    .filter((entry): entry is { years: number; amount: number } => entry.years !== null && entry.amount > 0)
    .sort((left, right) => left.years - right.years)
    .map(({ years, amount }) => ({
      type,
      planCode: `${kind.toLowerCase()}-${years}y`,
      name: `${label}, ${years} ${years === 1 ? 'year' : 'years'}`,
      termMonths: years * 12,
      price: { amount, currency: 'INR' },
      requires: bigfixRequirements(category),
      covers: COVERS[kind],
      context: { years },
    }));
}
