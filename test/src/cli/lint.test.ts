import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../../src/cli/main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../procedure/fixtures/${name}`, import.meta.url));
const valid = fixture('valid-minimal.json');
const misspelt = fixture('broken/misspelt-label.json');
const unknownFact = fixture('broken/unknown-fact.json');

test('a clean file exits 0 with a summary', async () => {
  const io = capture();
  assert.equal(await main(['lint', valid], io), 0);
  assert.deepEqual(io.stdout, ['Đã kiểm tra 1 tệp: không có vấn đề nào.']);
  assert.deepEqual(io.stderr, []);
});

test('problems print as file:line:column  code  message (Vietnamese by default) and exit 1', async () => {
  const io = capture();
  assert.equal(await main(['lint', valid, misspelt, unknownFact], io), 1);
  assert.deepEqual(io.stdout, [
    `${misspelt}:69:52  schema-additional-property  Mục "lable" không có trong định dạng ở vị trí này; có phải ý bạn là "label"?`,
    `${unknownFact}:121:41  unknown-fact  "relationship" không phải là trường trong "data"; có phải ý bạn là "relation"?`,
    'Đã kiểm tra 3 tệp: 2 lỗi, 0 cảnh báo.',
  ]);
});

test('--lang en prints English', async () => {
  const io = capture();
  assert.equal(await main(['lint', '--lang', 'en', misspelt], io), 1);
  assert.deepEqual(io.stdout, [
    `${misspelt}:69:52  schema-additional-property  "lable" is not part of the format here; did you mean "label"?`,
    'Checked 1 file(s): 1 error(s), 0 warning(s).',
  ]);
});

test('--format json prints an array of problems', async () => {
  const io = capture();
  assert.equal(await main(['lint', misspelt, '--format', 'json', '--lang', 'en'], io), 1);
  assert.deepEqual(JSON.parse(io.stdout.join('\n')), [
    {
      file: misspelt,
      code: 'schema-additional-property',
      severity: 'error',
      pointer: '/ui/steps/1/fields/0/lable',
      line: 69,
      column: 52,
      message: '"lable" is not part of the format here; did you mean "label"?',
    },
  ]);
  const clean = capture();
  assert.equal(await main(['lint', '--format', 'json', valid], clean), 0);
  assert.deepEqual(JSON.parse(clean.stdout.join('\n')), []);
});

test('a missing file is a problem, not a stack trace', async () => {
  const io = capture();
  assert.equal(await main(['lint', 'no-such-procedure.json', '--lang', 'en'], io), 1);
  assert.deepEqual(io.stdout, [
    'no-such-procedure.json:1:1  file-unreadable  The file cannot be read: no such file.',
    'Checked 1 file(s): 1 error(s), 0 warning(s).',
  ]);
  const vi = capture();
  assert.equal(await main(['lint', 'no-such-procedure.json'], vi), 1);
  assert.equal(
    vi.stdout[0],
    'no-such-procedure.json:1:1  file-unreadable  Không đọc được tệp: không tìm thấy tệp.',
  );
});

test('usage mistakes exit 2', async () => {
  const usage = 'Usage: dvc-forms lint <files...> [--format text|json] [--lang vi|en]';
  let io = capture();
  assert.equal(await main(['lint'], io), 2);
  assert.deepEqual(io.stderr, [usage]);
  io = capture();
  assert.equal(await main(['lint', '--lang', 'fr', valid], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: invalid value for --lang: fr', usage]);
  io = capture();
  assert.equal(await main(['lint', '--strict', valid], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: unknown option --strict', usage]);
});

test('warnings alone exit 0 and are marked as warnings', async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const p = JSON.parse(readFileSync(valid, 'utf8'));
  p.ui.steps[1].fields.push({ field: 'copies', widget: 'number', label: { vi: 'Số bản sao' } });
  const file = join(mkdtempSync(join(tmpdir(), 'dvc-lint-')), 'warn.json');
  writeFileSync(file, JSON.stringify(p, null, 2));
  const io = capture();
  assert.equal(await main(['lint', '--lang', 'en', file], io), 0);
  assert.deepEqual(io.stdout, [
    `${file}:168:22  duplicate-field (warning)  The field "copies" is asked twice (first at /ui/steps/1/fields/0/field).`,
    'Checked 1 file(s): 0 error(s), 1 warning(s).',
  ]);
});
