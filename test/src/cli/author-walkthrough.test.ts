// A procedure written by following only README.md and the author docs (death registration, with
// a repeated group, check, require and eligibility rules, a conditional fee and a quantity fee),
// taken through every author command as the docs give them: lint (the file and its cases file),
// test, check and compile. The fixture's legal details (the late fee's amount) are illustrative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../../src/cli/main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const at = (name: string) => fileURLToPath(new URL(`./fixtures/author/${name}`, import.meta.url));
const procedure = at('dang-ky-khai-tu.json');

test('lint finds no problem in the procedure and its cases file', async () => {
  const io = capture();
  assert.equal(await main(['lint', procedure, at('dang-ky-khai-tu.cases.json')], io), 0);
  assert.deepEqual(io.stdout, ['Đã kiểm tra 2 tệp: không có vấn đề nào.']);
  assert.deepEqual(io.stderr, []);
});

test('its cases pass: on time, late with a witness, a death date in the future', async () => {
  const io = capture();
  assert.equal(await main(['test', procedure], io), 0);
  assert.deepEqual(io.stdout, [
    '✓ đúng hạn, 2 bản sao',
    '✓ quá hạn 15 ngày: lệ phí',
    '✓ ngày chết trong tương lai',
    '3 đạt, 0 không đạt',
  ]);
});

test('check accepts the answers the docs would have the author try', async () => {
  const io = capture();
  const answers = at('dang-ky-khai-tu.answers.json');
  assert.equal(await main(['check', procedure, answers, '--format', 'json'], io), 0);
  const report = JSON.parse(io.stdout[0]!);
  // `check` runs on today's date: the fee (late after 15 days) is the cases file's business.
  assert.deepEqual([report.valid, report.eligibility.status], [true, 'eligible']);
});

test('compile --form writes the artefact named by the procedure code', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dvc-author-'));
  const io = capture();
  assert.equal(await main(['compile', procedure, '--out', out, '--form'], io), 0);
  assert.ok(readdirSync(out).some((f) => /^1\.000656\.form-[0-9a-f]{8}\.min\.js$/.test(f)));
});
