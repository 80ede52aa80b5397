// The backup and restore procedure of docs/deployment.md ("Backups and restore"), run as written
// with the shell: an online backup of the SQLite file while the receiver runs, the upload files,
// and a restore into a fresh folder; the restored receiver, given the same MASTER_KEYS and
// LOOKUP_KEYS, reads the dossier, its file and the citizen's status look-up back. Without the
// keys the backup is ciphertext: started with other keys, the receiver refuses to start.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeVerify, start } from './helpers.js';
import { assertRestored, newKey as key, sh, submitWithFile } from './backup-dossier.js';
import { createServer } from '../../demo/server/app.js';

const ON_SQLITE_FILES = !process.env.DVC_TEST_DATABASE_URL && !process.env.DVC_TEST_S3;
const MASTER_KEYS = key('m2026');
const LOOKUP_KEYS = key('l2026');
const FILE_NAME = 'CCCD Nguyễn Văn An 001099012345.pdf';
const BYTES = new TextEncoder().encode('%PDF-1.7\ngiấy tờ tuỳ thân\n%%EOF\n');

const work = mkdtempSync(join(tmpdir(), 'dvc-backup-'));
after(() => rmSync(work, { recursive: true, force: true }));

// The documented commands here are the SQLite and local-files ones (sqlite3 .backup, tar of
// DATA_DIR/uploads). This file is not in the PostgreSQL + S3 stage's list (scripts/test.mjs), so
// npm test always runs it; the skip only applies when someone runs it by hand with the
// PostgreSQL/S3 variables set, where those commands would back up nothing the receiver uses.
describe(
  'backup and restore (SQLite and DATA_DIR/uploads)',
  {
    // Skips only when run by hand with the PostgreSQL/S3 variables (see above); never in npm test.
    skip: ON_SQLITE_FILES
      ? false
      : 'backs up SQLite and local files; not with DVC_TEST_DATABASE_URL/DVC_TEST_S3',
  },
  () => {
    test('an online backup restored into a fresh folder reads back with the same keys', async () => {
      const s = await start({
        verifySubmission: fakeVerify,
        masterKeys: MASTER_KEYS,
        lookupKeys: LOOKUP_KEYS,
        logLevel: 'trace',
      });
      let code: string;
      let fileId: string;
      const BACKUP = join(work, 'backup');
      try {
        ({ code, fileId } = await submitWithFile(s, BYTES, FILE_NAME));

        // docs/deployment.md, "Backups and restore": while the receiver runs.
        sh(
          `mkdir -p "$BACKUP"
sqlite3 "$DATA_DIR/dvc.sqlite" ".backup '$BACKUP/dvc.sqlite'"
tar -C "$DATA_DIR" -czf "$BACKUP/uploads.tar.gz" uploads`,
          { DATA_DIR: s.dataDir, BACKUP },
        );
      } finally {
        await s.close(); // the original folder is gone
      }
      // The backup holds no personal data in clear.
      for (const f of readdirSync(BACKUP)) {
        const raw = readFileSync(join(BACKUP, f));
        assert.equal(raw.indexOf(Buffer.from('001099012345')), -1, f);
        assert.equal(raw.indexOf(Buffer.from('giấy tờ tuỳ thân')), -1, f);
      }

      const RESTORED = join(work, 'restored');
      sh(
        `mkdir -p "$DATA_DIR" && chmod 700 "$DATA_DIR"
cp "$BACKUP/dvc.sqlite" "$DATA_DIR/dvc.sqlite"
tar -C "$DATA_DIR" -xzf "$BACKUP/uploads.tar.gz"`,
        { DATA_DIR: RESTORED, BACKUP },
      );
      const again = await start({
        dataDir: RESTORED,
        verifySubmission: fakeVerify,
        masterKeys: MASTER_KEYS,
        lookupKeys: LOOKUP_KEYS,
        logLevel: 'trace',
      });
      try {
        await assertRestored(again, { code, fileId, bytes: BYTES, fileName: FILE_NAME });
      } finally {
        await again.app.close();
      }

      // The same backup with other keys: the receiver does not start, naming the variable and
      // the key id (the keys are part of the backup); before the start-up check it started and
      // every read of a dossier failed.
      const refused = (masterKeys: string, lookupKeys: string) =>
        createServer({
          dataDir: RESTORED,
          masterKeys,
          lookupKeys,
          purgeEveryMinutes: 0,
          logLevel: 'silent',
        });
      const notTheKey = (name: string, id: string) =>
        `${name}: key "${id}" is not the key "${id}" this database was written with: set the keys it was written with (from your secret store, or those of its backup)`;
      await assert.rejects(refused(key('m2026'), LOOKUP_KEYS), {
        message: notTheKey('MASTER_KEYS', 'm2026'),
      });
      await assert.rejects(refused(MASTER_KEYS, key('l2026')), {
        message: notTheKey('LOOKUP_KEYS', 'l2026'),
      });
      // A key the data names left out of the list (a rotation that dropped the old key too soon).
      await assert.rejects(refused(key('m2027'), LOOKUP_KEYS), {
        message:
          'MASTER_KEYS has no key "m2026", which this database\'s data was written with: set the keys it was written with (after a rotation an old key stays listed until "npm run clerk -- rewrap" has run)',
      });
      await assert.rejects(refused(MASTER_KEYS, key('l2027')), {
        message:
          'LOOKUP_KEYS has no key "l2026", which this database\'s data was written with: set the keys it was written with (after a rotation an old key stays listed until its dossiers are gone)',
      });
      // A database from before the check records (migration 011): the master key is tried on a
      // data key it wraps.
      sh(`sqlite3 "$DATA_DIR/dvc.sqlite" "DELETE FROM key_checks"`, { DATA_DIR: RESTORED });
      await assert.rejects(refused(key('m2026'), LOOKUP_KEYS), {
        message: notTheKey('MASTER_KEYS', 'm2026'),
      });
      // Nothing was written by the refused starts: the right keys still start.
      const right = await start({
        dataDir: RESTORED,
        verifySubmission: fakeVerify,
        masterKeys: `${key('m2027')},${MASTER_KEYS}`,
        lookupKeys: LOOKUP_KEYS,
      });
      await assertRestored(right, { code, fileId, bytes: BYTES, fileName: FILE_NAME });
      await right.close();
      // At every level, through submission, clerk reads, download, look-ups and the failures of
      // the wrong keys: no name, number or file name in any log line.
      for (const line of [...s.logs, ...again.logs]) {
        for (const personal of ['Nguyễn', 'Nguy', '001099012345', '0912', 'CCCD', 'secret=0']) {
          assert.ok(!line.includes(personal), `${personal} in ${line}`);
        }
      }
      assert.ok(again.logs.some((l) => l.includes('/api/status')));
    });
  },
);
