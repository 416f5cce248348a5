/**
 * A token bucket per publishable key and client address: a burst is fine, a flood is
 * answered 429 with `Retry-After`. In memory, per instance; with a shared store (PostgreSQL,
 * several instances behind a load balancer) a sliding minute counted in the database instead,
 * so requests to every instance add up.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../errors.ts';
import { slidingWindow, type SharedCounters } from '../store/shared-window.ts';

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
  /** Counters every instance shares; unset, the limit is this instance's own. */
  shared?: SharedCounters;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address, past the proxies we trust (`resolveClientAddress`). */
    clientAddress: string;
  }
}

/** The address as the socket saw it; 'unknown' where there is no socket (app.request in tests). */
function socketAddress(context: Context): string {
  try {
    return getConnInfo(context).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The client's address for rate limits: past the trusted proxies where `resolveClientAddress` ran. */
export function clientAddress(context: Context): string {
  return context.get('clientAddress') ?? socketAddress(context);
}

/**
 * Behind `trustedProxies` proxies (a TLS terminator, a load balancer), every request comes from
 * their address: the client is the entry of `X-Forwarded-For` the outermost trusted proxy
 * appended. Entries further left are the client's own say, never trusted. With none, the socket.
 */
export function resolveClientAddress({ trustedProxies = 0 }: { trustedProxies?: number } = {}): MiddlewareHandler {
  return async function resolveAddress(context, next) {
    const forwarded = (context.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const fromProxy = trustedProxies > 0 ? forwarded[forwarded.length - trustedProxies] : undefined;
    context.set('clientAddress', fromProxy ?? socketAddress(context));
    await next();
  };
}

/** What both kinds of limit answer: null when allowed, or the seconds to wait. */
export interface LimitBuckets {
  take(key: string): number | null | Promise<number | null>;
  blocked(key: string): number | null | Promise<number | null>;
}

/** The short window of the shared limit, where the burst is enforced. */
const BURST_WINDOW_MS = 10_000;

/**
 * The same limit counted in the shared store, across every instance: what a token bucket of
 * `burst` refilled at `perMinute` allows, as two sliding windows (the burst plus ten seconds'
 * refill in any ten seconds; `perMinute` plus the burst in any minute). Should the database
 * fail, this instance's own buckets decide, so a database hiccup never refuses every request.
 */
export function createSharedBuckets({
  shared,
  perMinute = 300,
  burst = 60,
  now = Date.now,
  scope,
}: RateLimitOptions & { shared: SharedCounters; scope: string }): LimitBuckets {
  const short = slidingWindow({
    counters: shared,
    windowMs: BURST_WINDOW_MS,
    limit: burst + Math.ceil((perMinute * BURST_WINDOW_MS) / 60_000),
  });
  const long = slidingWindow({ counters: shared, windowMs: 60_000, limit: perMinute + burst });
  const local = createBuckets({ perMinute, burst, now });
  const seconds = (ms: number | null) => (ms === null ? null : Math.max(1, Math.ceil(ms / 1000)));
  async function take(key: string): Promise<number | null> {
    const time = now();
    return (await short.spend(`${scope}:10s:${key}`, 1, time)) ?? (await long.spend(`${scope}:1m:${key}`, 1, time));
  }
  async function blocked(key: string): Promise<number | null> {
    const time = now();
    return (await short.blocked(`${scope}:10s:${key}`, time)) ?? (await long.blocked(`${scope}:1m:${key}`, time));
  }
  return {
    take: (key) => take(key).then(seconds, () => local.take(key)),
    blocked: (key) => blocked(key).then(seconds, () => local.blocked(key)),
  };
}

/** Token buckets by key; `take` spends one token, or says how many seconds until one is back. */
export function createBuckets({ perMinute = 300, burst = 60, now = Date.now }: RateLimitOptions = {}) {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = now();

  function refilled(key: string, time: number): Bucket {
    if (time - lastSweep > 60_000) {
      // Forget idle buckets so memory stays bounded under many addresses.
      for (const [bucketKey, bucket] of buckets) if (time - bucket.updatedAt > 120_000) buckets.delete(bucketKey);
      lastSweep = time;
    }
    const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: time };
    bucket.tokens = Math.min(burst, bucket.tokens + (time - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = time;
    buckets.set(key, bucket);
    return bucket;
  }

  const retryAfter = (bucket: Bucket) => Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));

  return {
    /** Null when a token was spent; otherwise the seconds to wait. */
    take(key: string): number | null {
      const bucket = refilled(key, now());
      if (bucket.tokens < 1) return retryAfter(bucket);
      bucket.tokens -= 1;
      return null;
    },
    /** The seconds to wait where `key` has no token left, without spending one; null otherwise. */
    blocked(key: string): number | null {
      const bucket = refilled(key, now());
      return bucket.tokens < 1 ? retryAfter(bucket) : null;
    },
  };
}

export function rateLimited(retryAfterSeconds: number, message = 'Too many requests. Please slow down.'): ApiError {
  return new ApiError({ status: 429, code: 'rate_limited', message, headers: { 'Retry-After': String(retryAfterSeconds) } });
}

export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler {
  const buckets: LimitBuckets = options.shared
    ? createSharedBuckets({ ...options, shared: options.shared, scope: 'rate' })
    : createBuckets(options);
  return async function limitRate(context, next) {
    const key = `${context.get('merchant').id}:${context.get('keyKind')}:${clientAddress(context)}`;
    const wait = await buckets.take(key);
    if (wait !== null) throw rateLimited(wait);
    await next();
  };
}
