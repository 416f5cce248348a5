/**
 * What a provider's calls ended in over the last hour, minute by minute, in memory: the
 * operator console's "provider health". A ring of 60 one-minute buckets per provider, so
 * it costs the same after a year as after a minute (per instance, forgotten on restart).
 */
import type { ProviderErrorKind } from '../../errors.ts';

export type CallOutcome = 'ok' | ProviderErrorKind;

export interface OutcomeCounts {
  ok: number;
  refused: number;
  outage: number;
  unknown: number;
}

interface Bucket extends OutcomeCounts {
  minute: number;
}

const MINUTE_MS = 60_000;
export const HEALTH_WINDOW_MINUTES = 60;

const emptyCounts = (): OutcomeCounts => ({ ok: 0, refused: 0, outage: 0, unknown: 0 });

export class ProviderHealthWindow {
  readonly #buckets: (Bucket | undefined)[] = new Array(HEALTH_WINDOW_MINUTES);
  readonly #now: () => number;

  constructor({ now = Date.now }: { now?: () => number } = {}) {
    this.#now = now;
  }

  record(outcome: CallOutcome): void {
    const minute = Math.floor(this.#now() / MINUTE_MS);
    const slot = minute % HEALTH_WINDOW_MINUTES;
    let bucket = this.#buckets[slot];
    // A bucket from an hour (or more) ago is reused for this minute.
    if (!bucket || bucket.minute !== minute) this.#buckets[slot] = bucket = { minute, ...emptyCounts() };
    bucket[outcome] += 1;
  }

  /** The counts of the last hour, in total and per minute (oldest first, minutes with no call left out). */
  lastHour(): { total: OutcomeCounts; minutes: (OutcomeCounts & { at: string })[] } {
    const current = Math.floor(this.#now() / MINUTE_MS);
    const recent = this.#buckets
      .filter((bucket): bucket is Bucket => bucket !== undefined && current - bucket.minute < HEALTH_WINDOW_MINUTES)
      .sort((left, right) => left.minute - right.minute);
    const total = emptyCounts();
    for (const bucket of recent) for (const key of Object.keys(total) as CallOutcome[]) total[key] += bucket[key];
    return {
      total,
      minutes: recent.map(({ minute, ...counts }) => ({ at: new Date(minute * MINUTE_MS).toISOString(), ...counts })),
    };
  }
}

/** The outcome of a finished call: a ProviderError's kind, anything else thrown counts as unknown. */
export function outcomeOf(error: unknown): CallOutcome {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return kind === 'refused' || kind === 'outage' || kind === 'unknown' ? kind : 'unknown';
}
