/**
 * `@coverkit/widget/server`: for the merchant's server, never the browser. Verifies the
 * `Coverkit-Signature` header of an event Coverkit POSTed to your webhook endpoint:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(webhookSecret, "<t>.<raw body>")>`.
 *
 * WebCrypto only (Node ≥ 18, Deno, Bun, Workers): the comparison is `crypto.subtle.verify`,
 * which takes the same time however many bytes match. Pass the body exactly as received
 * (before any JSON parsing), or the signature cannot match.
 */
import type { CoverkitEvent } from '../../contract/types.ts';

export type { CoverkitEvent, CoverkitEventType } from '../../contract/types.ts';

export interface VerifyCoverkitSignatureOptions {
  /** How old (or how far ahead) the signature's timestamp may be; default 300 s. Refuses replays. */
  toleranceSeconds?: number;
  /** The current time in Unix seconds (tests). */
  now?: number;
}

/** Why an event was refused: answer it with 400 and do not act on it. */
export class CoverkitSignatureError extends Error {
  override name = 'CoverkitSignatureError';
}

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let index = 0; index < 32; index += 1) bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/**
 * The event, once its signature is valid and recent; otherwise throws `CoverkitSignatureError`.
 *
 * @example
 * // Hono: app.post('/webhooks/coverkit', async (c) => {
 * //   const event = await verifyCoverkitSignature(await c.req.text(), c.req.header('Coverkit-Signature'), secret);
 */
export async function verifyCoverkitSignature(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyCoverkitSignatureOptions = {},
): Promise<CoverkitEvent> {
  if (!secret) throw new CoverkitSignatureError('No webhook secret given');
  if (!header) throw new CoverkitSignatureError('No Coverkit-Signature header');
  const parts = header.split(',').map((part) => part.trim().split('=') as [string, string?]);
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => hexToBytes(value ?? ''));
  if (!Number.isInteger(timestamp) || signatures.length === 0)
    throw new CoverkitSignatureError('The Coverkit-Signature header is not t=…,v1=…');
  if (Math.abs(now - timestamp) > toleranceSeconds)
    throw new CoverkitSignatureError(`The signature's timestamp is more than ${toleranceSeconds} s away from now`);
  const body = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = encoder.encode(`${timestamp}.${body}`);
  for (const signature of signatures) {
    // Several v1 values: one per secret while a secret is being rolled over.
    if (signature && (await crypto.subtle.verify('HMAC', key, signature, signed))) {
      try {
        return JSON.parse(body) as CoverkitEvent;
      } catch {
        throw new CoverkitSignatureError('The signed body is not JSON');
      }
    }
  }
  throw new CoverkitSignatureError('The signature does not match the body');
}
