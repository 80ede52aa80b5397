// Author patterns run on re2js (src/safety/linear-regexp.ts): they must mean exactly what
// ECMAScript says they mean, or the browser and the server would disagree with the author.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNonLinearConstruct, toRe2Syntax } from '../../../src/safety/linear-regex.js';
import {
  checkLinearPattern,
  linearRegExp,
  NonLinearPatternError,
} from '../../../src/safety/linear-regexp.js';

test('lookarounds and backreferences are found at their exact position', () => {
  const cases: [string, ReturnType<typeof findNonLinearConstruct>][] = [
    ['^(?=(a+)+$)a', { construct: 'lookahead', index: 1, text: '(?=' }],
    ['ab(?!c)', { construct: 'lookahead', index: 2, text: '(?!' }],
    ['(?<=x)y', { construct: 'lookbehind', index: 0, text: '(?<=' }],
    ['x(?<!y)', { construct: 'lookbehind', index: 1, text: '(?<!' }],
    ['(a)(b)\\2', { construct: 'backreference', index: 6, text: '\\2' }],
    ['(?<y>\\d{4})-\\k<y>', { construct: 'backreference', index: 12, text: '\\k<y>' }],
    ['\\cJ', { construct: 'unsupported-escape', index: 0, text: '\\c' }],
    ['[\\S]', { construct: 'unsupported-escape', index: 1, text: '\\S' }],
    // Not constructs: escaped, inside a class, named groups, non-capturing groups.
    ['\\(?=a', undefined],
    ['[(?=]', undefined],
    ['(?<year>\\d{4})', undefined],
    ['(?:ab)+', undefined],
    ['[\\1]', undefined],
  ];
  for (const [pattern, expected] of cases) {
    assert.deepEqual(findNonLinearConstruct(pattern), expected, pattern);
  }
  assert.throws(() => linearRegExp('^(?=a)'), NonLinearPatternError);
  assert.throws(() => linearRegExp('a{1001}'), NonLinearPatternError); // beyond RE2's repeat limit
});

test('ECMAScript spellings are translated to RE2 ones', () => {
  assert.equal(toRe2Syntax('\\u00e9\\u{1F600}'), '\\x{00e9}\\x{1F600}');
  assert.equal(toRe2Syntax('a.b'), 'a[^\\n\\r\\x{2028}\\x{2029}]b');
  assert.equal(toRe2Syntax('[.]'), '[.]');
  assert.match(toRe2Syntax('\\s'), /^\[\\t\\n.*\\x\{FEFF\}\]$/);
  assert.match(toRe2Syntax('\\S'), /^\[\^\\t\\n/);
});

test('what RE2 cannot read is reported at the construct as written, translations mapped back', () => {
  const cases: [string, ReturnType<typeof checkLinearPattern>][] = [
    [
      '^\\p{Script=Latin}+$',
      { reason: 'invalid character class range', index: 1, text: '\\p{Script=Latin}' },
    ],
    // `\s` and `\u0041` are longer in RE2's spelling: the index is still the author's.
    [
      '^\\d{3}\\s\\p{Letter}$',
      { reason: 'invalid character class range', index: 8, text: '\\p{Letter}' },
    ],
    ['\\u0041{2,1001}', { reason: 'invalid repeat count', index: 6, text: '{2,1001}' }],
    [
      '[.\\s\\p{Script=Greek}]',
      { reason: 'invalid character class range', index: 4, text: '\\p{Script=Greek}' },
    ],
    // RE2 quotes the whole expression for an unclosed group: no better place than the start.
    ['x(a', { reason: 'missing closing )' }],
    // Read by both engines.
    ['^\\p{L}\\p{Lu}\\P{N}$', undefined],
    ['(?<year>\\d{4})-(?:0[1-9]|1[0-2])', undefined],
    ['^[0-9]{1000}$', undefined],
    ['\\u{1F600}.\\s\\S', undefined],
  ];
  for (const [pattern, expected] of cases)
    assert.deepEqual(checkLinearPattern(pattern), expected, pattern);
  const map: number[] = [];
  assert.equal(toRe2Syntax('\\u00e9a', map), '\\x{00e9}a');
  assert.deepEqual(map, [0, 0, 0, 0, 0, 0, 0, 0, 6]);
});

/** A seeded generator of strings mixing what citizens type and what attackers send. */
function strings(seed: number, count: number): string[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = [
    ...'aAbzZ09 .-_/+@,',
    'ễ',
    'Đ',
    'ư',
    'e\u0301', // decomposed é
    '\u00a0',
    '\u2003',
    '\u2028',
    '\n',
    '\t',
    '\ufeff',
    '😀',
    '\u200b',
  ];
  return Array.from({ length: count }, () => {
    const n = Math.floor(next() * 14);
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

test('re2js answers as ECMAScript does (unicode mode) on typical author patterns', () => {
  const patterns = [
    '^[0-9]{12}$',
    '^(0|\\+84)[35789][0-9]{8}$',
    '^\\p{L}+( \\p{L}+)*$',
    "^[\\p{L} .'-]{2,100}$",
    '\\s',
    '^\\S+$',
    '^\\s*$',
    '^.$',
    '^.+$',
    '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$',
    '\\d{2}/\\d{2}/\\d{4}',
    '^\\w+$',
    '\\bab',
    '^[A-Z]{2}\\d{6}$',
    '^(?:\\d{3}-){2}\\d{4}$',
    '\\u00e9',
    '^[\\u0041-\\u005a]+$',
    '😀',
    '^.{2,5}$',
    '[\\s,]+',
    '(a+)+$',
    '^(\\d+\\s?)+$',
    '^[^\\d]*$',
    'Đ|ư',
    '^$',
  ];
  const inputs = strings(17, 300);
  for (const p of patterns) {
    const js = new RegExp(p, 'u');
    const re2 = linearRegExp(p, 'u');
    for (const s of inputs) {
      // Every pattern here is linear for a backtracking engine on 0–13 characters too.
      assert.equal(re2.test(s), js.test(s), `${p} on ${JSON.stringify(s)}`);
    }
  }
});
