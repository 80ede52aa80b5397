/**
 * What an emptied answer means, decided by the session's `set` for a question (setAt) and for a
 * field of a repeated item (withAnsweredMembers) alike, by the one rule isAnswered: it is absent. A number box left empty gives `null`;
 * stored as such inside an item, the schema refused it ("… phải là một số nguyên") although the
 * question is optional. The server re-decides the payload with the same session: it must accept
 * what the form sends, and refuse a `null` the form never sends exactly as the form would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  answeredOnly,
  setAnswer,
  withAnsweredMembers,
} from '../../../src/session/answered-items.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { checkSubmissionData, decidePayload } from '../../../src/verify/data-checks.js';

const PROCEDURE = JSON.parse(
  readFileSync(new URL('./fixtures/repeat-optional-number.json', import.meta.url), 'utf8'),
) as Procedure;
const TODAY = '2026-12-06';
const NOW = new Date('2026-12-06T03:00:00Z');

async function session(answers: Record<string, unknown> = {}) {
  const model = await ProcedureModel.create(PROCEDURE, { onRuleProblem: () => {} });
  return model.createSession({ today: TODAY, answers });
}

test('set: an item keeps only its members that are answers, as a question is kept or removed', async () => {
  const s = await session({ rooms: 3 });
  // A question: emptied, it is removed.
  s.set('rooms', null);
  assert.deepEqual(s.get(''), {});
  // The same values inside items: the unanswered members go, the answered stay (0, false too).
  const items = [
    {
      fullName: 'An',
      years: null,
      note: '  ',
      choices: [],
      address: { province: '', commune: '', street: '' },
    },
    { fullName: '', years: 0, married: false, address: { province: '01', commune: '' } },
    {},
  ];
  s.set('people', items);
  assert.deepEqual(s.get('people'), [
    { fullName: 'An' },
    { years: 0, married: false, address: { province: '01', commune: '' } },
    // An item with nothing answered is still an item the person added.
    {},
  ]);
  // The items given are not changed.
  assert.equal(items[0]!.years, null);
  // A list of plain values (a checkbox group, files) and any other value are kept as they are.
  assert.deepEqual(withAnsweredMembers(['a', 'b']), ['a', 'b']);
  assert.deepEqual(withAnsweredMembers({ a: null }), { a: null });
  // A `__proto__` member of an item stays an own member and never reaches the prototype.
  const hostile = JSON.parse('[{"__proto__": {"polluted": 1}, "x": 1}]') as unknown[];
  const [out] = withAnsweredMembers(hostile) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(out!), ['__proto__', 'x']);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('an optional number emptied in a repeated item is no problem, in the form and on the server', async () => {
  const s = await session();
  // As the form sets them: the number box gives null once emptied, at a question and in items.
  s.set('rooms', null);
  s.set('people', [
    { fullName: 'Nguyễn Văn An', years: null },
    { fullName: 'Trần Thị Bình', years: 4 },
  ]);
  assert.deepEqual(s.get('people'), [
    { fullName: 'Nguyễn Văn An' },
    { fullName: 'Trần Thị Bình', years: 4 },
  ]);
  assert.equal(s.get('rooms'), undefined);
  const state = await s.check();
  assert.deepEqual(state.problems, []);
  assert.equal(state.valid, true);
  // The server, given the payload the form builds, decides the same: nothing wrong.
  const payload = s.toPayload({ procedureSha256: 'a'.repeat(64), now: NOW });
  assert.deepEqual(payload.answers, {
    people: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Trần Thị Bình', years: 4 }],
  });
  assert.deepEqual(await checkSubmissionData(payload, PROCEDURE, NOW.getTime()), []);
  // A number the item's field refuses still stops the form, with its message.
  s.set('people', [{ fullName: 'Nguyễn Văn An', years: -1 }]);
  assert.deepEqual(
    (await s.check()).problems.map((p) => [p.code, p.path, p.message]),
    [['too-small', '/people/0/years', 'Số năm đã sống tại đây phải từ 0 trở lên']],
  );
});

test('a null the form never sends is refused alike by the form and the server', async () => {
  // Answers given whole (a draft saved by an older form, a modified client): not through set.
  const answers = { rooms: null, people: [{ fullName: 'Nguyễn Văn An', years: null }] };
  const form = await (await session(answers)).check();
  const server = await decidePayload({ answers, documents: [] }, PROCEDURE, NOW.getTime());
  const decided = (problems: typeof form.problems) => problems.map((p) => [p.code, p.path]);
  assert.deepEqual(decided(form.problems), [
    ['type', '/rooms'],
    ['type', '/people/0/years'],
  ]);
  assert.deepEqual(decided(server.problems), decided(form.problems));
  assert.deepEqual(
    form.problems.map((p) => p.message),
    ['Số phòng của nhà phải là một số nguyên', 'Số năm đã sống tại đây phải là một số nguyên'],
  );
});

test('answers loaded whole (a draft saved before the rule) are taken as set takes each question', async () => {
  // A draft written by a form before an emptied field became absent: `null` at a question and in
  // an item (blank text, a blank address: the same rule, tested with set above). Session.replace (restoring a draft,
  // another tab's change) decides each question as `set` does (answered-items.ts answeredOnly).
  const draft = {
    rooms: null,
    people: [
      { fullName: 'Nguyễn Văn An', years: null },
      { fullName: 'Trần Thị Bình', years: 4 },
    ],
  };
  const s = await session();
  s.replace(draft);
  assert.deepEqual(s.answers, {
    people: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Trần Thị Bình', years: 4 }],
  });
  // The draft itself is not changed.
  assert.equal(draft.rooms, null);
  assert.equal(draft.people[0]!.years, null);
  const state = await s.check();
  assert.deepEqual(state.problems, []);
  assert.equal(state.valid, true);
  // What the form then sends, the server accepts.
  const payload = s.toPayload({ procedureSha256: 'a'.repeat(64), now: NOW });
  assert.deepEqual(await checkSubmissionData(payload, PROCEDURE, NOW.getTime()), []);
  // The same answers given to a session as a server is given them are kept: refused, as above.
  assert.deepEqual(
    (await (await session(draft)).check()).problems.map((p) => [p.code, p.path]),
    [
      ['type', '/rooms'],
      ['type', '/people/0/years'],
    ],
  );
});

test('answeredOnly: each question decided as set decides it; other members kept as given', () => {
  const answers = {
    rooms: null,
    people: [{ fullName: 'An', years: null }, {}],
    unknown: null,
  };
  assert.deepEqual(answeredOnly(answers, ['rooms', 'people']), {
    people: [{ fullName: 'An' }, {}],
    unknown: null,
  });
  assert.deepEqual(answeredOnly({ rooms: 3, people: [{ years: 0 }] }, ['rooms', 'people']), {
    rooms: 3,
    people: [{ years: 0 }],
  });
  // One decision: question by question it is exactly `setAnswer` (Session.set's).
  assert.deepEqual(answeredOnly(answers, ['people']), setAnswer(answers, 'people', answers.people));
});
