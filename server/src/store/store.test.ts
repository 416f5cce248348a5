import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createFieldCipher } from './field-cipher.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore, SQLITE_FILE } from './sqlite-store.ts';
import { testOutbox } from './outbox-contract.ts';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { sampleOrder, testStore } from './store-contract.ts';
import { StoreBusy } from './store-errors.ts';

const cipher = createFieldCipher(randomBytes(32));
const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

testStore('sqlite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-store-'));
  folders.push(folder);
  const store = openSqliteStore(folder, cipher);
  // Every file SQLite wrote (database and WAL), as bytes an attacker with the disk would see.
  const rawDump = async () =>
    readdirSync(folder)
      .map((file) => readFileSync(path.join(folder, file)).toString('latin1'))
      .join('');
  return { store, rawDump };
});

testOutbox('sqlite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-outbox-'));
  folders.push(folder);
  return openSqliteStore(folder, cipher);
});

describe('outbox on the embedded engine while another process holds the lock', () => {
  it('finds nothing due without a write lock, and refuses a claim at once instead of stalling', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-outbox-lock-'));
    folders.push(folder);
    const store = openSqliteStore(folder, cipher);
    const claim = () =>
      store.claimDueEvents({ owner: 'w', merchantIds: ['default'], now: new Date(Date.now() + 1000), leaseMs: 1000, limit: 5 });
    const other = new Database(path.join(folder, SQLITE_FILE));
    try {
      other.exec('BEGIN EXCLUSIVE');
      let started = performance.now();
      assert.deepEqual(await claim(), []);
      assert.ok(performance.now() - started < 200);
      other.exec('ROLLBACK');
      await store.createOrder(sampleOrder('ord_locked'), (order) => ({
        id: 'evt_locked',
        merchantId: order.merchantId,
        type: 'order.created',
        orderId: order.id,
        livemode: false,
        body: '{}',
        createdAt: new Date().toISOString(),
        deliver: true,
        giveUpAt: new Date(Date.now() + 60_000).toISOString(),
      }));
      other.exec('BEGIN EXCLUSIVE');
      started = performance.now();
      await assert.rejects(claim(), StoreBusy);
      assert.ok(performance.now() - started < 200, 'no wait on the lock');
      other.exec('ROLLBACK');
      assert.equal((await claim())[0]?.id, 'evt_locked');
    } finally {
      other.close();
      await store.close();
    }
  });
});

const databaseUrl = process.env.COVERKIT_TEST_DATABASE_URL;
if (databaseUrl) {
  testStore('postgres', async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresStore(databaseUrl, cipher, { schema });
    const rawDump = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return JSON.stringify((await client.query(`SELECT * FROM ${schema}.orders`)).rows);
      } finally {
        await client.end();
      }
    };
    const rawDumpClaims = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return JSON.stringify((await client.query(`SELECT * FROM ${schema}.claims`)).rows);
      } finally {
        await client.end();
      }
    };
    return { store, rawDump, rawDumpClaims };
  });
  testOutbox('postgres', () => openPostgresStore(databaseUrl, cipher, { schema: `test_${randomBytes(6).toString('hex')}` }));
} else {
  describe('store contract: postgres', () => {
    it(
      'runs when COVERKIT_TEST_DATABASE_URL points at a server (CI starts one)',
      { skip: 'COVERKIT_TEST_DATABASE_URL is not set' },
      () => {},
    );
  });
}
