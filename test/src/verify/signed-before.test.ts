/**
 * A receiver may get dossiers signed before it was upgraded. Normalisation now reads a member's
 * format from every part declaring it (test/src/validation/split-members.test.ts); this payload
 * was signed by the build before that change (commit e72aeb7, fixtures/signed-before-one-reader
 * .json, for fixtures/split-members.json: a phone and a personal ID whose formats sit in a second
 * declaration, and an `anyOf` phone left as typed) and must still verify. The citizen's answers as
 * typed then were refused by that build (its normalisation skipped the formats ajv applied); the
 * new build normalises them to exactly the answers signed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verifySubmission, type VerifyOptions } from '../../../src/verify/index.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import { createValidator } from '../../../src/validation/index.js';

const read = (file: string) => readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8');
const text = read('split-members.json');
const signed = JSON.parse(read('signed-before-one-reader.json')) as {
  now: string;
  publicJwk: NonNullable<VerifyOptions['trustedKeys']>[number];
  jws: string;
  answers: Record<string, unknown>;
};
const loaded = loadProcedure(text);
assert.ok(loaded.ok);
const procedure = loaded.procedure;

test('a payload the previous build signed, with split member formats, still verifies', async () => {
  const result = await verifySubmission(signed.jws, {
    procedure,
    procedureText: text,
    now: new Date(signed.now),
    trustedKeys: [signed.publicJwk],
    attachments: { 'https://upload.example.gov.vn/files/1': 'a'.repeat(64) },
  });
  assert.equal(result.ok, true, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.ok && result.submission.answers, signed.answers);
});

test('the answers as typed now normalise to exactly the answers signed then', async () => {
  const v = await createValidator(procedure);
  const typed = {
    fullName: ' Nguyễn Văn An ',
    birthDate: '1990-05-12',
    copies: 1,
    married: false,
    phone: '0912 345 678',
    idNumber: '001 099 012 345',
    otherPhone: '+84 912 345 678',
  };
  const result = v.validate(typed);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.value, signed.answers);
});
