// A document brought to the desk (format 1.1 atDesk) has no upload limits: the receiver must
// not check a file sent for it against limits it does not have (that threw), and the real
// verifier refuses the file in the session core's words, in the request's language (the vi/en
// catalogs of src/verify/messages.ts). Without a file the dossier is received.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isUploadedDocument, type Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import { buildSubmissionPayload, type PayloadDocument } from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { verifySubmission as sourceVerify } from '../../src/verify/index.js';
import { challenge, postDossier, start, uploadSession, type Running } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-ket-hon-nuoc-ngoai.json`;
const CASES = JSON.parse(
  readFileSync(`${SAMPLES}dang-ky-ket-hon-nuoc-ngoai.cases.json`, 'utf8'),
) as { today: string; cases: { answers: Record<string, unknown> }[] };
const DIST_VERIFY = fileURLToPath(new URL('../../dist/verify.js', import.meta.url));

describe('a document brought to the desk, at the receiver (dang-ky-ket-hon-nuoc-ngoai)', () => {
  let s: Running;
  const procedure = JSON.parse(readFileSync(PROCEDURE_FILE, 'utf8')) as Procedure;
  const now = new Date(`${CASES.today}T03:00:00.000Z`);
  before(async () => {
    const distHasVerify =
      existsSync(DIST_VERIFY) && typeof (await import(DIST_VERIFY)).verifySubmission === 'function';
    s = await start({
      proceduresDir: SAMPLES,
      now: () => now,
      ...(distHasVerify ? {} : { verifySubmission: sourceVerify as never }),
    });
  });
  after(() => s?.close());

  /** Signs the first (valid) case with one PDF per uploaded document, plus `extra` slots. */
  async function submit(extra: string[], key: string, acceptLanguage?: string) {
    const answers = CASES.cases[0]!.answers;
    const browser = uploadSession(s.base);
    const rules = createRules(procedure, { today: CASES.today });
    const evaluated = await rules.evaluate(answers);
    const validator = await createValidator(procedure);
    const checked = validator.validate(answers, {
      hidden: evaluated.hidden.fields,
      required: evaluated.required.fields,
    });
    assert.deepEqual(checked.problems, []);
    const final = await rules.evaluate(checked.value);
    const slots = final.required.documents.filter((id) =>
      isUploadedDocument(procedure.documents.find((d) => d.id === id)!),
    );
    const documents: PayloadDocument[] = [];
    for (const slot of [...slots, ...extra]) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${slot}\n%%EOF\n`);
      const url = await browser.upload(new Uint8Array(bytes), { slot });
      documents.push({
        slot,
        name: `${slot}.pdf`,
        type: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        url,
      });
    }
    const nonce = await challenge(s.base, { code: procedure.code, version: procedure.version });
    const payload = buildSubmissionPayload({
      procedure,
      procedureSha256: createHash('sha256').update(readFileSync(PROCEDURE_FILE)).digest('hex'),
      answers: checked.value,
      rules: final,
      documents,
      lang: 'vi',
      delivery: { method: 'in-person' },
      nonce,
      now: new Date(now.getTime() - 60_000),
    });
    const jws = await signPayload(payload, await createWebCryptoSigner(await generateSigningKey()));
    const r = acceptLanguage
      ? await fetch(`${s.base}/api/dossiers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            cookie: browser.cookie,
            'accept-language': acceptLanguage,
          },
          body: JSON.stringify({ jws }),
        })
      : await postDossier(s.base, jws, key, browser.cookie);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }

  test('a file for the passport (atDesk) is refused by the verifier, not by a crash', async () => {
    const { status, body } = await submit(['passport'], 'desk-1');
    assert.equal(status, 422, JSON.stringify(body));
    assert.equal(body.type, 'urn:dvc-forms:problem:invalid-submission');
    // The problem is Vietnamese (no Accept-Language), and so is the verifier's reason.
    assert.equal(body.title, 'Hồ sơ không hợp lệ');
    assert.deepEqual(body.errors, [
      { code: 'too-many-documents', message: 'Mục "passport" có 1 tệp; tối đa 0 tệp.' },
    ]);
    const count = s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get();
    assert.deepEqual(count, { n: 0 });
  });

  test('the same refusal in English when the browser accepts English only', async () => {
    const { status, body } = await submit(['passport'], 'desk-en', 'en-GB,en;q=0.8');
    assert.equal(status, 422, JSON.stringify(body));
    assert.deepEqual(body.errors, [
      {
        code: 'too-many-documents',
        message: 'Slot "passport" has 1 file; at most 0 allowed.',
      },
    ]);
  });

  test('without a file for it the dossier is received', async () => {
    const { status, body } = await submit([], 'desk-2');
    assert.equal(status, 201, JSON.stringify(body));
  });
});
