/** Each provider's last hour as the console shows it: call outcomes per minute and the circuit's state. */
import type { AppServices } from '../services.ts';

export function providerHealthReport({ adapters, resilience, providers }: Pick<AppServices, 'adapters' | 'resilience' | 'providers'>) {
  return [...adapters.values()].map((adapter) => {
    const providerResilience = resilience.get(adapter.id);
    return {
      id: adapter.id,
      name: providers.get(adapter.id)?.displayName ?? adapter.id,
      mode: adapter.mode,
      circuit: providerResilience?.breaker.state ?? 'closed',
      lastHour: providerResilience?.health.lastHour() ?? { total: { ok: 0, refused: 0, outage: 0, unknown: 0 }, minutes: [] },
    };
  });
}
