import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, escapePointerToken, pointerTokens } from '../../../src/json/parse.js';

const problems = (text: string, options = {}) =>
  parseJson(text, options).problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.en]);

test('parses every JSON type like JSON.parse', () => {
  const text =
    '{"s":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00","n":[0,-1,1.5,2e3,-1.25E-2],"t":true,"f":false,"z":null,"o":{},"a":[]}';
  const r = parseJson(text);
  assert.equal(r.ok, true);
  assert.deepEqual(r.value, JSON.parse(text));
});

test('records key and value positions for every pointer (1-based lines and columns)', () => {
  const r = parseJson('{\n  "a": [1, {"b/c": "x"}],\n  "~k": null\n}');
  assert.equal(r.ok, true);
  assert.deepEqual(
    Object.fromEntries(
      [...r.positions].map(([p, l]) => [
        p,
        [l.key && [l.key.line, l.key.column], [l.value.line, l.value.column]],
      ]),
    ),
    {
      '': [undefined, [1, 1]],
      '/a': [
        [2, 3],
        [2, 8],
      ],
      '/a/0': [undefined, [2, 9]],
      '/a/1': [undefined, [2, 12]],
      '/a/1/b~1c': [
        [2, 13],
        [2, 20],
      ],
      '/~0k': [
        [3, 3],
        [3, 9],
      ],
    },
  );
});

test('a byte order mark is skipped and does not shift columns', () => {
  // Editors show no column for the mark: "1" is in column 7, as in the same file without it.
  const r = parseJson('\ufeff{"a": 1}');
  assert.equal(r.ok, true);
  assert.deepEqual(r.positions.get('/a')?.value, { line: 1, column: 7, offset: 7 });
  assert.deepEqual(parseJson('{"a": 1}').positions.get('/a')?.value, {
    line: 1,
    column: 7,
    offset: 6,
  });
  // A problem on line 1 of a Notepad file (mark and CRLF) is where the editor shows it.
  const bad = parseJson('\ufeff{ "a": 1 ,}\r\n');
  assert.deepEqual(
    bad.problems.map((p) => [p.line, p.column]),
    parseJson('{ "a": 1 ,}\r\n').problems.map((p) => [p.line, p.column]),
  );
  assert.deepEqual(
    bad.problems.map((p) => [p.line, p.column]),
    [[1, 10]],
  );
});

test('syntax errors say what and where, in Vietnamese and English', () => {
  const r = parseJson('{\n  "a": 1,\n}');
  assert.deepEqual(r.problems, [
    {
      code: 'json-syntax',
      pointer: '/a',
      line: 2,
      column: 9,
      message: {
        vi: 'Dấu phẩy thừa trước "}": hãy xoá dấu phẩy này (JSON không cho phép dấu phẩy cuối).',
        en: 'Extra comma before "}": remove this comma (JSON does not allow a trailing comma).',
      },
    },
  ]);
  assert.equal(r.ok, false);
  assert.equal(r.value, undefined);
});

test('each kind of syntax error', () => {
  assert.deepEqual(problems(''), [
    [
      'json-syntax',
      '',
      1,
      1,
      'The JSON ends too early: a closing "}", "]" or double quote may be missing.',
    ],
  ]);
  assert.deepEqual(problems('{"a": 1 "b": 2}'), [
    ['json-syntax', '/a', 1, 9, `Unexpected character '"'; expected a comma "," or "}".`],
  ]);
  assert.deepEqual(problems('[1 2]'), [
    ['json-syntax', '/0', 1, 4, `Unexpected character '2'; expected a comma "," or "]".`],
  ]);
  assert.deepEqual(problems('{"a" 1}'), [
    ['json-syntax', '', 1, 6, `Unexpected character '1'; expected a colon ":".`],
  ]);
  assert.deepEqual(problems('{a: 1}'), [
    ['json-syntax', '', 1, 2, `Unexpected character 'a'; expected a key in double quotes.`],
  ]);
  assert.deepEqual(problems("{'a': 1}"), [
    ['json-syntax', '', 1, 2, 'JSON strings use double quotes ("), not single quotes.'],
  ]);
  // After the whole value: it belongs to no member.
  assert.deepEqual(problems('{"a": 1} // note'), [
    ['json-syntax', '', 1, 10, 'JSON does not allow comments (// or /* */).'],
  ]);
  // A broken key is the object's problem, not the member before it.
  assert.deepEqual(problems('{"a": 1,\n "b": {"c": 2,\n  d": 3}}'), [
    ['json-syntax', '/b', 3, 3, `Unexpected character 'd'; expected a key in double quotes.`],
  ]);
  // The file ends inside the value being read.
  assert.deepEqual(problems('{"a": {"b": ["x", "y'), [
    [
      'json-syntax',
      '/a/b/1',
      1,
      19,
      'The string opened at line 1, column 19 is not closed: add a double quote (") at its end (a double quote inside the text is written \\").',
    ],
  ]);
  assert.deepEqual(problems('["a\nb"]'), [
    [
      'json-syntax',
      '/0',
      1,
      2,
      'The string opened at line 1, column 2 is not closed: add a double quote (") at its end (a double quote inside the text is written \\").',
    ],
  ]);
  assert.deepEqual(problems('["a\tb"]'), [
    [
      'json-syntax',
      '/0',
      1,
      4,
      'The string contains a typed tab, which JSON does not allow: write \\t instead (or use a space).',
    ],
  ]);
  // Any other control character is invisible in the editor: named, at its place, to delete.
  assert.deepEqual(problems('{"t": "Đăng ký\u0001 khai sinh"}'), [
    [
      'json-syntax',
      '/t',
      1,
      15,
      'The string contains the control character U+0001, which cannot be seen (usually pasted from another file): delete the character at this very place.',
    ],
  ]);
  assert.equal(
    parseJson('["a\u0000"]').problems[0].message.vi,
    'Chuỗi chứa ký tự điều khiển U+0000, không nhìn thấy được (thường do dán từ tệp khác): hãy xoá ký tự ở đúng chỗ này.',
  );
  assert.deepEqual(problems('["\\x41"]'), [
    ['json-syntax', '/0', 1, 3, 'Invalid escape sequence \\x in a JSON string.'],
  ]);
  assert.deepEqual(problems('["\\u12G4"]'), [
    ['json-syntax', '/0', 1, 3, 'Invalid escape sequence \\u12G4 in a JSON string.'],
  ]);
  for (const n of ['01', '1.', '.5', '+1', '-', '1e', '0x10', '1.2.3'])
    assert.equal(parseJson(`[${n}]`).problems[0]?.code, 'json-syntax', n);
  assert.deepEqual(problems('[tru]'), [
    [
      'json-syntax',
      '/0',
      1,
      2,
      'Invalid value: use only true, false, null, a number, a string, an array or an object.',
    ],
  ]);
  assert.deepEqual(problems('[NaN]'), [
    [
      'json-syntax',
      '/0',
      1,
      2,
      'Invalid value: use only true, false, null, a number, a string, an array or an object.',
    ],
  ]);
  assert.deepEqual(problems('{} {}'), [
    ['json-syntax', '', 1, 4, 'Unexpected content after the JSON value.'],
  ]);
  assert.deepEqual(problems('[\u0001]'), [
    ['json-syntax', '/0', 1, 2, 'Unexpected character U+0001; expected a value.'],
  ]);
});

test('a character nobody can see is named, not quoted, where the parser does not expect it', () => {
  // Pasted between members: quoted raw, a zero-width space or a C1 control shows as nothing, and
  // a bidi override reorders the line the message is printed on. Lint's text checks name the
  // same characters the same way (src/json/unseen.ts).
  const at = (ch: string) =>
    parseJson(`{"a": 1,${ch} "b": 2}`).problems.map((p) => [p.column, p.message.en]);
  assert.deepEqual(['\u200b', '\u0085', '\u202e', '\ufeff', 'x'].map(at), [
    [[9, 'Unexpected character U+200B; expected a key in double quotes.']],
    [[9, 'Unexpected character U+0085; expected a key in double quotes.']],
    [[9, 'Unexpected character U+202E; expected a key in double quotes.']],
    [[9, 'Unexpected character U+FEFF; expected a key in double quotes.']],
    [[9, "Unexpected character 'x'; expected a key in double quotes."]],
  ]);
});

const vien = (text: string, options = {}) =>
  parseJson(text, options).problems.map((p) => [p.pointer, p.line, p.column, p.message]);

test('an unclosed string is reported where it opened, also when it ran on into the next key', () => {
  const unclosed = (line: number, column: number) => ({
    vi: `Chuỗi mở ở dòng ${line}, cột ${column} chưa đóng ngoặc kép: thêm dấu " vào cuối chuỗi (dấu " trong chữ phải viết là \\").`,
    en: `The string opened at line ${line}, column ${column} is not closed: add a double quote (") at its end (a double quote inside the text is written \\").`,
  });
  // The closing quote is missing at the end of the line: a raw line break is not allowed in a string.
  const lines =
    '{\n  "title": {\n    "vi": "Đăng ký khai tử, \n    "en": "Death registration"\n  }\n}';
  assert.deepEqual(vien(lines), [['/title/vi', 3, 11, unclosed(3, 11)]]);
  assert.deepEqual(vien(lines.replace(', \n', ',\r\n')), [['/title/vi', 3, 11, unclosed(3, 11)]]);
  // On one line, the string closes on the next key's quote: not "character 'e' is not valid".
  const oneLine = '{\n  "title": { "vi": "Đăng ký khai tử, "en": "Death registration" }\n}';
  assert.deepEqual(vien(oneLine), [['/title/vi', 2, 20, unclosed(2, 20)]]);
  assert.deepEqual(vien('["a, "b"]'), [['/0', 1, 2, unclosed(1, 2)]]);
  assert.deepEqual(vien('{"vi, "en": 1}'), [['', 1, 2, unclosed(1, 2)]]);
  // A double quote inside the text ends the string early in the same way.
  assert.deepEqual(vien('{"a": "Nhấn "Gửi" để nộp"}'), [['/a', 1, 7, unclosed(1, 7)]]);
  // Without positions the pointer is the object's, the place is the same.
  assert.deepEqual(
    parseJson(oneLine, { positions: false }).problems.map((p) => [p.pointer, p.line, p.column]),
    [['/title', 2, 20]],
  );
  // Not a lost quote: a stray letter after a closed string, and a missing comma, stay as they were.
  assert.deepEqual(problems('{"a": "x"y}'), [
    ['json-syntax', '/a', 1, 10, `Unexpected character 'y'; expected a comma "," or "}".`],
  ]);
  assert.deepEqual(problems('{"a": "x" "b": 1}'), [
    ['json-syntax', '/a', 1, 11, `Unexpected character '"'; expected a comma "," or "}".`],
  ]);
  assert.deepEqual(problems('{"a": "x""b": 1}'), [
    ['json-syntax', '/a', 1, 10, `Unexpected character '"'; expected a comma "," or "}".`],
  ]);
});

test('a trailing comma is reported at the comma, not at the bracket on the line below', () => {
  const comma = (close: string) => ({
    vi: `Dấu phẩy thừa trước "${close}": hãy xoá dấu phẩy này (JSON không cho phép dấu phẩy cuối).`,
    en: `Extra comma before "${close}": remove this comma (JSON does not allow a trailing comma).`,
  });
  assert.deepEqual(vien('{"a": 1,\n}'), [['/a', 1, 8, comma('}')]]);
  assert.deepEqual(vien('[1, 2,\n]'), [['/1', 1, 6, comma(']')]]);
  assert.deepEqual(vien('{"a": [1,\n  2,\n  ],\n}'), [['/a/1', 2, 4, comma(']')]]);
  assert.deepEqual(vien('{\n  "a": {"b": [1]} ,\r\n\r\n}'), [['/a/b/0', 2, 19, comma('}')]]);
  assert.deepEqual(
    parseJson('[1, 2,\n]', { positions: false }).problems.map((p) => [p.pointer, p.line, p.column]),
    [['', 1, 6]],
  );
});

test('duplicate keys are reported at the second key; the first value is kept', () => {
  const r = parseJson('{"amount": 1,\n "amount": 1000000}');
  assert.equal(r.ok, false);
  assert.deepEqual(r.value, { amount: 1 });
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.vi]),
    [
      [
        'duplicate-key',
        '/amount',
        2,
        2,
        'Khóa "amount" xuất hiện hai lần trong cùng một đối tượng.',
      ],
    ],
  );
});

test('__proto__, constructor and prototype keys are refused and dropped', () => {
  const r = parseJson(
    '{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": {}}}, "b": [{"prototype": 1}]}',
  );
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer]),
    [
      ['forbidden-key', '/__proto__'],
      ['forbidden-key', '/a/constructor/prototype'],
      ['forbidden-key', '/a/constructor'],
      ['forbidden-key', '/b/0/prototype'],
    ],
  );
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.deepEqual(Object.keys(r.value as object), ['a', 'b']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('forbidden keys are configurable; allowed ones become own data properties', () => {
  const r = parseJson('{"__proto__": {"x": 1}}', { forbiddenKeys: [] });
  assert.equal(r.ok, true);
  const v = r.value as Record<string, unknown>;
  assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.equal((v as { x?: number }).x, undefined);
});

test('nesting deeper than maxDepth is refused without a stack overflow', () => {
  assert.deepEqual(problems('[[[1]]]', { maxDepth: 2 }), [
    ['too-deep', '/0/0', 1, 3, 'The data is nested too deeply (at most 2 levels).'],
  ]);
  assert.equal(parseJson('[[1]]', { maxDepth: 2 }).ok, true);
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  assert.equal(parseJson(deep).problems[0].code, 'too-deep');
});

test('text longer than maxLength is refused', () => {
  assert.deepEqual(problems('[1, 2, 3]', { maxLength: 5 }), [
    ['too-large', '', 1, 1, 'The file is too large: 9 characters, at most 5.'],
  ]);
});

test('the size and the limit are written with their thousands grouped, per language', () => {
  const big = `[${' '.repeat(62_941_267)}]`;
  const [problem] = parseJson(big, { maxLength: 2_000_000 }).problems;
  assert.deepEqual(problem!.message, {
    vi: 'Tệp quá lớn: 62.941.269 ký tự, tối đa 2.000.000.',
    en: 'The file is too large: 62,941,269 characters, at most 2,000,000.',
  });
  assert.deepEqual(problems('[1, 2, 3]', { maxLength: 999 }), []);
  assert.deepEqual(problems(`[${' '.repeat(998)}]`, { maxLength: 999 }), [
    ['too-large', '', 1, 1, 'The file is too large: 1,000 characters, at most 999.'],
  ]);
});

test('positions can be turned off for speed', () => {
  const r = parseJson('{"a": [1]}', { positions: false });
  assert.equal(r.ok, true);
  assert.equal(r.positions.size, 0);
  const d = parseJson('{"x": [{"a": 1, "a": 2}, {"__proto__": 1}]}', { positions: false });
  assert.deepEqual(
    d.problems.map((p) => [p.code, p.pointer, p.line, p.column]),
    [
      ['duplicate-key', '/x/0/a', 1, 17],
      ['forbidden-key', '/x/1/__proto__', 1, 27],
    ],
  );
  const e = parseJson('{"x": [1, {"y": tru}]}', { positions: false });
  assert.deepEqual(
    e.problems.map((p) => [p.code, p.pointer, p.column]),
    [['json-syntax', '/x/1/y', 17]],
  );
});

test('pointer tokens escape ~ and / (RFC 6901)', () => {
  assert.equal(escapePointerToken('a/b~c'), 'a~1b~0c');
  assert.deepEqual(pointerTokens('/a~1b~0c/0'), ['a/b~c', '0']);
  assert.deepEqual(pointerTokens(''), []);
});
