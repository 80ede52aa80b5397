// The receiver never trusts the browser. Each test posts a submission that is validly signed (with
// the attacker's own key, which the demo accepts when no TRUSTED_KEYS are configured, as an agency
// accepting anonymous citizens would) but tampered with, and expects an RFC 9457 problem with the
// exact verify code and no dossier row. Also: the status lookup does not tell an unknown dossier
// code from a wrong second factor, and the clerk API refuses without its token, however the path
// is spelled.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import {
  buildSubmissionPayload,
  type PayloadDocument,
  type SubmissionPayload,
} from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { verifySubmission } from '../../src/verify/index.js';
import { STRICT_CSP, STRICT_CSP_PAGE } from '../../demo/server/app.js';
import { CLERK_TOKEN, challenge, postDossier, start, type Running } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-khai-sinh.json`;
const CASES_FILE = `${SAMPLES}dang-ky-khai-sinh.cases.json`;
const procedureText = readFileSync(PROCEDURE_FILE, 'utf8');
const procedure = JSON.parse(procedureText) as Procedure;
const cases = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as {
  today: string;
  cases: { name: string; answers: Record<string, unknown> }[];
};
const caseNamed = (prefix: string) => {
  const c = cases.cases.find((k) => k.name.startsWith(prefix));
  if (!c) throw new Error(`no case "${prefix}" in ${CASES_FILE}`);
  return structuredClone(c.answers);
};
// An eligible case with no fee exemption question, two extract copies (16,000 VND), no problems.
const TWO_COPIES = 'xin 2 bản sao trích lục';
const now = new Date(`${cases.today}T03:00:00.000Z`);
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const REPLAYED = {
  code: 'nonce-replayed',
  message: 'The nonce has already been used: this submission was already received.',
};
const ALG_NONE = {
  code: 'alg-not-allowed',
  message: 'Algorithm "none" is not allowed; submissions use ES256, ES384 or EdDSA.',
};

interface Built {
  payload: SubmissionPayload;
  documents: PayloadDocument[];
  hidden: string[];
}

describe('the receiver never trusts the browser', () => {
  let s: Running;
  let signer: Awaited<ReturnType<typeof createWebCryptoSigner>>;

  before(async () => {
    // The source verifier: what dist/verify.js is built from, so a fix shows without a build.
    s = await start({
      proceduresDir: SAMPLES,
      now: () => now,
      verifySubmission: verifySubmission as never,
    });
    signer = await createWebCryptoSigner(await generateSigningKey());
  });
  after(() => s?.close());

  const dossierCount = () =>
    (s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number }).n;

  async function upload(slot: string, bytes: Buffer): Promise<string> {
    const created = await fetch(`${s.base}/api/uploads/`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': `slot ${Buffer.from(slot).toString('base64')}`,
      },
    });
    assert.equal(created.status, 201);
    const url = `${s.base}${created.headers.get('location')}`;
    const patched = await fetch(url, {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    assert.equal(patched.status, 204);
    return url;
  }

  /** What an honest form would send for `answers`: validated, rules applied, files uploaded. */
  async function honest(answers: Record<string, unknown>): Promise<Built> {
    const rules = createRules(procedure, { today: cases.today });
    const evaluated = await rules.evaluate(answers);
    assert.equal(evaluated.eligibility.status, 'eligible');
    const validator = await createValidator(procedure);
    const checked = validator.validate(answers, {
      hidden: evaluated.hidden.fields,
      required: evaluated.required.fields,
    });
    assert.deepEqual(checked.problems, []);
    const final = await rules.evaluate(checked.value);
    const documents: PayloadDocument[] = [];
    for (const slot of final.required.documents) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${slot}\n%%EOF\n`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const url = await upload(slot, bytes);
      documents.push({
        slot,
        name: `${slot}.pdf`,
        type: 'application/pdf',
        size: bytes.length,
        sha256,
        url,
      });
    }
    const payload = buildSubmissionPayload({
      procedure,
      procedureSha256: createHash('sha256').update(procedureText).digest('hex'),
      answers: checked.value,
      rules: final,
      documents,
      lang: 'vi',
      // The procedure offers post: verify requires the applicant's choice of delivery.
      delivery: { method: 'in-person' },
      nonce: await challenge(s.base),
      now: new Date(now.getTime() - 60_000),
    });
    return { payload, documents, hidden: final.hidden.fields };
  }

  /** Posts the JWS and returns the problem body after checking the common envelope. */
  async function refused(jws: string, status = 422): Promise<Record<string, unknown>> {
    const before = dossierCount();
    const r = await postDossier(s.base, jws);
    assert.equal(r.headers.get('content-type'), PROBLEM_JSON);
    const body = (await r.json()) as Record<string, unknown>;
    assert.equal(r.status, status, JSON.stringify(body));
    assert.equal(body.status, status);
    assert.equal(dossierCount(), before, 'no dossier row may be written');
    return body;
  }

  /** The verify errors of an `invalid-submission` problem, after checking its envelope. */
  const errorsOf = (body: Record<string, unknown>) => {
    assert.equal(body.type, 'urn:dvc-forms:problem:invalid-submission');
    assert.equal(body.title, 'Hồ sơ không hợp lệ');
    return body.errors as { code: string; message: string }[];
  };

  test('the honest submission is accepted (the control for every refusal below)', async () => {
    const { payload } = await honest(caseNamed(TWO_COPIES));
    assert.equal(payload.fee.total, 16000);
    const r = await postDossier(s.base, await signPayload(payload, signer));
    assert.equal(r.status, 201, await r.clone().text());
    assert.equal(dossierCount(), 1);
  });

  test('(a) an answer for a field the rules hide is refused', async () => {
    // "Sinh tại nhà": the name of the health facility is hidden, so the form never sends it.
    const built = await honest(caseNamed('sinh tại nhà'));
    const hiddenPath = built.hidden.find((p) => p === 'child.healthFacility');
    assert.ok(hiddenPath, `expected child.healthFacility among ${built.hidden.join(', ')}`);
    const answers = structuredClone(built.payload.answers) as Record<
      string,
      Record<string, unknown>
    >;
    answers.child.healthFacility = 'Bệnh viện Phụ sản Hà Nội';
    const body = await refused(await signPayload({ ...built.payload, answers }, signer));
    assert.deepEqual(errorsOf(body), [
      {
        code: 'hidden-field-present',
        message:
          'The answers contain /answers/child/healthFacility, a field the rules hide for these answers.',
      },
    ]);
  });

  test('(b) a lowered fee is refused', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    const fee = { ...built.payload.fee, total: 0, items: [] };
    const body = await refused(await signPayload({ ...built.payload, fee }, signer));
    assert.deepEqual(errorsOf(body), [
      {
        code: 'fee-mismatch',
        message:
          "The payload's fee (total 0 VND) differs from the recomputed fee (total 16000 VND).",
      },
    ]);
  });

  test('(c) eligibility flipped to eligible is refused', async () => {
    const answers = caseNamed(TWO_COPIES) as Record<string, Record<string, unknown>>;
    const built = await honest(answers);
    // The answers say the child was born abroad; the payload still claims "eligible".
    const tampered = structuredClone(built.payload.answers) as Record<
      string,
      Record<string, unknown>
    >;
    tampered.eligibility.bornInVietnam = false;
    const body = await refused(await signPayload({ ...built.payload, answers: tampered }, signer));
    assert.deepEqual(errorsOf(body), [
      {
        code: 'ineligible',
        message: 'The answers do not meet eligibility rule "born-in-vietnam".',
      },
    ]);
  });

  test('(d) a document hash that does not match the stored upload is refused', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    assert.ok(built.documents.length > 0, 'the case needs at least one document');
    const documents = built.payload.documents.map((d, i) =>
      i === 0 ? { ...d, sha256: 'f'.repeat(64) } : d,
    );
    const body = await refused(await signPayload({ ...built.payload, documents }, signer));
    assert.deepEqual(errorsOf(body), [
      {
        code: 'attachment-hash-mismatch',
        message: `The stored file for document /documents/0 has SHA-256 ${built.documents[0].sha256}, the payload says ${'f'.repeat(64)}.`,
      },
    ]);
  });

  test('(e) a replayed nonce is refused, even re-signed with a new key', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    const first = await postDossier(s.base, await signPayload(built.payload, signer));
    assert.equal(first.status, 201);
    // Same nonce, fresh files (so only the nonce can be the reason), another key.
    const again = await honest(caseNamed(TWO_COPIES));
    const other = await createWebCryptoSigner(await generateSigningKey());
    const body = await refused(
      await signPayload({ ...again.payload, nonce: built.payload.nonce }, other),
    );
    assert.deepEqual(errorsOf(body), [REPLAYED]);
  });

  test('(e) a nonce this server never issued is refused', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    const body = await refused(
      await signPayload({ ...built.payload, nonce: 'AAAAAAAAAAAAAAAAAAAAAA' }, signer),
    );
    assert.deepEqual(errorsOf(body), [REPLAYED]);
  });

  test('(f) a body over the size limit is refused before it is read', async () => {
    const before = dossierCount();
    const r = await fetch(`${s.base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jws: 'a'.repeat(5 * 1024 * 1024) }),
    });
    assert.equal(r.status, 413);
    assert.equal(r.headers.get('content-type'), PROBLEM_JSON);
    const body = (await r.json()) as Record<string, unknown>;
    assert.equal(body.type, 'urn:dvc-forms:problem:payload-too-large');
    assert.equal(dossierCount(), before);
  });

  test('(g) a JWS with alg "none" is refused', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const signed = await signPayload(built.payload, signer);
    const [, payloadB64] = signed.split('.');
    const header = b64(JSON.stringify({ alg: 'none', typ: 'dvc-submission+jws' }));
    const body = await refused(`${header}.${payloadB64}.`);
    assert.deepEqual(errorsOf(body), [ALG_NONE]);
    // The same with an empty signature part but a signature-shaped string: still the alg.
    const body2 = await refused(`${header}.${payloadB64}.${b64('x'.repeat(64))}`);
    assert.deepEqual(errorsOf(body2), [ALG_NONE]);
  });

  test('a JWS whose payload was changed after signing is refused', async () => {
    const built = await honest(caseNamed(TWO_COPIES));
    const [h, , sig] = (await signPayload(built.payload, signer)).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...built.payload, fee: { ...built.payload.fee, total: 0 } }),
    ).toString('base64url');
    const body = await refused(`${h}.${forged}.${sig}`);
    assert.deepEqual(errorsOf(body), [
      {
        code: 'signature-invalid',
        message: 'The signature does not match the header and payload.',
      },
    ]);
  });

  test('the status lookup answers the same for an unknown code and a wrong second factor', async () => {
    const answers = caseNamed(TWO_COPIES);
    const built = await honest(answers);
    const r = await postDossier(s.base, await signPayload(built.payload, signer));
    assert.equal(r.status, 201);
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    const phone = (answers as { requester: { phone: string } }).requester.phone;
    const lookup = async (code: string, secret: string) => {
      const res = await fetch(
        `${s.base}/api/status?code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`,
      );
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        body: await res.text(),
      };
    };
    const right = await lookup(dossierCode, phone);
    assert.equal(right.status, 200);
    assert.equal((JSON.parse(right.body) as { dossierCode: string }).dossierCode, dossierCode);
    const wrongSecret = await lookup(dossierCode, '0987654321');
    const unknownCode = await lookup('KS-261126-ZZZZ', phone);
    const malformedCode = await lookup('nonsense', phone);
    const badSecret = await lookup(dossierCode, 'not-a-number');
    assert.equal(wrongSecret.status, 404);
    assert.equal(wrongSecret.type, PROBLEM_JSON);
    // Byte for byte the same answer: nothing tells the caller whether the code exists.
    assert.equal(unknownCode.body, wrongSecret.body);
    assert.equal(malformedCode.body, wrongSecret.body);
    assert.equal(badSecret.body, wrongSecret.body);
    assert.equal(
      (JSON.parse(wrongSecret.body) as { type: string }).type,
      'urn:dvc-forms:problem:dossier-not-found',
    );
    assert.doesNotMatch(wrongSecret.body, new RegExp(dossierCode));
  });

  test('the clerk API refuses without the token, however the path is spelled', async () => {
    const paths = [
      '/api/clerk/dossiers',
      '/api/clerk/dossiers/KS-261126-ZZZZ',
      // The router percent-decodes before matching: these reach the clerk routes too.
      '/api/%63lerk/dossiers',
      '/%61pi/clerk/dossiers',
      '/api/clerk%2Fdossiers',
      '/API/clerk/dossiers',
    ];
    for (const path of paths) {
      for (const headers of [
        {},
        { authorization: 'Bearer wrong-token' },
        { authorization: `Basic ${CLERK_TOKEN}` },
      ] as Record<string, string>[]) {
        const r = await fetch(`${s.base}${path}`, { headers });
        const body = (await r.json()) as { type: string };
        assert.deepEqual(
          { path, status: r.status, type: body.type },
          { path, status: 401, type: 'urn:dvc-forms:problem:clerk-unauthorized' },
        );
      }
    }
    const changed = await fetch(`${s.base}/api/%63lerk/dossiers/KS-261126-ZZZZ/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'processing' }),
    });
    assert.equal(changed.status, 401);
    const ok = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { authorization: `Bearer ${CLERK_TOKEN}` },
    });
    assert.equal(ok.status, 200);
  });

  test('the strict-CSP page keeps its policy however its path is spelled', async () => {
    const encoded = [
      STRICT_CSP_PAGE,
      STRICT_CSP_PAGE.replace('.html', '%2Ehtml'),
      STRICT_CSP_PAGE.replace('/c', '/%63'),
      `${STRICT_CSP_PAGE}?lang=en`,
    ];
    for (const path of encoded) {
      const r = await fetch(`${s.base}${path}`);
      await r.arrayBuffer();
      assert.deepEqual(
        { path, status: r.status, csp: r.headers.get('content-security-policy') },
        { path, status: 200, csp: STRICT_CSP },
      );
    }
  });
});
