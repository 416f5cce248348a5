import { Hono } from 'hono';
import type { AppServices } from '../services.ts';

export function healthRoutes({ config, adapters, providerHealth, resilience }: AppServices) {
  // Only providers some merchant uses: in live mode the others are not configured at all.
  const used = new Set(config.merchants.flatMap((merchant) => merchant.providers));
  return new Hono().get('/', (context) => {
    const providers = Object.fromEntries(
      [...adapters.values()]
        .filter((adapter) => used.has(adapter.id))
        .map((adapter) => [
          adapter.id,
          { mode: adapter.mode, ok: providerHealth.isOk(adapter.id) && resilience.get(adapter.id)?.breaker.state !== 'open' },
        ]),
    );
    return context.json({ status: 'ok', providers });
  });
}
