import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../../contract/schemas.ts';
import type { ApiErrorCode } from '../../contract/error-codes.ts';
import type { ProviderId } from '../../contract/types.ts';
import {
  CertificateNotReady,
  OfferExpired,
  OfferInvalid,
  OperationNotSupported,
  OrderFieldsInvalid,
  OrderNotFound,
  OrderStateConflict,
} from './orders/order-errors.ts';
import { StoreBusy, UnreadableRecord } from './store/store-errors.ts';
import {
  ClaimConflict,
  ClaimFieldsInvalid,
  ClaimFileRejected,
  ClaimNotFound,
  ClaimOperationNotSupported,
  PortalSessionExpired,
} from './claims/claim-errors.ts';

/** An error a route answers with; `app.onError` turns it into the error envelope. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(options: {
    status: ContentfulStatusCode;
    code: ApiErrorCode;
    message: string;
    fields?: FieldError[];
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/**
 * What kind of failure a provider call ended in. Only `refused` is a definite "no";
 * `timeout` and `unreachable` leave the outcome unknown, so a bind stays `binding`.
 */
export type ProviderFailure = 'refused' | 'timeout' | 'unreachable' | 'rejected_credentials' | 'rate_limited' | 'provider_error';

/**
 * What a provider's answer means for everyone else, classified from its doc:
 * - `refused`: the provider read the request and did not act (a "no", or a request it could
 *   not process); it is working normally, so other shoppers are not affected.
 * - `outage`: the provider is down, slow, overloaded or broken; only these open its circuit.
 * - `unknown`: an answer the doc does not describe; it proves neither.
 * Whether a bind may have happened anyway is `outcomeUnknown`, a separate question.
 */
export type ProviderErrorKind = 'refused' | 'outage' | 'unknown';

/** The default kind of a failure; error mappers pass `kind` where the provider's doc says otherwise. */
export function kindOfFailure(failure: ProviderFailure, status?: number): ProviderErrorKind {
  switch (failure) {
    case 'refused':
      return 'refused';
    case 'provider_error':
      // A 4xx is a request the provider read and rejected (our mistake, not its outage).
      return status !== undefined && status >= 400 && status < 500 ? 'refused' : 'outage';
    default:
      // Timeouts, lost connections, 429s and rejected credentials: the provider cannot serve us now.
      return 'outage';
  }
}

export interface ProviderErrorOptions {
  provider: ProviderId;
  failure: ProviderFailure;
  /** The provider's own code or message, for logs and operators (never personal data). */
  providerCode: string;
  /** A sentence a shopper understands. */
  shopperMessage: string;
  cause?: unknown;
  /** The provider's HTTP status, where it answered. */
  status?: number;
  /** The provider's Retry-After, where it sent one. */
  retryAfterSeconds?: number;
  /** The request never left us (an open circuit): the provider cannot have acted on it. */
  notSent?: boolean;
  /** Overrides `kindOfFailure(failure, status)` where the provider's doc says otherwise. */
  kind?: ProviderErrorKind;
}

export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly provider: ProviderId;
  readonly failure: ProviderFailure;
  readonly providerCode: string;
  readonly shopperMessage: string;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly notSent: boolean;
  readonly kind: ProviderErrorKind;

  constructor(options: ProviderErrorOptions) {
    super(`[${options.provider}] ${options.failure}: ${options.providerCode}`, { cause: options.cause });
    this.provider = options.provider;
    this.failure = options.failure;
    this.providerCode = options.providerCode;
    this.shopperMessage = options.shopperMessage;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.notSent = options.notSent ?? false;
    this.kind = options.kind ?? kindOfFailure(options.failure, options.status);
  }

  /** True where the provider may or may not have acted: the caller must not assume failure. */
  get outcomeUnknown(): boolean {
    if (this.notSent) return false;
    // A refusal is a definite "not done", whatever the failure it came as.
    if (this.kind === 'refused') return false;
    if (this.failure === 'timeout' || this.failure === 'unreachable') return true;
    return this.failure === 'provider_error' && !this.answeredBeforeActing;
  }

  /**
   * The provider answered that it failed before acting: `503 Service Unavailable` or a 4xx.
   * That is a definite outage (nothing was bound), unlike a lost connection, a timeout, or a
   * 500/502/504, after which the provider may have acted.
   */
  get answeredBeforeActing(): boolean {
    const status = this.status;
    return status !== undefined && (status === 503 || (status >= 400 && status < 500));
  }
}

/** Maps a provider failure onto our HTTP status and error code (part of `apiErrorFrom`). */
export function apiErrorFromProvider(error: ProviderError): ApiError {
  switch (error.failure) {
    case 'refused':
      return new ApiError({ status: 422, code: 'provider_declined', message: error.shopperMessage });
    case 'timeout':
      return new ApiError({ status: 504, code: 'provider_timeout', message: error.shopperMessage });
    case 'rate_limited':
      return new ApiError({ status: 429, code: 'provider_busy', message: error.shopperMessage, headers: { 'Retry-After': '5' } });
    default:
      return new ApiError({ status: 502, code: 'provider_error', message: error.shopperMessage });
  }
}

const CONFLICT_CODES = {
  confirm: 'order_not_confirmable',
  cancel: 'order_not_cancellable',
  activate: 'order_not_awaiting_activation',
} as const;

const UNSUPPORTED = {
  cancel: { status: 409, code: 'cancellation_not_supported' },
  activate: { status: 409, code: 'activation_not_supported' },
  certificate: { status: 404, code: 'certificate_not_available' },
} as const;

/**
 * The one mapping from what the lifecycles and adapters throw to the HTTP answer
 * (`app.onError` renders it); undefined for anything else, which is our fault (500).
 */
export function apiErrorFrom(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof ProviderError) return apiErrorFromProvider(error);
  if (error instanceof OrderNotFound) return new ApiError({ status: 404, code: 'order_not_found', message: error.message });
  if (error instanceof OrderStateConflict) {
    if (error.action === 'activate' && error.busy)
      return new ApiError({ status: 409, code: 'activation_in_progress', message: error.message, headers: { 'Retry-After': '5' } });
    return new ApiError({ status: 409, code: CONFLICT_CODES[error.action], message: error.message });
  }
  if (error instanceof OperationNotSupported) return new ApiError({ ...UNSUPPORTED[error.operation], message: error.message });
  if (error instanceof CertificateNotReady) return new ApiError({ status: 404, code: 'certificate_not_ready', message: error.message });
  if (error instanceof OfferExpired)
    return new ApiError({ status: 400, code: 'offer_expired', message: error.message, fields: [{ path: 'offerId', message: 'Expired' }] });
  if (error instanceof OfferInvalid)
    return new ApiError({
      status: 400,
      code: 'invalid_offer',
      message: error.message,
      fields: [{ path: 'offerId', message: 'Not a valid offer' }],
    });
  if (error instanceof OrderFieldsInvalid)
    return new ApiError({ status: 400, code: 'invalid_request', message: error.message, fields: error.fields });
  const claimError = apiErrorFromClaims(error);
  if (claimError) return claimError;
  if (error instanceof StoreBusy)
    return new ApiError({
      status: 503,
      code: 'store_busy',
      message: 'Orders are briefly unavailable. Please try again in a moment.',
      headers: { 'Retry-After': '1' },
    });
  if (error instanceof UnreadableRecord)
    return new ApiError({
      status: 500,
      code: 'record_unreadable',
      message:
        'This record was stored under another data key and this server cannot read it. Check COVERKIT_DATA_KEY, or contact support with the id.',
    });
  return undefined;
}

/** The claims lifecycle's refusals (claims/claim-errors.ts), as HTTP answers; part of `apiErrorFrom`. */
function apiErrorFromClaims(error: unknown): ApiError | undefined {
  if (error instanceof ClaimNotFound) return new ApiError({ status: 404, code: 'claim_not_found', message: error.message });
  if (error instanceof ClaimConflict) return new ApiError({ status: 409, code: error.code, message: error.message });
  if (error instanceof ClaimOperationNotSupported)
    return new ApiError({
      status: 409,
      code: error.operation === 'create' ? 'claims_not_supported' : 'withdrawal_not_supported',
      message: error.message,
    });
  if (error instanceof ClaimFieldsInvalid)
    return new ApiError({ status: 400, code: 'invalid_request', message: error.message, fields: error.fields });
  if (error instanceof ClaimFileRejected)
    return error.reason === 'too_large'
      ? new ApiError({
          status: 413,
          code: 'file_too_large',
          message: error.message,
          fields: [{ path: error.field, message: error.message }],
        })
      : new ApiError({
          status: 415,
          code: 'unsupported_file_type',
          message: error.message,
          fields: [{ path: error.field, message: error.message }],
        });
  if (error instanceof PortalSessionExpired) return new ApiError({ status: 401, code: 'portal_session_expired', message: error.message });
  return undefined;
}
