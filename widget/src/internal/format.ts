/** Text, money and dates in the shopper's locale. */
import type { Money, OrderStatus, PlanType } from '../../../contract/types.ts';
import type { Translate } from './localize.ts';

/** The order plan types are grouped and shown in. */
export const planTypeOrder: readonly PlanType[] = ['EW', 'ADLD', 'SCREEN', 'COMPREHENSIVE'];

export function planTypeLabel(type: PlanType | string, t: Translate): string {
  switch (type) {
    case 'EW':
      return t('plan.EW', 'Extended warranty');
    case 'ADLD':
      return t('plan.ADLD', 'Accidental & liquid damage');
    case 'SCREEN':
      return t('plan.SCREEN', 'Screen protection');
    case 'COMPREHENSIVE':
      return t('plan.COMPREHENSIVE', 'Comprehensive cover');
    default:
      return type;
  }
}

/**
 * The insurer's name as shoppers know it, which the server sends with each offer (the
 * server's registry is the only list of providers); its id where an older server sends none.
 * Brand names are not translated.
 */
export const providerLabel = (offer: { provider: string; providerName?: string }) => offer.providerName ?? offer.provider;

export function orderStatusLabel(status: OrderStatus | string, t: Translate): string {
  switch (status) {
    case 'awaiting_payment':
      return t('status.awaiting_payment', 'Awaiting payment');
    case 'binding':
      return t('status.binding', 'Being issued');
    case 'active':
      return t('status.active', 'Active');
    case 'pending_activation':
      return t('status.pending_activation', 'Waiting for activation');
    case 'pending':
      return t('status.pending', 'Under review by the provider');
    case 'declined':
      return t('status.declined', 'Declined by the provider');
    case 'failed':
      return t('status.failed', 'Could not be issued');
    case 'cancelled':
      return t('status.cancelled', 'Cancelled');
    default:
      return status;
  }
}

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

/** "12 months" stays in months; whole years above a year read as "2 years" (in the locale's words). */
export function formatTerm(months: number, locale: string): string {
  const years = months > 12 && months % 12 === 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: years ? 'year' : 'month', unitDisplay: 'long' }).format(
    years ? months / 12 : months,
  );
}

export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '—';
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** Only web addresses become links; a `javascript:` URL from anywhere must never be clickable. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Comma-separated attribute → set of trimmed, non-empty items (case kept). */
export function parseList(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
}
