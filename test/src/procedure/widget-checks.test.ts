/**
 * Issue 19, point 11: lint refuses a widget that cannot produce the answer's type — a radio or
 * select on a list leaves the citizen with an error they cannot fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}

test('a radio on an array field is an error at its widget, with line and column', () => {
  const text = variant((p) => {
    p.data.properties.relation = {
      type: 'array',
      items: { type: 'string', enum: ['father', 'mother'] },
    };
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"widget": "radio"')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'widget-type-mismatch',
        '/ui/steps/0/fields/2/widget',
        line,
        lines[line - 1]!.indexOf('"radio"') + 1,
        '"relation" is a list (type array) but the "radio" widget chooses one value, so the citizen could never fix the error; use a "checkbox" widget with "options" to choose several.',
      ],
    ],
  );
  assert.equal(
    r.problems[0]!.message.vi,
    'Trường "relation" là một danh sách (kiểu array) nhưng widget "radio" chỉ chọn được một giá trị, nên người dân không thể sửa lỗi; dùng widget "checkbox" có "options" để chọn nhiều.',
  );
});

test('a select on an array reached through $ref is refused; a checkbox with options is accepted', () => {
  const r = loadProcedure(
    variant((p) => {
      p.data.$defs.choices = {
        type: 'array',
        items: { type: 'string', enum: ['father', 'mother'] },
      };
      p.data.properties.relation = { $ref: '#/$defs/choices' };
      p.ui.steps[0].fields[2].widget = 'select';
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer]),
    [['widget-type-mismatch', '/ui/steps/0/fields/2/widget']],
  );
  const ok = loadProcedure(
    variant((p) => {
      p.data.properties.relation = {
        type: 'array',
        items: { type: 'string', enum: ['father', 'mother'] },
      };
      p.ui.steps[0].fields[2].widget = 'checkbox';
    }),
  );
  assert.deepEqual(ok.problems, []);
});

test('a checkbox with options on a single answer is refused', () => {
  const r = loadProcedure(variant((p) => (p.ui.steps[0].fields[2].widget = 'checkbox')));
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'widget-type-mismatch',
        '/ui/steps/0/fields/2/widget',
        'The "checkbox" widget needs a list (array) field but "relation" has type string; use a "radio" widget or change the type in "data".',
      ],
    ],
  );
});

/** [code, pointer, line, column, en] of each problem, the column that of the widget's value. */
function widgetProblems(text: string) {
  return loadProcedure(text).problems.map((p) => [
    p.code,
    p.pointer,
    p.line,
    p.column,
    p.message.en,
  ]);
}
const widgetAt = (text: string, widget: string, nth = 0): [number, number] => {
  const lines = text.split('\n');
  const found = lines
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.includes(`"widget": "${widget}"`));
  const [l, i] = found[nth]!;
  return [i + 1, l.indexOf(`"${widget}"`) + 1];
};

test('a number widget on a string personal ID is refused, suggesting id-number', () => {
  const text = variant((p) => {
    p.data.properties.personalId = { type: 'string', format: 'vn-personal-id' };
    p.ui.steps[1].fields.push({ field: 'personalId', widget: 'number', label: { vi: 'Số CCCD' } });
  });
  const r = loadProcedure(text);
  assert.deepEqual(widgetProblems(text), [
    [
      'widget-type-mismatch',
      '/ui/steps/1/fields/2/widget',
      ...widgetAt(text, 'number', 1),
      'The "number" widget gives a number but "personalId" has type string, so the citizen could never pass this step; use a "id-number" widget or change the type in "data".',
    ],
  ]);
  assert.equal(
    r.problems[0]!.message.vi,
    'Widget "number" cho ra một số nhưng "personalId" có kiểu string, nên người dân không thể qua bước này; dùng widget "id-number" hoặc đổi kiểu trong "data".',
  );
});

test('a select or radio with neither options nor optionList is refused, even with an enum', () => {
  for (const widget of ['select', 'radio']) {
    const text = variant((p) => {
      p.data.properties.choice = { type: 'string' };
      p.ui.steps[1].fields.push({ field: 'choice', widget, label: { vi: 'Chọn' } });
    });
    const r = loadProcedure(text);
    assert.deepEqual(widgetProblems(text), [
      [
        'widget-type-mismatch',
        '/ui/steps/1/fields/2/widget',
        ...widgetAt(text, widget, widget === 'radio' ? 1 : 0),
        `The "${widget}" widget of "choice" has neither "options" nor "optionList", so the citizen has nothing to choose and could never answer; give its options.`,
      ],
    ]);
    assert.equal(
      r.problems[0]!.message.vi,
      `Widget "${widget}" của "choice" không có "options" hay "optionList", nên người dân không có gì để chọn và không thể trả lời; hãy khai báo các lựa chọn.`,
    );
    // The form offers only the question's options, never the schema's enum: still nothing to
    // choose. With options, the same enum is fine.
    const withEnum = (options?: object[]) =>
      variant((p) => {
        p.data.properties.choice = { type: 'string', enum: ['a', 'b'] };
        p.ui.steps[1].fields.push({ field: 'choice', widget, label: { vi: 'Chọn' }, options });
      });
    assert.deepEqual(
      loadProcedure(withEnum()).problems.map((p) => [p.code, p.pointer]),
      [['widget-type-mismatch', '/ui/steps/1/fields/2/widget']],
    );
    const options = ['a', 'b'].map((value) => ({ value, label: { vi: value.toUpperCase() } }));
    assert.deepEqual(loadProcedure(withEnum(options)).problems, []);
  }
});

test('a date widget on a boolean, and on a string of another format, is refused', () => {
  const text = variant((p) => {
    p.data.properties.agreed = { type: 'boolean' };
    p.data.properties.email = { type: 'string', format: 'email' };
    p.ui.steps[1].fields.push(
      { field: 'agreed', widget: 'date', label: { vi: 'Đồng ý' } },
      { field: 'email', widget: 'date', label: { vi: 'Thư điện tử' } },
    );
  });
  const r = loadProcedure(text);
  assert.deepEqual(widgetProblems(text), [
    [
      'widget-type-mismatch',
      '/ui/steps/1/fields/2/widget',
      ...widgetAt(text, 'date', 1),
      'The "date" widget gives a string but "agreed" has type boolean, so the citizen could never pass this step; use a "checkbox" widget or change the type in "data".',
    ],
    [
      'widget-type-mismatch',
      '/ui/steps/1/fields/3/widget',
      ...widgetAt(text, 'date', 2),
      'The "date" widget gives a date YYYY-MM-DD but "email" has the format email, so the citizen could never pass this step; use a "email" widget or "format": "date".',
    ],
  ]);
  assert.equal(
    r.problems[1]!.message.vi,
    'Widget "date" cho ra một ngày dạng YYYY-MM-DD nhưng "email" có định dạng email, nên người dân không thể qua bước này; dùng widget "email" hoặc "format": "date".',
  );
});

test('a checkbox without options on text, and options of the wrong type, are refused', () => {
  const text = variant((p) => {
    p.data.properties.note = { type: 'string' };
    p.data.properties.married = { type: 'boolean' };
    p.ui.steps[1].fields.push(
      { field: 'note', widget: 'checkbox', label: { vi: 'Ghi chú' } },
      {
        field: 'married',
        widget: 'radio',
        label: { vi: 'Đã kết hôn' },
        options: [
          { value: 'yes', label: { vi: 'Có' } },
          { value: 'no', label: { vi: 'Không' } },
        ],
      },
    );
  });
  assert.deepEqual(widgetProblems(text), [
    [
      'widget-type-mismatch',
      '/ui/steps/1/fields/2/widget',
      ...widgetAt(text, 'checkbox'),
      'The "checkbox" widget gives true or false but "note" has type string, so the citizen could never pass this step; use a "text" widget or change the type in "data".',
    ],
    [
      'widget-type-mismatch',
      '/ui/steps/1/fields/3/widget',
      ...widgetAt(text, 'radio', 1),
      'The "radio" widget gives a string but "married" has type boolean, so the citizen could never pass this step; use a "checkbox" widget or change the type in "data".',
    ],
  ]);
});

test('inside a group a choice gives the option as text: boolean options on a boolean are refused', () => {
  const options = [
    { value: true, label: { vi: 'Có' } },
    { value: false, label: { vi: 'Không' } },
  ];
  const text = variant((p) => {
    p.data.$defs.person.properties.alive = { type: 'boolean' };
    p.data.properties.alive = { type: 'boolean' };
    p.ui.steps[0].fields[3].fields.push({
      field: 'alive',
      widget: 'radio',
      label: { vi: 'Còn sống' },
      options,
    });
    p.ui.steps[1].fields.push({ field: 'alive', widget: 'radio', label: { vi: 'Sống' }, options });
  });
  assert.deepEqual(
    widgetProblems(text).map((p) => p.slice(0, 2)),
    [['widget-type-mismatch', '/ui/steps/0/fields/3/fields/1/widget']],
  );
});

test('every widget on the answer it gives lints clean', () => {
  const text = variant((p) => {
    p.data.properties.x = {
      type: 'object',
      properties: {
        text: { type: 'string' },
        area: { type: 'string' },
        mail: { type: 'string', format: 'email' },
        pid: { type: 'string', format: 'vn-personal-id' },
        tel: { type: 'string', format: 'vn-mobile' },
        day: { type: 'string', format: 'date' },
        size: { type: 'number' },
        agree: { const: true },
        needs: { type: 'array', items: { enum: ['a', 'b'] } },
        married: { type: 'boolean' },
        kind: { enum: [1, 2] },
        home: { type: 'object', properties: { province: { type: 'string' } } },
        any: {},
      },
    };
    const two = [
      { value: 'a', label: { vi: 'A' } },
      { value: 'b', label: { vi: 'B' } },
    ];
    p.ui.steps[1].fields.push(
      ...[
        ['text', 'text'],
        ['area', 'textarea'],
        ['mail', 'email'],
        ['pid', 'id-number'],
        ['tel', 'phone'],
        ['day', 'date'],
        ['size', 'number'],
        ['agree', 'checkbox'],
        ['any', 'number'],
      ].map(([field, widget]) => ({ field: `x.${field}`, widget, label: { vi: field } })),
      { field: 'x.needs', widget: 'checkbox', label: { vi: 'n' }, options: two },
      {
        field: 'x.married',
        widget: 'radio',
        label: { vi: 'm' },
        options: [
          { value: true, label: { vi: 'Có' } },
          { value: false, label: { vi: 'Không' } },
        ],
      },
      {
        field: 'x.kind',
        widget: 'select',
        label: { vi: 'k' },
        options: [
          { value: 1, label: { vi: '1' } },
          { value: 2, label: { vi: '2' } },
        ],
      },
      { field: 'x.home', widget: 'address', label: { vi: 'h' } },
    );
  });
  assert.deepEqual(loadProcedure(text).problems, []);
});
