// The receiver's check of a stored file (src/files/server-checks.ts): the browser's rules applied
// to the bytes on disk and to what the signed payload declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkStoredFile,
  maxDocumentEntries,
  STORED_FILE_PROBLEM,
} from '../../../src/files/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc('%PDF-1.7\n1 0 obj\n%%EOF\n');
const SLOT = { accept: ['application/pdf', 'image/jpeg'], maxSizeBytes: 1000, maxFiles: 2 };
const stored = (over: Partial<Parameters<typeof checkStoredFile>[1]> = {}) => ({
  name: 'don.pdf',
  declaredType: 'application/pdf',
  signedSize: PDF.length,
  size: PDF.length,
  head: PDF,
  ...over,
});

test('a PDF that is what it says passes, with its type decided by its content', () => {
  assert.deepEqual(checkStoredFile(SLOT, stored()), {
    ok: true,
    file: { name: 'don.pdf', type: 'application/pdf' },
  });
});

test('each refusal, in the order the browser checks', () => {
  const code = (over: Partial<Parameters<typeof checkStoredFile>[1]>) => {
    const r = checkStoredFile(SLOT, stored(over));
    return r.ok ? 'ok' : [r.problem.code, r.problem.params];
  };
  assert.deepEqual(code({ name: '..\\..\\don.pdf' }), [
    STORED_FILE_PROBLEM.unsafeName,
    { name: 'don.pdf' },
  ]);
  assert.deepEqual(code({ name: 'don\u202Efdp.exe' }), [
    'file-name-unsafe',
    { name: 'donfdp.exe' },
  ]);
  assert.deepEqual(code({ name: 'Nguye\u0302\u0303n.pdf' }), [
    'file-name-unsafe',
    { name: 'Nguyễn.pdf' },
  ]);
  assert.deepEqual(code({ declaredType: 'application/zip' }), [
    'file-type-not-accepted',
    { name: 'don.pdf', types: ['PDF', 'JPG'] },
  ]);
  assert.deepEqual(code({ declaredType: 'image/png', name: 'anh.png' }), [
    'file-type-not-accepted',
    { name: 'anh.png', types: ['PDF', 'JPG'] },
  ]);
  assert.deepEqual(code({ size: 0, signedSize: 0, head: new Uint8Array() }), [
    'file-empty',
    { name: 'don.pdf' },
  ]);
  assert.deepEqual(code({ size: 1001, signedSize: 1001 }), [
    'file-too-large',
    { name: 'don.pdf', maxBytes: 1000 },
  ]);
  for (const head of [
    enc('MZ\x90\x00%PDF-1.7'), // a Windows executable with a PDF header in its stub
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), // a ZIP
    enc('<html><script>x()</script><!-- %PDF-1.7 -->'), // HTML/PDF polyglot
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), // a JPEG named .pdf
  ]) {
    assert.deepEqual(code({ head }), [
      'file-content-mismatch',
      { name: 'don.pdf', expected: 'PDF' },
    ]);
  }
  assert.deepEqual(code({ signedSize: PDF.length + 1 }), [
    'file-size-mismatch',
    { name: 'don.pdf', size: PDF.length, signedSize: PDF.length + 1 },
  ]);
  // No signed size (an older payload): the stored size is still checked against the slot.
  assert.equal(code({ signedSize: undefined }), 'ok');
});

test("maxDocumentEntries: the sum of the uploaded documents' maxFiles; a desk document takes none", () => {
  const doc = (id: string, extra: object) =>
    ({ id, title: { vi: id }, form: 'electronic', copies: 1, required: false, ...extra }) as never;
  const uploaded = { accept: ['application/pdf'], maxSizeBytes: 1000 };
  assert.equal(maxDocumentEntries(undefined), 0);
  assert.equal(maxDocumentEntries([]), 0);
  assert.equal(
    maxDocumentEntries([
      doc('a', { ...uploaded, maxFiles: 2 }),
      doc('b', { ...uploaded, maxFiles: 5 }),
      doc('ban-chinh', { atDesk: true }),
    ]),
    7,
  );
});
