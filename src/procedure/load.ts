/**
 * `loadProcedure`: reads a procedure file and says precisely what is wrong with it.
 *
 * After a check that the text was read from UTF-8 (src/json/encoding.ts), three passes, each
 * reporting every problem it finds with a JSON pointer, line and column:
 * 1. a strict JSON parse (src/json/parse.ts): syntax, duplicate and forbidden keys, size, depth;
 * 2. the meta-schema (schemas/procedure.schema.json), precompiled by ajv's standalone generator
 *    so this module never evaluates code and runs under `script-src 'self'` without unsafe-eval;
 * 3. cross-checks between parts of the file (src/procedure/checks.ts), the link allow-list
 *    (src/procedure/links.ts) and the rules module's semantic checks (src/rules/lint.ts).
 * Never throws: an unexpected failure becomes an `internal` problem.
 */
import { encodingProblem } from '../json/encoding.js';
import { parseJson, type JsonLocation } from '../json/parse.js';
import type { AuthorProblem } from '../problem.js';
import { lintRules } from '../rules/lint.js';
import { crossCheck } from './checks.js';
import { validate as validateMeta } from './generated/meta-validator.js';
import { translateMetaErrors } from './meta-errors.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, ProblemList } from './problems.js';
import type { Procedure } from './types.js';
import type { PatternChecker } from './pattern-check.js';
import type { SchemaChecker } from './schema-compile-check.js';

export interface LoadOptions {
  /** File name, for callers that print problems (the loader itself does not use it). */
  file?: string;
  /** Deepest nesting accepted (default 64: real procedures stay under 20). */
  maxDepth?: number;
  /** Longest text accepted in UTF-16 code units (default 2,000,000: about 2 MB). */
  maxLength?: number;
  /**
   * Hosts whose https links are rendered as links (replaces `DEFAULT_LINK_HOSTS`; `*.example.vn`
   * matches subdomains). A url elsewhere is a `link-host-not-allowed` warning.
   */
  allowedLinkHosts?: readonly string[];
  /**
   * Whether the linear-time engine reads each `pattern` and `patternProperties` key. Without it
   * only what needs no engine is checked (invalid syntax, lookarounds, backreferences), so the
   * browser's loader chunk stays small; the Node CLI passes `checkPatternSyntax`
   * (src/procedure/pattern-check.ts, re2js), which reports the rest as `unsupported-pattern`.
   */
  checkPattern?: PatternChecker;
  /**
   * Whether the validator compiler (ajv) builds the `data` schema. Without it a schema the
   * meta-schema accepts but ajv refuses (`"minimum"` without `"type": "number"`) is found only
   * when the form or a command compiles it; the Node CLI passes `checkSchemaCompiles`
   * (src/procedure/schema-compile-check.ts), which reports it as `schema-compile`. Runs only on
   * a file with no other error, whose own problems already say more precisely what is wrong.
   */
  checkSchema?: SchemaChecker;
}

export type LoadResult =
  | { ok: true; procedure: Procedure; problems: AuthorProblem[] }
  | { ok: false; problems: AuthorProblem[] };

export const LOAD_LIMITS = { maxDepth: 64, maxLength: 2_000_000 } as const;

const detail = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function internal(e: unknown): LoadResult {
  return {
    ok: false,
    problems: [
      {
        code: C.internal,
        severity: 'error',
        pointer: '',
        line: 1,
        column: 1,
        message: localized('internal', { detail: detail(e) }),
      },
    ],
  };
}

function sortProblems(problems: AuthorProblem[]): AuthorProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Parses and checks a procedure file. `ok` is true when no problem is an error (warnings may
 * remain in `problems`); problems are sorted by position.
 */
export function loadProcedure(text: string, options: LoadOptions = {}): LoadResult {
  try {
    if (typeof text !== 'string')
      return internal(new TypeError('the procedure text is not a string'));
    // A file not read from UTF-8 would otherwise load with "�" in its words, or fail on a NUL.
    const encoding = encodingProblem(text);
    if (encoding) return { ok: false, problems: [{ ...encoding, severity: 'error' }] };
    const parsed = parseJson(text, {
      maxDepth: options.maxDepth ?? LOAD_LIMITS.maxDepth,
      maxLength: options.maxLength ?? LOAD_LIMITS.maxLength,
    });
    const positions: ReadonlyMap<string, JsonLocation> = parsed.positions;
    const problems = new ProblemList(positions, text);
    for (const p of parsed.problems) problems.items.push({ ...p, severity: 'error' });
    if (!parsed.ok && parsed.value === undefined)
      return { ok: false, problems: sortProblems(problems.items) };

    const value = parsed.value;
    const metaValid = validateMeta(value);
    if (!metaValid) translateMetaErrors(validateMeta.errors ?? [], value, problems);
    try {
      crossCheck(value, problems, {
        wellFormed: metaValid,
        ...(options.allowedLinkHosts ? { allowedLinkHosts: options.allowedLinkHosts } : {}),
        ...(options.checkPattern ? { checkPattern: options.checkPattern } : {}),
      });
    } catch (e) {
      // On a malformed file the meta-schema has already said why; only a crash on a file it
      // accepted is our bug.
      if (metaValid) problems.items.push(...internal(e).problems);
    }
    // The rules module's semantic checks (e.g. a require rule whose target is never visible)
    // assume the shape the meta-schema guarantees, so they run only on a well-formed file.
    if (metaValid) {
      try {
        for (const w of lintRules(value as Procedure)) {
          const { line, column } = problems.locate(w.pointer);
          problems.items.push({ ...w, line, column });
        }
      } catch (e) {
        problems.items.push(...internal(e).problems);
      }
    }
    if (options.checkSchema && problems.errorCount === 0) {
      const refused = options.checkSchema((value as Procedure).data);
      if (refused) problems.add(C.schemaCompile, refused.pointer, refused.message);
    }
    const sorted = sortProblems(problems.items);
    if (sorted.some((p) => p.severity === 'error')) return { ok: false, problems: sorted };
    return { ok: true, procedure: value as Procedure, problems: sorted };
  } catch (e) {
    return internal(e);
  }
}
