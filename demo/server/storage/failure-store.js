// Failed attempts (status look-ups, clerk log-ins) per key within a sliding window, counted in the
// database (`failure_events`, migration 006): every receiver process on one database sees the same
// failures, so a guesser spread over N processes still gets the limit once, not N times. Keys (a
// client address, a dossier code) are stored as their SHA-256 only. Only failures count, so a
// post office or one-stop desk that looks up many dossiers correctly from one address is never
// blocked.
import { createHash } from 'node:crypto';

/** @param {string} key */
const digest = (key) => createHash('sha256').update(key).digest('hex');

/**
 * @param {import('./index.js').Storage} db
 * @param {string} scope what is counted, e.g. `status-ip`, `status-code`, `login-ip`
 * @param {{ max: number, windowSeconds: number }} limit
 * @param {() => Date} now
 */
export function createFailureCounter(db, scope, { max, windowSeconds }, now) {
  const windowMs = windowSeconds * 1000;
  const recent = db.prepare(
    'SELECT COUNT(*) AS n, MIN(at) AS first FROM failure_events WHERE scope = ? AND key_sha256 = ? AND at > ?',
  );
  const add = db.prepare('INSERT INTO failure_events (scope, key_sha256, at) VALUES (?, ?, ?)');
  const forget = db.prepare('DELETE FROM failure_events WHERE scope = ? AND at <= ?');
  let added = 0;
  return {
    /**
     * 0 when `key` may try again, else the seconds until its oldest failure leaves the window.
     * @param {string} key
     */
    async blocked(key) {
      const t = now().getTime();
      const row = /** @type {{ n: number, first: number | null }} */ (
        await recent.get(scope, digest(key), t - windowMs)
      );
      if (Number(row.n) < max) return 0;
      return Math.max(1, Math.ceil((Number(row.first) + windowMs - t) / 1000));
    },
    /** @param {string} key */
    async fail(key) {
      const t = now().getTime();
      await add.run(scope, digest(key), t);
      // Failures out of the window count no more: removed now and then, the table stays small.
      if (++added % 200 === 0) await forget.run(scope, t - windowMs);
    },
  };
}
