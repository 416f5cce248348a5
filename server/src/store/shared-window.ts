/**
 * A limit shared by every instance on one database: a sliding window over a minute, estimated
 * from two fixed windows (the current one, plus the previous one weighted by how much of it is
 * still inside the last minute), counted in the store's `shared_counters`. Rate limits and
 * provider budgets use it when the store is shared (PostgreSQL).
 */
import type { Store } from './types.ts';

export type SharedCounters = Required<Pick<Store, 'addToCounter' | 'readCounter'>>;

/** The store's shared counters, where it has them (PostgreSQL); undefined for a store of one process. */
export function sharedCountersOf(store: Store): SharedCounters | undefined {
  return store.addToCounter && store.readCounter ? (store as SharedCounters) : undefined;
}

export interface SlidingWindowOptions {
  counters: SharedCounters;
  /** Spends allowed in any `windowMs`. */
  limit: number;
  windowMs?: number;
}

export function slidingWindow({ counters, limit, windowMs = 60_000 }: SlidingWindowOptions) {
  async function carriedOver(key: string, now: number) {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const previous = await counters.readCounter(key, windowStart - windowMs);
    const stillInside = 1 - (now - windowStart) / windowMs;
    return { windowStart, previous, carried: Math.ceil(previous * stillInside) };
  }

  /** Milliseconds until `cost` more could fit: when enough of the previous window has slid out, or the next window begins. */
  function waitMs(now: number, windowStart: number, previous: number, cost: number): number {
    const untilNextWindow = windowStart + windowMs - now;
    const untilSlid = previous > 0 ? (cost / previous) * windowMs : untilNextWindow;
    return Math.max(1000, Math.ceil(Math.min(untilNextWindow, untilSlid)));
  }

  return {
    /** Spends `cost` if it fits: null; otherwise the milliseconds to wait (nothing spent). */
    async spend(key: string, cost = 1, now = Date.now()): Promise<number | null> {
      const { windowStart, previous, carried } = await carriedOver(key, now);
      const total = await counters.addToCounter(key, windowStart, cost, limit - carried);
      return total !== null ? null : waitMs(now, windowStart, previous, cost);
    },
    /** The milliseconds to wait where `key` is at its limit, without spending; null otherwise. */
    async blocked(key: string, now = Date.now()): Promise<number | null> {
      const { windowStart, previous, carried } = await carriedOver(key, now);
      const current = await counters.readCounter(key, windowStart);
      return carried + current >= limit ? waitMs(now, windowStart, previous, 1) : null;
    },
  };
}
