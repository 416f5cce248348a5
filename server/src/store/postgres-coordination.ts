/**
 * What lets several instances on one PostgreSQL behave as one: readiness, counters shared by
 * every instance (rate limits, provider budgets) and the reconciler's leases on orders. Kept
 * beside postgres-store.ts, which spreads these methods into its Store.
 */
import type pg from 'pg';
import type { Logger } from '../logger.ts';
import type { FieldCipher } from './field-cipher.ts';
import { readableOrders, type OrderRow } from './order-rows.ts';
import { readinessOf } from './readiness.ts';
import type { Store } from './types.ts';

/** Counters older than this are deleted now and then (the longest window we use is a minute). */
const COUNTER_RETENTION_MS = 5 * 60_000;

export function postgresCoordination(
  pool: pg.Pool,
  cipher: FieldCipher,
  logger: Pick<Logger, 'error'>,
): Required<
  Pick<Store, 'checkReady' | 'addToCounter' | 'readCounter' | 'claimOrderLease' | 'releaseOrderLeases' | 'acquireLock' | 'releaseLock'>
> {
  let lastSweep = 0;
  async function sweepOldCounters(now: number): Promise<void> {
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    await pool.query('DELETE FROM shared_counters WHERE window_start < $1', [now - COUNTER_RETENTION_MS]).catch(() => undefined);
  }

  return {
    async checkReady() {
      try {
        const result = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
        return readinessOf(result.rows[0]?.version);
      } catch (error) {
        return { ready: false, reason: `database unreachable (${(error as { code?: string }).code ?? (error as Error).name})` };
      }
    },
    async addToCounter(key, windowStart, cost, limit) {
      void sweepOldCounters(windowStart);
      // One statement: the insert (a new window) or the increment happens only within the limit,
      // and concurrent instances serialise on the row.
      const result = await pool.query<{ count: number }>(
        `INSERT INTO shared_counters (key, window_start, count) SELECT $1::text, $2::bigint, $3::integer WHERE $3::integer <= $4::integer
         ON CONFLICT (key, window_start) DO UPDATE SET count = shared_counters.count + EXCLUDED.count
         WHERE shared_counters.count + EXCLUDED.count <= $4::integer
         RETURNING count`,
        [key, windowStart, cost, limit],
      );
      return result.rows[0]?.count ?? null;
    },
    async readCounter(key, windowStart) {
      const result = await pool.query<{ count: number }>('SELECT count FROM shared_counters WHERE key = $1 AND window_start = $2', [
        key,
        windowStart,
      ]);
      return result.rows[0]?.count ?? 0;
    },
    async claimOrderLease(statuses, owner, until, now) {
      for (;;) {
        // SKIP LOCKED: an order another instance is claiming this instant is passed over, not waited on.
        const result = await pool.query<OrderRow>(
          `WITH due AS (
             SELECT id FROM orders
             WHERE status = ANY($1) AND (lease_until IS NULL OR lease_until < $2)
             ORDER BY created_at LIMIT 1
             FOR UPDATE SKIP LOCKED
           )
           UPDATE orders SET lease_owner = $3, lease_until = $4 FROM due WHERE orders.id = due.id
           RETURNING orders.*`,
          [[...statuses], now.toISOString(), owner, until.toISOString()],
        );
        const row = result.rows[0];
        if (!row) return null;
        // An order this data key cannot read stays leased (skipped) until the lease lapses.
        const [order] = readableOrders([row], cipher, logger);
        if (order) return order;
      }
    },
    async releaseOrderLeases(owner) {
      await pool.query('UPDATE orders SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', [owner]);
    },
    async acquireLock(key, owner, until, now) {
      // Taken when free, or when its holder's time ran out (an instance that died holding it).
      const result = await pool.query(
        `INSERT INTO shared_locks (key, owner, until) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until WHERE shared_locks.until < $4`,
        [key, owner, until.toISOString(), now.toISOString()],
      );
      return result.rowCount === 1;
    },
    async releaseLock(key, owner) {
      await pool.query('DELETE FROM shared_locks WHERE key = $1 AND owner = $2', [key, owner]);
    },
  };
}
