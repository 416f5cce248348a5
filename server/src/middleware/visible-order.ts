/**
 * Loads the order named by `:id` that the caller may see, for the routes after it: secret
 * key, or publishable key plus the order's client secret (`X-Client-Secret`, never in a URL).
 */
import type { MiddlewareHandler } from 'hono';
import type { OrderService } from '../orders/order-service.ts';
import type { StoredOrder } from '../store/types.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The order of the route's `:id`, set by `visibleOrder`. */
    order: StoredOrder;
  }
}

export function visibleOrder({ orders }: { orders: OrderService }): MiddlewareHandler {
  return async function loadVisibleOrder(context, next) {
    const access =
      context.get('keyKind') === 'publishable'
        ? { keyKind: 'publishable' as const, clientSecret: context.req.header('X-Client-Secret') ?? '' }
        : { keyKind: 'secret' as const };
    context.set('order', await orders.find(context.get('merchant').id, context.req.param('id') ?? '', access));
    await next();
  };
}
