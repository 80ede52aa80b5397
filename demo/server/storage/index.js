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
