// Idempotency-Key handling shared by the signed POSTs (dossiers, supplements): a retried POST
// gets the first answer again instead of storing a second dossier or supplement.
import { sendProblem } from './problems.js';
import { groupedWrites } from './storage/index.js';

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** `status_code` of an Idempotency-Key whose request is being received (claim). */
export const KEY_RESERVED = 0;
/** A reservation older than this was left by a process that stopped mid-request. */
const KEY_STALE_MS = 5 * 60_000;

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {() => Date} now
 */
export function idempotencyKeys(db, now) {
  const FIND_KEY = 'SELECT * FROM idempotency_keys WHERE key = ?';
  const RESERVE_KEY = `INSERT OR IGNORE INTO idempotency_keys (key, request_sha256, status_code, response_json, created_at)
     VALUES (?, ?, ?, '', ?)`;
  const TAKE_STALE_KEY = `UPDATE idempotency_keys SET created_at = ?
     WHERE key = ? AND status_code = ? AND request_sha256 = ? AND created_at < ?`;
  const releaseKey = db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND status_code = ?');
  /** Keys whose request recorded its answer (`answered`), until `run` has finished with them. */
  const answeredKeys = new Set();

  /**
   * Reserves an Idempotency-Key for this request, in the database so that it holds across
   * processes: the primary key lets one INSERT through; the others read the row, which holds
   * the answer once the request is stored (status 201) or KEY_RESERVED while it is being
   * received. A reservation left by a process that died is taken over after KEY_STALE_MS.
   * @param {string} key
   * @param {string} requestSha256
   * @returns {Promise<unknown>} undefined when this request holds the key, else its row
   */
  function claim(key, requestSha256) {
    // Answered once committed, in the commit concurrent requests' writes share (storage/).
    return groupedWrites(db, async (w) => {
      const t = now();
      const claimed = await w
        .prepare(RESERVE_KEY)
        .run(key, requestSha256, KEY_RESERVED, t.toISOString());
      if (claimed.changes === 1) return undefined;
      const stale = new Date(t.getTime() - KEY_STALE_MS).toISOString();
      const taken = await w
        .prepare(TAKE_STALE_KEY)
        .run(t.toISOString(), key, KEY_RESERVED, requestSha256, stale);
      if (taken.changes === 1) return undefined;
      return w.prepare(FIND_KEY).get(key);
    });
  }

  return {
    /**
     * Runs `receive` holding the request's Idempotency-Key (when it has one), or answers for it:
     * the first answer again, 409 while it is being received, 422 for another request's key.
     * A refused request keeps no answer: the key may be sent again (after a fix, or a retry).
     * @param {import('fastify').FastifyRequest} request
     * @param {import('fastify').FastifyReply} reply
     * @param {string} requestSha256
     * @param {(key: string | undefined) => Promise<unknown>} receive
     */
    async run(request, reply, requestSha256, receive) {
      const keyHeader = request.headers['idempotency-key'];
      const key = typeof keyHeader === 'string' ? keyHeader : undefined;
      if (keyHeader !== undefined && (!key || !IDEMPOTENCY_KEY.test(key))) {
        return sendProblem(request, reply, 'idempotency-key-invalid');
      }
      if (key) {
        const previous = /** @type {any} */ (await claim(key, requestSha256));
        if (previous) {
          if (previous.request_sha256 !== requestSha256) {
            return sendProblem(request, reply, 'idempotency-key-reused');
          }
          if (previous.status_code === KEY_RESERVED) {
            return sendProblem(request, reply, 'request-in-progress');
          }
          return reply
            .code(previous.status_code)
            .header('idempotent-replayed', 'true')
            .send(JSON.parse(previous.response_json));
        }
      }
      let received = false;
      try {
        const answer = await receive(key);
        received = true;
        return answer;
      } finally {
        // When the request's transaction stored its answer (and committed: `receive` returned),
        // the reservation is gone already and the DELETE would only cost a write.
        const stored = answeredKeys.delete(/** @type {string} */ (key));
        if (key && !(received && stored)) await releaseKey.run(key, KEY_RESERVED);
      }
    },
    /**
     * Records the answer for the key, in the transaction that stores the request.
     * @param {import('./storage/index.js').Storage} tx
     * @param {string | undefined} key
     * @param {string} requestSha256
     * @param {object} answer
     * @param {string} at
     */
    async answered(tx, key, requestSha256, answer, at) {
      if (!key) return;
      answeredKeys.add(key);
      await tx
        .prepare(
          `UPDATE idempotency_keys SET status_code = 201, response_json = ?, created_at = ?
           WHERE key = ? AND request_sha256 = ?`,
        )
        .run(JSON.stringify(answer), at, key, requestSha256);
    },
  };
}
