// An upload a dossier holds stays the dossier's, one upload goes to one dossier, the applicant's
// file names are never stored in clear, failed log-ins never record what was typed, and tus
// gets the receiver's own answers. Each test drives the real receiver (fastify, SQLite or —
// with DVC_TEST_DATABASE_URL — PostgreSQL, @tus/server) over loopback HTTP.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  ADMIN,
  CLERK,
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  uploadSession,
  type Problem,
  type Running,
} from './helpers.js';

const NOW = '2026-11-26T03:00:05.000Z';
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const TUS = { 'tus-resumable': '1.0.0' };
const ON_POSTGRES = !!process.env.DVC_TEST_DATABASE_URL;
const ON_S3 = !!process.env.DVC_TEST_S3;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);
/** A citizen's real-life file name: the ID card of a named person, with the ID number. */
const CITIZEN_FILE = 'CCCD Nguyễn Văn An 001195012345.pdf';

async function problemOf(r: Response): Promise<Problem> {
  assert.equal(r.headers.get('content-type'), PROBLEM_JSON);
  return (await r.json()) as Problem;
}

const doc = (url: string, bytes: Uint8Array, name = 'don.pdf') => ({
  slot: 'giay-to',
  name,
  type: 'application/pdf',
  size: bytes.length,
  sha256: sha(bytes),
  url,
});

describe('a file a dossier holds stays with it', () => {
  let s: Running;
  const time = clock(NOW);
  /** The verifier in use: a test may make submissions wait for each other after verifying. */
  let verify = fakeVerify;
  before(async () => {
    s = await start({
      verifySubmission: (jws, options) => verify(jws, options),
      now: time.now,
      uploadTtlHours: 1,
    });
  });
  after(() => s.close());

  const uploadRow = async (id: string) =>
    (await s.app.dvc.storage
      .prepare('SELECT dossier_code, sha256 FROM uploads WHERE id = ?')
      .get(id)) as { dossier_code: string | null; sha256: string } | undefined;
  const keyOwner = async (id: string) =>
    (
      (await s.app.dvc.storage
        .prepare('SELECT dossier_code FROM upload_keys WHERE upload_id = ?')
        .get(id)) as { dossier_code: string | null } | undefined
    )?.dossier_code;

  test('an empty PATCH at the final offset finishing after acceptance does not free the file', async () => {
    const browser = uploadSession(s.base);
    const bytes = pdf('giấy khai sinh');
    const url = await browser.upload(bytes, { slot: 'giay-to', filename: 'khai-sinh.pdf' });
    const id = url.split('/').pop()!;
    // The uploader's empty PATCH at offset = length, admitted before the dossier takes the file
    // and finished (its body ends) after: tus runs onUploadFinish again then.
    const held = httpRequest(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        cookie: browser.cookie,
        'upload-offset': String(bytes.length),
        'content-type': 'application/offset+octet-stream',
        'transfer-encoding': 'chunked',
      },
    });
    const patched = new Promise<number>((resolve, reject) => {
      held.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      held.on('error', reject);
    });
    held.flushHeaders();
    await new Promise((r) => setTimeout(r, 300)); // admitted, waiting for its body
    const accepted = await postDossier(
      s.base,
      fakeJws(payload(await challenge(s.base), { documents: [doc(url, bytes)] })),
      undefined,
      browser.cookie,
    );
    assert.equal(accepted.status, 201);
    const { dossierCode } = (await accepted.json()) as { dossierCode: string };
    held.end();
    const finished = await patched;
    // The file store finishes the upload again (204); the S3 store (the PostgreSQL stage) refuses
    // a PATCH to an upload it has completed (tus answers 500), so there is no second finish.
    assert.equal(finished, ON_S3 ? 500 : 204);

    // Still the dossier's: row and key.
    assert.deepEqual(await uploadRow(id), { dossier_code: dossierCode, sha256: sha(bytes) });
    assert.equal(await keyOwner(id), dossierCode);
    // Its uploader can no longer delete it…
    const del = await browser.fetch(url, { method: 'DELETE', headers: TUS });
    assert.equal(del.status, 409);
    assert.equal((await problemOf(del)).type, 'urn:dvc-forms:problem:upload-immutable');
    // …nor can the expiry sweep, past the upload's time.
    time.set('2026-11-26T05:00:05.000Z');
    try {
      await s.app.dvc.uploads.sweep();
    } finally {
      time.set(NOW);
    }
    assert.deepEqual(await uploadRow(id), { dossier_code: dossierCode, sha256: sha(bytes) });
    assert.deepEqual(Buffer.from((await s.app.dvc.readUpload(id))!), Buffer.from(bytes));
  });

  test('two dossiers naming one upload at the same moment: the second is refused, 409', async () => {
    const browser = uploadSession(s.base);
    const bytes = pdf('chứng minh nhân dân');
    const url = await browser.upload(bytes, { slot: 'giay-to', filename: 'cmnd.pdf' });
    const id = url.split('/').pop()!;
    const nonces = [await challenge(s.base), await challenge(s.base)];
    const countOf = async (sql: string) =>
      Number(((await s.app.dvc.storage.prepare(sql).get()) as { n: number }).n);
    const dossiersBefore = await countOf('SELECT COUNT(*) AS n FROM dossiers');
    // Both pass every check before either is stored: they wait for each other after verifying.
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((r) => (release = r));
    verify = async (jws, options) => {
      const result = await fakeVerify(jws, options);
      arrived++;
      if (arrived === 2) release();
      await both;
      return result;
    };
    try {
      const answers = await Promise.all(
        nonces.map((n) =>
          postDossier(
            s.base,
            fakeJws(payload(n, { documents: [doc(url, bytes, 'cmnd.pdf')] })),
            undefined,
            browser.cookie,
          ),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409]);
      const won = answers.find((r) => r.status === 201)!;
      const lost = answers.find((r) => r.status === 409)!;
      const { dossierCode } = (await won.json()) as { dossierCode: string };
      assert.deepEqual(await problemOf(lost), {
        type: 'urn:dvc-forms:problem:upload-already-attached',
        title: 'Tệp đã thuộc hồ sơ khác',
        status: 409,
        detail:
          'Một tệp đính kèm vừa được nộp cùng một hồ sơ khác nên hồ sơ này chưa được tiếp nhận. Vui lòng tải lại tệp đó rồi gửi lại.',
        errors: [
          {
            code: 'upload-already-attached',
            message: 'Tệp ‘cmnd.pdf’ đã thuộc một hồ sơ khác. Vui lòng tải lại tệp',
            index: 0,
            slot: 'giay-to',
            name: 'cmnd.pdf',
          },
        ],
      });
      // Nothing of the second was stored; the first holds its file.
      assert.equal(await countOf('SELECT COUNT(*) AS n FROM dossiers'), dossiersBefore + 1);
      assert.deepEqual(await uploadRow(id), { dossier_code: dossierCode, sha256: sha(bytes) });
      assert.equal(await keyOwner(id), dossierCode);
      assert.equal(
        await countOf(
          `SELECT COUNT(*) AS n FROM dossier_history h WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.code = h.dossier_code)`,
        ),
        0,
      );
      // The losing nonce was not spent (its transaction rolled back): one consumed, one fresh.
      const spent = await s.app.dvc.storage
        .prepare(
          `SELECT COUNT(*) AS n FROM nonces WHERE nonce IN (?, ?) AND consumed_at IS NOT NULL`,
        )
        .get(nonces[0], nonces[1]);
      assert.equal(Number((spent as { n: number }).n), 1);
      assert.deepEqual(Buffer.from((await s.app.dvc.readUpload(id))!), Buffer.from(bytes));
    } finally {
      verify = fakeVerify;
    }
  });
});

describe('the applicant’s file names are sealed at rest', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify, now: clock(NOW).now });
  });
  after(() => s.close());

  test('tus and multipart names: ciphertext in the table, the name for the clerk', async () => {
    const browser = uploadSession(s.base);
    const bytes = pdf('căn cước công dân');
    const url = await browser.upload(bytes, { slot: 'giay-to', filename: CITIZEN_FILE });
    const id = url.split('/').pop()!;
    const other = pdf('sổ hộ khẩu');
    const form = new FormData();
    form.set(
      'payload',
      fakeJws(
        payload(await challenge(s.base), {
          documents: [doc(url, bytes, CITIZEN_FILE), doc('', other, 'Hộ khẩu Nguyễn Văn An.pdf')]
            // The multipart entry has no url.
            .map(({ url: u, ...d }) => (u ? { ...d, url: u } : d)),
        }),
      ),
    );
    form.set(
      'file:giay-to:1',
      new Blob([other], { type: 'application/pdf' }),
      'Hộ khẩu Nguyễn Văn An.pdf',
    );
    const r = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      body: form,
      headers: { cookie: browser.cookie },
    });
    assert.equal(r.status, 201, await r.clone().text());
    const { dossierCode } = (await r.json()) as { dossierCode: string };

    const rows = (await s.app.dvc.storage
      .prepare('SELECT id, via, filename FROM uploads WHERE dossier_code = ? ORDER BY via')
      .all(dossierCode)) as { id: string; via: string; filename: string }[];
    assert.deepEqual(
      rows.map((f) => f.via),
      ['multipart', 'tus'],
    );
    for (const f of rows) {
      assert.match(f.filename, /^dvc1\.[A-Za-z0-9+/]+=*$/);
      assert.ok(!f.filename.includes('001195012345') && !f.filename.includes('Nguy'));
    }
    assert.equal(await s.app.dvc.uploadName(id), CITIZEN_FILE);
    const mp = rows.find((f) => f.via === 'multipart')!;
    assert.equal(await s.app.dvc.uploadName(mp.id), 'Hộ khẩu Nguyễn Văn An.pdf');
    if (!ON_POSTGRES) {
      // Nowhere in the database files either (WAL included).
      for (const f of readdirSync(s.dataDir).filter((n) => n.startsWith('dvc.sqlite'))) {
        const raw = readFileSync(join(s.dataDir, f));
        assert.equal(raw.indexOf(Buffer.from('001195012345')), -1, f);
        assert.equal(raw.indexOf(Buffer.from('Nguyễn Văn An 0011')), -1, f);
      }
    }

    // The clerk's desk and the download read it back.
    const clerk = { authorization: `Bearer ${s.clerkKey}` };
    const detail = (await (
      await fetch(`${s.base}/api/clerk/dossiers/${dossierCode}`, { headers: clerk })
    ).json()) as { files: { id: string; name: string }[] };
    assert.deepEqual(
      detail.files.map((f) => [f.id, f.name]).sort(),
      [
        [id, CITIZEN_FILE],
        [mp.id, 'Hộ khẩu Nguyễn Văn An.pdf'],
      ].sort(),
    );
    const download = await fetch(`${s.base}/api/clerk/dossiers/${dossierCode}/files/${id}`, {
      headers: clerk,
    });
    assert.equal(download.status, 200);
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="CCCD Nguy_n V_n An 001195012345.pdf"; filename*=UTF-8''${encodeURIComponent(CITIZEN_FILE)}`,
    );
  });

  test('names stored in clear by older versions are sealed by the purge job', async () => {
    const browser = uploadSession(s.base);
    const url = await browser.upload(pdf('cũ'), { slot: 'giay-to', filename: 'x.pdf' });
    const id = url.split('/').pop()!;
    // What an older version wrote.
    await s.app.dvc.storage
      .prepare('UPDATE uploads SET filename = ? WHERE id = ?')
      .run(CITIZEN_FILE, id);
    assert.equal(await s.app.dvc.uploadName(id), CITIZEN_FILE); // read as it is meanwhile
    const result = await s.app.dvc.purge();
    assert.equal(result.namesSealed, 1);
    const { filename } = (await s.app.dvc.storage
      .prepare('SELECT filename FROM uploads WHERE id = ?')
      .get(id)) as { filename: string };
    assert.match(filename, /^dvc1\./);
    assert.equal(await s.app.dvc.uploadName(id), CITIZEN_FILE);
    assert.equal((await s.app.dvc.purge()).namesSealed, 0);
  });

  test(
    'migration 009 drops the names no key can seal, and keeps the others for the purge job',
    // It builds an embedded SQLite database of the version before. On PostgreSQL the same
    // migration (translated by migration-sql.js) runs on every fresh database of that stage,
    // only never over rows of the version before.
    { skip: ON_POSTGRES && 'builds an older embedded SQLite database; runs in the e2e stage' },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'dvc-receiver-'));
      const old = new Database(join(dataDir, 'dvc.sqlite'));
      const at = '2026-11-26T03:00:00.000Z';
      // The schema of the version before: migrations 001–008, as db.js records them.
      const migrations = fileURLToPath(new URL('../../demo/server/migrations/', import.meta.url));
      old.exec(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      for (const file of readdirSync(migrations)
        .filter((f) => /^00[1-8]_.*\.sql$/.test(f))
        .sort()) {
        old.exec(readFileSync(join(migrations, file), 'utf8'));
        old
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(Number(file.slice(0, 3)), file.slice(4, -4), at);
      }
      const insert = old.prepare(
        `INSERT INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at, encrypted)
         VALUES (?, 'tus', 'giay-to', ?, 'application/pdf', 1, ?, ?, ?, 0)`,
      );
      insert.run('a'.repeat(32), CITIZEN_FILE, '0'.repeat(64), join(dataDir, 'a'), at);
      insert.run('b'.repeat(32), 'khai-sinh.pdf', '0'.repeat(64), join(dataDir, 'b'), at);
      old
        .prepare(
          `INSERT INTO upload_keys (upload_id, kek_id, dossier_code, wrapped_key, created_at)
           VALUES (?, 'demo1', NULL, 'x', ?)`,
        )
        .run('b'.repeat(32), at);
      old.close();
      const upgraded = await start({ dataDir, verifySubmission: fakeVerify });
      try {
        const names = upgraded.app.dvc.db
          .prepare('SELECT id, filename FROM uploads ORDER BY id')
          .all() as { id: string; filename: string | null }[];
        // No key for the first (stored before encryption, no dossier): its name is gone.
        assert.deepEqual(names, [
          { id: 'a'.repeat(32), filename: null },
          { id: 'b'.repeat(32), filename: 'khai-sinh.pdf' },
        ]);
      } finally {
        await upgraded.close();
      }
    },
  );
});

describe('failed log-ins record no typed text', () => {
  let s: Running;
  before(async () => {
    s = await start({
      verifySubmission: fakeVerify,
      authPolicy: { ipFailures: 4, maxFailedLogins: 1 },
    });
  });
  after(() => s.close());

  test('a known name is recorded as its account, anything else as a fixed marker', async () => {
    const login = (username: string, password: string) =>
      fetch(`${s.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    // A password typed into the user-name box, a phone number, the clerk's wrong password (the
    // account locks), the clerk again, an ID number (the fourth failure of this address: it is
    // throttled from now on), the admin, another phone number. A name that is no account locks
    // after as many failures as an account (here one), so it answers as the clerk's does.
    assert.equal((await login('mat-khau-bi-lo-123', 'x')).status, 423);
    assert.equal((await login('0912345678', 'x')).status, 423);
    assert.equal((await login(CLERK.username, 'sai-mat-khau')).status, 423);
    assert.equal((await login(CLERK.username, CLERK.password)).status, 423);
    assert.equal((await login('001195012345', 'x')).status, 423);
    assert.equal((await login(ADMIN.username, ADMIN.password)).status, 429);
    assert.equal((await login('0987654321', 'x')).status, 429);
    const audit = (await s.app.dvc.storage
      .prepare("SELECT actor, outcome FROM audit_log WHERE action = 'login' ORDER BY id")
      .all()) as { actor: string; outcome: string }[];
    assert.deepEqual(audit, [
      { actor: '(unknown account)', outcome: 'failure-locked' },
      { actor: '(unknown account)', outcome: 'failure-locked' },
      { actor: CLERK.username, outcome: 'failure-locked' },
      { actor: CLERK.username, outcome: 'locked' },
      { actor: '(unknown account)', outcome: 'failure-locked' },
      { actor: ADMIN.username, outcome: 'throttled' },
      { actor: '(unknown account)', outcome: 'throttled' },
    ]);
    const all = JSON.stringify(await s.app.dvc.storage.prepare('SELECT * FROM audit_log').all());
    for (const typed of ['mat-khau-bi-lo-123', '0912345678', '001195012345', '0987654321']) {
      assert.ok(!all.includes(typed), typed);
    }
  });
});

describe('tus answers', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify, maxUploadBytes: 1000 });
  });
  after(() => s.close());

  test('an Upload-Length over the limit is the receiver’s 413, a malformed one its 400', async () => {
    const create = (headers: Record<string, string>) =>
      fetch(`${s.base}/api/uploads/`, { method: 'POST', headers: { ...TUS, ...headers } });
    const big = await create({ 'upload-length': '1001' });
    assert.equal(big.status, 413);
    assert.deepEqual(await problemOf(big), {
      type: 'urn:dvc-forms:problem:payload-too-large',
      title: 'Dữ liệu quá lớn',
      status: 413,
      detail: 'Hồ sơ hoặc tệp đính kèm vượt quá dung lượng cho phép.',
    });
    for (const length of ['abc', '-1', '1.5', '']) {
      const bad = await create(length ? { 'upload-length': length } : {});
      assert.equal(bad.status, 400, length);
      assert.equal((await problemOf(bad)).type, 'urn:dvc-forms:problem:upload-length-required');
    }
    assert.equal((await create({ 'upload-length': '1000' })).status, 201);
    // Only the one accepted creation holds a reservation.
    const owners = (await s.app.dvc.storage.prepare('SELECT length FROM upload_owners').all()) as {
      length: number;
    }[];
    assert.deepEqual(
      owners.map((o) => Number(o.length)),
      [1000],
    );
  });

  test('Tus-Extension offers only what the receiver accepts', async () => {
    const r = await fetch(`${s.base}/api/uploads/`, { method: 'OPTIONS', headers: TUS });
    assert.equal(r.status, 204);
    const offered = (r.headers.get('tus-extension') ?? '').split(',');
    assert.ok(!offered.includes('creation-defer-length'), offered.join(','));
    assert.ok(offered.includes('creation') && offered.includes('termination'));
  });
});
