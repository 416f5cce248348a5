/**
 * What Servify checks before it reads a request: a known client-id, an HMAC over x-date and
 * x-host made with the client signature, an x-date within five minutes, a live session token
 * (except for generateToken), a call budget, and a body it can decrypt.
 */
import type { KeyObject } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { decryptBody, hmacSignature, sameSignature } from '../../providers/servify/servify-crypto.ts';
import { failure, reply } from './servify-envelope.ts';
import type { ServifySessions } from './servify-sessions.ts';

export type ServifySandboxEnv = { Variables: { servifyBody: Record<string, unknown> } };

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const X_DATE_FORMAT =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export interface ServifySecurityOptions {
  clientId: string;
  clientSignature: string;
  keys: Promise<{ privateKey: KeyObject; clientPublicKey: KeyObject }>;
  sessions: ServifySessions;
  now: () => Date;
  callsPerMinute: number;
}

export function servifySecurity({
  clientId,
  clientSignature,
  keys,
  sessions,
  now,
  callsPerMinute,
}: ServifySecurityOptions): MiddlewareHandler<ServifySandboxEnv> {
  let windowStart = 0;
  let callsInWindow = 0;
  return async function servifySecurityCheck(context, next) {
    const { privateKey, clientPublicKey } = await keys;
    if (context.req.header('client-id') !== clientId) return reply(context, failure('CLIENT.INVALID.401'), null);
    const refuse = (...args: Parameters<typeof failure>) => reply(context, failure(...args), clientPublicKey);

    const xDate = context.req.header('x-date') ?? '';
    const xHost = context.req.header('x-host') ?? '';
    if (!X_DATE_FORMAT.test(xDate) || !xHost)
      return refuse('DATA.BAD_REQUEST.400', 'x-date and x-host headers are required; x-date as "ddd, DD MMM YYYY HH:mm:ss GMT"');
    const expected = await hmacSignature(clientSignature, xDate, xHost);
    if (!sameSignature(context.req.header('hmac-signature') ?? '', expected)) return refuse('HMAC.INVALID.401');
    // The date is signed, so a captured request can be replayed only within this window.
    if (Math.abs(now().getTime() - Date.parse(xDate)) > MAX_CLOCK_SKEW_MS)
      return refuse('HMAC.INVALID.401', 'x-date is more than 5 minutes away from server time');

    const minute = Math.floor(now().getTime() / 60_000);
    if (minute !== windowStart) ((windowStart = minute), (callsInWindow = 0));
    if (++callsInWindow > callsPerMinute) return refuse('API.LIMIT.429');

    if (!context.req.path.endsWith('/Auth/generateToken') && !sessions.isLive(context.req.header('client-session-id') ?? ''))
      return refuse('TOK.EXP.001');

    let body: unknown;
    try {
      const envelope = (await context.req.json()) as { $data?: unknown };
      if (typeof envelope.$data !== 'string') throw new TypeError('no $data');
      body = JSON.parse(new TextDecoder().decode(await decryptBody(privateKey, envelope.$data)));
    } catch {
      return refuse('DECRYPTION.ERROR.401');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return refuse('DATA.BAD_REQUEST.400', 'The decrypted body must be a JSON object');
    context.set('servifyBody', body as Record<string, unknown>);
    await next();
  };
}
