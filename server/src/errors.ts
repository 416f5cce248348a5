import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../../widget/src/api/schemas.ts';
import type { ProviderId } from '../../widget/src/api/types.ts';

/** An error a route answers with; `app.onError` turns it into the error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * What kind of failure a provider call ended in. Only `refused` is a definite "no";
 * `timeout` and `unreachable` leave the outcome unknown, so a bind stays `binding`.
 */
export type ProviderFailure = 'refused' | 'timeout' | 'unreachable' | 'rejected_credentials' | 'rate_limited' | 'provider_error';

export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    readonly failure: ProviderFailure,
    /** The provider's own code or message, for logs and operators (never personal data). */
    readonly providerCode: string,
    /** A sentence a shopper understands. */
    readonly shopperMessage: string,
    options?: { cause?: unknown; status?: number; retryAfterSeconds?: number },
  ) {
    super(`[${provider}] ${failure}: ${providerCode}`, { cause: options?.cause });
    this.name = 'ProviderError';
    this.status = options?.status;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly status: number | undefined;
  /** The provider's Retry-After, where it sent one. */
  readonly retryAfterSeconds: number | undefined;

  /** True where the provider may or may not have acted: the caller must not assume failure. */
  get outcomeUnknown(): boolean {
    return this.failure === 'timeout' || this.failure === 'unreachable' || this.failure === 'provider_error';
  }
}

/** Maps a provider failure onto our HTTP status and error code. */
export function apiErrorFromProvider(error: ProviderError): ApiError {
  switch (error.failure) {
    case 'refused':
      return new ApiError(422, 'provider_declined', error.shopperMessage);
    case 'timeout':
      return new ApiError(504, 'provider_timeout', error.shopperMessage);
    case 'rate_limited':
      return new ApiError(429, 'provider_busy', error.shopperMessage, undefined, { 'Retry-After': '5' });
    default:
      return new ApiError(502, 'provider_error', error.shopperMessage);
  }
}
