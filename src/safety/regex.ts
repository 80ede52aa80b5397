/**
 * A heuristic detector of regular expressions prone to catastrophic backtracking (ReDoS).
 *
 * Procedure authors write `pattern`s that ajv runs against every answer in a citizen's browser
 * and on the agency's server; a pattern such as `^(\d+\s?)+$` freezes both for minutes on a
 * 40-character input. This module parses the pattern (ECMAScript syntax, unicode mode, as ajv
 * compiles it) into a small tree and flags three shapes, each the root of a known blow-up:
 *
 * 1. **Nested quantifiers / star height > 1**: a repeated group whose body holds another
 *    variable-count repetition (`(a+)+`, `(\d+\s?)*`, `(a{2,3})+`), unless the body has a
 *    mandatory character that the inner repetition cannot match (a delimiter such as the space
 *    in `( [a-z]+)*` or the dot in `(\w+\.)+`): then every iteration boundary is fixed and the
 *    match is linear.
 * 2. **Overlapping alternation under a quantifier**: `(a|ab)*`, `(\d|\w)+`, `(a|)+` — branches
 *    that can start with the same character (or an empty branch) let the engine split the
 *    input in exponentially many ways. The same delimiter exemption applies.
 * 3. **Adjacent overlapping unbounded quantifiers**: `\d+\d*`, `.*\s*=` — two unbounded
 *    repetitions with only optional items between them whose character sets overlap
 *    (polynomial backtracking, quadratic or worse).
 *
 * Limits (it is a heuristic, not a proof):
 * - It can reject safe patterns: `(ab|ac)*` is deterministic after two characters but its
 *   branches share a first character; `(a{1,2}){3}` is bounded. Authors rewrite such patterns
 *   (e.g. `(a(b|c))*`), which is always possible.
 * - It can miss slow patterns: backreferences and lookarounds are treated as opaque; `\p{…}`
 *   and `.` are treated as matching everything (conservative for overlap, so more warnings, not
 *   fewer); polynomial blow-ups from an unanchored pattern being retried at every start
 *   position (`\d+$` against a long run of digits followed by a letter) are not flagged;
 *   overlap between a repetition and what follows its enclosing group is not analysed.
 * - Case-insensitive matching is not considered (JSON Schema `pattern` has no flags).
 * Keep `maxLength` on every free-text field: it bounds whatever this detector misses.
 */

/** Sorted, non-overlapping, non-adjacent inclusive code point ranges. */
type CharSet = ReadonlyArray<readonly [number, number]>;

const MAX_CP = 0x10ffff;
const ANY: CharSet = [[0, MAX_CP]];

function normalize(ranges: Array<[number, number]>): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function union(...sets: CharSet[]): CharSet {
  return normalize(sets.flatMap((s) => s.map(([a, b]) => [a, b] as [number, number])));
}

function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function overlaps(x: CharSet, y: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i][1] < y[j][0]) i++;
    else if (y[j][1] < x[i][0]) j++;
    else return true;
  }
  return false;
}

const cp = (s: string): number => s.codePointAt(0) ?? 0;
const single = (c: number): CharSet => [[c, c]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
// ECMAScript WhiteSpace + LineTerminator (ECMA-262 §22.2.2.9, CharacterClassEscape `s`).
const SPACE: CharSet = normalize([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

const ASCII_PUNCTUATION: CharSet = normalize([
  [0x21, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
]);

type Node =
  | { type: 'chars'; set: CharSet }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; branches: Node[] }
  | { type: 'repeat'; body: Node; min: number; max: number }
  | { type: 'empty' } // assertions, lookarounds, empty branches: consume nothing
  | { type: 'opaque' }; // backreferences: may consume anything

class RegexSyntaxError extends Error {}

function parse(source: string): Node {
  let i = 0;
  const peek = (): string | undefined => source[i];
  const fail = (): never => {
    throw new RegexSyntaxError(`invalid pattern at ${i}`);
  };

  const parseEscapeSet = (inClass: boolean): CharSet | 'assert' | 'backref' => {
    i++; // backslash
    const c = source[i++];
    switch (c) {
      case undefined:
        return fail();
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'b':
        return inClass ? single(8) : 'assert';
      case 'B':
        return 'assert';
      case 'n':
        return single(10);
      case 'r':
        return single(13);
      case 't':
        return single(9);
      case 'f':
        return single(12);
      case 'v':
        return single(11);
      case '0':
        return single(0);
      case 'c': {
        const l = source[i++];
        return l ? single(cp(l) % 32) : fail();
      }
      case 'x': {
        const hex = source.slice(i, i + 2);
        i += 2;
        return /^[0-9a-fA-F]{2}$/.test(hex) ? single(parseInt(hex, 16)) : fail();
      }
      case 'u': {
        if (source[i] === '{') {
          const end = source.indexOf('}', i);
          if (end < 0) fail();
          const hex = source.slice(i + 1, end);
          i = end + 1;
          return /^[0-9a-fA-F]{1,6}$/.test(hex) ? single(parseInt(hex, 16)) : fail();
        }
        const hex = source.slice(i, i + 4);
        i += 4;
        return /^[0-9a-fA-F]{4}$/.test(hex) ? single(parseInt(hex, 16)) : fail();
      }
      case 'p':
      case 'P': {
        if (source[i] !== '{') fail();
        const end = source.indexOf('}', i);
        if (end < 0) fail();
        const name = source.slice(i + 1, end);
        i = end + 1;
        // Letters, marks and numbers (and named scripts) never include white space or ASCII
        // punctuation, which is what delimits words in names and codes; any other property,
        // and every negated one, is assumed to overlap anything.
        if (
          c === 'p' &&
          /^(L|M|N|Letter|Mark|Number|L[ultmo]|M[nce]|N[dlo]|Script(_Extensions)?=|sc=|scx=)/.test(
            name,
          ) &&
          !/=(Zyyy|Common|Zinh|Inherited)$/.test(name)
        )
          return complement(union(SPACE, ASCII_PUNCTUATION));
        return ANY;
      }
      case 'k': {
        if (inClass) return fail();
        if (source[i] !== '<') fail();
        const end = source.indexOf('>', i);
        if (end < 0) fail();
        i = end + 1;
        return 'backref';
      }
      default:
        if (c >= '1' && c <= '9') {
          if (inClass) return fail();
          while (peek() !== undefined && /[0-9]/.test(peek() as string)) i++;
          return 'backref';
        }
        return single(cp(c));
    }
  };

  const parseClassAtom = (): CharSet => {
    if (peek() === '\\') {
      const s = parseEscapeSet(true);
      return typeof s === 'string' ? fail() : s;
    }
    const c = String.fromCodePoint(source.codePointAt(i) ?? 0);
    i += c.length;
    return single(cp(c));
  };

  const parseClass = (): CharSet => {
    i++; // [
    const negate = peek() === '^';
    if (negate) i++;
    const parts: CharSet[] = [];
    while (peek() !== ']') {
      if (peek() === undefined) fail();
      const start = i;
      const a = parseClassAtom();
      if (peek() === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        i++;
        const b = parseClassAtom();
        // A range needs single characters at both ends (`[\d-x]` is a syntax error with /u).
        if (a.length !== 1 || a[0][0] !== a[0][1] || b.length !== 1 || b[0][0] !== b[0][1]) fail();
        if (a[0][0] > b[0][0]) {
          i = start;
          fail();
        }
        parts.push([[a[0][0], b[0][0]]]);
      } else {
        parts.push(a);
      }
    }
    i++; // ]
    const set = union(...parts);
    return negate ? complement(set) : set;
  };

  const parseAtom = (): Node => {
    const c = peek() as string;
    if (c === '(') {
      i++;
      let lookaround = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        i += 2;
        lookaround = true;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        i += 3;
        lookaround = true;
      } else if (source.startsWith('?<', i)) {
        const end = source.indexOf('>', i);
        if (end < 0) fail();
        i = end + 1;
      } else if (c === '(' && peek() === '?') fail();
      const body = parseAlt();
      if (peek() !== ')') fail();
      i++;
      return lookaround ? { type: 'empty' } : body;
    }
    if (c === '[') return { type: 'chars', set: parseClass() };
    if (c === '.') {
      i++;
      return { type: 'chars', set: ANY };
    }
    if (c === '^' || c === '$') {
      i++;
      return { type: 'empty' };
    }
    if (c === '\\') {
      const s = parseEscapeSet(false);
      if (s === 'assert') return { type: 'empty' };
      if (s === 'backref') return { type: 'opaque' };
      return { type: 'chars', set: s };
    }
    if (c === ')' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']')
      fail(); // unicode mode rejects lone quantifiers and brackets
    const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
    i += ch.length;
    return { type: 'chars', set: single(cp(ch)) };
  };

  const parseQuantifier = (atom: Node): Node => {
    const c = peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return fail();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (max < min) fail();
      i += m[0].length - 1;
    } else return atom;
    i++;
    if (peek() === '?') i++; // lazy quantifiers backtrack just as much on failure
    if (peek() === '*' || peek() === '+' || peek() === '?' || peek() === '{') fail();
    return { type: 'repeat', body: atom, min, max };
  };

  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (peek() !== undefined && peek() !== '|' && peek() !== ')') {
      items.push(parseQuantifier(parseAtom()));
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? items[0] : { type: 'seq', items };
  };

  const parseAlt = (): Node => {
    const branches = [parseSeq()];
    while (peek() === '|') {
      i++;
      branches.push(parseSeq());
    }
    return branches.length === 1 ? branches[0] : { type: 'alt', branches };
  };

  const tree = parseAlt();
  if (i < source.length) fail();
  return tree;
}

function nullable(n: Node): boolean {
  switch (n.type) {
    case 'chars':
      return false;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.branches.some(nullable);
    case 'repeat':
      return n.min === 0 || nullable(n.body);
    case 'empty':
    case 'opaque':
      return true;
  }
}

/** Every character the node can consume. */
function chars(n: Node): CharSet {
  switch (n.type) {
    case 'chars':
      return n.set;
    case 'seq':
      return union(...n.items.map(chars));
    case 'alt':
      return union(...n.branches.map(chars));
    case 'repeat':
      return chars(n.body);
    case 'empty':
      return [];
    case 'opaque':
      return ANY;
  }
}

/** The characters the node can start with. */
function first(n: Node): CharSet {
  switch (n.type) {
    case 'chars':
      return n.set;
    case 'seq': {
      const parts: CharSet[] = [];
      for (const item of n.items) {
        parts.push(first(item));
        if (!nullable(item)) break;
      }
      return union(...parts);
    }
    case 'alt':
      return union(...n.branches.map(first));
    case 'repeat':
      return n.max === 0 ? [] : first(n.body);
    case 'empty':
      return [];
    case 'opaque':
      return ANY;
  }
}

/** The characters the node can end with. */
function last(n: Node): CharSet {
  switch (n.type) {
    case 'seq': {
      const parts: CharSet[] = [];
      for (let k = n.items.length - 1; k >= 0; k--) {
        parts.push(last(n.items[k]));
        if (!nullable(n.items[k])) break;
      }
      return union(...parts);
    }
    case 'alt':
      return union(...n.branches.map(last));
    case 'repeat':
      return n.max === 0 ? [] : last(n.body);
    default:
      return first(n);
  }
}

/** A repetition that can run a variable number of times. */
const isVariableRepeat = (n: Node): boolean => n.type === 'repeat' && n.max > n.min && n.max > 1;

/** An alternation whose branches can match the same first character, or an empty branch. */
function isAmbiguousAlt(n: Node): boolean {
  if (n.type !== 'alt') return false;
  if (n.branches.some(nullable)) return true;
  const firsts = n.branches.map(first);
  for (let a = 0; a < firsts.length; a++)
    for (let b = a + 1; b < firsts.length; b++) if (overlaps(firsts[a], firsts[b])) return true;
  return false;
}

/** Sources of ambiguity inside `n` (not descending into nested repeats, which are checked alone). */
function ambiguitySources(n: Node, out: Node[]): Node[] {
  switch (n.type) {
    case 'seq':
      n.items.forEach((item) => ambiguitySources(item, out));
      break;
    case 'alt':
      if (isAmbiguousAlt(n)) out.push(n);
      n.branches.forEach((b) => ambiguitySources(b, out));
      break;
    case 'repeat':
      if (isVariableRepeat(n) || nullable(n.body)) out.push(n);
      else ambiguitySources(n.body, out);
      break;
    default:
      break;
  }
  return out;
}

/** Mandatory single-character items on the top-level sequence of a loop body. */
function delimiters(body: Node): CharSet[] {
  const items = body.type === 'seq' ? body.items : [body];
  const out: CharSet[] = [];
  for (const item of items) {
    if (item.type === 'chars') out.push(item.set);
    else if (
      item.type === 'repeat' &&
      item.min >= 1 &&
      item.min === item.max &&
      item.body.type === 'chars'
    )
      out.push(item.body.set);
  }
  return out;
}

export const UNSAFE_REASON = {
  nested: 'nested-quantifier',
  alternation: 'overlapping-alternation',
  adjacent: 'adjacent-quantifiers',
  invalid: 'invalid',
} as const;
export type UnsafeReason = (typeof UNSAFE_REASON)[keyof typeof UNSAFE_REASON];

export type RegexSafety = { safe: true } | { safe: false; reason: UnsafeReason };

function check(n: Node): UnsafeReason | undefined {
  switch (n.type) {
    case 'seq': {
      for (const item of n.items) {
        const r = check(item);
        if (r) return r;
      }
      for (let a = 0; a < n.items.length; a++) {
        const x = n.items[a];
        if (!(x.type === 'repeat' && x.max === Infinity)) continue;
        for (let b = a + 1; b < n.items.length; b++) {
          const y = n.items[b];
          // The split point between x and y can move only if x can end with what y starts with.
          if (y.type === 'repeat' && y.max === Infinity && overlaps(last(x), first(y)))
            return UNSAFE_REASON.adjacent;
          if (!nullable(y)) break;
        }
      }
      return undefined;
    }
    case 'alt':
      for (const b of n.branches) {
        const r = check(b);
        if (r) return r;
      }
      return undefined;
    case 'repeat': {
      const inner = check(n.body);
      if (inner) return inner;
      if (n.max <= 1) return undefined;
      const body = n.body;
      if (isVariableRepeat(body) || (body.type === 'repeat' && nullable(body.body)))
        return UNSAFE_REASON.nested;
      if (nullable(body)) return UNSAFE_REASON.nested; // `(a?)*`, `(a*b?)+`: empty iterations
      const delims = delimiters(body);
      for (const source of ambiguitySources(body, [])) {
        const sourceChars = chars(source);
        if (delims.some((d) => !overlaps(d, sourceChars))) continue;
        return source.type === 'alt' ? UNSAFE_REASON.alternation : UNSAFE_REASON.nested;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Classifies a JSON Schema `pattern`. Invalid ECMAScript (unicode mode) comes back as
 * `{ safe: false, reason: 'invalid' }`.
 */
export function checkRegexSafety(pattern: string): RegexSafety {
  try {
    // The engine's own parser is the reference for validity; RegExp is not eval (CSP-safe).
    new RegExp(pattern, 'u');
  } catch {
    return { safe: false, reason: UNSAFE_REASON.invalid };
  }
  let tree: Node;
  try {
    tree = parse(pattern);
  } catch (e) {
    // Valid for the engine but beyond our parser: refuse rather than guess.
    if (e instanceof RegexSyntaxError) return { safe: false, reason: UNSAFE_REASON.invalid };
    throw e;
  }
  const reason = check(tree);
  return reason ? { safe: false, reason } : { safe: true };
}
