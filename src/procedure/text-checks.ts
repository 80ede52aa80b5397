/**
 * Every string and member name of a procedure file must be text: a lone surrogate (half of a
 * UTF-16 pair, which JSON lets an author write as `"\ud800"`) is no character. A title holding
 * one shows "�" or nothing, it cannot be written to UTF-8 (the receiver's store, a mail, a PDF),
 * and a value copied into answers makes canonical JSON and so signing refuse the dossier
 * (src/jcs/canonicalize.ts, RFC 8785 §3.2.2.2). Reported as `lone-surrogate` at the string or
 * key, its column at the surrogate as the file writes it, wherever in the file it is.
 *
 * Text people read (every `{ "vi": …, "en": … }`: titles, labels, hints, messages) must hold no
 * character nobody can see. The parser refuses a control character typed into the file; written
 * as an escape (`"\u0001"`) it reaches here, as does a pasted zero-width space. Each is reported
 * at its own column, named (U+200B), with the advice to delete it, graded by harm:
 * - `bidi-control` (error): U+202A–U+202E, U+2066–U+2069 make the text display in another order
 *   than it is stored, which can mislead the reader (Trojan Source); Vietnamese never needs them;
 * - `control-character` (warning): U+0000–U+001F but tab and line breaks, U+007F–U+009F: not
 *   text, but valid JSON that procedures made by a script (a spreadsheet's cells run through
 *   `JSON.stringify`) can hold and that loaded before: a warning, so such a published procedure
 *   keeps loading for the people using it while its author hears of it;
 * - `invisible-character` (warning): zero-width and other invisible format characters (U+200B,
 *   U+FEFF…): the text looks right, but searching for it and copying it go wrong.
 */
import { LONE_SURROGATE } from '../jcs/index.js';
import { escapePointerToken } from '../json/parse.js';
import { codePointName, jsonEscape, UNSEEN } from '../json/unseen.js';
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
  const code = jsonEscape(text[at]!);
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

/**
 * Reports each string and member name in `value` (the whole parsed file) with a lone surrogate,
 * and each character nobody can see in the text people read: the `vi` and `en` strings of every
 * `{ "vi": … }` outside `data` (whose schemas the form never shows).
 */
export function checkText(value: unknown, problems: ProblemList, pointer = '', depth = 0): void {
  // The parser bounds nesting (LOAD_LIMITS.maxDepth); this only guards a direct caller.
  if (depth > 256) return;
  if (typeof value === 'string') {
    const at = loneSurrogateAt(value);
    if (at >= 0) report(value, at, pointer, 'value', problems);
  } else if (Array.isArray(value))
    value.forEach((v, i) => checkText(v, problems, `${pointer}/${i}`, depth + 1));
  else if (value !== null && typeof value === 'object') {
    const read =
      typeof (value as Record<string, unknown>)['vi'] === 'string' &&
      pointer !== '/data' &&
      !pointer.startsWith('/data/');
    for (const [k, v] of Object.entries(value)) {
      const member = `${pointer}/${escapePointerToken(k)}`;
      const at = loneSurrogateAt(k);
      if (at >= 0) report(k, at, member, 'key', problems);
      if (read && (k === 'vi' || k === 'en') && typeof v === 'string')
        checkUnseen(v, member, problems);
      checkText(v, problems, member, depth + 1);
    }
  }
}

/** Invisible format characters people may paste, with their Unicode names. */
const INVISIBLE: Record<number, string> = {
  0xad: 'SOFT HYPHEN',
  0x61c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};
const BIDI: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};
/** The text quoted with every unseen character as its escape, so a bidi control cannot reorder it. */
const quoted = (s: string): string => shown(s).replace(UNSEEN, jsonEscape);

function checkUnseen(text: string, pointer: string, problems: ProblemList): void {
  const seen = new Set<number>();
  for (const m of text.matchAll(UNSEEN)) {
    const cp = m[0].charCodeAt(0);
    // A joiner inside an emoji sequence (👨‍👩‍👧) is part of the character people see.
    const before = text.charCodeAt(m.index - 1);
    if (cp === 0x200d && ((before >= 0xdc00 && before <= 0xdfff) || before === 0xfe0f)) continue;
    if (seen.has(cp)) continue;
    seen.add(cp);
    const code = codePointName(cp);
    const name = BIDI[cp] ?? INVISIBLE[cp];
    const [problem, key] =
      BIDI[cp] !== undefined
        ? [C.bidiControl, 'bidiControl']
        : name === undefined
          ? [C.controlCharacter, 'controlCharacter']
          : [C.invisibleCharacter, 'invisibleCharacter'];
    problems.add(
      problem,
      pointer,
      localized(key, { value: quoted(text), code, name: name ?? '' }),
      {
        inString: { text, index: m.index },
        severity: problem === C.bidiControl ? 'error' : 'warning',
      },
    );
  }
}
