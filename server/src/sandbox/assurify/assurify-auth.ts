/** Bearer keys and the doc's 500 requests a minute, counted per key in fixed one-minute windows. */
import type { Context, MiddlewareHandler } from 'hono';

export function assurifyError(context: Context, status: 400 | 401 | 404 | 409 | 410 | 422 | 429, code: string, message: string): Response {
  return context.json({ status: 'error', error: { code, message } }, status);
}

export function assurifyAuth({ secretKey, requestsPerMinute = 500 }: { secretKey: string; requestsPerMinute?: number }): MiddlewareHandler {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return async function assurifyAuthMiddleware(context, next) {
    const match = /^Bearer\s+(\S+)$/.exec(context.req.header('Authorization') ?? '');
    if (!match) return assurifyError(context, 401, 'missing_api_key', 'Pass your secret key as "Authorization: Bearer sk_…"');
    const key = match[1]!;
    if (key.startsWith('sk_live_'))
      return assurifyError(context, 401, 'live_key_in_sandbox', 'Live keys cannot be used in the sandbox; use an sk_sandbox_ key');
    if (key !== secretKey) return assurifyError(context, 401, 'invalid_api_key', 'Invalid API key');
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.startedAt >= 60_000) windows.set(key, (window = { startedAt: now, count: 0 }));
    window.count += 1;
    if (window.count > requestsPerMinute) {
      context.header('Retry-After', String(Math.ceil((window.startedAt + 60_000 - now) / 1000)));
      return assurifyError(context, 429, 'rate_limit_exceeded', `Rate limit of ${requestsPerMinute} requests per minute exceeded`);
    }
    await next();
  };
}
