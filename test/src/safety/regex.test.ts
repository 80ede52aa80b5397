import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRegexSafety } from '../../../src/safety/regex.js';

const reason = (p: string): string => {
  const r = checkRegexSafety(p);
  return r.safe ? 'safe' : r.reason;
};

test('nested quantifiers (star height > 1) are unsafe', () => {
  for (const p of [
    '(a+)+',
    '(a*)*',
    '^(\\d+\\s?)+$',
    '(a{2,3})+',
    '(?:[a-z]+)*',
    '((ab)+c?)+',
    '(a?)+',
  ])
    assert.equal(reason(p), 'nested-quantifier', p);
});

test('overlapping alternatives under a quantifier are unsafe', () => {
  for (const p of ['(a|ab)*', '(\\d|\\w)+', '(a|a)+$', '(ab|ac)*', '(x|[a-z])+'])
    assert.equal(reason(p), 'overlapping-alternation', p);
  assert.equal(reason('(a|)+'), 'nested-quantifier');
});

test('adjacent unbounded quantifiers over the same characters are unsafe', () => {
  for (const p of ['\\d+\\d*', '^.*\\s*=', '[a-z]+\\s?[a-z]+', '^\\w*\\d+$'])
    assert.equal(reason(p), 'adjacent-quantifiers', p);
});

test('delimited repetitions and the Vietnamese formats are safe', () => {
  for (const p of [
    '^[0-9]{12}$', // CCCD / personal id (Circular 59/2021/TT-BCA)
    '^0[35789][0-9]{8}$', // mobile numbers
    '^[0-9]{10}(-[0-9]{3})?$', // tax code
    '^[A-Za-zÀ-ỹ]+( [A-Za-zÀ-ỹ]+)*$',
    '^\\p{L}+(?: \\p{L}+)*$',
    '^\\p{Lu}\\p{Ll}*(?: \\p{Lu}\\p{Ll}*)*$',
    '(\\w+\\.)+',
    '^(?:[a-z0-9]+-)*[a-z0-9]+$',
    '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    '^(0|[1-9][0-9]*)$',
    '^\\S(.*\\S)?$',
    '^(\\d{3}\\.)+$',
    '(?<y>\\d{4})-\\k<y>',
    '^(?=.*\\d)[A-Z0-9]{6}$',
    '[\\u0041-\\u005A\\u{1F600}]',
  ])
    assert.equal(reason(p), 'safe', p);
});

test('patterns the engine rejects in unicode mode are invalid', () => {
  for (const p of ['[', '(a', 'a{3}{2}', '\\p{Nope}', '*a', '[z-a]', 'a)'])
    assert.equal(reason(p), 'invalid', p);
});

test('a flagged pattern really is slow, a safe rewrite is not (sanity check of the heuristic)', () => {
  const input = '1'.repeat(24) + 'x';
  let started = Date.now();
  new RegExp('^(\\d+\\s?)+$', 'u').test(input);
  const slow = Date.now() - started;
  started = Date.now();
  new RegExp('^\\d+(\\s\\d+)*$', 'u').test('1'.repeat(100_000) + 'x');
  const fast = Date.now() - started;
  assert.equal(reason('^\\d+(\\s\\d+)*$'), 'safe');
  assert.ok(slow > fast, `slow ${slow} ms, fast ${fast} ms`);
});
