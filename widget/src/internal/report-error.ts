/**
 * The one way a failure reaches the page and the shopper: `cover-error` on the element
 * (for the merchant's logs and analytics) and the sentence to show. Aborts are no failure
 * (a newer request replaced the call, or the element went away): nothing is reported.
 */
import { ApiError, isAbortError, shopperMessage } from '../api/api-error.ts';
import { CoverErrorEvent } from '../events/cover-error-event.ts';

/** Returns the shopper's sentence, or undefined for an abort. */
export function reportError(element: EventTarget, error: unknown): string | undefined {
  if (isAbortError(error)) return undefined;
  const message = shopperMessage(error);
  const apiError = error instanceof ApiError ? error : undefined;
  element.dispatchEvent(new CoverErrorEvent({ code: apiError?.code ?? 'unknown_error', message, status: apiError?.status }));
  return message;
}
