/**
 * `Coverkit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhookSecret, "<t>.<raw body>")>`,
 * as Stripe signs its webhooks. Merchants verify with `@coverkit/widget/server`.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Coverkit-Signature';

export function signEvent(secret: string, body: string, at = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
