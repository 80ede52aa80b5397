// A @fastify/rate-limit store on the database: with several receiver processes behind one
// PostgreSQL, every process counts into the same fixed-window counters, so a client cannot get
// N times the limit by being spread over N processes (rate-limits.js). One UPSERT per counted
// request; the counter restarts when its window has passed.

/** The table, created when first needed (counters are transient: no migration to carry). */
const CREATE = `CREATE TABLE IF NOT EXISTS rate_limits (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  reset_at BIGINT NOT NULL
)`;

const INCR = `INSERT INTO rate_limits (key, count, reset_at) VALUES (?, 1, ?)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN rate_limits.reset_at <= ? THEN 1 ELSE rate_limits.count + 1 END,
    reset_at = CASE WHEN rate_limits.reset_at <= ? THEN ? ELSE rate_limits.reset_at END
  RETURNING count, reset_at`;

/**
 * The store class @fastify/rate-limit instantiates (its `store` option), bound to `db`.
 * @param {import('./index.js').Storage} db
 * @param {() => number} [nowMs]
 */
export async function databaseRateLimitStore(db, nowMs = Date.now) {
  // Several processes start at once: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against
  // a concurrent one (a unique violation in pg_type), so the creation holds a lock.
  await db.transaction(async (tx) => {
    await tx.lock('dvc-rate-limits-table');
    await tx.prepare(CREATE).run();
  });
  let calls = 0;
  class DatabaseStore {
    /**
     * @param {string} key
     * @param {(err: Error | null, res?: { current: number, ttl: number }) => void} cb
     * @param {number} timeWindow milliseconds
     */
    incr(key, cb, timeWindow) {
      const t = nowMs();
      const resetAt = t + timeWindow;
      db.prepare(INCR)
        .get(key, resetAt, t, t, resetAt)
        .then((answer) => {
          const row = /** @type {{ count: number | string, reset_at: number | string }} */ (answer);
          cb(null, { current: Number(row.count), ttl: Math.max(0, Number(row.reset_at) - t) });
          // Windows that ended long ago: removed now and then, so the table stays small.
          if (++calls % 1000 === 0) {
            db.prepare('DELETE FROM rate_limits WHERE reset_at < ?')
              .run(t - 3600_000)
              .catch(() => {});
          }
        }, cb);
    }
    child() {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}
