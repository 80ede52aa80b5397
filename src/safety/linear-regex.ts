/**
 * Author `pattern`s run in linear time (issue 17): on both sides they are matched by re2js, a
 * pure-JavaScript port of RE2 whose automaton never backtracks, instead of the browser's and
 * Node's backtracking RegExp. That needs the pattern to stay in the subset RE2 accepts:
 * lookarounds (`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences (`\1`, `\k<name>`) have no
 * linear-time algorithm and are refused with their exact position. The ECMAScript syntax that
 * RE2 spells differently is translated so both mean the same thing:
 * - `\uXXXX` and `\u{X…}` become `\x{…}`;
 * - `\s`/`\S` become ECMAScript's white-space set (RE2's `\s` is ASCII only);
 * - `.` excludes every ECMAScript line terminator (RE2's excludes only `\n`).
 * `\d`, `\w`, `\b`, `^`, `$` (no multiline flag in JSON Schema) already agree.
 */

/** A construct outside the linear subset, at a 0-based UTF-16 index of the pattern. */
export interface NonLinearConstruct {
  construct: 'lookahead' | 'lookbehind' | 'backreference' | 'unsupported-escape';
  index: number;
  /** The text of the construct as written (`(?=`, `\1`, `\k<year>`). */
  text: string;
}

// ECMAScript WhiteSpace and LineTerminator (ECMA-262 §22.2.2.9 CharacterClassEscape `s`).
const JS_SPACE =
  '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** The first construct of `pattern` outside the linear subset, or undefined. */
export function findNonLinearConstruct(pattern: string): NonLinearConstruct | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) && !inClass) {
        const m = /^\\[1-9][0-9]*/.exec(pattern.slice(i))!;
        return { construct: 'backreference', index: i, text: m[0] };
      }
      if (next === 'k' && pattern[i + 2] === '<' && !inClass) {
        const end = pattern.indexOf('>', i);
        return {
          construct: 'backreference',
          index: i,
          text: pattern.slice(i, end < 0 ? i + 3 : end + 1),
        };
      }
      // `\cX` has no RE2 spelling; `\S` inside a class would need class subtraction.
      if (next === 'c' || (next === 'S' && inClass))
        return { construct: 'unsupported-escape', index: i, text: pattern.slice(i, i + 2) };
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // `[]` and `[^]` are classes of their own in ECMAScript: `]` right after `[`/`[^` closes.
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!'))
        return { construct: 'lookahead', index: i, text: `(?${rest[0]}` };
      if (rest === '<=' || rest === '<!')
        return { construct: 'lookbehind', index: i, text: `(?${rest}` };
    }
  }
  return undefined;
}

/**
 * A pattern the linear-time engine cannot read although it has no non-linear construct
 * (`\p{Script=Latin}`, `a{1001}`…): RE2's reason and, when RE2 names the fragment, where it
 * starts in the pattern as written (0-based UTF-16 index) and its text.
 */
export interface UnreadablePattern {
  /** RE2's error kind (`invalid character class range`, `invalid repeat count`…). */
  reason: string;
  index?: number;
  text?: string;
}

/**
 * The RE2 spelling of an ECMAScript (unicode mode) `pattern` that has no non-linear construct.
 * Unknown to RE2 afterwards means "refuse", never "guess": the caller compiles the result.
 * `sourceIndex`, when given, receives for each character of the result the index in `pattern`
 * of the construct it was translated from (to report RE2's errors where the author wrote them).
 */
export function toRe2Syntax(pattern: string, sourceIndex?: number[]): string {
  let out = '';
  let inClass = false;
  let from = 0;
  const emit = (text: string) => {
    if (sourceIndex) for (let j = 0; j < text.length; j++) sourceIndex.push(from);
    out += text;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    from = i;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'u') {
        const braced = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i));
        const plain = /^\\u([0-9A-Fa-f]{4})/.exec(pattern.slice(i));
        const m = braced ?? plain;
        if (m) {
          emit(`\\x{${m[1]}}`);
          i += m[0].length - 1;
          continue;
        }
      }
      if (next === 's' || next === 'S') {
        const negate = next === 'S';
        // Inside a class only `\s` reaches here (findNonLinearConstruct refuses `[\S…]`).
        if (inClass) emit(JS_SPACE);
        else emit(negate ? `[^${JS_SPACE}]` : `[${JS_SPACE}]`);
        i++;
        continue;
      }
      emit(c + next);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      emit(c);
      continue;
    }
    if (c === '[') inClass = true;
    emit(c === '.' ? JS_DOT : c);
  }
  return out;
}
