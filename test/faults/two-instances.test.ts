/**
 * Two server processes on one PostgreSQL schema behave as one: requests to both add up to one
 * rate limit, and a burst of orders left `binding` is split between their reconcilers, which
 * claim each order under a lease (FOR UPDATE SKIP LOCKED). One instance is SIGKILLed mid-bind;
 * its claim lapses, the other finishes its work, every order ends final and none is bound twice.
 * Octamile's simulator runs here, in the test, so it can count every `insure` (a bind) from both.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { OCTAMILE_SANDBOX_CREDENTIALS } from '../../server/src/providers/octamile/octamile-config.ts';
import { createOctamileSandbox } from '../../server/src/sandbox/octamile/octamile-sandbox.ts';
import { callServer, startServerProcess, type ServerProcess } from './server-process.ts';

const databaseUrl = process.env.COVERKIT_TEST_DATABASE_URL;
const FINAL = ['active', 'pending', 'pending_activation', 'declined', 'failed', 'cancelled'];
const ORDERS = 8;
/** Each bind waits this long at the provider, so both instances are mid-work when one dies. */
const INSURE_DELAY_MS = 700;
const LEASE_MS = 2500;
const RATE_LIMIT_PER_MINUTE = 40;
/** The burst alone is 10 (rate-limit.ts: a tenth of the minute, at least 10), plus 7 refilled in ten seconds. */
const SHARED_BURST_LIMIT = 17;
const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };
const NIGERIAN_IMEI = '490154203237518';

type Instance = ServerProcess;

describe(
  'two instances on one PostgreSQL',
  { skip: databaseUrl ? false : 'COVERKIT_TEST_DATABASE_URL is not set', timeout: 120_000 },
  () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const dataKey = randomBytes(32).toString('base64');
    const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-two-'));
    /** Every insure the simulator received: the cover (transaction) id it was for. */
    const insures: string[] = [];
    let provider: ServerType;
    let providerUrl: string;
    let database: pg.Client;
    const instances: Instance[] = [];

    async function startInstance(name: string): Promise<Instance> {
      // Only what this test sets: nothing of the runner's environment leaks into the instances.
      const instance = await startServerProcess(name, {
        PATH: process.env.PATH,
        COVERKIT_DATA_DIR: path.join(folder, name),
        DATABASE_URL: databaseUrl,
        COVERKIT_DATABASE_SCHEMA: schema,
        COVERKIT_DATA_KEY: dataKey,
        COVERKIT_PROVIDERS: 'octamile',
        OCTAMILE_BASE_URL: providerUrl,
        OCTAMILE_CUSTOMER_ID: OCTAMILE_SANDBOX_CREDENTIALS.customerId,
        OCTAMILE_AUTH_ID: OCTAMILE_SANDBOX_CREDENTIALS.authorizationId,
        OCTAMILE_AUTH_KEY: OCTAMILE_SANDBOX_CREDENTIALS.authorizationKey,
        OCTAMILE_PRODUCTS: 'phnn-flx2-1111',
        COVERKIT_RECONCILE_INTERVAL_MS: '200',
        COVERKIT_RECONCILE_LEASE_MS: String(LEASE_MS),
        COVERKIT_BIND_TIMEOUT_MS: '2000',
        COVERKIT_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      });
      instances.push(instance);
      return instance;
    }

    const call = callServer;

    before(async () => {
      // Octamile's simulator, counting and slowing every insure; everything else passes straight through.
      const sandbox = createOctamileSandbox({ ...OCTAMILE_SANDBOX_CREDENTIALS, reviewDelayMs: 600_000 });
      const app = new Hono().post('/', async (context) => {
        const text = await context.req.text();
        const body = JSON.parse(text) as { cmmnd?: { cmmnd?: string; seed?: { id?: string } } };
        if (/: insure$/.test(body.cmmnd?.cmmnd ?? '')) {
          insures.push(String(body.cmmnd?.seed?.id));
          await new Promise((resolve) => setTimeout(resolve, INSURE_DELAY_MS));
        }
        return sandbox.fetch(
          new Request('http://octamile.test/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text }),
        );
      });
      provider = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await once(provider, 'listening');
      providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/`;
      database = new pg.Client({ connectionString: databaseUrl });
      await database.connect();
      await startInstance('a');
      await startInstance('b');
    });

    after(async () => {
      for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      provider?.close();
      await database?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await database?.end();
      rmSync(folder, { recursive: true, force: true });
    });

    it('shares one rate limit: requests to both instances add up', async () => {
      const [a, b] = instances as [Instance, Instance];
      // 10 to each: within the burst either instance alone allows (10, at 40 a minute), over the
      // burst plus ten seconds' refill (17) for both together. (An order that does not exist:
      // answered 404 once past the rate limit, 429 when the limit stops it first.)
      const statuses: number[] = [];
      for (let round = 0; round < 10; round++) {
        for (const instance of [a, b]) statuses.push((await call(instance, 'sk_test_demo', 'GET', '/v1/orders/ord_missing')).status);
      }
      const allowed = statuses.filter((status) => status === 404).length;
      assert.ok(allowed <= SHARED_BURST_LIMIT, `${allowed} allowed: the burst is 10 and ten seconds' refill 7, for both together`);
      assert.ok(statuses.includes(429), 'the instances refused once the shared limit was reached');
      assert.deepEqual(new Set(statuses), new Set([404, 429]));
    });

    it('splits orders left binding between the instances, survives a SIGKILL mid-bind, binds none twice', async () => {
      const [a, b] = instances as [Instance, Instance];
      const quote = await call(a, 'pk_test_demo', 'POST', '/v1/quotes', { device: { ...tecno, imei: NIGERIAN_IMEI }, country: 'NG' });
      const offer = quote.json.offers?.find((candidate: { provider: string }) => candidate.provider === 'octamile');
      assert.ok(offer, JSON.stringify(quote.json));
      const ids: string[] = [];
      for (let index = 0; index < ORDERS; index++) {
        const created = await call(
          a,
          'pk_test_demo',
          'POST',
          '/v1/orders',
          {
            offerId: offer.offerId,
            device: { imei: NIGERIAN_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' },
            customer: { name: 'Folake Arinze', email: `folake.${index}@example.com`, phone: '+2347010001234' },
          },
          { 'Idempotency-Key': `two-instances-${index}` },
        );
        assert.equal(created.status, 201, JSON.stringify(created.json));
        ids.push(created.json.order.id);
      }
      // As if a crash had left them mid-bind long ago: paid, `binding`, nobody working on them.
      await database.query(
        `UPDATE ${schema}.orders SET status = 'binding', payment_reference = 'pay_' || id, updated_at = '2000-01-01T00:00:00.000Z' WHERE id = ANY($1)`,
        [ids],
      );
      // Both reconcilers take orders (each holds a lease on one at a time); kill one while its binds
      // are in flight. The split is read from the leases: log lines of the killed instance may be
      // lost with it (the logger writes in batches).
      const owners = new Set<string>();
      for (const deadline = Date.now() + 10_000; insures.length < 3 || owners.size < 2;) {
        assert.ok(Date.now() < deadline, `the reconcilers did not both start binding (${owners.size} held leases)`);
        const leases = await database.query<{ lease_owner: string }>(
          `SELECT lease_owner FROM ${schema}.orders WHERE id = ANY($1) AND lease_owner IS NOT NULL`,
          [ids],
        );
        for (const row of leases.rows) owners.add(row.lease_owner);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      a.child.kill('SIGKILL');
      await once(a.child, 'exit');

      let statuses: string[] = [];
      for (const deadline = Date.now() + 45_000; ;) {
        statuses = (await database.query<{ status: string }>(`SELECT status FROM ${schema}.orders WHERE id = ANY($1)`, [ids])).rows.map(
          (row) => row.status,
        );
        if (statuses.every((status) => FINAL.includes(status)) || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.deepEqual(
        statuses.filter((status) => !FINAL.includes(status)),
        [],
        `every order final:\n${b.output().slice(-1500)}`,
      );
      assert.ok(
        statuses.every((status) => status === 'pending_activation'),
        `every order bound: ${statuses.join(', ')}`,
      );

      const bound = (instance: Instance) =>
        new Set(
          instance
            .output()
            .split('\n')
            .filter((line) => line.includes('"order bound"'))
            .map((line) => (JSON.parse(line) as { orderId: string }).orderId),
        );
      assert.ok(bound(b).size >= 1, 'the surviving instance bound some');
      // One cover per order at the provider, and no order sent twice, except the one the killed
      // instance may have had in flight (resent under the same transaction id: the same purchase).
      const covers = (
        await database.query<{ value: string; key: string }>(`SELECT key, value FROM ${schema}.provider_values WHERE key LIKE 'cover:%'`)
      ).rows;
      assert.equal(covers.length, ORDERS, 'one transaction id per order');
      assert.deepEqual(new Set(insures), new Set(covers.map((cover) => cover.value)), 'the provider saw exactly those');
      const sentTwice = covers.filter((cover) => insures.filter((id) => id === cover.value).length > 1);
      assert.ok(sentTwice.length <= 1, `${sentTwice.length} orders were sent twice`);
    });
  },
);
