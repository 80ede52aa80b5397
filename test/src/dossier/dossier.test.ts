import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOSSIER_CODE_ALPHABET,
  DOSSIER_CODE_PATTERN,
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  isDossierStatus,
  normalizeDossierCode,
} from '../../../src/dossier/index.js';

test('dossier codes: the pattern takes every alphabet symbol and nothing easily misread', () => {
  for (const ch of DOSSIER_CODE_ALPHABET)
    assert.match(`KS-261126-${ch.repeat(4)}`, DOSSIER_CODE_PATTERN);
  for (const ch of ['0', 'O', '1', 'I', 'L', 'U'])
    assert.doesNotMatch(`KS-261126-${ch}QF3`, DOSSIER_CODE_PATTERN, ch);
  for (const bad of [
    'K-261126-7QF3',
    'KSABC-261126-7QF3',
    'KS-26112-7QF3',
    'KS-261126-7QF',
    'KS-261126-7QF3 ',
  ])
    assert.doesNotMatch(bad, DOSSIER_CODE_PATTERN, bad);
  assert.equal(normalizeDossierCode('  ks-261126-7qf3 '), 'KS-261126-7QF3');
  assert.equal(normalizeDossierCode('KS-261126-7QF0'), undefined);
});

test('dossier statuses: every status has both labels, and moves lead to known statuses', () => {
  assert.deepEqual(Object.keys(DOSSIER_STATUS_LABELS).sort(), [...DOSSIER_STATUSES].sort());
  for (const s of DOSSIER_STATUSES) {
    assert.ok(DOSSIER_STATUS_LABELS[s].vi && DOSSIER_STATUS_LABELS[s].en, s);
    for (const to of DOSSIER_TRANSITIONS[s]) assert.ok(isDossierStatus(to), `${s} → ${to}`);
  }
  assert.deepEqual(DOSSIER_TRANSITIONS['result-ready'], []);
  assert.equal(isDossierStatus('constructor'), false);
});
