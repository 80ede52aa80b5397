/**
 * `decomposed-text`: answers are compared in composed Unicode (NFC), so a value the procedure
 * compares them with must be written so too, wherever the comparison happens.
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
const found = (text: string): [string, string][] =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer]);

/** "Nữ" as a Mac keyboard may type it: N, u, combining horn, combining tilde. */
const NU_NFD = 'Nu\u031B\u0303';
const NU = 'Nữ';

/** The minimal procedure with a `sex` question whose schema enum and options are given. */
function withSex(enumValues: string[] | undefined, optionValues: string[]): string {
  return variant((p) => {
    p.data.properties.sex = { type: 'string', ...(enumValues ? { enum: enumValues } : {}) };
    p.ui.steps[0].fields.push({
      field: 'sex',
      widget: 'radio',
      label: { vi: 'Giới tính' },
      options: optionValues.map((value) => ({ value, label: { vi: value.normalize('NFC') } })),
    });
  });
}

test('the fixture value really is decomposed', () => {
  assert.notEqual(NU_NFD, NU);
  assert.equal(NU_NFD.normalize('NFC'), NU);
});

test('an enum value in NFD is an error at the value, with line, column and message', () => {
  const text = withSex(['Nam', NU_NFD], ['Nam']);
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(NU_NFD)) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'decomposed-text',
        'error',
        '/data/properties/sex/enum/1',
        line,
        lines[line - 1]!.indexOf('"') + 1,
        {
          vi: `Giá trị "${NU_NFD}" được viết ở dạng Unicode tổ hợp (NFD), thường do gõ trên máy Mac. Biểu mẫu chuẩn hóa mọi câu trả lời về dạng dựng sẵn (NFC) trước khi so sánh, nên dvc-forms không bao giờ khớp được giá trị này; hãy viết lại nó ở dạng dựng sẵn (NFC).`,
          en: `The value "${NU_NFD}" is written in decomposed Unicode (NFD), as a Mac keyboard often types it. The form turns every answer into composed form (NFC) before comparing, so dvc-forms can never match this value; write it in composed form (NFC).`,
        },
      ],
    ],
  );
});

test('the same values in NFC are fine', () => {
  assert.deepEqual(found(withSex(['Nam', NU], ['Nam', NU])), []);
});

test('an option value in NFD, with or without an enum', () => {
  assert.deepEqual(found(withSex(undefined, ['Nam', NU_NFD])), [
    ['decomposed-text', '/ui/steps/0/fields/4/options/1/value'],
  ]);
  // Against an NFC enum the option is also not one of its values (both said, at one place).
  assert.deepEqual(found(withSex(['Nam', NU], ['Nam', NU_NFD])), [
    ['decomposed-text', '/ui/steps/0/fields/4/options/1/value'],
    ['unknown-option', '/ui/steps/0/fields/4/options/1/value'],
  ]);
});

test('a const, also inside an if, and a group question option', () => {
  const text = variant((p) => {
    p.data.properties.sex = { type: 'string' };
    p.data.if = { properties: { sex: { const: NU_NFD } } };
    p.data.then = { required: ['phone'] };
    p.ui.steps[0].fields.push({ field: 'sex', widget: 'text', label: { vi: 'Giới tính' } });
    p.data.$defs.person.properties.sex = { type: 'string' };
    p.ui.steps[0].fields[3].fields.push({
      field: 'sex',
      widget: 'select',
      label: { vi: 'Giới tính' },
      options: [{ value: NU_NFD, label: { vi: NU } }],
    });
  });
  assert.deepEqual(found(text), [
    ['decomposed-text', '/data/if/properties/sex/const'],
    ['decomposed-text', '/ui/steps/0/fields/3/fields/1/options/0/value'],
  ]);
});

test('a shared option list value in NFD (format 1.1)', () => {
  const text = variant((p) => {
    p.formatVersion = 1.1;
    p.optionLists = { sexes: { options: [{ value: NU_NFD, label: { vi: NU } }] } };
    p.data.properties.sex = { type: 'string' };
    p.ui.steps[0].fields.push({
      field: 'sex',
      widget: 'radio',
      label: { vi: 'Giới tính' },
      optionList: 'sexes',
    });
  });
  assert.deepEqual(found(text), [['decomposed-text', '/optionLists/sexes/options/0/value']]);
});

test('condition values in NFD: rules, named conditions and fees', () => {
  const text = variant((p) => {
    p.formatVersion = 1.1;
    p.data.properties.sex = { type: 'string' };
    p.ui.steps[0].fields.push({ field: 'sex', widget: 'text', label: { vi: 'Giới tính' } });
    p.rules[1].conditions = { any: [{ fact: 'sex', operator: 'equal', value: NU_NFD }] };
    p.conditions = { female: { all: [{ fact: 'sex', operator: 'in', value: ['Nam', NU_NFD] }] } };
    p.fees.items[0].when = { not: { fact: 'sex', operator: 'notEqual', value: NU_NFD } };
  });
  assert.deepEqual(found(text), [
    ['decomposed-text', '/fees/items/0/when/not/value'],
    ['decomposed-text', '/rules/1/conditions/any/0/value'],
    ['decomposed-text', '/conditions/female/all/0/value/1'],
  ]);
});

test('text that is never compared with an answer may be in any form', () => {
  const text = variant((p) => {
    p.title.vi = NU_NFD;
    p.ui.steps[0].fields[0].label.vi = NU_NFD;
  });
  assert.deepEqual(found(text), []);
});
