/**
 * Binding at the provider, and the reconciler's pass that brings every order that is not
 * final forward: the part of the order service (order-service.ts) that waits on providers.
 */
import type { OrderStatus } from '../../../contract/types.ts';
import { ProviderError } from '../errors.ts';
import { withDeadline } from '../providers/kit/deadline.ts';
import type { OrderPatch, StoredOrder } from '../store/types.ts';
import type { OrderServiceDeps } from './order-service.ts';
import { RECONCILABLE_STATUSES } from './order-transitions.ts';

export const OUTCOME_UNKNOWN_REASON =
  'The insurer did not confirm this plan before the connection was lost, and it offers no way to check. No cover is known to be in place: refund the shopper or contact support with this order id.';

export interface ReconcileReport {
  examined: number;
  bound: number;
  failed: number;
  unchanged: number;
}

/** The order service's one guarded transition (see `transition` in order-service.ts). */
export type Transition = (
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  patch?: Omit<OrderPatch, 'status'>,
) => Promise<StoredOrder | null>;

/** A bind that failed this way may have reached the provider: the order stays `binding`. */
function leavesBinding(error: ProviderError): boolean {
  return error.outcomeUnknown || error.failure === 'rate_limited';
}

export function createBinding(
  deps: OrderServiceDeps,
  lifecycle: {
    transition: Transition;
    current(order: StoredOrder): Promise<StoredOrder>;
    refresh(order: StoredOrder): Promise<StoredOrder>;
  },
) {
  const { config, store, logger, adapters, providerHealth, bindsInFlight } = deps;
  const { transition, current, refresh } = lifecycle;
  // A bind younger than this may still be in flight on another instance: the reconciler leaves it be.
  const graceMs = config.bindTimeoutMs + Math.min(5_000, config.bindTimeoutMs);

  /** Binds a `binding` order at its provider; throws the provider's failure after recording it. */
  async function bind(order: StoredOrder): Promise<StoredOrder> {
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) throw new Error(`no adapter for ${order.offer.provider}`);
    bindsInFlight.add(order.id);
    try {
      const result = await withDeadline(
        adapter.id,
        {
          ms: config.bindTimeoutMs,
          what: 'bind',
          shopperMessage: 'The insurer is taking longer than usual. Your plan will be confirmed shortly.',
        },
        (signal) =>
          adapter.bind({
            orderId: order.id,
            merchantId: order.merchantId,
            offer: order.offer,
            device: order.device,
            customer: order.customer,
            paymentReference: order.paymentReference ?? '',
            signal,
          }),
      );
      providerHealth.record(adapter.id, true);
      const bound = await transition(order.id, ['binding'], result.status, { policy: result.policy, failureReason: null });
      logger.info('order bound', { orderId: order.id, provider: adapter.id, status: result.status });
      return bound ?? (await current(order));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      providerHealth.record(adapter.id, error.failure === 'refused');
      logger.warn('bind failed', { orderId: order.id, provider: adapter.id, failure: error.failure, code: error.providerCode });
      // Where the provider may have acted, the order stays `binding` for the reconciler.
      if (!leavesBinding(error)) await transition(order.id, ['binding'], 'failed', { failureReason: error.shopperMessage });
      throw error;
    } finally {
      bindsInFlight.delete(order.id);
    }
  }

  /**
   * A `binding` order nobody is binding: asked about (status call), bound again where the
   * provider deduplicates, or, where neither is possible, failed with a reason an operator
   * can act on — never silently dropped.
   */
  async function reconcileBinding(order: StoredOrder, now: number): Promise<'bound' | 'failed' | 'unchanged'> {
    if (bindsInFlight.has(order.id) || now - Date.parse(order.updatedAt) < graceMs) return 'unchanged';
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) return 'unchanged';
    const known = await adapter
      .status({ orderId: order.id, offer: order.offer, policy: null, signal: AbortSignal.timeout(config.quoteTimeoutMs) })
      .catch(() => null);
    if (known) {
      await transition(order.id, ['binding'], known.status, { policy: known.policy, failureReason: null });
      return 'bound';
    }
    if (adapter.bindRetrySafe) {
      try {
        const bound = await bind(order);
        return bound.status === 'binding' ? 'unchanged' : bound.status === 'failed' ? 'failed' : 'bound';
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        return leavesBinding(error) ? 'unchanged' : 'failed';
      }
    }
    await transition(order.id, ['binding'], 'failed', { failureReason: OUTCOME_UNKNOWN_REASON });
    logger.warn('bind outcome unknown; order failed for operator follow-up', { orderId: order.id, provider: adapter.id });
    return 'failed';
  }

  /** One pass over every order being bound or waiting on its provider. */
  async function reconcile(now = Date.now()): Promise<ReconcileReport> {
    const report: ReconcileReport = { examined: 0, bound: 0, failed: 0, unchanged: 0 };
    for (const order of await store.listOrdersByStatus(RECONCILABLE_STATUSES)) {
      report.examined += 1;
      try {
        if (order.status === 'binding') report[await reconcileBinding(order, now)] += 1;
        else report[(await refresh(order)) === order ? 'unchanged' : 'bound'] += 1;
      } catch (error) {
        report.unchanged += 1;
        logger.warn('reconcile failed', { orderId: order.id, error: (error as Error).name });
      }
    }
    if (report.examined > 0) logger.info('reconciled', { ...report });
    return report;
  }

  return { bind, reconcile };
}
