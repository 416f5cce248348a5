/** Octamile's formats ↔ ours: cover periods, names, consumer keys, cover ids, statuses. */
import { createHash, randomInt } from 'node:crypto';
import type { RequirableField } from '../../../../contract/schemas.ts';
import type { OrderStatus } from '../../../../contract/types.ts';

export const OCTAMILE_REQUIRES: RequirableField[] = ['device.imei', 'customer.name', 'customer.email', 'customer.phone'];

export const OCTAMILE_COVERS = ['Accidental and liquid damage', 'Screen damage', 'Mechanical and electrical breakdown'];

/** `7d`, `1m`, `6m`, `1y` → months (a few days count as one month: termMonths is a whole number). */
export function periodMonths(period: string): number {
  const match = /^(\d+)([dmy])$/.exec(period);
  if (!match) throw new Error(`bad cover period ${period}`);
  const count = Number(match[1]);
  if (match[2] === 'y') return count * 12;
  if (match[2] === 'm') return count;
  return Math.max(1, Math.round(count / 30));
}

export function periodLabel(period: string): string {
  const match = /^(\d+)([dmy])$/.exec(period)!;
  const count = Number(match[1]);
  const unit = { d: 'day', m: 'month', y: 'year' }[match[2] as 'd' | 'm' | 'y'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Octamile wants first and last names: the last word is the last name, the rest the first. */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { first: words[0]!, last: words[0]! };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! };
}

/** The key a consumer id is remembered under: a hash, so no email or phone sits in our tables in clear. */
export function consumerKey(merchantId: string, email: string, phone: string): string {
  // Per merchant: one shop's shopper never lands under a profile (name, details) another shop created.
  const identity = `octamile-consumer\n${merchantId}\n${email.trim().toLowerCase()}\n${phone.trim()}`;
  return `consumer:${createHash('sha256').update(identity).digest('hex')}`;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A transaction reference (cover id): 32 lowercase letters and digits, as the doc asks. */
export function newCoverId(): string {
  return Array.from({ length: 32 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** `dump entt_<consumer>|insr_<product>-<cover>*STATUS` and the activation command share this path. */
export function coverPath(consumerId: string, product: string, coverId: string): string {
  return `entt_${consumerId}|insr_${product}-${coverId}`;
}

export const STATUS_OF: Record<'p' | 'd' | 'a', Extract<OrderStatus, 'pending' | 'declined' | 'active'>> = {
  p: 'pending',
  d: 'declined',
  a: 'active',
};

/** `2023-04-07 05:55:09` → ISO. The doc gives no zone; we read it as UTC. */
export function parseTimestamp(value: string | undefined): string | null {
  if (!value) return null;
  const parsed = Date.parse(`${value.trim().replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}
