// The start-up key check (demo/server/key-checks.js) asks which key ids the stored data names.
// It did so by reading every wrapped key, look-up secret and search term (a UNION over the
// tables), so each start grew with the number of dossiers. Its queries are now index searches
// (migration 012): SQLite's own plan of each says so, whatever the machine's speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { challenge, fakeJws, fakeVerify, payload, postDossier, start } from './helpers.js';

interface Storage {
  prepare(sql: string): unknown;
}
const { checkKeys } = (await import(
  new URL('../../demo/server/key-checks.js', import.meta.url).href
)) as { checkKeys(db: Storage, keyring: unknown, now: Date): Promise<void> };
const { loadKeyring } = (await import(
  new URL('../../demo/server/crypto-at-rest.js', import.meta.url).href
)) as { loadKeyring(config: Record<string, string>): unknown };

const KEYS = {
  masterKeys: `m1:${Buffer.alloc(32, 7).toString('base64')}`,
  lookupKeys: `l1:${Buffer.alloc(32, 9).toString('base64')}`,
};

test(
  'the start-up key check searches indexes: no table is read whole',
  {
    // Skipped only when this file is run on PostgreSQL by hand: it reads SQLite's query plans.
    // npm test never runs it there (it is not in POSTGRES_SUITES), so it always runs.
    skip: !!process.env.DVC_TEST_DATABASE_URL && 'reads SQLite query plans; runs in the e2e stage',
  },
  async () => {
    const s = await start({ verifySubmission: fakeVerify, ...KEYS });
    try {
      // A dossier, so that each table names a key id and the check walks past the first one.
      const answers = { applicant: { fullName: 'Nguyễn Văn An', phone: '0912 345 678' } };
      const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base), { answers })));
      assert.equal(r.status, 201);
      const raw = s.app.dvc.db;
      // A database from before the check records: a master key is also tried on a data key.
      raw.prepare('DELETE FROM key_checks').run();
      const statements: string[] = [];
      const storage = s.app.dvc.storage;
      const recording: Storage = {
        prepare(sql: string) {
          statements.push(sql);
          return storage.prepare(sql);
        },
      };
      await checkKeys(recording, loadKeyring({ dataDir: s.dataDir, ...KEYS }), new Date());

      const plans = statements
        .filter((sql) => /^\s*SELECT/i.test(sql))
        .map((sql) => {
          const params = Array.from(sql.matchAll(/\?/g), () => 'x');
          const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
            detail: string;
          }[];
          return { sql, details: plan.map((p) => p.detail) };
        });
      const scans = plans.filter((p) => p.details.some((d) => /^SCAN\b/.test(d)));
      assert.deepEqual(scans, [], 'a key-check query reads a table or an index whole');
      // Each table that names key ids was asked, through an index.
      for (const table of [
        'dossier_keys',
        'upload_keys',
        'dossier_lookup_secrets',
        'dossier_search',
        'key_checks',
      ]) {
        assert.ok(
          plans.some((p) =>
            p.details.some((d) => new RegExp(`^SEARCH ${table} USING .*INDEX`).test(d)),
          ),
          table,
        );
      }
      const counted = raw.prepare('SELECT kind, key_id FROM key_checks ORDER BY kind').all();
      assert.deepEqual(counted, [
        { kind: 'lookup', key_id: 'l1' },
        { kind: 'master', key_id: 'm1' },
      ]);
    } finally {
      await s.close();
    }
  },
);
