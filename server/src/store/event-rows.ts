/** Outbox events ↔ table rows, the same for every engine. Bodies hold no personal data. */
import type { EventState, NewEvent, StoredEvent } from './types.ts';

export interface EventRow {
  id: string;
  merchant_id: string;
  type: string;
  order_id: string;
  sequence: number | string;
  livemode: number | string;
  body: string;
  created_at: string;
  state: string;
  attempts: number | string;
  next_attempt_at: string;
  give_up_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  delivered_at: string | null;
  last_status: number | string | null;
  last_error: string | null;
}

/** Columns of an insert, in order; `sequence` is computed by the engine inside the transaction. */
export const NEW_EVENT_COLUMNS = [
  'id',
  'merchant_id',
  'type',
  'order_id',
  'livemode',
  'body',
  'created_at',
  'state',
  'attempts',
  'next_attempt_at',
  'give_up_at',
] as const;

export function newEventValues(event: NewEvent): (string | number)[] {
  return [
    event.id,
    event.merchantId,
    event.type,
    event.orderId,
    event.livemode ? 1 : 0,
    event.body,
    event.createdAt,
    event.deliver ? 'pending' : 'not_sent',
    0,
    event.createdAt,
    event.giveUpAt,
  ];
}

export function rowToEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    type: row.type,
    orderId: row.order_id,
    sequence: Number(row.sequence),
    livemode: Number(row.livemode) === 1,
    body: row.body,
    createdAt: row.created_at,
    state: row.state as EventState,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    giveUpAt: row.give_up_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    deliveredAt: row.delivered_at,
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
  };
}

/** Pages ask for one row more than they show: its presence is `hasMore`. */
export function toPage<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item[]): { data: Item[]; hasMore: boolean } {
  return { data: rows.slice(0, limit).flatMap(map), hasMore: rows.length > limit };
}

/** An order may not be eligible for delivery while an earlier event of it is still pending. */
export const EARLIER_PENDING = `NOT EXISTS (SELECT 1 FROM events earlier WHERE earlier.order_id = e.order_id AND earlier.sequence < e.sequence AND earlier.state = 'pending')`;
