/**
 * Servify's HTTP API: every call signed (client-id, x-date, x-host, hmac-signature), every
 * body RSA-encrypted both ways, and a 15-minute session token that this client renews
 * before it lapses — and once more on a `TOK.EXP.001` answer — without the caller noticing.
 */
import type { KeyObject } from 'node:crypto';
import type { ServifyConfig } from './servify-config.ts';
import { fetchFromProvider } from '../kit/http.ts';
import { ProviderResilience, retryAfterSeconds, withRetries } from '../kit/resilience.ts';
import { decryptBody, encryptBody, formatXDate, hmacSignature, importPrivateKey, importPublicKey } from './servify-crypto.ts';
import { servifyError, TOKEN_EXPIRED, unreadableAnswer } from './servify-errors.ts';
import { encryptedBodySchema, servifyEnvelopeSchema, tokenSchema, type ServifyEnvelope } from './servify-schemas.ts';

/** Renew this long before the token's own expiry, so a call never races it. */
const RENEW_BEFORE_MS = 60_000;
const TOKEN_TIMEOUT_MS = 8000;

export type ServifyClientConfig = Pick<
  ServifyConfig,
  'baseUrl' | 'clientId' | 'clientSignature' | 'xHost' | 'servifyPublicKey' | 'clientPrivateKey'
>;

export interface ServifyClientOptions {
  /** The clock for `x-date` and token expiry; tests skew it. */
  now?: () => Date;
  /** Servify's circuit breaker (one per provider, from the registry). */
  resilience?: ProviderResilience;
}

/** Whether a call may be repeated: reads may, writes Servify does not deduplicate for us may not. */
export interface CallOptions {
  requestCode?: string;
  retry?: boolean;
}

/** The envelope, with the Retry-After that came with it (a header, so outside the encrypted body). */
type Answer = ServifyEnvelope & { retryAfterSeconds: number | undefined };

interface Session {
  token: string;
  expiresAt: number;
}

export class ServifyClient {
  readonly #config: ServifyClientConfig;
  readonly #now: () => Date;
  readonly #resilience: ProviderResilience;
  readonly #keys: Promise<{ servify: KeyObject; client: KeyObject }>;
  #session: Promise<Session> | null = null;

  constructor(
    config: ServifyClientConfig,
    { now = () => new Date(), resilience = new ProviderResilience('servify') }: ServifyClientOptions = {},
  ) {
    this.#config = config;
    this.#now = now;
    this.#resilience = resilience;
    this.#keys = Promise.all([importPublicKey(config.servifyPublicKey), importPrivateKey(config.clientPrivateKey)]).then(
      ([servify, client]) => ({ servify, client }),
    );
    // Keys are checked at start by config; a rejection here must not be unhandled before first use.
    this.#keys.catch(() => undefined);
  }

  /**
   * Calls `path` (e.g. `/Contract/checkEligibility`) and returns the decrypted `data`, through
   * the circuit breaker; `retry` repeats it on network errors, 5xx and 429 (reads only).
   */
  call(path: string, body: unknown, signal: AbortSignal, { requestCode, retry = false }: CallOptions = {}): Promise<unknown> {
    return this.#resilience.run(() => this.#callOnce(path, body, signal, requestCode), { retry, signal });
  }

  async #callOnce(path: string, body: unknown, signal: AbortSignal, requestCode: string | undefined): Promise<unknown> {
    let session = await this.#currentSession();
    let envelope = await this.#send(path, body, signal, { token: session.token, requestCode });
    if (envelope.errorCode === TOKEN_EXPIRED) {
      // Servify may end a session early (restart, revocation): one fresh token, one retry.
      await this.#forget(session);
      session = await this.#currentSession();
      envelope = await this.#send(path, body, signal, { token: session.token, requestCode });
    }
    if (!envelope.success) throw servifyError(envelope.status, envelope, envelope.retryAfterSeconds);
    return envelope.data;
  }

  async #currentSession(): Promise<Session> {
    if (this.#session) {
      const session = await this.#session.catch(() => null);
      if (session && session.expiresAt - RENEW_BEFORE_MS > this.#now().getTime()) return session;
      if (session) await this.#forget(session);
    }
    // Concurrent calls share one generateToken request, under its own deadline: one caller
    // giving up must not fail the others waiting on the same token.
    this.#session ??= this.#generateToken(AbortSignal.timeout(TOKEN_TIMEOUT_MS));
    const pending = this.#session;
    try {
      return await pending;
    } catch (error) {
      if (this.#session === pending) this.#session = null;
      throw error;
    }
  }

  /** Drops a stale session unless a concurrent call has already replaced it. */
  async #forget(session: Session): Promise<void> {
    const current = await this.#session?.catch(() => null);
    if (!current || current === session) this.#session = null;
  }

  /**
   * A token is a read: retried here (not through the breaker, which sees the call that
   * needed it) because callers share it and none of them should fail on one lost answer.
   */
  async #generateToken(signal: AbortSignal): Promise<Session> {
    const envelope = await withRetries(
      async () => {
        const answer = await this.#send('/Auth/generateToken', {}, signal, {});
        if (!answer.success) throw servifyError(answer.status, answer, answer.retryAfterSeconds);
        return answer;
      },
      // Two tries: a read that needed this token is retried whole by the breaker's run as well.
      { attempts: 2, signal },
    );
    const parsed = tokenSchema.safeParse(envelope.data);
    if (!parsed.success) throw unreadableAnswer(envelope.status, 'generateToken answered without a token');
    const { token, ttl } = parsed.data;
    // The doc says `ttl` is the expiry timestamp in seconds; a small number would be a duration.
    const expiresAt = ttl > 1e9 ? ttl * 1000 : this.#now().getTime() + ttl * 1000;
    return { token, expiresAt };
  }

  async #send(
    path: string,
    body: unknown,
    signal: AbortSignal,
    { token, requestCode }: { token?: string; requestCode?: string },
  ): Promise<Answer> {
    const keys = await this.#keys;
    const xDate = formatXDate(this.#now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'client-id': this.#config.clientId,
      'x-date': xDate,
      'x-host': this.#config.xHost,
      'hmac-signature': await hmacSignature(this.#config.clientSignature, xDate, this.#config.xHost),
    };
    if (token) headers['client-session-id'] = token;
    if (requestCode) headers['request-code'] = requestCode;
    const encrypted = await encryptBody(keys.servify, JSON.stringify(body));
    const response = await fetchFromProvider('servify', `${this.#config.baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ $data: encrypted }),
      signal,
    });
    return this.#readEnvelope(response, keys.client);
  }

  async #readEnvelope(response: Response, privateKey: KeyObject): Promise<Answer> {
    const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch (error) {
      throw unreadableAnswer(response.status, 'non-JSON body', error, retryAfter);
    }
    // Servify cannot encrypt to a client it did not recognise, so some failures come in clear.
    const encrypted = encryptedBodySchema.safeParse(json);
    if (encrypted.success) {
      try {
        json = JSON.parse(new TextDecoder().decode(await decryptBody(privateKey, encrypted.data.$data)));
      } catch (error) {
        throw unreadableAnswer(response.status, 'body not decryptable with our private key', error);
      }
    }
    const envelope = servifyEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw unreadableAnswer(response.status, 'body is not the Servify envelope', undefined, retryAfter);
    return { ...envelope.data, retryAfterSeconds: retryAfter };
  }
}
