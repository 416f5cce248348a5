/**
 * Brings every order that is not final to a final state: on start (after a crash) and
 * periodically. The work is the order service's (`reconcile`, `reconcileOne`); this is its timer
 * and, on a store shared by several instances (PostgreSQL), its leases: each order is claimed
 * (`FOR UPDATE SKIP LOCKED`) before it is worked on, so two instances never reconcile (or bind)
 * one order at once, and an instance that dies leaves claims that lapse after the lease for
 * another to take over.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppServices } from '../services.ts';
import { orderServiceFor, type ReconcileReport } from './order-service.ts';
import { RECONCILABLE_STATUSES } from './order-transitions.ts';

export { OUTCOME_UNKNOWN_REASON, type ReconcileReport } from './order-service.ts';

/** Used where the config does not say (tests that build a Config by hand). */
const DEFAULT_LEASE_MS = 60_000;

export function createReconciler(services: AppServices) {
  const orders = orderServiceFor(services);
  const { store, logger, metrics, config } = services;
  // Names this process's claims in the database: an operator can see who holds an order.
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let passes = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcileReport> | undefined;

  /** One pass that claims orders one at a time, each under a lease, until none is left unclaimed. */
  async function leasedPass(now: number | undefined): Promise<ReconcileReport> {
    const owner = `${instance}:${++passes}`;
    const leaseMs = config.reconcileLeaseMs ?? DEFAULT_LEASE_MS;
    const report: ReconcileReport = { examined: 0, bound: 0, failed: 0, unchanged: 0 };
    try {
      for (;;) {
        const time = now ?? Date.now();
        const order = await store.claimOrderLease!(RECONCILABLE_STATUSES, owner, new Date(Date.now() + leaseMs), new Date(time));
        if (!order) break;
        report.examined += 1;
        report[await orders.reconcileOne(order, time)] += 1;
      }
    } finally {
      // The claims of this pass end with it; an order left unchanged is anyone's at the next tick.
      await store.releaseOrderLeases!(owner).catch(() => undefined);
    }
    if (report.examined > 0) logger.info('reconciled', { ...report });
    return report;
  }

  function pass(now?: number): Promise<ReconcileReport> {
    return store.claimOrderLease && store.releaseOrderLeases ? leasedPass(now) : orders.reconcile(now);
  }

  return {
    /** One pass; concurrent callers share the pass in progress. */
    reconcileOnce(now?: number) {
      running ??= pass(now)
        .then(
          (report) => {
            for (const outcome of ['bound', 'failed', 'unchanged'] as const)
              if (report[outcome] > 0) metrics.reconciledOrders.inc({ outcome }, report[outcome]);
            metrics.reconcilePasses.inc({ result: 'ok' });
            return report;
          },
          (error: unknown) => {
            metrics.reconcilePasses.inc({ result: 'error' });
            throw error;
          },
        )
        .finally(() => (running = undefined));
      return running;
    },
    start() {
      // A failed pass (database down, locked) is logged and tried again at the next tick:
      // never an unhandled rejection, which would end the process at every start.
      const tick = () =>
        void this.reconcileOnce().catch((error: unknown) =>
          logger.error('reconcile pass failed', { error: (error as Error)?.name ?? 'unknown' }),
        );
      tick();
      timer = setInterval(tick, config.reconcileIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
