/** The Servify adapter against its sandbox, through the adapter interface alone (no /v1 routes). */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { loadConfig } from '../../server/src/config.ts';
import { createServifyAdapter } from '../../server/src/providers/servify/servify-adapter.ts';
import type { ProviderAdapter, QuotedOffer } from '../../server/src/providers/types.ts';
import { createServifySandbox } from '../../server/src/sandbox/servify/servify-sandbox.ts';
import { asha, freePort, galaxyS23 } from '../../server/src/testing/test-server.ts';

describe('servify adapter ⇄ sandbox contract', () => {
  let adapter: ProviderAdapter;
  let close: () => void;
  const signal = () => AbortSignal.timeout(5000);

  before(async () => {
    const port = await freePort();
    const config = loadConfig({ PORT: String(port) }).providers.servify;
    const sandbox = createServifySandbox({ clientId: config.clientId, clientSignature: config.clientSignature, clientPublicKey: config.sandbox!.clientPublicKey, privateKey: config.sandbox!.privateKey });
    const server = serve({ fetch: sandbox.fetch, port, hostname: '127.0.0.1' });
    await once(server, 'listening');
    close = () => (server.close(), 'closeAllConnections' in server && (server as { closeAllConnections(): void }).closeAllConnections());
    adapter = createServifyAdapter({ ...config, baseUrl: `http://127.0.0.1:${port}` });
  });
  after(() => close());

  it('quotes, binds, reads and cancels a plan', async () => {
    const device = { ...galaxyS23, imei: '356938035643809' };
    const outcome = await adapter.quote({ device, country: 'IN', signal: signal() });
    assert.equal(outcome.kind, 'plans');
    const plan = outcome.kind === 'plans' ? outcome.plans[0]! : assert.fail();
    const offer: QuotedOffer = { provider: 'servify', ...plan, device: galaxyS23, country: 'IN' };
    const bound = await adapter.bind({ orderId: 'ord_contract_1', offer, device: { imei: device.imei }, customer: asha, paymentReference: 'pay_1', signal: signal() });
    assert.equal(bound.status, 'active');
    const status = await adapter.status({ orderId: 'ord_contract_1', offer, policy: bound.policy, signal: signal() });
    assert.equal(status?.policy.reference, bound.policy.reference);
    const cancelled = await adapter.cancel!({ orderId: 'ord_contract_1', offer, policy: bound.policy, reason: 'test', signal: signal() });
    assert.deepEqual(cancelled, { cancelled: true, refund: null });
  });

  it('answers other markets and missing identifiers as unavailable, and lists a catalog', async () => {
    assert.equal((await adapter.quote({ device: galaxyS23, country: 'IN', signal: signal() })).kind, 'unavailable');
    assert.equal((await adapter.quote({ device: { ...galaxyS23, currency: 'NGN' }, country: 'NG', signal: signal() })).kind, 'unavailable');
    const catalog = await adapter.catalog();
    assert.deepEqual(catalog.currencies, ['INR']);
    assert.ok(catalog.brands.length > 0);
  });
});
