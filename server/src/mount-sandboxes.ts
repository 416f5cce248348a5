/**
 * Test mode: every provider module in sandbox mode gets its simulator at `/sandbox/<id>`,
 * behind the same fault injection (for tests and sales demos), plus `/sandbox/_faults`.
 */
import type { Hono } from 'hono';
import type { Config } from './config.ts';
import type { AnyProviderModule } from './providers/types.ts';
import { FaultPlan, faultControlRoutes, injectFaults } from './sandbox/faults.ts';

export function mountSandboxes(app: Hono, config: Config, providers: Iterable<AnyProviderModule>): FaultPlan {
  const faults = new FaultPlan();
  if (!config.serveSandboxes) return faults;
  app.route('/sandbox/_faults', faultControlRoutes(faults));
  for (const provider of providers) {
    const providerConfig = config.providers[provider.id];
    if (!provider.createSandbox || providerConfig?.mode !== 'sandbox') continue;
    const mount = `/sandbox/${provider.id}`;
    app.use(`${mount}/*`, injectFaults({ plan: faults, provider: provider.id, mount }));
    app.route(mount, provider.createSandbox(providerConfig));
  }
  return faults;
}
