// One migration source for both databases (demo/server/migration-sql.js): the SQLite files are
// translated for PostgreSQL. The PostgreSQL stage runs the translated files for real (the
// receiver suite on PostgreSQL); here, the rules and what they must give for 001–008.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrationForPostgres } from '../../demo/server/migration-sql.js';

const DIR = fileURLToPath(new URL('../../demo/server/migrations/', import.meta.url));
const files = readdirSync(DIR).filter((f) => /^\d+_[\w-]+\.sql$/.test(f));
const pg = (file: string) => migrationForPostgres(readFileSync(`${DIR}${file}`, 'utf8'));

test('the rules: keys, case-insensitive names, PostgreSQL-only lines', () => {
  assert.equal(
    migrationForPostgres(
      [
        'CREATE TABLE t (',
        '  id INTEGER PRIMARY KEY AUTOINCREMENT,',
        '  name TEXT NOT NULL UNIQUE COLLATE NOCASE,',
        '  n INTEGER NOT NULL',
        '  -- postgres: , extra BIGSERIAL',
        ');',
        '-- a comment stays a comment',
      ].join('\n'),
    ),
    [
      'CREATE TABLE t (',
      '  id BIGSERIAL PRIMARY KEY,',
      '  name TEXT NOT NULL UNIQUE,',
      '  n INTEGER NOT NULL',
      '  , extra BIGSERIAL',
      ');',
      '-- a comment stays a comment',
    ].join('\n'),
  );
});

test('one set of files, the versions and names databases already recorded', () => {
  // schema_migrations holds (version, name) on both databases: these must never change.
  assert.deepEqual(files, [
    '001_initial.sql',
    '002_people_and_privacy.sql',
    '003_upload_guard.sql',
    '004_payments.sql',
    '005_upload_keys.sql',
    '006_outbox.sql',
    '007_clerk_desk.sql',
    '008_supplements_notifications.sql',
    '009_sealed_upload_names.sql',
    '010_clerk_procedure_scope.sql',
    '011_key_checks.sql',
    '012_key_id_indexes.sql',
  ]);
  for (const f of files) {
    const sql = pg(f);
    assert.doesNotMatch(sql, /AUTOINCREMENT|COLLATE NOCASE|^\s*-- postgres:/m, f);
  }
});

test('what only PostgreSQL needs is in its translation, and only there', () => {
  const index =
    'CREATE UNIQUE INDEX clerk_accounts_username_nocase ON clerk_accounts (lower(username));';
  assert.ok(pg('002_people_and_privacy.sql').includes(`\n${index}\n`));
  assert.match(pg('004_payments.sql'), /^\s*, rowid BIGSERIAL$/m);
  assert.match(pg('002_people_and_privacy.sql'), /^\s+id BIGSERIAL PRIMARY KEY,$/m);
  const sqlite = readFileSync(`${DIR}002_people_and_privacy.sql`, 'utf8');
  assert.ok(sqlite.includes(`-- postgres: ${index}`));
  assert.match(sqlite, /username TEXT NOT NULL UNIQUE COLLATE NOCASE/);
});
