/**
 * Test mode: every provider module in sandbox mode gets its simulator at `/sandbox/<id>`,
 * behind the same fault injection (for tests and sales demos), plus `/sandbox/_faults` and
 * `/sandbox/_reset`. Each sandbox keeps its state in the data folder across restarts.
 */
import { Hono } from 'hono';
import type { Config } from './config.ts';
import type { AnyProviderModule } from './providers/types.ts';
import { FaultPlan, faultControlRoutes, injectFaults } from './sandbox/faults.ts';
import { sandboxStateFor, type SandboxState } from './sandbox/sandbox-state.ts';

export function mountSandboxes(
  app: Hono,
  config: Config,
  providers: Iterable<AnyProviderModule>,
  { onReset }: { onReset?: () => void } = {},
): FaultPlan {
  const faults = new FaultPlan();
  if (!config.serveSandboxes) return faults;
  const states = new Map<string, SandboxState>();
  app.route('/sandbox/_faults', faultControlRoutes(faults));
  // `POST /sandbox/_reset[?provider=<id>]`: a clean demo — every sandbox forgets what it sold, no faults.
  app.route(
    '/sandbox/_reset',
    new Hono().post('/', (context) => {
      const only = context.req.query('provider');
      for (const [id, state] of states) if (!only || id === only) state.reset();
      faults.clear(only);
      onReset?.();
      return context.json({ reset: only ? [only] : [...states.keys()] });
    }),
  );
  for (const provider of providers) {
    const providerConfig = config.providers[provider.id];
    if (!provider.createSandbox || providerConfig?.mode !== 'sandbox') continue;
    const mount = `/sandbox/${provider.id}`;
    const state = sandboxStateFor(config.dataDir, provider.id);
    states.set(provider.id, state);
    app.use(`${mount}/*`, injectFaults({ plan: faults, provider: provider.id, mount }));
    app.route(mount, provider.createSandbox(providerConfig, state));
  }
  return faults;
}
