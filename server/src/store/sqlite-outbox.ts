/**
 * The embedded engine's outbox and lists: events written inside the caller's transaction,
 * claimed for delivery with a lease (one process holds the file's write lock at a time, so a
 * transaction is the claim), and the merchant's cursor-paginated order and event lists.
 */
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { EARLIER_PENDING, NEW_EVENT_COLUMNS, newEventValues, rowToEvent, toPage, type EventRow } from './event-rows.ts';
import type { FieldCipher } from './field-cipher.ts';
import { readableOrders, type OrderRow } from './order-rows.ts';
import type { NewEvent, Store } from './types.ts';

type OutboxMethods = Pick<
  Store,
  'listOrders' | 'listEvents' | 'getEvent' | 'claimDueEvents' | 'settleEvent' | 'resendEvent' | 'countPendingEvents'
>;

/** Appends `event` after the order's earlier events; call inside the transaction that changed the order. */
export function insertSqliteEvent(database: Database.Database, event: NewEvent): void {
  const sequence = database.prepare('SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM events WHERE order_id = ?').get(event.orderId) as {
    next: number;
  };
  database
    .prepare(`INSERT INTO events (${NEW_EVENT_COLUMNS.join(', ')}, sequence) VALUES (${NEW_EVENT_COLUMNS.map(() => '?').join(', ')}, ?)`)
    .run(...newEventValues(event), sequence.next);
}

/** `(created_at, id)` of a merchant's row, the cursor's position; undefined where it is not theirs. */
function cursorOf(database: Database.Database, table: 'orders' | 'events', merchantId: string, id: string) {
  return database.prepare(`SELECT created_at, id FROM ${table} WHERE merchant_id = ? AND id = ?`).get(merchantId, id) as
    { created_at: string; id: string } | undefined;
}

export function sqliteOutbox(database: Database.Database, cipher: FieldCipher, logger: Pick<Logger, 'error'>): OutboxMethods {
  const claim = database.transaction((owner: string, merchantIds: readonly string[], now: string, leaseUntil: string, limit: number) => {
    if (merchantIds.length === 0) return [];
    return database
      .prepare(
        `UPDATE events SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id IN (
           SELECT e.id FROM events e
           WHERE e.state = 'pending' AND e.next_attempt_at <= ? AND (e.lease_until IS NULL OR e.lease_until <= ?)
             AND e.merchant_id IN (${merchantIds.map(() => '?').join(', ')}) AND ${EARLIER_PENDING}
           ORDER BY e.next_attempt_at, e.sequence LIMIT ?)
         RETURNING *`,
      )
      .all(owner, leaseUntil, now, now, ...merchantIds, limit) as EventRow[];
  });

  // A read, which WAL mode never blocks: most rounds find nothing due and take no write lock.
  const anyDue = database.prepare(
    "SELECT 1 FROM events WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1",
  );

  return {
    async listOrders(merchantId, { statuses, limit, startingAfter }) {
      const conditions = ['merchant_id = ?'];
      const values: unknown[] = [merchantId];
      if (startingAfter !== undefined) {
        const cursor = cursorOf(database, 'orders', merchantId, startingAfter);
        if (!cursor) return null;
        conditions.push('(created_at, id) < (?, ?)');
        values.push(cursor.created_at, cursor.id);
      }
      if (statuses && statuses.length > 0) {
        conditions.push(`status IN (${statuses.map(() => '?').join(', ')})`);
        values.push(...statuses);
      }
      const rows = database
        .prepare(`SELECT * FROM orders WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(...values, limit + 1) as OrderRow[];
      return toPage(rows, limit, (row) => readableOrders([row], cipher, logger));
    },
    async listEvents(merchantId, { type, limit, startingAfter }) {
      const conditions = ['merchant_id = ?'];
      const values: unknown[] = [merchantId];
      if (startingAfter !== undefined) {
        const cursor = cursorOf(database, 'events', merchantId, startingAfter);
        if (!cursor) return null;
        conditions.push('(created_at, id) < (?, ?)');
        values.push(cursor.created_at, cursor.id);
      }
      if (type !== undefined) {
        conditions.push('type = ?');
        values.push(type);
      }
      const rows = database
        .prepare(`SELECT * FROM events WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(...values, limit + 1) as EventRow[];
      return toPage(rows, limit, (row) => [rowToEvent(row)]);
    },
    async countPendingEvents() {
      return (database.prepare("SELECT count(*) AS count FROM events WHERE state = 'pending'").get() as { count: number }).count;
    },
    async getEvent(merchantId, id) {
      const row = database.prepare('SELECT * FROM events WHERE merchant_id = ? AND id = ?').get(merchantId, id) as EventRow | undefined;
      return row ? rowToEvent(row) : null;
    },
    async claimDueEvents({ owner, merchantIds, now, leaseMs, limit }) {
      const at = now.toISOString();
      if (!anyDue.get(at, at)) return [];
      // Calls are synchronous: waiting on another process's lock would stall every request with
      // it. The claim does not wait (SQLITE_BUSY → StoreBusy); the next round tries again.
      const busyTimeout = database.pragma('busy_timeout', { simple: true }) as number;
      database.pragma('busy_timeout = 0');
      try {
        return claim(owner, merchantIds, at, new Date(now.getTime() + leaseMs).toISOString(), limit).map(rowToEvent);
      } finally {
        database.pragma(`busy_timeout = ${busyTimeout}`);
      }
    },
    async settleEvent(id, owner, { state, at, nextAttemptAt, lastStatus, lastError }) {
      database
        .prepare(
          `UPDATE events SET state = ?, next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?, last_status = ?, last_error = ?,
             lease_owner = NULL, lease_until = NULL
           WHERE id = ? AND lease_owner = ?`,
        )
        .run(
          state,
          nextAttemptAt?.toISOString() ?? null,
          state === 'delivered' ? at.toISOString() : null,
          lastStatus,
          lastError,
          id,
          owner,
        );
    },
    async resendEvent(merchantId, id, now, giveUpAt) {
      const row = database
        .prepare(
          `UPDATE events SET state = 'pending', next_attempt_at = ?, give_up_at = ?, delivered_at = NULL
           WHERE merchant_id = ? AND id = ? RETURNING *`,
        )
        .get(now.toISOString(), giveUpAt.toISOString(), merchantId, id) as EventRow | undefined;
      return row ? rowToEvent(row) : null;
    },
  };
}
