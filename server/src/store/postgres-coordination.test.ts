/**
 * What several instances on one PostgreSQL rely on: order leases that two claimers never share
 * and that lapse, locks that lapse, counters that add up across connections, readiness.
 * Two stores on one schema stand for two instances.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createFieldCipher } from './field-cipher.ts';
import { createInFlightGuard } from './in-flight-guard.ts';
import { openPostgresStore } from './postgres-store.ts';
import { slidingWindow } from './shared-window.ts';
import { sampleOrder } from './store-contract.ts';
import type { Store } from './types.ts';

const databaseUrl = process.env.COVERKIT_TEST_DATABASE_URL;

describe('PostgreSQL coordination between instances', { skip: databaseUrl ? false : 'COVERKIT_TEST_DATABASE_URL is not set' }, () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const cipher = createFieldCipher(randomBytes(32));
  let first: Store;
  let second: Store;

  before(async () => {
    first = await openPostgresStore(databaseUrl!, cipher, { schema });
    second = await openPostgresStore(databaseUrl!, cipher, { schema });
  });
  after(async () => {
    await first?.close();
    await second?.close();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('is ready once migrated', async () => {
    assert.deepEqual(await first.checkReady!(), { ready: true });
  });

  it('never gives one order to two claimers at once, and lets a lapsed claim be taken over', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `ord_lease_${index}`);
    for (const id of ids) await first.createOrder(sampleOrder(id, { status: 'binding' }));
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const claimAll = async (store: Store, owner: string) => {
      const claimed: string[] = [];
      for (let order; (order = await store.claimOrderLease!(['binding'], owner, until, now));) claimed.push(order.id);
      return claimed;
    };
    const [byFirst, bySecond] = await Promise.all([claimAll(first, 'first'), claimAll(second, 'second')]);
    assert.deepEqual([...byFirst, ...bySecond].sort(), [...ids].sort(), 'every order claimed once');
    assert.equal(new Set([...byFirst, ...bySecond]).size, ids.length);

    // The first instance "dies": its claims hold until they lapse, then the second takes them.
    await second.releaseOrderLeases!('second');
    const later = new Date(until.getTime() + 1);
    const retaken = await claimAll(second, 'later');
    assert.ok(
      retaken.every((id) => bySecond.includes(id)),
      'before the lapse, only released orders',
    );
    const afterLapse: string[] = [];
    for (let order; (order = await second.claimOrderLease!(['binding'], 'after', new Date(later.getTime() + 60_000), later));)
      afterLapse.push(order.id);
    assert.ok(
      byFirst.every((id) => afterLapse.includes(id)),
      'the dead claimer’s orders are taken over',
    );
  });

  it('counts a shared limit across instances, and locks one upload across them', async () => {
    const limit = slidingWindow({ counters: first as Required<Store>, limit: 5, windowMs: 60_000 });
    const other = slidingWindow({ counters: second as Required<Store>, limit: 5, windowMs: 60_000 });
    const time = Date.UTC(2026, 0, 1, 0, 0, 30);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 ? limit : other).spend('merchant:1', 1, time)));
    assert.equal(answers.filter((wait) => wait === null).length, 5, 'five spends in the minute, whichever instance');
    assert.ok(answers.filter((wait) => wait !== null).every((wait) => wait! >= 1000));

    const guardOnFirst = createInFlightGuard(first, { scope: 'activation', lockMs: 60_000 });
    const guardOnSecond = createInFlightGuard(second, { scope: 'activation', lockMs: 60_000 });
    assert.equal(await guardOnFirst.tryEnter('ord_1'), true);
    assert.equal(await guardOnSecond.tryEnter('ord_1'), false, 'the other instance sees the upload in flight');
    await guardOnFirst.leave('ord_1');
    assert.equal(await guardOnSecond.tryEnter('ord_1'), true);
  });
});
