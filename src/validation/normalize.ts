/**
 * Normalisation of the answers before validation. What the citizen typed is cleaned the same way
 * in every browser (see `normalizeText` and `normalizeFormat`), and the normalised value is the
 * one validated, shown on the review page and signed.
 */
import type { FieldPath, JsonSchema, Procedure } from '../procedure/types.js';
import { fieldIndex } from './fields.js';
import { foldPatternDigits, normalizeFormat, normalizeText } from './formats.js';
import { patternEngine } from './runtime.js';
import type { LinearRegExp } from '../safety/linear-regexp.js';
import { applied, appliedPart } from '../procedure/schema-paths.js';
import { define } from '../session/field-path.js';

/** Deeper answers are copied unchanged (JSON.parse input cannot nest without end, but be safe). */
const MAX_DEPTH = 64;

type Schema = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * What normalisation reads of a schema object, from what ajv applies to its value (src/procedure/
 * schema-paths.ts `applied`, the reader the cross-field checks and the loader share): the format
 * (the first part that says wins), every pattern (all must match), the item schemas, each
 * declared member's schema (every applied part declaring it, joined, so a `format` in a second
 * `allOf` branch is read) and the schema of undeclared members. Built once per schema object of
 * a procedure and kept weakly, per root; its size is the schema's, whatever the answers hold.
 */
interface Shape {
  format: string | undefined;
  /** Every `pattern` applied to the value; compiled on the first answer that may fold. */
  patterns: string[];
  matchers?: LinearRegExp[];
  prefix: unknown[] | undefined;
  items: unknown;
  members: Map<string, unknown>;
  additional: unknown;
}

const shapeMemo = new WeakMap<object, WeakMap<object, Shape>>();

/** The shape of no schema (an undeclared member without `additionalProperties`). */
const NO_SHAPE = makeShape({}, {});

function shapeOf(root: JsonSchema, schema: unknown): Shape {
  if (!isRecord(schema)) return NO_SHAPE;
  if (!isRecord(root)) return makeShape(root, schema);
  let memo = shapeMemo.get(root);
  if (!memo) shapeMemo.set(root, (memo = new WeakMap()));
  let shape = memo.get(schema);
  if (!shape) memo.set(schema, (shape = makeShape(root, schema)));
  return shape;
}

function makeShape(root: unknown, schema: Schema): Shape {
  const shape: Shape = {
    format: undefined,
    patterns: [],
    prefix: undefined,
    items: appliedPart(root, schema),
    members: new Map(),
    additional: undefined,
  };
  for (const f of applied(root, schema)) {
    if (shape.format === undefined && typeof f.format === 'string') shape.format = f.format;
    if (typeof f.pattern === 'string') shape.patterns.push(f.pattern);
    if (shape.prefix === undefined && Array.isArray(f.prefixItems)) shape.prefix = f.prefixItems;
    if (shape.additional === undefined && isRecord(f.additionalProperties))
      shape.additional = f.additionalProperties;
    if (isRecord(f.properties))
      for (const key of Object.keys(f.properties))
        if (!shape.members.has(key)) shape.members.set(key, appliedPart(root, schema, key));
  }
  return shape;
}

/** Whether `value` matches every pattern of `shape`, as ajv tests them (the linear engine, `u`). */
function matchesAll(shape: Shape, value: string): boolean {
  shape.matchers ??= shape.patterns.map((p) => patternEngine()(p, 'u'));
  return shape.matchers.every((m) => m.test(value));
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
 * `+84 912-345-678` → `0912345678`), full-width digits a pattern refuses are folded when the
 * pattern accepts them folded (`foldPatternDigits`), and empty strings become absent answers, so
 * "required" catches a blank field. Non-object answers are returned unchanged.
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
      if (shape.format) return normalizeFormat(shape.format, s);
      return shape.patterns.length > 0 ? foldPatternDigits(s, (v) => matchesAll(shape, v)) : s;
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
