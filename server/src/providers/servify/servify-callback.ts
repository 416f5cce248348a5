/**
 * Our callback API for Servify's async contracts (the doc asks each client to define its
 * own): `POST /v1/callbacks/servify`, JSON in clear, signed with a secret we share with
 * Servify: `x-servify-signature: base64(HMAC-SHA256(SERVIFY_CALLBACK_SECRET, raw body))`.
 * Answer 200 once stored (a replay is 200 too and changes nothing); 401 for a bad
 * signature; 400 for a bad body; 404 for an unknown order or request code. Servify
 * should retry on 5xx and on no answer.
 */
import { z } from 'zod';
import { bytesFromBase64, hmacBase64, sameSignature } from './servify-crypto.ts';

export const CALLBACK_SIGNATURE_HEADER = 'x-servify-signature';

/** The doc's "recommended sample request", plus the outcome of the queued call. */
export const servifyCallbackSchema = z.object({
  requestCode: z.string().min(1).max(100),
  externalReferenceID: z.string().min(1).max(100),
  soldPlanCode: z.string().min(1).max(100).optional(),
  success: z.boolean().default(true),
  errorCode: z.string().max(100).optional(),
  message: z.string().max(500).optional(),
});
export type ServifyCallback = z.infer<typeof servifyCallbackSchema>;

export function signCallback(secret: string, rawBody: string): Promise<string> {
  return hmacBase64(secret, rawBody);
}

export async function callbackSignatureValid(secret: string, rawBody: string, signature: string | undefined): Promise<boolean> {
  return !!signature && sameSignature(signature, await signCallback(secret, rawBody));
}

/**
 * The `request-code` of an order's async createContract, derived from the order id so a
 * callback can be matched even when Servify's acknowledgement never reached us.
 */
export async function requestCodeFor(secret: string, orderId: string): Promise<string> {
  const hex = Array.from(bytesFromBase64(await hmacBase64(secret, `request-code:${orderId}`)).subarray(0, 16), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
