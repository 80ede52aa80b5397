/**
 * Field paths (`child.birthDate`, `siblings[].fullName`) applied to answer objects: removing the
 * answers of hidden fields before signing, and finding them again when a server verifies.
 */
import type { FieldPath } from '../procedure/types.js';
import { pointersAt } from '../session/field-path.js';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON pointers of every answer stored at `path` (one per item for `[]` segments), in document
 * order. A member counts as present whatever its value, `null` and `""` included.
 */
export const findField: (answers: unknown, path: FieldPath) => string[] = pointersAt;

/** A deep copy of the answers without the members at `paths` (the input is not changed). */
export function removeFields(answers: Json, paths: readonly FieldPath[]): Json {
  const copy = structuredCloneJson(answers) as Json;
  for (const path of paths) {
    const drop = (node: unknown, segments: string[]): void => {
      const [head, ...rest] = segments;
      if (head === undefined || !isRecord(node)) return;
      const many = head.endsWith('[]');
      const key = many ? head.slice(0, -2) : head;
      if (!Object.prototype.hasOwnProperty.call(node, key)) return;
      if (rest.length === 0) {
        delete node[key];
        return;
      }
      const value = node[key];
      if (many && Array.isArray(value)) for (const item of value) drop(item, rest);
      else if (!many) drop(value, rest);
    };
    drop(copy, path.split('.'));
  }
  return copy;
}

// Answers are JSON data; copying by hand keeps `__proto__` members as data and needs no
// structuredClone (absent from the ES2023 lib and from older runtimes).
function structuredCloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneJson);
  // Only plain objects are copied; anything else stays as is so canonicalisation can refuse it.
  if (isRecord(v) && Object.prototype.toString.call(v) === '[object Object]') {
    const out: Json = {};
    for (const key of Object.keys(v))
      Object.defineProperty(out, key, {
        value: structuredCloneJson(v[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return v;
}
