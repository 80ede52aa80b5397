/**
 * Format 1.1 (issue 19, points 2 and 3): named conditions referenced from rules, fee items and
 * reductions; set operators; `check` rules whose failure is a problem at a field — decided by
 * the session for the form, `check` and verify alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkAnswers } from '../../../src/cli/commands/check.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { createRules } from '../../../src/rules/index.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { decidePayload } from '../../../src/verify/data-checks.js';

const base = JSON.parse(
  readFileSync(new URL('../procedure/fixtures/valid-minimal.json', import.meta.url), 'utf8'),
);

/** The minimal procedure as format 1.1 with passport dates, a list of documents held and `change`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function procedure(change: (p: Record<string, any>) => void): {
  text: string;
  procedure: Procedure;
} {
  const p = structuredClone(base);
  p.formatVersion = 1.1;
  p.data.properties.passport = {
    type: 'object',
    properties: {
      issueDate: { type: 'string', format: 'date' },
      expiryDate: { type: 'string', format: 'date' },
    },
  };
  p.data.properties.held = {
    type: 'array',
    items: { type: 'string', enum: ['cccd', 'passport', 'licence'] },
    uniqueItems: true,
  };
  p.ui.steps[1].fields.push(
    { field: 'passport.issueDate', widget: 'date', label: { vi: 'Ngày cấp hộ chiếu' } },
    { field: 'passport.expiryDate', widget: 'date', label: { vi: 'Ngày hết hạn hộ chiếu' } },
  );
  change(p);
  const text = JSON.stringify(p, null, 2);
  const loaded = loadProcedure(text);
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.ok);
  return { text, procedure: loaded.procedure };
}

const ISSUE_BEFORE_EXPIRY = {
  id: 'issue-before-expiry',
  kind: 'check',
  field: 'passport.expiryDate',
  conditions: {
    all: [
      {
        fact: 'passport.issueDate',
        operator: 'dateBefore',
        value: { fact: 'passport.expiryDate' },
      },
    ],
  },
  message: {
    vi: 'Ngày hết hạn hộ chiếu phải sau ngày cấp',
    en: 'The passport expiry date must be after its issue date',
  },
};

test('set operators: containsAny, containsAll, containsNone on lists and single values', async () => {
  const { procedure: p } = procedure(() => {});
  const decide = async (operator: string, value: unknown, held: unknown) => {
    const rules = createRules(
      {
        ...p,
        rules: [
          {
            id: 'r',
            kind: 'eligibility',
            conditions: { all: [{ fact: 'held', operator, value }] },
            reason: { vi: 'Không.' },
          },
        ],
      },
      { today: '2025-07-31', onProblem: () => {} },
    );
    return (await rules.evaluate(held === undefined ? {} : { held })).eligibility.status;
  };
  assert.equal(
    await decide('containsAny', ['passport', 'licence'], ['cccd', 'licence']),
    'eligible',
  );
  assert.equal(await decide('containsAny', ['passport', 'licence'], ['cccd']), 'ineligible');
  assert.equal(
    await decide('containsAll', ['cccd', 'passport'], ['passport', 'cccd', 'licence']),
    'eligible',
  );
  assert.equal(await decide('containsAll', ['cccd', 'passport'], ['cccd']), 'ineligible');
  assert.equal(await decide('containsNone', ['licence'], ['cccd']), 'eligible');
  assert.equal(await decide('containsNone', ['licence'], ['licence']), 'ineligible');
  // One value is a set of one; an unanswered list is undecided.
  assert.equal(await decide('containsAny', ['cccd'], 'cccd'), 'eligible');
  assert.equal(await decide('containsAny', ['cccd'], undefined), 'unknown');
});

test('a named condition is shared by a rule, a fee item and a reduction, and runs when its fields change', async () => {
  const { procedure: p } = procedure((x) => {
    x.conditions = {
      foreignPassport: { all: [{ fact: 'held', operator: 'containsAny', value: ['passport'] }] },
      manyCopies: {
        all: [
          { fact: 'copies', operator: 'greaterThan', value: 2 },
          { condition: 'foreignPassport' },
        ],
      },
    };
    x.fees.items.push({
      id: 'translation',
      label: { vi: 'Phí dịch' },
      amount: 50000,
      when: { all: [{ condition: 'foreignPassport' }] },
    });
    x.fees.reductions = [
      {
        id: 'bulk',
        label: { vi: 'Giảm khi xin nhiều bản' },
        percent: 10,
        when: { any: [{ condition: 'manyCopies' }] },
      },
    ];
    x.rules.push({
      id: 'passport-dates',
      kind: 'require',
      conditions: { not: { condition: 'foreignPassport' } },
      targets: { fields: ['phone'] },
    });
  });
  const rules = createRules(p, {
    today: '2025-07-31',
    onProblem: (e) => assert.fail(e.message.en),
  });
  const r1 = await rules.evaluate({ held: ['passport'], copies: 3 });
  const lines = (r: typeof r1) =>
    r.fee.items.map((l) => [l.id, l.subtotal, l.reductions.map((x) => x.id)]);
  assert.deepEqual(lines(r1), [
    ['copy-fee', 3 * 8000 * 0.9, ['bulk']],
    ['translation', 45000, ['bulk']],
  ]);
  assert.deepEqual(r1.required.fields, []);
  const r2 = await rules.evaluate({ held: ['cccd'], copies: 3 }, ['held']);
  assert.deepEqual(lines(r2), [['copy-fee', 24000, []]]);
  assert.deepEqual(r2.required.fields, ['phone']);
  assert.deepEqual(rules.dependencies()['fee:translation'], ['held']);
  assert.deepEqual(rules.dependencies()['reduction:bulk'], ['copies', 'held']);
});

test('a loop of named conditions is a rule problem, never a hang', async () => {
  const p = {
    ...procedure(() => {}).procedure,
    conditions: { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } },
    rules: [
      {
        id: 'r',
        kind: 'eligibility',
        conditions: { all: [{ condition: 'a' }] },
        reason: { vi: 'x' },
      },
    ],
  } as unknown as Procedure;
  const problems: string[] = [];
  const r = await createRules(p, {
    today: '2025-07-31',
    onProblem: (e) => problems.push(e.message.en),
  }).evaluate({});
  assert.equal(r.eligibility.status, 'unknown');
  assert.deepEqual(problems, [
    'The conditions of "rule:r" are malformed: the named conditions a → b → a form a loop. The rule is treated as undecidable.',
  ]);
});

test('a failed check rule is a problem at its field with the author message: form session, check and verify agree', async () => {
  const { text, procedure: p } = procedure((x) => x.rules.push(ISSUE_BEFORE_EXPIRY));
  const model = await ProcedureModel.create(p, { onRuleProblem: () => {} });
  const answers = {
    child: { fullName: 'Nguyễn Văn An', birthDate: '2020-01-01' },
    relation: 'mother',
    passport: { issueDate: '2025-01-10', expiryDate: '2024-01-10' },
  };
  const session = model.createSession({ today: '2025-07-31', lang: 'vi', answers });
  const state = await session.check();
  const expected = {
    code: 'rule-check',
    path: '/passport/expiryDate',
    message: 'Ngày hết hạn hộ chiếu phải sau ngày cấp',
    params: { rule: 'issue-before-expiry' },
  };
  assert.deepEqual(state.problems, [expected]);
  assert.equal(state.valid, false);
  // The form asks per field.
  assert.deepEqual(session.problemsFor('passport.expiryDate'), [expected]);
  assert.deepEqual(session.problemsFor('passport.issueDate'), []);
  session.setLang('en');
  assert.deepEqual(session.problemsFor('passport'), [
    { ...expected, message: 'The passport expiry date must be after its issue date' },
  ]);
  // dvc-forms check.
  const checked = await checkAnswers(p, answers, { today: '2025-07-31', lang: 'vi', model });
  assert.deepEqual(checked.report.problems, [
    { code: 'rule-check', path: '/passport/expiryDate', message: expected.message },
  ]);
  // verify: the server decides the same from the payload and refuses it.
  session.setLang('vi');
  await session.check();
  const payload = session.toPayload({
    procedureSha256: 'a'.repeat(64),
    now: new Date('2025-07-31T03:00:00Z'),
  });
  const server = await decidePayload(payload, p, Date.parse('2025-07-31T03:00:00Z'));
  // (The server words its problems in English.)
  assert.deepEqual(server.problems, [
    { ...expected, message: 'The passport expiry date must be after its issue date' },
  ]);
  assert.ok(text.includes('issue-before-expiry'));
  // Fixed: no problem anywhere.
  session.set('passport.expiryDate', '2035-01-10');
  assert.deepEqual((await session.check()).problems, []);
});

test('a check waits for its answers, and a field with its own problem shows that first', async () => {
  const { procedure: p } = procedure((x) => {
    x.data.properties.passport.required = ['issueDate', 'expiryDate'];
    x.rules.push(ISSUE_BEFORE_EXPIRY);
  });
  const model = await ProcedureModel.create(p, { onRuleProblem: () => {} });
  const session = model.createSession({
    today: '2025-07-31',
    answers: {
      child: { fullName: 'Nguyễn Văn An', birthDate: '2020-01-01' },
      relation: 'mother',
      passport: { issueDate: '2025-01-10' },
    },
  });
  const state = await session.check();
  assert.deepEqual(
    state.problems.map((x) => [x.code, x.path]),
    [['required', '/passport/expiryDate']],
  );
});
