// The receiver's storage interface (demo/server/storage): the SQL translation for PostgreSQL and
// the embedded implementation's transactions. The whole receiver suite runs on both storages
// (scripts/test.mjs, stage `postgres`); these are the parts it cannot see from outside.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { toPostgres } from '../../demo/server/storage/postgres.js';
import { openStorage } from '../../demo/server/storage/index.js';

describe('SQL for PostgreSQL', () => {
  test('placeholders are numbered, quoted text is left alone', () => {
    assert.deepEqual(toPostgres("SELECT '?' AS q, a FROM t WHERE b = ? AND c = ?"), {
      text: "SELECT '?' AS q, a FROM t WHERE b = $1 AND c = $2",
      names: [],
    });
  });
  test('named parameters keep their order', () => {
    assert.deepEqual(toPostgres('INSERT INTO t (a, b) VALUES (@b, @a)'), {
      text: 'INSERT INTO t (a, b) VALUES ($1, $2)',
      names: ['b', 'a'],
    });
  });
  test('INSERT OR IGNORE and INSERT OR REPLACE', () => {
    assert.equal(
      toPostgres('INSERT OR IGNORE INTO k (name, value) VALUES (?, ?)').text,
      'INSERT INTO k (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    );
    assert.equal(
      toPostgres("INSERT OR REPLACE INTO u (id, via, size) VALUES (@id, 'tus', @size)").text,
      "INSERT INTO u (id, via, size) VALUES ($1, 'tus', $2) ON CONFLICT (id) DO UPDATE SET via = EXCLUDED.via, size = EXCLUDED.size",
    );
  });
  test('camelCase aliases are quoted (PostgreSQL folds them to lower case)', () => {
    assert.equal(
      toPostgres('SELECT display_name AS displayName, id AS n FROM a').text,
      'SELECT display_name AS "displayName", id AS n FROM a',
    );
  });
});

describe('embedded storage transactions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-storage-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('statements outside an open transaction wait for it; a failure rolls it back', async () => {
    const db = await openStorage({ dataDir: dir });
    try {
      const insert = "INSERT INTO receiver_keys (name, value, created_at) VALUES (?, 'v', 't')";
      const count = async () =>
        ((await db.prepare('SELECT COUNT(*) AS n FROM receiver_keys').get()) as { n: number }).n;
      let release = () => {};
      const gate = new Promise<void>((r) => (release = r));
      const inside = db.transaction(async (tx) => {
        await tx.prepare(insert).run('a');
        await gate;
        throw new Error('undo');
      });
      // Run while the transaction is open: must not see (or join) its insert.
      const seen = count();
      await new Promise((r) => setTimeout(r, 20));
      release();
      await assert.rejects(inside, /undo/);
      assert.equal(await seen, 0);
      await db.transaction(async (tx) => {
        await tx.prepare(insert).run('b');
        // A nested failure undoes only its own writes.
        await assert.rejects(
          tx.transaction(async (inner) => {
            await inner.prepare(insert).run('c');
            throw new Error('inner');
          }),
          /inner/,
        );
      });
      assert.deepEqual(await db.prepare('SELECT name FROM receiver_keys ORDER BY name').all(), [
        { name: 'b' },
      ]);
    } finally {
      await db.close();
    }
  });
});
