import type { Lang } from '../procedure/types.js';
import { groupThousands } from '../numbers.js';

/**
 * Messages of the JSON parser, for procedure authors (through the loader and `dvc-forms lint`)
 * and for servers verifying payloads. Each entry builds the sentence from the facts found.
 */
type Message = (p: Record<string, string | number>) => string;

export const JSON_MESSAGES: Record<Lang, Record<string, Message>> = {
  vi: {
    unexpectedEnd: () =>
      'Tệp JSON kết thúc đột ngột: có thể thiếu dấu đóng "}", "]" hoặc dấu ngoặc kép.',
    unexpectedChar: (p) => `Ký tự ${p.char} không hợp lệ ở đây; cần ${p.expected}.`,
    trailingComma: (p) =>
      `Dấu phẩy thừa trước "${p.close}": hãy xoá dấu phẩy này (JSON không cho phép dấu phẩy cuối).`,
    comment: () => 'JSON không cho phép chú thích (// hoặc /* */).',
    singleQuote: () =>
      'Chuỗi trong JSON phải đặt trong dấu ngoặc kép ("), không dùng dấu nháy đơn.',
    unterminatedString: (p) =>
      `Chuỗi mở ở dòng ${p.line}, cột ${p.column} chưa đóng ngoặc kép: thêm dấu " vào cuối chuỗi (dấu " trong chữ phải viết là \\").`,
    tabChar: () =>
      'Chuỗi chứa một dấu tab gõ thẳng, JSON không cho phép: hãy viết \\t thay thế (hoặc dùng dấu cách).',
    controlChar: (p) =>
      `Chuỗi chứa ký tự điều khiển ${p.char}, không nhìn thấy được (thường do dán từ tệp khác): hãy xoá ký tự ở đúng chỗ này.`,
    badEscape: (p) => `Chuỗi thoát ${p.escape} không hợp lệ trong JSON.`,
    badNumber: () =>
      'Số không hợp lệ trong JSON (không có số 0 thừa ở đầu, dấu + hay dấu chấm cuối).',
    badLiteral: () =>
      'Giá trị không hợp lệ: chỉ dùng true, false, null, số, chuỗi, mảng hoặc đối tượng.',
    trailingData: () => 'Có nội dung thừa sau giá trị JSON chính.',
    duplicateKey: (p) => `Khóa "${p.key}" xuất hiện hai lần trong cùng một đối tượng.`,
    forbiddenKey: (p) =>
      `Không được dùng khóa "${p.key}": tên này có thể làm thay đổi đối tượng của JavaScript.`,
    tooDeep: (p) => `Dữ liệu lồng nhau quá sâu (tối đa ${p.max} cấp).`,
    tooLarge: (p) =>
      `Tệp quá lớn: ${groupThousands(p.size, '.')} ký tự, tối đa ${groupThousands(p.max, '.')}.`,
    notUtf8: () =>
      'Có ký tự không đọc được (�) ở đây: tệp có lẽ không được lưu bằng mã UTF-8 (ví dụ ANSI, Windows-1258). Hãy lưu lại tệp với mã hoá UTF-8 rồi xem lại chữ có dấu quanh chỗ này.',
    utf16: () =>
      'Tệp được lưu bằng mã UTF-16 ("Unicode" của Notepad), không phải UTF-8. Hãy mở tệp và lưu lại với mã hoá UTF-8.',
  },
  en: {
    unexpectedEnd: () =>
      'The JSON ends too early: a closing "}", "]" or double quote may be missing.',
    unexpectedChar: (p) => `Unexpected character ${p.char}; expected ${p.expected}.`,
    trailingComma: (p) =>
      `Extra comma before "${p.close}": remove this comma (JSON does not allow a trailing comma).`,
    comment: () => 'JSON does not allow comments (// or /* */).',
    singleQuote: () => 'JSON strings use double quotes ("), not single quotes.',
    unterminatedString: (p) =>
      `The string opened at line ${p.line}, column ${p.column} is not closed: add a double quote (") at its end (a double quote inside the text is written \\").`,
    tabChar: () =>
      'The string contains a typed tab, which JSON does not allow: write \\t instead (or use a space).',
    controlChar: (p) =>
      `The string contains the control character ${p.char}, which cannot be seen (usually pasted from another file): delete the character at this very place.`,
    badEscape: (p) => `Invalid escape sequence ${p.escape} in a JSON string.`,
    badNumber: () => 'Invalid JSON number (no leading zeros, plus sign or trailing dot).',
    badLiteral: () =>
      'Invalid value: use only true, false, null, a number, a string, an array or an object.',
    trailingData: () => 'Unexpected content after the JSON value.',
    duplicateKey: (p) => `The key "${p.key}" appears twice in the same object.`,
    forbiddenKey: (p) =>
      `The key "${p.key}" is not allowed: it can alter JavaScript objects (prototype pollution).`,
    tooDeep: (p) => `The data is nested too deeply (at most ${p.max} levels).`,
    tooLarge: (p) =>
      `The file is too large: ${groupThousands(p.size, ',')} characters, at most ${groupThousands(p.max, ',')}.`,
    notUtf8: () =>
      'Unreadable character (�) here: the file was probably not saved as UTF-8 (e.g. ANSI, Windows-1252 or 1258). Save it again as UTF-8, then check the accented letters around this place.',
    utf16: () =>
      'The file is saved as UTF-16 (Notepad\'s "Unicode"), not UTF-8. Open it and save it again as UTF-8.',
  },
};

/** What the parser expected, named for people. */
export const EXPECTED: Record<Lang, Record<string, string>> = {
  vi: {
    value: 'một giá trị',
    key: 'tên khóa trong dấu ngoặc kép',
    colon: 'dấu hai chấm ":"',
    commaOrBrace: 'dấu phẩy "," hoặc "}"',
    commaOrBracket: 'dấu phẩy "," hoặc "]"',
  },
  en: {
    value: 'a value',
    key: 'a key in double quotes',
    colon: 'a colon ":"',
    commaOrBrace: 'a comma "," or "}"',
    commaOrBracket: 'a comma "," or "]"',
  },
};
