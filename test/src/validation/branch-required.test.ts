/**
 * A member every `anyOf`/`oneOf` branch requires is required whichever branch the person meets:
 * when it is missing, ajv reports the keyword on the object (which no question owns) and a
 * `required` in each branch. The problem is then the member's own `required`, at the member, as
 * a plain `required` gives, so the form shows it at that question and verify says the same.
 * A member only some branches require keeps the keyword's problem on the object.
 * A `$ref`'d branch counts as an inline one (fixtures/branch-required.json): ajv reports its
 * errors at the target (`#/$defs/x/required`), and they used to be taken for plain `required`s
 * outside the keyword, each reported beside the keyword's problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createValidator } from '../../../src/validation/index.js';
import { compileSchema } from '../../../src/validation/compiler.js';
import { decidePayload } from '../../../src/verify/data-checks.js';
import type { JsonSchema, Procedure } from '../../../src/procedure/types.js';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../components/form/fixtures/ref-beside-required.json', import.meta.url),
    'utf8',
  ),
) as Procedure;

function procedureWith(applicant: JsonSchema): Procedure {
  const procedure = structuredClone(fixture);
  (procedure.data.properties as Record<string, JsonSchema>).applicant = applicant;
  return procedure;
}

const validatorWith = (applicant: JsonSchema) => createValidator(procedureWith(applicant));

const branches = (...sets: string[][]): JsonSchema[] =>
  sets.map((required) => ({ type: 'object', required }));

const brief = (problems: { code: string; path: string; message: string }[]) =>
  problems.map(({ code, path, message }) => ({ code, path, message }));

for (const keyword of ['anyOf', 'oneOf'] as const) {
  test(`a member every ${keyword} branch requires is reported as required at the member`, async () => {
    const v = await validatorWith({
      $ref: '#/$defs/person',
      type: 'object',
      [keyword]: branches(['phone', 'email'], ['phone']),
    });
    const result = v.validate({ applicant: { fullName: 'Nguyễn Văn A', email: 'a@b.vn' } });
    assert.deepEqual(brief(result.problems), [
      { code: 'required', path: '/applicant/phone', message: 'Nhập số điện thoại' },
    ]);
    assert.deepEqual(result.problems[0].params, { label: 'Số điện thoại' });
    // As a plain `required` words it, in English too.
    const en = v.validate({ applicant: { fullName: 'A' } }, { lang: 'en' });
    assert.deepEqual(brief(en.problems), [
      { code: 'required', path: '/applicant/phone', message: 'Enter the phone' },
    ]);
    // Leaving the phone question asks for its own problems: the required one is among them.
    const within = v.validate({ applicant: { fullName: 'A' } }, { within: 'applicant.phone' });
    assert.deepEqual(brief(within.problems), [
      { code: 'required', path: '/applicant/phone', message: 'Nhập số điện thoại' },
    ]);
    assert.equal(v.validate({ applicant: { fullName: 'A', phone: '0912345678' } }).valid, true);
    // The receiver decides the same answers the same way (verify's invalid-answers problems).
    const decided = await decidePayload(
      { answers: { applicant: { fullName: 'A' } }, documents: [] },
      v.procedure,
      Date.UTC(2026, 11, 7),
    );
    assert.deepEqual(brief(decided.problems), [
      { code: 'required', path: '/applicant/phone', message: 'Enter the phone' },
    ]);
  });
}

test('a member only some anyOf branches require keeps the anyOf problem on the object', async () => {
  const v = await validatorWith({
    $ref: '#/$defs/person',
    type: 'object',
    anyOf: branches(['phone'], ['email']),
  });
  assert.deepEqual(brief(v.validate({ applicant: { fullName: 'A' } }).problems), [
    {
      code: 'any-of',
      path: '/applicant',
      message: 'Thông tin này chưa khớp với lựa chọn nào được chấp nhận',
    },
  ]);
});

const table = JSON.parse(
  readFileSync(new URL('fixtures/branch-required.json', import.meta.url), 'utf8'),
) as {
  defs: Record<string, JsonSchema>;
  cases: {
    name: string;
    applicant: JsonSchema;
    answers: Record<string, unknown>;
    problems: { code: string; path: string }[];
    fix: Record<string, unknown>;
  }[];
};

for (const c of table.cases)
  test(`branch required: ${c.name}`, async () => {
    const procedure = procedureWith(c.applicant);
    Object.assign(procedure.data.$defs as Record<string, JsonSchema>, table.defs);
    const v = await createValidator(procedure);
    const result = v.validate({ applicant: c.answers });
    assert.deepEqual(
      result.problems.map(({ code, path }) => ({ code, path })),
      c.problems,
    );
    // What ajv says: these answers are refused, the fixed ones accepted.
    const validate = compileSchema(procedure.data);
    assert.equal(validate({ applicant: c.answers }), false);
    assert.equal(validate({ applicant: c.fix }), true, JSON.stringify(validate.errors));
  });
