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

/**
 * What normalisation reads of a schema object, from its facets in order (the first facet that
 * says wins, as for every keyword here): the format, the item schemas, each declared member's
 * schema and the schema of undeclared members. Built once per schema object of a procedure and
 * kept like `facets` (weakly, per root); its size is the schema's, whatever the answers hold.
 */
interface Shape {
  format: string | undefined;
  prefix: unknown[] | undefined;
  items: unknown;
  members: Map<string, unknown>;
  additional: unknown;
}

const shapeMemo = new WeakMap<object, WeakMap<object, Shape>>();

/** The shape of no schema (an undeclared member without `additionalProperties`). */
const NO_SHAPE = makeShape([]);

function shapeOf(root: JsonSchema, schema: unknown): Shape {
  if (!isRecord(schema)) return NO_SHAPE;
  if (!isRecord(root)) return makeShape(facets(root, schema));
  let memo = shapeMemo.get(root);
  if (!memo) shapeMemo.set(root, (memo = new WeakMap()));
  let shape = memo.get(schema);
  if (!shape) memo.set(schema, (shape = makeShape(facets(root, schema))));
  return shape;
}

function makeShape(list: Schema[]): Shape {
  const shape: Shape = {
    format: undefined,
    prefix: undefined,
    items: undefined,
    members: new Map(),
    additional: undefined,
  };
  for (const f of list) {
    if (shape.format === undefined && typeof f.format === 'string') shape.format = f.format;
    if (shape.prefix === undefined && Array.isArray(f.prefixItems)) shape.prefix = f.prefixItems;
    if (shape.items === undefined) shape.items = f.items;
    if (shape.additional === undefined && isRecord(f.additionalProperties))
      shape.additional = f.additionalProperties;
    if (isRecord(f.properties))
      for (const key of Object.keys(f.properties)) {
        const member = f.properties[key];
        if (member !== undefined && !shape.members.has(key)) shape.members.set(key, member);
      }
  }
  return shape;
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
    const shape = shapeOf(root, schema);
    if (typeof value === 'string') {
      const multiline = widgets.get(path)?.widget === 'textarea';
      const s = normalizeText(value, multiline);
      return shape.format ? normalizeFormat(shape.format, s) : s;
    }
    if (Array.isArray(value)) {
      const { prefix, items } = shape;
      return value.map((item, i) => {
        const itemSchema = prefix && i < prefix.length ? prefix[i] : items;
        return walk(item, itemSchema, `${path}[]`, depth + 1);
      });
    }
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const childSchema = shape.members.get(key) ?? shape.additional;
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
