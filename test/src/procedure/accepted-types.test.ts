// A document's `accept` list: a type the upload checks do not know would be dropped by the form
// and the receiver, so the author hears of it, at the entry, with the type they probably meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';
import { acceptedTypes } from '../../../src/files/index.js';
import { ACCEPT_PATTERN } from '../../../src/procedure/document-checks.js';

const fixture = readFileSync(
  new URL('./fixtures/broken/unsupported-file-type.json', import.meta.url),
  'utf8',
);
const withAccept = (accept: string) => fixture.replace('["image/wepb"]', accept);
const problems = (text: string) =>
  loadProcedure(text).problems.map(({ code, pointer, line, column, severity, message }) => ({
    code,
    pointer,
    line,
    column,
    severity,
    message,
  }));

const ALLOWED =
  '"application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"';

test('a misspelt type is reported at its entry, with the type meant', () => {
  // What the form and the receiver make of the list: the typo is silently gone.
  assert.deepEqual(acceptedTypes(['application/pdf', 'image/wepb']), ['application/pdf']);
  // With PDF left, a warning: a procedure already published this way keeps loading.
  assert.deepEqual(problems(withAccept('["application/pdf", "image/wepb"]')), [
    {
      code: 'unsupported-file-type',
      pointer: '/documents/0/accept/1',
      line: 82,
      column: 37,
      severity: 'warning',
      message: {
        vi: `Kiểu tệp "image/wepb" không phải kiểu dvc-forms kiểm tra được, nên người nộp không tải lên được tệp nào thuộc kiểu này; có phải ý bạn là "image/webp"? Dùng một trong: ${ALLOWED} (hoặc "image/*").`,
        en: `The file type "image/wepb" is not one dvc-forms can check, so the applicant could never upload a file of this type; did you mean "image/webp"? Use one of: ${ALLOWED} (or "image/*").`,
      },
    },
  ]);
});

test('an unsupported type is no typo of a supported one: no suggestion', () => {
  const [p] = problems(withAccept('["image/gif"]'));
  assert.equal(p.pointer, '/documents/0/accept/0');
  assert.equal(
    p.message.en,
    `The file type "image/gif" is not one dvc-forms can check, so the applicant could never upload a file of this type. Use one of: ${ALLOWED} (or "image/*").`,
  );
});

test('the types the upload checks know, wildcards and the image/jpg alias are fine', () => {
  for (const accept of [
    '["application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp"]',
    '["image/*"]',
    '["image/jpg"]',
    '["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]',
  ])
    assert.deepEqual(problems(withAccept(accept)), [], accept);
});

test('a list with no type the upload checks know is an error: nothing could be uploaded', () => {
  const result = loadProcedure(fixture);
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.problems.map(({ code, pointer, line, column, severity }) => ({
      code,
      pointer,
      line,
      column,
      severity,
    })),
    [
      {
        code: 'unsupported-file-type',
        pointer: '/documents/0/accept/0',
        line: 82,
        column: 18,
        severity: 'error',
      },
    ],
  );
  assert.equal(loadProcedure(withAccept('["application/pdf", "image/wepb"]')).ok, true);
});

test('the pattern the check leaves to the meta-schema is the meta-schema’s own', () => {
  // Copied so the check skips what schema-pattern already reports; the two must not diverge.
  const meta = JSON.parse(
    readFileSync(new URL('../../../schemas/procedure.schema.json', import.meta.url), 'utf8'),
  ) as { $defs: Record<string, { properties?: { accept?: { items: { pattern: string } } } }> };
  const patterns = Object.values(meta.$defs)
    .map((d) => d.properties?.accept?.items.pattern)
    .filter((p) => p !== undefined)
    .map((p) => new RegExp(p, 'u').source);
  assert.deepEqual(patterns, [ACCEPT_PATTERN.source]);
});
