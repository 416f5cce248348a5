/**
 * Times every call an adapter makes for us (quote, bind, status…) and counts its outcome, by
 * provider and operation: the adapter methods are wrapped once, where the services are built,
 * so no provider module has to remember to report.
 */
import type { ProviderAdapter } from '../providers/types.ts';
import { outcomeOf, type CoverkitMetrics } from './coverkit-metrics.ts';

const OPERATIONS = ['quote', 'bind', 'status', 'catalog', 'cancel', 'activate', 'certificate'] as const;

export function instrumentAdapter(adapter: ProviderAdapter, metrics: Pick<CoverkitMetrics, 'providerCallDuration'>): void {
  for (const operation of OPERATIONS) {
    const method = adapter[operation] as ((input: unknown) => Promise<unknown>) | undefined;
    if (typeof method !== 'function') continue;
    const call = method.bind(adapter);
    const timed = async (input: unknown) => {
      const started = performance.now();
      const observe = (outcome: string) =>
        metrics.providerCallDuration.observe({ provider: adapter.id, operation, outcome }, (performance.now() - started) / 1000);
      try {
        const result = await call(input);
        observe('ok');
        return result;
      } catch (error) {
        observe(outcomeOf(error));
        throw error;
      }
    };
    (adapter as unknown as Record<string, unknown>)[operation] = timed;
  }
}
