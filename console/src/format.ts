/** Money, dates and ages as an operator reads them (the browser's locale). */
import type { Money } from './console-types.ts';

export const formatMoney = (money: Money) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency, maximumFractionDigits: 2 }).format(money.amount);

export const formatDate = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

/** "3 h ago", "2 d ago": how long an order has waited. */
export function formatAge(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}
