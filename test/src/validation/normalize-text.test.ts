// normalizeText takes a shortcut for answers that only need NFC (issue 22 point 4: it runs on
// every string of every answer, twice per verified payload). The shortcut must give exactly
// what the full cleaning gives, for any text and in both modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText, normalizeTextFully } from '../../../src/validation/formats.js';

// Letters (precomposed and decomposed Vietnamese), digits, every kind of space, line breaks,
// invisible characters, a surrogate pair and lone surrogates.
const PIECES = [
  'a',
  'Z',
  '7',
  '-',
  'Nguyễn',
  'Nguye\u0302\u0303n',
  'ư',
  'u\u031B',
  '\u0301',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u00A0',
  '\u2003',
  '\u3000',
  '\u200B',
  '\u00AD',
  '\uFEFF',
  '\u202E',
  '\u2028',
  '😀',
  '\uD800',
  '\uDC00',
];

test('the shortcut of normalizeText gives what the full cleaning gives', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('')),
      fc.boolean(),
      (text, multiline) => {
        assert.equal(normalizeText(text, multiline), normalizeTextFully(text, multiline));
      },
    ),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.boolean(), (text, multiline) => {
      assert.equal(normalizeText(text, multiline), normalizeTextFully(text, multiline));
    }),
    { numRuns: 3000 },
  );
});

test('clean words are only composed; anything else is cleaned in full', () => {
  assert.equal(normalizeText('Nguye\u0302\u0303n Va\u0306n An'), 'Nguyễn Văn An');
  assert.equal(normalizeText(' Nguyễn  Văn\u00A0An\u200B '), 'Nguyễn Văn An');
  assert.equal(normalizeText('dòng 1\r\n\r\n\r\ndòng  2', true), 'dòng 1\n\ndòng 2');
  assert.equal(normalizeText(''), '');
});
