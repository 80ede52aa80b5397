/**
 * `copyFrom` (format 1.1, WCAG 2.2 SC 3.3.7 Redundant Entry) as lint sees it: a question and a
 * group that name an earlier question of the same shape load; the mistakes (one per fixture in
 * fixtures/broken/copy-*.json, positions in expected.json) come with sentences naming the fix,
 * and the shapes that cannot be copied are told apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const valid = read('valid-copy-from.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(valid);
  change(p);
  return JSON.stringify(p, null, 2);
}
const messages = (text: string) =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer, p.message.vi, p.message.en]);

test('a question and a group naming an earlier question of the same shape load', () => {
  const result = loadProcedure(valid);
  assert.deepEqual(result.problems, []);
  assert.equal(result.ok, true);
  const fields = result.ok ? result.procedure.ui.steps[1]!.fields : [];
  assert.deepEqual(
    fields.map((f) => [f.field, f.copyFrom]),
    [
      ['copies', undefined],
      ['phone', undefined],
      ['mother.fullName', 'child.fullName'],
      ['cousins', 'siblings'],
    ],
  );
});

test('each mistake says what is wrong and what to do, in Vietnamese and English', () => {
  assert.deepEqual(messages(read('broken/copy-from-unknown.json')), [
    [
      'unknown-copy-source',
      '/ui/steps/1/fields/2/copyFrom',
      '"copyFrom" chỉ đến "child.fullname", nhưng không có câu hỏi nào (ngoài nhóm, không phải tải tệp) hỏi trường này; có phải ý bạn là "child.fullName"?',
      '"copyFrom" names "child.fullname", but no question (outside a group, not an upload) asks that field; did you mean "child.fullName"?',
    ],
  ]);
  assert.deepEqual(messages(read('broken/copy-from-itself.json')), [
    [
      'copy-from-itself',
      '/ui/steps/1/fields/2/copyFrom',
      '"copyFrom" chỉ đến chính câu hỏi này; hãy ghi trường của một câu hỏi đã hỏi trước nó.',
      '"copyFrom" names this question itself; give the field of a question asked before it.',
    ],
  ]);
  assert.deepEqual(messages(read('broken/copy-source-later.json')), [
    [
      'copy-source-later',
      '/ui/steps/0/fields/0/copyFrom',
      '"copyFrom" chỉ đến "child.fullName", câu hỏi được hỏi sau câu hỏi này (câu hỏi thứ 2 của bước thứ 1): người dân chưa trả lời nó khi đến đây. Chỉ dùng lại câu trả lời của câu hỏi đứng trước.',
      `"copyFrom" names "child.fullName", which is asked after this question (question 2 of step 1): the citizen has not answered it yet here. Only an earlier question's answer can be reused.`,
    ],
  ]);
  assert.deepEqual(messages(read('broken/copy-from-in-group.json')), [
    [
      'copy-from-in-group',
      '/ui/steps/0/fields/3/fields/0/copyFrom',
      'Câu hỏi trong nhóm "siblings" không dùng được "copyFrom": mỗi mục của nhóm là một câu trả lời riêng. Đặt "copyFrom" trên chính nhóm.',
      'A question inside the group "siblings" cannot use "copyFrom": each item of the group is an answer of its own. Put "copyFrom" on the group itself.',
    ],
  ]);
});

test('a shape that cannot be copied is told by its reason: widget, type, options, members', () => {
  const mismatch = (text: string) =>
    loadProcedure(text)
      .problems.filter((p) => p.code === 'copy-shape-mismatch')
      .map((p) => p.message.en);
  assert.deepEqual(mismatch(read('broken/copy-shape-mismatch.json')), [
    'The answer of "phone" cannot be copied into "mother.fullName": the two questions use different widgets (or one uploads files and has no answer).',
  ]);
  assert.deepEqual(mismatch(read('broken/copy-group-members-mismatch.json')), [
    'The answer of "siblings" cannot be copied into "cousins": the two groups do not ask the same member questions.',
  ]);
  // The same widget over another JSON type: a name into a number of copies.
  const type = variant((p) => {
    p.data.properties.copies2 = { type: 'string', maxLength: 10 };
    p.ui.steps[1].fields.push({
      field: 'copies2',
      widget: 'number',
      label: { vi: 'Số bản' },
      copyFrom: 'copies',
    });
  });
  assert.deepEqual(
    loadProcedure(type)
      .problems.filter((p) => p.code === 'copy-shape-mismatch')
      .map((p) => [p.pointer, p.message.vi]),
    [
      [
        '/ui/steps/1/fields/4/copyFrom',
        'Không thể chép câu trả lời của "copies" vào "copies2": hai câu trả lời có kiểu khác nhau trong "data".',
      ],
    ],
  );
  // A choice the source offers that this question lacks could not be shown here.
  const options = variant((p) => {
    p.data.properties.relation2 = { type: 'string', enum: ['father', 'mother'] };
    p.ui.steps[1].fields.push({
      field: 'relation2',
      widget: 'radio',
      label: { vi: 'Quan hệ' },
      options: [{ value: 'father', label: { vi: 'Cha' } }],
      copyFrom: 'relation',
    });
  });
  assert.deepEqual(mismatch(options), [
    'The answer of "relation" cannot be copied into "relation2": the source question has options this question lacks.',
  ]);
  // An upload has no answer to copy.
  const upload = variant((p) => {
    p.ui.steps[1].fields.push({
      field: 'birthProof',
      widget: 'file',
      document: 'birth-certificate',
      label: { vi: 'Giấy chứng sinh' },
      copyFrom: 'child.fullName',
    });
  });
  assert.deepEqual(mismatch(upload), [
    'The answer of "child.fullName" cannot be copied into "birthProof": the two questions use different widgets (or one uploads files and has no answer).',
  ]);
});

test('"asked before" is the form\'s order: eligibility questions come first, as the form plans its pages', () => {
  // The question an eligibility rule reads goes to the form's first page (orderSteps), ahead
  // of the question it names, though the file writes it later: the offer could never appear.
  assert.deepEqual(messages(read('broken/copy-source-after-eligibility.json')), [
    [
      'copy-source-later',
      '/ui/steps/1/fields/2/copyFrom',
      '"copyFrom" chỉ đến "mother.nationality", nhưng câu hỏi này là câu hỏi về điều kiện (ở bước điều kiện, hoặc được một quy tắc điều kiện đọc), nên biểu mẫu hỏi nó trước "mother.nationality": người dân chưa trả lời "mother.nationality" khi đến đây. Chỉ dùng lại câu trả lời của câu hỏi đứng trước.',
      '"copyFrom" names "mother.nationality", but this is an eligibility question (in an eligibility step, or read by an eligibility rule), so the form asks it before "mother.nationality": the citizen has not answered "mother.nationality" yet here. Only an earlier question\'s answer can be reused.',
    ],
  ]);
  // The other way round, a source written after the question but asked first loads: the birth
  // date the eligibility rule reads is on the first page, before the twin's written above it.
  const twin = (change: Parameters<typeof variant>[0]) =>
    variant((p) => {
      p.data.properties.twin = {
        type: 'object',
        properties: { birthDate: { type: 'string', format: 'date' } },
      };
      change(p);
    });
  const twinDate = {
    field: 'twin.birthDate',
    widget: 'date',
    label: { vi: 'Ngày sinh của trẻ sinh đôi' },
    copyFrom: 'child.birthDate',
  };
  assert.deepEqual(messages(twin((p) => p.ui.steps[0].fields.unshift(twinDate))), []);
  // So does a source in an eligibility step written last: eligibility steps come first.
  const eligibilityLast = twin((p) => {
    const [birthDate] = p.ui.steps[0].fields.splice(1, 1);
    p.ui.steps[1].fields.push(twinDate);
    p.ui.steps.push({
      id: 'check',
      kind: 'eligibility',
      title: { vi: 'Điều kiện' },
      fields: [birthDate],
    });
  });
  assert.deepEqual(messages(eligibilityLast), []);
});

test('a file the meta-schema refuses is checked in its written order, and lint goes on after', () => {
  // Its rules cannot be planned from (a condition that is no object): the copy check keeps the
  // order written, and the checks after it still run (the unknown fact of the other rule).
  const p = JSON.parse(read('broken/copy-source-after-eligibility.json'));
  p.rules[1].conditions.all.push(null);
  p.rules[0].conditions.all[0].params.from = 'child.birthdate';
  assert.deepEqual(
    loadProcedure(JSON.stringify(p, null, 2)).problems.map((x) => [x.code, x.pointer]),
    [
      ['unknown-field', '/rules/0/conditions/all/0/params/from'],
      ['schema-conditions', '/rules/1/conditions/all/1'],
      ['schema-type', '/rules/1/conditions/all/1'],
    ],
  );
});

test('1.2: a copyFrom with a when loads in a 1.2 file and is told apart in older ones', () => {
  const when = read('valid-copy-when.json');
  assert.deepEqual(loadProcedure(when).problems, []);
  assert.deepEqual(messages(read('broken/copy-when-in-format-1-1.json')), [
    [
      'format-version',
      '/ui/steps/1/fields/2/copyFrom/when',
      'copyFrom.when thuộc định dạng 1.2; hãy khai báo "formatVersion": 1.2 ở đầu tệp.',
      'copyFrom.when is a format 1.2 feature; declare "formatVersion": 1.2 at the top of the file.',
    ],
  ]);
  // A file declaring 1 that uses 1.1 and 1.2 features: one declaration, the newest, fixes all.
  const p = JSON.parse(when);
  p.formatVersion = 1;
  p.ui.steps[1].fields[3].copyFrom = 'siblings';
  assert.deepEqual(
    loadProcedure(JSON.stringify(p, null, 2)).problems.map((x) => [
      x.severity,
      x.pointer,
      x.message.vi,
      x.message.en,
    ]),
    [
      [
        'error',
        '/ui/steps/1/fields/2/copyFrom/when',
        'copyFrom.when thuộc định dạng 1.2; hãy khai báo "formatVersion": 1.2 ở đầu tệp. Tệp còn dùng tính năng của định dạng 1.1 ở 1 chỗ khác (đánh dấu là cảnh báo); khai báo này là đủ cho tất cả.',
        'copyFrom.when is a format 1.2 feature; declare "formatVersion": 1.2 at the top of the file. The file uses format 1.1 features in 1 other place too (marked as warnings); this one declaration covers them all.',
      ],
      [
        'warning',
        '/ui/steps/1/fields/3/copyFrom',
        'copyFrom ở chỗ này là tính năng của định dạng 1.1, nhưng tệp khai báo "formatVersion": 1. Hãy sửa dòng đó ở đầu tệp thành "formatVersion": 1.2 (định dạng mới nhất mà tệp dùng; một lần sửa này là đủ cho mọi chỗ được đánh dấu), hoặc bỏ nó khỏi chỗ này nếu tệp phải giữ định dạng 1.',
        'copyFrom here is a format 1.1 feature, but the file declares "formatVersion": 1. Change that line at the top of the file to "formatVersion": 1.2 (the newest format the file uses; this one change fixes every place marked), or take it out here if the file must stay at format 1.',
      ],
    ],
  );
});

test('1.2: a when is checked as every condition is, and reads only answers given before', () => {
  assert.deepEqual(messages(read('broken/copy-when-unknown-fact.json')), [
    [
      'unknown-fact',
      '/ui/steps/1/fields/2/copyFrom/when/all/0/fact',
      '"relationship" không phải là trường trong "data"; có phải ý bạn là "relation"?',
      '"relationship" is not a field in "data"; did you mean "relation"?',
    ],
  ]);
  assert.deepEqual(messages(read('broken/copy-condition-later.json')), [
    [
      'copy-condition-later',
      '/ui/steps/1/fields/2/copyFrom/when',
      '"when" của "copyFrom" đọc "cousins", câu hỏi được hỏi sau câu hỏi này (câu hỏi thứ 4 của bước thứ 2): người dân chưa trả lời nó khi nút dùng lại hiện ở đây. Chỉ đọc câu trả lời của câu hỏi đứng trước.',
      'The "when" of "copyFrom" reads "cousins", which is asked after this question (question 4 of step 2): the citizen has not answered it yet when the offer is shown here. Only read answers given before this question.',
    ],
  ]);
  assert.deepEqual(messages(read('broken/copy-condition-itself.json')), [
    [
      'copy-condition-later',
      '/ui/steps/1/fields/2/copyFrom/when',
      '"when" của "copyFrom" đọc "mother.fullName", câu trả lời của chính câu hỏi này: nút dùng lại chỉ hiện khi câu hỏi còn trống, nên điều kiện không bao giờ đúng lúc cần. Chỉ đọc câu trả lời của câu hỏi đứng trước.',
      'The "when" of "copyFrom" reads "mother.fullName", the answer of this very question: the offer is only made while the question is empty, so the condition can never hold when it matters. Only read answers given before this question.',
    ],
  ]);
  // The other shape's mistakes are told at its `field`.
  const p = JSON.parse(read('valid-copy-when.json'));
  p.ui.steps[1].fields[2].copyFrom.field = 'child.fullname';
  assert.deepEqual(
    loadProcedure(JSON.stringify(p, null, 2)).problems.map((x) => [x.code, x.pointer]),
    [['unknown-copy-source', '/ui/steps/1/fields/2/copyFrom/field']],
  );
});
