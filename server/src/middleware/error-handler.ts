/** One error envelope for every failure, with the request id, and nothing personal logged. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, apiErrorFrom, ProviderError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export function errorBody(context: Context, error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      requestId: context.get('requestId'),
    },
  };
}

/** Anything that is neither ours nor mapped: Hono's own refusals, or a fault on our side. */
function fallbackError(error: Error, context: Context, logger: Logger): ApiError {
  if (error instanceof HTTPException)
    return new ApiError({
      status: error.status as ApiError['status'],
      code: error.status === 413 ? 'payload_too_large' : 'http_error',
      message: error.message || 'Request refused',
    });
  logger.error('unhandled error', { requestId: context.get('requestId'), error: error.name, message: error.message });
  return new ApiError({ status: 500, code: 'internal_error', message: 'Something went wrong on our side. Please try again.' });
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: Error, context: Context) {
    if (error instanceof ProviderError)
      logger.warn('provider call failed', {
        requestId: context.get('requestId'),
        provider: error.provider,
        failure: error.failure,
        code: error.providerCode,
      });
    // Domain and provider errors map in one place (errors.ts, `apiErrorFrom`).
    const apiError = apiErrorFrom(error) ?? fallbackError(error, context, logger);
    for (const [name, value] of Object.entries(apiError.headers ?? {})) context.header(name, value);
    return context.json(errorBody(context, apiError), apiError.status);
  };
}

export function notFound(context: Context) {
  return context.json(errorBody(context, new ApiError({ status: 404, code: 'not_found', message: 'No such route' })), 404);
}
