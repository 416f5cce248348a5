/**
 * The store under a wrong data key, another process's lock, and an attacker reading the
 * disk: a row this server cannot decrypt is skipped (never fatal), a lock is waited on for
 * a bounded time then answered 503, and nothing secret is readable in the files.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createLogger } from '../../server/src/logger.ts';
import { createFieldCipher } from '../../server/src/store/field-cipher.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/src/store/sqlite-store.ts';
import { sampleOrder } from '../../server/src/store/store-contract.ts';
import { UnreadableRecord } from '../../server/src/store/store-errors.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const keyA = randomBytes(32).toString('hex');
const keyB = randomBytes(32).toString('hex');

async function createOrder(server: TestServer, idempotencyKey: string) {
  const browser = apiClient(server);
  const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
  const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
  const created = await browser(
    'POST',
    '/v1/orders',
    { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
    { 'Idempotency-Key': idempotencyKey },
  );
  assert.equal(created.status, 201, created.text);
  return created.json.order as { id: string; clientSecret: string };
}

describe('a row written under another data key', () => {
  it('is skipped by lists and logged by id, and reading it is a clear error (two stores, one data dir)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-keys-'));
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => void lines.push(line) });
    const first = openSqliteStore(dataDir, createFieldCipher(Buffer.from(keyA, 'hex')), { logger });
    await first.createOrder(sampleOrder('ord_from_a', { status: 'binding' }));
    await first.close();
    const second = openSqliteStore(dataDir, createFieldCipher(Buffer.from(keyB, 'hex')), { logger });
    try {
      await second.createOrder(sampleOrder('ord_from_b', { status: 'binding' }));
      assert.deepEqual(
        (await second.listOrdersByStatus(['binding'])).map((order) => order.id),
        ['ord_from_b'],
      );
      await assert.rejects(second.getOrder('default', 'ord_from_a'), UnreadableRecord);
      const logged = lines.map((line) => JSON.parse(line));
      assert.ok(logged.some((line) => line.level === 'error' && line.orderId === 'ord_from_a'));
      assert.ok(!lines.join('').includes(keyA) && !lines.join('').includes(keyB));
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('never stops the reconciler, and GET of that order answers a 500 envelope', async () => {
    const first = await startTestServer({ COVERKIT_DATA_KEY: keyA });
    const unreadable = await createOrder(first, 'create-under-a');
    await first.services.store.transitionOrder(unreadable.id, ['awaiting_payment'], { status: 'binding', paymentReference: 'pay_1' });
    await first.close({ keepData: true });

    const second = await startTestServer({ COVERKIT_DATA_KEY: keyB }, { port: first.port, dataDir: first.dataDir });
    try {
      const readable = await createOrder(second, 'create-under-b');
      const report = await second.reconciler.reconcileOnce();
      assert.equal(report.examined, 0, 'the unreadable binding order is skipped, not fatal');
      second.reconciler.start();
      second.reconciler.stop();

      const merchant = apiClient(second, 'sk_test_demo');
      const read = await merchant('GET', `/v1/orders/${unreadable.id}`);
      assert.equal(read.status, 500, read.text);
      assert.equal(read.json.error.code, 'record_unreadable');
      assert.match(read.json.error.requestId, /.+/);
      assert.equal((await merchant('GET', `/v1/orders/${readable.id}`)).status, 200);
    } finally {
      await second.close();
    }
  });
});

describe('secrets at rest', () => {
  it('keeps client secrets out of saved idempotent responses, and every file private (dir 700, files 600)', async () => {
    const server = await startTestServer();
    try {
      const order = await createOrder(server, 'create-secret');
      const files = readdirSync(server.dataDir).filter((file) => statSync(path.join(server.dataDir, file)).isFile());
      assert.ok(files.includes(SQLITE_FILE) && files.includes(`${SQLITE_FILE}-wal`), files.join(','));
      const raw = files.map((file) => readFileSync(path.join(server.dataDir, file)).toString('latin1')).join('');
      assert.ok(raw.includes(order.id), 'the dump is real: the order id is there');
      assert.ok(!raw.includes(order.clientSecret.split('_secret_')[1]!), 'the client secret is not readable on disk');
      assert.equal(statSync(server.dataDir).mode & 0o777, 0o700);
      for (const file of files) assert.equal(statSync(path.join(server.dataDir, file)).mode & 0o777, 0o600, file);
    } finally {
      await server.close();
    }
  });
});

describe('another process holding the SQLite lock', () => {
  it('answers 503 store_busy with Retry-After within the busy timeout, and health stays up', async () => {
    const server = await startTestServer();
    const browser = apiClient(server);
    const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
    const offerId = quote.json.offers[0].offerId;
    const other = new Database(path.join(server.dataDir, SQLITE_FILE));
    try {
      other.exec('BEGIN EXCLUSIVE');
      const started = performance.now();
      const created = await browser(
        'POST',
        '/v1/orders',
        { offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
        { 'Idempotency-Key': 'while-locked' },
      );
      const waited = performance.now() - started;
      assert.equal(created.status, 503, created.text);
      assert.equal(created.json.error.code, 'store_busy');
      assert.ok(Number(created.headers.get('retry-after')) >= 1);
      assert.ok(waited < 3_000, `answered after ${Math.round(waited)} ms`);

      const healthStarted = performance.now();
      const health = await browser('GET', '/v1/health');
      assert.equal(health.status, 200);
      assert.ok(performance.now() - healthStarted < 500, 'health does not wait on the store');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    try {
      // The lock gone, the same request goes through.
      const created = await browser(
        'POST',
        '/v1/orders',
        { offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
        { 'Idempotency-Key': 'while-locked' },
      );
      assert.equal(created.status, 201, created.text);
    } finally {
      await server.close();
    }
  });
});
