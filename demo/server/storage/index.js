// The receiver's storage: one small asynchronous interface over the database, so the routes run
// unchanged on the embedded SQLite file (the default behind `npm start`) and on a database
// server. Call sites keep their SQL in place and read like better-sqlite3 with an `await`:
//
//   const row = await db.prepare('SELECT * FROM dossiers WHERE code = ?').get(code);
//   await db.transaction(async (tx) => { await tx.prepare('INSERT …').run(…); });
//
// SQL is written once, in the SQLite dialect the receiver always used (`?` placeholders,
// `INSERT OR IGNORE`); each implementation runs it as its engine needs (docs/deployment.md).
import { openSqliteStorage } from './sqlite.js';
import { openPostgresStorage } from './postgres.js';

// The interface (Storage, Statement, RunResult) is declared in index.d.ts, where both the
// TypeScript tests and this server's JSDoc (`import('./index.js').Storage`) find it.
/** @typedef {import('./index.js').Storage} Storage */

/**
 * Opens the storage the configuration names: PostgreSQL when `databaseUrl` (DATABASE_URL) is
 * set, else the embedded SQLite file in `dataDir`.
 * @param {{ dataDir: string, databaseUrl?: string, databasePoolSize?: number }} config
 * @returns {Promise<Storage>}
 */
export async function openStorage(config) {
  if (config.databaseUrl) {
    return openPostgresStorage(config.databaseUrl, { max: config.databasePoolSize });
  }
  return openSqliteStorage(config.dataDir);
}

/** `transaction`'s option for a transaction that may share its COMMIT (sqlite.js group commit). */
export const GROUP_COMMIT = Object.freeze({ group: true });

/**
 * Runs a few writes that need no transaction of their own (a challenge's nonce, an
 * Idempotency-Key's reservation) at the least cost the storage offers: on the embedded database, a
 * member of its group commit (sqlite.js: they share the COMMIT of concurrent requests' writes and
 * resolve once it is done, as an autocommit would have); on a database server, `fn` runs on the
 * storage itself, each statement its own autocommit as before.
 * @template T
 * @param {Storage} db
 * @param {(db: Storage) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export function groupedWrites(db, fn) {
  return db.dialect === 'sqlite' ? db.transaction(fn, GROUP_COMMIT) : fn(db);
}
