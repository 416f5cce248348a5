/**
 * The contract every adapter + sandbox pair passes, through the adapter interface alone (no
 * /v1 routes), the way unstorage's `testDriver` runs against every driver. `pairFromModule`
 * starts a provider module's sandbox on a free loopback port, configured as the server
 * configures it, and hands the suite a ready adapter (providers.contract.test.ts loops over
 * the registry).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { requirableFields, type Customer, type OrderDevice } from '../../contract/schemas.ts';
import { loadConfig } from '../../server/src/config.ts';
import { ProviderError } from '../../server/src/errors.ts';
import { ProviderResilience } from '../../server/src/providers/kit/resilience.ts';
import type {
  AnyProviderModule,
  BindResult,
  PlanQuote,
  PolicyResult,
  ProviderAdapter,
  QuoteDevice,
  QuotedOffer,
} from '../../server/src/providers/types.ts';
import { createFieldCipher } from '../../server/src/store/field-cipher.ts';
import { openSqliteStore } from '../../server/src/store/sqlite-store.ts';
import { freePort } from '../../server/src/testing/test-server.ts';

const PLAN_TYPES = ['EW', 'ADLD', 'SCREEN', 'COMPREHENSIVE'];
const BOUND_STATUSES = ['active', 'pending', 'pending_activation'];

export interface ProviderPair {
  adapter: ProviderAdapter;
  /** A device the sandbox offers plans for, in `country`'s currency. */
  device: QuoteDevice;
  country: string;
  customer: Customer;
  /** What the shopper adds at checkout (IMEI and the like). */
  orderDevice: OrderDevice;
  close(): Promise<void> | void;
  /**
   * What must happen after a bind before the provider reports on it (an activation video,
   * say); returns the policy as it then stands.
   */
  afterBind?(context: { orderId: string; offer: QuotedOffer; bound: BindResult; signal: AbortSignal }): Promise<PolicyResult>;
}

export interface ProviderContract {
  name: string;
  createPair(): Promise<ProviderPair>;
}

/** Runs `fetch` (a sandbox) on a free loopback port; the pair's config points at `baseUrl`. */
export async function serveSandbox(createFetch: (port: number) => (request: Request) => Response | Promise<Response>) {
  const port = await freePort();
  const server = serve({ fetch: createFetch(port), port, hostname: '127.0.0.1' });
  await once(server, 'listening');
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      const closed = once(server, 'close');
      server.close();
      if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
      await closed;
    },
  };
}

/**
 * A module's adapter against its own sandbox, both configured by the module from a sandbox-mode
 * environment (plus its sample's), with a store of their own.
 */
export async function pairFromModule(provider: AnyProviderModule): Promise<ProviderPair> {
  const { sample, createSandbox } = provider;
  assert.ok(sample, `${provider.id} has a sample device and shopper for the contract suite`);
  assert.ok(createSandbox, `${provider.id} has a sandbox`);
  let config: unknown;
  const sandbox = await serveSandbox((port) => {
    config = loadConfig({ PORT: String(port), ...sample.environment }, { providers: [provider] }).providers[provider.id];
    return new Hono().route(`/sandbox/${provider.id}`, createSandbox(config)).fetch;
  });
  // Octamile keeps consumer ids and transaction references in the store.
  const dataDir = mkdtempSync(path.join(tmpdir(), `coverkit-${provider.id}-contract-`));
  const store = openSqliteStore(dataDir, createFieldCipher(randomBytes(32)));
  const adapter = provider.createAdapter(config, { store, resilience: new ProviderResilience(provider.id) });
  return {
    adapter,
    device: sample.device,
    country: sample.country,
    customer: sample.customer,
    orderDevice: sample.orderDevice,
    afterBind: sample.afterBind && ((input) => sample.afterBind!(adapter, input)),
    async close() {
      await sandbox.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const deadline = () => AbortSignal.timeout(8000);
export const newOrderId = () => `ord_${randomBytes(10).toString('hex')}`;

/** Calls the adapter; anything it throws must be a ProviderError (only routes speak HTTP). */
async function expectProviderErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    throw error;
  }
}

export function testProvider({ name, createPair }: ProviderContract) {
  describe(`${name} adapter ⇄ sandbox contract`, () => {
    let pair: ProviderPair;
    let plans: PlanQuote[];

    before(async () => {
      pair = await createPair();
    });
    after(() => pair.close());

    const offerFor = (plan: PlanQuote): QuotedOffer => ({ provider: pair.adapter.id, ...plan, device: pair.device, country: pair.country });

    async function quotedPlans(): Promise<PlanQuote[]> {
      if (plans) return plans;
      const outcome = await expectProviderErrors(() =>
        pair.adapter.quote({ device: pair.device, country: pair.country, signal: deadline() }),
      );
      assert.equal(outcome.kind, 'plans', JSON.stringify(outcome));
      plans = outcome.kind === 'plans' ? outcome.plans : [];
      return plans;
    }

    it('names itself, its mode, and whether a repeated bind is safe', () => {
      assert.equal(pair.adapter.id, name);
      assert.ok(pair.adapter.displayName.length > 0);
      assert.equal(pair.adapter.mode, 'sandbox');
      assert.equal(typeof pair.adapter.bindRetrySafe, 'boolean');
    });

    it('quotes plans of a known type, priced above zero in the market currency, asking only for fields the widget renders', async () => {
      const quoted = await quotedPlans();
      assert.ok(quoted.length > 0);
      const personal = [pair.device.imei, pair.device.serial].filter((value): value is string => Boolean(value));
      for (const plan of quoted) {
        assert.ok(PLAN_TYPES.includes(plan.type), plan.type);
        assert.ok(plan.planCode.length > 0);
        assert.ok(plan.name.length > 0);
        assert.ok(Number.isFinite(plan.price.amount) && plan.price.amount > 0, `${plan.planCode}: ${plan.price.amount}`);
        assert.equal(plan.price.currency, pair.device.currency);
        assert.ok(Number.isInteger(plan.termMonths) && plan.termMonths > 0, `${plan.planCode}: ${plan.termMonths} months`);
        for (const field of plan.requires) assert.ok((requirableFields as readonly string[]).includes(field), field);
        assert.ok(Array.isArray(plan.covers));
        // The context travels in the signed offer id, which the browser holds.
        for (const value of Object.values(plan.context ?? {})) {
          assert.ok(['string', 'number'].includes(typeof value));
          for (const secret of personal) assert.ok(!String(value).includes(secret), `context of ${plan.planCode} carries personal data`);
        }
      }
    });

    it('answers another market as unavailable, without throwing', async () => {
      const outcome = await expectProviderErrors(() =>
        pair.adapter.quote({ device: { ...pair.device, currency: 'USD' }, country: 'US', signal: deadline() }),
      );
      assert.equal(outcome.kind, 'unavailable');
      if (outcome.kind === 'unavailable') {
        assert.ok(outcome.code.length > 0);
        assert.ok(outcome.message.length > 0);
      }
    });

    it('lists a catalog consistent with its quotes', async () => {
      const catalog = await expectProviderErrors(() => pair.adapter.catalog());
      assert.ok(catalog.categories.includes(pair.device.category), `${pair.device.category} in ${catalog.categories}`);
      assert.ok(catalog.currencies.includes(pair.device.currency));
      assert.ok(catalog.countries.includes(pair.country));
      assert.ok(catalog.brands.length > 0);
      for (const brand of catalog.brands) assert.ok(catalog.categories.includes(brand.category), `${brand.name}: ${brand.category}`);
      for (const plan of await quotedPlans()) assert.ok(catalog.currencies.includes(plan.price.currency));
    });

    it('binds a quoted plan, reports on it consistently, and cancels it where it can', async () => {
      const offer = offerFor((await quotedPlans())[0]!);
      const orderId = newOrderId();
      const bound = await expectProviderErrors(() =>
        pair.adapter.bind({
          orderId,
          merchantId: 'default',
          offer,
          device: pair.orderDevice,
          customer: pair.customer,
          paymentReference: `pay_${orderId}`,
          signal: deadline(),
        }),
      );
      assert.ok(BOUND_STATUSES.includes(bound.status), bound.status);
      assert.ok(bound.policy.reference.length > 0);
      assert.equal(typeof bound.policy.certificate, 'boolean');
      for (const value of Object.values(bound.policy.providerReferences ?? {})) assert.equal(typeof value, 'string');

      const policy = pair.afterBind ? await pair.afterBind({ orderId, offer, bound, signal: deadline() }) : bound.policy;
      const status = await expectProviderErrors(() => pair.adapter.status({ orderId, offer, policy, signal: deadline() }));
      if (status !== null) {
        assert.ok([...BOUND_STATUSES, 'declined'].includes(status.status), status.status);
        assert.equal(status.policy.reference, bound.policy.reference);
      }

      if (pair.adapter.cancel) {
        const cancelled = await expectProviderErrors(() =>
          pair.adapter.cancel!({ orderId, offer, policy: status?.policy ?? policy, reason: 'contract test', signal: deadline() }),
        );
        if (cancelled.cancelled)
          assert.ok(cancelled.refund === undefined || cancelled.refund === null || cancelled.refund.currency === offer.price.currency);
        else assert.ok(cancelled.message.length > 0);
      }
    });

    it('throws only ProviderErrors, e.g. when the caller has already given up', async () => {
      const offer = offerFor((await quotedPlans())[0]!);
      const orderId = newOrderId();
      const gaveUp = AbortSignal.abort();
      await assert.rejects(
        pair.adapter.bind({
          orderId,
          merchantId: 'default',
          offer,
          device: pair.orderDevice,
          customer: pair.customer,
          paymentReference: `pay_${orderId}`,
          signal: gaveUp,
        }),
        (error) => error instanceof ProviderError && error.provider === name && error.message.startsWith(`[${name}]`),
      );
      await pair.adapter.quote({ device: pair.device, country: pair.country, signal: gaveUp }).then(
        // A provider answer remembered from earlier (BigFix premiums) may still be given.
        (outcome) => assert.ok(outcome.kind === 'unavailable' || outcome.kind === 'plans'),
        (error) => assert.ok(error instanceof ProviderError, String(error)),
      );
    });
  });
}
