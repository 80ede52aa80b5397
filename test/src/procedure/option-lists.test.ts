/**
 * Issue 19, points 5, 6 and 8 as lint sees them: shared option lists, the document members and
 * the foreign-party formats load in format 1.1, and each mistake is reported with its code, its
 * exact line and column and a sentence that names the fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(version: number, change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = version;
  change(p);
  return JSON.stringify(p, null, 2);
}
/** 1-based line and column of the value after `"key": ` on the first line holding `needle`. */
function valueAt(text: string, needle: string): [number, number] {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  const colon = lines[line]!.indexOf(':', lines[line]!.indexOf(needle));
  return [line + 1, colon + 3];
}
function keyAt(text: string, needle: string): [number, number] {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return [line + 1, lines[line]!.indexOf(needle) + 1];
}
const summary = (text: string) =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.vi]);

const SEX_LIST = {
  sex: {
    options: [
      { value: 'father', label: { vi: 'Cha' } },
      { value: 'mother', label: { vi: 'Mẹ' } },
    ],
  },
};

test('an own list and a shipped list load in format 1.1', () => {
  const text = variant(1.1, (p) => {
    p.optionLists = SEX_LIST;
    const relation = p.ui.steps[0].fields[2];
    delete relation.options;
    relation.optionList = 'sex';
    p.data.properties.nationality = { type: 'string' };
    p.ui.steps[0].fields.push({
      field: 'nationality',
      widget: 'select',
      label: { vi: 'Quốc tịch' },
      optionList: 'countries',
    });
  });
  assert.deepEqual(summary(text), []);
});

test('an unknown list is reported at the optionList value, with the closest name', () => {
  const text = variant(1.1, (p) => {
    p.data.properties.nationality = { type: 'string' };
    p.ui.steps[0].fields.push({
      field: 'nationality',
      widget: 'select',
      label: { vi: 'Quốc tịch' },
      optionList: 'countrys',
    });
  });
  const [line, column] = valueAt(text, '"optionList": "countrys"');
  assert.deepEqual(summary(text), [
    [
      'unknown-option-list',
      '/ui/steps/0/fields/4/optionList',
      line,
      column,
      'Không có danh sách lựa chọn "countrys" trong "optionLists" hay trong các danh sách dvc-forms cung cấp (countries, ethnic-groups, religions); có phải ý bạn là "countries"?',
    ],
  ]);
});

test('options beside optionList, a shipped name reused, a value twice and outside the enum', () => {
  const text = variant(1.1, (p) => {
    p.optionLists = {
      religions: { options: [{ value: 'a', label: { vi: 'A' } }] },
      rel: {
        options: [
          { value: 'father', label: { vi: 'Cha' } },
          { value: 'uncle', label: { vi: 'Chú' } },
          { value: 'father', label: { vi: 'Bố' } },
        ],
      },
    };
    p.ui.steps[0].fields[2].optionList = 'rel';
  });
  // The list's second "father" is the last line holding it.
  const lines = text.split('\n');
  const last = lines.findLastIndex((l) => l.includes('"value": "father"'));
  const secondFather: [number, number] = [last + 1, lines[last]!.indexOf('"father"') + 1];
  const byPosition = (a: unknown[], b: unknown[]) =>
    Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]);
  assert.deepEqual(
    summary(text).sort(byPosition),
    [
      [
        'options-and-option-list',
        '/ui/steps/0/fields/2/optionList',
        ...valueAt(text, '"optionList": "rel"'),
        'Một câu hỏi lấy lựa chọn hoặc từ "options" hoặc từ "optionList", không dùng cả hai.',
      ],
      [
        'unknown-option',
        '/optionLists/rel/options/1/value',
        ...valueAt(text, '"value": "uncle"'),
        'Giá trị "uncle" của danh sách "rel" không nằm trong "enum" của trường relation.',
      ],
      [
        'duplicate-id',
        '/optionLists/religions',
        ...keyAt(text, '"religions": {'),
        '"religions" là tên một danh sách dvc-forms cung cấp; đặt tên khác cho danh sách của bạn.',
      ],
      [
        'duplicate-id',
        '/optionLists/rel/options/2/value',
        ...secondFather,
        'Giá trị lựa chọn "father" bị lặp lại trong cùng một trường.',
      ],
    ].sort(byPosition),
  );
});

test('a document date question must be a date field of data', () => {
  const text = variant(1.1, (p) => {
    p.documents[0].issueDateField = 'child.fullName';
    p.documents[0].validUntilField = 'child.expiry';
    p.documents[0].translation = true;
    p.documents[0].legalisation = true;
    p.documents[0].atDesk = true;
  });
  assert.deepEqual(
    summary(text),
    [
      [
        'unknown-field',
        '/documents/0/validUntilField',
        ...valueAt(text, '"validUntilField"'),
        loadProcedure(text).problems.find((p) => p.code === 'unknown-field')!.message.vi,
      ],
      [
        'not-a-date',
        '/documents/0/issueDateField',
        ...valueAt(text, '"issueDateField"'),
        loadProcedure(text).problems.find((p) => p.code === 'not-a-date')!.message.vi,
      ],
    ].sort((a, b) => Number(a[2]) - Number(b[2])),
  );
  assert.match(
    loadProcedure(text).problems.find((p) => p.code === 'unknown-field')!.message.vi,
    /child\.expiry/,
  );
  assert.match(
    loadProcedure(text).problems.find((p) => p.code === 'not-a-date')!.message.vi,
    /child\.fullName/,
  );
});

test('a document brought to the desk needs no upload limits; any other document needs all three', () => {
  const atDesk = variant(1.1, (p) => {
    const doc = p.documents[0];
    doc.atDesk = true;
    for (const k of ['accept', 'maxSizeBytes', 'maxFiles']) delete doc[k];
  });
  assert.deepEqual(summary(atDesk), []);
  // The same document uploaded online (atDesk false or absent) lacks its limits: each is
  // schema-required at the document, with the way out named.
  for (const value of [false, undefined]) {
    const text = variant(1.1, (p) => {
      const doc = p.documents[0];
      doc.atDesk = value;
      delete doc.accept;
      delete doc.maxFiles;
    });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"id": "birth-certificate"')) - 1;
    const at = [line + 1, lines[line]!.indexOf('{') + 1];
    const message = (member: string) =>
      `Thiếu mục "${member}" trong giấy tờ thứ 1: giấy tờ nộp trực tuyến cần "accept", "maxSizeBytes" và "maxFiles"; nếu người nộp mang bản chính đến nơi nộp thì ghi "atDesk": true (định dạng 1.1).`;
    assert.deepEqual(summary(text), [
      ['schema-required', '/documents/0', ...at, message('accept')],
      ['schema-required', '/documents/0', ...at, message('maxFiles')],
    ]);
    assert.equal(
      loadProcedure(text).problems[0]!.message.en,
      '"accept" is missing in document 1: a document uploaded online needs "accept", "maxSizeBytes" and "maxFiles"; if the applicant brings the original to the desk, write "atDesk": true (format 1.1).',
    );
  }
});

test('the 1.1 members in a file declaring format 1 are format-version at their keys', () => {
  const text = variant(1, (p) => {
    p.optionLists = SEX_LIST;
    p.ui.steps[0].fields[2].optionList = 'sex';
    delete p.ui.steps[0].fields[2].options;
    p.documents[0].atDesk = true;
    p.documents[0].translation = true;
  });
  // The first in the file is the one error; the others are warnings.
  assert.deepEqual(
    loadProcedure(text).problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column]),
    [
      ['format-version', '/ui/steps/0/fields/2/optionList', ...keyAt(text, '"optionList"')],
      ['format-version', '/optionLists', ...keyAt(text, '"optionLists"')],
      ['format-version', '/documents/0/atDesk', ...keyAt(text, '"atDesk"')],
      ['format-version', '/documents/0/translation', ...keyAt(text, '"translation"')],
    ]
      .sort((a, b) => Number(a[2]) - Number(b[2]))
      .map(([code, ...rest], i) => [code, i === 0 ? 'error' : 'warning', ...rest]),
  );
});

test('intl-phone and passport-number in a file declaring format 1 are format-version at each format', () => {
  const text = variant(1, (p) => {
    // Wherever the data schema declares them: a member, a $defs schema, list items.
    p.data.properties.abroadPhone = { type: 'string', format: 'intl-phone' };
    p.data.$defs.person.properties.passport = { type: 'string', format: 'passport-number' };
    p.data.properties.otherPhones = {
      type: 'array',
      items: { type: 'string', format: 'intl-phone' },
    };
  });
  /** Line and column of each `"format": "<name>"` value, in file order. */
  const formatsAt = (name: string): [number, number][] =>
    text.split('\n').flatMap((l, i) => {
      const at = l.indexOf(`"format": "${name}"`);
      return at < 0 ? [] : [[i + 1, at + '"format": '.length + 1] as [number, number]];
    });
  const [abroadPhone, otherPhones] = formatsAt('intl-phone');
  const also = (name: string) =>
    `"format": "${name}" ở chỗ này là tính năng của định dạng 1.1, nhưng tệp khai báo "formatVersion": 1. Hãy sửa dòng đó ở đầu tệp thành "formatVersion": 1.1 (định dạng mới nhất mà tệp dùng; một lần sửa này là đủ cho mọi chỗ được đánh dấu), hoặc bỏ nó khỏi chỗ này nếu tệp phải giữ định dạng 1.`;
  assert.deepEqual(summary(text), [
    [
      'format-version',
      '/data/$defs/person/properties/passport/format',
      ...formatsAt('passport-number')[0]!,
      '"format": "passport-number" thuộc định dạng 1.1; hãy khai báo "formatVersion": 1.1 ở đầu tệp. Tệp còn dùng tính năng của định dạng 1.1 ở 2 chỗ khác (đánh dấu là cảnh báo); khai báo này là đủ cho tất cả.',
    ],
    ['format-version', '/data/properties/abroadPhone/format', ...abroadPhone!, also('intl-phone')],
    [
      'format-version',
      '/data/properties/otherPhones/items/format',
      ...otherPhones!,
      also('intl-phone'),
    ],
  ]);
  // Declaring 1.1 is the fix: the same file then loads without a problem.
  assert.deepEqual(summary(text.replace('"formatVersion": 1,', '"formatVersion": 1.1,')), []);
});

test('intl-phone and passport-number are known formats', () => {
  const text = variant(1.1, (p) => {
    p.data.properties.abroadPhone = { type: 'string', format: 'intl-phone' };
    p.data.properties.passport = { type: 'string', format: 'passport-number' };
  });
  assert.deepEqual(summary(text), []);
});

test('the Vietnamese phone widget on an intl-phone field is widget-type-mismatch at its widget', () => {
  const text = variant(1.1, (p) => {
    p.data.properties.abroad = { type: 'string', format: 'intl-phone' };
    p.ui.steps[0].fields.push({ field: 'abroad', widget: 'phone', label: { vi: 'Số điện thoại' } });
  });
  assert.deepEqual(summary(text), [
    [
      'widget-type-mismatch',
      '/ui/steps/0/fields/4/widget',
      ...valueAt(text, '"widget": "phone"'),
      'Widget "phone" chỉ nhận số điện thoại Việt Nam nhưng "abroad" có định dạng intl-phone, nên người nước ngoài không thể nhập số của mình; dùng widget "text" với "inputmode": "tel".',
    ],
  ]);
});
