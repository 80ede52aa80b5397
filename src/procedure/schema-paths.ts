/**
 * Field paths (`child.birthDate`, `siblings[].fullName`) resolved against a procedure's `data`
 * schema. Local `$ref`s are followed (`#` is the root of `data`, which is the document ajv
 * compiles), as are `allOf`/`anyOf`/`oneOf` and `if`/`then`/`else` branches, because authors
 * often declare conditional members there.
 */
// From field-path.ts itself (json/parse.ts re-exports them): the form's page building uses this
// module in the core of the one-file bundle, which must not take the JSON parser with it.
import { pointerTokens } from '../session/field-path.js';

export type Schema = Record<string, unknown>;

export const isObject = (v: unknown): v is Schema =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const own = (o: Schema, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

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
  const ref = own(schema, '$ref');
  // Most schemas have no $ref: returned as they are, with no copy (this runs for every field
  // of every payload the receiver verifies).
  if (typeof ref !== 'string') return schema;
  const target = (limit && deref(root, resolveLocalRef(root, ref), limit - 1)) || OPAQUE_SCHEMA;
  if (target === OPAQUE_SCHEMA) return target;
  let both = beside.get(schema);
  if (!both) {
    const { $ref: _ref, ...rest } = schema;
    both = Object.keys(rest).length ? { ...target, allOf: [...arr(target.allOf), rest] } : target;
    beside.set(schema, both);
  }
  return both;
}

/**
 * The schemas that describe the same value as `schema`: itself and its combinator branches, or
 * (`all`) only those ajv applies whatever the value: `allOf` branches, not the conditional ones.
 * Memoised per schema (for the root it was asked with) and frozen: the form asks it for every
 * question at each render of a page (a field left renders it), a receiver for every field of
 * every payload. The first render pays the walks (≈ 30 ms at 4x CPU at 200 questions, issue 22
 * round 16); the memo spares the renders after it. Schemas are never changed once loaded
 * (`deref` and `partOf` memoise what they join the same way).
 */
export function alternatives(root: unknown, schema: Schema, all?: boolean): readonly Schema[] {
  let memo = alternativesMemo.get(schema);
  if (memo === undefined || memo.root !== root) alternativesMemo.set(schema, (memo = { root }));
  const key = all ? 'applied' : 'every';
  return (memo[key] ??= Object.freeze(collectAlternatives(root, schema, all, [], 0)));
}

const alternativesMemo = new WeakMap<
  Schema,
  { root: unknown; applied?: readonly Schema[]; every?: readonly Schema[] }
>();

function collectAlternatives(
  root: unknown,
  schema: Schema,
  all: boolean | undefined,
  out: Schema[],
  depth: number,
): Schema[] {
  out.push(schema);
  if (depth > 16) return out;
  // No array per keyword: most schemas (a question's) have none of them.
  for (const k of all ? APPLIED_BRANCHES : EVERY_BRANCH) {
    const branch = own(schema, k);
    if (branch === undefined) continue;
    for (const s of Array.isArray(branch) ? branch : [branch]) {
      const d = deref(root, s);
      if (d) collectAlternatives(root, d, all, out, depth + 1);
    }
  }
  return out;
}

const APPLIED_BRANCHES = ['allOf'] as const;
const EVERY_BRANCH = ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'] as const;

/** Per object schema, each member (or `[]`, its items) split across `allOf` parts, joined. */
const joined = new WeakMap<Schema, Map<string | undefined, Schema>>();

/**
 * The schema of member `name` (or, `name` undefined, of the items) of `schema`. Every part ajv
 * applies whatever the value (the schema, its `allOf` branches, what is beside a `$ref`) may
 * declare it: ajv applies each of them to the member, so more than one is returned as the first
 * with the others as `allOf` branches (memoised, identity stable), as `deref` does. Reading the
 * first only, the form missed a `format` or `maxLength` written in the second. Without one there,
 * the first conditional branch (`anyOf`, `if`…) that declares it: the question still resolves.
 */
function partOf(
  root: unknown,
  schema: Schema,
  name?: string,
  appliedOnly?: boolean,
): Schema | undefined {
  if (schema === OPAQUE_SCHEMA) return schema;
  const pick = (alt: Schema): Schema | undefined => {
    const props = own(alt, 'properties');
    return deref(
      root,
      name === undefined ? own(alt, 'items') : isObject(props) && own(props, name),
    );
  };
  // No array unless a second part declares the member (the receiver asks for every field).
  let first: Schema | undefined;
  let more: Schema[] | undefined;
  for (const alt of alternatives(root, schema, true)) {
    const s = pick(alt);
    if (!s || s === first || more?.includes(s)) continue;
    if (!first) first = s;
    else (more ??= []).push(s);
  }
  if (first && more) {
    let byName = joined.get(schema);
    if (!byName) joined.set(schema, (byName = new Map()));
    let both = byName.get(name);
    if (!both) byName.set(name, (both = { ...first, allOf: [...arr(first.allOf), ...more] }));
    return both;
  }
  if (first || appliedOnly) return first;
  for (const alt of alternatives(root, schema)) {
    const s = pick(alt);
    if (s) return s;
  }
  return undefined;
}

/** The schema of member `name` of an object schema (see `partOf`). */
export const memberSchema = (root: unknown, schema: Schema, name: string): Schema | undefined =>
  partOf(root, schema, name);

/** The item schema of an array schema (see `partOf`). */
export const itemSchema = (root: unknown, schema: Schema): Schema | undefined =>
  partOf(root, schema);

/**
 * What ajv applies to a value whatever the value is: the schema, its `$ref` target with what is
 * written beside the `$ref`, and their `allOf` branches, first the schema's own. The one answer
 * to "what applies here" for normalisation, the cross-field checks and the loader's checks of
 * them: none consults `anyOf`/`oneOf`/`if` branches, which hold only for some values.
 */
export function applied(root: unknown, schema: unknown): readonly Schema[] {
  const s = deref(root, schema);
  return s ? alternatives(root, s, true) : [];
}

/**
 * Member `name` (or, `name` undefined, the items) of `schema` as ajv applies it to every value:
 * each applied part declaring it, joined (see `partOf`); undefined when only a conditional branch
 * declares it.
 */
export function appliedPart(root: unknown, schema: unknown, name?: string): Schema | undefined {
  const s = deref(root, schema);
  return s && partOf(root, s, name, true);
}

/**
 * Where ajv reports what `applied` returns for the schema at `pointer` (from `root`, unescaped
 * as ajv's decoded `schemaPath` writes it): the schema's own pointer, its `allOf`
 * branches' below it, and a `$ref` target's from the target (ajv's error paths restart there).
 */
export function appliedPointers(root: unknown, pointer: string, depth = 0): string[] {
  let node: unknown = root;
  for (const token of pointerTokens(pointer))
    node = isObject(node) || Array.isArray(node) ? own(node as Schema, token) : undefined;
  if (!isObject(node) || depth > 16) return [];
  const out = [pointer];
  const ref = own(node, '$ref');
  if (typeof ref === 'string' && ref.startsWith('#'))
    out.push(...appliedPointers(root, decodeURIComponent(ref.slice(1)), depth + 1));
  arr(own(node, 'allOf')).forEach((_, i) =>
    out.push(...appliedPointers(root, `${pointer}/allOf/${i}`, depth + 1)),
  );
  return out;
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
