/**
 * The one rule for an emptied answer (answered-items.ts: a field left empty is absent) holds in a
 * group inside a group's items too: each person of `people` has `children`, and a child's age
 * box emptied gives `null` as at any other level. Before, only the outer items were cleaned: the
 * child's `null` stayed, and the form and the server refused it ("Tuổi của con phải là một số
 * nguyên") although the question is optional.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Procedure } from '../../../src/procedure/types.js';
import { answeredOnly, setAnswer } from '../../../src/session/answered-items.js';
import { isAnswered } from '../../../src/session/field-path.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { checkSubmissionData, decidePayload } from '../../../src/verify/data-checks.js';

const PROCEDURE = JSON.parse(
  readFileSync(new URL('./fixtures/nested-repeat.json', import.meta.url), 'utf8'),
) as Procedure;
const TODAY = '2026-12-06';
const NOW = new Date('2026-12-06T03:00:00Z');
const model = ProcedureModel.create(PROCEDURE, { onRuleProblem: () => {} });

async function session(answers: Record<string, unknown> = {}) {
  return (await model).createSession({ today: TODAY, answers });
}

/** Every member of every item, at any depth, that is not an answer: `/people/0/children/1/age`. */
function unanswered(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unanswered(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    isAnswered(v) ? unanswered(v, `${at}/${k}`) : [`${at}/${k}`],
  );
}

test('set: a child emptied inside a person keeps only its answered members', async () => {
  const s = await session();
  s.set('people', [
    {
      fullName: 'Nguyễn Văn An',
      years: null,
      children: [
        { name: 'Nguyễn Văn Bình', age: null },
        { name: '  ', age: 3 },
        { name: '', age: null },
      ],
    },
    { fullName: 'Trần Thị Cúc', children: [] },
  ]);
  assert.deepEqual(s.get('people'), [
    {
      fullName: 'Nguyễn Văn An',
      // A child with nothing answered is still a child the person added.
      children: [{ name: 'Nguyễn Văn Bình' }, { age: 3 }, {}],
    },
    { fullName: 'Trần Thị Cúc' },
  ]);
  // Only the names left empty are problems, with their message; no age is refused.
  assert.deepEqual(
    (await s.check()).problems.map((p) => [p.code, p.path, p.message]),
    [
      ['required', '/people/0/children/1/name', 'Nhập tên con'],
      ['required', '/people/0/children/2/name', 'Nhập tên con'],
    ],
  );
});

test('answers loaded whole (a draft) are cleaned at every depth, as set cleans them', async () => {
  const draft = {
    rooms: null,
    people: [{ fullName: 'An', children: [{ name: 'Bình', age: null }] }],
  };
  const s = await session();
  s.replace(draft);
  assert.deepEqual(s.answers, { people: [{ fullName: 'An', children: [{ name: 'Bình' }] }] });
  assert.equal(draft.people[0]!.children[0]!.age, null);
  assert.deepEqual(answeredOnly(draft, ['rooms', 'people']), s.answers);
  assert.deepEqual(
    setAnswer({}, 'people', draft.people),
    answeredOnly({ people: draft.people }, ['people']),
  );
  const state = await s.check();
  assert.deepEqual(state.problems, []);
  const payload = s.toPayload({ procedureSha256: 'a'.repeat(64), now: NOW });
  assert.deepEqual(await checkSubmissionData(payload, PROCEDURE, NOW.getTime()), []);
  // A server given the `null` itself (a modified client) still refuses it.
  const server = await decidePayload(
    { answers: { people: draft.people }, documents: [] },
    PROCEDURE,
    NOW.getTime(),
  );
  assert.deepEqual(
    server.problems.map((p) => [p.code, p.path]),
    [['type', '/people/0/children/0/age']],
  );
});

const emptied = fc.constantFrom(null, '', '   ', undefined);
const text = fc.oneof(fc.constantFrom('Nguyễn Văn An', 'Lê Thị Bé'), emptied);
const age = fc.oneof(fc.integer({ min: 0, max: 120 }), emptied);
const child = fc.record({ name: text, age }, { requiredKeys: [] });
const person = fc.record(
  { fullName: text, years: age, children: fc.oneof(fc.array(child, { maxLength: 3 }), emptied) },
  { requiredKeys: [] },
);

test('property: whatever is emptied at any depth, the form holds no empty member, and the form and verify decide alike', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(person, { minLength: 1, maxLength: 3 }),
      fc.oneof(fc.integer({ min: 1, max: 50 }), emptied),
      async (people, rooms) => {
        // As the browser form drives it: one `set` per question.
        const s = await session();
        s.set('rooms', rooms);
        s.set('people', people);
        assert.deepEqual(unanswered(s.get('')), []);
        // A draft of the same answers restored whole (as JSON keeps them) holds the same.
        const restored = await session();
        restored.replace(JSON.parse(JSON.stringify({ rooms, people })) as Record<string, unknown>);
        assert.deepEqual(restored.answers, s.answers);
        const state = await s.check();
        // An emptied optional answer is never refused; an emptied name is only "required".
        for (const p of state.problems) {
          assert.deepEqual(
            [p.code, p.path.replace(/\d+/g, 'n')],
            [
              'required',
              p.path.includes('children') ? '/people/n/children/n/name' : '/people/n/fullName',
            ],
          );
        }
        const payload = s.toPayload({ procedureSha256: 'a'.repeat(64), now: NOW });
        const server = await decidePayload(payload, PROCEDURE, NOW.getTime());
        assert.deepEqual(
          server.problems.map((p) => [p.code, p.path]),
          state.problems.map((p) => [p.code, p.path]),
        );
        const verdict = await checkSubmissionData(payload, PROCEDURE, NOW.getTime());
        assert.equal(verdict.length === 0, state.valid, JSON.stringify(verdict));
      },
    ),
    { numRuns: 300, seed: 20261206, includeErrorInReport: true },
  );
});
