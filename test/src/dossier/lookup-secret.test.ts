// The status look-up's second factor, normalised as the form normalises phone and ID answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLookupSecret } from '../../../src/dossier/index.js';
import { normalizeAnswers } from '../../../src/validation/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

test('a phone number or personal ID as typed reads as the form stores it', () => {
  const cases: [string, string][] = [
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['0912–345–678', '0912345678'],
    ['(0912) 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    // Full-width digits, plus, dots, dashes and spaces (Vietnamese IMEs in full-width mode).
    ['０９１２３４５６７８', '0912345678'],
    ['０９１２\u3000３４５\u3000６７８', '0912345678'],
    ['０９１２．３４５．６７８', '0912345678'],
    ['０９１２－３４５－６７８', '0912345678'],
    ['＋８４ ９１２ ３４５ ６７８', '0912345678'],
    ['００１０９９０１２３４５', '001099012345'],
    ['001 099 012 345', '001099012345'],
    ['001.099.012.345', '001099012345'],
    // Pasted from a chat app: a zero-width space and a non-breaking space.
    ['0912\u200B345\u00A0678', '0912345678'],
    ['123456789', '123456789'],
  ];
  for (const [typed, canonical] of cases) {
    assert.equal(normalizeLookupSecret(typed), canonical, typed);
  }
});

test('what cannot be a phone number or personal ID is refused', () => {
  for (const raw of [
    '',
    '   ',
    '12345678',
    '0012345678901',
    '0912abc678',
    '٠٩١٢٣٤٥٦٧٨', // Arabic-Indic digits: not folded, and never what the form stored
    `0912345678${' '.repeat(31)}`,
    undefined,
    null,
    912345678,
    ['0912345678'],
  ]) {
    assert.equal(normalizeLookupSecret(raw), '', JSON.stringify(raw));
  }
});

test('the look-up reads an answer exactly as the form stored it', () => {
  const procedure = {
    data: {
      type: 'object',
      properties: {
        phone: { type: 'string', format: 'vn-mobile' },
        personalId: { type: 'string', format: 'vn-personal-id' },
      },
    },
    form: { steps: [] },
  } as unknown as Procedure;
  for (const [phone, personalId] of [
    ['+84 912-345-678', '001 099 012 345'],
    ['0912.345.678', '001.099.012.345'],
    ['0084 (912) 345 678', '001-099-012-345'],
    // Full-width, as a phone IME types them: the form now stores them as ASCII digits too.
    ['＋８４ ９１２－３４５－６７８', '００１ ０９９ ０１２ ３４５'],
    ['０９１２\u200B３４５–６７８', '００１–０９９–０１２–３４５'],
  ]) {
    const stored = normalizeAnswers(procedure, { phone, personalId });
    assert.equal(normalizeLookupSecret(phone), stored.phone, phone);
    assert.equal(normalizeLookupSecret(personalId), stored.personalId, personalId);
  }
});
