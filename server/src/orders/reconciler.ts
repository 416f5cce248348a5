/**
 * Brings every order that is not final to a final state: on start (after a crash) and
 * periodically. The work is the order service's (`reconcile`); this is only its timer.
 */
import type { AppServices } from '../services.ts';
import { orderServiceFor, type ReconcileReport } from './order-service.ts';

export { OUTCOME_UNKNOWN_REASON, type ReconcileReport } from './order-service.ts';

export function createReconciler(services: AppServices) {
  const orders = orderServiceFor(services);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcileReport> | undefined;

  return {
    /** One pass; concurrent callers share the pass in progress. */
    reconcileOnce(now?: number) {
      running ??= orders
        .reconcile(now)
        .then(
          (report) => {
            const { reconciledOrders, reconcilePasses } = services.metrics;
            for (const outcome of ['bound', 'failed', 'unchanged'] as const)
              if (report[outcome] > 0) reconciledOrders.inc({ outcome }, report[outcome]);
            reconcilePasses.inc({ result: 'ok' });
            return report;
          },
          (error: unknown) => {
            services.metrics.reconcilePasses.inc({ result: 'error' });
            throw error;
          },
        )
        .finally(() => (running = undefined));
      return running;
    },
    start() {
      // A failed pass (database down, locked) is logged and tried again at the next tick:
      // never an unhandled rejection, which would end the process at every start.
      const pass = () =>
        void this.reconcileOnce().catch((error: unknown) =>
          services.logger.error('reconcile pass failed', { error: (error as Error)?.name ?? 'unknown' }),
        );
      pass();
      timer = setInterval(pass, services.config.reconcileIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
