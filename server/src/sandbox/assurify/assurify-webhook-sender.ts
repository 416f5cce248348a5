/** The sandbox's outgoing events: signed like Assurify's, retried a few times like any webhook sender. */
import { randomBytes } from 'node:crypto';
import { signAssurifyPayload } from '../../providers/assurify/assurify-signature.ts';

export interface WebhookTarget {
  url: string;
  secret: string;
}

const ATTEMPTS = 4;
const RETRY_DELAY_MS = 1000;

export function newEventId(): string {
  return `evt_${randomBytes(12).toString('hex')}`;
}

/** Sends after `delayMs`; retries on a non-2xx answer (our route says 503 while an order is still binding). */
export function scheduleEvent(target: WebhookTarget, event: { type: string; data: Record<string, unknown> }, delayMs: number): void {
  const body = JSON.stringify({ id: newEventId(), type: event.type, created: Math.floor(Date.now() / 1000), data: event.data });
  const attempt = async (remaining: number) => {
    try {
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Assurify-Signature': signAssurifyPayload(target.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(5000),
      });
      await response.body?.cancel();
      if (response.ok || remaining <= 1) return;
    } catch {
      if (remaining <= 1) return;
    }
    setTimeout(() => void attempt(remaining - 1), RETRY_DELAY_MS).unref();
  };
  // unref: a pending event must not keep a stopping server (or a test run) alive.
  setTimeout(() => void attempt(ATTEMPTS), delayMs).unref();
}
