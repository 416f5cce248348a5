/**
 * Claims the provider has not decided yet (`submitted`, `in_review`), oldest first, for the
 * operator console's queue; one function per engine, spread into each store. A claim this
 * server cannot decrypt is skipped, as unreadable orders are in lists.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { ClaimStatus } from '../../../contract/claims.ts';
import { rowToClaim, type ClaimRow } from './claim-rows.ts';
import type { FieldCipher } from './field-cipher.ts';
import { UnreadableRecord } from './store-errors.ts';
import type { Store, StoredClaim } from './types.ts';

export const AWAITING_DECISION: readonly ClaimStatus[] = ['submitted', 'in_review'];

function readable(rows: readonly ClaimRow[], cipher: FieldCipher): StoredClaim[] {
  return rows.flatMap((row) => {
    try {
      return [rowToClaim(row, cipher)];
    } catch (error) {
      if (error instanceof UnreadableRecord) return [];
      throw error;
    }
  });
}

type Method = Pick<Store, 'listClaimsAwaitingDecision'>;

export function sqliteClaimsAwaitingDecision(database: Database.Database, cipher: FieldCipher): Method {
  return {
    async listClaimsAwaitingDecision(limit) {
      const rows = database
        .prepare(`SELECT * FROM claims WHERE status IN (${AWAITING_DECISION.map(() => '?').join(', ')}) ORDER BY created_at LIMIT ?`)
        .all(...AWAITING_DECISION, limit) as ClaimRow[];
      return readable(rows, cipher);
    },
  };
}

export function postgresClaimsAwaitingDecision(pool: pg.Pool, cipher: FieldCipher): Method {
  return {
    async listClaimsAwaitingDecision(limit) {
      const result = await pool.query<ClaimRow>('SELECT * FROM claims WHERE status = ANY($1) ORDER BY created_at LIMIT $2', [
        [...AWAITING_DECISION],
        limit,
      ]);
      return readable(result.rows, cipher);
    },
  };
}
