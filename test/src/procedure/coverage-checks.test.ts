/**
 * `required-not-asked`: a required answer no question asks leaves a form that can never be sent.
 * What counts as asked follows what the form does (src/procedure/coverage-checks.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
type Json = Record<string, any>;
function variant(change: (p: Json) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}
/** Adds a question to the second step. */
const ask = (p: Json, question: Json): void => void p.ui.steps[1].fields.push(question);
const removeQuestion = (p: Json, path: string): void => {
  for (const s of p.ui.steps) s.fields = s.fields.filter((f: Json) => f.field !== path);
};
const found = (text: string): [string, string][] =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer]);

test('the minimal procedure asks every required answer', () => {
  assert.deepEqual(loadProcedure(minimal).problems, []);
});

test('a required answer no question asks is an error at its required entry, in both languages', () => {
  const text = variant((p) => {
    p.data.required.push('phone');
    removeQuestion(p, 'phone');
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  // The `required` list is written one name a line.
  const line = lines.findIndex((l) => l.trim() === '"phone"') + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'required-not-asked',
        'error',
        '/data/required/2',
        line,
        lines[line - 1]!.indexOf('"phone"') + 1,
        {
          vi: 'Mục bắt buộc "phone" không được hỏi ở câu hỏi nào trong "ui", nên người nộp không thể trả lời và không gửi được hồ sơ. Thêm một câu hỏi cho trường này hoặc bỏ nó khỏi "required".',
          en: 'The required answer "phone" is asked by no question in "ui", so applicants could never answer it or send the form. Add a question for it or remove it from "required".',
        },
      ],
    ],
  );
});

test('a required object is asked by a question inside it, and by a widget answering all of it', () => {
  // child (required) is asked through child.fullName; home through its address widget.
  const text = variant((p) => {
    p.data.properties.home = {
      type: 'object',
      properties: {
        province: { type: 'string' },
        commune: { type: 'string' },
        street: { type: 'string' },
      },
      required: ['province', 'commune', 'street'],
    };
    p.data.required.push('home');
    ask(p, { field: 'home', widget: 'address', label: { vi: 'Nơi cư trú' } });
  });
  assert.deepEqual(found(text), []);
});

test('a required object nobody answers is reported once, not at each of its members', () => {
  const text = variant((p) => {
    p.data.properties.mother = { $ref: '#/$defs/person' };
    p.data.properties.father = { $ref: '#/$defs/person' };
    // mother is required and never asked; father is optional and never asked (never present).
    p.data.required.push('mother');
  });
  assert.deepEqual(found(text), [['required-not-asked', '/data/required/2']]);
  assert.match(loadProcedure(text).problems[0]!.message.en, /"mother"/);
});

test('a repeat group asks its items only through its fields', () => {
  const text = variant((p) => {
    const group = p.ui.steps[0].fields.find((f: Json) => f.field === 'siblings');
    group.fields = [{ field: 'birthDate', widget: 'date', label: { vi: 'Ngày sinh' } }];
  });
  // person.fullName is asked for the child but not for the siblings.
  assert.deepEqual(found(text), [['required-not-asked', '/data/$defs/person/required/0']]);
  assert.match(loadProcedure(text).problems[0]!.message.en, /"siblings\[\]\.fullName"/);
});

test('a file widget asks for a document, never for an answer', () => {
  const text = variant((p) => {
    p.data.properties.certificate = { type: 'string' };
    p.data.required.push('certificate');
    ask(p, {
      field: 'certificate',
      widget: 'file',
      document: 'birth-certificate',
      label: { vi: 'Giấy chứng sinh' },
    });
  });
  assert.deepEqual(found(text), [
    ['required-not-asked', '/data/required/2'],
    ['file-field-in-data', '/ui/steps/1/fields/2/field'],
  ]);
});

test('a show rule hides a question but asks none: its target still needs a question', () => {
  const text = variant((p) => {
    p.data.required.push('phone');
    removeQuestion(p, 'phone');
    p.rules.push({
      id: 'show-phone',
      kind: 'show',
      conditions: { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] },
      targets: { fields: ['phone'] },
    });
  });
  assert.deepEqual(found(text), [['required-not-asked', '/data/required/2']]);
});

test('then: required unless its if requires an answer never asked', () => {
  const conditional = (ifSchema: Json) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data.allOf = [{ if: ifSchema, then: { required: ['phone'] } }];
      removeQuestion(p, 'phone');
    });
  // The if holds whenever relation is "mother": phone is then required and never asked.
  assert.deepEqual(
    found(conditional({ properties: { relation: { const: 'mother' } }, required: ['relation'] })),
    [['required-not-asked', '/data/allOf/0/then/required/0']],
  );
  // An if needing an answer no question gives never holds.
  assert.deepEqual(found(conditional({ required: ['nickname'] })), []);
});

test('else: required unless its if only constrains answers never given (then it always holds)', () => {
  const conditional = (ifSchema: Json) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data.if = ifSchema;
      p.data.else = { required: ['phone'] };
      removeQuestion(p, 'phone');
    });
  assert.deepEqual(found(conditional({ properties: { relation: { const: 'mother' } } })), [
    ['required-not-asked', '/data/else/required/0'],
  ]);
  assert.deepEqual(found(conditional({ properties: { nickname: { const: 'An' } } })), []);
});

test('dependentRequired applies when its trigger is asked', () => {
  const text = (trigger: string) =>
    variant((p) => {
      // nickname is declared but asked by no question: it is never answered.
      p.data.properties.nickname = { type: 'string' };
      p.data.dependentRequired = { [trigger]: ['phone'] };
      removeQuestion(p, 'phone');
    });
  assert.deepEqual(found(text('copies')), [
    ['required-not-asked', '/data/dependentRequired/copies/0'],
  ]);
  assert.deepEqual(found(text('nickname')), []);
});

test('anyOf and oneOf: reported only when no branch can be met', () => {
  const branches = (keyword: string, second: string) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data[keyword] = [{ required: ['nickname'] }, { required: [second] }];
    });
  assert.deepEqual(found(branches('anyOf', 'phone')), []);
  assert.deepEqual(found(branches('oneOf', 'phone')), []);
  assert.deepEqual(found(branches('oneOf', 'nickname')), [
    ['required-not-asked', '/data/oneOf/0/required/0'],
    ['required-not-asked', '/data/oneOf/1/required/0'],
  ]);
});

test('a required member beside a misspelt question is left to unknown-field', () => {
  const text = variant((p) => {
    p.ui.steps[0].fields[0].field = 'child.fullname';
  });
  assert.deepEqual(found(text), [['unknown-field', '/ui/steps/0/fields/0/field']]);
});
