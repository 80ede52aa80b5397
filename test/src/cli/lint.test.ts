import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const unsupportedPattern = fixture('broken/unsupported-pattern.json');

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
  const usage =
    'Cách dùng: dvc-forms lint <các-tệp...> [--format text|json] [--lang vi|en] [--allow-link-host <tên-miền>]...';
  const usageEn =
    'Usage: dvc-forms lint <files...> [--format text|json] [--lang vi|en] [--allow-link-host <host>]...';
  let io = capture();
  assert.equal(await main(['lint'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: thiếu tệp cần kiểm tra.', usage]);
  io = capture();
  assert.equal(await main(['lint', '--lang', 'fr', valid], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms lint: giá trị "fr" không dùng được cho --lang (dùng vi hoặc en).',
    usage,
  ]);
  io = capture();
  assert.equal(await main(['lint', '--strict', valid], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: không có tùy chọn --strict.', usage]);
  io = capture();
  assert.equal(await main(['lint', '--strict', valid, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: unknown option --strict', usageEn]);
  io = capture();
  assert.equal(await main(['lint', '--lang', 'en', '--format'], io), 2);
  assert.deepEqual(io.stderr, ['dvc-forms lint: --format needs a value', usageEn]);
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
    `${file}:168:22  duplicate-field (warning)  The field "copies" is asked twice (first at question 1 of step 2).`,
    'Checked 1 file(s): 0 error(s), 1 warning(s).',
  ]);
});

async function tempDir(): Promise<string> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  return mkdtempSync(join(tmpdir(), 'dvc-lint-'));
}

test('the sample folder lints clean: cases files are checked as cases files', async () => {
  const { readdirSync } = await import('node:fs');
  const dir = fileURLToPath(new URL('../../../schemas/procedures/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => dir + f);
  assert.equal(files.filter((f) => f.endsWith('.cases.json')).length, 7);
  const io = capture();
  assert.equal(await main(['lint', ...files], io), 0);
  assert.deepEqual(io.stdout, ['Đã kiểm tra 14 tệp: không có vấn đề nào.']);
});

test('a cases file is checked against procedure-cases.schema.json with positions', async () => {
  const { writeFileSync, copyFileSync } = await import('node:fs');
  const dir = await tempDir();
  copyFileSync(valid, `${dir}/p.json`);
  const file = `${dir}/p.cases.json`;
  writeFileSync(
    file,
    [
      '{',
      '  "$schema": "../procedure-cases.schema.json",',
      '  "today": "26/11/2026",',
      '  "cases": [',
      '    { "name": "a", "answers": {}, "expcet": {} },',
      '    {',
      '      "name": "a",',
      '      "answers": [],',
      '      "expect": { "eligibility": { "status": "ok" }, "fee": { "items": [1] } }',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
  const io = capture();
  assert.equal(await main(['lint', '--lang', 'en', file], io), 1);
  assert.deepEqual(io.stdout, [
    `${file}:3:12  schema-pattern  "today" must be a date YYYY-MM-DD, not "26/11/2026".`,
    `${file}:5:5  schema-required  The required member "expect" is missing in case 1.`,
    `${file}:5:35  schema-additional-property  "expcet" is not part of the format here; did you mean "expect"?`,
    `${file}:7:15  duplicate-id  The case name "a" is used twice (first at case 1).`,
    `${file}:8:18  schema-type  "answers" must be an object {…}.`,
    `${file}:9:46  schema-enum  The value "ok" is not allowed for "status". Use one of: "eligible", "ineligible", "unknown".`,
    `${file}:9:73  schema-invalid  "items[0]" must be a fee item id (a string) or an object { "id", "quantity", "amount", "subtotal" }.`,
    'Checked 1 file(s): 7 error(s), 0 warning(s).',
  ]);
});

test('a procedure or cases file not saved as UTF-8 is told so at the first unreadable letter', async () => {
  const { writeFileSync, copyFileSync } = await import('node:fs');
  const dir = await tempDir();
  copyFileSync(valid, `${dir}/p.json`);
  const cases = `${dir}/p.cases.json`;
  // "Khai sinh đúng hạn" saved by an editor set to Windows-1258: ú is the one byte 0xFA.
  writeFileSync(
    cases,
    Buffer.concat([
      Buffer.from('{\n  "cases": [{ "name": "đ'),
      Buffer.from([0xfa]),
      Buffer.from('ng" }]\n}\n'),
    ]),
  );
  const utf16 = `${dir}/notepad.json`;
  writeFileSync(
    utf16,
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "code": "1" }', 'utf16le')]),
  );
  const io = capture();
  assert.equal(await main(['lint', cases, utf16], io), 1);
  assert.deepEqual(io.stdout, [
    `${cases}:2:25  not-utf8  Có ký tự không đọc được (\ufffd) ở đây: tệp có lẽ không được lưu bằng mã UTF-8 (ví dụ ANSI, Windows-1258). Hãy lưu lại tệp với mã hoá UTF-8 rồi xem lại chữ có dấu quanh chỗ này.`,
    `${utf16}:1:1  not-utf8  Tệp được lưu bằng mã UTF-16 ("Unicode" của Notepad), không phải UTF-8. Hãy mở tệp và lưu lại với mã hoá UTF-8.`,
    'Đã kiểm tra 2 tệp: 2 lỗi, 0 cảnh báo.',
  ]);
});

test('a cases file needs its procedure beside it and the .cases.json name', async () => {
  const { writeFileSync } = await import('node:fs');
  const dir = await tempDir();
  const orphan = `${dir}/missing.cases.json`;
  writeFileSync(orphan, '{ "cases": [] }\n');
  const renamed = `${dir}/my-cases.json`;
  writeFileSync(renamed, '{ "cases": [], "$schema": "../../procedure-cases.schema.json" }\n');
  const broken = `${dir}/broken.cases.json`;
  writeFileSync(broken, '{ "cases": [ }\n');
  const io = capture();
  assert.equal(await main(['lint', orphan, renamed], io), 1);
  assert.deepEqual(io.stdout, [
    `${orphan}:1:1  cases-without-procedure  Không có tệp thủ tục "missing.json" bên cạnh tệp ca kiểm thử này.`,
    `${renamed}:1:1  cases-without-procedure  Tệp "my-cases.json" là tệp ca kiểm thử nhưng không có tên dạng <thủ tục>.cases.json, nên "dvc-forms test" sẽ không tìm thấy nó.`,
    'Đã kiểm tra 2 tệp: 2 lỗi, 0 cảnh báo.',
  ]);
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', '--format', 'json', broken], en), 1);
  assert.deepEqual(
    JSON.parse(en.stdout.join('\n')).map((p: { code: string }) => p.code),
    ['cases-without-procedure', 'json-syntax'],
  );
});

test('--allow-link-host adds hosts to the link allow-list', async () => {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const p = JSON.parse(readFileSync(valid, 'utf8'));
  p.legalBasis[0].url = 'https://luatvietnam.vn/van-ban';
  const file = `${await tempDir()}/links.json`;
  writeFileSync(file, JSON.stringify(p, null, 2));
  const io = capture();
  assert.equal(await main(['lint', '--lang', 'en', file], io), 0);
  assert.deepEqual(io.stdout, [
    `${file}:23:14  link-host-not-allowed (warning)  The link "https://luatvietnam.vn/van-ban" points to "luatvietnam.vn", which is not on the allowed list (*.gov.vn, vbpl.vn, thuvienphapluat.vn, dichvucong.gov.vn); forms show it as plain text, not as a link.`,
    'Checked 1 file(s): 0 error(s), 1 warning(s).',
  ]);
  const allowed = capture();
  assert.equal(await main(['lint', '--allow-link-host', 'LuatVietNam.vn', file], allowed), 0);
  assert.deepEqual(allowed.stdout, ['Đã kiểm tra 1 tệp: không có vấn đề nào.']);
  // A wildcard covers subdomains only, and a whole top-level domain is refused as too broad.
  const wildcard = capture();
  assert.equal(await main(['lint', file, '--allow-link-host', '*.luatvietnam.vn'], wildcard), 0);
  assert.deepEqual(wildcard.stdout.at(-1), 'Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo.');
  const tld = capture();
  assert.equal(await main(['lint', file, '--allow-link-host', '*.vn'], tld), 2);
  assert.equal(
    tld.stderr[0],
    'dvc-forms lint: giá trị "*.vn" không dùng được cho --allow-link-host (một tên miền như dichvucong.gov.vn hoặc *.gov.vn, không có https://).',
  );
  const bad = capture();
  assert.equal(
    await main(['lint', file, '--allow-link-host', 'https://x.vn/', '--lang', 'en'], bad),
    2,
  );
  assert.equal(
    bad.stderr[0],
    'dvc-forms lint: invalid value for --allow-link-host: https://x.vn/ (a host such as dichvucong.gov.vn or *.gov.vn, without https://)',
  );
});

test('an answers file is skipped with a note saying why and how to check it', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'dvc-lint-answers-'));
  const answers = join(dir, 'answers.json');
  writeFileSync(answers, JSON.stringify({ hoTen: 'Nguyễn Văn An', ngaySinh: '2025-03-15' }));
  const io = capture();
  assert.equal(await main(['lint', valid, answers], io), 0);
  assert.deepEqual(io.stdout, [
    `${answers}: bỏ qua — tệp này chứa câu trả lời, không phải thủ tục (không có "formatVersion", "data", "ui", "documents" hay "rules"). Kiểm tra câu trả lời bằng: dvc-forms check <thủ-tục.json> ${answers}`,
    'Đã kiểm tra 1 tệp: không có vấn đề nào.',
  ]);
  // JSON output stays one parseable array; the note goes to stderr.
  const json = capture();
  assert.equal(await main(['lint', answers, '--format', 'json', '--lang', 'en'], json), 0);
  assert.deepEqual(JSON.parse(json.stdout.join('\n')), []);
  assert.deepEqual(json.stderr, [
    `${answers}: skipped — this file holds answers, not a procedure (no "formatVersion", "data", "ui", "documents" or "rules"). Check answers with: dvc-forms check <procedure.json> ${answers}`,
  ]);
  // A procedure that only lacks formatVersion is still linted (and fails), never skipped.
  const almost = join(dir, 'almost.json');
  writeFileSync(almost, JSON.stringify({ code: '1.000001', data: { type: 'object' } }));
  assert.equal(await main(['lint', almost], capture()), 1);
});

test('a pattern the linear-time engine cannot read fails lint at the construct, not later at compile', async () => {
  const io = capture();
  assert.equal(await main(['lint', '--lang', 'en', unsupportedPattern], io), 1);
  assert.deepEqual(io.stdout, [
    `${unsupportedPattern}:35:58  unsupported-pattern  The regular expression "^\\\\d{3}\\\\s\\\\p{Script=Latin}$" uses "\\p{Script=Latin}" at character 9, which the linear-time engine (RE2, used in the browser and on the server) cannot read: a character class or Unicode property it does not support (RE2 knows short category names such as L, Lu, N, not Script=…). Rewrite it in the syntax ECMAScript and RE2 share (for example \\p{L} instead of \\p{Letter}; a character range such as [A-Za-zÀ-ỹ] instead of \\p{Script=…}; at most 1000 repetitions).`,
    'Checked 1 file(s): 1 error(s), 0 warning(s).',
  ]);
  // `check` and `compile` read the file the same way and stop there (exit 2).
  const compile = capture();
  assert.equal(
    await main(['compile', unsupportedPattern, '--out', '/nonexistent-dvc'], compile),
    2,
  );
  assert.equal(compile.stderr.length, 1);
  assert.match(compile.stderr[0]!, /:35:58 {2}unsupported-pattern {2}Biểu thức chính quy/);
});

test('an unclosed string and a trailing comma are shown where the author must fix them', async () => {
  const runsOn = fixture('broken/json-string-runs-into-next-key.json');
  const lineBreak = fixture('broken/json-unterminated-string.json');
  const comma = fixture('broken/json-trailing-comma-line-below.json');
  const vi = capture();
  assert.equal(await main(['lint', runsOn, lineBreak, comma], vi), 1);
  assert.deepEqual(vi.stdout, [
    `${runsOn}:6:20  json-syntax  Chuỗi mở ở dòng 6, cột 20 chưa đóng ngoặc kép: thêm dấu " vào cuối chuỗi (dấu " trong chữ phải viết là \\").`,
    `${lineBreak}:46:76  json-syntax  Chuỗi mở ở dòng 46, cột 76 chưa đóng ngoặc kép: thêm dấu " vào cuối chuỗi (dấu " trong chữ phải viết là \\").`,
    `${comma}:17:43  json-syntax  Dấu phẩy thừa trước "]": hãy xoá dấu phẩy này (JSON không cho phép dấu phẩy cuối).`,
    'Đã kiểm tra 3 tệp: 3 lỗi, 0 cảnh báo.',
  ]);
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', runsOn, comma], en), 1);
  assert.deepEqual(en.stdout.slice(0, 2), [
    `${runsOn}:6:20  json-syntax  The string opened at line 6, column 20 is not closed: add a double quote (") at its end (a double quote inside the text is written \\").`,
    `${comma}:17:43  json-syntax  Extra comma before "]": remove this comma (JSON does not allow a trailing comma).`,
  ]);
});

test('a named file that is neither a procedure nor answers is an error, not "0 files: no problems"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-lint-other-'));
  const empty = join(dir, 'x.json');
  writeFileSync(empty, '{}');
  const io = capture();
  assert.equal(await main(['lint', empty], io), 1);
  assert.deepEqual(io.stdout, [
    `${empty}:1:1  not-a-procedure  Tệp này không phải tệp thủ tục: tệp thủ tục là một đối tượng JSON có "formatVersion", "code", "title", "data", "ui"… và tệp này không có mục nào trong số "formatVersion", "data", "ui", "documents" hay "rules". Nó cũng không phải tệp câu trả lời (các mục là tên trường trong "data") hay tệp ca kiểm thử (*.cases.json). Hãy kiểm tra lại tên tệp, hoặc viết thủ tục bắt đầu từ một tệp mẫu.`,
    'Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo.',
  ]);
  // Member names no answers file has (a field name starts with a letter) are not answers either.
  const other = join(dir, 'settings.json');
  writeFileSync(other, JSON.stringify({ $comment: 'x', 'ho ten': 'An' }));
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', other], en), 1);
  assert.deepEqual(en.stdout, [
    `${other}:1:1  not-a-procedure  This is not a procedure file: a procedure is a JSON object with "formatVersion", "code", "title", "data", "ui"…, and this file has none of "formatVersion", "data", "ui", "documents" or "rules". Nor is it an answers file (members named after fields of "data") or a cases file (*.cases.json). Check the file name, or start the procedure from an example file.`,
    'Checked 1 file(s): 1 error(s), 0 warning(s).',
  ]);
});

test('a walked folder skips files that are not procedures and counts them in the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-lint-folder-'));
  copyFileSync(valid, join(dir, 'a-procedure.json'));
  writeFileSync(join(dir, 'b.json'), '{}');
  writeFileSync(join(dir, 'c.json'), '[1, 2]');
  writeFileSync(join(dir, 'answers.json'), JSON.stringify({ hoTen: 'Nguyễn Văn An' }));
  writeFileSync(join(dir, 'notes.txt'), 'not JSON, not read');
  const io = capture();
  assert.equal(await main(['lint', dir], io), 0);
  assert.deepEqual(io.stdout, [
    `${join(dir, 'answers.json')}: bỏ qua — tệp này chứa câu trả lời, không phải thủ tục (không có "formatVersion", "data", "ui", "documents" hay "rules"). Kiểm tra câu trả lời bằng: dvc-forms check <thủ-tục.json> ${join(dir, 'answers.json')}`,
    'Đã kiểm tra 1 tệp: không có vấn đề nào; bỏ qua 2 tệp không phải thủ tục.',
  ]);
  // A broken procedure in the folder is still reported; English summary.
  copyFileSync(misspelt, join(dir, 'd-misspelt.json'));
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', dir], en), 1);
  assert.deepEqual(en.stdout.slice(1), [
    `${join(dir, 'd-misspelt.json')}:69:52  schema-additional-property  "lable" is not part of the format here; did you mean "label"?`,
    'Checked 2 file(s): 1 error(s), 0 warning(s); 2 file(s) skipped: not procedures.',
  ]);
});

test('(1.2) a copyFrom with a when: clean in 1.2, one format-version line in 1.1, its checks at their places', async () => {
  const when = fixture('valid-copy-when.json');
  const old = fixture('broken/copy-when-in-format-1-1.json');
  const later = fixture('broken/copy-condition-later.json');
  const unknown = fixture('broken/copy-when-unknown-fact.json');
  const io = capture();
  assert.equal(await main(['lint', when, old, later, unknown], io), 1);
  assert.deepEqual(io.stdout, [
    `${old}:184:15  format-version  copyFrom.when thuộc định dạng 1.2; hãy khai báo "formatVersion": 1.2 ở đầu tệp.`,
    `${later}:184:23  copy-condition-later  "when" của "copyFrom" đọc "cousins", câu hỏi được hỏi sau câu hỏi này (câu hỏi thứ 4 của bước thứ 2): người dân chưa trả lời nó khi nút dùng lại hiện ở đây. Chỉ đọc câu trả lời của câu hỏi đứng trước.`,
    `${unknown}:187:29  unknown-fact  "relationship" không phải là trường trong "data"; có phải ý bạn là "relation"?`,
    'Đã kiểm tra 4 tệp: 3 lỗi, 0 cảnh báo.',
  ]);
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', old, later], en), 1);
  assert.deepEqual(en.stdout, [
    `${old}:184:15  format-version  copyFrom.when is a format 1.2 feature; declare "formatVersion": 1.2 at the top of the file.`,
    `${later}:184:23  copy-condition-later  The "when" of "copyFrom" reads "cousins", which is asked after this question (question 4 of step 2): the citizen has not answered it yet when the offer is shown here. Only read answers given before this question.`,
    'Checked 2 file(s): 2 error(s), 0 warning(s).',
  ]);
});
