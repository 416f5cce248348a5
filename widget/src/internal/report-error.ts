/**
 * The one way a failure reaches the page and the shopper: `cover-error` on the element
 * (for the merchant's logs and analytics) and the sentence to show. Aborts are no failure
 * (a newer request replaced the call, or the element went away): nothing is reported.
 */
import { ApiError, isAbortError, shopperMessage } from '../api/api-error.ts';
import { CoverErrorEvent, type CoverErrorDetail } from '../events/cover-error-event.ts';

/** Returns the shopper's sentence, or undefined for an abort. */
export function reportError(element: EventTarget, error: unknown): string | undefined {
  if (isAbortError(error)) return undefined;
  const message = shopperMessage(error);
  const apiError = error instanceof ApiError ? error : undefined;
  const detail = { code: apiError?.code ?? 'unknown_error', message, status: apiError?.status };
  // Kept for listeners that attach after the event fired; a setup mistake (it names an
  // attribute) stays until it is fixed, as it is what explains this failure.
  const holder = element as { error?: CoverErrorDetail };
  if (!holder.error?.attribute) holder.error = detail;
  element.dispatchEvent(new CoverErrorEvent(detail));
  return message;
}
