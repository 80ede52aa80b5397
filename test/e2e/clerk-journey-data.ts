// The clerk journey's dossier and mails, for clerk.engines.ts (run in each engine): a birth
// registration received through the API with its documents uploaded, the supplement the clerk
// asks for, and the exact notification mails.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import { buildSubmissionPayload, type PayloadDocument } from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { challenge, postDossier, uploadSession, type Running } from './helpers.js';

export const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
export const TEXT = readFileSync(`${SAMPLES}dang-ky-khai-sinh.json`, 'utf8');
export const PROCEDURE = JSON.parse(TEXT) as Procedure;
const CASES = JSON.parse(readFileSync(`${SAMPLES}dang-ky-khai-sinh.cases.json`, 'utf8')) as {
  cases: { answers: Record<string, unknown>; expect: { eligibility?: { status: string } } }[];
};
export const ANSWERS = structuredClone(
  CASES.cases.find((c) => c.expect.eligibility?.status === 'eligible')!.answers,
) as { requester: Record<string, unknown>; child: Record<string, unknown> };
ANSWERS.requester.email = 'me.cua.be@example.vn';
export const PHONE = ANSWERS.requester.phone as string;
export const FOOTER = 'Thư này được gửi tự động từ hệ thống, vui lòng không trả lời.';
export const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`);

/** Where the mails send the citizen (the receiver's publicBaseUrl). */
export const LINK = 'https://dichvucong.example.gov.vn/tra-cuu.html';
/** The receiver's notification settings for the journey (a real SMTP server's URL). */
export const notifyOptions = (smtpUrl: string) => ({
  email: { url: smtpUrl, from: 'Một cửa UBND phường <mot-cua@example.gov.vn>' },
  publicBaseUrl: 'https://dichvucong.example.gov.vn',
  everySeconds: 1,
});
/** What the clerk writes in the supplement request (the citizen reads it). */
export const SUPPLEMENT_NOTE = 'Giấy chứng sinh chụp mờ; ghi đúng tên cơ sở y tế như trên giấy.';
/** The citizen's supplement answer. */
export const HEALTH_FACILITY = 'Bệnh viện Phụ sản Hà Nội (cơ sở 2)';
/** What no mail may hold. */
export const PERSONAL_IN_MAILS = ['Nguyễn Thị Lan', 'Trần Minh An', PHONE, 'chụp mờ', 'Phụ sản'];

export const mail = (subject: string, text: string) => ({
  from: 'mot-cua@example.gov.vn',
  to: ['me.cua.be@example.vn'],
  subject,
  text,
});

/** The three mails of the journey, exactly. */
export function journeyMails(code: string) {
  return {
    received: mail(
      `Hồ sơ ${code}: Đã tiếp nhận`,
      `Hồ sơ ${code} đã được tiếp nhận.\nTrạng thái: Đã tiếp nhận.\n` +
        `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${LINK}\n\n` +
        FOOTER,
    ),
    asked: mail(
      `Hồ sơ ${code}: Cần bổ sung hồ sơ`,
      `Cơ quan giải quyết đề nghị bổ sung hồ sơ ${code}.\nTrạng thái: Cần bổ sung hồ sơ.\n` +
        `Xem nội dung cần bổ sung và nộp bổ sung tại trang tra cứu (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${LINK}\n` +
        'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.\n\n' +
        FOOTER,
    ),
    result: mail(
      `Hồ sơ ${code}: Đã có kết quả`,
      `Hồ sơ ${code} đã được giải quyết.\nTrạng thái: Đã có kết quả.\n` +
        `Xem chi tiết tại trang tra cứu: ${LINK}\n\n` +
        FOOTER,
    ),
  };
}

/** Receives the journey's birth registration through the API, documents uploaded first. */
export async function receiveBirthDossier(
  s: Running,
  idempotencyKey = 'journey-1',
): Promise<string> {
  const b = uploadSession(s.base);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(),
  );
  // The child was born a few days ago, whatever the date the test runs.
  const born = new Date(Date.now() - 5 * 86400_000);
  ANSWERS.child.birthDate = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(born);
  const rules = createRules(PROCEDURE, { today });
  const first = await rules.evaluate(ANSWERS);
  const checked = (await createValidator(PROCEDURE)).validate(ANSWERS, {
    hidden: first.hidden.fields,
    required: first.required.fields,
  });
  assert.deepEqual(checked.problems, []);
  const final = await rules.evaluate(checked.value);
  const documents: PayloadDocument[] = [];
  for (const slot of final.required.documents) {
    const bytes = pdf(slot);
    documents.push({
      slot,
      name: `${slot}.pdf`,
      type: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      url: await b.upload(new Uint8Array(bytes), { slot }),
    });
  }
  const payload = buildSubmissionPayload({
    procedure: PROCEDURE,
    procedureSha256: createHash('sha256').update(TEXT).digest('hex'),
    answers: checked.value,
    rules: final,
    documents,
    lang: 'vi',
    delivery: { method: 'in-person' },
    nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
  });
  const jws = await signPayload(payload, await createWebCryptoSigner(await generateSigningKey()));
  const r = await postDossier(s.base, jws, idempotencyKey, b.cookie);
  const body = (await r.json()) as { dossierCode: string };
  assert.equal(r.status, 201, JSON.stringify(body));
  return body.dossierCode;
}
