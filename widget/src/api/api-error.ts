import type { FieldError } from '../../../contract/schemas.ts';
import type { ApiErrorBody } from '../../../contract/types.ts';

/**
 * A failed /v1 call, normalised from the error envelope (or from a network failure or
 * timeout, which have no envelope) so components handle one shape.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** The envelope's `error.code`, or `network_error`, `timeout`, `invalid_configuration`, `secret_key_in_browser`. */
  readonly code: string;
  /** HTTP status; absent when the request never got a response. */
  readonly status: number | undefined;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(options: { code: string; message: string; status?: number; fields?: FieldError[]; requestId?: string }) {
    super(options.message);
    this.code = options.code;
    this.status = options.status;
    this.fields = options.fields ?? [];
    this.requestId = options.requestId;
  }
}

/**
 * The /v1 error envelope (`{"error": {code, message, fields, requestId}}`) of a failed
 * response as an `ApiError`; a body that is no envelope (a proxy's HTML page) still gives
 * one, named after the status. The one parser for every call (ky and the upload).
 */
export function apiErrorFromResponse(status: number, statusText: string, body: unknown): ApiError {
  const envelope = (body && typeof body === 'object' ? body : {}) as Partial<ApiErrorBody>;
  return new ApiError({
    code: envelope.error?.code ?? `http_${status}`,
    message: envelope.error?.message ?? statusText,
    status,
    fields: envelope.error?.fields ?? [],
    requestId: envelope.error?.requestId,
  });
}

/**
 * A secret key (`sk_…`) given to the widget: refused before anything is sent, since a key in a
 * page is public and a secret key can confirm orders and read every shopper's. Null for any other key.
 */
export function secretKeyRefusal(key: string): ApiError | null {
  if (!/^\s*sk_/.test(key)) return null;
  return new ApiError({
    code: 'secret_key_in_browser',
    message: 'publishable-key holds a secret key (sk_…). Secret keys stay on your server; give the widget your publishable key (pk_…).',
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The sentence a shopper sees. The server already phrases provider refusals for shoppers
 * (DESIGN.md), so its message is kept for those; key and origin problems are the
 * merchant's to fix and would only confuse a shopper.
 */
export function shopperMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'network_error') return 'We could not reach the protection plan service. Check your connection and try again.';
  if (error.code === 'timeout') return 'The protection plan service is taking too long. Please try again.';
  if (error.code === 'invalid_configuration' || error.code === 'secret_key_in_browser')
    return 'Protection plans cannot be shown for this product right now.';
  switch (error.status) {
    case 401:
    case 403:
      return 'Protection plans cannot be shown on this page right now.';
    case 429:
      return 'Too many attempts. Please wait a moment and try again.';
    case 400:
    case 409:
    case 422:
    case 502:
    case 504:
      return error.message || 'The plan provider could not complete this. Please try again.';
    default:
      return 'Something went wrong on our side. Please try again.';
  }
}
