/**
 * Who may use the operator console's API: Coverkit's operator (`COVERKIT_OPERATOR_TOKEN`,
 * every merchant's orders) or a merchant's secret key (its own orders, from its server only).
 * The console runs in a browser, so it signs in with the operator token: a secret key with an
 * `Origin` header is refused, as everywhere. The token travels as a Bearer header (never a
 * cookie), so another site cannot make a signed-in browser act; no CORS is served, so another
 * site's script cannot read an answer either.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Merchant } from '../config.ts';
import { ApiError } from '../errors.ts';
import { findMerchant } from '../middleware/authenticate.ts';
import { clientAddress, createBuckets, rateLimited } from '../middleware/rate-limit.ts';

/** Every merchant (the operator), or one merchant (its secret key). */
export type OperatorScope = { kind: 'operator' } | { kind: 'merchant'; merchantId: string };

declare module 'hono' {
  interface ContextVariableMap {
    operatorScope: OperatorScope;
  }
}

export function canSee(scope: OperatorScope, merchantId: string): boolean {
  return scope.kind === 'operator' || scope.merchantId === merchantId;
}

function sameSecret(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authenticateOperator({
  operatorToken,
  merchants,
}: {
  operatorToken: string;
  merchants: readonly Merchant[];
}): MiddlewareHandler {
  // Wrong tokens per client address: a few typos, then a trickle, so none is guessed at speed.
  const failures = createBuckets({ perMinute: 10, burst: 20 });
  return async function authenticateOperatorRequest(context, next) {
    const match = /^Bearer\s+(\S+)$/i.exec(context.req.header('Authorization') ?? '');
    if (!match)
      throw new ApiError({
        status: 401,
        code: 'missing_key',
        message: 'Sign in: send the operator token as "Authorization: Bearer <token>"',
      });
    const address = clientAddress(context);
    const blocked = failures.blocked(address);
    if (blocked !== null) throw rateLimited(blocked, 'Too many requests with a wrong token. Wait, then check the token.');
    const token = match[1]!;
    if (sameSecret(operatorToken, token)) {
      context.set('operatorScope', { kind: 'operator' });
      return next();
    }
    const found = findMerchant(merchants, token);
    if (!found) {
      failures.take(address);
      throw new ApiError({ status: 401, code: 'invalid_key', message: 'This token is not valid' });
    }
    if (found.kind === 'publishable') {
      throw new ApiError({
        status: 403,
        code: 'operator_token_required',
        message: 'The operator console needs the operator token (or a secret key, from a server)',
      });
    }
    if (context.req.header('Origin') !== undefined) {
      throw new ApiError({
        status: 403,
        code: 'secret_key_in_browser',
        message:
          'A secret key must never be sent from a browser. Sign in to the console with the operator token, and roll this secret key.',
      });
    }
    context.set('operatorScope', { kind: 'merchant', merchantId: found.merchant.id });
    await next();
  };
}
