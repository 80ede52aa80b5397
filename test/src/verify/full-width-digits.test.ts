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
import { createValidator } from '../../../src/validation/index.js';
import { createRules } from '../../../src/rules/index.js';
import { buildSubmissionPayload, sha256Hex } from '../../../src/submission/index.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  signPayload,
} from '../../../src/signing/index.js';
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

test('the form and the receiver agree on answers typed with full-width digits', async () => {
  const validator = await createValidator(procedure);
  const asciiValidity = (a: Record<string, unknown>) => validator.validate(a).problems.length === 0;
  const keyPair = await generateSigningKey();
  const signer = await createWebCryptoSigner(keyPair);
  const procedureSha256 = await sha256Hex(text);
  let accepted = 0;

  await fc.assert(
    fc.asyncProperty(answers, async ({ phoneDigits, idDigits, answers: typedAnswers }) => {
      const client = validator.validate(typedAnswers);
      // The same answers typed in ASCII digits without separators: the width and the separators
      // never change whether the form accepts them, nor what it stores.
      const ascii = { ...BASE, phone: phoneDigits, idNumber: idDigits, birthDate: '1990-05-12' };
      assert.equal(client.problems.length === 0, asciiValidity(ascii), JSON.stringify(client));
      if (client.problems.length === 0) assert.deepEqual(client.value, ascii);

      // What the form signs: the normalised answers when it accepts them; when it does not, a
      // client ignoring its own check could only sign the answers as typed.
      const signed = client.problems.length === 0 ? client.value : typedAnswers;
      const rules = await createRules(procedure, { today: '2025-07-01' }).evaluate(signed);
      const payload = buildSubmissionPayload({
        procedure,
        procedureSha256,
        answers: signed,
        rules,
        documents: [ID_CARD],
        lang: 'vi',
        nonce: 'ZnVsbC13aWR0aC1kaWdpdHM',
        now: SUBMITTED,
      });
      const result = await verifySubmission(await signPayload(payload, signer), {
        procedure,
        procedureText: text,
        now: NOW,
        trustedKeys: [signer.publicJwk],
        attachments: { 'https://upload.example.gov.vn/files/1': ID_CARD.sha256 },
      });
      assert.equal(
        result.ok,
        client.problems.length === 0,
        `${canonicalize(typedAnswers)}: ${JSON.stringify(!result.ok && result.errors)}`,
      );
      if (result.ok) {
        accepted++;
        assert.deepEqual(result.submission.answers, ascii);
      }
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
