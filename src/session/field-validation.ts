/**
 * Validating one field alone. Leaving a field asks for that field's problems; validating every
 * answer for it is work the person waits for on a cheap phone. The answer at a path can be
 * validated on its own — the answers reduced to that one value, so ajv visits nothing else —
 * when its problems depend on that value and its presence only. They do unless an object on the
 * way to it ties its members together: conditionals and combinators (`if`, `allOf`,
 * `dependentRequired`…), member counts, or a member's `x-dvc-…` keyword naming a sibling (the
 * personal-id/birth-date check). Such a field is validated with the whole answers, as before.
 *
 * The same validator runs either way (compiled at run time or the `dvc-forms compile` module
 * under a strict CSP), so this needs no code built at run time.
 */
import { deref, OPAQUE_SCHEMA } from '../procedure/schema-paths.js';
import type { JsonSchema } from '../procedure/types.js';
import { schemaAt } from './journey.js';

/** Keywords of an object schema that make one member's problems depend on other members. */
const LINKING_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'propertyNames',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether, in `schema` (an object holding members), the problems of member `name` depend on
 * other members: keywords of the object itself, or a member naming another (`x-dvc-birthDate`).
 */
function linked(root: JsonSchema, schema: Record<string, unknown>, name: string): boolean {
  if (Object.keys(schema).some((k) => LINKING_KEYWORDS.has(k) || k.startsWith('x-dvc-')))
    return true;
  const members = schema.properties;
  if (!isObject(members)) return false;
  return Object.entries(members).some(([key, m]) => {
    const s = deref(root, m);
    if (!s || s === OPAQUE_SCHEMA) return true;
    return Object.entries(s).some(([k, v]) => {
      if (!k.startsWith('x-dvc-')) return false;
      // The personal-id check reads the birth date beside it: both depend on each other.
      if (k === 'x-dvc-birthDate') return key === name || v === name;
      // A keyword this module does not know may read any member.
      return true;
    });
  });
}

/**
 * Whether the problems of the answer at `path` (a question's dot path) depend on that answer and
 * its presence alone, so that it can be validated without the other answers.
 */
export function validatesAlone(root: JsonSchema, path: string): boolean {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k.endsWith('[]'))) return false;
  for (let i = 0; i < keys.length; i++) {
    const container = i === 0 ? deref(root, root) : schemaAt(root, keys.slice(0, i).join('.'));
    if (!container || container === OPAQUE_SCHEMA || linked(root, container, keys[i]!))
      return false;
  }
  return true;
}

/**
 * The answers reduced to the one at `path`, with the objects on the way to it as they are in
 * `answers` (and nothing else in them). Where an object on the way is missing or not an object,
 * the answer is left out: its problem, if any, belongs to that object, not to the field.
 */
export function answersWithOnly(
  answers: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const keys = path.split('.');
  const out: Record<string, unknown> = {};
  let from: unknown = answers;
  let to = out;
  for (let i = 0; i < keys.length; i++) {
    if (!isObject(from) || !Object.prototype.hasOwnProperty.call(from, keys[i]!)) return out;
    const value = from[keys[i]!];
    if (i === keys.length - 1) {
      to[keys[i]!] = value;
      return out;
    }
    if (!isObject(value)) return out;
    const next: Record<string, unknown> = {};
    to[keys[i]!] = next;
    to = next;
    from = value;
  }
  return out;
}
