// The embedded storage: SQLite through better-sqlite3 (synchronous, one file, no server) behind
// the asynchronous Storage interface (index.js).
import { openDatabase } from '../db.js';

/**
 * @param {string} dataDir
 * @returns {import('./index.js').Storage}
 */
export function openSqliteStorage(dataDir) {
  return sqliteStorage(openDatabase(dataDir));
}

/**
 * Wraps an open better-sqlite3 database.
 *
 * One connection serves every request, so a transaction that awaits would take in the statements
 * other requests run meanwhile: while one is open, statements on the outer handle wait for it to
 * end (transactions queue the same way), and only its own `tx` handle runs at once.
 * @param {import('better-sqlite3').Database} db
 * @returns {import('./index.js').Storage}
 */
export function sqliteStorage(db) {
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const cache = new Map();
  /** @param {string} sql */
  const compiled = (sql) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      // Statements built from filters (audit.js) vary; keep the cache bounded.
      if (cache.size > 500) cache.clear();
      cache.set(sql, s);
    }
    return s;
  };
  /** @type {Promise<void> | null} the open transaction, settled when it ends */
  let active = null;
  // Each waiter checks `active` again right before it runs, with no await in between: waiters
  // woken by the same transaction's end must not both go (an `await idle()` that returned
  // would let a second one begin its own transaction, or run inside the first's).
  const idle = async () => {
    while (active) await active;
  };
  let savepoints = 0;

  /**
   * @param {boolean} outer statements of the outer handle wait for an open transaction
   * @returns {import('./index.js').Storage}
   */
  const handle = (outer) => ({
    dialect: 'sqlite',
    raw: db,
    prepare(sql) {
      return {
        get: async (...params) => {
          while (outer && active) await active;
          return compiled(sql).get(...params);
        },
        all: async (...params) => {
          while (outer && active) await active;
          return compiled(sql).all(...params);
        },
        run: async (...params) => {
          while (outer && active) await active;
          const r = compiled(sql).run(...params);
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
      };
    },
    // The embedded database allows one writing transaction at a time (BEGIN IMMEDIATE, and the
    // queue above): a transaction already excludes every other, so there is nothing to take.
    async lock() {},
    async transaction(fn) {
      if (!outer) {
        // Nested: a savepoint, so a failure caught by the caller undoes only its own writes.
        const name = `sp${++savepoints}`;
        db.exec(`SAVEPOINT ${name}`);
        try {
          const value = await fn(inner);
          db.exec(`RELEASE ${name}`);
          return value;
        } catch (e) {
          db.exec(`ROLLBACK TO ${name}`);
          db.exec(`RELEASE ${name}`);
          throw e;
        }
      }
      while (active) await active;
      /** @type {() => void} */
      let release = () => {};
      active = new Promise((resolve) => (release = resolve));
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(inner);
          db.exec('COMMIT');
          return value;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      } finally {
        active = null;
        release();
      }
    },
    async close() {
      await idle();
      db.close();
    },
  });
  const inner = handle(false);
  return handle(true);
}
