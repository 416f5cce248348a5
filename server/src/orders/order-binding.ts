/**
 * Binding at the provider, and the reconciler's pass that brings every order that is not
 * final forward: the part of the order service (order-service.ts) that waits on providers.
 */
import type { Money, OrderStatus } from '../../../contract/types.ts';
import type { Config } from '../config.ts';
import { ProviderError } from '../errors.ts';
import { withDeadline } from '../providers/kit/deadline.ts';
import type { BindResult } from '../providers/types.ts';
import type { FailureKind, OrderPatch, StoredOrder } from '../store/types.ts';
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
  return error.outcomeUnknown;
}

/**
 * A definite bind failure: the insurer said no (`refused`: re-quote), or answered that it
 * did not act — busy, down, or our own request refused (`outage`: the merchant may confirm again).
 */
export function failureKindOf(error: ProviderError): Exclude<FailureKind, 'unknown'> {
  return error.kind === 'refused' ? 'refused' : 'outage';
}

/** Where bind grace ends: a bind younger than this may still be in flight on another instance. */
export function bindGraceMs(config: Pick<Config, 'bindTimeoutMs'>): number {
  return config.bindTimeoutMs + Math.min(5_000, config.bindTimeoutMs);
}

/** The provider's charge where it differs from the quoted price (same currency, to the paisa/kobo). */
export function chargeDifference(quoted: Money, charged: Money | undefined): Money | null {
  if (!charged) return null;
  if (charged.currency === quoted.currency && Math.round(charged.amount * 100) === Math.round(quoted.amount * 100)) return null;
  return charged;
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
  const graceMs = bindGraceMs(config);

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
      return await settle(order, adapter.id, result);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      // Only an outage says the provider is unwell; a refusal is a healthy answer.
      providerHealth.record(adapter.id, error.kind !== 'outage');
      logger.warn('bind failed', { orderId: order.id, provider: adapter.id, failure: error.failure, code: error.providerCode });
      // Where the provider may have acted, the order stays `binding` for the reconciler.
      if (!leavesBinding(error))
        await transition(order.id, ['binding'], 'failed', { failureReason: error.shopperMessage, failureKind: failureKindOf(error) });
      throw error;
    } finally {
      bindsInFlight.delete(order.id);
    }
  }

  /** Stores what the provider bound, with what it charged where that is not the quoted price. */
  async function settle(order: StoredOrder, provider: string, result: BindResult): Promise<StoredOrder> {
    const chargedPrice = chargeDifference(order.offer.price, result.chargedPrice);
    const bound = await transition(order.id, ['binding'], result.status, {
      policy: result.policy,
      failureReason: null,
      failureKind: null,
      ...(chargedPrice ? { chargedPrice } : {}),
    });
    logger.info('order bound', { orderId: order.id, provider, status: result.status });
    if (chargedPrice)
      logger.warn('operator: provider charged a price other than the quoted one', {
        orderId: order.id,
        provider,
        quoted: order.offer.price,
        charged: chargedPrice,
      });
    return bound ?? (await current(order));
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
      await settle(order, adapter.id, known);
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
    await transition(order.id, ['binding'], 'failed', { failureReason: OUTCOME_UNKNOWN_REASON, failureKind: 'unknown' });
    logger.warn('operator: bind outcome unknown; order failed for follow-up (cover may exist at the provider)', {
      orderId: order.id,
      provider: adapter.id,
      paymentReference: order.paymentReference,
    });
    return 'failed';
  }

  /** Brings one order forward (the reconciler's leased pass calls this per claimed order). */
  async function reconcileOne(order: StoredOrder, now = Date.now()): Promise<'bound' | 'failed' | 'unchanged'> {
    try {
      if (order.status === 'binding') return await reconcileBinding(order, now);
      return (await refresh(order)) === order ? 'unchanged' : 'bound';
    } catch (error) {
      logger.warn('reconcile failed', { orderId: order.id, error: (error as Error).name });
      return 'unchanged';
    }
  }

  /** One pass over every order being bound or waiting on its provider. */
  async function reconcile(now = Date.now()): Promise<ReconcileReport> {
    const report: ReconcileReport = { examined: 0, bound: 0, failed: 0, unchanged: 0 };
    for (const order of await store.listOrdersByStatus(RECONCILABLE_STATUSES)) {
      report.examined += 1;
      report[await reconcileOne(order, now)] += 1;
    }
    if (report.examined > 0) logger.info('reconciled', { ...report });
    return report;
  }

  return { bind, reconcile, reconcileOne };
}
