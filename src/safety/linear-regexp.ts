/**
 * The linear-time matcher for author `pattern`s (see linear-regex.ts): re2js compiled from the
 * RE2 spelling of the pattern, with the `test` method ajv calls. Kept apart from the syntax
 * checks because re2js is ~46 KB gzip: the browser loads it in a lazy chunk, only for
 * procedures that have a `pattern`.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { findNonLinearConstruct, toRe2Syntax, type UnreadablePattern } from './linear-regex.js';

/** What ajv needs of a regular expression (its `RegExpLike`). */
export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

/** Thrown for a pattern outside the linear subset (the loader reports it before this). */
export class NonLinearPatternError extends Error {
  override readonly name = 'NonLinearPatternError';
}

/**
 * Compiles `pattern` (ECMAScript syntax, as JSON Schema writes it) for linear-time matching.
 * `flags` is ajv's ('u' or ''); JSON Schema patterns have no other flags. Throws
 * NonLinearPatternError when the pattern is outside the subset or RE2 cannot read it.
 */
export function linearRegExp(pattern: string, flags = ''): LinearRegExp {
  const bad = findNonLinearConstruct(pattern);
  if (bad)
    throw new NonLinearPatternError(
      `pattern ${JSON.stringify(pattern)}: ${bad.construct} "${bad.text}" at index ${bad.index} has no linear-time matcher`,
    );
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2Syntax(pattern));
  } catch (cause) {
    throw new NonLinearPatternError(
      `pattern ${JSON.stringify(pattern)} is outside what the linear-time engine reads: ${(cause as Error).message}`,
      { cause },
    );
  }
  const text = `/${pattern}/${flags}`;
  return {
    // JSON Schema `pattern` is a search, not a full match (unanchored unless ^/$ say so).
    test: (input: string) => re.matcher(input).find(),
    toString: () => text,
  };
}

/**
 * Whether re2js reads `pattern` (ECMAScript syntax, without lookarounds or backreferences:
 * `findNonLinearConstruct` reports those first). Undefined when it does; otherwise RE2's reason
 * and, when RE2 names the fragment it stopped at, its index and text in the pattern as written
 * (the translated spelling is mapped back, so `\u0041{2,1}` is reported at `{2,1}`).
 * A `PatternChecker` for `loadProcedure` (the Node CLI passes it).
 */
export function checkLinearPattern(pattern: string): UnreadablePattern | undefined {
  const sourceIndex: number[] = [];
  const re2 = toRe2Syntax(pattern, sourceIndex);
  try {
    RE2JS.compile(re2);
    return undefined;
  } catch (err) {
    if (!(err instanceof RE2JSSyntaxException)) return { reason: (err as Error).message };
    const reason = err.getDescription();
    const fragment = err.getPattern();
    const at = fragment ? re2.indexOf(fragment) : -1;
    // For an unclosed group RE2 quotes the whole expression: that names no place in it.
    if (at < 0 || reason === 'missing closing )') return { reason };
    const index = sourceIndex[at]!;
    const after = at + fragment!.length;
    const end = after < re2.length ? sourceIndex[after]! : pattern.length;
    return { reason, index, text: pattern.slice(index, Math.max(end, index + 1)) };
  }
}

/**
 * How ajv's standalone code refers to the engine: the compiled module asks its runtime for it
 * (`runtime.require`, src/validation/runtime.ts), so it still imports nothing itself.
 */
linearRegExp.code = 'require("dvc-forms/linear-regexp").linearRegExp';
