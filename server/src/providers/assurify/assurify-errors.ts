/**
 * Assurify answers → ProviderError, with a sentence a shopper understands.
 *
 * Refused / outage / unknown (ProviderErrorKind): the doc has no error table at all, so we
 * follow HTTP: a 4xx is a request Assurify read and did not act on (`refused`, whether the
 * shopper's device or our request is the cause); 401/403, 429 and 5xx mean we cannot use it
 * now (`outage`, the only ones that open its circuit).
 */
import { ProviderError } from '../../errors.ts';
import { UNAVAILABLE_MESSAGE } from '../kit/http.ts';
import { assurifyErrorSchema } from './assurify-schemas.ts';

/** Session codes the adapter recovers from by opening a fresh session. */
export const SESSION_GONE_CODES = new Set(['session_expired', 'session_consumed', 'session_not_found']);

const refusals: Record<string, string> = {
  invalid_imei: 'This IMEI is not valid: check the digits (dial *#06# to see it).',
  device_not_eligible: 'This device cannot be covered by Assurify.',
  geography_not_supported: 'Assurify covers devices in India only.',
  plan_not_eligible: 'This plan is no longer offered for this device.',
  session_expired: 'This offer has expired. Refresh the plans to see current prices.',
  session_consumed: 'This offer has already been used. Refresh the plans to see current prices.',
  session_not_found: 'This offer has expired. Refresh the plans to see current prices.',
};

export function assurifyError(status: number, body: unknown, retryAfterSeconds?: number): ProviderError {
  const parsed = assurifyErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : `http_${status}`;
  if (status === 401 || status === 403)
    return new ProviderError({
      provider: 'assurify',
      failure: 'rejected_credentials',
      providerCode: code,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
    });
  if (status === 429)
    return new ProviderError({
      provider: 'assurify',
      failure: 'rate_limited',
      providerCode: code,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
      retryAfterSeconds,
    });
  // A 503 may say when to come back, too.
  if (status >= 500)
    return new ProviderError({
      provider: 'assurify',
      failure: 'provider_error',
      providerCode: code,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
      retryAfterSeconds,
    });
  const shopperMessage = refusals[code];
  if (shopperMessage) return new ProviderError({ provider: 'assurify', failure: 'refused', providerCode: code, shopperMessage, status });
  // Other 4xx (a malformed request) are our mistake, not the shopper's.
  return new ProviderError({
    provider: 'assurify',
    failure: 'provider_error',
    providerCode: code,
    shopperMessage: UNAVAILABLE_MESSAGE,
    status,
  });
}
