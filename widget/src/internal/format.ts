/** Text and money in the shopper's locale. */
import type { Money, OrderStatus, PlanType, ProviderId } from '../api/types.ts';

export const planTypeLabels: Record<PlanType, string> = {
  EW: 'Extended warranty',
  ADLD: 'Accidental & liquid damage',
  SCREEN: 'Screen protection',
  COMPREHENSIVE: 'Comprehensive cover',
};

export const providerNames: Record<ProviderId, string> = {
  assurify: 'Assurify SmartShield',
  bigfix: 'BigFix',
  servify: 'Servify',
  octamile: 'Octamile',
};

export const orderStatusLabels: Record<OrderStatus, string> = {
  awaiting_payment: 'Awaiting payment',
  binding: 'Being issued',
  active: 'Active',
  pending_activation: 'Waiting for activation',
  pending: 'Under review by the provider',
  declined: 'Declined by the provider',
  failed: 'Could not be issued',
  cancelled: 'Cancelled',
};

/**
 * The `locale` attribute when it is a valid language tag, else the browser's language.
 * A merchant typo must not make `Intl` throw and blank the widget.
 */
export function resolveLocale(locale: string | undefined): string {
  const candidates = [locale, globalThis.navigator?.language, 'en'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical) return canonical;
    } catch {
      // Not a language tag; try the next candidate.
    }
  }
  return 'en';
}

export function formatMoney(money: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      // "₹1,500" reads better than "₹1,500.00"; prices with paise keep their decimals.
      trailingZeroDisplay: 'stripIfInteger',
    }).format(money.amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** "12 months" stays in months; whole years above a year read as "2 years". */
export function formatTerm(months: number): string {
  if (months > 12 && months % 12 === 0) return `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

export function formatDate(isoDate: string | null, locale: string): string {
  if (!isoDate) return '—';
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
