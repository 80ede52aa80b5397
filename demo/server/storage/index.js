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

/**
 * @typedef {object} RunResult
 * @property {number} changes rows inserted, updated or deleted
 * @property {number | bigint} [lastInsertRowid] the new row's id (SQLite only)
 */

/**
 * A prepared statement: parameters are positional (`?`) or, passing one object, named (`@name`).
 * @typedef {object} Statement
 * @property {(...params: unknown[]) => Promise<any>} get the first row, or undefined
 * @property {(...params: unknown[]) => Promise<any[]>} all every row
 * @property {(...params: unknown[]) => Promise<RunResult>} run
 */

/**
 * @typedef {object} Storage
 * @property {'sqlite' | 'postgres'} dialect
 * @property {(sql: string) => Statement} prepare
 * @property {(key: string) => Promise<void>} lock inside a transaction: waits for, then holds
 *   until the transaction ends, the lock named `key` (a check-then-write such as a quota is
 *   then safe against other transactions, in other processes too)
 * @property {(key: string, options?: { signal?: AbortSignal, timeoutMs?: number }) =>
 *   Promise<() => Promise<void>>} [sessionLock] on a database server: waits for the lock `key`,
 *   held across transactions until the returned release is called (or the process dies)
 * @property {(channel: string, payload: string) => Promise<void>} [notify] on a database
 *   server: a message to every process listening on `channel`
 * @property {(channel: string, onMessage: (payload: string) => void) => Promise<void>} [listen]
 * @property {<T>(fn: (tx: Storage) => Promise<T> | T) => Promise<T>} transaction
 *   runs `fn` in one transaction, committed when it resolves and rolled back when it throws;
 *   inside, use `tx` (statements on the outer handle wait until the transaction ends)
 * @property {() => Promise<void>} close
 * @property {import('better-sqlite3').Database} [raw] the embedded database itself, for the
 *   synchronous test and maintenance helpers (app.dvc.db); undefined on a database server
 */

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
