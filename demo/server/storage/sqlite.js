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

/** Members of one group commit at most (see `grouped` below). */
const MAX_GROUP = 64;

/**
 * A group commit: `open` while members may join, `turn` settled when the last member that joined
 * has run, `committed` settled by its COMMIT; `lost`, the error that ended its transaction early.
 * @typedef {{ open: boolean, members: number, turn: Promise<unknown>, committed: Promise<void>,
 *   lost?: unknown }} Group
 */

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
   * The open group commit (`transaction(fn, { group: true })`): one BEGIN IMMEDIATE … COMMIT that
   * holds the transactions of every request that asked for one while it was open, each in a
   * SAVEPOINT of its own, run one after the other. It stays open until this turn of the event loop
   * has run what it had (a `setImmediate`), so concurrent submissions share one commit: the pages
   * they all touch (index nodes, the tables' last leaves, the database header) are written to the
   * WAL once, and the commit's own work and the automatic checkpoints it triggers are paid once.
   * @type {Group | null}
   */
  let group = null;
  let members = 0;

  /** Opens a group: its transaction begins now and commits in a `setImmediate`. */
  const openGroup = () => {
    db.exec('BEGIN IMMEDIATE');
    /** @type {() => void} */
    let release = () => {};
    active = new Promise((resolve) => (release = resolve));
    /** @type {Group} */
    const g = { open: true, members: 0, turn: Promise.resolve(), committed: Promise.resolve() };
    g.committed = new Promise((resolve, reject) => {
      setImmediate(async () => {
        g.open = false;
        // Every member that joined runs to its end first (each waits for the one before it).
        for (let t; t !== g.turn;) await (t = g.turn);
        try {
          // A statement error that made SQLite roll the whole transaction back (a full disk, an
          // I/O error) took the members already run with it: none of them may be answered.
          if (!db.inTransaction) throw g.lost ?? new Error('the group transaction was rolled back');
          db.exec('COMMIT');
          resolve();
        } catch (e) {
          reject(e);
          // Nothing of the group is kept; a ROLLBACK that fails too has no one else to tell.
          try {
            if (db.inTransaction) db.exec('ROLLBACK');
          } catch {
            // the members were told by the first error
          }
        } finally {
          group = null;
          active = null;
          release();
        }
      });
    });
    // Each member awaits it; a rejection nobody awaits (every member failed) is not a crash.
    g.committed.catch(() => {});
    return g;
  };

  /**
   * One member of a group: its own SAVEPOINT, undone alone when `fn` throws.
   * @template T
   * @param {Group} g
   * @param {(tx: import('./index.js').Storage) => Promise<T> | T} fn
   */
  const member = async (g, fn) => {
    // Never in autocommit: when an earlier member's failure ended the transaction, this one fails.
    if (!db.inTransaction) throw g.lost ?? new Error('the group transaction was rolled back');
    return savepoint(`m${++members}`, fn, (e) => (g.lost = e));
  };

  /**
   * Runs `fn` in a SAVEPOINT of the open transaction: released when it resolves, rolled back to
   * (its writes alone undone) when it throws.
   * @template T
   * @param {string} name
   * @param {(tx: import('./index.js').Storage) => Promise<T> | T} fn
   * @param {(e: unknown) => void} [lost] told when the error ended the whole transaction
   */
  const savepoint = async (name, fn, lost) => {
    db.exec(`SAVEPOINT ${name}`);
    try {
      const value = await fn(inner);
      db.exec(`RELEASE ${name}`);
      return value;
    } catch (e) {
      if (db.inTransaction) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
      } else lost?.(e);
      throw e;
    }
  };

  /**
   * @template T
   * @param {(tx: import('./index.js').Storage) => Promise<T> | T} fn
   * @returns {Promise<T>}
   */
  const grouped = async (fn) => {
    for (;;) {
      if (group?.open) break;
      if (!active) {
        group = openGroup();
        break;
      }
      await active;
    }
    const g = /** @type {Group} */ (group);
    // A bound on what one failed COMMIT can take with it; the next request opens the next group.
    if (++g.members >= MAX_GROUP) g.open = false;
    const run = g.turn.then(() => member(g, fn));
    g.turn = run.catch(() => {});
    // A member that failed was undone alone: its caller hears at once. One that succeeded is
    // answered only once the COMMIT holding it is done (and fails if that COMMIT does).
    const value = await run;
    await g.committed;
    return value;
  };

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
    async transaction(fn, options) {
      if (outer && options?.group) return grouped(fn);
      // Nested: a savepoint, so a failure caught by the caller undoes only its own writes.
      if (!outer) return savepoint(`sp${++savepoints}`, fn);
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
