/** The claims half of the embedded engine (sqlite-store.ts spreads these into its store). */
import type Database from 'better-sqlite3';
import { CLAIM_COLUMNS, CLAIM_LIST_MAX, claimPatchToColumns, claimToRow, rowToClaim, type ClaimRow } from './claim-rows.ts';
import type { FieldCipher } from './field-cipher.ts';
import { insertSqliteEvent } from './sqlite-outbox.ts';
import type { ClaimStatus } from '../../../contract/claims.ts';
import type { Announce, ClaimPatch, ClaimStore, StoredClaim } from './types.ts';

export function sqliteClaimStore(database: Database.Database, cipher: FieldCipher): ClaimStore {
  const insert = database.prepare(
    `INSERT INTO claims (${CLAIM_COLUMNS.join(', ')}) VALUES (${CLAIM_COLUMNS.map((column) => `@${column}`).join(', ')})`,
  );
  const selectById = database.prepare('SELECT * FROM claims WHERE id = ?');
  const read = (row: unknown) => (row ? rowToClaim(row as ClaimRow, cipher) : null);
  // The claim's change and the event announcing it commit together (the outbox).
  const transition = database.transaction(
    (id: string, from: readonly ClaimStatus[], patch: ClaimPatch, announce?: Announce<StoredClaim>): StoredClaim | null => {
      const columns = claimPatchToColumns(patch);
      const values: Record<string, unknown> = { ...columns, id };
      from.forEach((status, index) => (values[`from${index}`] = status));
      const assignments = Object.keys(columns).map((column) => `${column} = @${column}`);
      const result = database
        .prepare(
          `UPDATE claims SET ${assignments.join(', ')} WHERE id = @id AND status IN (${from.map((_, index) => `@from${index}`).join(', ')})`,
        )
        .run(values);
      if (result.changes === 0) return null;
      const claim = read(selectById.get(id));
      const event = claim && announce?.(claim);
      if (event) insertSqliteEvent(database, event);
      return claim;
    },
  );

  return {
    async createClaim(claim) {
      insert.run(claimToRow(claim, cipher));
    },
    async getClaim(merchantId, id) {
      return read(database.prepare('SELECT * FROM claims WHERE merchant_id = ? AND id = ?').get(merchantId, id));
    },
    async getClaimById(id) {
      return read(selectById.get(id));
    },
    async listClaims(orderId, { limit = CLAIM_LIST_MAX, startingAfter } = {}) {
      const after = startingAfter ? (selectById.get(startingAfter) as ClaimRow | undefined) : undefined;
      const rows = after
        ? database
            .prepare(
              'SELECT * FROM claims WHERE order_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?',
            )
            .all(orderId, after.created_at, after.created_at, after.id, limit)
        : database.prepare('SELECT * FROM claims WHERE order_id = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(orderId, limit);
      return rows.map((row) => rowToClaim(row as ClaimRow, cipher));
    },
    async transitionClaim(id, from, patch, announce) {
      return transition(id, from, patch, announce);
    },
    async discardClaim(id) {
      database.prepare("DELETE FROM claims WHERE id = ? AND status = 'submitted' AND reference IS NULL").run(id);
    },
  };
}
