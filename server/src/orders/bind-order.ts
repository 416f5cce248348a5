/**
 * Binding a paid order at its provider. The intent (`binding`) is written before the
 * provider is called, so a crash or timeout leaves a trace to reconcile, never a loss.
 */
import { ProviderError } from '../errors.ts';
import { withDeadline } from '../providers/kit/deadline.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

export type BindOutcome = { order: StoredOrder; error?: ProviderError };

export async function bindOrder(services: AppServices, order: StoredOrder): Promise<BindOutcome> {
  const { adapters, config, store, logger, providerHealth, bindsInFlight } = services;
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
          offer: order.offer,
          device: order.device,
          customer: order.customer,
          paymentReference: order.paymentReference ?? '',
          signal,
        }),
    );
    providerHealth.record(adapter.id, true);
    const bound = await store.transitionOrder(order.id, ['binding'], { status: result.status, policy: result.policy, failureReason: null });
    logger.info('order bound', { orderId: order.id, provider: adapter.id, status: result.status });
    return { order: bound ?? order };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    providerHealth.record(adapter.id, error.failure === 'refused');
    logger.warn('bind failed', { orderId: order.id, provider: adapter.id, failure: error.failure, code: error.providerCode });
    if (error.outcomeUnknown || error.failure === 'rate_limited') {
      // The provider may have acted: leave the order `binding` for the reconciler.
      return { order, error };
    }
    const failed = await store.transitionOrder(order.id, ['binding'], { status: 'failed', failureReason: error.shopperMessage });
    return { order: failed ?? order, error };
  } finally {
    bindsInFlight.delete(order.id);
  }
}
