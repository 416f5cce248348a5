/**
 * `Idempotency-Key` for routes that create or bind: the same key and body return the
 * first answer; a different body is 422; a request still in flight is 409.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { Store } from '../store/types.ts';

/**
 * `abandoned`: true where the request holding an unfinished claim can no longer be running
 * (its process died mid-request). The request then runs again under the same claim and
 * answers from the resource's current state, so a crash never leaves a key "in flight" for 24 h.
 */
declare module 'hono' {
  interface ContextVariableMap {
    /** True where this request took over a claim whose own request died (`abandoned`). */
    idempotencyResumed: boolean;
  }
}

export type AbandonedClaim = (context: Context, claimedAt: Date) => Promise<boolean>;

export function idempotency({
  store,
  route,
  abandoned = async () => false,
}: {
  store: Store;
  route: string;
  abandoned?: AbandonedClaim;
}): MiddlewareHandler {
  return async function idempotentRequest(context, next) {
    const key = context.req.header('Idempotency-Key');
    if (!key)
      throw new ApiError({
        status: 400,
        code: 'idempotency_key_required',
        message: 'Send an Idempotency-Key header',
        fields: [{ path: 'Idempotency-Key', message: 'Required' }],
      });
    if (key.length > 255)
      throw new ApiError({
        status: 400,
        code: 'invalid_idempotency_key',
        message: 'Idempotency-Key is at most 255 characters',
        fields: [{ path: 'Idempotency-Key', message: 'At most 255 characters' }],
      });
    const scope = { merchantId: context.get('merchant').id, route: `${route}:${context.req.param('id') ?? ''}`, key };
    const bodyHash = createHash('sha256')
      .update(context.get('rawBody') ?? '')
      .digest('hex');
    const begun = await store.beginIdempotent(scope, bodyHash, new Date());
    if (begun.state === 'mismatch')
      throw new ApiError({
        status: 422,
        code: 'idempotency_key_reused',
        message: 'This Idempotency-Key was used with a different request body',
      });
    // A dead request's claim is taken over by exactly one retry; any other sees it in flight.
    const resumable =
      begun.state === 'in_flight' &&
      (await abandoned(context, begun.claimedAt)) &&
      (await store.retakeIdempotent(scope, begun.claimedAt, new Date()));
    if (begun.state === 'in_flight' && !resumable)
      throw new ApiError({
        status: 409,
        code: 'idempotency_key_in_flight',
        message: 'A request with this Idempotency-Key is still being processed; retry shortly',
        headers: { 'Retry-After': '1' },
      });
    context.set('idempotencyResumed', begun.state === 'in_flight');
    if (begun.state === 'completed') {
      context.header('Idempotent-Replayed', 'true');
      return context.body(begun.body, begun.status as 200, { 'Content-Type': 'application/json' });
    }
    try {
      await next();
    } catch (error) {
      await store.abandonIdempotent(scope);
      throw error;
    }
    // Errors reach here already rendered by onError. Server faults and timeouts stay
    // retryable: the route itself answers a retry from the order's stored state.
    if (context.res.status >= 500) {
      await store.abandonIdempotent(scope);
      return;
    }
    await store.completeIdempotent(scope, context.res.status, await context.res.clone().text());
  };
}
