/**
 * `lone-surrogate`: half of a UTF-16 pair written alone (`"\ud800"`) is no character, wherever it
 * is in the file, string or key (src/procedure/text-checks.ts). Each case edits the minimal
 * procedure's text and gives the problems expected, their column found from the file's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';
import { loneSurrogateAt } from '../../../src/procedure/text-checks.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');

const text = (quoted: string, code: string) =>
  `The text ${quoted} contains ${code}, half of a UTF-16 pair standing alone, not a real character. It cannot be shown or written as UTF-8, and it stops the dossier from being signed; delete it, or type the character you meant directly.`;
const VI_TAIL =
  ': đó là một nửa của cặp mã UTF-16 đứng riêng, không phải một chữ thật. Nó không hiển thị được, không ghi được thành UTF-8 và làm hồ sơ không ký số được; hãy xóa mã này hoặc gõ thẳng chữ bạn muốn viết.';

interface Case {
  name: string;
  /** [what the minimal file says, what it says instead]; `@` marks the expected column. */
  edit: [string, string];
  /** [code, pointer, whether the spot is `@`'s] for each problem, in order. */
  expect: [string, string][];
  /** The lone-surrogate message's English text and Vietnamese head, when there is one. */
  message?: { en: string; vi: string };
}

const CASES: Case[] = [
  {
    name: 'in the title, escaped',
    edit: ['"vi": "Đăng ký khai sinh"', '"vi": "Đăng ký @\\ud800 khai sinh"'],
    expect: [['lone-surrogate', '/title/vi']],
    message: {
      en: text('"Đăng ký \\ud800 khai sinh"', '\\ud800'),
      vi: `Chuỗi "Đăng ký \\ud800 khai sinh" chứa mã \\ud800${VI_TAIL}`,
    },
  },
  {
    name: 'after other escapes, counted as the file writes them',
    edit: ['"vi": "Đăng ký khai sinh"', '"vi": "\\u0110\\u0103ng \\"k\\u00fd\\" @\\udc00"'],
    expect: [['lone-surrogate', '/title/vi']],
    message: {
      en: text('"Đăng \\"ký\\" \\udc00"', '\\udc00'),
      vi: `Chuỗi "Đăng \\"ký\\" \\udc00" chứa mã \\udc00${VI_TAIL}`,
    },
  },
  {
    name: 'a pair written backwards (low, then high)',
    edit: ['"vi": "Giấy tờ"', '"vi": "Giấy tờ @\\udc00\\ud800"'],
    expect: [['lone-surrogate', '/ui/steps/1/title/vi']],
  },
  {
    name: 'in an enum value of data',
    edit: ['"enum": ["father", "mother"]', '"enum": ["father", "mother", "@\\ud800"]'],
    expect: [['lone-surrogate', '/data/properties/relation/enum/2']],
  },
  {
    name: 'in a pattern',
    edit: ['"pattern": "^0[35789][0-9]{8}$"', '"pattern": "^0[35789]@\\ud800$"'],
    expect: [['lone-surrogate', '/data/properties/phone/pattern']],
  },
  {
    name: 'in a key of data.properties (also no property name)',
    edit: ['"copies": { "type"', '"x@\\ud800": { "type": "string" }, "copies": { "type"'],
    expect: [
      ['schema-property-name', '/data/properties/x\ud800'],
      ['lone-surrogate', '/data/properties/x\ud800'],
    ],
  },
  {
    name: 'in a member name the format does not know (also an extra member)',
    edit: ['"title": { "vi": "Đăng ký', '"title": { "x@\\ud800": "y", "vi": "Đăng ký'],
    expect: [
      ['schema-additional-property', '/title/x\ud800'],
      ['lone-surrogate', '/title/x\ud800'],
    ],
    message: {
      en: 'The member name "x\\ud800" contains \\ud800, half of a UTF-16 pair standing alone, not a real character. It cannot be shown or written as UTF-8, and it stops the dossier from being signed; delete it, or type the character you meant directly.',
      vi: `Tên mục "x\\ud800" chứa mã \\ud800${VI_TAIL}`,
    },
  },
  {
    name: 'a surrogate pair, escaped, is a character',
    edit: ['"vi": "Đăng ký khai sinh"', '"vi": "Đăng ký \\ud83d\\ude00"'],
    expect: [],
  },
  {
    name: 'a surrogate pair, written as itself, is a character',
    edit: ['"vi": "Đăng ký khai sinh"', '"vi": "Đăng ký 😀"'],
    expect: [],
  },
];

for (const c of CASES) {
  test(`lone surrogate: ${c.name}`, () => {
    assert.ok(minimal.includes(c.edit[0]), c.edit[0]);
    const marked = minimal.replace(c.edit[0], c.edit[1]);
    const source = marked.replace('@', '');
    const lines = marked.split('\n');
    const line = lines.findIndex((l) => l.includes('@')) + 1;
    const column = line > 0 ? lines[line - 1]!.indexOf('@') + 1 : 0;
    const r = loadProcedure(source);
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.pointer]),
      c.expect,
    );
    assert.equal(r.ok, c.expect.length === 0);
    for (const p of r.problems.filter((x) => x.code === 'lone-surrogate')) {
      assert.deepEqual([p.severity, p.line, p.column], ['error', line, column]);
      if (c.message) assert.deepEqual(p.message, c.message);
    }
  });
}

test('a lone surrogate the text itself holds (not escaped) is found at its own column', () => {
  // A caller handing loadProcedure a string, not bytes read from UTF-8 (those would be U+FFFD).
  const source = minimal.replace('"vi": "Giấy tờ"', '"vi": "Giấy tờ \ud800"');
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes('\ud800')) + 1;
  assert.deepEqual(
    loadProcedure(source).problems.map((p) => [p.code, p.pointer, p.line, p.column]),
    [['lone-surrogate', '/ui/steps/1/title/vi', line, lines[line - 1]!.indexOf('\ud800') + 1]],
  );
});

test('loneSurrogateAt finds the first unpaired half only', () => {
  const CASES: [string, number][] = [
    ['', -1],
    ['Đăng ký', -1],
    ['\ud83d\ude00', -1],
    ['a\ud83d\ude00\ud800', 3],
    ['\ud800', 0],
    ['\udc00', 0],
    ['\ud800\ud800\udc00', 0],
    ['x\udc00\ud800', 1],
    ['\ud83d', 0],
  ];
  for (const [s, at] of CASES) assert.equal(loneSurrogateAt(s), at, JSON.stringify(s));
});

test("other codes quote a key with a lone surrogate as its escape, never as '�'", () => {
  // The same file as the case "in a member name the format does not know": the extra member's
  // own problem quotes the key too.
  const source = minimal.replace(
    '"title": { "vi": "Đăng ký',
    '"title": { "x\\ud800": "y", "vi": "Đăng ký',
  );
  const extra = loadProcedure(source).problems.find((p) => p.code === 'schema-additional-property');
  assert.deepEqual(extra?.message, {
    vi: 'Mục "x\\ud800" không có trong định dạng ở vị trí này; có phải ý bạn là "vi"?',
    en: '"x\\ud800" is not part of the format here; did you mean "vi"?',
  });
  // A pair stays the character it is; a backwards pair is two escapes.
  const pair = minimal.replace(
    '"title": { "vi": "Đăng ký',
    '"title": { "x\\ud83d\\ude00\\udc00\\ud800": "y", "vi": "Đăng ký',
  );
  assert.equal(
    loadProcedure(pair).problems.find((p) => p.code === 'schema-additional-property')?.message.en,
    '"x😀\\udc00\\ud800" is not part of the format here.',
  );
});
