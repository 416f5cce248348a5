/** What only Servify promises beyond the shared contract (providers.contract.test.ts runs that). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { servifyProvider } from '../../server/src/providers/servify/index.ts';
import type { ProviderAdapter, QuotedOffer } from '../../server/src/providers/types.ts';
import { asha, galaxyS23 } from '../../server/src/testing/test-server.ts';
import { deadline, newOrderId, pairFromModule, type ProviderPair } from './test-provider.ts';

const IMEI = '356938035643809';
const createServifyPair = () => pairFromModule(servifyProvider);

describe('servify adapter ⇄ sandbox, beyond the contract', () => {
  let pair: ProviderPair;
  let adapter: ProviderAdapter;

  before(async () => {
    pair = await createServifyPair();
    adapter = pair.adapter;
  });
  after(() => pair.close());

  it('binds active at once, reads the same contract back, and cancels it with no refund figure', async () => {
    const outcome = await adapter.quote({ device: pair.device, country: 'IN', signal: deadline() });
    const plan = outcome.kind === 'plans' ? outcome.plans[0]! : assert.fail(JSON.stringify(outcome));
    const offer: QuotedOffer = { provider: 'servify', ...plan, device: galaxyS23, country: 'IN' };
    const orderId = newOrderId();
    const bound = await adapter.bind({
      orderId,
      merchantId: 'default',
      offer,
      device: { imei: IMEI },
      customer: asha,
      paymentReference: 'pay_1',
      signal: deadline(),
    });
    assert.equal(bound.status, 'active');
    const status = await adapter.status({ orderId, offer, policy: bound.policy, signal: deadline() });
    assert.equal(status?.policy.reference, bound.policy.reference);
    const cancelled = await adapter.cancel!({ orderId, offer, policy: bound.policy, reason: 'test', signal: deadline() });
    assert.deepEqual(cancelled, { cancelled: true, refund: null });
  });

  it('answers a device without IMEI or serial as unavailable, and lists INR in its catalog', async () => {
    assert.equal((await adapter.quote({ device: galaxyS23, country: 'IN', signal: deadline() })).kind, 'unavailable');
    assert.equal(
      (await adapter.quote({ device: { ...galaxyS23, currency: 'NGN' }, country: 'NG', signal: deadline() })).kind,
      'unavailable',
    );
    const catalog = await adapter.catalog();
    assert.deepEqual(catalog.currencies, ['INR']);
    assert.ok(catalog.brands.length > 0);
  });
});
