import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  getAt,
  isAnswered,
  parseFieldPath,
  pathKey,
  pointerTokens,
  pointerToFieldPath,
  pointersAt,
  removeAt,
  setAt,
  toPointer,
} from '../../../src/session/index.js';

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/field-paths.json', import.meta.url), 'utf8'),
) as {
  answered: { value: unknown; answered: boolean }[];
  pointers: { tokens: string[]; pointer: string }[];
  fieldPaths: { pointer: string; path: string; key: string }[];
};

test('isAnswered: the one rule, whitespace-only strings and all-empty objects are unanswered', () => {
  for (const c of cases.answered)
    assert.equal(isAnswered(c.value), c.answered, JSON.stringify(c.value));
  assert.equal(isAnswered(undefined), false);
});

test('JSON pointers escape ~ and / (RFC 6901) and round-trip', () => {
  for (const c of cases.pointers) {
    assert.equal(toPointer(c.tokens), c.pointer);
    assert.deepEqual(pointerTokens(c.pointer), c.tokens);
  }
});

test('pointers map to field paths and canonical keys', () => {
  for (const c of cases.fieldPaths) {
    assert.equal(pointerToFieldPath(c.pointer), c.path);
    assert.equal(pathKey(c.pointer), c.key, c.pointer);
  }
  assert.deepEqual(parseFieldPath('siblings[].fullName'), ['siblings', '[]', 'fullName']);
  assert.deepEqual(parseFieldPath('siblings[2].fullName'), ['siblings', '2', 'fullName']);
  assert.deepEqual(parseFieldPath('/a~1b/0'), ['a/b', '0']);
});

test('getAt reads own members only, and every item through []', () => {
  const answers = JSON.parse('{"child":{"name":"An"},"kids":[{"n":"A"},{"m":1},{"n":"B"}]}');
  assert.equal(getAt(answers, 'child.name'), 'An');
  assert.deepEqual(getAt(answers, 'kids[].n'), ['A', 'B']);
  assert.equal(getAt(answers, 'kids[1].m'), 1);
  assert.equal(getAt(answers, 'child.toString'), undefined);
  assert.equal(getAt(answers, 'constructor'), undefined);
});

test('setAt copies the way down, removes unanswered values and refuses unsafe paths', () => {
  const before = { a: { b: 1 }, keep: { x: 1 } };
  const after = setAt(before, 'a.c', 'x');
  assert.deepEqual(after, { a: { b: 1, c: 'x' }, keep: { x: 1 } });
  assert.deepEqual(before, { a: { b: 1 }, keep: { x: 1 } }, 'the input is unchanged');
  assert.equal(after['keep'], before.keep, 'untouched branches are shared');
  assert.deepEqual(setAt(after, 'a.c', '   '), { a: { b: 1 }, keep: { x: 1 } });
  assert.deepEqual(setAt(before, 'addr', { province: '', commune: '' }), before);
  for (const path of [
    '__proto__.p',
    'constructor.prototype.p',
    'a.__proto__.p',
    'a..b',
    '',
    'l[].x',
  ])
    assert.equal(setAt(before, path, true), before, path);
  assert.equal(({} as Record<string, unknown>)['p'], undefined);
  assert.deepEqual(setAt({ l: [{ x: 1 }] }, 'l[0].y', 2), { l: [{ x: 1, y: 2 }] });
});

test('removeAt drops one member, or the member of every item, and returns the input when absent', () => {
  const answers = { a: { b: 1, c: 2 }, l: [{ x: 1, y: 1 }, { x: 2 }] };
  assert.deepEqual(removeAt(answers, 'a.b'), { a: { c: 2 }, l: answers.l });
  assert.deepEqual(removeAt(answers, 'l[].x'), { a: answers.a, l: [{ y: 1 }, {}] });
  assert.deepEqual(removeAt(answers, 'l[0]'), { a: answers.a, l: [{ x: 2 }] });
  assert.equal(removeAt(answers, 'a.z'), answers);
  assert.equal(removeAt(answers, 'q.r'), answers);
});

test('pointersAt finds every stored answer of a field, present whatever its value', () => {
  const answers = { 'a/b': { '~': null }, l: [{ x: '' }, {}, { x: 0 }] };
  assert.deepEqual(pointersAt(answers, '/a~1b/~0'), ['/a~1b/~0']);
  assert.deepEqual(pointersAt(answers, 'l[].x'), ['/l/0/x', '/l/2/x']);
});

// getAt and removeAt remember parsed paths (the settling rounds ask for the same few per check):
// a stream of strangers' paths must neither grow that memo without end nor make a path read or
// remove what another path names.
test('remembered paths stay right after many strangers’ paths', () => {
  const answers = { a: { b: [{ c: 1 }, { c: 2 }] }, x: 'y' };
  for (let i = 0; i < 10_000; i++) {
    assert.equal(getAt({ [`s${i}`]: { t: i } }, `s${i}.t`), i);
    assert.deepEqual(removeAt({ [`s${i}`]: { t: i, u: 1 } }, `s${i}.t`), { [`s${i}`]: { u: 1 } });
  }
  assert.deepEqual(getAt(answers, 'a.b[].c'), [1, 2]);
  assert.deepEqual(removeAt(answers, 'a.b[].c'), { a: { b: [{}, {}] }, x: 'y' });
  assert.deepEqual(answers, { a: { b: [{ c: 1 }, { c: 2 }] }, x: 'y' });
  assert.equal(removeAt(answers, 'a.z'), answers);
});
