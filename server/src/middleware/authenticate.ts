/**
 * Keys and origins. A publishable key is public and only works from the merchant's
 * allowed origins (exact match); a secret key works from anywhere but stays on servers:
 * a request with an `Origin` header came from a browser, and is refused with it.
 * Wrong keys are counted per client address, so keys cannot be guessed at speed.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Merchant } from '../config.ts';
import { ApiError } from '../errors.ts';
import type { KeyKind } from './context.ts';
import type { SharedCounters } from '../store/shared-window.ts';
import { clientAddress, createBuckets, createSharedBuckets, rateLimited, type LimitBuckets } from './rate-limit.ts';

/** Wrong keys allowed per client address: a burst (a misconfigured deploy), then a trickle. */
export const FAILED_AUTH_BURST = 20;
export const FAILED_AUTH_PER_MINUTE = 10;

type FailureBuckets = LimitBuckets;
/**
 * One count of failures per app, shared by every route's `authenticate`: keyed by the
 * app's merchant list (config.merchants), which every route is given.
 */
const failuresByApp = new WeakMap<readonly Merchant[], FailureBuckets>();

function failuresFor(merchants: readonly Merchant[]): FailureBuckets {
  let failures = failuresByApp.get(merchants);
  if (!failures) failuresByApp.set(merchants, (failures = createBuckets({ perMinute: FAILED_AUTH_PER_MINUTE, burst: FAILED_AUTH_BURST })));
  return failures;
}

/**
 * Counts wrong keys in the shared store, so an address guessing keys at several instances is
 * stopped as at one. Call before the routes (and their `authenticate`) are built.
 */
export function shareFailedAuthLimit(merchants: readonly Merchant[], shared: SharedCounters): void {
  failuresByApp.set(merchants, createSharedBuckets({ shared, perMinute: FAILED_AUTH_PER_MINUTE, burst: FAILED_AUTH_BURST, scope: 'auth' }));
}

function sameSecret(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function findMerchant(merchants: readonly Merchant[], key: string): { merchant: Merchant; kind: KeyKind } | null {
  for (const merchant of merchants) {
    if (sameSecret(merchant.publishableKey, key)) return { merchant, kind: 'publishable' };
    if (sameSecret(merchant.secretKey, key)) return { merchant, kind: 'secret' };
  }
  return null;
}

/** The request's origin: the Origin header, or for same-origin GETs (which omit it) the Referer's. */
export function requestOrigin(context: Context): string | null {
  const origin = context.req.header('Origin');
  if (origin) return origin;
  const referer = context.req.header('Referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

export function authenticate({ merchants, accept }: { merchants: readonly Merchant[]; accept: readonly KeyKind[] }): MiddlewareHandler {
  const failures = failuresFor(merchants);
  return async function authenticateRequest(context, next) {
    const header = context.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError({ status: 401, code: 'missing_key', message: 'Send your API key as "Authorization: Bearer <key>"' });
    const address = clientAddress(context);
    // Checked before the key: while an address is blocked, a right guess looks like a wrong one.
    const blocked = await failures.blocked(address);
    if (blocked !== null) throw rateLimited(blocked, 'Too many requests with a wrong API key. Wait, then check the key.');
    const found = findMerchant(merchants, match[1]!);
    if (!found) {
      await failures.take(address);
      throw new ApiError({ status: 401, code: 'invalid_key', message: 'This API key is not valid' });
    }
    if (found.kind === 'secret' && context.req.header('Origin') !== undefined) {
      throw new ApiError({
        status: 403,
        code: 'secret_key_in_browser',
        message: 'A secret key must never be sent from a browser. Use your publishable key in web pages, and roll this secret key.',
      });
    }
    if (!accept.includes(found.kind)) {
      throw found.kind === 'publishable'
        ? new ApiError({ status: 403, code: 'secret_key_required', message: 'This route needs your secret key, from your server' })
        : new ApiError({ status: 403, code: 'publishable_key_required', message: 'This route takes a publishable key' });
    }
    if (found.kind === 'publishable') {
      const origin = requestOrigin(context);
      if (!origin || !found.merchant.allowedOrigins.includes(origin)) {
        throw new ApiError({ status: 403, code: 'origin_not_allowed', message: 'This publishable key cannot be used from this origin' });
      }
    }
    context.set('merchant', found.merchant);
    context.set('keyKind', found.kind);
    await next();
  };
}
