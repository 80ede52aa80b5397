// Nonces of POST /api/dossiers, spent by the dossier's own transaction (issue 22 point 4).
//
// The verifier spends the nonce last, after every check passed (its NonceStore's `consume`). The
// receiver used to write that at once, in a transaction of its own, and then store the dossier in
// another: a failure between the two (a full disk, a bug, a stopped process) left the nonce spent
// and no dossier, so the applicant's retry was refused as "already received". Here `consume` only
// checks the nonce exactly as the table store does and holds it for the request; the dossier's
// transaction then spends it with its other writes (`spend`). So a nonce is spent if and only if
// its dossier is stored, and a submission costs one write transaction fewer.
//
// While one request holds a nonce, any other request of this process is refused for it as the
// atomic UPDATE refused the second of two concurrent submissions: `replayed`. A request in another
// process (PostgreSQL) is stopped by the UPDATE inside its transaction instead (`spend` returns
// false): the receiver then verifies again, and the verifier says why, as it always did.

/** The spending write: atomic, so of two transactions with one nonce only one changes the row. */
const SPEND_NONCE =
  'UPDATE nonces SET consumed_at = ? WHERE nonce = ? AND consumed_at IS NULL AND expires_at > ?';

/**
 * @param {ReturnType<typeof import('./dossiers.js').sqliteNonceStore>} table the `nonces` table's
 *   store, whose checks and refusals these are
 * @param {() => Date} now
 */
export function heldNonces(table, now) {
  /** Nonces verified by a request of this process that has not finished storing its dossier. */
  const held = new Set();
  return {
    /** @param {unknown} nonce */
    state: table.state,
    /**
     * One request's view: the `nonceStore` handed to the verifier, `spend` for the dossier's
     * transaction, and `release`, called whatever the outcome.
     */
    forRequest() {
      /** @type {{ nonce: string, at: string } | undefined} */
      let mine;
      return {
        /** The verifier's NonceStore (src/verify/nonce.ts). */
        nonceStore: {
          /**
           * @param {string} nonce
           * @param {{ procedure?: { code: string, version: string } }} [context]
           */
          async consume(nonce, context) {
            if (mine || held.has(nonce)) return false;
            if (!(await table.isFresh(nonce, context ?? {}))) return false;
            // Checked again after the read: another request may have taken it meanwhile.
            if (held.has(nonce)) return false;
            held.add(nonce);
            // The time of the check, as the immediate UPDATE used it.
            mine = { nonce, at: now().toISOString() };
            return true;
          },
          refusal: table.refusal,
        },
        /**
         * Spends the held nonce in the dossier's transaction `tx`; false when it cannot be (spent
         * by another process meanwhile): the caller rolls back. True when no nonce was held (a
         * verifier configured without one).
         * @param {import('./storage/index.js').Storage} tx
         */
        async spend(tx) {
          if (!mine) return true;
          return (await tx.prepare(SPEND_NONCE).run(mine.at, mine.nonce, mine.at)).changes === 1;
        },
        release() {
          if (mine) held.delete(mine.nonce);
          mine = undefined;
        },
      };
    },
  };
}
