/**
 * Issue 19, point 4: the author's tick-box text of the declaration and wording of the "cannot
 * apply" page (format 1.1) — accepted by the meta-schema, refused with exact positions when of the
 * wrong shape, and a 1.1 feature.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function withWording(version: number, change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  p.formatVersion = version;
  change(p);
  return JSON.stringify(p, null, 2);
}
/**
 * 1-based line and column of `needle` on the first line holding it after the line holding
 * `after`: of the value after it (`value`), or of the key itself.
 */
function at(text: string, after: string, needle: string, of: 'value' | 'key'): [number, number] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(after));
  const line = lines.findIndex((l, i) => i > from && l.includes(needle));
  assert.ok(from >= 0 && line >= 0, needle);
  const column = lines[line]!.indexOf(needle) + (of === 'value' ? needle.length : 0);
  return [line + 1, column + 1];
}

test('the declaration label and the ineligible page wording load in format 1.1', () => {
  const text = withWording(1.1, (p) => {
    p.declaration.label = {
      vi: 'Chúng tôi đã đọc và đồng ý với lời cam đoan trên',
      en: 'We have read and agree with the declaration above',
    };
    p.ineligible = {
      heading: { vi: 'Ông/bà chưa thể nộp hồ sơ', en: 'You cannot apply' },
      remedyLabel: { vi: 'Cách khắc phục: ' },
    };
  });
  const r = loadProcedure(text);
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  assert.equal(
    r.procedure.declaration.label?.vi,
    'Chúng tôi đã đọc và đồng ý với lời cam đoan trên',
  );
  assert.equal(r.procedure.ineligible?.remedyLabel?.vi, 'Cách khắc phục: ');
});

test('a wrong type, English without Vietnamese and an unknown member are pointed at', () => {
  const text = withWording(1.1, (p) => {
    p.declaration.label = 'Chúng tôi đã đọc';
    p.ineligible = { heading: { en: 'You cannot apply' }, title: { vi: 'Không' } };
  });
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column]),
    [
      ['schema-type', '/declaration/label', ...at(text, '"declaration"', '"label": ', 'value')],
      ['missing-vi', '/ineligible/heading', ...at(text, '"ineligible"', '"heading": ', 'value')],
      [
        'schema-additional-property',
        '/ineligible/title',
        ...at(text, '"ineligible"', '"title"', 'key'),
      ],
    ],
  );
});

test('in a file declaring format 1 they are format-version problems at their keys', () => {
  const text = withWording(1, (p) => {
    p.declaration.label = { vi: 'Chúng tôi đã đọc và đồng ý với lời cam đoan trên' };
    p.ineligible = { heading: { vi: 'Ông/bà chưa thể nộp hồ sơ' } };
  });
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'format-version',
        'error',
        '/declaration/label',
        ...at(text, '"declaration"', '"label"', 'key'),
        'declaration.label is a format 1.1 feature; declare "formatVersion": 1.1 at the top of the file. The file uses format 1.1 features in 1 other place too (marked as warnings); this one declaration covers them all.',
      ],
      [
        'format-version',
        'warning',
        '/ineligible',
        ...at(text, '"declaration"', '"ineligible"', 'key'),
        'ineligible here is a format 1.1 feature, but the file declares "formatVersion": 1. Change that line at the top of the file to "formatVersion": 1.1 (the newest format the file uses; this one change fixes every place marked), or take it out here if the file must stay at format 1.',
      ],
    ],
  );
});
