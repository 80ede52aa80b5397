/**
 * Normalisation of the answers before validation. What the citizen typed is cleaned the same way
 * in every browser (see `normalizeText` and `normalizeFormat`), and the normalised value is the
 * one validated, shown on the review page and signed.
 */
import type { FieldPath, JsonSchema, Procedure } from '../procedure/types.js';
import { fieldIndex } from './fields.js';
import { normalizeFormat, normalizeText } from './formats.js';
import { resolvePointer } from './guards.js';
import { define } from '../session/field-path.js';

/** Deeper answers are copied unchanged (JSON.parse input cannot nest without end, but be safe). */
const MAX_DEPTH = 64;

export type Schema = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * `facets` of each schema object, per root schema: normalisation and the cross-field checks ask
 * for the same sub-schemas for every answer of every submission. Weak on both levels, so a
 * procedure's entries go with it (a changed procedure file is a new object, never a stale hit).
 * The lists are shared: callers only read them.
 */
const facetMemo = new WeakMap<object, WeakMap<object, Schema[]>>();

/** The schema and the sub-schemas that constrain the same value (`$ref`, `allOf`). */
export function facets(root: JsonSchema, schema: unknown, depth = 0): Schema[] {
  if (!isRecord(schema) || depth > 16) return [];
  if (depth === 0 && isRecord(root)) {
    let memo = facetMemo.get(root);
    if (!memo) facetMemo.set(root, (memo = new WeakMap()));
    let list = memo.get(schema);
    if (!list) memo.set(schema, (list = collectFacets(root, schema, 0)));
    return list;
  }
  return collectFacets(root, schema, depth);
}

function collectFacets(root: JsonSchema, schema: Schema, depth: number): Schema[] {
  const out: Schema[] = [schema];
  if (typeof schema.$ref === 'string')
    out.push(...facets(root, resolvePointer(root, schema.$ref), depth + 1));
  if (Array.isArray(schema.allOf))
    for (const s of schema.allOf) out.push(...facets(root, s, depth + 1));
  return out;
}

function first<T>(list: Schema[], pick: (s: Schema) => T | undefined): T | undefined {
  for (const s of list) {
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

let runs = 0;

/** How many times `normalizeAnswers` ran in this process (tests count work with it). */
export function normalizeRuns(): number {
  return runs;
}

/**
 * Returns a normalised copy of `answers` (never modifies it): every string is cleaned
 * (invisible characters removed, NFC, spaces collapsed, trimmed; line breaks kept only in
 * `textarea` fields), values with a Vietnamese format get their canonical form (e.g. mobile
 * `+84 912-345-678` → `0912345678`), and empty strings become absent answers, so "required"
 * catches a blank field. Non-object answers are returned unchanged.
 */
export function normalizeAnswers(procedure: Procedure, answers: unknown): Record<string, unknown> {
  runs++;
  const root = procedure.data;
  const widgets = fieldIndex(procedure);

  const walk = (value: unknown, schema: unknown, path: FieldPath, depth: number): unknown => {
    if (depth > MAX_DEPTH) return value;
    const list = facets(root, schema);
    if (typeof value === 'string') {
      const multiline = widgets.get(path)?.widget === 'textarea';
      let s = normalizeText(value, multiline);
      const format = first(list, (f) => (typeof f.format === 'string' ? f.format : undefined));
      if (format) s = normalizeFormat(format, s);
      return s;
    }
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        const prefix = first(list, (f) =>
          Array.isArray(f.prefixItems) ? f.prefixItems : undefined,
        );
        const itemSchema =
          prefix && i < prefix.length ? prefix[i] : first(list, (f) => f.items as unknown);
        return walk(item, itemSchema, `${path}[]`, depth + 1);
      });
    }
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const child = first(list, (f) =>
          isRecord(f.properties) && Object.prototype.hasOwnProperty.call(f.properties, key)
            ? f.properties[key]
            : undefined,
        );
        const childSchema =
          child ??
          first(list, (f) =>
            isRecord(f.additionalProperties) ? f.additionalProperties : undefined,
          );
        const v = walk(value[key], childSchema, path ? `${path}.${key}` : key, depth + 1);
        if (v === '' || v === undefined) continue;
        define(out, key, v);
      }
      return out;
    }
    return value;
  };

  return walk(answers, root, '', 0) as Record<string, unknown>;
}
