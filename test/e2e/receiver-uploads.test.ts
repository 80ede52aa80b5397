// The reference receiver's two ways in for documents (demo/server): tus uploads the server hashes
// itself, and a multipart POST carrying the JWS and its files. Split from receiver.test.ts, with
// the same fake verifier (helpers.ts); it runs on SQLite in the e2e stage and on PostgreSQL + S3
// in the PostgreSQL stage, where the stored bytes are an S3 object.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Problem,
  type Running,
} from './helpers.js';

const NOW = '2026-11-26T03:00:05.000Z'; // a Thursday, 10:00 in Hà Nội

describe('reference receiver: documents', () => {
  let s: Running;
  const time = clock(NOW);

  before(async () => {
    s = await start({
      now: time.now,
      verifySubmission: fakeVerify,
      statusRateLimit: { max: 1000, windowSeconds: 600 },
    });
  });
  after(() => s.close());

  const submit = async (key?: string, overrides: Record<string, unknown> = {}, cookie?: string) => {
    const nonce = await challenge(s.base);
    const r = await postDossier(s.base, fakeJws(payload(nonce, overrides)), key, cookie);
    return { r, body: (await r.json()) as Record<string, unknown> };
  };

  test('tus upload: the server hashes the stored file and the dossier must match it', async () => {
    const bytes = Buffer.from('%PDF-1.7\n' + 'giấy chứng sinh '.repeat(2000));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = (o: Record<string, string>) =>
      Object.entries(o)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(',');
    const create = await fetch(`${s.base}/api/uploads/`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': meta({
          filename: 'giay-chung-sinh.pdf',
          filetype: 'application/pdf',
          slot: 'giay-to',
          sha256,
        }),
      },
    });
    assert.equal(create.status, 201);
    assert.equal(create.headers.get('x-content-type-options'), 'nosniff');
    // The upload's secret: an HttpOnly cookie the browser sends back by itself.
    const setCookie = create.headers.get('set-cookie') ?? '';
    assert.match(
      setCookie,
      /^dvc_upload_[0-9a-f]{32}=[A-Za-z0-9_-]{24}; Path=\/api\/; Max-Age=86400; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0];
    assert.ok(cookie.startsWith(`dvc_upload_${create.headers.get('location')?.split('/').pop()}=`));
    const location = create.headers.get('location') ?? '';
    assert.match(location, /^\/api\/uploads\/[0-9a-f]{32}$/);
    const id = location.split('/').pop();

    // The same secret as an upload token, for pages on other sites where the cookie never
    // comes back: the second half is sent with it instead of the cookie.
    const token = create.headers.get('dvc-upload-token') ?? '';
    assert.equal(cookie.split('=')[1], token);
    const half = 10_000;
    for (const [offset, chunk, proof] of [
      [0, bytes.subarray(0, half), { cookie }],
      [half, bytes.subarray(half), { 'dvc-upload-token': token }],
    ] as const) {
      const patch = await fetch(`${s.base}${location}`, {
        method: 'PATCH',
        headers: {
          ...proof,
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body: chunk,
      });
      assert.equal(patch.status, 204);
    }
    const head = await fetch(`${s.base}${location}`, {
      method: 'HEAD',
      headers: { cookie, 'tus-resumable': '1.0.0' },
    });
    assert.equal(head.headers.get('upload-offset'), String(bytes.length));

    const { filename: sealedName, ...row } = (await s.app.dvc.storage
      .prepare(
        'SELECT via, slot, filename, type, size, sha256, dossier_code FROM uploads WHERE id = ?',
      )
      .get(id)) as Record<string, unknown>;
    // The applicant's file name is personal data: sealed in the column, read back decrypted.
    assert.match(String(sealedName), /^dvc1\./);
    assert.equal(await s.app.dvc.uploadName(id!), 'giay-chung-sinh.pdf');
    assert.deepEqual(row, {
      via: 'tus',
      slot: 'giay-to',
      type: 'application/pdf',
      size: bytes.length,
      sha256,
      dossier_code: null,
    });

    const doc = {
      slot: 'giay-to',
      name: 'giay-chung-sinh.pdf',
      type: 'application/pdf',
      size: bytes.length,
      sha256,
      url: `${s.base}${location}`,
    };
    const swapped = await submit(
      undefined,
      { documents: [{ ...doc, sha256: 'f'.repeat(64) }] },
      cookie,
    );
    assert.equal(swapped.r.status, 422);
    assert.deepEqual((swapped.body as unknown as Problem).errors, [
      { code: 'attachment-hash-mismatch', message: '#0' },
    ]);

    const ok = await submit(undefined, { documents: [doc] }, cookie);
    assert.equal(ok.r.status, 201);
    const linked = await s.app.dvc.storage
      .prepare('SELECT dossier_code FROM uploads WHERE id = ?')
      .get(id);
    assert.deepEqual(linked, { dossier_code: ok.body.dossierCode });
    // Encrypted from the first byte under the upload's own key, now wrapped by the dossier's:
    // the bytes as stored (in the folder, or the S3 object itself) are not the PDF's.
    const { path } = (await s.app.dvc.storage
      .prepare('SELECT path FROM uploads WHERE id = ?')
      .get(id)) as { path: string };
    const stored = await s.app.dvc.objects.readAll(path);
    assert.equal(stored.length, bytes.length);
    assert.notEqual(stored.toString('latin1').slice(0, 8), '%PDF-1.7');
    const key = await s.app.dvc.storage
      .prepare('SELECT kek_id, dossier_code FROM upload_keys WHERE upload_id = ?')
      .get(id);
    assert.deepEqual(key, { kek_id: null, dossier_code: ok.body.dossierCode });
    assert.ok(Buffer.from((await s.app.dvc.readUpload(id!))!).equals(bytes));

    // A file already in a dossier cannot be claimed by another one.
    const reuse = await submit(undefined, { documents: [doc] }, cookie);
    assert.deepEqual((reuse.body as unknown as Problem).errors, [
      {
        code: 'upload-already-attached',
        message: 'Tệp ‘giay-chung-sinh.pdf’ đã thuộc một hồ sơ khác. Vui lòng tải lại tệp',
        index: 0,
        slot: 'giay-to',
        name: 'giay-chung-sinh.pdf',
      },
    ]);
  });

  test('multipart: the JWS in "payload" and files in "file:<slot>:<n>" parts', async () => {
    const a = Buffer.from('%PDF-1.7 first');
    const b = Buffer.from('%PDF-1.7 second');
    const hex = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    const docs = [a, b].map((x, i) => ({
      slot: 'giay-to',
      name: `trang-${i + 1}.pdf`,
      type: 'application/pdf',
      size: x.length,
      sha256: hex(x),
    }));
    const form = new FormData();
    form.set('payload', fakeJws(payload(await challenge(s.base), { documents: docs })));
    form.set('file:giay-to:0', new Blob([a], { type: 'application/pdf' }), 'trang-1.pdf');
    form.set('file:giay-to:1', new Blob([b], { type: 'application/pdf' }), 'trang-2.pdf');
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    assert.equal(r.status, 201);
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    const stored = (await s.app.dvc.storage
      .prepare('SELECT id, via, slot, filename, sha256 FROM uploads WHERE dossier_code = ?')
      .all(dossierCode)) as { id: string; filename: string }[];
    assert.ok(stored.every((f) => f.filename.startsWith('dvc1.')));
    const rows = await Promise.all(
      stored.map(async ({ id, ...f }) => ({ ...f, filename: await s.app.dvc.uploadName(id) })),
    );
    rows.sort((x, y) => String(x.filename).localeCompare(String(y.filename)));
    assert.deepEqual(rows, [
      { via: 'multipart', slot: 'giay-to', filename: 'trang-1.pdf', sha256: hex(a) },
      { via: 'multipart', slot: 'giay-to', filename: 'trang-2.pdf', sha256: hex(b) },
    ]);

    // A refused multipart submission leaves no files behind.
    const before = await s.app.dvc.storage
      .prepare("SELECT COUNT(*) AS n FROM uploads WHERE via = 'multipart'")
      .get();
    const refused = new FormData();
    refused.set(
      'payload',
      fakeJws(payload(await challenge(s.base), { documents: docs }), 'forged'),
    );
    refused.set('file:giay-to:0', new Blob([a], { type: 'application/pdf' }), 'trang-1.pdf');
    refused.set('file:giay-to:1', new Blob([b], { type: 'application/pdf' }), 'trang-2.pdf');
    const no = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: refused });
    assert.equal(no.status, 422);
    assert.deepEqual(
      await s.app.dvc.storage
        .prepare("SELECT COUNT(*) AS n FROM uploads WHERE via = 'multipart'")
        .get(),
      before,
    );
    assert.equal((await s.app.dvc.objects.listIds()).filter((f) => f.startsWith('mp-')).length, 2);

    const stray = new FormData();
    stray.set('payload', fakeJws(payload(await challenge(s.base))));
    stray.set('attachment', new Blob([a]), 'x.pdf');
    const bad = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: stray });
    assert.equal(bad.status, 400);
  });
});
