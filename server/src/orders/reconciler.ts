/**
 * Brings every order that is not final to a final state: on start (after a crash) and
 * periodically. A `binding` order is asked about (status call), bound again where the
 * provider deduplicates, or, where neither is possible, failed with a reason an
 * operator can act on — never silently dropped.
 */
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';
import { bindOrder } from './bind-order.ts';
import { REFRESHABLE_STATUSES, refreshStatus } from './refresh-status.ts';

export const OUTCOME_UNKNOWN_REASON =
  'The insurer did not confirm this plan before the connection was lost, and it offers no way to check. No cover is known to be in place: refund the shopper or contact support with this order id.';

export interface ReconcileReport {
  examined: number;
  bound: number;
  failed: number;
  unchanged: number;
}

export function createReconciler(services: AppServices) {
  const { store, adapters, config, logger, bindsInFlight } = services;
  // A bind younger than this may still be in flight on another instance: leave it be.
  const graceMs = config.bindTimeoutMs + Math.min(5_000, config.bindTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcileReport> | undefined;

  async function reconcileBinding(order: StoredOrder, now: number): Promise<'bound' | 'failed' | 'unchanged'> {
    if (bindsInFlight.has(order.id) || now - Date.parse(order.updatedAt) < graceMs) return 'unchanged';
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) return 'unchanged';
    const known = await adapter
      .status({ orderId: order.id, offer: order.offer, policy: null, signal: AbortSignal.timeout(config.quoteTimeoutMs) })
      .catch(() => null);
    if (known) {
      await store.transitionOrder(order.id, ['binding'], { status: known.status, policy: known.policy, failureReason: null });
      return 'bound';
    }
    if (adapter.bindRetrySafe) {
      const outcome = await bindOrder(services, order);
      return outcome.order.status === 'binding' ? 'unchanged' : outcome.order.status === 'failed' ? 'failed' : 'bound';
    }
    await store.transitionOrder(order.id, ['binding'], { status: 'failed', failureReason: OUTCOME_UNKNOWN_REASON });
    logger.warn('bind outcome unknown; order failed for operator follow-up', { orderId: order.id, provider: adapter.id });
    return 'failed';
  }

  async function reconcileOnce(now = Date.now()): Promise<ReconcileReport> {
    const report: ReconcileReport = { examined: 0, bound: 0, failed: 0, unchanged: 0 };
    for (const order of await store.listOrdersByStatus(['binding', ...REFRESHABLE_STATUSES])) {
      report.examined += 1;
      try {
        if (order.status === 'binding') report[await reconcileBinding(order, now)] += 1;
        else report[(await refreshStatus(services, order)) === order ? 'unchanged' : 'bound'] += 1;
      } catch (error) {
        report.unchanged += 1;
        logger.warn('reconcile failed', { orderId: order.id, error: (error as Error).name });
      }
    }
    if (report.examined > 0) logger.info('reconciled', { ...report });
    return report;
  }

  return {
    /** One pass; concurrent callers share the pass in progress. */
    reconcileOnce(now?: number) {
      running ??= reconcileOnce(now).finally(() => (running = undefined));
      return running;
    },
    start() {
      void this.reconcileOnce();
      timer = setInterval(() => void this.reconcileOnce(), config.reconcileIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
