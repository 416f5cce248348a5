/**
 * Identical quotes within a short while are answered from memory, so a page that asks again
 * (a refresh, a second tab, a client in a loop) does not spend the provider's budget. Keyed on
 * merchant, provider, device and country through a keyed digest (HMAC with a key of this
 * process): no IMEI is kept or logged in the clear, and the key cannot be guessed from outside.
 * Only answers are kept (plans or "unavailable"), never failures.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { QuoteDevice, QuoteOutcome } from '../types.ts';
import { createMemoCache, type MemoCache } from './memo-cache.ts';

export const QUOTE_CACHE_TTL_MS = 30_000;

export interface QuoteCacheKey {
  merchantId: string;
  provider: string;
  device: QuoteDevice;
  country: string;
}

export class QuoteCache {
  readonly #key = randomBytes(32);
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Bumped by `forget`: answers stored under an older generation are never found again. */
  readonly #generations = new Map<string, number>();
  #memo: MemoCache<QuoteOutcome>;

  constructor({ ttlMs = QUOTE_CACHE_TTL_MS, now = Date.now }: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = ttlMs;
    this.#now = now;
    this.#memo = this.#fresh();
  }

  /** The cached answer for this quote, or `fetcher`'s (concurrent identical quotes share one call). */
  get(key: QuoteCacheKey, fetcher: () => Promise<QuoteOutcome>): Promise<QuoteOutcome> {
    return this.#memo.get(this.digest(key), fetcher);
  }

  /** Forgets a merchant's answers from one provider: a bind there can change what it quotes (a device now covered). */
  forget(merchantId: string, provider: string): void {
    const scope = JSON.stringify([merchantId, provider]);
    this.#generations.set(scope, (this.#generations.get(scope) ?? 0) + 1);
  }

  /** Forgets every answer (the sandboxes' fault rules changed, say). */
  clear(): void {
    this.#memo = this.#fresh();
  }

  digest({ merchantId, provider, device, country }: QuoteCacheKey): string {
    const fields = Object.keys(device)
      .sort()
      .map((name) => [name, device[name as keyof QuoteDevice]]);
    const generation = this.#generations.get(JSON.stringify([merchantId, provider])) ?? 0;
    return createHmac('sha256', this.#key)
      .update(JSON.stringify([merchantId, provider, generation, country, fields]))
      .digest('base64url');
  }

  #fresh(): MemoCache<QuoteOutcome> {
    return createMemoCache<QuoteOutcome>({ ttlMs: this.#ttlMs, maxEntries: 5000, now: this.#now });
  }
}
