/**
 * Retries and a circuit breaker for provider calls. Retries happen only where repeating
 * the call cannot do harm (reads, or writes the provider deduplicates), only on network
 * errors, 5xx and 429, with jittered backoff that honours Retry-After and the deadline.
 */
import type { ProviderId } from '../../../../contract/types.ts';
import { ProviderError } from '../../errors.ts';
import { UNAVAILABLE_MESSAGE } from './http.ts';
import { outcomeOf, ProviderHealthWindow } from './provider-health-window.ts';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before letting one through to test. */
  cooldownMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | null = null;
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;

  constructor(
    readonly provider: ProviderId,
    { failureThreshold = 5, cooldownMs = 15_000, now = Date.now }: CircuitBreakerOptions = {},
  ) {
    this.#threshold = failureThreshold;
    this.#cooldownMs = cooldownMs;
    this.#now = now;
  }

  get state(): 'closed' | 'open' | 'half_open' {
    if (this.#openedAt === null) return 'closed';
    return this.#now() - this.#openedAt >= this.#cooldownMs ? 'half_open' : 'open';
  }

  /** Throws at once while the circuit is open: a provider that is down costs no waiting. */
  assertClosed(): void {
    if (this.state === 'open')
      throw new ProviderError({
        provider: this.provider,
        failure: 'unreachable',
        providerCode: 'circuit open',
        shopperMessage: UNAVAILABLE_MESSAGE,
        notSent: true,
      });
  }

  /** Closes the circuit now (tests, and an operator who knows the provider is back). */
  reset(): void {
    this.recordSuccess();
  }

  recordSuccess(): void {
    this.#failures = 0;
    this.#openedAt = null;
  }

  recordFailure(): void {
    this.#failures += 1;
    // A failed trial call in half-open state re-opens for another cooldown.
    if (this.#failures >= this.#threshold || this.state === 'half_open') this.#openedAt = this.#now();
  }
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

/** Failures worth another try: the provider may answer next time. */
export function isRetryable(error: unknown): error is ProviderError {
  return (
    error instanceof ProviderError &&
    (error.failure === 'unreachable' ||
      error.failure === 'rate_limited' ||
      (error.failure === 'provider_error' && (error.status ?? 500) >= 500))
  );
}

/**
 * Failures that count against the circuit: the provider down, slow, overloaded or broken
 * (`kind: 'outage'`, see ProviderErrorKind). A refusal, a 4xx for a request it did not like,
 * or an answer its doc does not describe is the provider working, and closes nothing to others.
 */
export function isOutage(error: unknown): error is ProviderError {
  return error instanceof ProviderError && error.kind === 'outage';
}

export async function withRetries<T>(
  operation: () => Promise<T>,
  { attempts = 3, baseDelayMs = 100, maxDelayMs = 2000, signal, random = Math.random }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error) || signal?.aborted) throw error;
      const retryAfterMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
      // Full jitter: spreads retries from many clients so they do not arrive together.
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random();
      await delay(Math.max(retryAfterMs, backoff), signal);
      if (signal?.aborted) throw error;
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** What one provider's calls go through: its circuit breaker, and retries where safe. */
export class ProviderResilience {
  readonly breaker: CircuitBreaker;
  /** Outcomes of the last hour, for the operator console. */
  readonly health = new ProviderHealthWindow();

  constructor(provider: ProviderId, options: CircuitBreakerOptions = {}) {
    this.breaker = new CircuitBreaker(provider, options);
  }

  async run<T>(operation: () => Promise<T>, { retry, signal }: { retry: boolean; signal?: AbortSignal }): Promise<T> {
    this.breaker.assertClosed();
    try {
      const result = await withRetries(operation, { attempts: retry ? 3 : 1, signal });
      this.breaker.recordSuccess();
      this.health.record('ok');
      return result;
    } catch (error) {
      this.health.record(outcomeOf(error));
      if (isOutage(error)) this.breaker.recordFailure();
      throw error;
    }
  }
}

/** Seconds from a Retry-After header (seconds or an HTTP date); undefined when absent. */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
