/** Claims ↔ table rows, the same for every engine. The incident and the address are encrypted on the way in. */
import type { ClaimStatus, ClaimType } from '../../../contract/claims.ts';
import type { FieldCipher } from './field-cipher.ts';
import { UnreadableRecord } from './store-errors.ts';
import type { ClaimPatch, StoredClaim } from './types.ts';

export interface ClaimRow {
  id: string;
  merchant_id: string;
  order_id: string;
  livemode: number;
  provider: string;
  status: string;
  type: string;
  reference: string | null;
  incident: string;
  issue: string | null;
  appointment: string | null;
  address: string | null;
  decision: string | null;
  timeline: string;
  provider_references: string;
  created_at: string;
  updated_at: string;
}

export const CLAIM_COLUMNS = [
  'id',
  'merchant_id',
  'order_id',
  'livemode',
  'provider',
  'status',
  'type',
  'reference',
  'incident',
  'issue',
  'appointment',
  'address',
  'decision',
  'timeline',
  'provider_references',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ClaimRow)[];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function claimToRow(claim: StoredClaim, cipher: FieldCipher): ClaimRow {
  return {
    id: claim.id,
    merchant_id: claim.merchantId,
    order_id: claim.orderId,
    livemode: claim.livemode ? 1 : 0,
    provider: claim.provider,
    status: claim.status,
    type: claim.type,
    reference: claim.reference,
    incident: cipher.encrypt(JSON.stringify(claim.incident)),
    issue: claim.issue,
    appointment: json(claim.appointment),
    address: claim.address ? cipher.encrypt(JSON.stringify(claim.address)) : null,
    decision: json(claim.decision),
    timeline: JSON.stringify(claim.timeline),
    provider_references: JSON.stringify(claim.providerReferences),
    created_at: claim.createdAt,
    updated_at: claim.updatedAt,
  };
}

/** The claim of a row; `UnreadableRecord` where the row was encrypted under another key. */
export function rowToClaim(row: ClaimRow, cipher: FieldCipher): StoredClaim {
  try {
    return {
      id: row.id,
      merchantId: row.merchant_id,
      orderId: row.order_id,
      livemode: Number(row.livemode) === 1,
      provider: row.provider,
      status: row.status as ClaimStatus,
      type: row.type as ClaimType,
      reference: row.reference,
      incident: JSON.parse(cipher.decrypt(row.incident)),
      issue: row.issue,
      appointment: row.appointment ? JSON.parse(row.appointment) : null,
      address: row.address ? JSON.parse(cipher.decrypt(row.address)) : null,
      decision: row.decision ? JSON.parse(row.decision) : null,
      timeline: JSON.parse(row.timeline),
      providerReferences: JSON.parse(row.provider_references),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  } catch (error) {
    throw new UnreadableRecord({ kind: 'claim', recordId: row.id, cause: error });
  }
}

/** The columns a ClaimPatch sets, with `updated_at`. */
export function claimPatchToColumns(patch: ClaimPatch, now = new Date()): Partial<ClaimRow> {
  const columns: Partial<ClaimRow> = { updated_at: now.toISOString() };
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.reference !== undefined) columns.reference = patch.reference;
  if (patch.appointment !== undefined) columns.appointment = json(patch.appointment);
  if (patch.decision !== undefined) columns.decision = json(patch.decision);
  if (patch.timeline !== undefined) columns.timeline = JSON.stringify(patch.timeline);
  if (patch.providerReferences !== undefined) columns.provider_references = JSON.stringify(patch.providerReferences);
  return columns;
}

export const CLAIM_LIST_MAX = 100;
