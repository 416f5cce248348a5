/**
 * A provider's call budget for quotes, below its rate limit and shared fairly between merchants
 * (issue 12, finding 8: one client's quotes drained Assurify for every merchant). Quotes may
 * spend `QUOTE_SHARE` of the limit, leaving the rest for binds, status reads and activations,
 * which follow a payment and are never refused here. Each merchant that has the provider
 * enabled gets an equal share of the quote budget, over a sliding minute: a merchant (or one
 * client of it) at its share is told `provider_busy` while the others quote on.
 *
 * In memory, per instance; with a shared store (PostgreSQL) `spend` counts in the database, so
 * several instances behind a load balancer share one budget (a sliding minute, store/shared-window.ts).
 */
import { slidingWindow, type SharedCounters } from '../../store/shared-window.ts';

const WINDOW_MS = 60_000;
/** The part of the provider's limit quotes may use. */
export const QUOTE_SHARE = 0.8;

export interface ProviderBudgetOptions {
  /** The provider's limit, in calls per minute. */
  perMinute: number;
  /** The merchants with this provider enabled; each gets an equal share. */
  merchantIds: readonly string[];
  now?: () => number;
  /** The provider's id, naming its shared counters. */
  provider?: string;
  /** Counters every instance shares; unset, the budget is this instance's own. */
  shared?: SharedCounters | undefined;
}

export class ProviderBudget {
  readonly perMerchant: number;
  readonly #spent = new Map<string, { at: number; cost: number }[]>();
  readonly #now: () => number;
  readonly #shared: ReturnType<typeof slidingWindow> | undefined;
  readonly #provider: string;

  constructor({ perMinute, merchantIds, now = Date.now, provider = 'provider', shared }: ProviderBudgetOptions) {
    this.perMerchant = Math.max(1, Math.floor((perMinute * QUOTE_SHARE) / Math.max(1, merchantIds.length)));
    this.#now = now;
    this.#provider = provider;
    this.#shared = shared ? slidingWindow({ counters: shared, limit: this.perMerchant, windowMs: WINDOW_MS }) : undefined;
  }

  /**
   * Spends from the shared budget where there is one (every instance's quotes add up), else
   * `trySpend`. A database that fails leaves this instance's own count to decide.
   */
  async spend(merchantId: string, cost: number): Promise<boolean> {
    if (!this.#shared || cost <= 0) return this.trySpend(merchantId, cost);
    return this.#shared.spend(`budget:${this.#provider}:${merchantId}`, cost, this.#now()).then(
      (wait) => wait === null,
      () => this.trySpend(merchantId, cost),
    );
  }

  /** Spends `cost` calls of the merchant's share if they fit in the last minute; false (nothing spent) if not. */
  trySpend(merchantId: string, cost: number): boolean {
    if (cost <= 0) return true;
    const time = this.#now();
    const recent = (this.#spent.get(merchantId) ?? []).filter((entry) => time - entry.at < WINDOW_MS);
    const used = recent.reduce((sum, entry) => sum + entry.cost, 0);
    if (used + cost > this.perMerchant) {
      this.#spent.set(merchantId, recent);
      return false;
    }
    recent.push({ at: time, cost });
    this.#spent.set(merchantId, recent);
    return true;
  }
}
