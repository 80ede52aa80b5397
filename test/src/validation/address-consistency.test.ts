/**
 * Issue 19, point 9: the commune must belong to the province chosen beside it — in the session
 * (the form), in `dvc-forms check` and in verify, not only in the address widget.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkAnswers } from '../../../src/cli/commands/check.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { decidePayload } from '../../../src/verify/data-checks.js';

const dir = new URL('../../../schemas/procedures/', import.meta.url);
const loaded = loadProcedure(readFileSync(new URL('dang-ky-thuong-tru.json', dir), 'utf8'));
assert.ok(loaded.ok);
const procedure = loaded.procedure;
const cases = JSON.parse(readFileSync(new URL('dang-ky-thuong-tru.cases.json', dir), 'utf8'));
const today = cases.today as string;

test('a Hà Nội commune with Hồ Chí Minh City as province is refused at the commune, everywhere', async () => {
  const answers = structuredClone(cases.cases[0].answers);
  assert.equal(answers.residence.address.commune, '00004');
  answers.residence.address.province = '79';
  const model = await ProcedureModel.create(procedure, { onRuleProblem: () => {} });
  const session = model.createSession({ today, answers });
  const state = await session.check();
  const expected = {
    code: 'commune-not-in-province',
    path: '/residence/address/commune',
  };
  assert.deepEqual(
    state.problems.map((p) => ({ code: p.code, path: p.path })),
    [expected],
  );
  assert.match(state.problems[0]!.message, /không thuộc tỉnh, thành phố đã chọn/);
  assert.equal(state.valid, false);
  const checked = await checkAnswers(procedure, answers, { today, lang: 'vi', model });
  assert.deepEqual(
    checked.report.problems.map((p) => ({ code: p.code, path: p.path })),
    [expected],
  );
  const payload = session.toPayload({
    procedureSha256: 'a'.repeat(64),
    now: new Date(`${today}T03:00:00Z`),
  });
  const server = await decidePayload(payload, procedure, Date.parse(`${today}T03:00:00Z`));
  assert.deepEqual(
    server.problems.map((p) => ({ code: p.code, path: p.path })),
    [expected],
  );
  // The right province: no problem.
  session.set('residence.address.province', '01');
  assert.deepEqual((await session.check()).problems, []);
});

test('an unknown code is a format problem only, never also an address mismatch', async () => {
  const answers = structuredClone(cases.cases[0].answers);
  answers.residence.address.commune = '99999';
  const model = await ProcedureModel.create(procedure, { onRuleProblem: () => {} });
  const state = await model.createSession({ today, answers }).check();
  assert.deepEqual(
    state.problems.map((p) => p.code),
    ['format.vn-commune-2025'],
  );
});
