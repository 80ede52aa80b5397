// The reference receiver against a modified client (issue 17): uploads are not bearer
// capabilities, stored files are checked with the browser's own code, and every limit holds.
// Each test drives the real receiver (fastify, SQLite, @tus/server) over loopback HTTP.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  RELAXED_RATE_LIMITS,
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
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

async function problemOf(r: Response): Promise<Problem> {
  assert.equal(r.headers.get('content-type'), PROBLEM_JSON);
  return (await r.json()) as Problem;
}

const TUS = { 'tus-resumable': '1.0.0' };

describe('uploads are not bearer capabilities', () => {
  let s: Running;
  const time = clock(NOW);
  before(async () => {
    s = await start({ verifySubmission: fakeVerify, now: time.now });
  });
  after(() => s.close());

  /** Submits `docs` (with their upload URLs) in the session `cookie`. */
  const submit = async (docs: object[], cookie?: string) => {
    const r = await postDossier(
      s.base,
      fakeJws(payload(await challenge(s.base), { documents: docs })),
      undefined,
      cookie,
    );
    return { r, body: (await r.json()) as Problem & { dossierCode?: string } };
  };
  const doc = (url: string, bytes: Uint8Array, name = 'don.pdf', type = 'application/pdf') => ({
    slot: 'giay-to',
    name,
    type,
    size: bytes.length,
    sha256: sha(bytes),
    url,
  });

  test('a plain GET of an upload URL is refused and the server keeps answering', async () => {
    const browser = uploadSession(s.base);
    const url = await browser.upload(pdf('giấy khai sinh'), { slot: 'giay-to' });
    for (const cookie of ['', browser.cookie]) {
      const r = await fetch(url, { headers: cookie ? { cookie } : {} });
      assert.equal(r.status, 405);
      assert.equal(r.headers.get('allow'), 'POST, HEAD, PATCH, DELETE, OPTIONS');
      assert.deepEqual(await problemOf(r), {
        type: 'urn:dvc-forms:problem:upload-not-readable',
        title: 'Không thể tải tệp xuống',
        status: 405,
        detail: 'Tệp đã tải lên chỉ cán bộ tiếp nhận xem được; máy chủ không gửi lại tệp.',
      });
    }
    // The crash of the old receiver came after the answer: ask again, and for the listing.
    assert.equal((await fetch(`${s.base}/api/uploads/`)).status, 405);
    assert.equal((await fetch(`${s.base}/api/procedures`)).status, 200);
  });

  test('only the session that created an upload may resume, inspect or delete it', async () => {
    const owner = uploadSession(s.base);
    const bytes = pdf('chứng minh');
    const created = await owner.fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-length': String(bytes.length) },
    });
    assert.equal(created.status, 201);
    const url = `${s.base}${created.headers.get('location')}`;
    const stranger = uploadSession(s.base);
    await stranger.upload(pdf('của người khác'), { slot: 'giay-to' }); // it has a session too
    for (const [who, headers] of [
      ['no cookie', {}],
      ['another session', { cookie: stranger.cookie }],
      [
        'a forged secret',
        { cookie: `dvc_upload_${url.split('/').pop()}=AAAAAAAAAAAAAAAAAAAAAAAA` },
      ],
    ] as const) {
      for (const method of ['HEAD', 'PATCH', 'DELETE']) {
        const r = await fetch(url, {
          method,
          headers: {
            ...headers,
            ...TUS,
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          },
          ...(method === 'PATCH' ? { body: bytes } : {}),
        });
        assert.equal(r.status, 403, `${method} with ${who}`);
        if (method !== 'HEAD') {
          assert.equal((await problemOf(r)).type, 'urn:dvc-forms:problem:upload-forbidden');
        }
      }
    }
    // Nothing above touched the upload: not one byte was written.
    const offset = await owner.fetch(url, { method: 'HEAD', headers: TUS });
    assert.equal(offset.headers.get('upload-offset'), '0');
    // The owner still can.
    const patched = await owner.fetch(url, {
      method: 'PATCH',
      headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes,
    });
    assert.equal(patched.status, 204);
    // A session cannot submit another session's file either.
    const theirs = await submit([doc(url, bytes)], stranger.cookie);
    assert.equal(theirs.r.status, 422);
    assert.deepEqual(theirs.body.errors, [
      {
        code: 'upload-not-owned',
        message: 'Tệp ‘don.pdf’ được tải lên từ một phiên làm việc khác. Vui lòng tải lại tệp',
        index: 0,
        slot: 'giay-to',
        name: 'don.pdf',
      },
    ]);
    const mine = await submit([doc(url, bytes)], owner.cookie);
    assert.equal(mine.r.status, 201, JSON.stringify(mine.body));
  });

  // A form embedded on another site never gets the receiver's cookies back (third-party cookies
  // are partitioned or blocked): the token answered on creation proves the same thing.
  test('the upload token, not a cookie: only its holder may resume, inspect, delete or submit', async () => {
    const bytes = pdf('giấy tờ từ trang khác');
    const create = () =>
      fetch(`${s.base}/api/uploads/`, {
        method: 'POST',
        headers: { ...TUS, 'upload-length': String(bytes.length) },
      });
    const created = await create();
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    const token = created.headers.get('dvc-upload-token') ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{24}$/);
    const url = `${s.base}${created.headers.get('location')}`;
    const id = url.split('/').pop();
    // Stored as a digest only: the token itself is nowhere in the database.
    const owner = s.app.dvc.db.prepare('SELECT * FROM upload_owners WHERE id = ?').get(id);
    assert.ok(owner && !JSON.stringify(owner).includes(token));
    const other = (await create()).headers.get('dvc-upload-token') ?? '';
    for (const [who, value] of [
      ['no token', undefined],
      ['the token of another upload', other],
      ['a forged token', 'A'.repeat(24)],
      ['a malformed token', `${token}!`],
    ] as const) {
      for (const method of ['HEAD', 'PATCH', 'DELETE']) {
        const r = await fetch(url, {
          method,
          headers: {
            ...TUS,
            ...(value === undefined ? {} : { 'dvc-upload-token': value }),
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          },
          ...(method === 'PATCH' ? { body: bytes } : {}),
        });
        assert.equal(r.status, 403, `${method} with ${who}`);
      }
    }
    const mine = { ...TUS, 'dvc-upload-token': token };
    const patched = await fetch(url, {
      method: 'PATCH',
      headers: { ...mine, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes,
    });
    assert.equal(patched.status, 204);
    const head = await fetch(url, { method: 'HEAD', headers: mine });
    assert.equal(head.headers.get('upload-offset'), String(bytes.length));

    const send = async (tokens?: string) => {
      const r = await fetch(`${s.base}/api/dossiers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(tokens ? { 'dvc-upload-token': tokens } : {}),
        },
        body: JSON.stringify({
          jws: fakeJws(payload(await challenge(s.base), { documents: [doc(url, bytes)] })),
        }),
      });
      return { r, body: (await r.json()) as Problem & { dossierCode?: string } };
    };
    for (const tokens of [undefined, other, `${other}, ${'B'.repeat(24)}`]) {
      const theirs = await send(tokens);
      assert.equal(theirs.r.status, 422, String(tokens));
      assert.deepEqual(
        theirs.body.errors?.map((e) => e.code),
        ['upload-not-owned'],
      );
    }
    // The submission lists the tokens of all its uploads; one of them is this upload's.
    const ok = await send(`${other}, ${token}`);
    assert.equal(ok.r.status, 201, JSON.stringify(ok.body));
    // Sealed now: the token still reads the offset, but changes nothing.
    assert.equal((await fetch(url, { method: 'HEAD', headers: mine })).status, 200);
    const after = await fetch(url, { method: 'DELETE', headers: mine });
    assert.equal((await problemOf(after)).type, 'urn:dvc-forms:problem:upload-immutable');
  });

  test('a submitted file is immutable: PATCH and DELETE refused, HEAD allowed', async () => {
    const browser = uploadSession(s.base);
    const bytes = pdf('bản chính');
    const url = await browser.upload(bytes, { slot: 'giay-to' });
    const ok = await submit([doc(url, bytes)], browser.cookie);
    assert.equal(ok.r.status, 201);
    for (const method of ['PATCH', 'DELETE']) {
      const r = await browser.fetch(url, {
        method,
        headers: {
          ...TUS,
          'upload-offset': String(bytes.length),
          'content-type': 'application/offset+octet-stream',
        },
        ...(method === 'PATCH' ? { body: new Uint8Array([1]) } : {}),
      });
      assert.equal(r.status, 409, method);
      assert.deepEqual(await problemOf(r), {
        type: 'urn:dvc-forms:problem:upload-immutable',
        title: 'Tệp đã được nộp',
        status: 409,
        detail: 'Tệp này đã được nộp cùng một hồ sơ nên không thể sửa hay xoá.',
      });
    }
    const head = await browser.fetch(url, { method: 'HEAD', headers: TUS });
    assert.equal(head.status, 200);
    const row = s.app.dvc.db.prepare('SELECT sha256 FROM uploads WHERE dossier_code = ?');
    assert.deepEqual(row.get(ok.body.dossierCode), { sha256: sha(bytes) });
    // Its owner deletes an unsubmitted file normally; the rows go with it.
    const other = await browser.upload(pdf('bỏ đi'), { slot: 'giay-to' });
    const del = await browser.fetch(other, { method: 'DELETE', headers: TUS });
    assert.equal(del.status, 204);
    const id = other.split('/').pop();
    assert.equal(
      s.app.dvc.db.prepare('SELECT 1 FROM upload_owners WHERE id = ?').get(id),
      undefined,
    );
  });

  test('unfinished and never-submitted uploads expire after UPLOAD_TTL_HOURS', async () => {
    const browser = uploadSession(s.base);
    const created = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-length': '1000' },
    });
    const url = `${s.base}${created.headers.get('location')}`;
    const id = url.split('/').pop()!;
    await browser.fetch(url, {
      method: 'PATCH',
      headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: pdf('nửa chừng'),
    });
    const finished = await browser.upload(pdf('xong nhưng không nộp'), { slot: 'giay-to' });
    const finishedId = finished.split('/').pop()!;
    const dir = join(s.dataDir, 'uploads');
    assert.ok(existsSync(join(dir, id)) && existsSync(join(dir, finishedId)));
    time.set('2026-11-27T03:00:04.000Z'); // 1 s before 24 h
    try {
      assert.equal(await s.app.dvc.uploads.sweep(), 0);
      time.set('2026-11-27T03:00:06.000Z');
      assert.ok((await s.app.dvc.uploads.sweep()) >= 2);
      for (const gone of [id, finishedId]) {
        assert.ok(!existsSync(join(dir, gone)), gone);
        assert.ok(!existsSync(join(dir, `${gone}.json`)), `${gone}.json`);
      }
      const r = await browser.fetch(url, { method: 'HEAD', headers: TUS });
      assert.equal(r.status, 404);
      // Submitted files are never swept.
      const kept = s.app.dvc.db
        .prepare('SELECT COUNT(*) AS n FROM uploads WHERE dossier_code IS NOT NULL')
        .get() as { n: number };
      assert.ok(kept.n >= 2);
      for (const r of s.app.dvc.db
        .prepare('SELECT path FROM uploads WHERE dossier_code IS NOT NULL')
        .all() as { path: string }[]) {
        assert.ok(existsSync(r.path), r.path);
      }
    } finally {
      time.set(NOW);
    }
  });
});

describe('stored files are checked with the browser’s code', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify, now: () => new Date(NOW) });
  });
  after(() => s.close());

  const MZ = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode('%PDF-1.7 stub')]);
  const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const HTML = new TextEncoder().encode('<html><script>alert(1)</script><!-- %PDF-1.7 -->');

  test('tus: an executable, a ZIP, HTML or an empty file is refused when the upload ends', async () => {
    const browser = uploadSession(s.base);
    for (const [what, bytes] of [
      ['exe', MZ],
      ['zip', ZIP],
      ['html', HTML],
      ['text', new TextEncoder().encode('just text')],
    ] as const) {
      await assert.rejects(
        browser.upload(bytes, {
          slot: 'giay-to',
          filename: `${what}.pdf`,
          filetype: 'application/pdf',
        }),
        (e: { status?: number; body?: string }) => {
          assert.equal(e.status, 422, what);
          assert.equal(JSON.parse(e.body ?? '{}').type, 'urn:dvc-forms:problem:file-refused');
          return true;
        },
      );
    }
    // An empty upload finishes at creation: refused there.
    const empty = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-length': '0' },
    });
    assert.equal(empty.status, 422);
    // Nothing refused stays on disk or in the table.
    const rows = s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM uploads').get();
    assert.deepEqual(rows, { n: 0 });
    const files = readdirSync(join(s.dataDir, 'uploads')).filter((f) => !f.endsWith('.json'));
    assert.deepEqual(files, []);
  });

  test('at submission: slot types, declared type, signed size, slot maximum and names', async () => {
    const browser = uploadSession(s.base);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const big = pdf('x'.repeat(1024 * 1024 + 10));
    const good = pdf('đúng');
    const urls = {
      png: await browser.upload(png, { slot: 'giay-to' }),
      big: await browser.upload(big, { slot: 'giay-to' }),
      good: await browser.upload(good, { slot: 'giay-to' }),
    };
    const entry = (url: string, bytes: Uint8Array, o: Record<string, unknown> = {}) => ({
      slot: 'giay-to',
      name: 'don.pdf',
      type: 'application/pdf',
      size: bytes.length,
      sha256: sha(bytes),
      url,
      ...o,
    });
    const cases: [string, object, string, string][] = [
      [
        'PNG bytes named and declared PDF',
        entry(urls.png, png),
        'file-content-mismatch',
        'Nội dung tệp ‘don.pdf’ không phải là PDF',
      ],
      [
        'PNG declared honestly, but the slot takes PDF and JPG',
        entry(urls.png, png, { name: 'anh.png', type: 'image/png' }),
        'file-type-not-accepted',
        'Tệp ‘anh.png’ phải là PDF hoặc JPG',
      ],
      [
        'declared as a ZIP',
        entry(urls.good, good, { type: 'application/zip' }),
        'file-type-not-accepted',
        'Tệp ‘don.pdf’ phải là PDF hoặc JPG',
      ],
      [
        'over the slot maximum (1 MB)',
        entry(urls.big, big),
        'file-too-large',
        'Tệp ‘don.pdf’ phải nhỏ hơn 1 MB',
      ],
      [
        'signed size differs from the stored size',
        entry(urls.good, good, { size: good.length + 1 }),
        'file-size-mismatch',
        `Tệp ‘don.pdf’ nhận được có ${good.length} byte, khác với ${good.length + 1} byte đã khai. Vui lòng tải lại tệp`,
      ],
      [
        'a bidi override in the name',
        entry(urls.good, good, { name: 'hoa-don\u202Efdp.exe' }),
        'file-name-unsafe',
        'Tên tệp ‘hoa-donfdp.exe’ chứa ký tự không được phép',
      ],
      [
        'a path in the name',
        entry(urls.good, good, { name: '../../etc/don.pdf' }),
        'file-name-unsafe',
        'Tên tệp ‘don.pdf’ chứa ký tự không được phép',
      ],
    ];
    for (const [what, d, code, message] of cases) {
      const nonce = await challenge(s.base);
      const r = await postDossier(
        s.base,
        fakeJws(payload(nonce, { documents: [d] })),
        undefined,
        browser.cookie,
      );
      const body = await problemOf(r);
      assert.equal(r.status, 422, what);
      assert.equal(body.type, 'urn:dvc-forms:problem:file-refused', what);
      assert.equal(body.title, 'Tệp đính kèm không hợp lệ');
      assert.deepEqual(
        body.errors?.map((e) => [e.code, e.message, e.index]),
        [[code, message, 0]],
        what,
      );
      // Refused before verification: the nonce is still good for a corrected submission.
      const row = s.app.dvc.db.prepare('SELECT consumed_at FROM nonces WHERE nonce = ?');
      assert.deepEqual(row.get(nonce), { consumed_at: null }, what);
    }
    const en = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        cookie: browser.cookie,
      },
      body: JSON.stringify({
        jws: fakeJws(payload(await challenge(s.base), { documents: [entry(urls.png, png)] })),
      }),
    });
    assert.equal(
      (await problemOf(en)).errors?.[0].message,
      'The content of the file ‘don.pdf’ is not a PDF',
    );
    const ok = await postDossier(
      s.base,
      fakeJws(payload(await challenge(s.base), { documents: [entry(urls.good, good)] })),
      undefined,
      browser.cookie,
    );
    assert.equal(ok.status, 201);
  });

  test('multipart: the same checks, and a refused file does not stay on disk', async () => {
    const form = new FormData();
    const nonce = await challenge(s.base);
    form.set(
      'payload',
      fakeJws(
        payload(nonce, {
          documents: [
            {
              slot: 'giay-to',
              name: 'don.pdf',
              type: 'application/pdf',
              size: MZ.length,
              sha256: sha(MZ),
            },
          ],
        }),
      ),
    );
    form.set('file:giay-to:0', new Blob([MZ], { type: 'application/pdf' }), 'don.pdf');
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    const body = await problemOf(r);
    assert.equal(r.status, 422);
    assert.deepEqual(
      body.errors?.map((e) => e.code),
      ['file-content-mismatch'],
    );
    assert.deepEqual(
      readdirSync(join(s.dataDir, 'uploads')).filter((f) => f.startsWith('mp-')),
      [],
    );
  });
});

describe('more document entries than the procedure takes', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify });
  });
  after(() => s.close());

  test('are refused before any is looked at, without spending the nonce', async () => {
    // 60,000 entries once took the old receiver 48 s of one thread (each entry counted the ones
    // before it), and nothing else was served meanwhile. The fixture takes at most 2 files.
    const nonce = await challenge(s.base);
    const documents = Array.from({ length: 60_000 }, () => ({ slot: 'giay-to' }));
    const r = await postDossier(s.base, fakeJws(payload(nonce, { documents })));
    assert.equal(r.status, 422);
    const body = await problemOf(r);
    assert.equal(body.type, 'urn:dvc-forms:problem:invalid-submission');
    assert.deepEqual(body.errors, [
      { code: 'file-too-many', message: 'Chỉ được nộp tối đa 2 tệp' },
    ]);
    // The same nonce still works for the person's real submission.
    const ok = await postDossier(s.base, fakeJws(payload(nonce)));
    assert.equal(ok.status, 201);
  });
});

describe('a multipart body cut inside a file part', () => {
  let s: Running;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify });
  });
  after(() => s.close());

  test('is refused, leaves nothing on disk, and the process keeps answering', async () => {
    // No closing boundary: the part ends with the body. Busboy says so on the part's stream,
    // which nobody listened to while the file's key was made, and the process used to exit.
    const body = [
      '--XX\r\n',
      'Content-Disposition: form-data; name="file:giay-to:0"; filename="a.pdf"\r\n',
      'Content-Type: application/pdf\r\n\r\n',
      '%PDF-1.4 aaaa',
    ].join('');
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${s.base}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=XX' },
        body,
      });
      assert.equal(r.status, 400);
      assert.equal((await problemOf(r)).type, 'urn:dvc-forms:problem:invalid-request');
    }
    assert.equal((await fetch(`${s.base}/api/procedures`)).status, 200);
    assert.deepEqual(
      readdirSync(join(s.dataDir, 'uploads')).filter((f) => f.startsWith('mp-')),
      [],
    );
    const keys = s.app.dvc.db.prepare(
      "SELECT COUNT(*) AS n FROM upload_keys WHERE upload_id LIKE 'mp-%'",
    );
    assert.deepEqual(keys.get(), { n: 0 });
  });
});

describe('quotas and rate limits', () => {
  let s: Running;
  before(async () => {
    s = await start({
      verifySubmission: fakeVerify,
      maxDossierBytes: 1000,
      maxIpBytes: 2500,
      rateLimits: {
        ...RELAXED_RATE_LIMITS,
        challenges: { max: 3, windowSeconds: 60, globalMax: 1000, globalWindowSeconds: 60 },
        status: { max: 1000, windowSeconds: 60, globalMax: 2, globalWindowSeconds: 60 },
      },
    });
  });
  after(() => s.close());

  const create = (session: ReturnType<typeof uploadSession>, length: number) =>
    session.fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-length': String(length) },
    });

  test('a submission whose files together exceed MAX_DOSSIER_BYTES is refused', async () => {
    const browser = uploadSession(s.base);
    const docs = [];
    for (const i of [0, 1]) {
      const bytes = pdf(`${i}`.repeat(500));
      const url = await browser.upload(bytes, { slot: 'giay-to' });
      docs.push({
        slot: 'giay-to',
        name: `${i}.pdf`,
        type: 'application/pdf',
        size: bytes.length,
        sha256: sha(bytes),
        url,
      });
    }
    // Refused before the nonce is looked at: no challenge needed (and none spent).
    const r = await postDossier(
      s.base,
      fakeJws(payload('AAAAAAAAAAAAAAAAAAAAAA', { documents: docs })),
      undefined,
      browser.cookie,
    );
    assert.equal(r.status, 413);
    assert.equal(
      (await problemOf(r)).detail,
      'Tổng dung lượng tệp đã tải lên (cho một hồ sơ) sẽ vượt quá 1000 byte. Vui lòng bỏ bớt tệp hoặc chọn tệp nhỏ hơn.',
    );
    // Multipart bodies are cut while they are read.
    const form = new FormData();
    form.set('payload', fakeJws(payload('AAAAAAAAAAAAAAAAAAAAAA')));
    form.set('file:giay-to:0', new Blob([pdf('1'.repeat(1200))]), '1.pdf');
    const cut = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    assert.equal(cut.status, 413);
  });

  test('stored bytes per address are capped when an upload is created', async () => {
    // 1,036 bytes so far from this address (the test above); 2,500 allowed.
    assert.equal((await create(uploadSession(s.base), 1000)).status, 201);
    const over = await create(uploadSession(s.base), 600);
    assert.equal(over.status, 413);
    assert.deepEqual(await problemOf(over), {
      type: 'urn:dvc-forms:problem:upload-quota-exceeded',
      title: 'Vượt quá dung lượng cho phép',
      status: 413,
      detail:
        'Tổng dung lượng tệp đã tải lên (từ địa chỉ mạng này) sẽ vượt quá 2,4 KB. Vui lòng bỏ bớt tệp hoặc chọn tệp nhỏ hơn.',
    });
    // Deferred length cannot dodge the quota.
    const deferred = await uploadSession(s.base).fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-defer-length': '1' },
    });
    assert.equal(deferred.status, 400);
    assert.equal((await problemOf(deferred)).type, 'urn:dvc-forms:problem:upload-length-required');
  });

  test('challenges per address, status lookups for everyone: 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal(
        (
          await fetch(`${s.base}/api/challenges`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ procedure: { code: '9.000001', version: '1.0.0' } }),
          })
        ).status,
        201,
      );
    const r = await fetch(`${s.base}/api/challenges`, { method: 'POST' });
    assert.equal(r.status, 429);
    const retry = Number(r.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, String(retry));
    assert.deepEqual(await problemOf(r), {
      type: 'urn:dvc-forms:problem:rate-limited',
      title: 'Quá nhiều yêu cầu',
      status: 429,
      detail: `Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ${retry} giây rồi thử lại.`,
    });
    const url = `${s.base}/api/status?code=TN-261126-2222&secret=0912345678`;
    for (let i = 0; i < 2; i++) assert.equal((await fetch(url)).status, 404);
    const limited = await fetch(url);
    assert.equal(limited.status, 429);
    assert.equal((await problemOf(limited)).type, 'urn:dvc-forms:problem:too-many-requests');
  });

  test('multipart: a file over MAX_UPLOAD_BYTES or a body over the dossier quota is cut', async () => {
    const form = new FormData();
    form.set('payload', fakeJws(payload('AAAAAAAAAAAAAAAAAAAAAA')));
    form.set('file:giay-to:0', new Blob([new Uint8Array(1500)]), 'to.pdf');
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    assert.equal(r.status, 413);
    assert.equal((await problemOf(r)).type, 'urn:dvc-forms:problem:payload-too-large');
    assert.deepEqual(
      readdirSync(join(s.dataDir, 'uploads')).filter((f) => f.startsWith('mp-')),
      [],
    );
  });
});

describe('upload creation is rate limited', () => {
  let s: Running;
  before(async () => {
    s = await start({
      verifySubmission: fakeVerify,
      rateLimits: {
        ...RELAXED_RATE_LIMITS,
        uploads: { max: 1, windowSeconds: 60, globalMax: 1000, globalWindowSeconds: 60 },
      },
    });
  });
  after(() => s.close());

  test('the second creation from an address gets 429, and tus never sees it', async () => {
    const browser = uploadSession(s.base);
    await browser.upload(pdf('một'), { slot: 'giay-to' });
    const r = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: { ...TUS, 'upload-length': '10' },
    });
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    assert.equal((await problemOf(r)).type, 'urn:dvc-forms:problem:rate-limited');
    // Refused before the upload was reserved or handed to tus: one upload, no error logged.
    const n = s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM upload_owners').get();
    assert.deepEqual(n, { n: 1 });
    const errors = s.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    assert.deepEqual(errors, []);
  });
});
