// Uploads are personal data at rest from their first byte (issue 18): through the real receiver
// (tus over the FileStore, wrapped by storage/encrypted-store.js), a document with known marker
// strings is uploaded in two PATCHes resumed at an odd offset; at no point — after the first
// part, when finished, once its dossier is accepted — do the bytes on disk (the file or the
// FileStore's metadata beside it) hold a marker or the file name, yet the clerk reads back the
// exact bytes and the signed SHA-256 still matches. CTR is not authenticated: a stored file
// changed on disk no longer hashes to the signed SHA-256 and is refused, never crashing anything.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLERK,
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  uploadSession,
  type Running,
} from './helpers.js';

const TUS = { 'tus-resumable': '1.0.0' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FILE_NAME = 'cccd-nguyen-van-an.pdf';
/** Strings a reader of the disk must never find. */
const MARKERS = ['CCCD 001099012345', 'Nguyễn Văn An', '0912 345 678', '%PDF-1.7'];

/** A PDF-looking document whose markers sit at the start, across the resume point and at the end. */
function documentBytes(): { bytes: Buffer; split: number } {
  const head = Buffer.from(`%PDF-1.7\n% CCCD 001099012345 Nguyễn Văn An 0912 345 678\n`);
  const filler = Buffer.alloc(4000, 'x');
  // The resume offset is odd and falls inside a marker and inside an AES block.
  const split = (head.length + 2001) | 1;
  const across = Buffer.from('CCCD 001099012345 / Nguyễn Văn An');
  const bytes = Buffer.concat([
    head,
    filler.subarray(0, 2001 - 8),
    across,
    filler,
    Buffer.from('\n0912 345 678\n%%EOF\n'),
  ]);
  return { bytes, split };
}

/** Every file the upload folder holds for upload `id`, with its bytes. */
function onDisk(s: Running, id: string): Buffer[] {
  const dir = join(s.dataDir, 'uploads');
  return readdirSync(dir)
    .filter((n) => n.startsWith(id))
    .map((n) => readFileSync(join(dir, n)));
}

function assertNoPlaintext(s: Running, id: string, when: string) {
  const files = onDisk(s, id);
  assert.ok(files.length > 0, `${when}: the upload is on disk`);
  for (const bytes of files) {
    for (const m of [...MARKERS, FILE_NAME]) {
      assert.ok(!bytes.includes(Buffer.from(m)), `${when}: "${m}" is on disk`);
    }
  }
}

describe('uploads encrypted at rest from the first byte', () => {
  let s: Running;
  const time = clock('2026-11-26T03:00:00.000Z');
  before(async () => {
    s = await start({ now: time.now, verifySubmission: fakeVerify });
  });
  after(() => s.close());

  const doc = (url: string, bytes: Uint8Array) => ({
    slot: 'giay-to',
    name: FILE_NAME,
    type: 'application/pdf',
    size: bytes.length,
    sha256: sha(bytes),
    url,
  });
  const clerkFile = (code: string, id: string) =>
    fetch(`${s.base}/api/clerk/dossiers/${code}/files/${id}`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
  const auditOf = (code: string, action: string) =>
    s.app.dvc.db
      .prepare('SELECT actor, outcome FROM audit_log WHERE dossier_code = ? AND action = ?')
      .all(code, action) as { actor: string; outcome: string }[];
  /** Signs (fake) and sends a submission with the one document at `url`. */
  const submit = async (url: string, bytes: Uint8Array, cookie: string) =>
    postDossier(
      s.base,
      fakeJws(payload(await challenge(s.base), { documents: [doc(url, bytes)] })),
      undefined,
      cookie,
    );

  test('resumed at an odd offset: ciphertext on disk throughout, exact bytes for the clerk', async () => {
    const { bytes, split } = documentBytes();
    assert.equal(split % 2, 1);
    const browser = uploadSession(s.base);
    const created = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: {
        ...TUS,
        'upload-length': String(bytes.length),
        'upload-metadata': `slot ${Buffer.from('giay-to').toString('base64')},filename ${Buffer.from(FILE_NAME).toString('base64')},filetype ${Buffer.from('application/pdf').toString('base64')}`,
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
    assertNoPlaintext(s, id, 'mid-upload');
    // The stored file is exactly as long as what was received: tus offsets stay byte offsets.
    assert.equal(statSync(join(s.dataDir, 'uploads', id)).size, split);
    assert.equal(statSync(join(s.dataDir, 'uploads', id)).mode & 0o777, 0o600);
    // Resuming asks the server where it stands; the owner sees its own metadata in clear.
    const head = await browser.fetch(url, { method: 'HEAD', headers: TUS });
    assert.equal(head.headers.get('upload-offset'), String(split));
    assert.match(
      head.headers.get('upload-metadata') ?? '',
      new RegExp(`filename ${Buffer.from(FILE_NAME).toString('base64')}`),
    );

    const rest = await patch(split, bytes.length);
    assert.equal(rest.status, 204);
    assert.equal(rest.headers.get('upload-offset'), String(bytes.length));
    assertNoPlaintext(s, id, 'finished');
    const row = s.app.dvc.db
      .prepare('SELECT sha256, filename, encrypted FROM uploads WHERE id = ?')
      .get(id);
    // The server's own hash is of the plaintext, and the file name it records is the clean one,
    // sealed under the upload's key (personal data: never in the column in clear).
    const { filename, ...kept } = row as { filename: string };
    assert.match(filename, /^dvc1\./);
    assert.ok(!filename.includes(FILE_NAME));
    assert.equal(s.app.dvc.uploadName(id), FILE_NAME);
    assert.deepEqual(kept, { sha256: sha(bytes), encrypted: 2 });

    const r = await submit(url, bytes, browser.cookie);
    assert.equal(r.status, 201, await r.clone().text());
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    assertNoPlaintext(s, id, 'accepted');
    // The file is not rewritten; its key is now wrapped by the dossier's data key.
    assert.deepEqual(
      s.app.dvc.db
        .prepare(
          'SELECT kek_id AS kekId, dossier_code AS code FROM upload_keys WHERE upload_id = ?',
        )
        .get(id),
      { kekId: null, code },
    );
    assert.ok((await s.app.dvc.readUpload(id))!.equals(bytes));
    // The clerk's copy over HTTP: the exact bytes, as a download, the read audited.
    const copy = await clerkFile(code, id);
    assert.equal(copy.status, 200);
    assert.ok(Buffer.from(await copy.arrayBuffer()).equals(bytes));
    assert.equal(copy.headers.get('content-type'), 'application/pdf');
    assert.equal(
      copy.headers.get('content-disposition'),
      `attachment; filename="${FILE_NAME}"; filename*=UTF-8''${FILE_NAME}`,
    );
    assert.equal(copy.headers.get('cache-control'), 'no-store');
    assert.deepEqual(auditOf(code, 'dossier.file.read'), [
      { actor: `${CLERK.username} (khoá API ${s.clerkKey.split('_')[1]})`, outcome: 'success' },
    ]);
    // No key material in the receiver's log…
    const wrapped = (
      s.app.dvc.db.prepare('SELECT wrapped_key FROM upload_keys WHERE upload_id = ?').get(id) as {
        wrapped_key: string;
      }
    ).wrapped_key;
    const log = s.logs.join('');
    assert.ok(!log.includes(wrapped.slice(5, 40)));
    // …nor the file's name or content.
    for (const m of [...MARKERS, FILE_NAME]) assert.ok(!log.includes(m), `"${m}" in the log`);
  });

  test('a stored file changed on disk is refused at submission and to the clerk, no crash', async () => {
    const { bytes } = documentBytes();
    const path = (url: string) => join(s.dataDir, 'uploads', url.split('/').pop()!);

    // One flipped bit in the middle: CTR decrypts it to a different byte, the hash differs.
    const flipped = uploadSession(s.base);
    const url1 = await flipped.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    const stored = readFileSync(path(url1));
    stored[3000] ^= 0x01;
    writeFileSync(path(url1), stored);
    const r1 = await submit(url1, bytes, flipped.cookie);
    assert.equal(r1.status, 422);
    const body1 = (await r1.json()) as { errors: { code: string }[] };
    assert.deepEqual(
      body1.errors.map((e) => e.code),
      ['attachment-hash-mismatch'],
    );

    // Cut short: the file rules see a size other than the signed one.
    const cut = uploadSession(s.base);
    const url2 = await cut.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    truncateSync(path(url2), 1000);
    const r2 = await submit(url2, bytes, cut.cookie);
    assert.equal(r2.status, 422);

    // Accepted, then changed on disk: the clerk's read refuses it rather than hand over other bytes.
    const good = uploadSession(s.base);
    const url3 = await good.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    assert.equal((await submit(url3, bytes, good.cookie)).status, 201);
    const id3 = url3.split('/').pop()!;
    assert.ok((await s.app.dvc.readUpload(id3))!.equals(bytes));
    const accepted = readFileSync(path(url3));
    accepted[10] ^= 0x80;
    writeFileSync(path(url3), accepted);
    assert.throws(() => s.app.dvc.readUpload(id3), { name: 'UploadDamagedError' });
    const code3 = (
      s.app.dvc.db.prepare('SELECT dossier_code AS c FROM uploads WHERE id = ?').get(id3) as {
        c: string;
      }
    ).c;
    const refused = await clerkFile(code3, id3);
    assert.equal(refused.status, 409);
    assert.equal(
      ((await refused.json()) as { type: string }).type,
      'urn:dvc-forms:problem:file-damaged',
    );
    assert.deepEqual(
      auditOf(code3, 'dossier.file.read').map((r) => r.outcome),
      ['damaged'],
    );

    // The receiver is still up and answering.
    assert.equal((await fetch(`${s.base}/api/procedures`)).status, 200);
  });

  test('a file stored in clear by an older version is sealed when its dossier is accepted', async () => {
    const { bytes } = documentBytes();
    const browser = uploadSession(s.base);
    const url = await browser.upload(bytes, { slot: 'giay-to', filename: FILE_NAME });
    const id = url.split('/').pop()!;
    // What an upload finished before the upgrade looks like: plaintext, no key, encrypted = 0.
    writeFileSync(join(s.dataDir, 'uploads', id), bytes, { mode: 0o600 });
    s.app.dvc.db.prepare('DELETE FROM upload_keys WHERE upload_id = ?').run(id);
    s.app.dvc.db.prepare('UPDATE uploads SET encrypted = 0 WHERE id = ?').run(id);
    assert.ok((await s.app.dvc.readUpload(id))!.equals(bytes));

    const r = await submit(url, bytes, browser.cookie);
    assert.equal(r.status, 201, await r.clone().text());
    const row = s.app.dvc.db.prepare('SELECT encrypted FROM uploads WHERE id = ?').get(id);
    assert.deepEqual(row, { encrypted: 1 });
    assertNoPlaintext(s, id, 'legacy, accepted');
    assert.ok((await s.app.dvc.readUpload(id))!.equals(bytes));
  });

  test('multipart files are ciphertext on disk too, and read back exactly', async () => {
    const { bytes } = documentBytes();
    const form = new FormData();
    const docs = [{ ...doc('', bytes), url: undefined }];
    form.set('payload', fakeJws(payload(await challenge(s.base), { documents: docs })));
    form.set(
      'file:giay-to:0',
      new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }),
      FILE_NAME,
    );
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    assert.equal(r.status, 201, await r.clone().text());
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const file = s.app.dvc.db
      .prepare('SELECT id, encrypted FROM uploads WHERE dossier_code = ?')
      .get(code) as { id: string; encrypted: number };
    assert.equal(file.encrypted, 2);
    assertNoPlaintext(s, file.id, 'multipart, accepted');
    assert.ok((await s.app.dvc.readUpload(file.id))!.equals(bytes));
  });
});
