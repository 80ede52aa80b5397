/**
 * Normalisation reads a member the way ajv applies it (src/procedure/schema-paths.ts `applied`,
 * `appliedPart`): every part declaring it, joined, so a `format` written in a second `allOf`
 * branch, behind a `$ref` or in a list's second declaration gives the value its canonical form.
 * It used to read the first declaration only: the citizen's `+84 912 345 678` stayed as typed
 * and ajv, which applies the format anyway, refused a right number. A format ajv applies only to
 * some values (an `anyOf` branch) is still not applied, as before: the value may pass another way.
 * Each fixture case says what ajv accepts: the normalised answers always, the typed ones when
 * `typedAccepted`.
 *
 * Signed payloads: a payload the previous build signed holds values ajv accepted under every
 * format it applies, and each format's normalisation is the identity on the values it accepts
 * (the property below), so normalising them by a format the old rule skipped changes nothing
 * and they still verify (test/src/verify/signed-before.test.ts checks one signed by it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';
import { compileSchema } from '../../../src/validation/compiler.js';
import { normalizeAnswers } from '../../../src/validation/normalize.js';
import { normalizeFormat, normalizeText } from '../../../src/validation/formats.js';
import { loadPhoneEngine } from '../../../src/validation/foreign-formats.js';

interface Case {
  name: string;
  data: JsonSchema;
  answers: Record<string, unknown>;
  normalised: Record<string, unknown>;
  typedAccepted: boolean;
}

const cases = JSON.parse(
  readFileSync(new URL('fixtures/split-members.json', import.meta.url), 'utf8'),
) as Case[];

for (const c of cases)
  test(`split members: ${c.name}`, () => {
    const procedure = { data: c.data, ui: { steps: [] } } as unknown as Procedure;
    assert.deepEqual(normalizeAnswers(procedure, c.answers), c.normalised);
    const validate = compileSchema(c.data);
    assert.equal(validate(c.normalised), true, JSON.stringify(validate.errors));
    assert.equal(validate(c.answers), c.typedAccepted);
  });

const FORMATS = [
  'vn-mobile',
  'vn-tax-code',
  'vn-personal-id',
  'vn-cmnd',
  'vn-social-insurance',
  'vn-postal-code',
  'vn-province-2025',
  'intl-phone',
  'passport-number',
];
const SAMPLES = ['0912345678', '0100109106-001', '001099012345', '+442079460958', 'C1234567', '01'];

test('every value a format accepts is its own canonical form (old signatures stay valid)', async () => {
  await loadPhoneEngine();
  const validators = FORMATS.map((format) => ({
    format,
    validate: compileSchema({ type: 'string', format } as JsonSchema),
  }));
  const chars = [...'0123456789+-. ()AbC'];
  const value = fc.oneof(
    fc.string({ unit: fc.constantFrom(...chars), maxLength: 16 }),
    fc
      .tuple(
        fc.constantFrom(...SAMPLES),
        fc.nat(16),
        fc.constantFrom(' ', '-', '.', '+', '00', '84'),
      )
      .map(([s, i, x]) => s.slice(0, i) + x + s.slice(i)),
    fc.constantFrom(...SAMPLES),
  );
  let accepted = 0;
  fc.assert(
    fc.property(value, (v) => {
      const s = normalizeText(v);
      for (const { format, validate } of validators)
        if (validate(s)) {
          accepted++;
          assert.equal(normalizeFormat(format, s), s, `${format}: ${JSON.stringify(s)}`);
        }
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 500, `only ${accepted} accepted values`);
});
