import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { createLogger } from '../logger.ts';
import { createErrorHandler } from '../middleware/error-handler.ts';
import { healthRoutes } from '../routes/health.ts';
import type { AppServices } from '../services.ts';
import { createMetrics } from './coverkit-metrics.ts';
import { metricsRoutes } from './metrics-route.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /metrics access', () => {
  const app = (mode: 'test' | 'live', metricsToken?: string) =>
    new Hono()
      .onError(createErrorHandler(createLogger({ silent: true })))
      .route('/metrics', metricsRoutes({ config: { mode, metricsToken }, metrics: createMetrics() }));

  it('is open in test mode', async () => {
    assert.equal((await app('test').request('/metrics')).status, 200);
  });

  it('needs the Bearer token in live mode where one is set', async () => {
    const live = app('live', TOKEN);
    assert.equal((await live.request('/metrics')).status, 401);
    assert.equal((await live.request('/metrics', { headers: { Authorization: 'Bearer wrong-token-0123456789abcd' } })).status, 401);
    const allowed = await live.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(allowed.status, 200);
    assert.match(await allowed.text(), /coverkit_http_request_duration_seconds/);
  });

  it('in live mode without a token, refuses callers it cannot see are on this machine', async () => {
    // app.request has no socket: not provably local.
    assert.equal((await app('live').request('/metrics')).status, 401);
  });
});

describe('readiness', () => {
  const routes = (checkReady: () => Promise<{ ready: boolean; reason?: string }>) =>
    healthRoutes({
      config: { merchants: [] },
      adapters: new Map(),
      resilience: new Map(),
      providerHealth: { isOk: () => true, record: () => undefined },
      store: { checkReady },
    } as unknown as AppServices);

  it('answers 503 naming the store when it is not migrated or not reachable', async () => {
    const notMigrated = await routes(async () => ({ ready: false, reason: 'database at migration 32, this code needs 60' })).request(
      '/ready',
    );
    assert.equal(notMigrated.status, 503);
    assert.deepEqual(await notMigrated.json(), {
      status: 'not_ready',
      checks: { store: { ok: false, message: 'database at migration 32, this code needs 60' } },
    });
    const unreachable = await routes(() => Promise.reject(new Error('connect ECONNREFUSED'))).request('/ready');
    assert.equal(unreachable.status, 503);
    const live = await routes(() => Promise.reject(new Error('down'))).request('/live');
    assert.equal(live.status, 200, 'liveness never looks at the database');
  });
});
