/**
 * Constraints no answer can meet: bounds the wrong way round (`impossible-bounds`), a `const`
 * outside its `enum` (`const-not-in-enum`), `enum`/`const` values of a refused type
 * (`value-type-mismatch`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
type Json = Record<string, any>;
/** The widget that gives an answer of the schema's type (so only the constraint is wrong). */
function widgetFor(schema: Json): Json {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'number' || type === 'integer') return { widget: 'number' };
  if (type === 'boolean') return { widget: 'checkbox' };
  if (type === 'array')
    return { widget: 'checkbox', options: [{ value: 'a', label: { vi: 'A' } }] };
  if (type === 'object') return { widget: 'address' };
  return { widget: 'text' };
}
/** The minimal procedure with `note` (asked by a question that fits its type) given `schema`. */
function withNote(schema: Json): string {
  const p = JSON.parse(minimal);
  p.data.properties.note = schema;
  p.ui.steps[1].fields.push({ field: 'note', ...widgetFor(schema), label: { vi: 'Ghi chú' } });
  return JSON.stringify(p, null, 2);
}
const found = (schema: Json): [string, string, string, string][] =>
  loadProcedure(withNote(schema)).problems.map((p) => [
    p.code,
    p.pointer,
    p.message.vi,
    p.message.en,
  ]);

test('minLength above maxLength: an error at minLength, with line and column', () => {
  const text = withNote({ type: 'string', minLength: 300, maxLength: 200 });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"minLength": 300')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'impossible-bounds',
        'error',
        '/data/properties/note/minLength',
        line,
        lines[line - 1]!.indexOf('300') + 1,
        {
          vi: 'Độ dài tối thiểu (300) lớn hơn độ dài tối đa (200): không câu trả lời nào hợp lệ.',
          en: 'The minimum length (300) is greater than the maximum length (200): no answer can be valid.',
        },
      ],
    ],
  );
});

test('minimum above maximum, minItems above maxItems, minProperties above maxProperties', () => {
  assert.deepEqual(found({ type: 'number', minimum: 10, maximum: 5 }), [
    [
      'impossible-bounds',
      '/data/properties/note/minimum',
      'Giá trị nhỏ nhất (10) lớn hơn giá trị lớn nhất (5): không câu trả lời nào hợp lệ.',
      'The minimum (10) is greater than the maximum (5): no answer can be valid.',
    ],
  ]);
  assert.deepEqual(found({ type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 2 }), [
    [
      'impossible-bounds',
      '/data/properties/note/minItems',
      'Số phần tử tối thiểu (3) lớn hơn số phần tử tối đa (2): không câu trả lời nào hợp lệ.',
      'The minimum number of items (3) is greater than the maximum number of items (2): no answer can be valid.',
    ],
  ]);
  assert.deepEqual(
    found({ type: 'object', minProperties: 2, maxProperties: 1 }).map(([c, p]) => [c, p]),
    [['impossible-bounds', '/data/properties/note/minProperties']],
  );
});

test('exclusive bounds and whole numbers: no number in between', () => {
  assert.deepEqual(found({ type: 'number', exclusiveMinimum: 5, maximum: 5 }), [
    [
      'impossible-bounds',
      '/data/properties/note/exclusiveMinimum',
      'Không có số nào vừa lớn hơn 5 vừa nhỏ hơn hoặc bằng 5: không câu trả lời nào hợp lệ.',
      'No number is both greater than 5 and less than or equal to 5: no answer can be valid.',
    ],
  ]);
  assert.deepEqual(found({ type: 'integer', exclusiveMinimum: 1, exclusiveMaximum: 2 }), [
    [
      'impossible-bounds',
      '/data/properties/note/exclusiveMinimum',
      'Không có số nguyên nào vừa lớn hơn 1 vừa nhỏ hơn 2: không câu trả lời nào hợp lệ.',
      'No whole number is both greater than 1 and less than 2: no answer can be valid.',
    ],
  ]);
  // The stricter bound of each side counts: minimum 3 beats exclusiveMinimum 1.
  assert.deepEqual(
    found({ type: 'integer', exclusiveMinimum: 1, minimum: 3, maximum: 2 }).map(([c, p]) => [c, p]),
    [['impossible-bounds', '/data/properties/note/minimum']],
  );
});

test('bounds that can be met, or that do not apply to the type, are fine', () => {
  assert.deepEqual(found({ type: 'string', minLength: 12, maxLength: 12 }), []);
  assert.deepEqual(found({ type: 'number', minimum: 5, maximum: 5 }), []);
  assert.deepEqual(found({ type: 'number', exclusiveMinimum: 1, exclusiveMaximum: 2 }), []);
  assert.deepEqual(found({ type: 'integer', minimum: 1.5, maximum: 2 }), []);
  // minimum and maximum only limit numbers: on a string they are inert.
  assert.deepEqual(found({ type: 'string', minimum: 10, maximum: 5 }), []);
});

test('a const outside the same schema enum', () => {
  assert.deepEqual(found({ type: 'string', enum: ['a', 'b'], const: 'c' }), [
    [
      'const-not-in-enum',
      '/data/properties/note/const',
      'Giá trị cố định "c" ("const") không nằm trong danh sách "enum" của cùng lược đồ: không câu trả lời nào hợp lệ.',
      'The fixed value "c" ("const") is not in the same schema\'s "enum": no answer can be valid.',
    ],
  ]);
  assert.deepEqual(found({ type: 'string', enum: ['a', 'b'], const: 'b' }), []);
  assert.deepEqual(found({ type: 'object', enum: [{ a: 1, b: 2 }], const: { b: 2, a: 1 } }), []);
});

test('enum and const values of a type the schema refuses', () => {
  assert.deepEqual(found({ type: 'integer', enum: [1, 1.5, '2'] }), [
    [
      'value-type-mismatch',
      '/data/properties/note/enum/1',
      'Giá trị 1.5 trong "enum" không phải một số nguyên như "type" yêu cầu: không câu trả lời nào có thể là giá trị này.',
      'The value 1.5 in "enum" is not a whole number as "type" demands: no answer can ever be this value.',
    ],
    [
      'value-type-mismatch',
      '/data/properties/note/enum/2',
      'Giá trị "2" trong "enum" không phải một số nguyên như "type" yêu cầu: không câu trả lời nào có thể là giá trị này.',
      'The value "2" in "enum" is not a whole number as "type" demands: no answer can ever be this value.',
    ],
  ]);
  assert.deepEqual(
    found({ type: ['string', 'null'], const: true }).map(([c, p, , en]) => [c, p, en]),
    [
      [
        'value-type-mismatch',
        '/data/properties/note/const',
        'The value true in "const" is not a string or null as "type" demands: no answer can ever be this value.',
      ],
    ],
  );
  assert.deepEqual(found({ type: 'number', enum: [1, 2.5, 3.0] }), []);
  assert.deepEqual(found({ enum: [1, 'a', null] }), []);
});
