import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../../src/cli/main.js';
import { buildCheckReport } from '../../../src/cli/commands/check.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-check-'));
const fixture = JSON.parse(
  readFileSync(new URL('../validation/fixtures/keywords.json', import.meta.url), 'utf8'),
) as { procedure: unknown };
const procedureFile = join(dir, 'procedure.json');
writeFileSync(procedureFile, JSON.stringify(fixture.procedure));

function answers(value: unknown): string {
  const file = join(dir, `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

test('valid answers print one success line and exit 0', async () => {
  const io = capture();
  const file = answers({ fullName: 'An', accept: true });
  assert.equal(await main(['check', procedureFile, file], io), 0);
  assert.deepEqual(io.stdout, [
    `Hợp lệ: ${file} không có vấn đề nào theo ${procedureFile}; đủ điều kiện nộp hồ sơ.`,
  ]);
  assert.deepEqual(io.stderr, []);
  const en = capture();
  assert.equal(await main(['check', procedureFile, file, '--lang', 'en'], en), 0);
  assert.deepEqual(en.stdout, [
    `Valid: ${file} has no problems against ${procedureFile}; eligible to apply.`,
  ]);
  // --format json stays one JSON document, without the sentence.
  const json = capture();
  assert.equal(await main(['check', procedureFile, file, '--format', 'json'], json), 0);
  assert.equal(JSON.parse(json.stdout.join('\n')).valid, true);
});

test('every problem is printed as "path  code  message" in Vietnamese, exit 1', async () => {
  const io = capture();
  const file = answers({ fullName: 'A', mobile: '0951234567', email: 'an@example.com' });
  assert.equal(await main(['check', procedureFile, file], io), 1);
  assert.deepEqual(io.stdout, [
    '/accept  required  Đánh dấu vào ô “Tôi cam đoan” để tiếp tục',
    '/fullName  too-short  Họ, chữ đệm và tên phải có ít nhất 2 ký tự',
    '/mobile  format.vn-mobile  Số điện thoại có đầu số không đúng. Hãy kiểm tra lại, ví dụ 0912 345 678',
  ]);
});

test('--lang en --format json prints one report object', async () => {
  const io = capture();
  const file = answers({ fullName: 'An', accept: true, copies: 0 });
  assert.equal(
    await main(['check', procedureFile, file, '--lang', 'en', '--format', 'json'], io),
    1,
  );
  assert.equal(io.stdout.length, 1);
  const { valid, problems, ...rules } = JSON.parse(io.stdout[0]) as Record<string, unknown>;
  assert.deepEqual(
    { valid, problems },
    {
      valid: false,
      problems: [
        { code: 'too-small', path: '/copies', message: 'Number of copies must be 1 or more' },
      ],
    },
  );
  // The rules engine's keys are merged after the validation keys (see mergeRulesResult).
  assert.deepEqual(Object.keys(rules).sort(), ['eligibility', 'fee', 'required', 'visible']);
});

test('--format json with valid answers', async () => {
  const io = capture();
  const file = answers({ fullName: 'An', accept: true });
  assert.equal(await main(['check', '--format', 'json', procedureFile, file], io), 0);
  const report = JSON.parse(io.stdout[0]) as Record<string, unknown>;
  assert.deepEqual([report.valid, report.problems], [true, []]);
});

test('usage and file errors exit 2', async () => {
  let io = capture();
  assert.equal(await main(['check', procedureFile], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms check: thiếu tệp câu trả lời <câu-trả-lời.json>.',
    'Cách dùng: dvc-forms check <thủ-tục.json> <câu-trả-lời.json> [--lang vi|en] [--format json]',
  ]);
  io = capture();
  assert.equal(await main(['check', procedureFile, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms check: missing the answers file <answers.json>',
    'Usage: dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]',
  ]);
  io = capture();
  assert.equal(await main(['check', procedureFile, answers({}), '--lang', 'fr'], io), 2);
  assert.equal(
    io.stderr[0],
    'dvc-forms check: giá trị "fr" không dùng được cho --lang (dùng vi hoặc en).',
  );
  io = capture();
  assert.equal(await main(['check', '--lang', 'en', '--strict', procedureFile], io), 2);
  assert.equal(io.stderr[0], 'dvc-forms check: unknown option --strict');
  io = capture();
  assert.equal(await main(['check', procedureFile, 'a.json', 'b.json'], io), 2);
  assert.equal(
    io.stderr[0],
    'dvc-forms check: thừa "b.json": lệnh này không nhận thêm tệp hay đối số nào nữa.',
  );
  io = capture();
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"a":');
  assert.equal(await main(['check', procedureFile, broken, '--lang', 'en'], io), 2);
  // Read by the same strict parser as procedures: the place of the mistake, not "at position 5".
  assert.deepEqual(io.stderr, [
    `${broken}:1:6  json-syntax  The JSON ends too early: a closing "}", "]" or double quote may be missing.`,
  ]);
  // In the language of the rest of the command's output: Vietnamese unless --lang en.
  io = capture();
  assert.equal(await main(['check', procedureFile, broken], io), 2);
  assert.deepEqual(io.stderr, [
    `${broken}:1:6  json-syntax  Tệp JSON kết thúc đột ngột: có thể thiếu dấu đóng "}", "]" hoặc dấu ngoặc kép.`,
  ]);
  io = capture();
  assert.equal(await main(['check', broken, answers({})], io), 2);
  assert.deepEqual(io.stderr, [
    `${broken}:1:6  json-syntax  Tệp JSON kết thúc đột ngột: có thể thiếu dấu đóng "}", "]" hoặc dấu ngoặc kép.`,
  ]);
  io = capture();
  assert.equal(await main(['check', procedureFile, join(dir, 'absent.json')], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms: không đọc được ${join(dir, 'absent.json')}: không tìm thấy tệp`,
  ]);
  io = capture();
  assert.equal(
    await main(['check', procedureFile, join(dir, 'absent.json'), '--lang', 'en'], io),
    2,
  );
  assert.deepEqual(io.stderr, [`dvc-forms: cannot read ${join(dir, 'absent.json')}: no such file`]);
});

test('buildCheckReport keeps code, path and message only', () => {
  assert.deepEqual(
    buildCheckReport({
      valid: false,
      problems: [{ code: 'required', path: '/a', message: 'Nhập A', params: { label: 'A' } }],
    }),
    { valid: false, problems: [{ code: 'required', path: '/a', message: 'Nhập A' }] },
  );
});

test('a lone surrogate in a printed message or path is shown as its escape', async () => {
  const bad = join(dir, 'lone-surrogate.json');
  const procedure = fixture.procedure as { title: Record<string, string> };
  writeFileSync(
    bad,
    JSON.stringify({ ...procedure, title: { ...procedure.title, '\ud800x': 'y' } }),
  );
  const io = capture();
  assert.equal(await main(['check', bad, answers({}), '--lang', 'en'], io), 2);
  // Printed raw, the message would read "/title/\ufffdx" (or break the output's UTF-8).
  assert.deepEqual(io.stderr, [
    `${bad}:1:106  schema-additional-property  "\\ud800x" is not part of the format here; did you mean "vi"?`,
    `${bad}:1:107  lone-surrogate  The member name "\\ud800x" contains \\ud800, half of a UTF-16 pair standing alone, not a real character. It cannot be shown or written as UTF-8, and it stops the dossier from being signed; delete it, or type the character you meant directly.`,
  ]);

  const io2 = capture();
  const file = answers({ fullName: 'An', accept: true, '\udc00': 1 });
  await main(['check', procedureFile, file], io2);
  assert.deepEqual(io2.stdout, [
    '/\\udc00  unknown-property  Biểu mẫu không có mục “\\udc00”. Hãy bỏ thông tin này',
  ]);

  // JSON output escapes it already (well-formed JSON.stringify): valid UTF-8 that reads back.
  const io3 = capture();
  await main(['check', '--format', 'json', procedureFile, file], io3);
  assert.match(io3.stdout[0]!, /"path":"\/\\udc00"/);
  assert.equal(JSON.parse(io3.stdout[0]!).problems[0].path, '/\udc00');
});

test('a procedure given as the answers file, or the two files swapped, is said in one sentence', async () => {
  const other = join(dir, 'other-procedure.json');
  writeFileSync(other, readFileSync(procedureFile));
  let io = capture();
  assert.equal(await main(['check', procedureFile, other], io), 2);
  assert.deepEqual(io.stdout, []);
  assert.deepEqual(io.stderr, [
    `dvc-forms check: ${other} là một tệp thủ tục, không phải tệp câu trả lời; hãy đưa tệp câu trả lời (các câu trả lời của người nộp, dạng JSON) sau tệp thủ tục: dvc-forms check ${procedureFile} <câu-trả-lời.json>`,
  ]);
  io = capture();
  assert.equal(await main(['check', procedureFile, other, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms check: ${other} is a procedure file, not an answers file; give the answers (an applicant's answers as JSON) after the procedure: dvc-forms check ${procedureFile} <answers.json>`,
  ]);
  const given = answers({ fullName: 'Nguyễn Văn A' });
  io = capture();
  assert.equal(await main(['check', given, procedureFile], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms check: hai tệp bị đảo thứ tự: ${procedureFile} là tệp thủ tục, ${given} là tệp câu trả lời; tệp thủ tục đứng trước: dvc-forms check ${procedureFile} ${given}`,
  ]);
  io = capture();
  assert.equal(await main(['check', given, procedureFile, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms check: the two files are the wrong way round: ${procedureFile} is the procedure and ${given} the answers; the procedure goes first: dvc-forms check ${procedureFile} ${given}`,
  ]);
});
