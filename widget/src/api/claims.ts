/**
 * The /v1 claim calls `<cover-policy>` makes (DESIGN.md "claims"). Kept out of client.ts so
 * the offer view's script-tag entry does not carry them: only the policy chunk imports this.
 * Plain fetch, parsed through the same error envelope as every other call.
 */
import { ApiError, apiErrorFromResponse, isAbortError, secretKeyRefusal } from './api-error.ts';
import type { ApiClientOptions } from './client.ts';
import type { Claim, ClaimOptions } from './claim-types.ts';

export interface ClaimsClient {
  getClaimOptions(orderId: string, clientSecret: string, signal?: AbortSignal): Promise<ClaimOptions>;
  listClaims(orderId: string, clientSecret: string, signal?: AbortSignal): Promise<Claim[]>;
  getClaim(claimId: string, clientSecret: string, signal?: AbortSignal): Promise<Claim>;
  withdrawClaim(claimId: string, clientSecret: string, signal?: AbortSignal): Promise<Claim>;
}

export function createClaimsClient({ apiBase, publishableKey }: ApiClientOptions): ClaimsClient {
  const prefix = `${apiBase.replace(/\/+$/, '')}/v1`;
  const call = async <T>(method: string, path: string, clientSecret: string, signal?: AbortSignal): Promise<T> => {
    // A POST carries a JSON body (the withdraw route takes an optional reason).
    const json = method === 'POST' ? { 'Content-Type': 'application/json' } : undefined;
    const refusal = secretKeyRefusal(publishableKey);
    if (refusal) throw refusal;
    let response: Response;
    try {
      response = await fetch(`${prefix}/${path}`, {
        method,
        signal,
        credentials: 'omit',
        headers: { Authorization: `Bearer ${publishableKey}`, 'X-Client-Secret': clientSecret, ...json },
        body: json ? '{}' : undefined,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ApiError({ code: 'network_error', message: 'The request could not be sent' });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw apiErrorFromResponse(response.status, response.statusText, body);
    return body as T;
  };
  const order = (orderId: string) => `orders/${encodeURIComponent(orderId)}`;
  const claim = (claimId: string) => `claims/${encodeURIComponent(claimId)}`;
  return {
    getClaimOptions: (orderId, clientSecret, signal) => call<ClaimOptions>('GET', `${order(orderId)}/claim-options`, clientSecret, signal),
    listClaims: async (orderId, clientSecret, signal) => {
      const body = await call<{ data?: Claim[]; claims?: Claim[] }>('GET', `${order(orderId)}/claims`, clientSecret, signal);
      return body.data ?? body.claims ?? [];
    },
    getClaim: async (claimId, clientSecret, signal) => (await call<{ claim: Claim }>('GET', claim(claimId), clientSecret, signal)).claim,
    withdrawClaim: async (claimId, clientSecret, signal) =>
      (await call<{ claim: Claim }>('POST', `${claim(claimId)}/withdraw`, clientSecret, signal)).claim,
  };
}
