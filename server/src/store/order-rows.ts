/** Orders ↔ table rows, the same for every engine. Personal data is encrypted on the way in. */
import type { OrderStatus } from '../../../contract/types.ts';
import type { Logger } from '../logger.ts';
import type { FieldCipher } from './field-cipher.ts';
import { UnreadableRecord } from './store-errors.ts';
import type { FailureKind, OrderPatch, StoredOrder } from './types.ts';

/** Idempotency records older than this are forgotten, as Stripe does. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface OrderRow {
  id: string;
  merchant_id: string;
  status: string;
  offer: string;
  device: string;
  customer: string;
  policy: string | null;
  client_secret_hash: string;
  payment_reference: string | null;
  failure_reason: string | null;
  failure_kind: string | null;
  charged_price: string | null;
  cancellation_reason: string | null;
  cancelled_at: string | null;
  refunded_at: string | null;
  refund_note: string | null;
  metadata: string | null;
  created_at: string;
  updated_at: string;
}

export const ORDER_COLUMNS = [
  'id',
  'merchant_id',
  'status',
  'offer',
  'device',
  'customer',
  'policy',
  'client_secret_hash',
  'payment_reference',
  'failure_reason',
  'failure_kind',
  'charged_price',
  'cancellation_reason',
  'cancelled_at',
  'refunded_at',
  'refund_note',
  'metadata',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OrderRow)[];

/** The order of a row; `UnreadableRecord` where the row was encrypted under another key. */
export function rowToOrder(row: OrderRow, cipher: FieldCipher): StoredOrder {
  try {
    return decodeRow(row, cipher);
  } catch (error) {
    throw new UnreadableRecord({ kind: 'order', recordId: row.id, cause: error });
  }
}

/**
 * The orders of `rows` this server can read. One it cannot is logged by id and skipped,
 * never fatal: the other orders (and the reconciler's pass over them) go on.
 */
export function readableOrders(rows: readonly OrderRow[], cipher: FieldCipher, logger: Pick<Logger, 'error'>): StoredOrder[] {
  return rows.flatMap((row) => {
    try {
      return [rowToOrder(row, cipher)];
    } catch (error) {
      if (!(error instanceof UnreadableRecord)) throw error;
      logger.error('order skipped: it cannot be decrypted with this data key', { orderId: row.id });
      return [];
    }
  });
}

function decodeRow(row: OrderRow, cipher: FieldCipher): StoredOrder {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: row.status as OrderStatus,
    offer: JSON.parse(row.offer),
    device: JSON.parse(cipher.decrypt(row.device)),
    customer: JSON.parse(cipher.decrypt(row.customer)),
    policy: row.policy ? JSON.parse(row.policy) : null,
    clientSecretHash: row.client_secret_hash,
    paymentReference: row.payment_reference,
    failureReason: row.failure_reason,
    failureKind: (row.failure_kind as FailureKind | null) ?? null,
    chargedPrice: row.charged_price ? JSON.parse(row.charged_price) : null,
    cancellationReason: row.cancellation_reason ? cipher.decrypt(row.cancellation_reason) : null,
    cancelledAt: row.cancelled_at ?? null,
    refundedAt: row.refunded_at ?? null,
    refundNote: row.refund_note ? cipher.decrypt(row.refund_note) : null,
    metadata: row.metadata ? JSON.parse(row.metadata) : {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The offer as stored: readable (plan, price, provider context), so never with the digests
 * of the device's identifiers that bound the offer id to an IMEI or serial.
 */
function storedOffer(offer: StoredOrder['offer']): string {
  if (!offer.context) return JSON.stringify(offer);
  const { imeiDigest, serialDigest, ...context } = offer.context;
  void imeiDigest;
  void serialDigest;
  return JSON.stringify({ ...offer, context });
}

export function orderToRow(order: StoredOrder, cipher: FieldCipher): OrderRow {
  return {
    id: order.id,
    merchant_id: order.merchantId,
    status: order.status,
    offer: storedOffer(order.offer),
    device: cipher.encrypt(JSON.stringify(order.device)),
    customer: cipher.encrypt(JSON.stringify(order.customer)),
    policy: order.policy ? JSON.stringify(order.policy) : null,
    client_secret_hash: order.clientSecretHash,
    payment_reference: order.paymentReference,
    failure_reason: order.failureReason,
    failure_kind: order.failureKind ?? null,
    charged_price: order.chargedPrice ? JSON.stringify(order.chargedPrice) : null,
    cancellation_reason: order.cancellationReason ? cipher.encrypt(order.cancellationReason) : null,
    cancelled_at: order.cancelledAt ?? null,
    refunded_at: order.refundedAt ?? null,
    refund_note: order.refundNote ? cipher.encrypt(order.refundNote) : null,
    metadata: order.metadata && Object.keys(order.metadata).length > 0 ? JSON.stringify(order.metadata) : null,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  };
}

/** The columns an OrderPatch sets, with `updated_at`. */
export function patchToColumns(patch: OrderPatch, cipher: FieldCipher, now = new Date()): Partial<OrderRow> {
  const columns: Partial<OrderRow> = { updated_at: now.toISOString() };
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.policy !== undefined) columns.policy = patch.policy ? JSON.stringify(patch.policy) : null;
  if (patch.paymentReference !== undefined) columns.payment_reference = patch.paymentReference;
  if (patch.failureReason !== undefined) columns.failure_reason = patch.failureReason;
  if (patch.failureKind !== undefined) columns.failure_kind = patch.failureKind;
  if (patch.chargedPrice !== undefined) columns.charged_price = patch.chargedPrice ? JSON.stringify(patch.chargedPrice) : null;
  if (patch.cancellationReason !== undefined)
    columns.cancellation_reason = patch.cancellationReason ? cipher.encrypt(patch.cancellationReason) : null;
  if (patch.cancelledAt !== undefined) columns.cancelled_at = patch.cancelledAt;
  if (patch.refundedAt !== undefined) columns.refunded_at = patch.refundedAt;
  if (patch.refundNote !== undefined) columns.refund_note = patch.refundNote ? cipher.encrypt(patch.refundNote) : null;
  return columns;
}
