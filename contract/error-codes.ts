/**
 * Every `error.code` the /v1 API answers with, so clients can switch on them exhaustively.
 * The server's ApiError takes only these; the widget adds its own client-side codes.
 */
export const apiErrorCodes = [
  // 400: the request itself
  'invalid_request',
  'invalid_json',
  'invalid_multipart',
  'invalid_offer',
  'offer_expired',
  'invalid_idempotency_key',
  'idempotency_key_required',
  'unsupported_video_type',
  // 401 / 403: keys and origins
  'missing_key',
  'invalid_key',
  'publishable_key_required',
  'secret_key_required',
  'origin_not_allowed',
  'secret_key_in_browser',
  'invalid_signature',
  'invalid_event',
  'metrics_unauthorized',
  // 404
  'not_found',
  'order_not_found',
  // 409: state
  'idempotency_key_in_flight',
  'order_binding',
  'order_not_confirmable',
  'order_not_cancellable',
  'order_not_ready',
  'order_not_awaiting_activation',
  'activation_in_progress',
  'activation_not_supported',
  'cancellation_not_supported',
  'certificate_not_ready',
  'certificate_not_available',
  'webhook_not_configured',
  // 413 / 415
  'payload_too_large',
  'video_too_large',
  'unsupported_media_type',
  // 422: the provider or an earlier request said no
  'idempotency_key_reused',
  'provider_declined',
  // 429
  'rate_limited',
  'provider_busy',
  // 5xx
  'provider_error',
  'provider_timeout',
  'internal_error',
  'record_unreadable',
  'store_busy',
  'http_error',
  // the operator console (/console/api): 403 a publishable key; 409 an order with nothing to refund or reconcile
  'operator_token_required',
  'order_not_refundable',
  'order_not_reconcilable',
  // Claims (issue 14): 400 / 401 / 404 / 409 / 413 / 415
  'claim_not_found',
  'portal_session_expired',
  'claim_not_allowed',
  'cover_ended',
  'claims_not_supported',
  'slot_unavailable',
  'claim_not_withdrawable',
  'withdrawal_not_supported',
  'file_too_large',
  'unsupported_file_type',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];
