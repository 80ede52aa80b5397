// The restore path of docs/deployment.md "Backups and restore" with uploads in S3: PostgreSQL
// dumped with pg_dump and restored with createdb + pg_restore as written, the bucket copied to
// another S3 server and bucket (the copy `mc mirror`, `aws s3 sync` or `rclone sync` make:
// ListObjectsV2, GetObject, PutObject of every object, done here with the AWS SDK, as no such
// tool is on the test machine), then a fresh receiver with the same MASTER_KEYS and LOOKUP_KEYS
// on the restored database and the copied bucket reads the dossier, its file and the citizen's
// look-up back; the original bucket's server is stopped first, so nothing is read from it.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { findPostgres, startPostgres } from '../../scripts/postgres.mjs';
import { spawnS3Server, startS3Server } from '../../scripts/s3-server.mjs';
import { loadS3Config } from '../../demo/server/storage/s3-config.js';
import { fakeVerify, start } from './helpers.js';
import { assertRestored, newKey, sh as shell, submitWithFile } from './backup-dossier.js';

const PG_BIN = findPostgres();
const MASTER_KEYS = newKey('m2026');
const LOOKUP_KEYS = newKey('l2026');
const FILE_NAME = 'CCCD Nguyễn Văn An 001099012345.pdf';
const BYTES = new TextEncoder().encode('%PDF-1.7\ngiấy tờ tuỳ thân trong S3\n%%EOF\n');

const work = mkdtempSync(join(tmpdir(), 'dvc-backup-s3-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A documented command, with PostgreSQL's tools on the PATH. */
const sh = (script: string, env: Record<string, string>) =>
  shell(script, env, `${PG_BIN}:${process.env.PATH ?? ''}`);

/** An S3 client of one server's S3_* settings. */
function client(env: Record<string, string>) {
  return new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
  });
}

describe(
  'backup and restore with PostgreSQL and uploads in S3',
  {
    timeout: 240_000,
    // npm test installs PostgreSQL first (scripts/postgres.mjs), so it runs there; a bare
    // `node --test` of this file on a machine without it says what to install instead of failing.
    skip: PG_BIN ? false : 'no PostgreSQL on this machine (apt-get install postgresql, or PG_BIN)',
  },
  () => {
    test('pg_dump + a bucket copy restore into a fresh receiver on another bucket', async () => {
      const pg = await startPostgres(PG_BIN!);
      const admin = new URL(pg.url);
      const pgEnv = {
        PGHOST: admin.hostname,
        PGPORT: admin.port,
        PGUSER: decodeURIComponent(admin.username),
        PGPASSWORD: decodeURIComponent(admin.password),
      };
      const dbUrl = (name: string) => Object.assign(new URL(pg.url), { pathname: `/${name}` }).href;
      const original = await startS3Server({ dir: join(work, 's3-a'), bucket: 'dvc-uploads' });
      // Another server with its own key pair (in a process of its own: s3rver keeps one key pair
      // per process), as a restore into another account or provider.
      const copy = await spawnS3Server(join(work, 's3-b'));
      const copyBucket = copy.env.S3_BUCKET!;
      const BACKUP = join(work, 'backup');
      /** A receiver on database `name` and the bucket of `s3`, with the one pair of keys. */
      const receiver = (name: string, s3: Record<string, string>) =>
        start({
          databaseUrl: dbUrl(name),
          s3: loadS3Config(s3)!,
          verifySubmission: fakeVerify,
          masterKeys: MASTER_KEYS,
          lookupKeys: LOOKUP_KEYS,
        });
      let code = '';
      let fileId = '';
      try {
        sh('createdb dvc', pgEnv);
        const s = await receiver('dvc', original.env);
        try {
          ({ code, fileId } = await submitWithFile(s, BYTES, FILE_NAME));

          // docs/deployment.md "Backups and restore": the database first, then the bucket.
          sh(
            `mkdir -p "$BACKUP"\npg_dump --format=custom --file="$BACKUP/dvc.dump" "$DATABASE_URL"`,
            {
              ...pgEnv,
              BACKUP,
              DATABASE_URL: dbUrl('dvc'),
            },
          );
        } finally {
          await s.close();
        }
        // The bucket copy, object by object, into another server's bucket.
        const from = client(original.env);
        const to = client(copy.env);
        const listed = await from.send(new ListObjectsV2Command({ Bucket: 'dvc-uploads' }));
        const keys = (listed.Contents ?? []).map((o) => o.Key!);
        assert.ok(keys.includes(fileId), `the file is in the bucket: ${keys.join(', ')}`);
        for (const k of keys) {
          const object = await from.send(new GetObjectCommand({ Bucket: 'dvc-uploads', Key: k }));
          const body = Buffer.from(await object.Body!.transformToByteArray());
          // Ciphertext only: the bucket holds no personal data in clear.
          for (const personal of ['001099012345', 'giấy tờ tuỳ thân', 'Nguyễn'])
            assert.equal(body.indexOf(Buffer.from(personal)), -1, `${personal} in ${k}`);
          await to.send(new PutObjectCommand({ Bucket: copyBucket, Key: k, Body: body }));
        }
        from.destroy();
        to.destroy();
        await original.close(); // nothing may be read from the original bucket now

        // docs/deployment.md: restore into an empty database, receivers stopped.
        sh(
          `createdb dvc_restored
pg_restore --no-owner --exit-on-error --dbname="$RESTORED_URL" "$BACKUP/dvc.dump"`,
          { ...pgEnv, BACKUP, RESTORED_URL: dbUrl('dvc_restored') },
        );
        const again = await receiver('dvc_restored', copy.env);
        try {
          await assertRestored(again, { code, fileId, bytes: BYTES, fileName: FILE_NAME });
        } finally {
          await again.close();
        }
      } finally {
        await original.close().catch(() => {});
        copy.stop();
        pg.stop();
      }
    });
  },
);
