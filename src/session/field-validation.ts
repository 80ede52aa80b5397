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
import { alternatives, deref, OPAQUE_SCHEMA } from '../procedure/schema-paths.js';
import type { JsonSchema } from '../procedure/types.js';
import { schemaAt } from './schema-reading.js';

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
 * Which members of an object schema have problems that depend on other members: `all` when the
 * object itself ties them together (or a member's keyword may read any member), else the members
 * named on either side of an `x-dvc-birthDate` link. One pass over the members, kept per object
 * schema, so asking for every question of a large page stays linear in its questions.
 */
export interface Linking {
  all: boolean;
  members: ReadonlySet<string>;
}

function linkingOf(root: JsonSchema, schema: Record<string, unknown>): Linking {
  if (Object.keys(schema).some((k) => LINKING_KEYWORDS.has(k) || k.startsWith('x-dvc-')))
    return { all: true, members: new Set() };
  const members = new Set<string>();
  const properties = schema.properties;
  if (!isObject(properties)) return { all: false, members };
  for (const [key, m] of Object.entries(properties)) {
    const s = deref(root, m);
    if (!s || s === OPAQUE_SCHEMA) return { all: true, members };
    // An annotation beside the member's `$ref` or in its `allOf` is one as much as at the top.
    for (const [k, v] of alternatives(root, s, true).flatMap((part) => Object.entries(part))) {
      if (!k.startsWith('x-dvc-')) continue;
      // A keyword this module does not know may read any member.
      if (k !== 'x-dvc-birthDate') return { all: true, members };
      // The personal-id check reads the birth date beside it: both depend on each other.
      members.add(key);
      if (typeof v === 'string') members.add(v);
    }
  }
  return { all: false, members };
}

/**
 * Whether, in `schema` (an object holding members), the problems of member `name` depend on
 * other members: keywords of the object itself, or a member naming another (`x-dvc-birthDate`).
 */
function linked(
  root: JsonSchema,
  schema: Record<string, unknown>,
  name: string,
  cache: Map<object, Linking>,
): boolean {
  let linking = cache.get(schema);
  if (!linking) {
    linking = linkingOf(root, schema);
    cache.set(schema, linking);
  }
  return linking.all || linking.members.has(name);
}

/**
 * Whether the problems of the answer at `path` (a question's dot path) depend on that answer and
 * its presence alone, so that it can be validated without the other answers. Pass one `cache`
 * (a new Map) when asking for many paths of the same `root`: each object schema is then read once.
 */
export function validatesAlone(
  root: JsonSchema,
  path: string,
  cache: Map<object, Linking> = new Map(),
): boolean {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k.endsWith('[]'))) return false;
  for (let i = 0; i < keys.length; i++) {
    const container = i === 0 ? deref(root, root) : schemaAt(root, keys.slice(0, i).join('.'));
    if (!container || container === OPAQUE_SCHEMA || linked(root, container, keys[i]!, cache))
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
