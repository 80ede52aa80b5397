// Uploads in S3-compatible object storage (demo/server/storage/objects.js), against a real S3
// server running here (scripts/s3-server.mjs: s3rver with ListParts and Signature V4 checks):
// the configuration's errors, uploads created, resumed, read, removed and expired through the
// receiver, ciphertext in the bucket (read straight from the server), a changed object refused,
// and nothing written to the local folder. Runs on SQLite (e2e stage) and on PostgreSQL
// (postgres stage, DVC_TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { S3Store } from '@tus/s3-store';
import { createServer } from '../../demo/server/app.js';
import { createObjectStore, type ObjectStore } from '../../demo/server/storage/objects.js';
import { loadS3Config, type S3Config } from '../../demo/server/storage/s3-config.js';
import { startS3Server } from '../../scripts/s3-server.mjs';
import {
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  FIXTURE_PROCEDURES,
  payload,
  postDossier,
  start,
  uploadSession,
  type Running,
} from './helpers.js';

const TUS = { 'tus-resumable': '1.0.0' };
const FILE_NAME = 'cccd-nguyen-van-an.pdf';
const MARKERS = ['CCCD 001099012345', 'Nguyễn Văn An', '%PDF-1.7', FILE_NAME];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const meta = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** A small PDF-looking document with personal data throughout (under one 5 MiB S3 part). */
function documentBytes() {
  const line = Buffer.from('% CCCD 001099012345 Nguyễn Văn An\n');
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    ...Array(300).fill(line),
    Buffer.from('%%EOF\n'),
  ]);
}

describe('uploads in S3-compatible object storage', { timeout: 180_000 }, () => {
  const s3Dir = mkdtempSync(join(tmpdir(), 'dvc-s3-'));
  let server: Awaited<ReturnType<typeof startS3Server>>;
  let config: S3Config;
  let s: Running;
  /** The bucket as the S3 server holds it, read with the receiver's own credentials. */
  let bucket: ObjectStore;
  const time = clock('2026-12-05T03:00:00.000Z');

  before(async () => {
    server = await startS3Server({ dir: s3Dir, bucket: 'dvc-s3-test' });
    config = loadS3Config(server.env)!;
    bucket = createObjectStore({ dir: '/nonexistent', s3: config });
    s = await start({ s3: config, now: time.now, verifySubmission: fakeVerify });
  });
  after(async () => {
    await s?.close();
    bucket?.close();
    await server?.close();
    rmSync(s3Dir, { recursive: true, force: true });
  });

  const noPlaintext = async (id: string, when: string) => {
    const ids = await bucket.listIds();
    assert.ok(ids.includes(id), `${when}: the upload is in the bucket`);
    for (const key of [id, `${id}.info`, `${id}.part`]) {
      let bytes: Buffer;
      try {
        bytes = await bucket.readAll(`s3:${key}`);
      } catch {
        continue; // not every object exists at every step
      }
      for (const m of MARKERS)
        assert.ok(!bytes.includes(Buffer.from(m)), `${when}: "${m}" in ${key}`);
    }
  };
  /** The local folder holds no upload bytes: only what the receiver needs (none here). */
  const nothingLocal = () => {
    const dir = join(s.dataDir, 'uploads');
    assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
  };
  const submit = (bytes: Buffer, url: string, cookie: string) =>
    challenge(s.base).then((nonce) =>
      postDossier(
        s.base,
        fakeJws(
          payload(nonce, {
            documents: [
              {
                slot: 'giay-to',
                name: FILE_NAME,
                type: 'application/pdf',
                size: bytes.length,
                sha256: sha(bytes),
                url,
              },
            ],
          }),
        ),
        undefined,
        cookie,
      ),
    );

  test('the S3 server (patched s3rver): ListParts pages, NoSuchUpload once completed, signatures checked', async () => {
    // The S3 client of @tus/s3-store, with the receiver's settings (and with a wrong secret).
    type Client = {
      createMultipartUpload(a: object): Promise<{ UploadId?: string }>;
      uploadPart(a: object): Promise<{ ETag?: string }>;
      listParts(a: object): Promise<{
        Parts?: { PartNumber?: number; Size?: number; ETag?: string }[];
        IsTruncated?: boolean;
        NextPartNumberMarker?: string | number;
      }>;
      completeMultipartUpload(a: object): Promise<unknown>;
      destroy(): void;
    };
    const clientOf = (c: S3Config) =>
      (
        new S3Store({
          s3ClientConfig: {
            bucket: c.bucket,
            region: c.region,
            endpoint: c.endpoint,
            forcePathStyle: true,
            credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          },
        }) as unknown as { client: Client }
      ).client;
    const client = clientOf(config);
    const forged = clientOf({ ...config, secretAccessKey: 'not-the-secret' });
    try {
      const Bucket = config.bucket;
      const Key = 'paging-check';
      const { UploadId } = await client.createMultipartUpload({ Bucket, Key });
      const etags = [];
      for (const PartNumber of [1, 2, 3]) {
        const body = Buffer.from(`part ${PartNumber}`);
        etags.push(
          (await client.uploadPart({ Bucket, Key, UploadId, PartNumber, Body: body })).ETag,
        );
      }
      const page1 = await client.listParts({ Bucket, Key, UploadId, MaxParts: 2 });
      assert.deepEqual(
        page1.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]),
        [
          [1, 6, etags[0]],
          [2, 6, etags[1]],
        ],
      );
      assert.equal(page1.IsTruncated, true);
      assert.equal(String(page1.NextPartNumberMarker), '2');
      const page2 = await client.listParts({ Bucket, Key, UploadId, PartNumberMarker: '2' });
      assert.deepEqual(
        page2.Parts?.map((p) => p.PartNumber),
        [3],
      );
      assert.equal(page2.IsTruncated, false);
      // A request signed with another secret is refused, for every operation.
      await assert.rejects(forged.listParts({ Bucket, Key, UploadId }), {
        name: 'SignatureDoesNotMatch',
      });
      // Completing with a part that was never uploaded is refused; with the real ones it works.
      await assert.rejects(
        client.completeMultipartUpload({
          Bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 4, ETag: etags[0] }] },
        }),
        { name: 'InvalidPart' },
      );
      await client.completeMultipartUpload({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      });
      assert.equal((await bucket.readAll('s3:paging-check')).toString(), 'part 1part 2part 3');
      await assert.rejects(client.listParts({ Bucket, Key, UploadId }), { name: 'NoSuchUpload' });
      await bucket.remove('s3:paging-check');
    } finally {
      client.destroy();
      forged.destroy();
    }
  });

  test('the configuration: all or nothing, checked at start-up with the variable named', async () => {
    assert.equal(loadS3Config({}), undefined);
    assert.throws(() => loadS3Config({ S3_BUCKET: 'ho-so' }), {
      message:
        'S3 storage is half configured (S3_BUCKET set): S3_REGION, S3_ACCESS_KEY_ID, ' +
        'S3_SECRET_ACCESS_KEY must be set too, or unset every S3_* variable to keep uploads in ' +
        'DATA_DIR/uploads',
    });
    const full = { ...server.env };
    assert.throws(() => loadS3Config({ ...full, S3_ENDPOINT: 'http://s3.example.gov.vn' }), {
      message:
        'S3_ENDPOINT must be https:// (plain http:// only to a loopback address), got "http://s3.example.gov.vn"',
    });
    assert.throws(() => loadS3Config({ ...full, S3_ENDPOINT: 'https://s3.example.gov.vn/ho-so' }), {
      message: /^S3_ENDPOINT must be the service's address only/,
    });
    assert.throws(() => loadS3Config({ ...full, S3_BUCKET: 'Hồ_Sơ' }), {
      message: /^S3_BUCKET must be a bucket name of 3 to 63/,
    });
    assert.throws(() => loadS3Config({ ...full, S3_FORCE_PATH_STYLE: 'yes' }), {
      message: 'S3_FORCE_PATH_STYLE must be 1 or 0, got "yes"',
    });
    assert.deepEqual(loadS3Config({ ...full, S3_ENDPOINT: undefined, S3_FORCE_PATH_STYLE: '' }), {
      ...config,
      endpoint: undefined,
      forcePathStyle: false,
    });

    // A wrong secret (the server checks every signature) or a missing bucket stop the start.
    const dataDir = mkdtempSync(join(tmpdir(), 'dvc-s3-refused-'));
    try {
      for (const [s3, why] of [
        [
          { ...config, secretAccessKey: 'not-the-secret' },
          'access denied (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)',
        ],
        [{ ...config, bucket: 'khong-co-bucket' }, 'the bucket does not exist'],
      ] as const) {
        await assert.rejects(
          createServer({ dataDir, s3, proceduresDir: FIXTURE_PROCEDURES, logLevel: 'silent' }),
          {
            message: `S3 storage: bucket "${s3.bucket}" at ${config.endpoint} is not usable: ${why}`,
          },
        );
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // No anonymous access to the bucket.
    const anonymous = await fetch(`${config.endpoint}/${config.bucket}/`);
    assert.equal(anonymous.status, 403);
  });

  test('resumed at an odd offset on S3: ciphertext in the bucket throughout, exact bytes back', async () => {
    const bytes = documentBytes();
    const split = 5001;
    const browser = uploadSession(s.base);
    const created = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: {
        ...TUS,
        'upload-length': String(bytes.length),
        'upload-metadata': meta({
          slot: 'giay-to',
          filename: FILE_NAME,
          filetype: 'application/pdf',
        }),
      },
    });
    assert.equal(created.status, 201);
    const url = `${s.base}${created.headers.get('location')}`;
    const id = url.split('/').pop()!;
    const patch = (from: number, to: number) =>
      browser.fetch(url, {
        method: 'PATCH',
        headers: {
          ...TUS,
          'upload-offset': String(from),
          'content-type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(bytes.subarray(from, to)),
      });
    const first = await patch(0, split);
    assert.equal(first.status, 204);
    assert.equal(first.headers.get('upload-offset'), String(split));
    // Shorter than S3's 5 MiB part: kept as the upload's "incomplete part" object, encrypted.
    assert.equal((await bucket.readAll(`s3:${id}.part`)).length, split);
    await noPlaintext(id, 'mid-upload');
    const head = await browser.fetch(url, { method: 'HEAD', headers: TUS });
    assert.equal(head.headers.get('upload-offset'), String(split));

    const rest = await patch(split, bytes.length);
    assert.equal(rest.status, 204);
    // The multipart upload was completed into one object of the file's length; the incomplete
    // part is gone.
    const object = await bucket.readAll(`s3:${id}`);
    assert.equal(object.length, bytes.length);
    assert.ok(!(await bucket.listIds()).some((k) => k.endsWith('.part')));
    await noPlaintext(id, 'finished');
    nothingLocal();
    const row = (await s.app.dvc.storage
      .prepare('SELECT path, sha256, size FROM uploads WHERE id = ?')
      .get(id)) as { path: string; sha256: string; size: number | string };
    assert.deepEqual(
      { ...row, size: Number(row.size) },
      { path: `s3:${id}`, sha256: sha(bytes), size: bytes.length },
    );

    // Accepted (the server re-hashed the object it read from S3), then read back by a clerk.
    const r = await submit(bytes, url, browser.cookie);
    assert.equal(r.status, 201, await r.clone().text());
    const code = ((await r.json()) as { dossierCode: string }).dossierCode;
    const file = await fetch(`${s.base}/api/clerk/dossiers/${code}/files/${id}`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    assert.equal(file.status, 200);
    assert.ok(Buffer.from(await file.arrayBuffer()).equals(bytes));

    // An admin deletes the dossier: its objects leave the bucket.
    const del = await fetch(`${s.base}/api/clerk/admin/dossiers/${code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Người nộp yêu cầu xoá' }),
    });
    assert.equal(del.status, 204);
    assert.ok(!(await bucket.listIds()).includes(id));
  });

  test('an object changed in the bucket is refused at submission and to the clerk', async () => {
    const bytes = documentBytes();
    const changed = uploadSession(s.base);
    const url1 = await changed.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    const ref1 = `s3:${url1.split('/').pop()}`;
    const stored = await bucket.readAll(ref1);
    stored[3000] ^= 0x01;
    await bucket.put(ref1, stored);
    const r1 = await submit(bytes, url1, changed.cookie);
    assert.equal(r1.status, 422);
    assert.deepEqual(
      ((await r1.json()) as { errors: { code: string }[] }).errors.map((e) => e.code),
      ['attachment-hash-mismatch'],
    );

    const good = uploadSession(s.base);
    const url2 = await good.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    const r2 = await submit(bytes, url2, good.cookie);
    assert.equal(r2.status, 201);
    const code = ((await r2.json()) as { dossierCode: string }).dossierCode;
    const id2 = url2.split('/').pop()!;
    const accepted = await bucket.readAll(`s3:${id2}`);
    accepted[10] ^= 0x80;
    await bucket.put(`s3:${id2}`, accepted);
    const refused = await fetch(`${s.base}/api/clerk/dossiers/${code}/files/${id2}`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    assert.equal(refused.status, 409);
    await assert.rejects(
      Promise.resolve().then(() => s.app.dvc.readUpload(id2)),
      {
        name: 'UploadDamagedError',
      },
    );
  });

  /** An upload whose client sent its first 1,000 bytes and no more. */
  async function unfinishedUpload() {
    const bytes = documentBytes();
    const browser = uploadSession(s.base);
    const created = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: {
        ...TUS,
        'upload-length': String(bytes.length),
        'upload-metadata': meta({ slot: 'giay-to', filename: FILE_NAME }),
      },
    });
    const url = `${s.base}${created.headers.get('location')}`;
    const id = url.split('/').pop()!;
    const part = await browser.fetch(url, {
      method: 'PATCH',
      headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes.subarray(0, 1000)),
    });
    assert.equal(part.status, 204);
    return { browser, url, id };
  }

  test('an upload never finished expires: its multipart upload is aborted, its objects deleted', async () => {
    const { browser, url, id } = await unfinishedUpload();
    assert.equal(multipartUploads(), 1);
    time.set('2026-12-06T04:00:00.000Z'); // past UPLOAD_TTL_HOURS (24)
    assert.ok((await s.app.dvc.uploads.sweep()) >= 1);
    assert.ok(!(await bucket.listIds()).includes(id));
    assert.equal(multipartUploads(), 0);
    // And the upload is gone for its client too.
    const head = await browser.fetch(url, { method: 'HEAD', headers: TUS });
    assert.equal(head.status, 404);
    time.set('2026-12-05T03:00:00.000Z');
  });

  test('an upload its client terminates (tus DELETE) leaves nothing in the bucket', async () => {
    const { browser, url, id } = await unfinishedUpload();
    assert.equal((await bucket.readAll(`s3:${id}.part`)).length, 1000);
    const gone = await browser.fetch(url, { method: 'DELETE', headers: TUS });
    assert.equal(gone.status, 204);
    assert.ok(!(await bucket.listIds()).includes(id));
    assert.equal(multipartUploads(), 0);
  });

  /** Multipart uploads the S3 server holds open (s3rver keeps one folder for each). */
  function multipartUploads() {
    const dir = join(s3Dir, config.bucket, '._S3rver_uploads');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  }
});
