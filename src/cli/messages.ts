/**
 * The CLI's own sentences, Vietnamese first: what `lint`, `check`, `test`, `compile`,
 * `first-page` and `preview` print around the problems (whose words come from the loader's
 * catalogs). Every command takes `--lang vi|en` and speaks Vietnamese by default, so an author
 * reads one language from every command. Codes, paths, rule and case names stay as written.
 */
import type { Lang } from '../procedure/types.js';

/** What was wrong with a command line, for `usageProblem` (src/cli/commands/usage.ts). */
export type UsageProblem =
  | { kind: 'unknownOption'; option: string }
  /** `value` undefined: the option was last, with no value after it. */
  | { kind: 'badValue'; option: string; value: string | undefined }
  /** A file or an option the command needs; `what` is a key of `argumentNames`. */
  | { kind: 'missing'; what: string }
  | { kind: 'unexpected'; argument: string }
  /** `option` only works together with `needs` (`--bundle` with `--form`). */
  | { kind: 'needs'; option: string; needs: string };

const vi = {
  // Usage errors and the command list.
  usageProblem: (p: UsageProblem): string =>
    p.kind === 'unknownOption'
      ? `không có tùy chọn ${p.option}.`
      : p.kind === 'badValue'
        ? p.value === undefined
          ? `${p.option} cần một giá trị đứng sau.`
          : `giá trị "${p.value}" không dùng được cho ${p.option}${VALUE_HINTS.vi[p.option] ? ` (${VALUE_HINTS.vi[p.option]})` : ''}.`
        : p.kind === 'missing'
          ? `thiếu ${ARGUMENT_NAMES.vi[p.what] ?? p.what}.`
          : p.kind === 'unexpected'
            ? `thừa "${p.argument}": lệnh này không nhận thêm tệp hay đối số nào nữa.`
            : `${p.option} chỉ dùng được cùng với ${p.needs}.`,
  unknownCommand: (name: string, suggestion: string) =>
    `dvc-forms: không có lệnh "${name}"${suggestion ? `; có phải ý bạn là "${suggestion}"?` : '.'}`,
  mainUsage: 'Cách dùng: dvc-forms <lệnh> [tùy-chọn]',
  commandsHeading: 'Các lệnh:',
  summaries: {
    version: 'in ra phiên bản dvc-forms',
    check: 'kiểm tra một tệp câu trả lời theo một thủ tục',
    compile: 'dịch sẵn bộ kiểm tra của một thủ tục, cho trang có CSP chặt',
    'first-page': 'ghi trang đầu của biểu mẫu thành HTML thường, để dán vào trong <dvc-form>',
    verify: 'kiểm tra một hồ sơ đã ký (JWS) theo một thủ tục',
    keygen: 'tạo cặp khóa ký ES256 thành các tệp JWK',
    lint: 'kiểm tra các tệp thủ tục, báo từng vấn đề kèm dòng và cột',
    test: 'chạy tệp <tên>.cases.json bên cạnh mỗi thủ tục',
    preview: 'xem trước một thủ tục trong biểu mẫu, tự tải lại khi tệp thay đổi',
  } as Record<string, string>,
  /** After the code of a warning in a problem line: `file:1:2  code (cảnh báo)  message`. */
  warning: 'cảnh báo',
  /** Why a file could not be read, by the system's error code. */
  readErrors: {
    ENOENT: 'không tìm thấy tệp',
    EACCES: 'không có quyền đọc tệp',
    EISDIR: 'đây là một thư mục',
    ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
    EPERM: 'hệ thống không cho phép đọc tệp',
    ELOOP: 'đường dẫn có liên kết vòng',
    ENAMETOOLONG: 'đường dẫn quá dài',
    EMFILE: 'đang mở quá nhiều tệp; hãy thử lại',
  } as Record<string, string>,
  /** Why a file or folder could not be written, by the system's error code. */
  writeErrors: {
    ENOENT: 'thư mục chứa nó không tồn tại',
    EACCES: 'không có quyền ghi vào đó',
    EPERM: 'hệ thống không cho phép ghi vào đó',
    EISDIR: 'ở đó đã có một thư mục trùng tên',
    ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
    EEXIST: 'ở đó đã có một tệp trùng tên, nên không tạo được thư mục',
    EROFS: 'ổ đĩa chỉ cho đọc',
    ENOSPC: 'ổ đĩa đã đầy',
    ENAMETOOLONG: 'đường dẫn quá dài',
  } as Record<string, string>,
  /** A system error code with no sentence of its own. */
  systemError: (code: string) => `lỗi hệ thống ${code}`,
  cannotRead: (file: string, detail: string) => `dvc-forms: không đọc được ${file}: ${detail}`,
  cannotWrite: (path: string, detail: string) => `dvc-forms: không ghi được ${path}: ${detail}`,
  /** Anything else a command threw: not the author's file, so no details but the way to report it. */
  crashed: (command: string, file: string | undefined) =>
    `dvc-forms ${command}: dvc-forms gặp lỗi bên trong${file ? ` khi xử lý ${file}` : ''}; đây không phải lỗi của tệp. Hãy chạy lại lệnh với --debug và báo lỗi kèm kết quả.`,
  // `dvc-forms keygen`
  keygenExists: (privatePath: string, publicPath: string) =>
    `dvc-forms keygen: đã có ${privatePath} hoặc ${publicPath}; thêm --force để ghi đè`,
  keygenWrote: (privatePath: string, publicPath: string) =>
    `Đã ghi ${privatePath} (giữ bí mật tệp này) và ${publicPath}.`,
  lintSummary: (files: number, errors: number, warnings: number, skipped = 0) =>
    `Đã kiểm tra ${files} tệp: ${errors === 0 && warnings === 0 ? 'không có vấn đề nào' : `${errors} lỗi, ${warnings} cảnh báo`}${skipped ? `; bỏ qua ${skipped} tệp không phải thủ tục` : ''}.`,
  lintSkipped: (file: string) =>
    `${file}: bỏ qua — tệp này chứa câu trả lời, không phải thủ tục (không có "formatVersion", "data", "ui", "documents" hay "rules"). Kiểm tra câu trả lời bằng: dvc-forms check <thủ-tục.json> ${file}`,
  // `dvc-forms test`
  noCasesFile: (cases: string, procedure: string) =>
    `dvc-forms: không có tệp ca kiểm thử ${cases} bên cạnh ${procedure}`,
  casePassed: (name: string) => `✓ ${name}`,
  caseFailed: (name: string, differences: string) => `✗ ${name} — ${differences}`,
  testSummary: (passed: number, failed: number) => `${passed} đạt, ${failed} không đạt`,
  caseBadDate: (date: string) =>
    `ca này không chạy được: ngày "today" ${date} không có trên lịch; hãy viết một ngày có thật dạng YYYY-MM-DD`,
  caseCrashed: (detail: string) =>
    `ca này không chạy được vì dvc-forms gặp lỗi bên trong (${detail}); các ca khác vẫn chạy. Hãy báo lỗi này kèm kết quả của "dvc-forms test --debug"`,
  expectedGot: (label: string, expected: string, got: string) =>
    `${label}: cần ${expected}, thực tế ${got}`,
  missing: (list: string) => `thiếu ${list}`,
  unexpected: (list: string) => `thừa ${list}`,
  notVisible: (label: string, list: string) => `${label}: ${list} không hiển thị`,
  notHidden: (label: string, list: string) => `${label}: ${list} không bị ẩn`,
  problemAt: (code: string, path: string) => `${code} tại ${path}`,
  ruleProblem: (pointer: string, message: string) => `lỗi quy tắc tại ${pointer}: ${message}`,
  // `dvc-forms compile`
  rulesNotCompiled: (unit: string, reason: string) =>
    `Các quy tắc của "${unit}" không được dịch thành mã (${reason}); json-rules-engine vẫn xét chúng, nhưng chậm hơn.`,
  jsonPathCondition: 'điều kiện có "path" (JSONPath) chỉ json-rules-engine xét được',
  formFileName: (name: string) =>
    `dvc-forms compile: tên tệp "${name}" được ghi nguyên vào mã của trang, nên không được có khoảng trắng, dấu nháy hay dấu "\\"; hãy đổi tên tệp (ví dụ dang-ky-khai-sinh.json) rồi chạy lại`,
  noChunksManifest:
    'dvc-forms: thiếu dist/chunks.json; hãy chạy "npm run build" để có các dòng modulepreload.',
  // `dvc-forms first-page`
  noPlainFirstPage: (file: string) =>
    `dvc-forms: ${file}: câu hỏi đầu tiên của biểu mẫu không viết được bằng HTML thường (ngày, địa chỉ, nhóm lặp lại hoặc giấy tờ); chưa ghi trang đầu nào`,
  // `dvc-forms check` given a procedure where the answers go.
  answersAreProcedure: (answers: string, procedure: string) =>
    `dvc-forms check: ${answers} là một tệp thủ tục, không phải tệp câu trả lời; hãy đưa tệp câu trả lời (các câu trả lời của người nộp, dạng JSON) sau tệp thủ tục: dvc-forms check ${procedure} <câu-trả-lời.json>`,
  checkSwapped: (procedure: string, answers: string) =>
    `dvc-forms check: hai tệp bị đảo thứ tự: ${answers} là tệp thủ tục, ${procedure} là tệp câu trả lời; tệp thủ tục đứng trước: dvc-forms check ${answers} ${procedure}`,
  // `dvc-forms check`: the one line printed in text mode when the answers pass.
  checkValid: (answers: string, procedure: string, eligible: boolean) =>
    `Hợp lệ: ${answers} không có vấn đề nào theo ${procedure}; ${eligible ? 'đủ điều kiện nộp hồ sơ' : 'chưa xác định được điều kiện nộp hồ sơ'}.`,
  // `dvc-forms preview`: the terminal and the preview page.
  previewTitle: (file: string) => `Xem trước: ${file}`,
  previewServing: (url: string, file: string) =>
    `Đang xem trước ${file} tại ${url} — trang tự tải lại khi tệp thay đổi. Bấm Ctrl+C để dừng.`,
  previewReloaded: (file: string) => `${file} đã thay đổi: tải lại trang.`,
  previewNoProblems: 'Tệp không có vấn đề nào.',
  previewProblems: (n: number) => `Tệp có ${n} vấn đề (dvc-forms lint):`,
  previewPayload: 'Dữ liệu sẽ được ký và gửi (bản xem trước không gửi đi đâu):',
  previewNoBundle:
    'dvc-forms preview: chưa có dist/dvc-forms.min.js; hãy chạy "npm run build" trong mã nguồn dvc-forms.',
};

const en: typeof vi = {
  usageProblem: (p) =>
    p.kind === 'unknownOption'
      ? `unknown option ${p.option}`
      : p.kind === 'badValue'
        ? p.value === undefined
          ? `${p.option} needs a value`
          : `invalid value for ${p.option}: ${p.value}${VALUE_HINTS.en[p.option] ? ` (${VALUE_HINTS.en[p.option]})` : ''}`
        : p.kind === 'missing'
          ? `missing ${ARGUMENT_NAMES.en[p.what] ?? p.what}`
          : p.kind === 'unexpected'
            ? `unexpected argument "${p.argument}": this command takes no more files or arguments`
            : `${p.option} works only together with ${p.needs}`,
  unknownCommand: (name, suggestion) =>
    `dvc-forms: unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
  mainUsage: 'Usage: dvc-forms <command> [options]',
  commandsHeading: 'Commands:',
  summaries: {
    version: 'print the dvc-forms version',
    check: 'validate answers against a procedure',
    compile: 'precompile a procedure validator for strict CSP',
    'first-page': "write the form's first page as plain HTML to paste inside <dvc-form>",
    verify: 'verify a signed submission (JWS) against a procedure',
    keygen: 'write an ES256 signing key pair as JWK files',
    lint: 'check procedure files and report problems with line and column',
    test: 'run the <name>.cases.json beside each procedure',
    preview: 'serve a procedure in the form, reloading when the file changes',
  },
  warning: 'warning',
  readErrors: {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'part of the path is a file, not a folder',
    EPERM: 'the system does not allow reading it',
    ELOOP: 'the path has a symbolic link loop',
    ENAMETOOLONG: 'the path is too long',
    EMFILE: 'too many files are open; try again',
  },
  writeErrors: {
    ENOENT: 'the folder it goes in does not exist',
    EACCES: 'permission denied',
    EPERM: 'the system does not allow writing there',
    EISDIR: 'a folder of that name is already there',
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'a file of that name is already there, so the folder cannot be made',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    ENAMETOOLONG: 'the path is too long',
  },
  systemError: (code) => `system error ${code}`,
  cannotRead: (file, detail) => `dvc-forms: cannot read ${file}: ${detail}`,
  cannotWrite: (path, detail) => `dvc-forms: cannot write ${path}: ${detail}`,
  crashed: (command, file) =>
    `dvc-forms ${command}: dvc-forms failed inside${file ? ` while reading ${file}` : ''}; this is not a problem of the file. Run the command again with --debug and report it with the output.`,
  keygenExists: (privatePath, publicPath) =>
    `dvc-forms keygen: ${privatePath} or ${publicPath} exists; use --force to replace it`,
  keygenWrote: (privatePath, publicPath) =>
    `Wrote ${privatePath} (keep it secret) and ${publicPath}.`,
  lintSummary: (files, errors, warnings, skipped = 0) =>
    `Checked ${files} file(s): ${errors === 0 && warnings === 0 ? 'no problems' : `${errors} error(s), ${warnings} warning(s)`}${skipped ? `; ${skipped} file(s) skipped: not procedures` : ''}.`,
  lintSkipped: (file) =>
    `${file}: skipped — this file holds answers, not a procedure (no "formatVersion", "data", "ui", "documents" or "rules"). Check answers with: dvc-forms check <procedure.json> ${file}`,
  noCasesFile: (cases, procedure) => `dvc-forms: no cases file ${cases} beside ${procedure}`,
  casePassed: (name) => `✓ ${name}`,
  caseFailed: (name, differences) => `✗ ${name} — ${differences}`,
  testSummary: (passed, failed) => `${passed} passed, ${failed} failed`,
  caseBadDate: (date) =>
    `the case could not run: the "today" date ${date} is not on the calendar; write a real date YYYY-MM-DD`,
  caseCrashed: (detail) =>
    `the case could not run: dvc-forms failed inside (${detail}); the other cases still run. Please report it with the output of "dvc-forms test --debug"`,
  expectedGot: (label, expected, got) => `${label}: expected ${expected}, got ${got}`,
  missing: (list) => `missing ${list}`,
  unexpected: (list) => `unexpected ${list}`,
  notVisible: (label, list) => `${label}: ${list} not visible`,
  notHidden: (label, list) => `${label}: ${list} not hidden`,
  problemAt: (code, path) => `${code} at ${path}`,
  ruleProblem: (pointer, message) => `rule problem at ${pointer}: ${message}`,
  rulesNotCompiled: (unit, reason) =>
    `The rules of "${unit}" are not compiled to code (${reason}); json-rules-engine evaluates them, more slowly.`,
  jsonPathCondition: 'a condition with "path" (JSONPath) is evaluated by json-rules-engine only',
  formFileName: (name) =>
    `dvc-forms compile: the file name "${name}" is written as it is into the page's script, so it cannot have spaces, quotes or "\\"; rename the file (for example dang-ky-khai-sinh.json) and run again`,
  noChunksManifest:
    'dvc-forms: dist/chunks.json is missing; run "npm run build" for the preload links.',
  noPlainFirstPage: (file) =>
    `dvc-forms: ${file}: the form's first question cannot be rendered as plain HTML (a date, an address, a repeat group or a document); no first page written`,
  answersAreProcedure: (answers, procedure) =>
    `dvc-forms check: ${answers} is a procedure file, not an answers file; give the answers (an applicant's answers as JSON) after the procedure: dvc-forms check ${procedure} <answers.json>`,
  checkSwapped: (procedure, answers) =>
    `dvc-forms check: the two files are the wrong way round: ${answers} is the procedure and ${procedure} the answers; the procedure goes first: dvc-forms check ${answers} ${procedure}`,
  checkValid: (answers, procedure, eligible) =>
    `Valid: ${answers} has no problems against ${procedure}; ${eligible ? 'eligible to apply' : 'eligibility not determined'}.`,
  previewTitle: (file) => `Preview: ${file}`,
  previewServing: (url, file) =>
    `Previewing ${file} at ${url} — the page reloads when the file changes. Press Ctrl+C to stop.`,
  previewReloaded: (file) => `${file} changed: reloading the page.`,
  previewNoProblems: 'The file has no problems.',
  previewProblems: (n) => `The file has ${n} problem(s) (dvc-forms lint):`,
  previewPayload: 'What would be signed and sent (the preview sends nothing):',
  previewNoBundle:
    'dvc-forms preview: dist/dvc-forms.min.js is missing; run "npm run build" in the dvc-forms source.',
};

/** The files and options a command line can lack, for `usageProblem` `missing`. */
const ARGUMENT_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    procedure: 'tệp thủ tục <thủ-tục.json>',
    answers: 'tệp câu trả lời <câu-trả-lời.json>',
    files: 'tệp cần kiểm tra',
    payload: 'tệp hồ sơ đã ký <hồ-sơ.jws>',
    out: 'thư mục ghi kết quả (--out <thư-mục>)',
    '--procedure': 'tệp thủ tục (--procedure <thủ-tục.json>)',
  },
  en: {
    procedure: 'the procedure file <procedure.json>',
    answers: 'the answers file <answers.json>',
    files: 'the files to check',
    payload: 'the signed submission <payload.jws>',
    out: 'the output folder (--out <dir>)',
    '--procedure': 'the procedure file (--procedure <procedure.json>)',
  },
};

/** What an option takes, said after a value it cannot use. */
const VALUE_HINTS: Record<Lang, Record<string, string>> = {
  vi: {
    '--lang': 'dùng vi hoặc en',
    '--format': 'dùng text hoặc json',
    '--today': 'một ngày dạng YYYY-MM-DD',
    '--port': 'một số cổng từ 0 đến 65535',
    '--max-age': 'một số giây nguyên dương',
    '--now': 'một thời điểm theo ISO 8601',
    '--trusted-keys': 'một tệp JSON chứa danh sách khóa JWK hoặc một JWK Set',
    '--allow-link-host': 'một tên miền như dichvucong.gov.vn hoặc *.gov.vn, không có https://',
    '--bundle':
      'một đường dẫn bắt đầu bằng /, ./, ../ hoặc https://, không có khoảng trắng, dấu nháy hay dấu "\\"',
  },
  en: {
    '--lang': 'use vi or en',
    '--format': 'use text or json',
    '--today': 'a date YYYY-MM-DD',
    '--port': 'a port number from 0 to 65535',
    '--max-age': 'a positive whole number of seconds',
    '--now': 'an ISO 8601 time',
    '--trusted-keys': 'a JSON file with a list of JWKs or a JWK Set',
    '--allow-link-host': 'a host such as dichvucong.gov.vn or *.gov.vn, without https://',
    '--bundle': 'a path starting with /, ./, ../ or https://, without spaces, quotes or "\\"',
  },
};

export const CLI_MESSAGES: Record<Lang, typeof vi> = { vi, en };

/** Why `file` could not be read, from the error `readFile` threw. */
export function readErrorDetail(err: unknown, lang: Lang): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return CLI_MESSAGES[lang].readErrors[code] ?? CLI_MESSAGES[lang].systemError(code);
}

/** Why a file or folder could not be written, from the error `mkdir` or `writeFile` threw. */
export function writeErrorDetail(err: unknown, lang: Lang): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return CLI_MESSAGES[lang].writeErrors[code] ?? CLI_MESSAGES[lang].systemError(code);
}

/**
 * What `dvc-forms test`'s own shape check of a cases file says (src/cli/commands/test.ts
 * `parseCasesFile`), for what the cases schema (and so `lint`) would not already have said. `name`
 * is the member the pointer ends at; the line and column say where.
 */
export type CasesShapeKind = keyof (typeof CASES_SHAPE)['vi'];
type ShapeParams = { name: string; id?: string };
export const CASES_SHAPE = {
  vi: {
    root: () => 'Tệp ca kiểm thử phải là một đối tượng JSON có danh sách "cases".',
    date: (p: ShapeParams) => `"${p.name}" phải là một ngày dạng YYYY-MM-DD.`,
    list: (p: ShapeParams) => `"${p.name}" phải là một danh sách.`,
    object: (p: ShapeParams) => `"${p.name}" phải là một đối tượng JSON.`,
    name: () => 'Mỗi ca cần một tên ("name") không rỗng.',
    duplicateName: (p: ShapeParams) =>
      `Tên ca "${p.id}" đã dùng cho một ca khác; mỗi ca cần một tên riêng.`,
    status: () => '"status" phải là eligible, ineligible hoặc unknown.',
    ruleIds: (p: ShapeParams) => `"${p.name}" phải là danh sách mã quy tắc.`,
    problems: (p: ShapeParams) => `"${p.name}" phải là danh sách các {code, path}.`,
    targets: (p: ShapeParams) => `"${p.name}" phải là một đối tượng {fields, documents}.`,
    ids: (p: ShapeParams) => `"${p.name}" phải là danh sách mã.`,
    fee: (p: ShapeParams) => `"${p.name}" phải là một đối tượng {total, items}.`,
    total: (p: ShapeParams) => `"${p.name}" phải là một số tiền nguyên (đồng).`,
    feeItems: (p: ShapeParams) =>
      `"${p.name}" phải là danh sách mã khoản phí hoặc các {id, quantity, subtotal, amount}.`,
    unknownExpectation: (p: ShapeParams) =>
      `Không có kỳ vọng "${p.name}"; dùng eligibility, problems, visible, hidden, required hoặc fee.`,
  },
  en: {
    root: () => 'A cases file is a JSON object with a "cases" list.',
    date: (p: ShapeParams) => `"${p.name}" must be a date YYYY-MM-DD.`,
    list: (p: ShapeParams) => `"${p.name}" must be a list.`,
    object: (p: ShapeParams) => `"${p.name}" must be a JSON object.`,
    name: () => 'Each case needs a non-empty "name".',
    duplicateName: (p: ShapeParams) =>
      `The case name "${p.id}" is already used by another case; each case needs its own name.`,
    status: () => '"status" must be eligible, ineligible or unknown.',
    ruleIds: (p: ShapeParams) => `"${p.name}" must be a list of rule ids.`,
    problems: (p: ShapeParams) => `"${p.name}" must be a list of {code, path}.`,
    targets: (p: ShapeParams) => `"${p.name}" must be an object {fields, documents}.`,
    ids: (p: ShapeParams) => `"${p.name}" must be a list of ids.`,
    fee: (p: ShapeParams) => `"${p.name}" must be an object {total, items}.`,
    total: (p: ShapeParams) => `"${p.name}" must be a whole number of VND.`,
    feeItems: (p: ShapeParams) =>
      `"${p.name}" must be a list of fee item ids or of {id, quantity, subtotal, amount}.`,
    unknownExpectation: (p: ShapeParams) =>
      `There is no expectation "${p.name}"; use eligibility, problems, visible, hidden, required or fee.`,
  },
};
