/**
 * What the form reads off the procedure's data schema: the schema at a field path, the keywords
 * and required members ajv applies there, the objects the schema requires around the questions,
 * and whether a check box records `false`. Read as ajv applies the schema (a `$ref` with keywords
 * beside it, `allOf` branches, a member split across them; src/procedure/schema-paths.ts), so a
 * question is marked required exactly when the receiver refuses the answers without it.
 *
 * Its own module, out of journey.ts: the core of the one-file bundle builds pages with journey.ts,
 * and these readers and the schema walks come with the form's engine chunk
 * (components/form/engine.ts), which a form has before it shows a question.
 */
import type { FieldUi, JsonSchema } from '../procedure/types.js';
import {
  alternatives,
  arr,
  deref,
  OPAQUE_SCHEMA,
  own,
  resolveFieldPath,
  type Schema,
} from '../procedure/schema-paths.js';
import { getAt, setAt } from './field-path.js';

/**
 * The one field-path resolver, for the elements: src/procedure/index.ts also exports the loader,
 * which a form with a compiled procedure never fetches (test/components/form/compiled.test.ts).
 */
export { resolveFieldPath };

/**
 * The sub-schema describing the answer at `path` (`$ref`s, `allOf` and conditional branches
 * followed by src/procedure/schema-paths.ts, the one resolver).
 */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  const s = resolveFieldPath(root, root, path);
  return s && Object.keys(s).length > 0 ? (s as JsonSchema) : undefined;
}

/**
 * The values of `keyword` in the schema at `path` (`''` for the answers themselves) and in every
 * part of it ajv applies to the same value: a `$ref`'s target and the keywords written beside it,
 * `allOf` branches. Reading the keyword off one schema missed those, while ajv enforced them.
 */
export function keywordValues(root: JsonSchema, path: string, keyword: string): unknown[] {
  const s = path ? schemaAt(root, path) : deref(root, root);
  return s ? alternatives(root, s, true).flatMap((f) => own(f, keyword) ?? []) : [];
}

/** The `format` ajv checks the answer at `path` against (one beside a `$ref` included). */
export function formatAt(root: JsonSchema, path: string): string | undefined {
  return keywordValues(root, path, 'format').find((f): f is string => typeof f === 'string');
}

/**
 * The members the object at `path` must have (`''` for the answers themselves, `siblings[]` for
 * a list's items), `$ref`s followed, with the `required` beside a `$ref` and in `allOf` branches.
 * Reading `required` off the schema of the list missed items given as a `$ref`, so their
 * questions were not announced as required while ajv demanded them.
 */
export function requiredMembers(root: JsonSchema, path: string): string[] {
  const s = path ? schemaAt(root, path) : deref(root, root);
  if (!s) return [];
  let members = requiredMemo.get(s);
  if (!members) requiredMemo.set(s, (members = requiredOf(root, s).members));
  return members;
}

/**
 * `requiredMembers` per schema object (identity is stable: schema-paths.ts memoises what it
 * joins): asked for each missing parent of every payload the receiver verifies. Not to be changed
 * by callers.
 */
const requiredMemo = new WeakMap<Schema, string[]>();

/** Keywords of a branch that asks nothing but its `required` members of an object. */
const ONLY_REQUIRED = new Set(['type', 'required', 'allOf', 'title', 'description', '$comment']);

/**
 * Whether `branch` passes for every object holding its `required` members (`true` does): then
 * a `oneOf` branch requiring them too never passes alone.
 */
function onlyRequires(root: unknown, branch: unknown): boolean {
  const d = branch === true ? {} : deref(root, branch);
  return (
    !!d &&
    alternatives(root, d, true).every(
      (part) =>
        part !== OPAQUE_SCHEMA &&
        Object.keys(part).every((k) => ONLY_REQUIRED.has(k)) &&
        (part.type ?? 'object') === 'object',
    )
  );
}

/**
 * What `schema` requires of every value: `required` in each part ajv always applies, and a member
 * that every branch of an `anyOf`/`oneOf` (or both `then` and `else`) requires, since ajv demands
 * it whichever branch passes. A member only some branches require stays optional in the form: it
 * cannot know which branch the person will meet, and ajv reports it only when none passes.
 * A branch that never passes (`false`; a `oneOf` branch beside one that only requires members it
 * requires too, as two identical branches: both pass or neither) is left out; `never` when no
 * branch of some keyword can pass (its members are then those of every branch, as before).
 */
function requiredOf(
  root: unknown,
  schema: Schema,
  depth = 0,
): { members: string[]; never?: boolean } {
  const members: string[] = [];
  let never = false;
  for (const part of alternatives(root, schema, true)) {
    members.push(...arr(own(part, 'required')).filter((r): r is string => typeof r === 'string'));
    // With an `if`, `then` or `else` applies: a member both require is required.
    const cond = 'if' in part && [own(part, 'then'), own(part, 'else')];
    for (const k of depth < 9 ? ['anyOf', 'oneOf', 'if'] : []) {
      const branches = arr(k === 'if' ? cond : own(part, k));
      // A `false` branch never passes; `true`, an absent or unresolved one requires nothing.
      const of = branches.map((b) => {
        if (b === false) return { members: [], never: true };
        const d = deref(root, b);
        return d ? requiredOf(root, d, depth + 1) : { members: [] };
      });
      const alive = of.filter(
        (r, i) =>
          !r.never &&
          !(
            k === 'oneOf' &&
            branches.some(
              (b, j) =>
                j !== i &&
                onlyRequires(root, b) &&
                of[j]!.members.every((m) => r.members.includes(m)),
            )
          ),
      );
      if (branches.length && !alive.length) never = true;
      let common: string[] | undefined;
      for (const r of alive.length ? alive : of.filter((_, i) => branches[i] !== false))
        common = common ? common.filter((m) => r.members.includes(m)) : r.members;
      members.push(...(common ?? []));
    }
  }
  return { members, never };
}

/** Whether the data schema itself lists the answer at `path` as required. */
export function isSchemaRequired(root: JsonSchema, path: string): boolean {
  const keys = path.split('.');
  return requiredMembers(root, keys.slice(0, -1).join('.')).includes(keys[keys.length - 1]!);
}

function isObjectSchema(schema: JsonSchema | undefined): boolean {
  return (
    !!schema &&
    (schema.type === 'object' || (typeof schema.properties === 'object' && !schema.type))
  );
}

/**
 * A copy of `answers` where each object in `parents` that the schema requires (at every level
 * from the root) and that is missing is an empty object.
 *
 * Why: JSON Schema reports a missing required object once, on the object (`/eligibility`),
 * which no question on the page owns, so an untouched page would pass. With the object
 * present, each required question in it is reported on its own, worded as a missing answer,
 * exactly as when the person had answered some of the page. Optional objects stay absent, so
 * the submitted answers gain nothing the schema does not already demand.
 */
export function withRequiredParents(
  root: JsonSchema,
  answers: Record<string, unknown>,
  parents: readonly string[],
): Record<string, unknown> {
  let out = answers;
  for (const parent of parents) {
    const keys = parent.split('.');
    for (let i = 0; i < keys.length; i++) {
      const path = keys.slice(0, i + 1).join('.');
      const value = getAt(out, path);
      if (value === undefined) {
        if (!isSchemaRequired(root, path) || !isObjectSchema(schemaAt(root, path))) break;
        out = setEmptyObject(out, path);
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        // A wrong answer there is the schema's to report, not ours to replace.
        break;
      }
    }
  }
  return out;
}

/** `setAt` keeps empty answers out; a scaffolded object has to be there though it is empty. */
function setEmptyObject(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  // A placeholder member makes `{}` an answer for setAt, then goes: only objects were copied.
  const marker = '\u0000scaffold';
  const withMarker = setAt(obj, `${path}.${marker}`, true);
  const holder = getAt(withMarker, path) as Record<string, unknown> | undefined;
  if (holder && typeof holder === 'object') delete holder[marker];
  return withMarker;
}

/**
 * Whether a check box field records `false` when the person leaves it unticked: a plain check
 * box (no options) whose schema is `type: "boolean"` and accepts `false`. A box that must be
 * ticked (`const: true`, `enum: [true]`, or no boolean type, as a consent box often is) stays
 * unanswered, so the person is asked to tick it.
 */
export function recordsUntickedAsFalse(root: JsonSchema, field: FieldUi): boolean {
  if (field.widget !== 'checkbox' || field.options?.length) return false;
  const schema = schemaAt(root, field.field);
  // Every part ajv applies (a `const` beside a `$ref`, an `allOf` branch) must accept `false`.
  const parts = schema ? alternatives(root, schema, true) : [];
  return (
    parts.some((p) => p.type === 'boolean') &&
    parts.every(
      (p) =>
        [p.type ?? 'boolean'].flat().includes('boolean') &&
        (!('const' in p) || p.const === false) &&
        (!Array.isArray(p.enum) || p.enum.includes(false)),
    )
  );
}
