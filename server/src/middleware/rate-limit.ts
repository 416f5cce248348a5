/**
 * A token bucket per publishable key and client address: a burst is fine, a flood is
 * answered 429 with `Retry-After`. In memory, per instance: a shared limit across
 * instances belongs at the load balancer.
 */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../errors.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimitOptions {
  /** Requests allowed per minute, sustained. */
  perMinute?: number;
  /** Requests allowed at once, on top of the sustained rate. */
  burst?: number;
  now?: () => number;
}

export function rateLimit({ perMinute = 300, burst = 60, now = Date.now }: RateLimitOptions = {}): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();

  return async function limitRate(context, next) {
    const merchant = context.get('merchant');
    let address = 'unknown';
    try {
      address = getConnInfo(context).remote.address ?? 'unknown';
    } catch {
      // Not served by @hono/node-server (app.request in tests): one shared bucket per key.
    }
    const key = `${merchant.id}:${context.get('keyKind')}:${address}`;
    const time = now();
    if (time - lastSweep > 60_000) {
      // Forget idle buckets so memory stays bounded under many addresses.
      for (const [bucketKey, bucket] of buckets) if (time - bucket.updatedAt > 120_000) buckets.delete(bucketKey);
      lastSweep = time;
    }
    const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: time };
    bucket.tokens = Math.min(burst, bucket.tokens + (time - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = time;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      throw new ApiError({
        status: 429,
        code: 'rate_limited',
        message: 'Too many requests. Please slow down.',
        headers: {
          'Retry-After': String(retryAfterSeconds),
        },
      });
    }
    bucket.tokens -= 1;
    await next();
  };
}
