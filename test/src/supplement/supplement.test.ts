// The clerk's request is checked against the procedure, and the processing clock pauses while the
// applicant supplements (src/calendar/supplement-clock.ts, Decree 61/2018 Art. 16 as amended).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSupplementRequest } from '../../../src/supplement/index.js';
import { resumedResultDate, workingDaysLeft } from '../../../src/calendar/index.js';
import { PROCEDURE } from '../verify/helpers.js';

test('a request names known questions and documents, with a note', () => {
  assert.deepEqual(
    checkSupplementRequest(PROCEDURE, {
      items: { fields: [' spouseName '], documents: ['marriage-certificate'] },
      note: '  Bản chụp mờ, đề nghị gửi lại.  ',
    }),
    {
      ok: true,
      items: { fields: ['spouseName'], documents: ['marriage-certificate'] },
      note: 'Bản chụp mờ, đề nghị gửi lại.',
    },
  );
});

test('unknown, duplicate and missing items are problems with Vietnamese messages', () => {
  const r = checkSupplementRequest(PROCEDURE, {
    items: { fields: ['nope', 'copies', 'copies'], documents: [42] },
  });
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.problems.map((p) => [p.code, p.path, p.message.vi]), [
    ['supplement-unknown-field', 'fields/0', 'Thủ tục không có câu hỏi "nope".'],
    ['supplement-duplicate-item', 'fields/2', '"copies" được chọn hai lần.'],
    ['supplement-unknown-document', 'documents/0', 'Thủ tục không có giấy tờ "number".'],
    ['supplement-note-missing', 'note', 'Ghi rõ lý do và nội dung cần bổ sung cho người nộp.'],
  ]);
  const empty = checkSupplementRequest(PROCEDURE, { items: {}, note: 'x' });
  assert.deepEqual(!empty.ok && empty.problems.map((p) => p.code), [
    'supplement-nothing-requested',
  ]);
  assert.deepEqual(
    checkSupplementRequest(PROCEDURE, null),
    checkSupplementRequest(PROCEDURE, { items: 'x', note: 5 }),
  );
});

test('the clock pauses: working days used stay used, the rest run from the supplement', () => {
  // Due Friday 11 July 2025; asked on Monday 7 July (10:00 in Việt Nam): Tue–Fri are left (4).
  const pausedAt = new Date('2025-07-07T03:00:00Z');
  assert.equal(workingDaysLeft(pausedAt, '2025-07-11'), 4);
  // Supplement on Wednesday 16 July at 09:00: four working days after it, Tuesday 22 July.
  const resumed = resumedResultDate({
    pausedAt,
    resumedAt: new Date('2025-07-16T02:00:00Z'),
    due: '2025-07-11',
    processingDays: 5,
  });
  assert.deepEqual(resumed, {
    receivedOn: '2025-07-16',
    resultDate: '2025-07-22',
    provisional: false,
  });
  // After the 17:00 cut-off the supplement counts from the next working day.
  assert.equal(
    resumedResultDate({
      pausedAt,
      resumedAt: new Date('2025-07-16T10:30:00Z'),
      due: '2025-07-11',
      processingDays: 5,
    }).resultDate,
    '2025-07-23',
  );
  // Across the 2 September holidays (Mon 1 and Tue 2 September 2025 off).
  assert.equal(workingDaysLeft(new Date('2025-08-28T03:00:00Z'), '2025-09-04'), 3);
  // Already overdue when asked: nothing left, the result is due on the supplement's day.
  assert.equal(workingDaysLeft(pausedAt, '2025-07-04'), 0);
});

test('the restart policy runs the full processing time again', () => {
  assert.equal(
    resumedResultDate({
      pausedAt: new Date('2025-07-07T03:00:00Z'),
      resumedAt: new Date('2025-07-16T02:00:00Z'),
      due: '2025-07-11',
      processingDays: 5,
      policy: 'restart',
    }).resultDate,
    '2025-07-23',
  );
});

test('checkSupplement: the browser (no dossier at hand) validates alone; the server merges', async () => {
  const { ProcedureModel } = await import('../../../src/session/index.js');
  const { checkSupplement } = await import('../../../src/supplement/index.js');
  const { ANSWERS } = await import('../verify/helpers.js');
  const model = await ProcedureModel.create(PROCEDURE, { onRuleProblem: () => {} });
  const items = { fields: ['spouseName'], documents: [] };
  // Without the dossier the rules cannot run: the answer is checked by its schema, normalised.
  const browser = await checkSupplement(model, {
    items,
    answers: { spouseName: '  Trần Thị Bình  ' },
    documents: [],
  });
  assert.deepEqual(browser.problems, []);
  assert.equal(browser.normalised['spouseName'], 'Trần Thị Bình');
  const tooLong = await checkSupplement(model, {
    items,
    answers: { spouseName: 'x'.repeat(101) },
    documents: [],
  });
  assert.deepEqual(
    tooLong.problems.map((p) => [p.kind, p.pointer]),
    [['answer', '/answers/spouseName']],
  );
  // With the dossier, its answers decide: not married, so the spouse's name does not apply,
  // and an answer that is not normalised is refused.
  const unmarried = await checkSupplement(model, {
    items,
    answers: { spouseName: 'Trần Thị Bình' },
    documents: [],
    base: { answers: { ...ANSWERS, married: false, spouseName: undefined }, documents: [] },
  });
  assert.deepEqual(
    unmarried.problems.map((p) => (p.kind === 'item' ? [p.code, p.message] : p.kind)),
    [
      [
        'supplement-item-hidden',
        'Với các câu trả lời hiện có, câu hỏi "spouseName" không còn áp dụng.',
      ],
    ],
  );
  const raw = await checkSupplement(model, {
    items,
    answers: { spouseName: '  Trần Thị Bình  ' },
    documents: [],
    base: { answers: ANSWERS, documents: [] },
  });
  assert.deepEqual(
    raw.problems.map((p) => (p.kind === 'item' ? p.code : p.kind)),
    ['supplement-answer-not-normalized'],
  );
});

test('checkSupplement: a requested answer left out is worded as the form words it', async () => {
  const { readFile } = await import('node:fs/promises');
  const { ProcedureModel } = await import('../../../src/session/index.js');
  const { checkSupplement } = await import('../../../src/supplement/index.js');
  const file = new URL(
    '../../../schemas/procedures/cap-phieu-ly-lich-tu-phap.json',
    import.meta.url,
  );
  const procedure = JSON.parse(await readFile(file, 'utf8'));
  const model = await ProcedureModel.create(procedure, { onRuleProblem: () => {} });
  const items = {
    fields: ['eligibility.citizenship', 'request.purpose', 'applicant.sex', 'applicant.residence'],
    documents: ['idCopy'],
  };
  const words = async (lang: 'vi' | 'en') =>
    (await checkSupplement(model, { items, answers: {}, documents: [], lang })).problems.map((p) =>
      p.kind === 'item' ? [p.code, p.item, p.message] : p.kind,
    );
  // A question ("Bạn là") is not repeated; a choice is chosen, not typed; the author's own
  // message where the question has one; a document keeps its line.
  assert.deepEqual(await words('vi'), [
    ['supplement-item-missing', 'eligibility.citizenship', 'Hãy chọn một câu trả lời'],
    [
      'supplement-item-missing',
      'request.purpose',
      'Nhập mục đích sử dụng phiếu, ví dụ: bổ sung hồ sơ xin việc',
    ],
    ['supplement-item-missing', 'applicant.sex', 'Chọn giới tính'],
    ['supplement-item-missing', 'applicant.residence', 'Chọn nơi thường trú hoặc tạm trú'],
    ['supplement-item-missing', 'idCopy', 'Chưa tải lên tệp của giấy tờ này.'],
  ]);
  assert.deepEqual(await words('en'), [
    ['supplement-item-missing', 'eligibility.citizenship', 'Select an answer'],
    [
      'supplement-item-missing',
      'request.purpose',
      'Enter what the certificate is for, for example a job application',
    ],
    ['supplement-item-missing', 'applicant.sex', 'Select the sex'],
    [
      'supplement-item-missing',
      'applicant.residence',
      'Select the permanent or temporary residence',
    ],
    ['supplement-item-missing', 'idCopy', 'No file uploaded for this document.'],
  ]);
});
