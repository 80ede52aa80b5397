// The receiver's wording of the verifier's refusals (demo/server/verify-errors.js): the message
// comes from the library's vi/en catalogs in the request's language; a code the catalogs do not
// know keeps the verifier's own text; the pointer of a supplement error is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localVerifyErrors, type VerifyMessage } from '../../demo/server/verify-errors.js';
import { verifyError, verifyMessage } from '../../src/verify/messages.js';

const tooMany = verifyError(
  'too-many-documents',
  { slot: 'passport', count: 1, max: 0 },
  '/documents',
);

test('a verifier refusal in Vietnamese and in English, from the catalogs', () => {
  assert.deepEqual(localVerifyErrors([tooMany], 'vi', verifyMessage as VerifyMessage), [
    {
      code: 'too-many-documents',
      message: 'Mục "passport" có 1 tệp; tối đa 0 tệp.',
      pointer: '/documents',
    },
  ]);
  assert.deepEqual(localVerifyErrors([tooMany], 'en', verifyMessage as VerifyMessage), [
    {
      code: 'too-many-documents',
      message: 'Slot "passport" has 1 file; at most 0 allowed.',
      pointer: '/documents',
    },
  ]);
});

test('an unknown code, or no catalog, keeps the verifier’s own message', () => {
  const own = { code: 'agency-rule', message: 'Refused by the agency.' };
  assert.deepEqual(localVerifyErrors([own], 'vi', verifyMessage as VerifyMessage), [own]);
  assert.deepEqual(localVerifyErrors([tooMany], 'vi', undefined), [
    {
      code: 'too-many-documents',
      message: 'Slot "passport" has 1 file; at most 0 allowed.',
      pointer: '/documents',
    },
  ]);
});
