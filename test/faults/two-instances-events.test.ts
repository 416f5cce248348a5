/**
 * Two server processes on one PostgreSQL schema deliver one outbox: the work is split, one
 * instance is SIGKILLed while deliveries are in flight, and still every event reaches the
 * merchant at least once and in order per order, and every order is final. Skipped without
 * COVERKIT_TEST_DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { asha, galaxyS23, TEST_IMEI } from '../../server/src/testing/test-server.ts';
import { verifyCoverkitSignature } from '../../widget/src/server.ts';
import { callServer, startServerProcess, type ServerProcess } from './server-process.ts';

const databaseUrl = process.env.COVERKIT_TEST_DATABASE_URL;
const SECRET = 'whsec_two_instances_0123456789';
const ORDERS = 12;
/** The merchant holds each answer this long, so deliveries are in flight when an instance dies. */
const HOLD_MS = 600;

type Instance = ServerProcess;

/** An instance with the runner's environment plus `environment`, in a data folder of its own. */
async function startInstance(name: string, environment: Record<string, string>): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-two-'));
  const instance = await startServerProcess(name, { ...process.env, ...environment, COVERKIT_DATA_DIR: dataDir }, 20_000);
  instance.child.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return instance;
}

const deliveredBy = (instance: Instance) =>
  instance
    .output()
    .split('\n')
    .filter((line) => line.includes('"event delivered"')).length;

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two instances, one outbox', { skip: databaseUrl ? false : 'COVERKIT_TEST_DATABASE_URL is not set' }, () => {
  const instances: Instance[] = [];
  let merchant: Server | undefined;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  after(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    merchant?.closeAllConnections();
    merchant?.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  });

  it('splits the work, survives a SIGKILL mid-delivery, and delivers every event in order per order', { timeout: 120_000 }, async () => {
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    await setup.query(`CREATE SCHEMA ${schema}`).finally(() => setup.end());

    // The merchant: verifies each delivery, remembers first arrivals in order, counts repeats and cut connections.
    const arrivals: { id: string; type: string; orderId: string }[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let inFlight = 0;
    let cut = 0;
    merchant = createServer((request, response) => {
      const chunks: Buffer[] = [];
      inFlight += 1;
      let answered = false;
      request.on('close', () => {
        if (!answered) cut += 1;
      });
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const event = await verifyCoverkitSignature(
          Buffer.concat(chunks).toString('utf8'),
          request.headers['coverkit-signature'] as string,
          SECRET,
        );
        if (seen.has(event.id)) duplicates += 1;
        else {
          seen.add(event.id);
          arrivals.push({ id: event.id, type: event.type, orderId: event.data.order!.id });
        }
        setTimeout(() => {
          inFlight -= 1;
          answered = true;
          if (!response.destroyed) response.writeHead(200).end();
        }, HOLD_MS);
      });
    });
    merchant.listen(0, '127.0.0.1');
    await once(merchant, 'listening');
    const port = (merchant.address() as AddressInfo).port;

    const environment = {
      DATABASE_URL: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      COVERKIT_DATA_KEY: randomBytes(32).toString('base64'),
      COVERKIT_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/coverkit`,
      COVERKIT_WEBHOOK_SECRET: SECRET,
      // A 2 s deadline: a dead instance's leases expire after 9 s.
      COVERKIT_WEBHOOK_TIMEOUT_MS: '2000',
    };
    const [first, second] = [await startInstance('first', environment), await startInstance('second', environment)];
    instances.push(first!, second!);

    const call = callServer;
    // A burst: each order created on one instance and confirmed on the other.
    const orderIds = await Promise.all(
      Array.from({ length: ORDERS }, async (_, index) => {
        const [creator, confirmer] = index % 2 ? [first!, second!] : [second!, first!];
        const quote = await call(creator, 'pk_test_demo', 'POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
        const offer = quote.json.offers.find(
          (candidate: { provider: string; type: string }) => candidate.provider === 'bigfix' && candidate.type === 'ADLD',
        );
        const created = await call(
          creator,
          'pk_test_demo',
          'POST',
          '/v1/orders',
          { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
          { 'Idempotency-Key': `burst-${index}` },
        );
        assert.equal(created.status, 201, JSON.stringify(created.json));
        const id = created.json.order.id as string;
        const confirmed = await call(
          confirmer,
          'sk_test_demo',
          'POST',
          `/v1/orders/${id}/confirm`,
          { paymentReference: `pay_${index}` },
          { 'Idempotency-Key': `confirm-${index}` },
        );
        assert.equal(confirmed.json.order?.status, 'active', JSON.stringify(confirmed.json));
        return id;
      }),
    );

    // Deliveries are being held and the instances are delivering: one dies now. Which instance's
    // worker claims the outbox first is a race (one may take every order's first event in one
    // round), so the one killed is one that is delivering; both, most runs.
    await waitUntil(() => inFlight >= 2 && deliveredBy(first!) + deliveredBy(second!) > 0, 30_000, 'deliveries in flight');
    await waitUntil(() => deliveredBy(first!) > 0 && deliveredBy(second!) > 0, 5_000, 'both instances delivering').catch(() => {});
    const [victim, survivor] = deliveredBy(first!) > 0 ? [first!, second!] : [second!, first!];
    victim.child.kill('SIGKILL');
    await once(victim.child, 'exit');

    const expected = ORDERS * 2;
    await waitUntil(() => arrivals.length >= expected, 60_000, `${expected} events (have ${arrivals.length})`);
    await waitUntil(
      async () => {
        const listed = await call(survivor, 'sk_test_demo', 'GET', '/v1/events?limit=100');
        return (
          listed.json.data.length === expected &&
          listed.json.data.every((event: { delivery: { state: string } }) => event.delivery.state === 'delivered')
        );
      },
      30_000,
      'every event recorded delivered',
    );

    for (const orderId of orderIds) {
      assert.deepEqual(
        arrivals.filter((arrival) => arrival.orderId === orderId).map((arrival) => arrival.type),
        ['order.created', 'order.active'],
        `events of ${orderId} in order`,
      );
    }
    const orders = await call(survivor, 'sk_test_demo', 'GET', '/v1/orders?limit=100');
    assert.deepEqual([...new Set(orders.json.data.map((order: { status: string }) => order.status))], ['active'], 'every order final');
    assert.ok(cut + duplicates >= 1, `the killed instance had deliveries in flight (cut ${cut}, repeated ${duplicates})`);
    assert.ok(deliveredBy(survivor) > 0 && deliveredBy(victim) > 0, 'both instances delivered');
  });
});
