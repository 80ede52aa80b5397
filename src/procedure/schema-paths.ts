/**
 * Field paths (`child.birthDate`, `siblings[].fullName`) resolved against a procedure's `data`
 * schema. Local `$ref`s are followed (`#` is the root of `data`, which is the document ajv
 * compiles), as are `allOf`/`anyOf`/`oneOf` and `if`/`then`/`else` branches, because authors
 * often declare conditional members there.
 */
// From field-path.ts itself (json/parse.ts re-exports them): the form's page building uses this
// module in the core of the one-file bundle, which must not take the JSON parser with it.
import { escapeToken as escapePointerToken, pointerTokens } from '../session/field-path.js';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const own = (o: Schema, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Sub-schema keywords and how they hold schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_SINGLES = ['items', 'not', 'if', 'then', 'else', 'additionalProperties'];

/** Calls `visit` on every sub-schema of `schema` (pointer-addressed), depth first. */
export function walkSchema(
  schema: unknown,
  pointer: string,
  visit: (s: Schema, pointer: string) => void,
): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const k of SCHEMA_MAPS) {
    const m = own(schema, k);
    if (isObject(m))
      for (const name of Object.keys(m))
        walkSchema(m[name], `${pointer}/${k}/${escapePointerToken(name)}`, visit);
  }
  for (const k of SCHEMA_LISTS)
    arr(own(schema, k)).forEach((s, i) => walkSchema(s, `${pointer}/${k}/${i}`, visit));
  for (const k of SCHEMA_SINGLES) walkSchema(own(schema, k), `${pointer}/${k}`, visit);
}

/** Resolves a local `$ref` ("#/$defs/x") inside `root`; undefined when it does not resolve. */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of pointerTokens(ref.slice(1))) {
    let token: string;
    try {
      token = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node)) node = own(node, token);
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Stands for a schema behind a `$ref` that does not resolve (remote, missing or cyclic): that
 * problem is reported once at the `$ref`, and paths through it are not reported again.
 */
export const OPAQUE_SCHEMA: Schema = Object.freeze({});

/** Each `$ref` written beside other keywords, with those keywords as a branch (kept: identity). */
const beside = new WeakMap<Schema, Schema>();

/**
 * Follows `$ref`s (at most `limit` hops, so a cycle cannot loop forever). Keywords written beside
 * a `$ref` hold as well in 2020-12 (ajv enforces both): the target is returned with them as one
 * more `allOf` branch, which every reader here follows, so a `required` there counts.
 */
export function deref(root: unknown, schema: unknown, limit = 32): Schema | undefined {
  if (!isObject(schema)) return undefined;
  const { $ref: ref, ...rest } = schema;
  if (typeof ref !== 'string') return schema;
  const target = (limit && deref(root, resolveLocalRef(root, ref), limit - 1)) || OPAQUE_SCHEMA;
  if (target === OPAQUE_SCHEMA || Object.keys(rest).length === 0) return target;
  let both = beside.get(schema);
  if (!both) beside.set(schema, (both = { ...target, allOf: [...arr(target.allOf), rest] }));
  return both;
}

/**
 * The schemas that describe the same value as `schema`: itself and its combinator branches, or
 * (`all`) only those ajv applies whatever the value: `allOf` branches, not the conditional ones.
 */
function alternatives(root: unknown, schema: Schema, all?: boolean, depth = 0): Schema[] {
  const out: Schema[] = [schema];
  if (depth > 16) return out;
  for (const k of all ? ['allOf'] : ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'])
    for (const s of Array.isArray(schema[k]) ? (schema[k] as unknown[]) : [own(schema, k)]) {
      const d = deref(root, s);
      if (d) out.push(...alternatives(root, d, all, depth + 1));
    }
  return out;
}

/** The members an object schema requires, from every part of it that ajv applies. */
export function requiredOf(root: unknown, schema: Schema): string[] {
  return alternatives(root, schema, true).flatMap((s) => arr(own(s, 'required')) as string[]);
}

/** The schema of member `name` of an object schema, searching combinator branches. */
export function memberSchema(root: unknown, schema: Schema, name: string): Schema | undefined {
  if (schema === OPAQUE_SCHEMA) return OPAQUE_SCHEMA;
  for (const alt of alternatives(root, schema)) {
    const props = own(alt, 'properties');
    if (isObject(props)) {
      const s = deref(root, own(props, name));
      if (s) return s;
    }
  }
  return undefined;
}

/** The member names an object schema declares, across its combinator branches. */
export function memberNames(root: unknown, schema: Schema): string[] {
  const names = new Set<string>();
  for (const alt of alternatives(root, schema)) {
    const props = own(alt, 'properties');
    if (isObject(props)) for (const k of Object.keys(props)) names.add(k);
  }
  return [...names];
}

/** The item schema of an array schema. */
export function itemSchema(root: unknown, schema: Schema): Schema | undefined {
  if (schema === OPAQUE_SCHEMA) return OPAQUE_SCHEMA;
  for (const alt of alternatives(root, schema)) {
    const s = deref(root, own(alt, 'items'));
    if (s) return s;
  }
  return undefined;
}

/**
 * Resolves a field path from `base` (the `data` schema, or a group's item schema). Returns the
 * schema of the addressed value, or undefined when some segment does not exist.
 */
export function resolveFieldPath(root: unknown, base: unknown, path: string): Schema | undefined {
  let node = deref(root, base);
  for (const segment of path.split('.')) {
    if (!node) return undefined;
    const list = segment.endsWith('[]');
    const name = list ? segment.slice(0, -2) : segment;
    node = memberSchema(root, node, name);
    if (node && list) node = itemSchema(root, node);
  }
  return node;
}

/** The base schema for the children of a `group` field: its item schema for lists. */
export function groupItemSchema(root: unknown, schema: Schema): Schema {
  return itemSchema(root, schema) ?? schema;
}

/** Values an answer may take, from `enum`/`const` (of the items, for multi-select lists). */
export function allowedValues(root: unknown, schema: Schema): unknown[] | undefined {
  const collect = (s: Schema): unknown[] | undefined => {
    for (const alt of alternatives(root, s)) {
      const e = own(alt, 'enum');
      if (Array.isArray(e)) return e;
      if (Object.prototype.hasOwnProperty.call(alt, 'const')) return [own(alt, 'const')];
      for (const k of ['oneOf', 'anyOf']) {
        const list = own(alt, k);
        if (Array.isArray(list)) {
          const consts = list.map((b) => deref(root, b));
          if (consts.every((b) => b && Object.prototype.hasOwnProperty.call(b, 'const')))
            return consts.map((b) => (b as Schema).const);
        }
      }
    }
    return undefined;
  };
  const direct = collect(schema);
  if (direct) return direct;
  const items = itemSchema(root, schema);
  return items ? collect(items) : undefined;
}
