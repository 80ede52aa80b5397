// Which dossiers a clerk may read (docs/receiver.md "Clerk accounts"; Decree 13/2023/NĐ-CP): an
// administrator, or a clerk account flagged "all procedures", every dossier; any other clerk
// only the dossiers of the procedures granted to the account (clerk_procedure_grants, by
// procedure id). The condition goes into the SQL that finds the dossiers, never a filter applied
// after reading them, and the grants are read by that very query: a revoked procedure is gone
// from the next request on.

/**
 * The SQL condition limiting `column` (a dossier's procedure id) to what `who` may read.
 * @param {import('./auth.js').Principal} who
 * @param {string} [column]
 * @returns {{ sql: string, params: unknown[], all: boolean }}
 */
export function scopeCondition(who, column = 'procedure_name') {
  if (who.role === 'admin' || who.allProcedures) return { sql: '1 = 1', params: [], all: true };
  return {
    sql: `${column} IN (SELECT procedure_id FROM clerk_procedure_grants WHERE account_id = ?)`,
    params: [who.accountId],
    all: false,
  };
}

/**
 * The procedure ids `who` may read, or undefined for every one.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./auth.js').Principal} who
 * @returns {Promise<Set<string> | undefined>}
 */
export async function grantedProcedures(db, who) {
  if (scopeCondition(who).all) return undefined;
  const rows = /** @type {{ procedure_id: string }[]} */ (
    await db
      .prepare('SELECT procedure_id FROM clerk_procedure_grants WHERE account_id = ?')
      .all(who.accountId)
  );
  return new Set(rows.map((r) => r.procedure_id));
}

/**
 * How many active clerk accounts still see every procedure's dossiers (start-up log: a count,
 * never names).
 * @param {import('./storage/index.js').Storage} db
 */
export async function allSeeingClerks(db) {
  const row = /** @type {{ n: number | string }} */ (
    await db
      .prepare(
        "SELECT COUNT(*) AS n FROM clerk_accounts WHERE role = 'clerk' AND all_procedures = 1 AND disabled_at IS NULL",
      )
      .get()
  );
  return Number(row.n);
}
