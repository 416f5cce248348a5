/**
 * Loads the order named by `:id` that the caller may see, for the routes after it: secret
 * key, or publishable key plus the order's client secret or a portal session's (`X-Client-Secret`,
 * never in a URL).
 */
import type { MiddlewareHandler } from 'hono';
import { orderAccessFor } from '../claims/portal-sessions.ts';
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
    const merchant = context.get('merchant');
    const orderId = context.req.param('id') ?? '';
    // The order's own client secret, or a portal session's (claims/portal-sessions.ts).
    const access = orderAccessFor(merchant, orderId, context.get('keyKind'), context.req.header('X-Client-Secret'));
    context.set('order', await orders.find(merchant.id, orderId, access));
    await next();
  };
}
