/**
 * Messages of the two checks only the CLI runs (`dvc-forms lint`): the RE2 pattern check
 * (pattern-check.ts) and the ajv compile check (schema-compile-check.ts). Apart from the main
 * catalogs (messages.ts) so their text is tree-shaken out of the browser's loader chunk, which
 * does not run them, and so messages.ts stays within the 700-line limit.
 */
import type { Lang } from './types.js';

type P = Record<string, string | number>;

/**
 * `unsupported-pattern` (params: value, text, position, reason). Like RE2_REASONS, imported only
 * by src/procedure/pattern-check.ts: the CLI's pattern checker, so the text is tree-shaken out of
 * the browser's loader chunk, which does not run it.
 */
export const UNSUPPORTED_PATTERN: Record<Lang, (p: P) => string> = {
  vi: (p) =>
    `Biểu thức chính quy ${p.value} ${p.position ? `có "${p.text}" ở ký tự thứ ${p.position}` : 'có cú pháp'} mà bộ kiểm tra thời gian tuyến tính (RE2, dùng trên trình duyệt và máy chủ) không đọc được: ${p.reason}. Hãy viết lại bằng cú pháp chung của ECMAScript và RE2 (ví dụ \\p{L} thay cho \\p{Letter}; thay \\p{Script=…} bằng khoảng ký tự, như [A-Za-zÀ-ỹ]; lặp tối đa 1000 lần).`,
  en: (p) =>
    `The regular expression ${p.value} ${p.position ? `uses "${p.text}" at character ${p.position}, which` : 'uses syntax that'} the linear-time engine (RE2, used in the browser and on the server) cannot read: ${p.reason}. Rewrite it in the syntax ECMAScript and RE2 share (for example \\p{L} instead of \\p{Letter}; a character range such as [A-Za-zÀ-ỹ] instead of \\p{Script=…}; at most 1000 repetitions).`,
};

/**
 * `schema-compile`: the ajv compiler refuses the `data` schema although the meta-schema accepts
 * it. Only for src/procedure/schema-compile-check.ts (the CLI's), like UNSUPPORTED_PATTERN.
 */
export const SCHEMA_COMPILE: Record<Lang, Record<string, (p: P) => string>> = {
  vi: {
    missingType: (p) =>
      `"${p.keyword}" chỉ kiểm tra ${p.kind}, nhưng lược đồ này không khai báo "type": "${p.type}", nên không dựng được bộ kiểm tra câu trả lời. Thêm "type": "${p.type}" vào lược đồ này, hoặc bỏ "${p.keyword}".`,
    typeConflict: (p) =>
      `"type": "${p.type}" mâu thuẫn với kiểu "${p.context}" đã khai báo cho cùng giá trị này ở lược đồ chứa nó, nên không dựng được bộ kiểm tra câu trả lời. Dùng cùng một kiểu ở cả hai chỗ.`,
    unknownFormat: (p) =>
      `Định dạng "${p.format}" không được hỗ trợ, nên không dựng được bộ kiểm tra câu trả lời. Dùng một định dạng chuẩn (date, email…) hoặc định dạng Việt Nam (vn-personal-id, vn-mobile…).`,
    unresolvedRef: (p) =>
      `Tham chiếu "${p.ref}" không trỏ tới lược đồ nào trong "data", nên không dựng được bộ kiểm tra câu trả lời.`,
    ifAlone: () =>
      `"if" không có "then" hay "else" đi kèm nên không có tác dụng, và bộ kiểm tra câu trả lời không dựng được. Thêm "then" (hoặc "else") vào cùng lược đồ này, hoặc bỏ "if".`,
    withoutIf: (p) =>
      `"${p.keyword}" không có "if" đi kèm trong cùng lược đồ nên không có tác dụng, và bộ kiểm tra câu trả lời không dựng được. Thêm "if", hoặc bỏ "${p.keyword}".`,
    tuple: (p) =>
      `"${p.keyword}" cho lược đồ của ${p.count} phần tử đầu, nhưng lược đồ này không nói danh sách có đúng ${p.count} phần tử, nên bộ kiểm tra câu trả lời không dựng được. Thêm "minItems": ${p.count} và "maxItems": ${p.count} (hoặc "items": false).`,
    other: (p) =>
      `Không dựng được bộ kiểm tra câu trả lời từ lược đồ "data" (ajv báo: ${p.detail}).`,
  },
  en: {
    missingType: (p) =>
      `"${p.keyword}" only checks ${p.kind}, but this schema does not declare "type": "${p.type}", so the answer checker cannot be built. Add "type": "${p.type}" to this schema, or remove "${p.keyword}".`,
    typeConflict: (p) =>
      `"type": "${p.type}" contradicts the type "${p.context}" declared for the same value by the schema around it, so the answer checker cannot be built. Use one type in both places.`,
    unknownFormat: (p) =>
      `The format "${p.format}" is not supported, so the answer checker cannot be built. Use a standard format (date, email…) or a Vietnamese one (vn-personal-id, vn-mobile…).`,
    unresolvedRef: (p) =>
      `The reference "${p.ref}" points to no schema in "data", so the answer checker cannot be built.`,
    ifAlone: () =>
      `"if" has no "then" or "else" beside it, so it does nothing, and the answer checker cannot be built. Add "then" (or "else") to this schema, or remove "if".`,
    withoutIf: (p) =>
      `"${p.keyword}" has no "if" beside it in this schema, so it does nothing, and the answer checker cannot be built. Add "if", or remove "${p.keyword}".`,
    tuple: (p) =>
      `"${p.keyword}" gives a schema for each of ${p.count} item(s), but this schema does not say the list has exactly ${p.count} item(s), so the answer checker cannot be built. Add "minItems": ${p.count} and "maxItems": ${p.count} (or "items": false).`,
    other: (p) =>
      `The answer checker cannot be built from the "data" schema (ajv says: ${p.detail}).`,
  },
};

/**
 * RE2's syntax errors (re2js `RE2JSSyntaxException` descriptions), for authors; only for
 * src/procedure/pattern-check.ts (see UNSUPPORTED_PATTERN).
 */
export const RE2_REASONS: Record<Lang, Record<string, string>> = {
  vi: {
    'invalid character class range':
      'lớp ký tự hoặc thuộc tính Unicode không được hỗ trợ (RE2 chỉ biết tên nhóm ngắn như L, Lu, N, không biết Script=…)',
    'invalid escape sequence': 'ký tự thoát không được hỗ trợ',
    'invalid named capture': 'tên nhóm không hợp lệ',
    'invalid or unsupported Perl syntax': 'cú pháp nhóm "(?…" không được hỗ trợ',
    'invalid nested repetition operator': 'hai phép lặp liền nhau',
    'invalid repeat count': 'số lần lặp không hợp lệ hoặc lớn hơn 1000',
    'missing closing ]': 'thiếu dấu "]"',
    'missing closing )': 'thiếu dấu ")"',
    'missing argument to repetition operator': 'phép lặp không có gì đứng trước',
    'trailing backslash at end of expression': 'dấu "\\" ở cuối biểu thức',
    'duplicate capture group name': 'hai nhóm trùng tên',
    'unexpected )': 'thừa dấu ")"',
    'expression nests too deeply': 'lồng nhau quá sâu',
    'expression too large': 'biểu thức quá lớn',
  },
  en: {
    'invalid character class range':
      'a character class or Unicode property it does not support (RE2 knows short category names such as L, Lu, N, not Script=…)',
    'invalid escape sequence': 'an unsupported escape',
    'invalid named capture': 'an invalid group name',
    'invalid or unsupported Perl syntax': 'an unsupported "(?…" group',
    'invalid nested repetition operator': 'two repetitions in a row',
    'invalid repeat count': 'a repeat count that is invalid or above 1000',
    'missing closing ]': 'a missing "]"',
    'missing closing )': 'a missing ")"',
    'missing argument to repetition operator': 'a repetition with nothing before it',
    'trailing backslash at end of expression': 'a "\\" at the end',
    'duplicate capture group name': 'two groups with the same name',
    'unexpected )': 'an unmatched ")"',
    'expression nests too deeply': 'nesting too deep',
    'expression too large': 'an expression too large',
  },
};

/**
 * `not-a-procedure`: `dvc-forms lint` was given a file by name that is JSON but neither a
 * procedure, nor answers, nor a cases file (`{}`, or member names no answers file has).
 */
export const NOT_A_PROCEDURE: Record<Lang, string> = {
  vi: 'Tệp này không phải tệp thủ tục: tệp thủ tục là một đối tượng JSON có "formatVersion", "code", "title", "data", "ui"… và tệp này không có mục nào trong số "formatVersion", "data", "ui", "documents" hay "rules". Nó cũng không phải tệp câu trả lời (các mục là tên trường trong "data") hay tệp ca kiểm thử (*.cases.json). Hãy kiểm tra lại tên tệp, hoặc viết thủ tục bắt đầu từ một tệp mẫu.',
  en: 'This is not a procedure file: a procedure is a JSON object with "formatVersion", "code", "title", "data", "ui"…, and this file has none of "formatVersion", "data", "ui", "documents" or "rules". Nor is it an answers file (members named after fields of "data") or a cases file (*.cases.json). Check the file name, or start the procedure from an example file.',
};
