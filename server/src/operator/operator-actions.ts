/**
 * What an operator can do to an order, each through the order lifecycle's own paths: retry
 * reconcile (the reconciler's pass for a bind, a status refresh for a review, a status call
 * for a failed bind whose outcome was unknown), mark refunded, cancel where the provider allows.
 */
import { ApiError } from '../errors.ts';
import type { ReconcileReport } from '../orders/order-binding.ts';
import type { OrderService } from '../orders/order-service.ts';
import { COVER_STATUSES } from '../orders/order-transitions.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

export interface OperatorActionDeps {
  services: Pick<AppServices, 'store' | 'adapters' | 'config' | 'logger'>;
  orders: OrderService;
  /** The process's reconciler pass (shared with its timer, so a bind is never retried twice at once). */
  reconcileOnce: () => Promise<ReconcileReport>;
}

export function createOperatorActions({ services, orders, reconcileOnce }: OperatorActionDeps) {
  const { store, adapters, config, logger } = services;
  const reread = async (order: StoredOrder) => (await store.getOrderById(order.id)) ?? order;

  /** A failed bind whose outcome was unknown: the provider is asked whether cover exists after all. */
  async function reviveIfCovered(order: StoredOrder): Promise<StoredOrder> {
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) return order;
    const known = await adapter.status({
      orderId: order.id,
      offer: order.offer,
      policy: order.policy,
      signal: AbortSignal.timeout(config.quoteTimeoutMs),
    });
    if (!known || !COVER_STATUSES.includes(known.status)) return order;
    return (await orders.applyProviderEvent({ orderId: order.id, from: ['failed'], status: known.status, policy: known.policy })) ?? order;
  }

  return {
    async reconcile(order: StoredOrder): Promise<StoredOrder> {
      if (order.status === 'binding') {
        await reconcileOnce();
        return reread(order);
      }
      if (order.status === 'pending' || order.status === 'pending_activation') return orders.refresh(order);
      if (order.status === 'failed' && order.failureKind === 'unknown') return reviveIfCovered(order);
      throw new ApiError({
        status: 409,
        code: 'order_not_reconcilable',
        message: `A ${order.status} order has nothing to reconcile: only binding, pending and failed orders whose outcome was unknown`,
      });
    },

    async markRefunded(order: StoredOrder, note: string | undefined): Promise<StoredOrder> {
      if (order.refundedAt)
        throw new ApiError({ status: 409, code: 'order_not_refundable', message: `Already marked refunded at ${order.refundedAt}` });
      const paidWithoutCover = (order.status === 'failed' || order.status === 'declined') && order.paymentReference !== null;
      if (!paidWithoutCover && !order.chargedPrice) {
        throw new ApiError({
          status: 409,
          code: 'order_not_refundable',
          message: `A ${order.status} order has nothing to refund: only orders that failed or were declined after payment, or were charged another price`,
        });
      }
      const marked = await store.transitionOrder(order.id, [order.status], {
        refundedAt: new Date().toISOString(),
        refundNote: note?.trim() || null,
      });
      if (!marked) throw new ApiError({ status: 409, code: 'order_not_refundable', message: 'The order changed meanwhile: reload it' });
      // The note may name the shopper: never logged.
      logger.info('operator: order marked refunded', { orderId: order.id, provider: order.offer.provider });
      return marked;
    },

    cancel: (order: StoredOrder, reason: string) => orders.cancel(order, reason),
  };
}

export type OperatorActions = ReturnType<typeof createOperatorActions>;
