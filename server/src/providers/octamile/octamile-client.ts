/**
 * Octamile's API: one URL, every command a POST whose body carries our credentials.
 * Answers are always HTTP 200; outcome 35 ("at full capacity") is retried with
 * exponential backoff and jitter a bounded number of times, 55 is their error.
 * Command bodies hold personal data: they are sent, never logged.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderError } from '../../errors.ts';
import { fetchFromProvider, readJson, UNAVAILABLE_MESSAGE } from '../kit/http.ts';
import { ProviderResilience, retryAfterSeconds, withRetries } from '../kit/resilience.ts';
import type { OctamileConfig } from './octamile-config.ts';
import { octamileOutcomeSchema, OUTCOME, type OctamileRequest } from './octamile-schemas.ts';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

export const REFUSED_MESSAGE = 'Octamile could not process this request. Check the details, or choose another plan.';

/** Outcome 35: Octamile did not take the command, so sending it again is always safe. */
const BUSY = Symbol('busy');

export type CommandBody = { json: OctamileRequest } | { stream: () => ReadableStream<Uint8Array> | null };

export class OctamileClient {
  constructor(
    private readonly config: Pick<OctamileConfig, 'endpoint' | 'customerId' | 'authorizationId' | 'authorizationKey'>,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly resilience = new ProviderResilience('octamile'),
  ) {}

  request(command: string, seed?: Record<string, unknown>): OctamileRequest {
    return {
      userInfo: { id: this.config.customerId, athrzt: { id: this.config.authorizationId, key: this.config.authorizationKey } },
      cmmnd: seed === undefined ? { cmmnd: command } : { cmmnd: command, seed },
    };
  }

  /**
   * Sends a command until it is not "busy" (or attempts run out); returns the answer of
   * outcome 75. The whole exchange is one call for the circuit breaker: busy answers that
   * a later attempt got past are Octamile working as documented, so only busy to the last
   * attempt counts (as rate-limited), like a network failure or a 5xx does. `retry` adds
   * retries on network errors and 5xx, for commands that are safe to repeat.
   */
  send(body: CommandBody, signal: AbortSignal, { retry = false }: { retry?: boolean } = {}): Promise<Record<string, unknown>> {
    return this.resilience.run(() => this.#sendUntilNotBusy(body, signal, retry), { retry: false, signal });
  }

  async #sendUntilNotBusy(body: CommandBody, signal: AbortSignal, retry: boolean): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      // Busy answers resolve (not throw), so these retries see only outages, never outcome 35.
      const answer = await withRetries(() => this.#attempt(body, signal), { attempts: retry ? 3 : 1, signal });
      if (answer !== BUSY) return answer;
      if (attempt >= this.retry.attempts)
        throw new ProviderError({
          provider: 'octamile',
          failure: 'rate_limited',
          providerCode: `${OUTCOME.busy} after ${attempt} attempts`,
          shopperMessage: 'The insurer is busy right now. Please try again in a minute.',
        });
      await sleep(this.#delay(attempt), undefined, { signal }).catch(() => {
        throw new ProviderError({
          provider: 'octamile',
          failure: 'timeout',
          providerCode: 'deadline exceeded while waiting to retry',
          shopperMessage: UNAVAILABLE_MESSAGE,
        });
      });
    }
  }

  async #attempt(body: CommandBody, signal: AbortSignal): Promise<Record<string, unknown> | typeof BUSY> {
    const payload = 'json' in body ? JSON.stringify(body.json) : body.stream();
    if (payload === null)
      throw new ProviderError({
        provider: 'octamile',
        failure: 'rate_limited',
        providerCode: `${OUTCOME.busy} (cannot resend a streamed body)`,
        shopperMessage: UNAVAILABLE_MESSAGE,
      });
    const response = await fetchFromProvider('octamile', this.config.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: payload,
      signal,
      // Node's fetch needs this to send a stream as the request body.
      ...(typeof payload === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);
    // Octamile itself always answers 200; a proxy or gateway in front of it may not.
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
      const failure = response.status === 429 ? 'rate_limited' : 'provider_error';
      throw new ProviderError({
        provider: 'octamile',
        failure,
        providerCode: `HTTP ${response.status}`,
        shopperMessage: UNAVAILABLE_MESSAGE,
        status: response.status,
        retryAfterSeconds: retryAfter,
      });
    }
    const json = await readJson('octamile', response);
    const outcome = octamileOutcomeSchema.safeParse(json);
    if (!outcome.success)
      throw new ProviderError({
        provider: 'octamile',
        failure: 'provider_error',
        providerCode: 'answer without exctnFdbck',
        shopperMessage: UNAVAILABLE_MESSAGE,
      });
    const id = outcome.data.exctnFdbck.id;
    if (id === OUTCOME.ok) return json as Record<string, unknown>;
    if (id === OUTCOME.busy) return BUSY;
    // 55, "I could not process your request", is an answer: Octamile did not act. The doc has
    // no other error code, so it stands for bad input, a consumer it forgot and a passing
    // fault alike; none of them proves Octamile is down for other shoppers, so it is a refusal
    // (never `binding`, never the circuit). An outcome the doc does not list proves nothing.
    if (id === OUTCOME.error)
      throw new ProviderError({
        provider: 'octamile',
        failure: 'refused',
        providerCode: OUTCOME.error,
        shopperMessage: REFUSED_MESSAGE,
      });
    throw new ProviderError({
      provider: 'octamile',
      failure: 'provider_error',
      kind: 'unknown',
      providerCode: `unknown outcome ${id.slice(0, 8)}`,
      shopperMessage: UNAVAILABLE_MESSAGE,
    });
  }

  /** Equal jitter: half an exponentially growing ceiling plus a random half, so retries do not arrive in step. */
  #delay(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
