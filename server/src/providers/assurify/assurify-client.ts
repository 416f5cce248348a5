/** Assurify SmartShield's HTTP API: `Authorization: Bearer sk_…`, JSON both ways. */
import { fetchFromProvider, readJson } from '../kit/http.ts';
import { retryAfterSeconds, type ProviderResilience } from '../kit/resilience.ts';
import type { AssurifyConfig } from './assurify-config.ts';
import { assurifyError } from './assurify-errors.ts';
import type { ClaimFile } from '../types.ts';
import { verifyBody, type VerifyFields } from './assurify-claim-body.ts';
import {
  assurifyClaimSchema,
  assurifyPlansSchema,
  assurifySessionSchema,
  assurifySubscriptionSchema,
  unwrapData,
  type AssurifyClaim,
  type AssurifyPlan,
  type AssurifySession,
  type AssurifySubscription,
} from './assurify-schemas.ts';

export interface SessionRequest {
  imei: string;
  customer: string;
  model: string;
  geography: string;
}

export class AssurifyClient {
  constructor(
    private readonly config: Pick<AssurifyConfig, 'baseUrl' | 'secretKey'>,
    private readonly resilience: ProviderResilience,
  ) {}

  /**
   * `POST /v1/session/device/init`: a 15-minute session scoped to one device. Retried: a
   * session nobody attaches on simply lapses, so a second one costs nothing.
   */
  async initSession(request: SessionRequest, signal: AbortSignal): Promise<AssurifySession> {
    return assurifySessionSchema.parse(unwrapData(await this.#call('POST', '/v1/session/device/init', request, signal, { retry: true })));
  }

  /** `GET /v1/plans/eligible?session_id=…` (a session id is no personal data, so a query is fine). */
  async eligiblePlans(sessionId: string, signal: AbortSignal): Promise<AssurifyPlan[]> {
    const query = new URLSearchParams({ session_id: sessionId });
    return assurifyPlansSchema.parse(unwrapData(await this.#call('GET', `/v1/plans/eligible?${query}`, undefined, signal, { retry: true })))
      .plans;
  }

  /**
   * `POST /v1/subscription/attach`: binds the plan; the session cannot be used again. Never
   * retried: Assurify has no idempotency key, and an attach that timed out may have bought.
   */
  async attach(request: { session_id: string; plan_id: string; customer: string }, signal: AbortSignal): Promise<AssurifySubscription> {
    return assurifySubscriptionSchema.parse(
      unwrapData(await this.#call('POST', '/v1/subscription/attach', request, signal, { retry: false })),
    );
  }

  /**
   * `POST /v1/claims/ocr/verify` with the images base64-encoded as the body streams out
   * (assurify-claim-body.ts). Never retried: the body cannot be replayed cheaply, and a
   * claim_ref seen twice is `duplicate_claim_ref` (the adapter then reads the claim's status).
   */
  async verifyClaim(fields: VerifyFields, invoice: ClaimFile, frontPanel: ClaimFile, signal: AbortSignal): Promise<AssurifyClaim> {
    return assurifyClaimSchema.parse(
      unwrapData(
        await this.resilience.run(
          async () => {
            const response = await fetchFromProvider('assurify', `${this.config.baseUrl}/v1/claims/ocr/verify`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${this.config.secretKey}`, Accept: 'application/json', 'Content-Type': 'application/json' },
              body: verifyBody(fields, invoice, frontPanel),
              // A streamed request body (Node's fetch requires saying so).
              duplex: 'half',
              signal,
            } as RequestInit);
            const json = await readJson('assurify', response);
            if (!response.ok) throw assurifyError(response.status, json, retryAfterSeconds(response.headers.get('Retry-After')));
            return json;
          },
          { retry: false, signal },
        ),
      ),
    );
  }

  /** `GET /v1/claims/{id}/status`: "the fallback when the webhook is late". Retried: a read. */
  async claimStatus(claimId: string, signal: AbortSignal): Promise<AssurifyClaim> {
    const path = `/v1/claims/${encodeURIComponent(claimId)}/status`;
    return assurifyClaimSchema.parse(unwrapData(await this.#call('GET', path, undefined, signal, { retry: true })));
  }

  #call(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal, { retry }: { retry: boolean }): Promise<unknown> {
    return this.resilience.run(() => this.#attempt(method, path, body, signal), { retry, signal });
  }

  async #attempt(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.secretKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchFromProvider('assurify', `${this.config.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const json = await readJson('assurify', response);
    if (!response.ok) throw assurifyError(response.status, json, retryAfterSeconds(response.headers.get('Retry-After')));
    return json;
  }
}
