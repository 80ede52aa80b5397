/**
 * Every string and member name of a procedure file must be text: a lone surrogate (half of a
 * UTF-16 pair, which JSON lets an author write as `"\ud800"`) is no character. A title holding
 * one shows "�" or nothing, it cannot be written to UTF-8 (the receiver's store, a mail, a PDF),
 * and a value copied into answers makes canonical JSON and so signing refuse the dossier
 * (src/jcs/canonicalize.ts, RFC 8785 §3.2.2.2). Reported as `lone-surrogate` at the string or
 * key, its column at the surrogate as the file writes it, wherever in the file it is.
 */
import { LONE_SURROGATE } from '../jcs/index.js';
import { escapePointerToken } from '../json/parse.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';

/** The index of the first lone surrogate in `s`, or -1 (the one definition: src/jcs). */
export function loneSurrogateAt(s: string): number {
  return LONE_SURROGATE.exec(s)?.index ?? -1;
}

/** The string as JSON writes it (a lone surrogate as its escape), shortened for a sentence. */
const shown = (s: string): string => {
  const json = JSON.stringify(s);
  return json.length > 60 ? `${json.slice(0, 57)}…"` : json;
};

function report(
  text: string,
  at: number,
  pointer: string,
  where: 'key' | 'value',
  problems: ProblemList,
): void {
  const code = `\\u${text.charCodeAt(at).toString(16).padStart(4, '0')}`;
  problems.add(
    C.loneSurrogate,
    pointer,
    localized(where === 'key' ? 'loneSurrogateKey' : 'loneSurrogate', {
      value: shown(text),
      code,
    }),
    { at: where, inString: { text, index: at } },
  );
}

/** Reports each string and member name in `value` (the whole parsed file) with a lone surrogate. */
export function checkLoneSurrogates(
  value: unknown,
  problems: ProblemList,
  pointer = '',
  depth = 0,
): void {
  // The parser bounds nesting (LOAD_LIMITS.maxDepth); this only guards a direct caller.
  if (depth > 256) return;
  if (typeof value === 'string') {
    const at = loneSurrogateAt(value);
    if (at >= 0) report(value, at, pointer, 'value', problems);
  } else if (Array.isArray(value))
    value.forEach((v, i) => checkLoneSurrogates(v, problems, `${pointer}/${i}`, depth + 1));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const member = `${pointer}/${escapePointerToken(k)}`;
      const at = loneSurrogateAt(k);
      if (at >= 0) report(k, at, member, 'key', problems);
      checkLoneSurrogates(v, problems, member, depth + 1);
    }
}
