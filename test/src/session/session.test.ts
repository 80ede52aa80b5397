import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/types.js';
import { ProcedureModel } from '../../../src/session/index.js';

const FIXTURE = JSON.parse(
  readFileSync(new URL('../verify/fixtures/extract-copy.json', import.meta.url), 'utf8'),
) as Procedure;

/** The fixture plus a rule that hides the poor-household question from married applicants. */
const PROCEDURE: Procedure = {
  ...FIXTURE,
  rules: [
    ...FIXTURE.rules,
    {
      id: 'show-poor',
      kind: 'show',
      conditions: { all: [{ fact: 'married', operator: 'equal', value: false }] },
      targets: { fields: ['isPoorHousehold'] },
    },
  ],
};

const ANSWERS = { fullName: 'Nguyễn Văn An', birthDate: '1990-05-12', copies: 2, married: false };

async function session(answers: Record<string, unknown> = ANSWERS) {
  const model = await ProcedureModel.create(PROCEDURE, { onRuleProblem: () => {} });
  return model.createSession({ today: '2025-07-01', answers });
}

test('check() decides eligibility, visibility, requirements, documents, fee and problems', async () => {
  const s = await session();
  const state = await s.check();
  assert.equal(state.eligibility.status, 'eligible');
  assert.deepEqual(state.hidden.fields.sort(), ['attachments.marriageCert', 'spouseName']);
  assert.deepEqual(state.documents.hidden, ['marriage-certificate']);
  assert.deepEqual(state.documents.required, ['id-card']);
  assert.deepEqual(
    state.documents.problems.map((p) => [p.code, p.slot]),
    [['document-missing', 'id-card']],
  );
  assert.equal(state.fee.total, 16_000);
  assert.deepEqual(state.problems, []);
  assert.equal(state.valid, false, 'a required document is missing');
});

test('a rule never reads an answer the rules hide: the server will not receive it', async () => {
  // Married, with a stale "poor household" answer from before: the question is hidden now, so
  // the 100% reduction must not apply — the payload carries no such answer, and verify would
  // recompute the full fee.
  const s = await session({
    ...ANSWERS,
    married: true,
    spouseName: 'Trần Thị Bình',
    isPoorHousehold: true,
  });
  const state = await s.check();
  assert.ok(state.hidden.fields.includes('isPoorHousehold'));
  assert.equal(state.fee.total, 16_000);
  assert.equal('isPoorHousehold' in state.normalised, false);
  s.set('married', false);
  const unmarried = await s.check();
  assert.equal(unmarried.fee.total, 0, 'shown again, the answer counts again');
});

test('set() re-runs only the rules that read the changed answer', async () => {
  const s = await session();
  await s.check();
  s.set('copies', 3);
  assert.equal((await s.check()).fee.total, 24_000);
  assert.deepEqual(s.lastEvaluation.evaluated, [], 'no rule reads copies');
  s.set('married', true);
  await s.check();
  assert.deepEqual(s.lastEvaluation.evaluated.sort(), [
    'reduction:poor',
    'rule:require-spouse',
    'rule:show-poor',
    'rule:show-spouse',
  ]);
  assert.ok(s.lastEvaluation.reused.includes('rule:adult'));
});

test('an emptied or blank answer is removed, so required reports it', async () => {
  const s = await session();
  s.set('fullName', '   ');
  assert.equal('fullName' in s.answers, false);
  const state = await s.check();
  assert.deepEqual(
    state.problems.map((p) => [p.code, p.path]),
    [['required', '/fullName']],
  );
  assert.deepEqual(
    s.problemsFor('fullName').map((p) => p.code),
    ['required'],
  );
  assert.deepEqual(s.problemsFor('copies'), []);
});

test('problemsFor() follows the language and a rule-required field', async () => {
  const s = await session({ ...ANSWERS, married: true });
  await s.check();
  assert.equal(s.problemsFor('spouseName')[0]?.code, 'required');
  s.setLang('en');
  assert.match(s.problemsFor('spouseName')[0]!.message, /[A-Za-z]/);
  assert.notEqual(
    s.problemsFor('spouseName')[0]!.message,
    (
      await session({ ...ANSWERS, married: true }).then(async (v) => (await v.check(), v))
    ).problemsFor('spouseName')[0]!.message,
  );
});

test('toPayload() signs the normalised answers of the last check', async () => {
  const s = await session({ ...ANSWERS, fullName: '  Nguyễn   Văn An ' });
  s.setDocuments([
    { slot: 'id-card', name: 'cc.jpg', type: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) },
  ]);
  const state = await s.check();
  assert.equal(state.valid, true);
  const payload = s.toPayload({
    procedureSha256: 'f'.repeat(64),
    nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    now: new Date('2025-07-01T02:00:00Z'),
  });
  assert.equal(payload.answers['fullName'], 'Nguyễn Văn An');
  assert.deepEqual(payload.fee.total, 16_000);
  assert.deepEqual(payload.eligibility, { status: 'eligible', reasons: [] });
  assert.equal(payload.documents.length, 1);
});
