/**
 * Field paths (`child.birthDate`, `siblings[].fullName`), JSON pointers into the answers
 * (`/siblings/0/fullName`) and the labels and widgets the procedure's `ui` gives them.
 */
import type { FieldPath, FieldUi, LocalizedText, Procedure, Widget } from '../procedure/types.js';

export interface FieldInfo {
  label: LocalizedText;
  widget: Widget;
}

/** One index per procedure object: normalising and validating read it on every call. */
const indexes = new WeakMap<Procedure, ReadonlyMap<FieldPath, FieldInfo>>();

/**
 * Field path → label and widget, for every field in `ui` (group items as `group[].field`).
 * Built once per procedure object (a procedure is not changed once loaded): normalising the
 * answers reads it on every rules run and every field validated, and building it walks every
 * question of the procedure.
 */
export function fieldIndex(procedure: Procedure): ReadonlyMap<FieldPath, FieldInfo> {
  let index = indexes.get(procedure);
  if (!index) {
    index = buildFieldIndex(procedure);
    indexes.set(procedure, index);
  }
  return index;
}

function buildFieldIndex(procedure: Procedure): Map<FieldPath, FieldInfo> {
  const index = new Map<FieldPath, FieldInfo>();
  const add = (fields: readonly FieldUi[] | undefined, prefix: string, depth: number): void => {
    if (!fields || depth > 16) return;
    for (const f of fields) {
      if (!f || typeof f.field !== 'string') continue;
      const path = prefix + f.field;
      if (!index.has(path)) index.set(path, { label: f.label, widget: f.widget });
      // A group is a list of items (`siblings[].name`) or a single object (`org.taxCode`).
      if (f.widget === 'group') {
        add(f.fields, `${path}[].`, depth + 1);
        add(f.fields, `${path}.`, depth + 1);
      }
    }
  };
  for (const step of procedure.ui?.steps ?? []) add(step.fields, '', 0);
  return index;
}

export {
  escapeToken as escapePointer,
  pointerTokens as pointerSegments,
  pointerToFieldPath,
} from '../session/field-path.js';
import {
  escapeToken as escapePointer,
  pointerTokens as pointerSegments,
} from '../session/field-path.js';

/** `siblings[].fullName` → `['siblings', '[]', 'fullName']`. */
export function fieldPathParts(path: FieldPath): string[] {
  const parts: string[] = [];
  for (const piece of path.split('.')) {
    let p = piece;
    let arrays = 0;
    while (p.endsWith('[]')) {
      p = p.slice(0, -2);
      arrays++;
    }
    if (p) parts.push(p);
    for (let i = 0; i < arrays; i++) parts.push('[]');
  }
  return parts;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Removes the answer(s) at a field path in place (`[]` applies to every item). */
export function removeFieldPath(value: unknown, parts: readonly string[]): void {
  if (parts.length === 0) return;
  const [head, ...rest] = parts;
  if (head === '[]') {
    if (Array.isArray(value)) for (const item of value) removeFieldPath(item, rest);
    return;
  }
  if (!isRecord(value) || !Object.prototype.hasOwnProperty.call(value, head)) return;
  if (rest.length === 0) delete value[head];
  else removeFieldPath(value[head], rest);
}

/**
 * The pointers of every place a field path names whose parent exists, with whether the answer is
 * there: `siblings[].fullName` yields one entry per item of `siblings`.
 */
export function locateFieldPath(
  value: unknown,
  parts: readonly string[],
  pointer = '',
): { pointer: string; present: boolean }[] {
  if (parts.length === 0) return [];
  const [head, ...rest] = parts;
  if (head === '[]') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => locateFieldPath(item, rest, `${pointer}/${i}`));
  }
  if (!isRecord(value)) return [];
  const here = `${pointer}/${escapePointer(head)}`;
  const present = Object.prototype.hasOwnProperty.call(value, head) && value[head] !== undefined;
  if (rest.length === 0) return [{ pointer: here, present }];
  if (present) return locateFieldPath(value[head], rest, here);
  // A missing parent object: the field is still missing, unless it lives in list items.
  if (rest.includes('[]')) return [];
  return [{ pointer: here + rest.map((r) => '/' + escapePointer(r)).join(''), present: false }];
}

/** The answer at a JSON pointer (own properties only). */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, segment))
      node = node[segment];
    else return undefined;
  }
  return node;
}
