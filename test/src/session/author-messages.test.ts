/**
 * Format 1.1 author wording (issue 19, point 4): a question's `messages` by keyword replace the
 * built-in messages in the session (the form), `check` and verify; lint warns when a message does
 * not name its question.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkAnswers } from '../../../src/cli/commands/check.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import { ProcedureModel, keywordOfProblem } from '../../../src/session/index.js';
import { decidePayload } from '../../../src/verify/data-checks.js';

const minimal = readFileSync(
  new URL('../procedure/fixtures/valid-minimal.json', import.meta.url),
  'utf8',
);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  change(p);
  return JSON.stringify(p, null, 2);
}

test('problem codes map back to the keywords authors write', () => {
  assert.equal(keywordOfProblem('required'), 'required');
  assert.equal(keywordOfProblem('too-short'), 'minLength');
  assert.equal(keywordOfProblem('too-many-items'), 'maxItems');
  assert.equal(keywordOfProblem('format.vn-mobile'), 'format');
  assert.equal(keywordOfProblem('rule-check'), undefined);
});

test('per-field messages by keyword, in the form session, check and verify, in both languages', async () => {
  const text = variant((p) => {
    p.ui.steps[0].fields[0].messages = {
      required: { vi: 'Nhập họ, chữ đệm và tên của trẻ', en: 'Enter the full name of the child' },
    };
    // Inside a group: the item field's own message.
    p.ui.steps[0].fields[3].fields[0].messages = {
      format: { vi: 'Họ, chữ đệm và tên của anh chị em chỉ gồm chữ cái' },
    };
  });
  const loaded = loadProcedure(text);
  assert.ok(loaded.ok, JSON.stringify(loaded.problems));
  const procedure = loaded.procedure;
  const fullName = procedure.ui.steps[0]!.fields[0]!;
  assert.equal(fullName.label.vi, 'Họ, chữ đệm và tên');
  const model = await ProcedureModel.create(procedure, { onRuleProblem: () => {} });
  const answers = {
    child: { birthDate: '2025-01-01' },
    relation: 'mother',
    siblings: [{ fullName: 'An 2' }],
  };
  const session = model.createSession({ today: '2025-07-31', answers });
  const state = await session.check();
  assert.deepEqual(
    state.problems.map((p) => [p.code, p.path, p.message]),
    [
      ['required', '/child/fullName', 'Nhập họ, chữ đệm và tên của trẻ'],
      [
        'format.vn-person-name',
        '/siblings/0/fullName',
        'Họ, chữ đệm và tên của anh chị em chỉ gồm chữ cái',
      ],
    ],
  );
  session.setLang('en');
  assert.deepEqual(
    session.problemsFor('child').map((p) => p.message),
    ['Enter the full name of the child'],
  );
  // English falls back to Vietnamese when the author gave only Vietnamese.
  assert.deepEqual(
    session.problemsFor('siblings').map((p) => p.message),
    ['Họ, chữ đệm và tên của anh chị em chỉ gồm chữ cái'],
  );
  const checked = await checkAnswers(procedure, answers, {
    today: '2025-07-31',
    lang: 'vi',
    model,
  });
  assert.equal(checked.report.problems[0]!.message, 'Nhập họ, chữ đệm và tên của trẻ');
  session.setLang('vi');
  await session.check();
  const payload = session.toPayload({
    procedureSha256: 'a'.repeat(64),
    now: new Date('2025-07-31T03:00:00Z'),
  });
  const server = await decidePayload(payload, procedure, Date.parse('2025-07-31T03:00:00Z'));
  assert.deepEqual(
    server.problems.map((p) => p.message),
    ['Enter the full name of the child', 'Họ, chữ đệm và tên của anh chị em chỉ gồm chữ cái'],
  );
});

test('lint warns when a message does not name its question, at the message', () => {
  const text = variant((p) => {
    p.ui.steps[0].fields[0].label.en = 'Full name';
    p.ui.steps[0].fields[0].messages = {
      required: { vi: 'Không được để trống', en: 'Enter the full name' },
    };
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, true);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"Không được để trống"')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message.vi]),
    [
      [
        'message-without-question',
        'warning',
        '/ui/steps/0/fields/0/messages/required/vi',
        line,
        lines[line - 1]!.indexOf('"Không') + 1,
        'Thông báo lỗi "required" không nêu tên câu hỏi "Họ, chữ đệm và tên"; người dân đọc nó trong bảng tóm tắt lỗi sẽ không biết lỗi ở câu nào.',
      ],
    ],
  );
  // An unknown keyword is refused by the format.
  const bad = loadProcedure(
    variant((p) => {
      p.ui.steps[0].fields[0].messages = { requird: { vi: 'Nhập họ, chữ đệm và tên' } };
    }),
  );
  assert.equal(bad.ok, false);
  assert.equal(bad.problems[0]!.pointer, '/ui/steps/0/fields/0/messages/requird');
});
