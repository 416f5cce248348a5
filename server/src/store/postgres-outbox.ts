/**
 * PostgreSQL's outbox and lists: events written inside the caller's transaction (the order's
 * row lock orders them per order), claimed with `FOR UPDATE SKIP LOCKED` and a lease, so any
 * number of instances share the work without doing it twice, and an instance that dies leaves
 * its leases to expire and be claimed again. Cursor-paginated order and event lists.
 */
import type pg from 'pg';
import type { Logger } from '../logger.ts';
import { EARLIER_PENDING, NEW_EVENT_COLUMNS, newEventValues, rowToEvent, toPage, type EventRow } from './event-rows.ts';
import type { FieldCipher } from './field-cipher.ts';
import { readableOrders, type OrderRow } from './order-rows.ts';
import type { NewEvent, Store } from './types.ts';

type OutboxMethods = Pick<
  Store,
  'listOrders' | 'listEvents' | 'getEvent' | 'claimDueEvents' | 'settleEvent' | 'resendEvent' | 'countPendingEvents'
>;

/**
 * Appends `event` after the order's earlier events. Call inside the transaction that made the
 * change: the order's row lock (already held after an order update; taken here for a claim's)
 * serialises the order's events, so sequences never collide.
 */
export async function insertPostgresEvent(client: pg.PoolClient, event: NewEvent): Promise<void> {
  await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [event.orderId]);
  const values = newEventValues(event);
  await client.query(
    `INSERT INTO events (${NEW_EVENT_COLUMNS.join(', ')}, sequence)
     VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')},
             (SELECT COALESCE(MAX(sequence), 0) + 1 FROM events WHERE order_id = $4))`,
    values,
  );
}

/** Runs `work` in one transaction on one connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function list<Row>(
  pool: pg.Pool,
  table: 'orders' | 'events',
  merchantId: string,
  startingAfter: string | undefined,
  filter: { column: string; values: readonly string[] } | null,
  limit: number,
): Promise<Row[] | null> {
  const conditions = ['merchant_id = $1'];
  const values: unknown[] = [merchantId];
  if (startingAfter !== undefined) {
    const cursor = await pool.query<{ created_at: string; id: string }>(
      `SELECT created_at, id FROM ${table} WHERE merchant_id = $1 AND id = $2`,
      [merchantId, startingAfter],
    );
    if (!cursor.rows[0]) return null;
    values.push(cursor.rows[0].created_at, cursor.rows[0].id);
    conditions.push(`(created_at, id) < ($${values.length - 1}, $${values.length})`);
  }
  if (filter && filter.values.length > 0) {
    values.push([...filter.values]);
    conditions.push(`${filter.column} = ANY($${values.length})`);
  }
  values.push(limit + 1);
  const result = await pool.query(
    `SELECT * FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  return result.rows as Row[];
}

export function postgresOutbox(pool: pg.Pool, cipher: FieldCipher, logger: Pick<Logger, 'error'>): OutboxMethods {
  return {
    async listOrders(merchantId, { statuses, limit, startingAfter }) {
      const rows = await list<OrderRow>(
        pool,
        'orders',
        merchantId,
        startingAfter,
        statuses ? { column: 'status', values: statuses } : null,
        limit,
      );
      return rows && toPage(rows, limit, (row) => readableOrders([row], cipher, logger));
    },
    async listEvents(merchantId, { type, limit, startingAfter }) {
      const rows = await list<EventRow>(
        pool,
        'events',
        merchantId,
        startingAfter,
        type !== undefined ? { column: 'type', values: [type] } : null,
        limit,
      );
      return rows && toPage(rows, limit, (row) => [rowToEvent(row)]);
    },
    async countPendingEvents() {
      const result = await pool.query<{ count: string }>("SELECT count(*) AS count FROM events WHERE state = 'pending'");
      return Number(result.rows[0]?.count ?? 0);
    },
    async getEvent(merchantId, id) {
      const result = await pool.query<EventRow>('SELECT * FROM events WHERE merchant_id = $1 AND id = $2', [merchantId, id]);
      return result.rows[0] ? rowToEvent(result.rows[0]) : null;
    },
    async claimDueEvents({ owner, merchantIds, now, leaseMs, limit }) {
      if (merchantIds.length === 0) return [];
      const at = now.toISOString();
      // SKIP LOCKED: rows another instance is claiming right now are left to it. A row whose
      // lease another instance committed meanwhile is re-checked against the lease condition.
      const result = await pool.query<EventRow>(
        `UPDATE events SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 WHERE id IN (
           SELECT e.id FROM events e
           WHERE e.state = 'pending' AND e.next_attempt_at <= $3 AND (e.lease_until IS NULL OR e.lease_until <= $3)
             AND e.merchant_id = ANY($4) AND ${EARLIER_PENDING}
           ORDER BY e.next_attempt_at, e.sequence LIMIT $5
           FOR UPDATE OF e SKIP LOCKED)
         AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $3)
         RETURNING *`,
        [owner, new Date(now.getTime() + leaseMs).toISOString(), at, [...merchantIds], limit],
      );
      return result.rows.map(rowToEvent);
    },
    async settleEvent(id, owner, { state, at, nextAttemptAt, lastStatus, lastError }) {
      await pool.query(
        `UPDATE events SET state = $1, next_attempt_at = COALESCE($2, next_attempt_at), delivered_at = $3, last_status = $4,
           last_error = $5, lease_owner = NULL, lease_until = NULL
         WHERE id = $6 AND lease_owner = $7`,
        [state, nextAttemptAt?.toISOString() ?? null, state === 'delivered' ? at.toISOString() : null, lastStatus, lastError, id, owner],
      );
    },
    async resendEvent(merchantId, id, now, giveUpAt) {
      const result = await pool.query<EventRow>(
        `UPDATE events SET state = 'pending', next_attempt_at = $1, give_up_at = $2, delivered_at = NULL
         WHERE merchant_id = $3 AND id = $4 RETURNING *`,
        [now.toISOString(), giveUpAt.toISOString(), merchantId, id],
      );
      return result.rows[0] ? rowToEvent(result.rows[0]) : null;
    },
  };
}
