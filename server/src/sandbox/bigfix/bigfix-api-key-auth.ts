import type { MiddlewareHandler } from 'hono';
import { bigfixError } from './bigfix-error-body.ts';

export interface BigfixApiKeyAuthOptions {
  apiKey: string;
}

/** The provider tells "no key" apart from "wrong key"; our adapter's error mapping relies on both. */
export function bigfixApiKeyAuth({ apiKey }: BigfixApiKeyAuthOptions): MiddlewareHandler {
  return async function bigfixApiKeyAuthMiddleware(context, next) {
    const presentedKey = context.req.header('X-API-Key');
    // An empty header is treated as absent, as a framework reading it with a truthiness test would.
    if (!presentedKey) {
      return bigfixError(context, 401, { error: 'Unauthorized', message: 'Authorization header is missing' });
    }
    if (presentedKey !== apiKey) {
      return bigfixError(context, 401, { error: 'Unauthorized', message: 'Un-Authorized API Call' });
    }
    await next();
  };
}
