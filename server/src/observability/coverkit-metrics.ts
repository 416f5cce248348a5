/**
 * Coverkit's metrics, one set per server instance (AppServices.metrics), scraped at GET /metrics.
 * Labels are patterns and ids of our own (route patterns, provider ids, outcomes): never an
 * order id, a key or anything a shopper typed, so a series count stays bounded.
 */
import type { ProviderId } from '../../../contract/types.ts';
import { ProviderError } from '../errors.ts';
import type { ProviderResilience } from '../providers/kit/resilience.ts';
import { Counter, Gauge, Histogram, MetricsRegistry } from './metrics-registry.ts';

export type ProviderCallOutcome = 'ok' | 'refused' | 'outage' | 'unknown';

/** How many events wait in the outbox; the events worker provides it (may be async: a count query). */
export type OutboxDepthSource = () => number | Promise<number>;

/** A circuit's state as a number, so a dashboard can graph it and an alert can fire on `== 2`. */
export const CIRCUIT_STATE_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

export interface CoverkitMetrics {
  registry: MetricsRegistry;
  requestDuration: Histogram;
  providerCallDuration: Histogram;
  reconciledOrders: Counter;
  reconcilePasses: Counter;
  /** Feeds `coverkit_outbox_depth`; until set, the gauge has no series. */
  setOutboxDepthSource(source: OutboxDepthSource | undefined): void;
  render(): Promise<string>;
}

export function outcomeOf(error: unknown): ProviderCallOutcome {
  return error instanceof ProviderError ? error.kind : 'unknown';
}

export function createMetrics({ resilience = new Map() }: { resilience?: Map<ProviderId, ProviderResilience> } = {}): CoverkitMetrics {
  const registry = new MetricsRegistry();
  let outboxDepth: OutboxDepthSource | undefined;
  const metrics: CoverkitMetrics = {
    registry,
    requestDuration: registry.register(
      new Histogram(
        'coverkit_http_request_duration_seconds',
        'Time to answer a /v1 request, by method, route pattern and status class (2xx, 4xx, 5xx).',
      ),
    ),
    providerCallDuration: registry.register(
      new Histogram(
        'coverkit_provider_call_duration_seconds',
        'Time of a call to a provider, by provider, operation (quote, bind, status, cancel, activate, catalog, certificate) and outcome (ok, refused, outage, unknown).',
      ),
    ),
    reconciledOrders: registry.register(
      new Counter('coverkit_reconcile_orders_total', 'Orders the reconciler examined, by outcome (bound, failed, unchanged).'),
    ),
    reconcilePasses: registry.register(new Counter('coverkit_reconcile_passes_total', 'Reconciler passes, by result (ok, error).')),
    setOutboxDepthSource(source) {
      outboxDepth = source;
    },
    render: () => registry.render(),
  };
  registry.register(
    new Gauge('coverkit_provider_circuit_state', "Each provider's circuit breaker: 0 closed, 1 half-open (one trial call), 2 open.", () =>
      [...resilience].map(([provider, providerResilience]) => ({
        labels: { provider },
        value: CIRCUIT_STATE_VALUE[providerResilience.breaker.state],
      })),
    ),
  );
  registry.register(
    new Gauge('coverkit_outbox_depth', 'Merchant events written but not yet delivered.', async () =>
      outboxDepth ? [{ value: await outboxDepth() }] : [],
    ),
  );
  return metrics;
}
