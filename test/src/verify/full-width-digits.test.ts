/**
 * Full-width digits (U+FF10–FF19) and the other compatibility forms Vietnamese and CJK IMEs type
 * on phones are read as ASCII digits in every answer whose format expects digits, so what the
 * form accepts in the browser the receiver accepts: the form's normalisation and validation (the
 * engine's validator, as a session runs it) and the server's `verifySubmission` of the payload
 * the form would sign must agree, whatever mix of full-width and ASCII digits, spaces, dashes
 * (en dash, full-width) and zero-width spaces was typed. The value signed is the normalised one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { verifySubmission } from '../../../src/verify/index.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import { createValidator, type ValidationResult } from '../../../src/validation/index.js';
import { createRules } from '../../../src/rules/index.js';
import { buildSubmissionPayload, sha256Hex } from '../../../src/submission/index.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  signPayload,
  type WebCryptoSigner,
} from '../../../src/signing/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { canonicalize } from '../../../src/jcs/index.js';
import { ID_CARD, NOW, SUBMITTED } from './helpers.js';

// A procedure with a `vn-mobile` phone, a `vn-personal-id` and a `date` (the signed-before
// fixture's: its member formats sit in an `allOf` branch, which normalisation reads too).
const text = readFileSync(new URL('fixtures/split-members.json', import.meta.url), 'utf8');
const loaded = loadProcedure(text);
assert.ok(loaded.ok);
const procedure = loaded.procedure;
const BASE = { fullName: 'Nguyễn Văn An', copies: 1, married: false };

/** Each ASCII digit as typed in full width. */
const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** What a person may type: digits in either width, separators between them. */
const SEPARATORS = [' ', '-', '–', '.', '\u3000', '\u200B', '－', '．', '\u00A0'];
function typed(digits: string) {
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.option(fc.constantFrom(...SEPARATORS), { freq: 3 }), {
        minLength: digits.length,
        maxLength: digits.length,
      }),
    )
    .map(([widths, seps]) =>
      [...digits]
        .map((d, i) => (widths[i] ? wide(d) : d) + (i < digits.length - 1 ? (seps[i] ?? '') : ''))
        .join(''),
    );
}

// Valid numbers, invalid ones (a wrong prefix, province or length) and digit strings at random.
const digits = (valid: string[], invalid: string[], random: RegExp) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 4 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
    { arbitrary: fc.stringMatching(random), weight: 1 },
  );
const phone = digits(['0912345678', '0387654321'], ['0112345678', '091234567'], /^0\d{8,10}$/);
const personalId = digits(
  ['001099012345', '079203000123'],
  ['999099012345', '00109901234'],
  /^0\d{10,12}$/,
);
const answers = fc
  .record({
    phone: phone.chain((p) => fc.tuple(fc.constant(p), typed(p), fc.boolean())),
    idNumber: personalId.chain((p) => fc.tuple(fc.constant(p), typed(p))),
    birthDate: fc.constantFrom('1990-05-12', '１９９０－０５－１２', '1990-05-１２'),
  })
  .map(
    ({ phone: [phoneDigits, phoneTyped, plus84], idNumber: [idDigits, idTyped], birthDate }) => ({
      phoneDigits,
      idDigits,
      answers: {
        ...BASE,
        // `+84 912…` for `0912…`, in either width, as the IME types it.
        phone: plus84 && phoneDigits.startsWith('0') ? `＋８４ ${phoneTyped.slice(1)}` : phoneTyped,
        idNumber: idTyped,
        birthDate,
      },
    }),
  );

/** Signs `answers` as the form would for `proc` (read from `procText`) and verifies the payload. */
async function signAndVerify(
  proc: Procedure,
  procText: string,
  signer: WebCryptoSigner,
  answers: Record<string, unknown>,
) {
  const rules = await createRules(proc, { today: '2025-07-01' }).evaluate(answers);
  const payload = buildSubmissionPayload({
    procedure: proc,
    procedureSha256: await sha256Hex(procText),
    answers,
    rules,
    documents: [ID_CARD],
    lang: 'vi',
    nonce: 'ZnVsbC13aWR0aC1kaWdpdHM',
    now: SUBMITTED,
  });
  return verifySubmission(await signPayload(payload, signer), {
    procedure: proc,
    procedureText: procText,
    now: NOW,
    trustedKeys: [signer.publicJwk],
    attachments: { 'https://upload.example.gov.vn/files/1': ID_CARD.sha256 },
  });
}

/**
 * Signs what the form would and checks that the receiver decides as the form did: the normalised
 * answers when the form accepts them; when it does not, a client ignoring its own check could
 * only sign the answers as typed. An accepted payload's answers must be `stored`. Whether the
 * receiver accepted.
 */
async function receiverAgrees(
  proc: Procedure,
  procText: string,
  signer: WebCryptoSigner,
  typedAnswers: Record<string, unknown>,
  client: ValidationResult,
  stored: Record<string, unknown>,
): Promise<boolean> {
  const accepts = client.problems.length === 0;
  const result = await signAndVerify(proc, procText, signer, accepts ? client.value : typedAnswers);
  assert.equal(
    result.ok,
    accepts,
    `${canonicalize(typedAnswers)}: ${JSON.stringify(!result.ok && result.errors)}`,
  );
  if (result.ok) assert.deepEqual(result.submission.answers, stored);
  return result.ok;
}

test('the form and the receiver agree on answers typed with full-width digits', async () => {
  const validator = await createValidator(procedure);
  const asciiValidity = (a: Record<string, unknown>) => validator.validate(a).problems.length === 0;
  const signer = await createWebCryptoSigner(await generateSigningKey());
  let accepted = 0;

  await fc.assert(
    fc.asyncProperty(answers, async ({ phoneDigits, idDigits, answers: typedAnswers }) => {
      const client = validator.validate(typedAnswers);
      // The same answers typed in ASCII digits without separators: the width and the separators
      // never change whether the form accepts them, nor what it stores.
      const ascii = { ...BASE, phone: phoneDigits, idNumber: idDigits, birthDate: '1990-05-12' };
      assert.equal(client.problems.length === 0, asciiValidity(ascii), JSON.stringify(client));
      if (client.problems.length === 0) assert.deepEqual(client.value, ascii);

      if (await receiverAgrees(procedure, text, signer, typedAnswers, client, ascii)) accepted++;
    }),
    { numRuns: 150 },
  );
  // Not vacuous: valid numbers typed in full width were among those accepted.
  assert.ok(accepted > 10, `only ${accepted} accepted`);
});

test('full-width digits become ASCII in every format that expects digits, and only there', async () => {
  const data = {
    type: 'object',
    properties: {
      personalId: { type: 'string', format: 'vn-personal-id' },
      cmnd: { type: 'string', format: 'vn-cmnd' },
      mobile: { type: 'string', format: 'vn-mobile' },
      taxCode: { type: 'string', format: 'vn-tax-code' },
      socialInsurance: { type: 'string', format: 'vn-social-insurance' },
      postalCode: { type: 'string', format: 'vn-postal-code' },
      province: { type: 'string', format: 'vn-province-2025' },
      passport: { type: 'string', format: 'passport-number' },
      date: { type: 'string', format: 'date' },
      note: { type: 'string' },
      name: { type: 'string', format: 'vn-person-name' },
    },
  };
  const validator = await createValidator({ ...procedure, data } as typeof procedure);
  const result = validator.validate({
    personalId: '００１ ０９９ ０１２ ３４５',
    cmnd: '０１２３４５６７８',
    mobile: '＋８４ ９１２－３４５－６７８',
    taxCode: '０１００１０９１０６－００１',
    socialInsurance: '０１２３４５６７８９',
    postalCode: '１００００',
    province: '０１',
    passport: 'Ｃ１２３４５６７',
    date: '２０２５－０７－０１',
    note: 'Số ０１ ＡＢＣ',
    name: 'Nguyễn Văn An',
  });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.value, {
    personalId: '001099012345',
    cmnd: '012345678',
    mobile: '0912345678',
    taxCode: '0100109106-001',
    socialInsurance: '0123456789',
    postalCode: '10000',
    province: '01',
    passport: 'C1234567',
    date: '2025-07-01',
    // Free text keeps what was written: NFKC is only for the digit formats.
    note: 'Số ０１ ＡＢＣ',
    name: 'Nguyễn Văn An',
  });
});

// The same procedure with answers checked only by a `pattern`: a household book number of six
// digits, a case number `NNN-NNNN` and a free reference that any 6 to 20 characters satisfy.
const patternText = (() => {
  const p = JSON.parse(text) as Procedure & { data: { properties: Record<string, unknown> } };
  p.data.properties.householdBook = { type: 'string', pattern: '^[0-9]{6}$' };
  p.data.properties.caseNumber = { type: 'string', pattern: '^\\d{3}-\\d{4}$' };
  p.data.properties.reference = { type: 'string', pattern: '^.{6,20}$' };
  const step = p.ui.steps.find((s) => s.id === 'details')!;
  step.fields.push(
    {
      field: 'householdBook',
      widget: 'text',
      label: { vi: 'Số sổ hộ khẩu', en: 'Household book number' },
    },
    { field: 'caseNumber', widget: 'text', label: { vi: 'Số hồ sơ', en: 'Case number' } },
    { field: 'reference', widget: 'text', label: { vi: 'Mã tham chiếu', en: 'Reference' } },
  );
  return JSON.stringify(p, null, 2);
})();
const patternLoaded = loadProcedure(patternText);
assert.ok(patternLoaded.ok, JSON.stringify(!patternLoaded.ok && patternLoaded.problems));
const patternProcedure = patternLoaded.procedure;
const VALID = { ...BASE, phone: '0912345678', idNumber: '001099012345', birthDate: '1990-05-12' };

/** What a full-width string looks like: U+FF01–FF5E and the ideographic space as ASCII. */
const narrow = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

/** Digits in either width, mostly without separators (a pattern of digits refuses those). */
const typedDigits = (d: string) =>
  fc
    .oneof(
      {
        arbitrary: fc.array(fc.boolean(), { minLength: d.length, maxLength: d.length }),
        weight: 4,
      },
      { arbitrary: typed(d), weight: 1 },
    )
    .map((w) => (typeof w === 'string' ? w : [...d].map((c, i) => (w[i] ? wide(c) : c)).join('')));

const patternAnswers = fc.record({
  householdBook: digits(['012345', '790203'], ['01234', '0123456'], /^\d{4,8}$/).chain(typedDigits),
  caseNumber: fc
    .tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{4}$|^\d{3,5}$/), fc.boolean())
    .chain(([a, b, wideDash]) =>
      fc
        .tuple(typedDigits(a), typedDigits(b))
        .map(([ta, tb]) => `${ta}${wideDash ? '－' : '-'}${tb}`),
    ),
  // Free text the pattern accepts as typed (full-width digits and letters included): kept so.
  reference: fc.constantFrom('０１２３４５６', 'Số ０１ ＡＢＣ', 'HS-２０２５-０７', 'abc１２３'),
});

test('pattern-only answers: the form and the receiver agree, full-width digits read as the digits they show', async () => {
  const validator = await createValidator(patternProcedure);
  const signer = await createWebCryptoSigner(await generateSigningKey());
  let accepted = 0;
  let folded = 0;

  await fc.assert(
    fc.asyncProperty(patternAnswers, async (typedPart) => {
      const typedAnswers = { ...VALID, ...typedPart };
      const client = validator.validate(typedAnswers);
      // The same answers as they look (full-width made ASCII, zero-width spaces gone), the
      // reference as typed: the width of the digits never changes the form's decision.
      const looks = {
        ...VALID,
        householdBook: narrow(typedPart.householdBook).replace(/\u200B/g, ''),
        caseNumber: narrow(typedPart.caseNumber),
        reference: typedPart.reference,
      };
      const asLooks = validator.validate(looks);
      assert.deepEqual(client.problems, asLooks.problems, canonicalize(typedAnswers));
      // Accepted, it is stored as it looks; refused, it stays as typed (no fold helps it).
      if (client.problems.length === 0) assert.deepEqual(client.value, asLooks.value);
      assert.equal(client.value.reference, typedPart.reference);
      if (client.problems.length === 0 && /[\uFF10-\uFF19]/.test(typedPart.householdBook)) folded++;

      const stored = asLooks.value;
      if (await receiverAgrees(patternProcedure, patternText, signer, typedAnswers, client, stored))
        accepted++;
    }),
    { numRuns: 150 },
  );
  // Not vacuous: full-width household book numbers were folded and accepted.
  assert.ok(accepted > 10 && folded > 5, `accepted ${accepted}, folded ${folded}`);
});

test('a digit pattern folds full-width digits it accepts, and words the refusal of the rest', async () => {
  const validator = await createValidator(patternProcedure);
  const accepted = validator.validate({
    ...VALID,
    householdBook: '０１２３４５',
    caseNumber: '１２３－４５６７',
    reference: '０１２３４５６',
  });
  assert.deepEqual(accepted.problems, []);
  // The reference's pattern accepts it as typed: kept so, as a payload signed before the fold.
  assert.deepEqual(accepted.value, {
    ...VALID,
    householdBook: '012345',
    caseNumber: '123-4567',
    reference: '０１２３４５６',
  });

  // Five digits, a letter (never folded, even where the pattern would then accept it), too short.
  const refused = {
    ...VALID,
    householdBook: '０１２３４',
    caseNumber: '１２３－４５６Ａ',
    reference: 'ＡＢ',
  };
  const problem = (path: string, label: string, pattern: string, message: string) => ({
    code: 'pattern',
    path,
    message,
    params: { pattern, label },
  });
  assert.deepEqual(validator.validate(refused).problems, [
    problem('/householdBook', 'Số sổ hộ khẩu', '^[0-9]{6}$', 'Số sổ hộ khẩu chưa đúng định dạng'),
    problem('/caseNumber', 'Số hồ sơ', '^\\d{3}-\\d{4}$', 'Số hồ sơ chưa đúng định dạng'),
    problem('/reference', 'Mã tham chiếu', '^.{6,20}$', 'Mã tham chiếu chưa đúng định dạng'),
  ]);
  assert.deepEqual(validator.validate(refused, { lang: 'en' }).problems, [
    problem(
      '/householdBook',
      'Household book number',
      '^[0-9]{6}$',
      'Household book number is not in the right format',
    ),
    problem(
      '/caseNumber',
      'Case number',
      '^\\d{3}-\\d{4}$',
      'Case number is not in the right format',
    ),
    problem('/reference', 'Reference', '^.{6,20}$', 'Reference is not in the right format'),
  ]);

  // The receiver refuses the same answers with the same reasons (a client ignoring its checks).
  const signer = await createWebCryptoSigner(await generateSigningKey());
  const result = await signAndVerify(patternProcedure, patternText, signer, refused);
  assert.equal(result.ok, false);
  const refusal = (field: string, label: string) => [
    'invalid-answers',
    `/answers/${field}`,
    `Answer at /answers/${field} is invalid (pattern): ${label} is not in the right format`,
  ];
  assert.deepEqual(!result.ok && result.errors.map((e) => [e.code, e.pointer, e.message]), [
    refusal('householdBook', 'Household book number'),
    refusal('caseNumber', 'Case number'),
    refusal('reference', 'Reference'),
  ]);

  // What the form signs verifies; the digits as typed, unfolded, are not what it would sign.
  assert.equal(
    (await signAndVerify(patternProcedure, patternText, signer, accepted.value)).ok,
    true,
  );
  const unfolded = { ...accepted.value, householdBook: '０１２３４５' };
  const forged = await signAndVerify(patternProcedure, patternText, signer, unfolded);
  assert.deepEqual(!forged.ok && forged.errors.map((e) => [e.code, e.pointer, e.message]), [
    [
      'answers-not-normalized',
      '/answers',
      "The answers are not in normalised form (they differ from the validator's normalised value).",
    ],
  ]);
});
