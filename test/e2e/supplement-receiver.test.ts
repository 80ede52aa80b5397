// The supplement round trip and the notifications through the reference receiver, on SQLite and
// (npm test's postgres stage) on PostgreSQL: a really signed birth registration is received, the
// clerk asks for a supplement, the applicant — proving who they are as in the status look-up —
// signs and sends exactly the requested items, the clerk sees them and gives the result. Every
// event's mail is received by a real SMTP server, its exact subject and text asserted.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import { buildSubmissionPayload, type PayloadDocument } from '../../src/submission/index.js';
import { buildSupplementPayload } from '../../src/supplement/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { challenge, clock, postDossier, start, uploadSession, type Running } from './helpers.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-khai-sinh.json`;
const TEXT = readFileSync(PROCEDURE_FILE, 'utf8');
const PROCEDURE = JSON.parse(TEXT) as Procedure;
const PROCEDURE_SHA256 = createHash('sha256').update(TEXT).digest('hex');
const CASES = JSON.parse(readFileSync(`${SAMPLES}dang-ky-khai-sinh.cases.json`, 'utf8')) as {
  today: string;
  cases: { answers: Record<string, unknown>; expect: { eligibility?: { status: string } } }[];
};
const ANSWERS = structuredClone(
  CASES.cases.find((c) => c.expect.eligibility?.status === 'eligible')!.answers,
) as { requester: Record<string, unknown> };
ANSWERS.requester.email = 'nguoi.nop@example.vn';
const PHONE = ANSWERS.requester.phone as string;
const LINK = 'https://dichvucong.example.gov.vn/tra-cuu.html';
const FOOTER = 'Thư này được gửi tự động từ hệ thống, vui lòng không trả lời.';

/** Monday 30 November 2026, 09:00 in Việt Nam. */
const t = clock('2026-11-30T02:00:00.000Z');

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('supplement round trip and notifications', () => {
  let s: Running;
  let smtp: TestSmtp;
  let code = '';
  const browser = () => uploadSession(s.base);
  const clerk = (path: string, body?: unknown) =>
    fetch(`${s.base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${s.clerkKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const send = () => s.app.dvc.notifications.runOnce();
  const rows = () =>
    s.app.dvc.storage
      .prepare(
        'SELECT event, ref, channel, status, attempts, last_error FROM notifications ORDER BY id',
      )
      .all() as Promise<Record<string, unknown>[]>;

  before(async () => {
    smtp = await startSmtp();
    s = await start({
      proceduresDir: SAMPLES,
      now: t.now,
      notify: {
        email: { url: smtp.url, from: 'Một cửa UBND phường <mot-cua@example.gov.vn>' },
        publicBaseUrl: 'https://dichvucong.example.gov.vn/',
        // The test sends when it wants to (runOnce); the timer would race it.
        everySeconds: 3600,
      },
    });
  });
  after(async () => {
    await s?.close();
    await smtp?.close();
  });

  test('receipt: the dossier is stored and its mail says the code and status only', async () => {
    const b = browser();
    const rules = createRules(PROCEDURE, { today: '2026-11-30' });
    const validator = await createValidator(PROCEDURE);
    const first = await rules.evaluate(ANSWERS);
    const checked = validator.validate(ANSWERS, {
      hidden: first.hidden.fields,
      required: first.required.fields,
    });
    assert.deepEqual(checked.problems, []);
    const final = await rules.evaluate(checked.value);
    const documents: PayloadDocument[] = [];
    for (const slot of final.required.documents) {
      const bytes = pdf(slot);
      const url = await b.upload(new Uint8Array(bytes), { slot });
      documents.push({
        slot,
        name: `${slot}.pdf`,
        type: 'application/pdf',
        size: bytes.length,
        sha256: sha(bytes),
        url,
      });
    }
    const payload = buildSubmissionPayload({
      procedure: PROCEDURE,
      procedureSha256: PROCEDURE_SHA256,
      answers: checked.value,
      rules: final,
      documents,
      lang: 'vi',
      delivery: { method: 'in-person' },
      nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
      now: new Date(t.now().getTime() - 60_000),
    });
    const jws = await signPayload(payload, await createWebCryptoSigner(await generateSigningKey()));
    const r = await postDossier(s.base, jws, 'ks-1', b.cookie);
    const body = (await r.json()) as { dossierCode: string };
    assert.equal(r.status, 201, JSON.stringify(body));
    code = body.dossierCode;

    assert.deepEqual(await rows(), [
      {
        event: 'received',
        ref: 'received',
        channel: 'email',
        status: 'pending',
        attempts: 0,
        last_error: null,
      },
    ]);
    assert.equal(await send(), 1);
    assert.deepEqual(smtp.mails, [
      {
        from: 'mot-cua@example.gov.vn',
        to: ['nguoi.nop@example.vn'],
        subject: `Hồ sơ ${code}: Đã tiếp nhận`,
        text:
          `Hồ sơ ${code} đã được tiếp nhận.\n` +
          'Trạng thái: Đã tiếp nhận.\n' +
          `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${LINK}\n\n` +
          FOOTER,
      },
    ]);
    // Sent once: nothing more is due.
    assert.equal(await send(), 0);
  });

  test('the clerk asks for a supplement; the status and the clock follow', async () => {
    assert.equal(
      (await clerk(`/api/clerk/dossiers/${code}/status`, { status: 'processing' })).status,
      200,
    );
    // "Cần bổ sung" is reached through a request that says what is missing, not a bare move.
    const bare = await clerk(`/api/clerk/dossiers/${code}/status`, {
      status: 'needs-more-information',
    });
    assert.equal(bare.status, 409);
    assert.equal(((await bare.json()) as { title: string }).title, 'Cần lập yêu cầu bổ sung');

    const bad = await clerk(`/api/clerk/dossiers/${code}/supplement-requests`, {
      items: { fields: ['child.nope'], documents: [] },
      note: '',
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(((await bad.json()) as { errors: unknown }).errors, [
      {
        code: 'supplement-unknown-field',
        path: 'fields/0',
        message: 'Thủ tục không có câu hỏi "child.nope".',
      },
      {
        code: 'supplement-note-missing',
        path: 'note',
        message: 'Ghi rõ lý do và nội dung cần bổ sung cho người nộp.',
      },
    ]);

    t.set('2026-11-30T03:00:00.000Z');
    const r = await clerk(`/api/clerk/dossiers/${code}/supplement-requests`, {
      items: { fields: ['child.healthFacility'], documents: ['birthCertificate'] },
      note: 'Giấy chứng sinh chụp mờ; đề nghị ghi đúng tên cơ sở y tế.',
    });
    const body = (await r.json()) as { status: string; request: { id: string } };
    assert.equal(r.status, 201, JSON.stringify(body));
    assert.equal(body.status, 'needs-more-information');
    const requestId = body.request.id;

    // Only one open request at a time: the dossier is no longer in processing.
    const again = await clerk(`/api/clerk/dossiers/${code}/supplement-requests`, {
      items: { fields: ['child.healthFacility'], documents: [] },
      note: 'x',
    });
    assert.equal(again.status, 409);

    assert.equal(await send(), 1);
    assert.deepEqual(smtp.mails.at(-1), {
      from: 'mot-cua@example.gov.vn',
      to: ['nguoi.nop@example.vn'],
      subject: `Hồ sơ ${code}: Cần bổ sung hồ sơ`,
      text:
        `Cơ quan giải quyết đề nghị bổ sung hồ sơ ${code}.\n` +
        'Trạng thái: Cần bổ sung hồ sơ.\n' +
        `Xem nội dung cần bổ sung và nộp bổ sung tại trang tra cứu (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${LINK}\n` +
        'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.\n\n' +
        FOOTER,
    });
    // No personal data in any mail: neither the names nor the numbers nor the clerk's note.
    for (const m of smtp.mails)
      for (const secret of ['Nguyễn Thị Lan', 'Trần Minh An', PHONE, '001195012345', 'chụp mờ'])
        assert.ok(!m.text.includes(secret) && !m.subject.includes(secret), secret);

    // The applicant's look-up shows what to send, with the procedure's labels.
    const st = await fetch(`${s.base}/api/status?code=${code}&secret=${PHONE}`);
    const view = (await st.json()) as { status: string; supplement: Record<string, unknown> };
    assert.equal(view.status, 'needs-more-information');
    assert.deepEqual(view.supplement, {
      id: requestId,
      requestedAt: '2026-11-30T03:00:00.000Z',
      note: 'Giấy chứng sinh chụp mờ; đề nghị ghi đúng tên cơ sở y tế.',
      items: { fields: ['child.healthFacility'], documents: ['birthCertificate'] },
      fields: [
        {
          path: 'child.healthFacility',
          label: PROCEDURE.ui.steps
            .flatMap((x) => x.fields)
            .find((f) => f.field === 'child.healthFacility')!.label,
        },
      ],
      documents: [
        {
          slot: 'birthCertificate',
          title: PROCEDURE.documents.find((d) => d.id === 'birthCertificate')!.title,
        },
      ],
      procedure: {
        code: PROCEDURE.code,
        version: PROCEDURE.version,
        url: '/procedures/dang-ky-khai-sinh.json',
      },
    });
  });

  test('the applicant sends exactly the requested items, signed; replays are answered', async () => {
    const st = (await (
      await fetch(`${s.base}/api/status?code=${code}&secret=${PHONE}`)
    ).json()) as {
      supplement: { id: string; items: { fields: string[]; documents: string[] } };
    };
    const b = browser();
    const bytes = pdf('giay-chung-sinh-ro');
    const url = await b.upload(new Uint8Array(bytes), { slot: 'birthCertificate' });
    const signer = await createWebCryptoSigner(await generateSigningKey());
    t.set('2026-12-02T02:00:00.000Z');
    const make = async (answers: Record<string, unknown>) =>
      signPayload(
        buildSupplementPayload({
          request: { id: st.supplement.id, dossierCode: code, items: st.supplement.items },
          procedure: PROCEDURE,
          procedureSha256: PROCEDURE_SHA256,
          answers,
          documents: [
            {
              slot: 'birthCertificate',
              name: 'giay-chung-sinh.pdf',
              type: 'application/pdf',
              size: bytes.length,
              sha256: sha(bytes),
              url,
            },
          ],
          lang: 'vi',
          nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
          now: new Date(t.now().getTime() - 30_000),
        }),
        signer,
      );
    const post = (jws: string, secret: string, key: string) =>
      fetch(`${s.base}/api/supplements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, cookie: b.cookie },
        body: JSON.stringify({ code, secret, jws }),
      });

    // Not the applicant: the look-up's answer, nothing about the dossier.
    const jws = await make({ 'child.healthFacility': 'Bệnh viện Phụ sản Hà Nội (cơ sở 2)' });
    const stranger = await post(jws, '0987654321', 'sup-0');
    assert.equal(stranger.status, 404);
    // An answer the schema refuses: named, and nothing is stored.
    const invalid = await post(
      await make({ 'child.healthFacility': 'x'.repeat(300) }),
      PHONE,
      'sup-1',
    );
    assert.equal(invalid.status, 422);
    const problem = (await invalid.json()) as {
      title: string;
      errors: { code: string; pointer: string }[];
    };
    assert.equal(problem.title, 'Phần bổ sung không hợp lệ');
    assert.deepEqual(
      problem.errors.map((e) => [e.code, e.pointer]),
      [['invalid-answers', '/answers/child.healthFacility']],
    );

    const ok = await post(jws, PHONE, 'sup-2');
    const answer = (await ok.json()) as Record<string, string>;
    assert.equal(ok.status, 201, JSON.stringify(answer));
    assert.deepEqual(answer, {
      dossierCode: code,
      requestId: st.supplement.id,
      receivedAt: '2026-12-02T02:00:00.000Z',
      // processingDays 0: nothing was left to run, the result is due the day it is complete.
      expectedResultDate: '2026-12-02',
    });
    // The same request again: the first answer, not a second supplement.
    const replay = await post(jws, PHONE, 'sup-2');
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), answer);
    // The same token under a new key: the request is answered already.
    const twice = await post(jws, PHONE, 'sup-3');
    assert.equal(twice.status, 409);
    assert.equal(((await twice.json()) as { title: string }).title, 'Hồ sơ không chờ bổ sung');

    const view = (await (
      await fetch(`${s.base}/api/status?code=${code}&secret=${PHONE}`)
    ).json()) as {
      status: string;
      supplement?: unknown;
      history: { status: string; note?: string }[];
    };
    assert.equal(view.status, 'processing');
    assert.equal(view.supplement, undefined);
    assert.deepEqual(view.history.at(-1), {
      status: 'processing',
      label: { vi: 'Đang xử lý', en: 'Processing' },
      at: '2026-12-02T02:00:00.000Z',
      note: 'Đã nhận hồ sơ bổ sung.',
    });
  });

  test('the clerk sees the supplement with its file, decrypted and hash-checked', async () => {
    const r = await clerk(`/api/clerk/dossiers/${code}/supplements`);
    assert.equal(r.status, 200);
    const { supplements } = (await r.json()) as {
      supplements: {
        status: string;
        payload: { answers: unknown };
        files: { id: string; slot: string }[];
      }[];
    };
    assert.equal(supplements.length, 1);
    assert.equal(supplements[0].status, 'answered');
    assert.deepEqual(supplements[0].payload.answers, {
      'child.healthFacility': 'Bệnh viện Phụ sản Hà Nội (cơ sở 2)',
    });
    assert.deepEqual(
      supplements[0].files.map((f) => f.slot),
      ['birthCertificate'],
    );
    const file = await clerk(`/api/clerk/dossiers/${code}/files/${supplements[0].files[0].id}`);
    assert.equal(file.status, 200);
    assert.equal(
      Buffer.from(await file.arrayBuffer()).toString(),
      pdf('giay-chung-sinh-ro').toString(),
    );
  });

  test('the result mail: a failed send is retried, the dossier never lost', async () => {
    smtp.mode = 'temporary';
    const r = await clerk(`/api/clerk/dossiers/${code}/status`, { status: 'result-ready' });
    assert.equal(r.status, 200);
    assert.equal(await send(), 1);
    const pending = (await rows()).at(-1)!;
    assert.equal(pending.status, 'pending');
    assert.equal(pending.attempts, 1);
    assert.match(String(pending.last_error), /^SMTP: 451$/);
    // Not due again before its delay.
    assert.equal(await send(), 0);
    smtp.mode = 'accept';
    t.set('2026-12-02T02:05:00.000Z');
    assert.equal(await send(), 1);
    assert.deepEqual(smtp.mails.at(-1), {
      from: 'mot-cua@example.gov.vn',
      to: ['nguoi.nop@example.vn'],
      subject: `Hồ sơ ${code}: Đã có kết quả`,
      text:
        `Hồ sơ ${code} đã được giải quyết.\n` +
        'Trạng thái: Đã có kết quả.\n' +
        `Xem chi tiết tại trang tra cứu: ${LINK}\n\n` +
        FOOTER,
    });
    assert.deepEqual(
      (await rows()).map((x) => [x.event, x.status, x.attempts]),
      [
        ['received', 'sent', 1],
        ['supplement-requested', 'sent', 1],
        ['result', 'sent', 2],
      ],
    );
    // The mail server refuses the address for good: failed, not retried, the dossier intact.
    smtp.mode = 'permanent';
    await s.app.dvc.storage
      .prepare(
        "INSERT INTO notifications (dossier_code, event, ref, channel, status, attempts, next_attempt_at, created_at) VALUES (?, 'result', 'test', 'email', 'pending', 0, ?, ?)",
      )
      .run(code, t.now().toISOString(), t.now().toISOString());
    assert.equal(await send(), 1);
    assert.deepEqual((await rows()).map((x) => [x.status, x.last_error]).at(-1), [
      'failed',
      'SMTP: 550',
    ]);
    const stored = await s.app.dvc.storage
      .prepare('SELECT status FROM dossiers WHERE code = ?')
      .get(code);
    assert.deepEqual(stored, { status: 'result-ready' });
  });
});
