/**
 * The PostgreSQL engine (`DATABASE_URL`), so several server instances can share orders
 * behind a load balancer. Same migrations and row shapes as the embedded engine.
 */
import pg from 'pg';
import { createLogger, type Logger } from '../logger.ts';
import type { FieldCipher } from './field-cipher.ts';
import { postgresClaimsAwaitingDecision } from './claims-awaiting-decision.ts';
import { postgresClaimStore } from './claims-postgres.ts';
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
import { postgresCoordination } from './postgres-coordination.ts';
import { inTransaction, insertPostgresEvent, postgresOutbox } from './postgres-outbox.ts';
import { UnreadableRecord } from './store-errors.ts';
import type { IdempotencyScope, Store } from './types.ts';

/** Serialises migrations across instances starting at once. */
const MIGRATION_LOCK_ID = 7_262_534;

export async function openPostgresStore(
  connectionString: string,
  cipher: FieldCipher,
  { schema, logger = createLogger() }: { schema?: string; logger?: Pick<Logger, 'error'> } = {},
): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('schema must be a plain lowercase identifier');
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await migrate(pool, schema);

  const scopeValues = (scope: IdempotencyScope) => [scope.merchantId, scope.route, scope.key];
  /** A saved response holds the order's client secret: it is stored encrypted, and opened here. */
  const openResponse = (scope: IdempotencyScope, stored: string | null): string => {
    try {
      return cipher.decrypt(stored ?? '');
    } catch (error) {
      logger.error('saved response skipped: it cannot be decrypted with this data key', { route: scope.route });
      throw new UnreadableRecord({ kind: 'idempotency', recordId: scope.route, cause: error });
    }
  };

  return {
    ...postgresOutbox(pool, cipher, logger),
    ...postgresClaimStore(pool, cipher),
    ...postgresClaimsAwaitingDecision(pool, cipher),
    async createOrder(order, announce) {
      const row = orderToRow(order, cipher);
      const placeholders = ORDER_COLUMNS.map((_, index) => `$${index + 1}`);
      const insert = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})`;
      const values = ORDER_COLUMNS.map((column) => row[column]);
      if (!announce) return void (await pool.query(insert, values));
      // The order and the event announcing it commit together, or neither does.
      await inTransaction(pool, async (client) => {
        await client.query(insert, values);
        const event = announce(order);
        if (event) await insertPostgresEvent(client, event);
      });
    },
    async getOrder(merchantId, id) {
      const result = await pool.query<OrderRow>('SELECT * FROM orders WHERE merchant_id = $1 AND id = $2', [merchantId, id]);
      return result.rows[0] ? rowToOrder(result.rows[0], cipher) : null;
    },
    async transitionOrder(id, from, patch, announce) {
      const columns = Object.entries(patchToColumns(patch, cipher));
      const assignments = columns.map(([column], index) => `${column} = $${index + 3}`);
      const update = `UPDATE orders SET ${assignments.join(', ')} WHERE id = $1 AND status = ANY($2) RETURNING *`;
      const values = [id, [...from], ...columns.map(([, value]) => value)];
      if (!announce) {
        const result = await pool.query<OrderRow>(update, values);
        return result.rows[0] ? rowToOrder(result.rows[0], cipher) : null;
      }
      // The change and the event announcing it commit together (the outbox): none is lost on a crash.
      return inTransaction(pool, async (client) => {
        const result = await client.query<OrderRow>(update, values);
        if (!result.rows[0]) return null;
        const order = rowToOrder(result.rows[0], cipher);
        const event = announce(order);
        if (event) await insertPostgresEvent(client, event);
        return order;
      });
    },
    async getOrderById(id) {
      const result = await pool.query<OrderRow>('SELECT * FROM orders WHERE id = $1', [id]);
      return result.rows[0] ? rowToOrder(result.rows[0], cipher) : null;
    },
    async listOrdersByStatus(statuses) {
      const result = await pool.query<OrderRow>('SELECT * FROM orders WHERE status = ANY($1) ORDER BY created_at', [[...statuses]]);
      return readableOrders(result.rows, cipher, logger);
    },
    async beginIdempotent(scope, bodyHash, now) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('DELETE FROM idempotency_keys WHERE merchant_id = $1 AND route = $2 AND key = $3 AND created_at < $4', [
          ...scopeValues(scope),
          new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString(),
        ]);
        // ON CONFLICT makes the claim atomic across instances: exactly one request inserts.
        const inserted = await client.query(
          'INSERT INTO idempotency_keys (merchant_id, route, key, body_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
          [...scopeValues(scope), bodyHash, now.toISOString()],
        );
        let outcome: Awaited<ReturnType<Store['beginIdempotent']>>;
        if (inserted.rowCount === 1) outcome = { state: 'started' };
        else {
          const existing = await client.query<{
            body_hash: string;
            response_status: number | null;
            response_body: string | null;
            created_at: string;
          }>(
            'SELECT body_hash, response_status, response_body, created_at FROM idempotency_keys WHERE merchant_id = $1 AND route = $2 AND key = $3',
            scopeValues(scope),
          );
          const record = existing.rows[0]!;
          if (record.body_hash !== bodyHash) outcome = { state: 'mismatch' };
          else if (record.response_status === null) outcome = { state: 'in_flight', claimedAt: new Date(record.created_at) };
          else outcome = { state: 'completed', status: record.response_status, body: openResponse(scope, record.response_body) };
        }
        await client.query('COMMIT');
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async completeIdempotent(scope, status, body) {
      await pool.query(
        'UPDATE idempotency_keys SET response_status = $4, response_body = $5 WHERE merchant_id = $1 AND route = $2 AND key = $3',
        [...scopeValues(scope), status, cipher.encrypt(body)],
      );
    },
    async retakeIdempotent(scope, claimedAt, now) {
      const result = await pool.query(
        'UPDATE idempotency_keys SET created_at = $4 WHERE merchant_id = $1 AND route = $2 AND key = $3 AND response_status IS NULL AND created_at = $5',
        [...scopeValues(scope), now.toISOString(), claimedAt.toISOString()],
      );
      return result.rowCount === 1;
    },
    async abandonIdempotent(scope) {
      await pool.query(
        'DELETE FROM idempotency_keys WHERE merchant_id = $1 AND route = $2 AND key = $3 AND response_status IS NULL',
        scopeValues(scope),
      );
    },
    async recordProviderEvent(event) {
      const result = await pool.query(
        'INSERT INTO provider_events (provider, event_id, type, order_id, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [event.provider, event.eventId, event.type, event.orderId, new Date().toISOString()],
      );
      return result.rowCount === 1;
    },
    async hasProviderEvent(provider, eventId) {
      return (
        ((await pool.query('SELECT 1 FROM provider_events WHERE provider = $1 AND event_id = $2', [provider, eventId])).rowCount ?? 0) > 0
      );
    },
    async claimProviderValue(provider, key, value) {
      // First writer wins, across instances too: the insert is a no-op when a value exists.
      await pool.query('INSERT INTO provider_values (provider, key, value, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        provider,
        key,
        value,
        new Date().toISOString(),
      ]);
      return (await pool.query<{ value: string }>('SELECT value FROM provider_values WHERE provider = $1 AND key = $2', [provider, key]))
        .rows[0]!.value;
    },
    async getProviderValue(provider, key) {
      return (
        (await pool.query<{ value: string }>('SELECT value FROM provider_values WHERE provider = $1 AND key = $2', [provider, key])).rows[0]
          ?.value ?? null
      );
    },
    async forgetProviderValue(provider, key, value) {
      await pool.query('DELETE FROM provider_values WHERE provider = $1 AND key = $2 AND value = $3', [provider, key, value]);
    },
    async close() {
      await pool.end();
    },
    ...postgresCoordination(pool, cipher, logger),
    async listOrdersForReview(statuses, limit) {
      const result = await pool.query<OrderRow>(
        'SELECT * FROM orders WHERE refunded_at IS NULL AND (status = ANY($1) OR charged_price IS NOT NULL) ORDER BY created_at LIMIT $2',
        [[...statuses], limit],
      );
      return readableOrders(result.rows, cipher, logger);
    },
    async findOrdersByReference(reference) {
      const result = await pool.query<OrderRow>(
        `SELECT * FROM orders WHERE (policy IS NOT NULL AND (policy::jsonb)->>'reference' = $1)
           OR (metadata IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each_text(metadata::jsonb) AS entry WHERE entry.value = $1))
         ORDER BY created_at DESC LIMIT 20`,
        [reference],
      );
      return readableOrders(result.rows, cipher, logger);
    },
  };
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version),
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          migration.version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
