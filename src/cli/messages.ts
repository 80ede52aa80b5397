/**
 * The CLI's own sentences, Vietnamese first: what `lint`, `check`, `test`, `compile`,
 * `first-page` and `preview` print around the problems (whose words come from the loader's
 * catalogs). Every command takes `--lang vi|en` and speaks Vietnamese by default, so an author
 * reads one language from every command. Codes, paths, rule and case names stay as written.
 */
import type { Lang } from '../procedure/types.js';

const vi = {
  /** After the code of a warning in a problem line: `file:1:2  code (cảnh báo)  message`. */
  warning: 'cảnh báo',
  /** Why a file could not be read, by the system's error code. */
  readErrors: {
    ENOENT: 'không tìm thấy tệp',
    EACCES: 'không có quyền đọc tệp',
    EISDIR: 'đây là một thư mục',
  } as Record<string, string>,
  cannotRead: (file: string, detail: string) => `dvc-forms: không đọc được ${file}: ${detail}`,
  lintSummary: (files: number, errors: number, warnings: number) =>
    errors === 0 && warnings === 0
      ? `Đã kiểm tra ${files} tệp: không có vấn đề nào.`
      : `Đã kiểm tra ${files} tệp: ${errors} lỗi, ${warnings} cảnh báo.`,
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
  noChunksManifest:
    'dvc-forms: thiếu dist/chunks.json; hãy chạy "npm run build" để có các dòng modulepreload.',
  // `dvc-forms first-page`
  noPlainFirstPage: (file: string) =>
    `dvc-forms: ${file}: câu hỏi đầu tiên của biểu mẫu không viết được bằng HTML thường (ngày, địa chỉ, nhóm lặp lại hoặc giấy tờ); chưa ghi trang đầu nào`,
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
  warning: 'warning',
  readErrors: {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
  },
  cannotRead: (file, detail) => `dvc-forms: cannot read ${file}: ${detail}`,
  lintSummary: (files, errors, warnings) =>
    errors === 0 && warnings === 0
      ? `Checked ${files} file(s): no problems.`
      : `Checked ${files} file(s): ${errors} error(s), ${warnings} warning(s).`,
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
  noChunksManifest:
    'dvc-forms: dist/chunks.json is missing; run "npm run build" for the preload links.',
  noPlainFirstPage: (file) =>
    `dvc-forms: ${file}: the form's first question cannot be rendered as plain HTML (a date, an address, a repeat group or a document); no first page written`,
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

export const CLI_MESSAGES: Record<Lang, typeof vi> = { vi, en };

/** Why `file` could not be read, from the error `readFile` threw. */
export function readErrorDetail(err: unknown, lang: Lang): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return CLI_MESSAGES[lang].readErrors[code] ?? code;
}
