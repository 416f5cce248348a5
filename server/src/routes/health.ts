import { Hono } from 'hono';
import type { AppServices } from '../services.ts';

export function healthRoutes({ adapters, providerHealth, resilience }: AppServices) {
  return new Hono().get('/', (context) => {
    const providers = Object.fromEntries(
      [...adapters.values()].map((adapter) => [
        adapter.id,
        { mode: adapter.mode, ok: providerHealth.isOk(adapter.id) && resilience.get(adapter.id)?.breaker.state !== 'open' },
      ]),
    );
    return context.json({ status: 'ok', providers });
  });
}
