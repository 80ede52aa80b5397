/**
 * The schema readers only the procedure loader's checks need (src/procedure/schema-paths.ts
 * holds those the form needs too). Apart, so that the loader's chunk takes them and the core of
 * the one-file bundle, which must carry schema-paths.ts for the form, does not.
 */
import { escapeToken as escapePointerToken } from '../session/field-path.js';
import {
  alternatives,
  arr,
  deref,
  isObject,
  itemSchema,
  own,
  type Schema,
} from './schema-paths.js';

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

/** The member names an object schema declares, across its combinator branches. */
export function memberNames(root: unknown, schema: Schema): string[] {
  const names = new Set<string>();
  for (const alt of alternatives(root, schema)) {
    const props = own(alt, 'properties');
    if (isObject(props)) for (const k of Object.keys(props)) names.add(k);
  }
  return [...names];
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
