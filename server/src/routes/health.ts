import { Hono } from 'hono';
import type { AppServices } from '../services.ts';

/** A readiness check that hangs (a database that stopped answering) counts as not ready. */
const READINESS_TIMEOUT_MS = 2_000;

export function healthRoutes({ config, adapters, providerHealth, resilience, store }: AppServices) {
  // Only providers some merchant uses: in live mode the others are not configured at all.
  const used = new Set(config.merchants.flatMap((merchant) => merchant.providers));
  return (
    new Hono()
      .get('/', (context) => {
        const providers = Object.fromEntries(
          [...adapters.values()]
            .filter((adapter) => used.has(adapter.id))
            .map((adapter) => [
              adapter.id,
              { mode: adapter.mode, ok: providerHealth.isOk(adapter.id) && resilience.get(adapter.id)?.breaker.state !== 'open' },
            ]),
        );
        return context.json({ status: 'ok', providers });
      })
      // Liveness: the process answers. It never looks at the database, so a database outage does
      // not get every instance restarted at once.
      .get('/live', (context) => context.json({ status: 'ok' as const }))
      // Readiness: this instance can serve (its store reachable and migrated); a load balancer
      // sends traffic only while this is 200.
      .get('/ready', async (context) => {
        const timeout = new Promise<{ ready: false; reason: string }>((resolve) =>
          setTimeout(() => resolve({ ready: false, reason: 'database did not answer in time' }), READINESS_TIMEOUT_MS).unref(),
        );
        const check = store.checkReady
          ? store
              .checkReady()
              .catch((error: unknown) => ({ ready: false, reason: `store unavailable (${(error as Error)?.name ?? 'error'})` }))
          : Promise.resolve({ ready: true });
        const { ready, reason } = (await Promise.race([check, timeout])) as { ready: boolean; reason?: string };
        const checks = { store: { ok: ready, ...(reason ? { message: reason } : {}) } };
        return context.json({ status: ready ? ('ok' as const) : ('not_ready' as const), checks }, ready ? 200 : 503);
      })
  );
}
