/**
 * The fields a procedure asks about, in the order an applicant meets them: every property of the
 * `data` schema (objects, lists and their item properties) plus any `ui` field the schema does not
 * declare. Used to resolve field facts, to list visible fields and to hide a group's contents.
 */
import type { FieldUi, JsonSchema, Procedure } from '../procedure/types.js';
import { pathKey } from './paths.js';
import { deref, itemSchema } from '../procedure/schema-paths.js';

/** Deep enough for any real form; a `$ref` loop stops here instead of overflowing the stack. */
const MAX_DEPTH = 24;

export interface FieldIndex {
  /** Field paths as written (`siblings[].fullName`), schema order first. */
  readonly paths: readonly string[];
  /** Canonical key (`siblings.fullName`) → path as written. */
  readonly byKey: ReadonlyMap<string, string>;
  /** Document id → canonical keys of the `file` fields that upload it. */
  readonly documentFields: ReadonlyMap<string, string[]>;
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function indexFields(procedure: Procedure): FieldIndex {
  const paths: string[] = [];
  const byKey = new Map<string, string>();
  const add = (path: string): void => {
    const key = pathKey(path);
    if (key === '' || byKey.has(key)) return;
    byKey.set(key, path);
    paths.push(path);
  };
  const root = isSchema(procedure.data) ? procedure.data : {};
  const lists = new Set<string>();

  const walk = (schema: JsonSchema, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    // What is beside a `$ref` holds too (src/procedure/schema-paths.ts `deref`, the one reader).
    const s = deref(root, schema);
    if (!s) return;
    const props = s['properties'];
    if (isSchema(props)) {
      for (const name of Object.keys(props)) {
        const child = props[name];
        const path = prefix === '' ? name : `${prefix}.${name}`;
        add(path);
        if (isSchema(child)) walkValue(child, path, depth + 1);
      }
    }
    // Properties declared in conditional or combined sub-schemas are fields too.
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = s[k];
      if (Array.isArray(list))
        for (const sub of list) if (isSchema(sub)) walk(sub, prefix, depth + 1);
    }
    for (const k of ['then', 'else']) {
      const sub = s[k];
      if (isSchema(sub)) walk(sub, prefix, depth + 1);
    }
  };
  const walkValue = (schema: JsonSchema, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const s = deref(root, schema);
    if (!s) return;
    // The items from every part declaring them (`items` in an `allOf` branch too), else from a
    // conditional branch (a list or null), as the form's group reads them.
    const items = itemSchema(root, s);
    if (items) {
      lists.add(pathKey(path));
      walk(items, `${path}[]`, depth + 1);
    } else walk(s, path, depth + 1);
  };
  walk(root, '', 0);

  const documentFields = new Map<string, string[]>();
  const walkUi = (fields: readonly FieldUi[] | undefined, prefix: string, depth: number): void => {
    if (!Array.isArray(fields) || depth > MAX_DEPTH) return;
    for (const f of fields) {
      if (!f || typeof f.field !== 'string') continue;
      const written = prefix === '' ? f.field : `${prefix}.${f.field}`;
      const known = byKey.get(pathKey(written));
      add(written);
      const path = known ?? written;
      if (typeof f.document === 'string') {
        const list = documentFields.get(f.document) ?? [];
        list.push(pathKey(path));
        documentFields.set(f.document, list);
      }
      if (f.widget === 'group') {
        // A group over a list addresses its items' fields as `list[].field`.
        const isList = lists.has(pathKey(path)) && !path.endsWith('[]');
        walkUi(f.fields, isList ? `${path}[]` : path, depth + 1);
      }
    }
  };
  for (const step of procedure.ui?.steps ?? []) walkUi(step?.fields, '', 0);

  return { paths, byKey, documentFields };
}
