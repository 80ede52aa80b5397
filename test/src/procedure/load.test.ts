import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { loadProcedure, AUTHOR_PROBLEM_CODE } from '../../../src/procedure/index.js';
import { checkPatternSyntax } from '../../../src/procedure/pattern-check.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const minimal = fixture('valid-minimal.json');

/** The minimal procedure with one change applied to its parsed form, re-serialised. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}

test('the minimal valid procedure loads without problems', () => {
  const r = loadProcedure(minimal, { file: 'valid-minimal.json' });
  assert.equal(r.ok, true);
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  assert.equal(r.procedure.code, '1.001193');
  assert.equal(r.procedure.ui.steps[0].fields[3].fields?.[0].field, 'fullName');
});

test('every sample procedure in schemas/procedures lints clean', (t) => {
  const dir = new URL('../../../schemas/procedures/', import.meta.url);
  // Never skipped in this repository (schemas/procedures is tracked); kept for a copy of the
  // engine without its samples.
  if (!existsSync(dir)) return t.skip('no sample procedures yet');
  const samples = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'));
  assert.ok(samples.length > 0);
  for (const f of samples) {
    // As `dvc-forms lint` reads them: every pattern readable by the linear-time engine too.
    const r = loadProcedure(readFileSync(new URL(f, dir), 'utf8'), {
      file: f,
      checkPattern: checkPatternSyntax,
    });
    assert.deepEqual(
      r.problems.map((p) => `${f}:${p.line}:${p.column} ${p.code} ${p.message.en}`),
      [],
    );
    assert.equal(r.ok, true, f);
  }
});

test('messages are plain sentences in Vietnamese and English', () => {
  const r = loadProcedure(variant((p) => (p.serviceKind = 'online')));
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems, [
    {
      code: 'schema-enum',
      severity: 'error',
      pointer: '/serviceKind',
      line: 26,
      column: 18,
      message: {
        vi: 'Giá trị "online" không dùng được cho "serviceKind". Chọn một trong: "toan-trinh", "mot-phan".',
        en: 'The value "online" is not allowed for "serviceKind". Use one of: "toan-trinh", "mot-phan".',
      },
    },
  ]);
});

test('a missing member names the member and where it belongs', () => {
  const r = loadProcedure(variant((p) => delete p.ui.steps[1].title));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.vi, p.message.en]),
    [
      [
        'schema-required',
        '/ui/steps/1',
        'Thiếu mục bắt buộc "title" trong bước thứ 2.',
        'The required member "title" is missing in step 2.',
      ],
    ],
  );
});

test('a missing member says its place in words an author reads; the pointer stays with the problem', () => {
  const text = variant((p) => {
    p.fees.items.push({ id: 'extra-fee', label: { vi: 'Phí thêm' } });
    delete p.ui.steps[0].fields[0].label.vi;
    delete p.title.vi;
  });
  const r = loadProcedure(text);
  const lines = text.split('\n');
  // The second fee item's object opens on the line after "amount": 8000's item closes.
  const feeLine = lines.findIndex((l) => l.includes('"extra-fee"')) - 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.message.vi, p.message.en]),
    [
      [
        'missing-vi',
        '/title',
        lines.findIndex((l) => l.includes('"title": {')) + 1,
        // A place in no list the format names keeps its pointer.
        'Thiếu nội dung tiếng Việt ("vi") cho "/title"; tiếng Việt là bắt buộc.',
        'The Vietnamese text ("vi") of "/title" is missing; Vietnamese is required.',
      ],
      [
        'missing-vi',
        '/ui/steps/0/fields/0/label',
        lines.findIndex((l) => l.includes('"label": {}')) + 1,
        'Thiếu nội dung tiếng Việt ("vi") cho "label" của câu hỏi thứ 1 của bước thứ 1; tiếng Việt là bắt buộc.',
        'The Vietnamese text ("vi") of "label" of question 1 of step 1 is missing; Vietnamese is required.',
      ],
      [
        'schema-required',
        '/fees/items/1',
        feeLine + 1,
        'Thiếu mục bắt buộc "amount" trong khoản phí thứ 2.',
        'The required member "amount" is missing in fee item 2.',
      ],
    ],
  );
});

test('a type error names the expected type', () => {
  const r = loadProcedure(variant((p) => (p.documents[0].copies = 1.5)));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.vi, p.message.en]),
    [
      [
        'schema-type',
        '/documents/0/copies',
        '"copies" phải là một số nguyên.',
        '"copies" must be a whole number.',
      ],
    ],
  );
});

test('show and require rules need targets', () => {
  const r = loadProcedure(variant((p) => delete p.rules[1].targets));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [['schema-required', '/rules/1', 'The required member "targets" is missing in rule 2.']],
  );
});

test('a field asked twice is a warning: the procedure still loads', () => {
  const r = loadProcedure(
    variant((p) =>
      p.ui.steps[1].fields.push({ field: 'copies', widget: 'number', label: { vi: 'Lại' } }),
    ),
  );
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.message.en]),
    [
      [
        'duplicate-field',
        'warning',
        '/ui/steps/1/fields/2/field',
        'The field "copies" is asked twice (first at question 1 of step 2).',
      ],
    ],
  );
});

test('group children resolve against the item schema; list paths work in rules', () => {
  const r = loadProcedure(
    variant((p) => {
      // Asked inside each item (a require rule's target no question asks is an error).
      p.ui.steps[0].fields[3].fields.push({
        field: 'birthDate',
        widget: 'date',
        label: { vi: 'Ngày sinh' },
      });
      p.rules[1].targets.fields = ['siblings[].birthDate'];
      p.rules[1].conditions = {
        all: [{ fact: 'count', params: { field: 'siblings' }, operator: 'greaterThan', value: 0 }],
      };
    }),
  );
  assert.deepEqual(r.problems, []);
  const bad = loadProcedure(variant((p) => (p.rules[1].targets.fields = ['siblings.birthDate'])));
  assert.deepEqual(
    bad.problems.map((p) => [p.code, p.pointer]),
    [['unknown-field', '/rules/1/targets/fields/0']],
  );
});

test('a group question written with the whole list path is told the path relative to the item', () => {
  const text = variant((p) => (p.ui.steps[0].fields[3].fields[0].field = 'siblings[].fullName'));
  const line = text.split('\n').findIndex((l) => l.includes('"siblings[].fullName"')) + 1;
  assert.deepEqual(
    loadProcedure(text)
      .problems.filter((p) => p.code === 'unknown-field')
      .map((p) => [p.pointer, p.line, p.message]),
    [
      [
        '/ui/steps/0/fields/3/fields/0/field',
        line,
        {
          vi: 'Trường "siblings[].fullName" không có trong lược đồ dữ liệu "data"; có phải ý bạn là "fullName"?',
          en: 'The field "siblings[].fullName" does not exist in the "data" schema; did you mean "fullName"?',
        },
      ],
    ],
  );
});

test('members declared in allOf / if-then branches are fields too', () => {
  const r = loadProcedure(
    variant((p) => {
      p.data.allOf = [
        {
          if: { properties: { relation: { const: 'mother' } } },
          then: { properties: { note: { type: 'string', maxLength: 10 } } },
        },
      ];
      p.ui.steps[1].fields.push({ field: 'note', widget: 'text', label: { vi: 'Ghi chú' } });
    }),
  );
  assert.deepEqual(r.problems, []);
});

test('a file widget needs a document, a group widget needs fields', () => {
  const r = loadProcedure(
    variant((p) => {
      p.ui.steps[1].fields[0].widget = 'file';
      p.ui.steps[0].fields[3].widget = 'group';
      delete p.ui.steps[0].fields[3].fields;
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer]),
    [
      ['group-without-fields', '/ui/steps/0/fields/3/widget'],
      ['file-without-document', '/ui/steps/1/fields/0/widget'],
    ],
  );
});

test('unknown document on a file widget and duplicate document ids', () => {
  const r = loadProcedure(
    variant((p) => {
      p.ui.steps[1].fields[0].widget = 'file';
      p.ui.steps[1].fields[0].field = 'passport';
      p.ui.steps[1].fields[0].document = 'passport';
      p.documents.push({ ...p.documents[0] });
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'unknown-document',
        '/ui/steps/1/fields/0/document',
        'There is no document with id "passport" in "documents".',
      ],
      [
        'duplicate-id',
        '/documents/1/id',
        'The id "birth-certificate" is used twice: document 1 already has it.',
      ],
    ],
  );
});

test('too-large text is refused before parsing', () => {
  const r = loadProcedure(minimal, { maxLength: 100 });
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'too-large',
        '',
        1,
        1,
        `The file is too large: ${minimal.length.toLocaleString('en-US')} characters, at most 100.`,
      ],
    ],
  );
});

test('never throws: odd inputs become problems', () => {
  for (const text of ['', 'null', '[]', '"procedure"', '42', '{}']) {
    const r = loadProcedure(text);
    assert.equal(r.ok, false, text);
    assert.ok(r.problems.length > 0, text);
  }
  const notText = loadProcedure(42 as unknown as string);
  assert.deepEqual(
    notText.problems.map((p) => [p.code, p.message.en]),
    [
      [
        AUTHOR_PROBLEM_CODE.internal,
        'Internal error while reading the procedure: TypeError: the procedure text is not a string. Please report it.',
      ],
    ],
  );
  assert.equal(
    loadProcedure('null').problems[0].message.vi,
    'Tệp thủ tục phải chứa một đối tượng JSON: bắt đầu bằng "{" và kết thúc bằng "}", không phải một mảng [...], một chuỗi, một số hay null.',
  );
  assert.deepEqual(
    loadProcedure('[]').problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'schema-type',
        '',
        'A procedure file must hold one JSON object: it starts with "{" and ends with "}", not an array [...], a string, a number or null.',
      ],
    ],
  );
});

test('forbidden keys are reported and never reach the prototype', () => {
  const r = loadProcedure(
    minimal.replace(
      '"formatVersion": 1,',
      '"formatVersion": 1, "__proto__": { "polluted": true },',
    ),
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column]),
    [['forbidden-key', '/__proto__', 3, 23]],
  );
});

test('loads with code generation from strings disabled (as under a strict CSP)', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `
    const { loadProcedure } = await import('./src/procedure/index.ts');
    const { readFileSync } = await import('node:fs');
    let blocked = false;
    try { new Function('return 1')(); } catch { blocked = true; }
    const ok = loadProcedure(readFileSync('test/src/procedure/fixtures/valid-minimal.json', 'utf8')).ok;
    const broken = loadProcedure(readFileSync('test/src/procedure/fixtures/broken/unknown-fact.json', 'utf8'));
    console.log(JSON.stringify({ blocked, ok, codes: broken.problems.map((p) => p.code) }));`;
  const r = spawnSync(
    process.execPath,
    [
      '--disallow-code-generation-from-strings',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ],
    { cwd: new URL('../../../', import.meta.url), encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { blocked: true, ok: true, codes: ['unknown-fact'] });
});

test('the complete example in docs/procedure-format.md lints clean', () => {
  const doc = readFileSync(new URL('../../../docs/procedure-format.md', import.meta.url), 'utf8');
  const example = /## A complete small example\s+```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
  assert.ok(example, 'example block found');
  const r = loadProcedure(example);
  assert.deepEqual(r.problems, []);
  assert.equal(r.ok, true);
});

test('unknown field paths and facts suggest the closest existing field', () => {
  const r = loadProcedure(
    variant((p) => {
      p.ui.steps[0].fields[0].field = 'child.fullname';
      p.rules[1].conditions.any[0].fact = 'relaton';
      p.rules[1].targets.fields = ['chld.birthDate'];
      p.fees.items[0].quantityField = 'nothingLikeIt';
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.vi, p.message.en]),
    [
      [
        'unknown-field',
        '/ui/steps/0/fields/0/field',
        'Trường "child.fullname" không có trong lược đồ dữ liệu "data"; có phải ý bạn là "child.fullName"?',
        'The field "child.fullname" does not exist in the "data" schema; did you mean "child.fullName"?',
      ],
      [
        'unknown-field',
        '/fees/items/0/quantityField',
        'Trường "nothingLikeIt" không có trong lược đồ dữ liệu "data".',
        'The field "nothingLikeIt" does not exist in the "data" schema.',
      ],
      [
        'unknown-fact',
        '/rules/1/conditions/any/0/fact',
        '"relaton" không phải là trường trong "data"; có phải ý bạn là "relation"?',
        '"relaton" is not a field in "data"; did you mean "relation"?',
      ],
      [
        'unknown-field',
        '/rules/1/targets/fields/0',
        'Trường "chld.birthDate" không có trong lược đồ dữ liệu "data"; có phải ý bạn là "child.birthDate"?',
        'The field "chld.birthDate" does not exist in the "data" schema; did you mean "child.birthDate"?',
      ],
    ],
  );
});

test('a condition node without all/any/not is read as a fact condition', () => {
  const r = loadProcedure(
    variant((p) => (p.rules[1].conditions.any[0] = { operator: 'equal', value: 'mother' })),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'schema-required',
        '/rules/1/conditions/any/0',
        'The required member "fact" is missing in condition 1 of the any group of rule 2.',
      ],
    ],
  );
});

test('a loop through two definitions is reported once, at a $ref inside the loop', () => {
  const r = loadProcedure(
    variant((p) => {
      p.data.$defs.a = { type: 'object', properties: { b: { $ref: '#/$defs/b' } } };
      p.data.$defs.b = { type: 'array', items: { $ref: '#/$defs/a' } };
      p.data.properties.loop = { $ref: '#/$defs/a' };
      p.ui.steps[1].fields.push({ field: 'loop.b', widget: 'text', label: { vi: 'Vòng' } });
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'ref-cycle',
        '/data/$defs/a/properties/b/$ref',
        'The reference "#/$defs/b" forms a loop (#/$defs/b → #/$defs/a → #/$defs/b); a form cannot nest without end.',
      ],
    ],
  );
});

test('duplicate items in a unique list point at the second one', () => {
  const r = loadProcedure(variant((p) => (p.resultDelivery = ['online', 'post', 'online'])));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'schema-unique',
        '/resultDelivery/2',
        '"resultDelivery" has duplicate items (positions 0 and 2).',
      ],
    ],
  );
});

test('a pattern RE2 cannot read is an unsupported-pattern error only when a pattern checker is given', () => {
  const text = variant(
    (p) => (p.data.$defs.person.properties.fullName.pattern = '^\\p{Script=Latin}+$'),
  );
  // The browser's default path loads no re2js: it cannot tell (the validator's compile will).
  const plain = loadProcedure(text);
  assert.deepEqual(plain.problems, []);
  const checked = loadProcedure(text, { checkPattern: checkPatternSyntax });
  assert.equal(checked.ok, false);
  assert.deepEqual(
    checked.problems.map(({ code, pointer, severity }) => ({ code, pointer, severity })),
    [
      {
        code: AUTHOR_PROBLEM_CODE.unsupportedPattern,
        pointer: '/data/$defs/person/properties/fullName/pattern',
        severity: 'error',
      },
    ],
  );
  assert.equal(
    checked.problems[0]!.message.en,
    'The regular expression "^\\\\p{Script=Latin}+$" uses "\\p{Script=Latin}" at character 2, which the linear-time engine (RE2, used in the browser and on the server) cannot read: a character class or Unicode property it does not support (RE2 knows short category names such as L, Lu, N, not Script=…). Rewrite it in the syntax ECMAScript and RE2 share (for example \\p{L} instead of \\p{Letter}; a character range such as [A-Za-zÀ-ỹ] instead of \\p{Script=…}; at most 1000 repetitions).',
  );
  assert.equal(
    checked.problems[0]!.message.vi,
    'Biểu thức chính quy "^\\\\p{Script=Latin}+$" có "\\p{Script=Latin}" ở ký tự thứ 2 mà bộ kiểm tra thời gian tuyến tính (RE2, dùng trên trình duyệt và máy chủ) không đọc được: lớp ký tự hoặc thuộc tính Unicode không được hỗ trợ (RE2 chỉ biết tên nhóm ngắn như L, Lu, N, không biết Script=…). Hãy viết lại bằng cú pháp chung của ECMAScript và RE2 (ví dụ \\p{L} thay cho \\p{Letter}; thay \\p{Script=…} bằng khoảng ký tự, như [A-Za-zÀ-ỹ]; lặp tối đa 1000 lần).',
  );
  // The checker is asked only about patterns with no lookaround/backreference and valid syntax.
  const asked: string[] = [];
  loadProcedure(
    variant((p) => (p.data.$defs.person.properties.fullName.pattern = '^(?!x)a')),
    { checkPattern: (pattern) => (asked.push(pattern), undefined) },
  );
  assert.deepEqual(asked, ['^0[35789][0-9]{8}$']); // the fixture's phone pattern, not `^(?!x)a`
});

test('patternProperties keys are checked like patterns, at the key', () => {
  const text = variant((p) => (p.data.properties.extra = { patternProperties: { '^a(?=b)': {} } }));
  const r = loadProcedure(text);
  const bad = r.problems.filter((p) => p.code === AUTHOR_PROBLEM_CODE.nonLinearPattern);
  assert.equal(bad.length, 1);
  assert.equal(bad[0]!.pointer, '/data/properties/extra/patternProperties/^a(?=b)');
  // The line and column of `(?=` inside the key itself.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"^a(?=b)"'));
  assert.deepEqual([bad[0]!.line, bad[0]!.column], [line + 1, lines[line]!.indexOf('(?=') + 1]);
});
