/**
 * BigFix answers → ProviderError, with a sentence a shopper understands.
 *
 * Refused / outage / unknown (ProviderErrorKind), from the doc's error tables: every 400 it
 * lists is a request BigFix read and did not act on (`refused`; a missing field or an unknown
 * policy source is our mistake, still nothing was created); 401 and anything 5xx or 429 is an
 * `outage`, except the one 500 the doc describes, "Rates not configured for the product's
 * category", which is an answer about that product, not BigFix being down.
 */
import { ProviderError } from '../../errors.ts';
import { UNAVAILABLE_MESSAGE } from '../kit/http.ts';
import { bigfixErrorSchema } from './bigfix-schemas.ts';

/** Doc messages that mean "this device or plan cannot be covered", keyed by a stable fragment. */
const refusals: [fragment: string, shopperMessage: string][] = [
  ['not eligible for ADLD', 'Accidental damage cover is not offered for this type of device.'],
  ['not covered under', 'Protection plans are not offered for this type of device.'],
  ['Duration exceeds', 'This plan length is not offered for this device.'],
  ['Rate not defined', 'This plan is not offered for this brand.'],
  ['plan not available', 'This plan is not offered for this device.'],
  ['Invalid brand type', 'This plan is not offered for this brand.'],
];

export function bigfixError(status: number, body: unknown, retryAfterSeconds?: number): ProviderError {
  const parsed = bigfixErrorSchema.safeParse(body);
  const message = (parsed.success && (parsed.data.message ?? parsed.data.error)) || `HTTP ${status}`;
  if (status === 401)
    return new ProviderError({
      provider: 'bigfix',
      failure: 'rejected_credentials',
      providerCode: message,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
    });
  if (status === 429)
    return new ProviderError({
      provider: 'bigfix',
      failure: 'rate_limited',
      providerCode: message,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
      retryAfterSeconds,
    });
  if (status >= 500 && message.includes('Rates not configured'))
    return new ProviderError({
      provider: 'bigfix',
      failure: 'refused',
      providerCode: message,
      shopperMessage: 'Protection plans are not offered for this type of device.',
      status,
    });
  if (status >= 500)
    return new ProviderError({
      provider: 'bigfix',
      failure: 'provider_error',
      providerCode: message,
      shopperMessage: UNAVAILABLE_MESSAGE,
      status,
      retryAfterSeconds,
    });
  const refusal = refusals.find(([fragment]) => message.includes(fragment));
  if (refusal)
    return new ProviderError({ provider: 'bigfix', failure: 'refused', providerCode: message, shopperMessage: refusal[1], status });
  // Other 400s (missing fields, policy source, serializer) are our mistake, not the shopper's.
  return new ProviderError({
    provider: 'bigfix',
    failure: 'provider_error',
    providerCode: message,
    shopperMessage: UNAVAILABLE_MESSAGE,
    status,
  });
}

/** True when BigFix says it does not cover the product at all (an `unavailable`, not an error). */
export function isUnsupportedProduct(error: ProviderError): boolean {
  return error.failure === 'refused' && /not covered|not eligible/.test(error.providerCode);
}
