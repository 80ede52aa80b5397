/**
 * Checks on a `data` schema before ajv sees it. ajv ends in a stack overflow on a `$ref` loop or a
 * very deep schema, silently ignores a property named `__proto__`, and compiles patterns that
 * backtrack catastrophically (TOOLCHAIN.md). A procedure file is author input: refuse these with
 * a `CompileError` that says where, instead of hanging or crashing a citizen's browser.
 */
import { CompileError } from '../errors.js';
import type { JsonSchema } from '../procedure/types.js';
import { escapeToken, unescapeToken } from '../session/field-path.js';
import { findNonLinearConstruct, type UnreadablePattern } from '../safety/linear-regex.js';

/** Whether the linear-time engine reads a pattern (the compiler passes re2js's `checkLinearPattern`). */
type PatternChecker = (pattern: string) => UnreadablePattern | undefined;

/** Deepest nesting of sub-schemas (following `$ref`s) a `data` schema may have. */
export const MAX_SCHEMA_DEPTH = 48;
/** Most sub-schemas a `data` schema may expand to (following `$ref`s). */
export const MAX_SCHEMA_NODES = 20000;
/** Longest `pattern` accepted. */
export const MAX_PATTERN_LENGTH = 1000;

/** Keywords whose value is a map of sub-schemas. */
export const SCHEMA_MAPS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
];
/** Keywords whose value is a sub-schema. */
export const SCHEMA_VALUES = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
];
/** Keywords whose value is an array of sub-schemas. */
export const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

const escape = escapeToken;
const unescape = unescapeToken;

/** Resolves a local `#/…` pointer in `root`; undefined when it does not exist. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(unescape(raw));
    if (
      node === null ||
      typeof node !== 'object' ||
      !Object.prototype.hasOwnProperty.call(node, key)
    )
      return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Why a `pattern` cannot run on citizens' answers, or undefined: too long, not a valid
 * unicode-mode RegExp, or outside the linear-time subset (a lookaround or backreference, with
 * its position; src/safety/linear-regex.ts, the same check the loader runs, repeated here
 * because a Procedure may be built without the loader). Patterns run on re2js, so the
 * backtracking heuristic of src/safety/regex.ts is only a lint hint now. With `checker` (the
 * compiler passes re2js's), also a pattern the linear-time engine cannot read, with RE2's reason
 * and the fragment's position, instead of the engine's own error from inside ajv.
 */
export function unsafePatternReason(pattern: string, checker?: PatternChecker): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return 'too-long';
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'invalid';
  }
  const bad = findNonLinearConstruct(pattern);
  if (bad) return `${bad.construct} "${bad.text}" at character ${bad.index + 1}`;
  const unreadable = checker?.(pattern);
  if (!unreadable) return undefined;
  const at =
    unreadable.index === undefined
      ? ''
      : ` "${unreadable.text}" at character ${unreadable.index + 1}`;
  return `the linear-time engine (RE2) cannot read it: ${unreadable.reason}${at}`;
}

/**
 * Throws `CompileError` when `schema` is unsafe to hand to ajv. `checkPattern` says whether the
 * linear-time engine reads a pattern (see `unsafePatternReason`).
 */
export function checkSchema(
  schema: JsonSchema,
  where = '/data',
  checkPattern?: PatternChecker,
): void {
  let nodes = 0;
  const done = new Set<string>();

  const walk = (node: unknown, pointer: string, depth: number, refStack: string[]): void => {
    if (typeof node === 'boolean') return;
    if (node === null || typeof node !== 'object' || Array.isArray(node))
      throw new CompileError(`${where}${pointer}: a schema must be an object or a boolean`);
    if (++nodes > MAX_SCHEMA_NODES)
      throw new CompileError(`${where}: the schema has more than ${MAX_SCHEMA_NODES} parts`);
    if (depth > MAX_SCHEMA_DEPTH)
      throw new CompileError(
        `${where}${pointer}: the schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep`,
      );
    const s = node as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (key === '__proto__')
        throw new CompileError(`${where}${pointer}: "__proto__" is not allowed as a key`);
    }
    if (typeof s.pattern === 'string') {
      const reason = unsafePatternReason(s.pattern, checkPattern);
      if (reason) throw new CompileError(`${where}${pointer}/pattern: unsafe pattern (${reason})`);
    }
    if ('$dynamicRef' in s || '$recursiveRef' in s)
      throw new CompileError(`${where}${pointer}: $dynamicRef is not supported in procedures`);
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      if (!ref.startsWith('#'))
        throw new CompileError(
          `${where}${pointer}/$ref: only local references (#/$defs/…) are allowed`,
        );
      if (refStack.includes(ref))
        throw new CompileError(
          `${where}${pointer}/$ref: "${ref}" refers to itself (a $ref loop); a form cannot nest without end`,
        );
      const target = resolvePointer(schema, ref);
      if (target === undefined)
        throw new CompileError(`${where}${pointer}/$ref: "${ref}" does not exist`);
      if (!done.has(ref)) {
        walk(target, ref.slice(1), depth + 1, [...refStack, ref]);
        done.add(ref);
      }
    }
    for (const key of SCHEMA_MAPS) {
      const map = s[key];
      if (map && typeof map === 'object' && !Array.isArray(map)) {
        for (const name of Object.keys(map)) {
          if (name === '__proto__')
            throw new CompileError(
              `${where}${pointer}/${key}: "__proto__" is not allowed as a property name`,
            );
          if (key === 'patternProperties') {
            const reason = unsafePatternReason(name, checkPattern);
            if (reason)
              throw new CompileError(
                `${where}${pointer}/patternProperties/${escape(name)}: unsafe pattern (${reason})`,
              );
          }
          // $defs are walked when referenced, so a loop is caught with its $ref chain.
          if (key === '$defs' || key === 'definitions') continue;
          walk(
            (map as Record<string, unknown>)[name],
            `${pointer}/${key}/${escape(name)}`,
            depth + 1,
            refStack,
          );
        }
      }
    }
    for (const key of SCHEMA_VALUES) {
      if (key in s) walk(s[key], `${pointer}/${key}`, depth + 1, refStack);
    }
    for (const key of SCHEMA_ARRAYS) {
      const list = s[key];
      if (Array.isArray(list))
        list.forEach((sub, i) => walk(sub, `${pointer}/${key}/${i}`, depth + 1, refStack));
    }
  };
  walk(schema, '', 0, []);
  // Walk unreferenced $defs too: ajv compiles them all.
  const defs = (schema as Record<string, unknown>).$defs;
  if (defs && typeof defs === 'object') {
    for (const name of Object.keys(defs)) {
      const ref = `#/$defs/${escape(name)}`;
      if (!done.has(ref)) walk((defs as Record<string, unknown>)[name], ref.slice(1), 1, [ref]);
      done.add(ref);
    }
  }
}
