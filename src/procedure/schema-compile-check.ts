/**
 * The schema checker the Node CLI gives `loadProcedure` (`LoadOptions.checkSchema`): compiles the
 * procedure's `data` schema with the very ajv set-up the form and the server use, and when ajv
 * refuses it, says where and why in the author's words instead of ajv's exception text
 * ("strict mode: missing type …"). Kept out of the loader like src/procedure/pattern-check.ts:
 * the browser's `procedure` chunk must not load the ajv compiler.
 */
import { createAjv } from '../validation/compiler.js';
import { checkLinearPattern } from '../safety/linear-regexp.js';
import { SCHEMA_COMPILE } from './cli-check-messages.js';
import { TYPE_NAMES } from './message-words.js';
import { checkSchema, SCHEMA_ARRAYS, SCHEMA_MAPS, SCHEMA_VALUES } from '../validation/guards.js';
import { escapeToken } from '../session/field-path.js';
import type { JsonSchema, Lang } from './types.js';

/** Why the validator cannot be built: where (a JSON pointer in the file) and the sentence. */
export interface SchemaRefusal {
  pointer: string;
  message: Record<Lang, string>;
}

/** Says whether the `data` schema compiles (undefined when it does). */
export type SchemaChecker = (data: unknown) => SchemaRefusal | undefined;

/** ajv's schema path (`#/$defs/a%20b`, URI-escaped) as a pointer into the procedure file. */
function filePointer(schemaPath: string | undefined): string {
  if (schemaPath === undefined) return '/data';
  let path = schemaPath.replace(/^#/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A path ajv escaped in a way we cannot undo: the schema's root is still the right file part.
    return '/data';
  }
  return '/data' + path;
}

/** The kinds of refusal with their own sentence: [kind, ajv's words, what the sentence needs]. */
const KINDS: [kind: string, pattern: RegExp][] = [
  ['missingType', /^strict mode: missing type "([^"]+)" for keyword "([^"]+)" at "([^"]*)"/],
  ['typeConflict', /^strict mode: type "([^"]+)" not allowed by context "([^"]*)" at "([^"]*)"/],
  ['unknownFormat', /^unknown format "([^"]*)" ignored in schema at path "([^"]*)"/],
  ['unresolvedRef', /^can't resolve reference (\S+) from id/],
];

const typeWords = (types: string, lang: Lang): string =>
  types
    .split(',')
    .map((t) => TYPE_NAMES[lang][t] ?? t)
    .join(lang === 'vi' ? ' hoặc ' : ' or ');

/**
 * Each schema object of `data` (the procedure's `data`, at `/data`) with its pointer in the file,
 * in the file's order: sub-schemas only, never a `const`, `enum` or `default` value that merely
 * looks like one.
 */
function* schemaObjects(
  node: unknown,
  pointer = '/data',
): Generator<[string, Record<string, unknown>]> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const schema = node as Record<string, unknown>;
  yield [pointer, schema];
  for (const [key, value] of Object.entries(schema)) {
    const at = `${pointer}/${escapeToken(key)}`;
    if (SCHEMA_VALUES.includes(key)) yield* schemaObjects(value, at);
    else if (SCHEMA_ARRAYS.includes(key) && Array.isArray(value))
      for (const [i, item] of value.entries()) yield* schemaObjects(item, `${at}/${i}`);
    else if (SCHEMA_MAPS.includes(key) && value !== null && typeof value === 'object')
      for (const [name, sub] of Object.entries(value))
        yield* schemaObjects(sub, `${at}/${escapeToken(name)}`);
  }
}

/** The first schema object of `data` that `test` picks, and the pointer `test` returns in it. */
function findPlace(
  data: unknown,
  test: (schema: Record<string, unknown>) => string | undefined,
): string | undefined {
  for (const [pointer, schema] of schemaObjects(data)) {
    const at = test(schema);
    if (at !== undefined) return `${pointer}/${at}`;
  }
  return undefined;
}

const has = (s: Record<string, unknown>, k: string): boolean => Object.hasOwn(s, k);

/**
 * ajv's strict-mode refusals the meta-schema lets through, said in words: where the keyword is
 * (found in `data` when ajv names no place, not just `/data`) and what to do, in vi and en.
 * Undefined for any other text. (Its other strict refusals — unknown keywords, `contains` limits,
 * `patternProperties` — concern keywords the meta-schema already refuses.)
 */
function explainInWords(text: string, data: unknown): SchemaRefusal | undefined {
  const said = (
    kind: keyof (typeof SCHEMA_COMPILE)['vi'],
    pointer: string | undefined,
    p: Record<string, string | number> = {},
  ): SchemaRefusal | undefined =>
    pointer === undefined
      ? undefined
      : { pointer, message: { vi: SCHEMA_COMPILE.vi[kind]!(p), en: SCHEMA_COMPILE.en[kind]!(p) } };
  const m = (re: RegExp) => re.exec(text.replace(/^strict mode: /, ''));
  let r: RegExpExecArray | null;
  if (m(/^"if" without "then" and "else" is ignored/))
    return said(
      'ifAlone',
      findPlace(data, (s) =>
        has(s, 'if') && !has(s, 'then') && !has(s, 'else') ? 'if' : undefined,
      ),
    );
  if ((r = m(/^"(then|else)" without "if" is ignored/))) {
    const keyword = r[1]!;
    return said(
      'withoutIf',
      findPlace(data, (s) => (has(s, keyword) && !has(s, 'if') ? keyword : undefined)),
      { keyword },
    );
  }
  if ((r = m(/^"(prefixItems|items)" is (\d+)-tuple, .* at path "(#[^"]*)"/)))
    return said('tuple', `${filePointer(r[3])}/${r[1]}`, { keyword: r[1]!, count: Number(r[2]) });
  return undefined;
}

/**
 * Turns ajv's refusal of `data` into a `SchemaRefusal`; with `data`, a refusal whose text names no
 * place is found in it and said in words.
 */
export function explainCompileFailure(err: unknown, data?: unknown): SchemaRefusal {
  // compileWith wraps ajv's exception in a CompileError; the author's sentence needs ajv's own.
  const cause = (err as { cause?: unknown }).cause ?? err;
  const text = cause instanceof Error ? cause.message : String(cause);
  for (const [kind, pattern] of KINDS) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (kind === 'missingType') {
      const [, types, keyword, at] = m as unknown as [string, string, string, string];
      return {
        pointer: `${filePointer(at)}/${keyword}`,
        message: {
          vi: SCHEMA_COMPILE.vi.missingType({ keyword, type: types, kind: typeWords(types, 'vi') }),
          en: SCHEMA_COMPILE.en.missingType({ keyword, type: types, kind: typeWords(types, 'en') }),
        },
      };
    }
    if (kind === 'typeConflict') {
      const [, type, context, at] = m as unknown as [string, string, string, string];
      return {
        pointer: `${filePointer(at)}/type`,
        message: {
          vi: SCHEMA_COMPILE.vi.typeConflict({ type, context }),
          en: SCHEMA_COMPILE.en.typeConflict({ type, context }),
        },
      };
    }
    if (kind === 'unknownFormat') {
      const [, format, at] = m as unknown as [string, string, string];
      return {
        pointer: filePointer(at),
        message: {
          vi: SCHEMA_COMPILE.vi.unknownFormat({ format }),
          en: SCHEMA_COMPILE.en.unknownFormat({ format }),
        },
      };
    }
    const ref = (cause as { missingRef?: string }).missingRef ?? m[1]!;
    return {
      pointer: '/data',
      message: {
        vi: SCHEMA_COMPILE.vi.unresolvedRef({ ref }),
        en: SCHEMA_COMPILE.en.unresolvedRef({ ref }),
      },
    };
  }
  const placed = data === undefined ? undefined : explainInWords(text, data);
  if (placed) return placed;
  // Anything else ajv refuses: its words, without the "strict mode:" jargon, in our sentence.
  // The compiler's own guards (src/validation/guards.ts) start with the file pointer itself.
  const guard = /^(\/data(?:\/[^\s:]*)?): (.*)$/s.exec(text);
  if (guard) {
    const detail = guard[2]!;
    return {
      pointer: guard[1]!,
      message: { vi: SCHEMA_COMPILE.vi.other({ detail }), en: SCHEMA_COMPILE.en.other({ detail }) },
    };
  }
  const at = /\bat (?:path )?"(#[^"]*)"/.exec(text)?.[1];
  const detail = text.replace(/^strict mode: /, '');
  return {
    pointer: filePointer(at),
    message: { vi: SCHEMA_COMPILE.vi.other({ detail }), en: SCHEMA_COMPILE.en.other({ detail }) },
  };
}

/**
 * One ajv instance for every check of a run: a new one per procedure (as `compileSchema` makes)
 * compiles ajv's meta-schema again each time, which tripled the time `dvc-forms lint` takes on the
 * sample procedures. The same options, so it refuses exactly what the form's and server's refuse.
 */
let shared: ReturnType<typeof createAjv> | undefined;
let initialRefs = new Set<string>();

/**
 * The answer for each `data` schema already checked, by its JSON text: `preview` and a resident
 * caller re-check a procedure on every save, mostly with the schema unchanged. Most recent last.
 */
const checked = new Map<string, SchemaRefusal | undefined>();
const MAX_CHECKED = 64;

/** The `SchemaChecker` backed by the ajv compiler (src/validation/compiler.ts). */
export const checkSchemaCompiles: SchemaChecker = (data) => {
  const key = JSON.stringify(data);
  if (checked.has(key)) {
    const known = checked.get(key);
    checked.delete(key);
    checked.set(key, known);
    return known;
  }
  let refusal: SchemaRefusal | undefined;
  if (!shared) {
    shared = createAjv();
    initialRefs = new Set(Object.keys(shared.refs));
  }
  const ajv = shared;
  try {
    // As the compiler does (compileWith): the pattern guards, then ajv.
    checkSchema(data as JsonSchema, '/data', checkLinearPattern);
    ajv.compile(data as JsonSchema);
  } catch (err) {
    refusal = explainCompileFailure(err, data);
    // A compile that failed half-way may leave its parts in the instance: start afresh.
    shared = undefined;
  } finally {
    // Forget this schema, its $id and every $id inside it (ajv keeps them to resolve later $refs),
    // keeping only what the instance started with (its meta-schemas, whose compiled checker is
    // what is worth sharing): the next procedure, or the next version of this one, compiles as in
    // a fresh instance, with no $ref resolving to a schema left over from this one.
    if (shared) {
      shared.removeSchema(data as JsonSchema);
      for (const ref of Object.keys(shared.refs))
        if (!initialRefs.has(ref)) shared.removeSchema(ref);
    }
  }
  checked.set(key, refusal);
  if (checked.size > MAX_CHECKED) checked.delete(checked.keys().next().value!);
  return refusal;
};
