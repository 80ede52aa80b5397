/**
 * Characters nobody can see in the text people read (src/procedure/text-checks.ts): a control
 * character written as an escape, a bidi control (errors), a zero-width space and its kin
 * (warnings). Each is found at its own column, as the file writes it, and named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
const TITLE = '"vi": "Đăng ký khai sinh"';
const TITLE_LINE = minimal.split('\n').findIndex((l) => l.includes(TITLE)) + 1;
/** The column of `"vi": "` + `before` in the title's line, as the file writes it. */
const titleColumn = (before: string) =>
  minimal.split('\n')[TITLE_LINE - 1]!.indexOf(TITLE) + '"vi": "'.length + before.length + 1;

/** The problems of the minimal file whose Vietnamese title is written `written` (JSON text). */
function titleProblems(written: string) {
  assert.ok(minimal.includes(TITLE));
  const r = loadProcedure(minimal.replace(TITLE, `"vi": "${written}"`));
  return {
    ok: r.ok,
    problems: r.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      pointer: p.pointer,
      line: p.line,
      column: p.column,
      message: p.message,
    })),
  };
}

test('an escaped control character in a title is a warning at the escape, named', () => {
  // A warning: valid JSON a script can write, and a procedure holding one loaded before.
  assert.deepEqual(titleProblems('Đăng ký tạm\\u0001 trú'), {
    ok: true,
    problems: [
      {
        code: 'control-character',
        severity: 'warning',
        pointer: '/title/vi',
        line: TITLE_LINE,
        column: titleColumn('Đăng ký tạm'),
        message: {
          vi: 'Chuỗi "Đăng ký tạm\\u0001 trú" chứa ký tự điều khiển U+0001 ở đây: đó không phải là chữ, không nhìn thấy được (thường do dán từ tệp khác) và có thể làm hỏng bản in hay tệp xuất ra từ biểu mẫu. Hãy xóa ký tự này.',
          en: 'The text "Đăng ký tạm\\u0001 trú" contains the control character U+0001 here: it is not text, it cannot be seen (usually pasted from another file) and it can break a printout or a file made from the form. Delete it.',
        },
      },
    ],
  });
});

test('a bidi override is an error, quoted as its escape so it cannot reorder the message', () => {
  // Typed into the file as itself (after two escapes, counted as the file writes them).
  assert.deepEqual(titleProblems('\\u0110\\u0103ng k\u202eý'), {
    ok: false,
    problems: [
      {
        code: 'bidi-control',
        severity: 'error',
        pointer: '/title/vi',
        line: TITLE_LINE,
        column: titleColumn('\\u0110\\u0103ng k'),
        message: {
          vi: 'Chuỗi "Đăng k\\u202eý" chứa ký tự điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE) ở đây: nó làm chữ hiển thị theo thứ tự khác với chữ được lưu, có thể dùng để đánh lừa người đọc, và tiếng Việt không bao giờ cần đến nó. Hãy xóa ký tự này.',
          en: 'The text "Đăng k\\u202eý" contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) here: it makes the text display in another order than it is stored, which can mislead the reader, and Vietnamese never needs it. Delete it.',
        },
      },
    ],
  });
  for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'])
    assert.deepEqual(
      titleProblems(`Đăng ký${c}`).problems.map((p) => [p.code, p.severity, p.column]),
      [['bidi-control', 'error', titleColumn('Đăng ký')]],
      c,
    );
});

test('a zero-width space is a warning: the file still loads', () => {
  assert.deepEqual(titleProblems('Đăng ký\u200b khai sinh'), {
    ok: true,
    problems: [
      {
        code: 'invisible-character',
        severity: 'warning',
        pointer: '/title/vi',
        line: TITLE_LINE,
        column: titleColumn('Đăng ký'),
        message: {
          vi: 'Chuỗi "Đăng ký\\u200b khai sinh" chứa ký tự vô hình U+200B (ZERO WIDTH SPACE) ở đây: chữ trông vẫn đúng, nhưng tìm kiếm và sao chép chữ này sẽ sai. Hãy xóa ký tự này.',
          en: 'The text "Đăng ký\\u200b khai sinh" contains the invisible character U+200B (ZERO WIDTH SPACE) here: the text looks right, but searching for it and copying it go wrong. Delete it.',
        },
      },
    ],
  });
  const kin: [string, string][] = [
    ['\\ufeff', 'U+FEFF'],
    ['\u200c', 'U+200C'],
    ['\u200d', 'U+200D'],
    ['\u2060', 'U+2060'],
    ['\u00ad', 'U+00AD'],
  ];
  for (const [c, code] of kin) {
    const r = titleProblems(`Đăng${c} ký`);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.severity, p.column, p.message.en.includes(` ${code} (`)]),
      [['invisible-character', 'warning', titleColumn('Đăng'), true]],
      code,
    );
  }
});

test('each character once per text; tab, line breaks and emoji joiners are text', () => {
  assert.deepEqual(
    titleProblems('a\u200bb\u200bc\\u0002').problems.map((p) => [p.code, p.column]),
    [
      ['invisible-character', titleColumn('a')],
      ['control-character', titleColumn('a\u200bb\u200bc')],
    ],
  );
  assert.deepEqual(titleProblems('Đăng ký\\tkhai\\nsinh\\r 👨\u200d👩\u200d👧').problems, []);
});

test('labels, hints, options and messages are read; keys and data are not', () => {
  const text = minimal
    .replace(
      '"label": { "vi": "Ngày sinh" }',
      '"label": { "vi": "Ngày", "en": "Birth\u200b date" }',
    )
    .replace('"label": { "vi": "Cha" }', '"label": { "vi": "C\u202eha" }')
    .replace('"birthDate": { "type": "string", "format": "date" }', () =>
      JSON.stringify({ birthDate: { type: 'string', format: 'date', title: 'x\u200b' } }).slice(
        1,
        -1,
      ),
    );
  assert.deepEqual(
    loadProcedure(text).problems.map((p) => [p.code, p.pointer]),
    [
      ['invisible-character', '/ui/steps/0/fields/1/label/en'],
      ['bidi-control', '/ui/steps/0/fields/2/options/0/label/vi'],
    ],
  );
});
