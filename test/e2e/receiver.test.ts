// The reference receiver (demo/server) over HTTP: storage, challenges, dossiers, idempotency,
// problems, status lookup, clerk transitions and logs (uploads: receiver-uploads.test.ts). The verifier is the fake in
// helpers.ts (the real one is exercised in signed-submission.test.ts).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_PATTERN, newDossierCode } from '../../demo/server/dossier-code.js';
import {
  FIXTURE_PROCEDURES,
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  storedPayloads,
  type Problem,
  type Running,
} from './helpers.js';

const NOW = '2026-11-26T03:00:05.000Z'; // a Thursday, 10:00 in Hà Nội
const PROBLEM = 'application/problem+json; charset=utf-8';

describe('dossier codes and dates (units)', () => {
  test('a code is PREFIX-YYMMDD-XXXX from the unambiguous alphabet, in Vietnam time', () => {
    // 20:00 UTC on the 26th is already the 27th in Hà Nội.
    const code = newDossierCode('KS', new Date('2026-11-26T20:00:00Z'), () => false);
    assert.match(code, /^KS-261127-[2-9A-HJKMNP-TV-Z]{4}$/);
    assert.match(code, CODE_PATTERN);
  });

  test('a taken code is retried until a free one comes', () => {
    const picks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
    const taken = new Set(['KS-261126-2222']);
    const seen: string[] = [];
    const code = newDossierCode(
      'KS',
      new Date(NOW),
      (c) => {
        seen.push(c);
        return taken.has(c);
      },
      () => picks.shift() ?? 0,
    );
    assert.deepEqual(seen, ['KS-261126-2222', 'KS-261126-2222', 'KS-261126-3456']);
    assert.equal(code, 'KS-261126-3456');
  });

  test('gives up after 20 collisions instead of looping forever', () => {
    assert.throws(
      () => newDossierCode('KS', new Date(NOW), () => true),
      /no free dossier code for KS on 261126/,
    );
  });

  test("expected result date is the library's working-day calendar (dist/engine.js)", async () => {
    // What the receiver loads (demo/server/library.js): the built engine.
    const engineFile = new URL('../../dist/engine.js', import.meta.url).href;
    const { expectedResultDate: calendar } = (await import(engineFile)) as {
      expectedResultDate: (at: Date, days: number) => { resultDate: string };
    };
    const expectedResultDate = (at: Date, days: number) => calendar(at, days).resultDate;
    const thu = new Date('2026-11-26T03:00:00Z');
    assert.equal(expectedResultDate(thu, 0), '2026-11-26');
    assert.equal(expectedResultDate(thu, 1), '2026-11-27');
    assert.equal(expectedResultDate(thu, 3), '2026-12-01');
    assert.equal(expectedResultDate(thu, 10), '2026-12-10');
    // Received on Saturday: counting starts on Monday.
    const sat = new Date('2026-11-28T09:00:00Z');
    assert.equal(expectedResultDate(sat, 0), '2026-11-30');
    assert.equal(expectedResultDate(sat, 1), '2026-12-01');
    // Friday before Tết Bính Ngọ: 14–22/2/2026 are days off.
    assert.equal(expectedResultDate(new Date('2026-02-13T02:00:00Z'), 3), '2026-02-25');
  });
});

describe('reference receiver', () => {
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

  test('migrations create dvc.sqlite with a schema_migrations table, once', async () => {
    const db = s.app.dvc.storage;
    if (db.dialect === 'sqlite') assert.ok(existsSync(join(s.dataDir, 'dvc.sqlite')));
    const rows = await db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    assert.deepEqual(rows, [
      { version: 1, name: 'initial' },
      { version: 2, name: 'people_and_privacy' },
      { version: 3, name: 'upload_guard' },
      { version: 4, name: 'payments' },
      { version: 5, name: 'upload_keys' },
      { version: 6, name: 'outbox' },
      { version: 7, name: 'clerk_desk' },
      { version: 8, name: 'supplements_notifications' },
      { version: 9, name: 'sealed_upload_names' },
      { version: 10, name: 'clerk_procedure_scope' },
      { version: 11, name: 'key_checks' },
      { version: 12, name: 'key_id_indexes' },
    ]);
    const tables = (
      await db
        .prepare(
          db.dialect === 'sqlite'
            ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .all()
    ).map((t) => (t as { name: string }).name);
    for (const t of [
      'api_keys',
      'audit_log',
      'clerk_accounts',
      'clerk_procedure_grants',
      'clerk_sessions',
      'dossier_history',
      'dossier_notes',
      'dossier_search',
      'dossier_keys',
      'dossier_lookup_secrets',
      'dossiers',
      'idempotency_keys',
      'nonces',
      'upload_owners',
      'payments',
      'uploads',
      'outbox',
      'failure_events',
      'supplement_requests',
      'notifications',
    ]) {
      assert.ok(tables.includes(t), t);
    }
    // A second server on the same folder applies nothing again.
    const again = await start({ dataDir: s.dataDir, verifySubmission: fakeVerify });
    try {
      const count = await again.app.dvc.storage
        .prepare('SELECT COUNT(*) AS n FROM schema_migrations')
        .get();
      assert.deepEqual(count, { n: rows.length });
    } finally {
      await again.app.close();
    }
  });

  test('GET /api/procedures lists the procedures; the file is served byte for byte', async () => {
    const r = await fetch(`${s.base}/api/procedures`);
    assert.equal(r.status, 200);
    const text = readFileSync(join(FIXTURE_PROCEDURES, 'thu-nghiem.json'));
    const sha256 = createHash('sha256').update(text).digest('hex');
    const body = (await r.json()) as { procedures: Record<string, unknown>[] };
    assert.equal(body.procedures.length, 1);
    assert.deepEqual(
      {
        name: body.procedures[0].name,
        url: body.procedures[0].url,
        page: body.procedures[0].page,
        code: body.procedures[0].code,
        version: body.procedures[0].version,
        sha256: body.procedures[0].sha256,
        title: body.procedures[0].title,
        processingDays: body.procedures[0].processingDays,
      },
      {
        name: 'thu-nghiem',
        url: '/procedures/thu-nghiem.json',
        page: null, // the site has no page for the test procedure
        code: '9.000001',
        version: '1.0.0',
        sha256,
        title: { vi: 'Thủ tục thử nghiệm', en: 'Test procedure' },
        processingDays: 3,
      },
    );
    const file = await fetch(`${s.base}/procedures/thu-nghiem.json`);
    assert.equal(file.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), text);
    const missing = await fetch(`${s.base}/procedures/khong-co.json`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), PROBLEM);
  });

  test('POST /api/challenges issues a 128-bit base64url nonce that expires', async () => {
    const r = await fetch(`${s.base}/api/challenges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedure: { code: '9.000001', version: '1.0.0' } }),
    });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const body = (await r.json()) as { nonce: string; expiresAt: string };
    assert.match(body.nonce, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(body.nonce, 'base64url').length, 16);
    assert.equal(body.expiresAt, '2026-11-26T03:10:05.000Z'); // default TTL 600 s
    const row = await s.app.dvc.storage
      .prepare('SELECT * FROM nonces WHERE nonce = ?')
      .get(body.nonce);
    assert.deepEqual(row, {
      nonce: body.nonce,
      issued_at: NOW,
      expires_at: '2026-11-26T03:10:05.000Z',
      consumed_at: null,
      procedure: '9.000001@1.0.0',
    });
    const other = await challenge(s.base);
    assert.notEqual(other, body.nonce);

    // A nonce is bound to a procedure this receiver offers: without one, or for another, none.
    const bare = await fetch(`${s.base}/api/challenges`, { method: 'POST' });
    assert.equal(bare.status, 400);
    assert.deepEqual(((await bare.json()) as Problem).errors, [
      {
        code: 'procedure-required',
        message: 'Send { "procedure": { "code", "version" } } to get a challenge.',
      },
    ]);
    const elsewhere = await fetch(`${s.base}/api/challenges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedure: { code: '1.000001', version: '1.0.0' } }),
    });
    assert.equal(elsewhere.status, 422);
    assert.equal(((await elsewhere.json()) as Problem).errors?.[0].code, 'unknown-procedure');
  });

  test('a dossier is received once per nonce; unknown and expired nonces are refused', async () => {
    const nonce = await challenge(s.base);
    const first = await postDossier(s.base, fakeJws(payload(nonce)));
    assert.equal(first.status, 201);
    const consumed = await s.app.dvc.storage
      .prepare('SELECT consumed_at FROM nonces WHERE nonce = ?')
      .get(nonce);
    assert.deepEqual(consumed, { consumed_at: NOW });

    const replay = await postDossier(s.base, fakeJws(payload(nonce, { lang: 'en' })));
    assert.equal(replay.status, 422);
    assert.deepEqual(((await replay.json()) as Problem).errors, [
      { code: 'nonce-replayed', message: 'replayed' },
    ]);

    // Never issued, or expired: said as such, not as "already received".
    const forged = await postDossier(s.base, fakeJws(payload('AAAAAAAAAAAAAAAAAAAAAA')));
    assert.equal(((await forged.json()) as Problem).errors?.[0].code, 'nonce-unknown');

    const late = await challenge(s.base);
    time.set('2026-11-26T03:10:06.000Z'); // 1 s after the 600 s TTL
    try {
      const r = await postDossier(s.base, fakeJws(payload(late)));
      assert.equal(((await r.json()) as Problem).errors?.[0].code, 'nonce-expired');
    } finally {
      time.set(NOW);
    }

    // Issued for one procedure (or version), spent on another: refused and not consumed. (The
    // fixture receiver offers one procedure, so the row is pointed at another version.)
    const bound = await challenge(s.base);
    await s.app.dvc.storage
      .prepare("UPDATE nonces SET procedure = '9.000001@2.0.0' WHERE nonce = ?")
      .run(bound);
    const wrong = await postDossier(s.base, fakeJws(payload(bound)));
    assert.equal(((await wrong.json()) as Problem).errors?.[0].code, 'nonce-procedure-mismatch');
    assert.deepEqual(
      await s.app.dvc.storage.prepare('SELECT consumed_at FROM nonces WHERE nonce = ?').get(bound),
      { consumed_at: null },
    );
  });

  test('201 answers a readable dossier code, the time and the expected result date', async () => {
    const { r, body } = await submit();
    assert.equal(r.status, 201);
    assert.deepEqual(Object.keys(body).sort(), ['dossierCode', 'expectedResultDate', 'receivedAt']);
    assert.match(String(body.dossierCode), /^TN-261126-[2-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(body.receivedAt, NOW);
    assert.equal(body.expectedResultDate, '2026-12-01'); // Thu + 3 working days
    const row = await s.app.dvc.storage
      .prepare(
        'SELECT status, procedure_code, signer_kid, received_at FROM dossiers WHERE code = ?',
      )
      .get(body.dossierCode);
    assert.deepEqual(row, {
      status: 'received',
      procedure_code: '9.000001',
      signer_kid: 'test-kid',
      received_at: NOW,
    });
  });

  test('dossier codes are unique', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 15; i++) codes.add(String((await submit()).body.dossierCode));
    assert.equal(codes.size, 15);
  });

  // Challenges no longer delete on every call (issue 22 point 4): day-old nonces still go, on the
  // first challenge a minute or more after the last clean-up.
  test('nonces expired for a day are dropped by a later challenge, at most once a minute', async () => {
    const find = s.app.dvc.storage.prepare('SELECT nonce FROM nonces WHERE nonce = ?');
    try {
      time.set('2026-11-28T03:00:00.000Z');
      const old = await challenge(s.base); // expires at 03:10:00
      time.set('2026-11-29T03:09:30.000Z'); // a clean-up: `old` is not a day past its expiry yet
      await challenge(s.base);
      assert.ok(await find.get(old));
      time.set('2026-11-29T03:10:20.000Z'); // a day and 20 s past it, 50 s after the clean-up
      await challenge(s.base);
      assert.ok(await find.get(old), 'kept: the table was cleaned less than a minute before');
      time.set('2026-11-29T03:10:40.000Z');
      await challenge(s.base);
      assert.equal(await find.get(old), undefined, 'dropped a minute after the last clean-up');
    } finally {
      time.set(NOW);
    }
  });

  test('Idempotency-Key: the same request twice gives the same 201 and one dossier', async () => {
    const nonce = await challenge(s.base);
    const jws = fakeJws(payload(nonce, { assistedBy: 'idem-1' }));
    const a = await postDossier(s.base, jws, 'key-123e4567');
    const b = await postDossier(s.base, jws, 'key-123e4567');
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const first = await a.json();
    assert.deepEqual(await b.json(), first);
    const n = (await storedPayloads(s)).filter((d) => d.payload.assistedBy === 'idem-1').length;
    assert.equal(n, 1);

    const other = fakeJws(payload(await challenge(s.base), { assistedBy: 'idem-2' }));
    const c = await postDossier(s.base, other, 'key-123e4567');
    assert.equal(c.status, 422);
    assert.equal(c.headers.get('content-type'), PROBLEM);
    assert.deepEqual(await c.json(), {
      type: 'urn:dvc-forms:problem:idempotency-key-reused',
      title: 'Mã chống gửi trùng đã được dùng',
      status: 422,
      detail:
        'Mã Idempotency-Key này đã được dùng cho một hồ sơ khác. Vui lòng tải lại trang và gửi lại.',
    });
    const none = (await storedPayloads(s)).filter((d) => d.payload.assistedBy === 'idem-2').length;
    assert.equal(none, 0);
  });

  test('problems are Vietnamese unless the browser accepts English only', async () => {
    const title = async (acceptLanguage: string) => {
      const r = await fetch(`${s.base}/api/khong-co`, {
        headers: { 'accept-language': acceptLanguage },
      });
      return ((await r.json()) as Problem).title;
    };
    assert.equal(await title('vi-VN,vi;q=0.9'), 'Không tìm thấy');
    assert.equal(await title('en-US,en;q=0.9,vi;q=0.8'), 'Không tìm thấy');
    assert.equal(await title('en-GB,en;q=0.8'), 'Not found');
    assert.equal(await title('fr'), 'Không tìm thấy');
  });

  test('bad submissions get RFC 9457 problems with the verifier codes', async () => {
    const unreadable = await postDossier(s.base, 'not-a-jws');
    assert.equal(unreadable.status, 422);
    assert.equal(unreadable.headers.get('content-type'), PROBLEM);
    assert.deepEqual(await unreadable.json(), {
      type: 'urn:dvc-forms:problem:invalid-submission',
      title: 'Hồ sơ không hợp lệ',
      status: 422,
      detail:
        'Hồ sơ không vượt qua bước kiểm tra của cơ quan nên chưa được tiếp nhận. Vui lòng tải lại trang, kiểm tra thông tin và gửi lại.',
      errors: [
        {
          code: 'payload-unreadable',
          message:
            'The JWS payload is not a JSON object with procedure.code and procedure.version.',
        },
      ],
    });

    const badSig = await postDossier(s.base, fakeJws(payload(await challenge(s.base)), 'forged'));
    assert.equal(badSig.status, 422);
    assert.deepEqual(((await badSig.json()) as Problem).errors, [
      { code: 'signature-invalid', message: 'bad signature' },
    ]);

    const unknown = await postDossier(
      s.base,
      fakeJws(payload('x', { procedure: { code: '1.001193', version: '9.9.9', sha256: '' } })),
    );
    assert.equal(unknown.status, 422);
    const u = (await unknown.json()) as Problem;
    assert.equal(u.type, 'urn:dvc-forms:problem:unknown-procedure');
    assert.deepEqual(u.errors, [
      {
        code: 'unknown-procedure',
        message: 'Procedure 1.001193 version 9.9.9 is not offered by this receiver.',
      },
    ]);

    const noJws = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.8' },
      body: '{"payload":1}',
    });
    assert.equal(noJws.status, 400);
    assert.deepEqual(await noJws.json(), {
      type: 'urn:dvc-forms:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      detail:
        'The server could not read the application. Please reload the page and send it again.',
    });

    const brokenJson = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jws":',
    });
    assert.equal(brokenJson.status, 400);
    assert.equal(
      ((await brokenJson.json()) as Problem).type,
      'urn:dvc-forms:problem:invalid-request',
    );

    const text = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(text.status, 415);
    assert.equal(((await text.json()) as Problem).title, 'Định dạng không được hỗ trợ');

    const badKey = await postDossier(s.base, fakeJws(payload('x')), 'has space');
    assert.equal(badKey.status, 400);
    assert.equal(
      ((await badKey.json()) as Problem).type,
      'urn:dvc-forms:problem:idempotency-key-invalid',
    );
  });

  test('status lookup needs the right phone number or personal ID', async () => {
    const { body } = await submit();
    const code = String(body.dossierCode);
    const lookup = (c: string, secret: string) =>
      fetch(
        `${s.base}/api/status?code=${encodeURIComponent(c)}&secret=${encodeURIComponent(secret)}`,
      );

    // As typed: separators, full-width digits (Vietnamese IMEs), an en dash, a pasted zero-width
    // space; read the way the form normalised the stored answers (src/dossier/lookup-secret.ts).
    for (const secret of [
      '0912345678',
      '+84 912 345 678',
      '0912.345.678',
      '0912 345 678',
      '0912–345–678',
      '０９１２３４５６７８',
      '０９１２\u3000３４５\u3000６７８',
      '＋８４ ９１２ ３４５ ６７８',
      '0912\u200B345678',
      '001099012345',
      '００１０９９０１２３４５',
      '001 099 012 345',
    ]) {
      const r = await lookup(code, secret);
      assert.equal(r.status, 200, secret);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      const v = (await r.json()) as Record<string, unknown>;
      assert.deepEqual(v, {
        dossierCode: code,
        procedure: {
          code: '9.000001',
          version: '1.0.0',
          title: { vi: 'Thủ tục thử nghiệm', en: 'Test procedure' },
        },
        status: 'received',
        label: { vi: 'Đã tiếp nhận', en: 'Received' },
        receivedAt: NOW,
        expectedResultDate: '2026-12-01',
        updatedAt: NOW,
        history: [{ status: 'received', label: { vi: 'Đã tiếp nhận', en: 'Received' }, at: NOW }],
        payment: { fee: 0, currency: 'VND', status: 'not-required', payments: [] },
      });
    }
    // Lower-case codes are accepted as typed.
    assert.equal((await lookup(code.toLowerCase(), '0912345678')).status, 200);

    const wrong = await lookup(code, '0912345679');
    const unknownCode = await lookup('TN-261126-2222', '0912345678');
    assert.equal(wrong.status, 404);
    assert.equal(unknownCode.status, 404);
    const w = await wrong.json();
    assert.deepEqual(w, await unknownCode.json()); // nothing tells which part was wrong
    assert.deepEqual(w, {
      type: 'urn:dvc-forms:problem:dossier-not-found',
      title: 'Không tìm thấy hồ sơ',
      status: 404,
      detail:
        'Không tìm thấy hồ sơ với mã và số điện thoại hoặc số định danh này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    });
    const missing = await fetch(`${s.base}/api/status?code=${code}`);
    assert.equal(missing.status, 400);
    assert.equal(
      ((await missing.json()) as Problem).type,
      'urn:dvc-forms:problem:missing-parameters',
    );
  });

  test('clerk transitions: allowed moves only, with the history shown to the citizen', async () => {
    const { body } = await submit();
    const code = String(body.dossierCode);
    const move = (status: string, note?: string, token = s.clerkKey) =>
      fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ status, ...(note ? { note } : {}) }),
      });

    const anonymous = await fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"status":"processing"}',
    });
    assert.equal(anonymous.status, 401);
    assert.equal((await move('processing', undefined, 'wrong-token')).status, 401);

    const early = await move('result-ready');
    assert.equal(early.status, 409);
    assert.deepEqual(await early.json(), {
      type: 'urn:dvc-forms:problem:transition-not-allowed',
      title: 'Không thể chuyển trạng thái',
      status: 409,
      detail: 'Hồ sơ đang ở trạng thái “Đã tiếp nhận”, không thể chuyển sang “Đã có kết quả”.',
      from: 'received',
      to: 'result-ready',
      allowed: ['processing', 'rejected'],
    });
    const bogus = await move('archived');
    assert.equal(bogus.status, 400);
    assert.equal(
      ((await bogus.json()) as Problem).detail,
      'Trạng thái phải là một trong: received, processing, needs-more-information, result-ready, rejected.',
    );

    assert.equal((await move('processing')).status, 200);
    // "Cần bổ sung" says what is missing: only a supplement request leads there (supplement.js).
    assert.equal((await move('needs-more-information', 'Bổ sung')).status, 409);
    const ask = await fetch(`${s.base}/api/clerk/dossiers/${code}/supplement-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.clerkKey}` },
      body: JSON.stringify({
        items: { fields: [], documents: ['giay-to'] },
        note: 'Vui lòng bổ sung bản sao giấy chứng sinh.',
      }),
    });
    assert.equal(ask.status, 201);
    assert.equal(((await ask.json()) as { status: string }).status, 'needs-more-information');
    // Moving on without the applicant's answer withdraws the request.
    assert.equal((await move('processing')).status, 200);
    assert.deepEqual(
      await s.app.dvc.storage
        .prepare('SELECT status FROM supplement_requests WHERE dossier_code = ?')
        .all(code),
      [{ status: 'withdrawn' }],
    );
    const done = await move('result-ready');
    assert.deepEqual(((await done.json()) as { allowed: string[] }).allowed, []);
    assert.equal((await move('rejected')).status, 409); // final

    const r = await fetch(`${s.base}/api/status?code=${code}&secret=001099012345`);
    const v = (await r.json()) as { status: string; history: { status: string; note?: string }[] };
    assert.equal(v.status, 'result-ready');
    assert.deepEqual(
      v.history.map((h) => [h.status, h.note]),
      [
        ['received', undefined],
        ['processing', undefined],
        ['needs-more-information', 'Vui lòng bổ sung bản sao giấy chứng sinh.'],
        ['processing', undefined],
        ['result-ready', undefined],
      ],
    );

    const list = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    const l = (await list.json()) as { dossiers: { dossierCode: string; status: string }[] };
    assert.equal(l.dossiers.find((d) => d.dossierCode === code)?.status, 'result-ready');
    const unknown = await fetch(`${s.base}/api/clerk/dossiers/TN-261126-2222/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.clerkKey}` },
      body: '{"status":"processing"}',
    });
    assert.equal(unknown.status, 404);
  });

  test('security headers on pages and API answers', async () => {
    for (const path of ['/api/procedures', '/404-khong-co']) {
      const r = await fetch(`${s.base}${path}`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
      await r.arrayBuffer();
    }
  });

  test('logs: one JSON line per request, without the second factor', async () => {
    const before = s.logs.length;
    await fetch(`${s.base}/api/procedures`).then((r) => r.arrayBuffer());
    await fetch(`${s.base}/api/status?code=TN-261126-2222&secret=0987654321`).then((r) =>
      r.arrayBuffer(),
    );
    await fetch(`${s.base}/api/uploads/`, { method: 'OPTIONS' }).then((r) => r.arrayBuffer());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const lines = s.logs.slice(before);
    assert.equal(lines.length, 3, lines.join(''));
    const parsed = lines.map((l) => {
      assert.ok(l.endsWith('\n') && !l.slice(0, -1).includes('\n'), 'one line');
      return JSON.parse(l) as Record<string, unknown>;
    });
    assert.deepEqual(
      parsed.map((p) => [p.msg, p.method, p.url, p.statusCode]),
      [
        ['request', 'GET', '/api/procedures', 200],
        ['request', 'GET', '/api/status?code=TN-261126-2222&secret=%5Bredacted%5D', 404],
        ['request', 'OPTIONS', '/api/uploads/', 204],
      ],
    );
    for (const p of parsed) assert.equal(typeof p.responseTime, 'number');
    assert.ok(!s.logs.join('').includes('0987654321'));
    assert.ok(!s.logs.join('').includes('incoming request'));
  });
});

describe('startup', () => {
  test('without a build, createServer says to run npm run build', async () => {
    await assert.rejects(start({ distDir: '/nonexistent/dist/' }), {
      name: 'MissingBuildError',
      message:
        '/nonexistent/dist/verify.js is missing: run "npm run build" first (npm start does it for you).',
    });
  });
});

describe('status lookup rate limit', () => {
  let s: Running;
  before(async () => {
    s = await start({
      verifySubmission: fakeVerify,
      statusRateLimit: { max: 3, windowSeconds: 60 },
    });
  });
  after(() => s.close());

  test('the 4th lookup in a minute from one address gets 429 with Retry-After', async () => {
    const url = `${s.base}/api/status?code=TN-261126-2222&secret=0912345678`;
    for (let i = 0; i < 3; i++) assert.equal(await fetch(url).then((r) => r.status), 404);
    const r = await fetch(url);
    assert.equal(r.status, 429);
    const retry = Number(r.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, String(retry));
    assert.deepEqual(await r.json(), {
      type: 'urn:dvc-forms:problem:too-many-requests',
      title: 'Quá nhiều lần tra cứu',
      status: 429,
      detail: 'Bạn đã tra cứu quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.',
    });
  });
});
