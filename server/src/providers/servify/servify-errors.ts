/**
 * Servify's error codes → ProviderError. The providerCode carries the error code and
 * Servify's ticket number (for their support), never a message that could echo our data.
 */
import { ProviderError, type ProviderErrorKind, type ProviderFailure } from '../../errors.ts';
import { UNAVAILABLE_MESSAGE } from '../kit/http.ts';
import { eligibilityMessage } from './map-servify-eligibility.ts';
import type { ServifyEnvelope } from './servify-schemas.ts';

export const TOKEN_EXPIRED = 'TOK.EXP.001';

/** Every code in the doc's "Error codes" table. */
const failures: Record<string, ProviderFailure> = {
  'CLIENT.INVALID.401': 'rejected_credentials',
  'HMAC.INVALID.401': 'rejected_credentials',
  'PUBLIC_KEY.INVALID.401': 'rejected_credentials',
  'DECRYPTION.ERROR.401': 'rejected_credentials',
  'IP.INVALID.401': 'rejected_credentials',
  'API.INVALID.401': 'rejected_credentials',
  [TOKEN_EXPIRED]: 'rejected_credentials',
  'API.LIMIT.429': 'rate_limited',
  // Our request was malformed: the shopper can do nothing about it, and nothing was created.
  'DATA.BAD_REQUEST.400': 'provider_error',
  'SM.WTR.500': 'provider_error',
  'SM.WTR.001': 'provider_error',
};

/**
 * Refused / outage / unknown where the failure alone does not say it. The doc: "4xx … an error
 * that failed given the information provided", "5xx … an error with Servify's servers".
 * SM.WTR.001 ("Something went wrong") comes with HTTP 200 and messages such as "No client user
 * mapping found": an answer about the request, not Servify down. Credentials and 429 are
 * outages by default (we cannot use Servify now).
 */
const kinds: Record<string, ProviderErrorKind> = {
  'DATA.BAD_REQUEST.400': 'refused',
  'SM.WTR.001': 'refused',
  'SM.WTR.500': 'outage',
};

/**
 * Servify's own message for an error ("A meaningful, end-user-readable message, explaining
 * what went wrong"), kept beside the error rather than in it: it may repeat what we sent, so
 * it is never logged, only read to tell one refusal from another (servify-claims.ts).
 */
const servifyMessages = new WeakMap<ProviderError, string>();
export function servifyMessageOf(error: ProviderError): string {
  return servifyMessages.get(error) ?? '';
}

const BUSY_MESSAGE = 'This insurer is very busy right now. Please try again in a minute.';

export function servifyError(httpStatus: number, envelope: ServifyEnvelope | null, retryAfterSeconds?: number): ProviderError {
  const errorCode = envelope?.errorCode ?? `HTTP ${httpStatus}`;
  const providerCode = envelope?.ticketNumber ? `${errorCode} (ticket ${envelope.ticketNumber})` : errorCode;
  const status = envelope?.status ?? httpStatus;
  // createContract re-checks eligibility: a device that is no longer eligible is a refusal.
  const eligibilityCode = (envelope?.data as { EligibilityStatusCode?: unknown } | undefined)?.EligibilityStatusCode;
  if (typeof eligibilityCode === 'string' && eligibilityCode !== 'ELIGIBLE_FOR_PLAN') {
    return new ProviderError({
      provider: 'servify',
      failure: 'refused',
      providerCode: `${providerCode} ${eligibilityCode}`,
      shopperMessage: eligibilityMessage(eligibilityCode),
      status,
    });
  }
  const failure = failures[errorCode] ?? (status === 429 ? 'rate_limited' : status === 401 ? 'rejected_credentials' : 'provider_error');
  // A code the doc does not list, on a 2xx: it proves neither a refusal nor an outage.
  const kind = kinds[errorCode] ?? (failure === 'provider_error' && status < 400 ? 'unknown' : undefined);
  const error = new ProviderError({
    provider: 'servify',
    failure,
    kind,
    providerCode,
    shopperMessage: failure === 'rate_limited' ? BUSY_MESSAGE : UNAVAILABLE_MESSAGE,
    status,
    retryAfterSeconds,
  });
  if (envelope?.message) servifyMessages.set(error, envelope.message);
  return error;
}

/** A body we could not read: not JSON, not decryptable with our key, or not the envelope. */
export function unreadableAnswer(httpStatus: number, why: string, cause?: unknown, retryAfterSeconds?: number): ProviderError {
  // A gateway's 429 in front of Servify is still "busy", whatever its body.
  const failure = httpStatus === 429 ? 'rate_limited' : 'provider_error';
  return new ProviderError({
    provider: 'servify',
    failure,
    providerCode: `HTTP ${httpStatus}: ${why}`,
    shopperMessage: UNAVAILABLE_MESSAGE,
    status: httpStatus,
    cause,
    retryAfterSeconds,
  });
}
