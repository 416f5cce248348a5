/**
 * The embedded engine: one SQLite file under COVERKIT_DATA_DIR, in WAL mode, readable by
 * this user only. Its calls are synchronous, so a lock held by another process is waited
 * on for a bounded time only (the event loop waits with it), then refused as `StoreBusy`.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogger, type Logger } from '../logger.ts';
import type { FieldCipher } from './field-cipher.ts';
import { sqliteClaimsAwaitingDecision } from './claims-awaiting-decision.ts';
import { sqliteClaimStore } from './claims-sqlite.ts';
import { migrations } from './migrations.ts';
import {
  IDEMPOTENCY_RETENTION_MS,
  ORDER_COLUMNS,
  orderToRow,
  patchToColumns,
  readableOrders,
  rowToOrder,
  type OrderRow,
} from './order-rows.ts';
import { readinessOf } from './readiness.ts';
import { insertSqliteEvent, sqliteOutbox } from './sqlite-outbox.ts';
import { StoreBusy, UnreadableRecord } from './store-errors.ts';
import type { Announce, IdempotencyBegin, IdempotencyScope, OrderPatch, Store, StoredOrder } from './types.ts';

/** How long a call waits on another process's lock, blocking the event loop, before `StoreBusy`. */
export const SQLITE_BUSY_TIMEOUT_MS = 1_500;
export const SQLITE_FILE = 'coverkit.sqlite';

export interface SqliteStoreOptions {
  logger?: Pick<Logger, 'error'>;
  busyTimeoutMs?: number;
}

/** The database file and its WAL and shared-memory files: this user only (SQLite gives the latter the database file's mode). */
function restrictFiles(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Every method's SQLITE_BUSY becomes `StoreBusy`, which the API answers with 503 and Retry-After. */
function busyAsStoreBusy(store: Store): Store {
  const guarded = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        throw isBusy(error) ? new StoreBusy({ cause: error }) : error;
      }
    };
  }
  return guarded as unknown as Store;
}

export function openSqliteStore(dataDir: string, cipher: FieldCipher, options: SqliteStoreOptions = {}): Store {
  const { logger = createLogger(), busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SQLITE_FILE);
  restrictFiles(file);
  const database = new Database(file);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  database.pragma('journal_mode = WAL');
  // FULL: a bind intent must survive a power cut, not only a process crash.
  database.pragma('synchronous = FULL');
  migrate(database);
  restrictFiles(file);

  const toOrder = (row: OrderRow) => rowToOrder(row, cipher);

  const insertOrder = database.prepare(
    `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((column) => `@${column}`).join(', ')})`,
  );
  const selectOrder = database.prepare('SELECT * FROM orders WHERE merchant_id = ? AND id = ?');
  const selectOrderById = database.prepare('SELECT * FROM orders WHERE id = ?');

  const beginIdempotent = database.transaction((scope: IdempotencyScope, bodyHash: string, now: Date): IdempotencyBegin => {
    database
      .prepare('DELETE FROM idempotency_keys WHERE merchant_id = ? AND route = ? AND key = ? AND created_at < ?')
      .run(scope.merchantId, scope.route, scope.key, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString());
    const existing = database
      .prepare(
        'SELECT body_hash, response_status, response_body, created_at FROM idempotency_keys WHERE merchant_id = ? AND route = ? AND key = ?',
      )
      .get(scope.merchantId, scope.route, scope.key) as
      { body_hash: string; response_status: number | null; response_body: string | null; created_at: string } | undefined;
    if (!existing) {
      database
        .prepare('INSERT INTO idempotency_keys (merchant_id, route, key, body_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(scope.merchantId, scope.route, scope.key, bodyHash, now.toISOString());
      return { state: 'started' };
    }
    if (existing.body_hash !== bodyHash) return { state: 'mismatch' };
    if (existing.response_status === null) return { state: 'in_flight', claimedAt: new Date(existing.created_at) };
    return { state: 'completed', status: existing.response_status, body: openResponse(scope, existing.response_body) };
  });

  // The order and the event announcing it commit together, or neither does.
  const createOrder = database.transaction((order: StoredOrder, announce?: Announce) => {
    insertOrder.run(orderToRow(order, cipher));
    const event = announce?.(order);
    if (event) insertSqliteEvent(database, event);
  });
  const transitionOrder = database.transaction((id: string, from: readonly string[], patch: OrderPatch, announce?: Announce) => {
    const columns = patchToColumns(patch, cipher);
    const values: Record<string, unknown> = { ...columns, id };
    from.forEach((status, index) => (values[`from${index}`] = status));
    const assignments = Object.keys(columns).map((column) => `${column} = @${column}`);
    const result = database
      .prepare(
        `UPDATE orders SET ${assignments.join(', ')} WHERE id = @id AND status IN (${from.map((_, index) => `@from${index}`).join(', ')})`,
      )
      .run(values);
    if (result.changes === 0) return null;
    const order = toOrder(selectOrderById.get(id) as OrderRow);
    const event = announce?.(order);
    if (event) insertSqliteEvent(database, event);
    return order;
  });

  return busyAsStoreBusy({
    ...sqliteOutbox(database, cipher, logger),
    ...sqliteClaimStore(database, cipher),
    ...sqliteClaimsAwaitingDecision(database, cipher),
    async createOrder(order, announce) {
      createOrder(order, announce);
    },
    async getOrder(merchantId, id) {
      const row = selectOrder.get(merchantId, id) as OrderRow | undefined;
      return row ? toOrder(row) : null;
    },
    async transitionOrder(id, from, patch, announce) {
      return transitionOrder(id, from, patch, announce);
    },
    async listOrdersByStatus(statuses) {
      const rows = database
        .prepare(`SELECT * FROM orders WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY created_at`)
        .all(...statuses) as OrderRow[];
      return readableOrders(rows, cipher, logger);
    },
    async getOrderById(id) {
      const row = selectOrderById.get(id) as OrderRow | undefined;
      return row ? toOrder(row) : null;
    },
    async beginIdempotent(scope, bodyHash, now) {
      return beginIdempotent(scope, bodyHash, now);
    },
    async completeIdempotent(scope, status, body) {
      database
        .prepare('UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE merchant_id = ? AND route = ? AND key = ?')
        .run(status, cipher.encrypt(body), scope.merchantId, scope.route, scope.key);
    },
    async retakeIdempotent(scope, claimedAt, now) {
      const result = database
        .prepare(
          'UPDATE idempotency_keys SET created_at = ? WHERE merchant_id = ? AND route = ? AND key = ? AND response_status IS NULL AND created_at = ?',
        )
        .run(now.toISOString(), scope.merchantId, scope.route, scope.key, claimedAt.toISOString());
      return result.changes === 1;
    },
    async abandonIdempotent(scope) {
      database
        .prepare('DELETE FROM idempotency_keys WHERE merchant_id = ? AND route = ? AND key = ? AND response_status IS NULL')
        .run(scope.merchantId, scope.route, scope.key);
    },
    async recordProviderEvent(event) {
      const result = database
        .prepare('INSERT OR IGNORE INTO provider_events (provider, event_id, type, order_id, received_at) VALUES (?, ?, ?, ?, ?)')
        .run(event.provider, event.eventId, event.type, event.orderId, new Date().toISOString());
      return result.changes === 1;
    },
    async hasProviderEvent(provider, eventId) {
      return database.prepare('SELECT 1 FROM provider_events WHERE provider = ? AND event_id = ?').get(provider, eventId) !== undefined;
    },
    async claimProviderValue(provider, key, value) {
      database
        .prepare('INSERT OR IGNORE INTO provider_values (provider, key, value, created_at) VALUES (?, ?, ?, ?)')
        .run(provider, key, value, new Date().toISOString());
      const row = database.prepare('SELECT value FROM provider_values WHERE provider = ? AND key = ?').get(provider, key) as {
        value: string;
      };
      return row.value;
    },
    async getProviderValue(provider, key) {
      const row = database.prepare('SELECT value FROM provider_values WHERE provider = ? AND key = ?').get(provider, key) as
        { value: string } | undefined;
      return row?.value ?? null;
    },
    async forgetProviderValue(provider, key, value) {
      database.prepare('DELETE FROM provider_values WHERE provider = ? AND key = ? AND value = ?').run(provider, key, value);
    },
    async close() {
      database.close();
    },
    async listOrdersForReview(statuses, limit) {
      const rows = database
        .prepare(
          `SELECT * FROM orders WHERE refunded_at IS NULL AND (status IN (${statuses.map(() => '?').join(', ')}) OR charged_price IS NOT NULL) ORDER BY created_at LIMIT ?`,
        )
        .all(...statuses, limit) as OrderRow[];
      return readableOrders(rows, cipher, logger);
    },
    async findOrdersByReference(reference) {
      const rows = database
        .prepare(
          `SELECT * FROM orders WHERE (policy IS NOT NULL AND json_extract(policy, '$.reference') = @reference)
             OR (metadata IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(orders.metadata) WHERE json_each.value = @reference))
           ORDER BY created_at DESC LIMIT 20`,
        )
        .all({ reference }) as OrderRow[];
      return readableOrders(rows, cipher, logger);
    },
    async checkReady() {
      if (!database.open) return { ready: false, reason: 'database closed' };
      const row = database.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
      return readinessOf(row.version);
    },
  });

  /** A saved response holds the order's client secret: it is stored encrypted, and opened here. */
  function openResponse(scope: IdempotencyScope, stored: string | null): string {
    try {
      return cipher.decrypt(stored ?? '');
    } catch (error) {
      logger.error('saved response skipped: it cannot be decrypted with this data key', { route: scope.route });
      throw new UnreadableRecord({ kind: 'idempotency', recordId: scope.route, cause: error });
    }
  }
}

function migrate(database: Database.Database): void {
  database.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (database.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database
        .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
        .run(migration.version, new Date().toISOString());
    })();
  }
}
