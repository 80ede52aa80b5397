// SQLite storage of the reference receiver (better-sqlite3: synchronous, one file, no server).
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * The numbered SQL migrations (`NNN_name.sql`), in order.
 * @returns {{ version: number, name: string, sql: string }[]}
 */
export function listMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir)
    .map((file) => /^(\d+)_([\w-]+)\.sql$/.exec(file))
    .filter((m) => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      name: m[2],
      sql: readFileSync(join(dir, m[0]), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Opens (creating when needed) `dataDir/dvc.sqlite` and applies the migrations it has not seen,
 * each in its own transaction, recording them in `schema_migrations`.
 * @param {string} dataDir
 * @returns {import('better-sqlite3').Database}
 */
export function openDatabase(dataDir) {
  // Owner only: the folder 0700, the database 0600 (SQLite gives its -wal and -shm files the
  // database file's mode). Created so before SQLite opens it, never world-readable for a moment.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, 'dvc.sqlite');
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  // WAL lets the status page read while a dossier is being written; foreign keys are off by default.
  db.pragma('journal_mode = WAL');
  // A 201 tells a citizen the dossier is stored: every COMMIT syncs the WAL to disk, so a power
  // cut right after it loses nothing (WAL's NORMAL would wait for the next checkpoint). SQLite's
  // and better-sqlite3's default today; written here so a tuning change cannot drop it unseen.
  // The group commit (storage/sqlite.js) pays that sync once per group, not per dossier.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** @param {import('better-sqlite3').Database} db */
export function migrate(db, migrations = listMigrations()) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => /** @type {{version: number}} */ (r).version),
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
