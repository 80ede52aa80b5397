/**
 * Says when the text of an author's file was not read from UTF-8, before any parsing.
 *
 * RFC 8259 §8.1 requires UTF-8. A file saved in another encoding still "reads": decoded as UTF-8,
 * Windows-1252/1258 accented letters become U+FFFD (so the form would show "đăng k�") and
 * Notepad's "Unicode" (UTF-16) becomes U+FFFD and NUL characters (so the parser's first complaint
 * would be a baffling "unexpected character"). Both are reported here, where the author can act
 * on them: the file, then the line and column of the first unreadable character.
 */
import { JSON_MESSAGES } from './messages.js';
import { JSON_PROBLEM_CODE, type JsonProblem } from './parse.js';

/**
 * The encoding problem of `text`, or undefined when it reads as UTF-8 did. A U+FFFD anywhere is
 * reported: a decoder put it where bytes were not UTF-8 (an author who means the character can
 * write `\ufffd`). UTF-16 shows at the start: a JSON text begins with an ASCII character
 * (whitespace, `{`, `[`…), whose UTF-16 form has a zero byte beside it, after the byte order mark
 * when there is one (two U+FFFD). A NUL further on is one stray character in a UTF-8 file, which
 * the parser reports at its place ("a control character in a string").
 */
export function encodingProblem(text: string): JsonProblem | undefined {
  // UTF-16: the whole file is in another encoding, so the problem is the file's, at 1:1.
  const first = text.startsWith('\ufffd\ufffd') ? 2 : 0;
  const utf16 = text.charCodeAt(first) === 0 || text.charCodeAt(first + 1) === 0;
  const at = utf16 ? 0 : text.indexOf('\ufffd');
  if (at < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const key = utf16 ? 'utf16' : 'notUtf8';
  return {
    code: JSON_PROBLEM_CODE.notUtf8,
    pointer: '',
    line,
    column: at - lineStart + 1,
    message: { vi: JSON_MESSAGES.vi[key]({}), en: JSON_MESSAGES.en[key]({}) },
  };
}
