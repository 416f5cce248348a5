/** The claims half of the PostgreSQL engine (postgres-store.ts spreads these into its store). */
import type pg from 'pg';
import { CLAIM_COLUMNS, CLAIM_LIST_MAX, claimPatchToColumns, claimToRow, rowToClaim, type ClaimRow } from './claim-rows.ts';
import type { FieldCipher } from './field-cipher.ts';
import { inTransaction, insertPostgresEvent } from './postgres-outbox.ts';
import type { ClaimStore } from './types.ts';

export function postgresClaimStore(pool: pg.Pool, cipher: FieldCipher): ClaimStore {
  const one = (rows: ClaimRow[]) => (rows[0] ? rowToClaim(rows[0], cipher) : null);

  return {
    async createClaim(claim) {
      const row = claimToRow(claim, cipher);
      await pool.query(
        `INSERT INTO claims (${CLAIM_COLUMNS.join(', ')}) VALUES (${CLAIM_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})`,
        CLAIM_COLUMNS.map((column) => row[column]),
      );
    },
    async getClaim(merchantId, id) {
      return one((await pool.query<ClaimRow>('SELECT * FROM claims WHERE merchant_id = $1 AND id = $2', [merchantId, id])).rows);
    },
    async getClaimById(id) {
      return one((await pool.query<ClaimRow>('SELECT * FROM claims WHERE id = $1', [id])).rows);
    },
    async listClaims(orderId, { limit = CLAIM_LIST_MAX, startingAfter } = {}) {
      const result = startingAfter
        ? await pool.query<ClaimRow>(
            `SELECT c.* FROM claims c, claims a WHERE a.id = $2 AND c.order_id = $1
               AND (c.created_at < a.created_at OR (c.created_at = a.created_at AND c.id < a.id))
             ORDER BY c.created_at DESC, c.id DESC LIMIT $3`,
            [orderId, startingAfter, limit],
          )
        : await pool.query<ClaimRow>('SELECT * FROM claims WHERE order_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
            orderId,
            limit,
          ]);
      return result.rows.map((row) => rowToClaim(row, cipher));
    },
    async transitionClaim(id, from, patch, announce) {
      const columns = Object.entries(claimPatchToColumns(patch));
      const assignments = columns.map(([column], index) => `${column} = $${index + 3}`);
      const update = `UPDATE claims SET ${assignments.join(', ')} WHERE id = $1 AND status = ANY($2) RETURNING *`;
      const values = [id, [...from], ...columns.map(([, value]) => value)];
      if (!announce) return one((await pool.query<ClaimRow>(update, values)).rows);
      // The claim's change and the event announcing it commit together (the outbox).
      return inTransaction(pool, async (client) => {
        const claim = one((await client.query<ClaimRow>(update, values)).rows);
        const event = claim && announce(claim);
        if (event) await insertPostgresEvent(client, event);
        return claim;
      });
    },
    async discardClaim(id) {
      await pool.query("DELETE FROM claims WHERE id = $1 AND status = 'submitted' AND reference IS NULL", [id]);
    },
  };
}
