/**
 * fast-check arbitraries for a procedure's answers and documents, generated from its own `data`
 * schema and sample cases so the rules actually fire: enum values, booleans, dates around the
 * age limits, Vietnamese names, personal ID numbers, mobiles, administrative codes taken from the
 * cases, numbers around their bounds — plus the mistakes people make (blank text, a wrong type,
 * a value just out of range, a missing answer).
 */
import fc from 'fast-check';
import {
  isUploadedDocument,
  type DocumentSpec,
  type JsonSchema,
  type Procedure,
} from '../../../src/procedure/types.js';
import { deref, memberSchema, itemSchema } from '../../../src/procedure/schema-paths.js';
import { memberNames } from '../../../src/procedure/schema-walks.js';
import { acceptedTypes, FILE_TYPES } from '../../../src/files/index.js';
import type { PayloadDocument } from '../../../src/submission/index.js';

type Schema = Record<string, unknown>;
type Pool = Map<string, unknown[]>;

const MAX_DEPTH = 8;

/** Every value the sample cases give at each path (`a.b`, list items as `a[]`), for realism. */
export function valuePool(cases: readonly { answers: Record<string, unknown> }[]): Pool {
  const pool: Pool = new Map();
  const add = (path: string, value: unknown): void => {
    const list = pool.get(path) ?? [];
    if (!list.some((v) => JSON.stringify(v) === JSON.stringify(value))) list.push(value);
    pool.set(path, list);
  };
  const walk = (value: unknown, path: string): void => {
    if (path) add(path, value);
    if (Array.isArray(value)) value.forEach((v) => walk(v, `${path}[]`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  for (const c of cases) walk(c.answers, '');
  return pool;
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Minh', "H'Hen Niê", 'Đỗ Thị Ánh Dương'];
const MISTAKES = fc.constantFrom<unknown>('', '   ', 'x', 0, -1, true, 'không rõ', '2025-13-45');

function dateArb(): fc.Arbitrary<string> {
  // Birth dates either side of the 18th and 20th birthdays on the cases' dates, and other dates.
  return fc
    .date({
      min: new Date('1930-01-01T00:00:00Z'),
      max: new Date('2027-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

function stringArb(schema: Schema, pooled: unknown[]): fc.Arbitrary<unknown> {
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
  const options: fc.Arbitrary<unknown>[] = [];
  switch (format) {
    case 'date':
      options.push(dateArb());
      break;
    case 'vn-personal-id':
      options.push(
        fc.stringMatching(/^0[0-9]{2}[0-3][0-9]{8}$/),
        fc.stringMatching(/^[0-9]{9,13}$/),
      );
      break;
    case 'vn-mobile':
      options.push(
        fc.stringMatching(/^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}$/),
        fc.stringMatching(/^\+84 ?9[0-9]{2} ?[0-9]{3} ?[0-9]{3}$/),
        fc.stringMatching(/^0[0-9]{8,10}$/),
      );
      break;
    case 'email':
      options.push(fc.emailAddress(), fc.constantFrom('an@', 'an.example.vn'));
      break;
    case 'vn-person-name':
      options.push(fc.constantFrom(...NAMES), fc.constantFrom(' nguyễn  văn an ', 'An2', 'A'));
      break;
    case 'vn-province-2025':
      options.push(fc.stringMatching(/^[0-9]{2}$/));
      break;
    case 'vn-commune-2025':
      options.push(fc.stringMatching(/^[0-9]{5}$/));
      break;
    case 'intl-phone':
      // Real numbers in several countries' notations, a domestic one, and junk.
      options.push(
        fc.constantFrom(
          '+44 20 7946 0958',
          '+1 202 456 1111',
          '0044 20 7946 0958',
          '+81 3-3581-0101',
          '+84 912 345 678',
          '020 7946 0958',
          '+44 20 7946',
          '+999 123 456',
        ),
        fc.stringMatching(/^\+[1-9][0-9]{6,14}$/),
      );
      break;
    case 'passport-number':
      options.push(
        fc.stringMatching(/^[A-Z][0-9]{7}$/),
        fc.stringMatching(/^[a-zA-Z0-9 ]{3,11}$/),
        fc.constantFrom('c 1234567', 'ABCDEFGH', 'Ç1234567'),
      );
      break;
    default:
      if (pattern) options.push(fc.stringMatching(new RegExp(pattern)));
      options.push(
        fc.constantFrom(...NAMES, 'Số 12 phố Đội Cấn', 'Hà Nội'),
        fc.string({ maxLength: 12 }),
      );
  }
  // Values from the sample cases are valid together (a commune in its province): mostly those.
  const typed = fc.oneof(...(options as [fc.Arbitrary<unknown>, ...fc.Arbitrary<unknown>[]]));
  return pooled.length > 0
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pooled) },
        { weight: 2, arbitrary: typed },
      )
    : typed;
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<unknown> {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : min + 20;
  const lo = Math.max(-10, Math.ceil(min) - 1);
  const hi = Math.min(1_000_000, Math.floor(max) + 1);
  const whole = fc.integer({ min: lo, max: Math.max(lo, hi) });
  return integer ? whole : fc.oneof(whole, fc.double({ min: lo, max: hi, noNaN: true }));
}

/** Answers for `schema` at `path`, with the cases' values and people's mistakes mixed in. */
export function answerArb(
  root: JsonSchema,
  schema: unknown,
  path: string,
  pool: Pool,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = deref(root, schema) as Schema | undefined;
  if (!s || depth > MAX_DEPTH) return fc.constant('x');
  const pooled = pool.get(path) ?? [];
  const typed = typedArb(root, s, path, pool, depth, pooled);
  return fc.oneof({ weight: 12, arbitrary: typed }, { weight: 1, arbitrary: MISTAKES });
}

function typedArb(
  root: JsonSchema,
  s: Schema,
  path: string,
  pool: Pool,
  depth: number,
  pooled: unknown[],
): fc.Arbitrary<unknown> {
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as unknown[]));
  if ('const' in s) return fc.constant(s['const']);
  const names = memberNames(root, s);
  const type = s['type'];
  if (type === 'object' || (type === undefined && names.length > 0)) {
    const required = Array.isArray(s['required']) ? (s['required'] as string[]) : [];
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of names)
      members[name] = answerArb(
        root,
        memberSchema(root, s, name),
        path ? `${path}.${name}` : name,
        pool,
        depth + 1,
      );
    // Mostly complete objects (the rules then see whole pages), sometimes half-filled ones.
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record(members, { requiredKeys: required.filter((r) => r in members) }),
      },
      { weight: 1, arbitrary: fc.record(members, { requiredKeys: [] }) },
    );
  }
  if (type === 'array') {
    const items = itemSchema(root, s);
    const max = typeof s['maxItems'] === 'number' ? Math.min(s['maxItems'], 3) : 3;
    return fc.array(answerArb(root, items, `${path}[]`, pool, depth + 1), {
      maxLength: max + 1,
    });
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer') return numberArb(s, true);
  if (type === 'number') return numberArb(s, false);
  return stringArb(s, pooled);
}

/** Whole answer sets: a sample case with some answers changed or removed, or fresh ones. */
export function answersArb(
  procedure: Procedure,
  cases: readonly { answers: Record<string, unknown> }[],
): fc.Arbitrary<Record<string, unknown>> {
  const pool = valuePool(cases);
  // A question's options (its own or a shared list's, resolved by the model's validator) are
  // the values people pick: mostly those, so option lists are exercised with valid answers too.
  const addOptions = (fields: Procedure['ui']['steps'][number]['fields'], prefix: string): void => {
    for (const f of fields) {
      if (Array.isArray(f.options) && f.options.length > 0) {
        const key = prefix + f.field;
        const values = f.options.map((o) => o.value);
        pool.set(key, [...(pool.get(key) ?? []), ...values]);
        pool.set(`${key}[]`, [...(pool.get(`${key}[]`) ?? []), ...values]);
      }
      if (f.widget === 'group' && f.fields) addOptions(f.fields, `${prefix}${f.field}[].`);
    }
  };
  for (const step of procedure.ui.steps) addOptions(step.fields, '');
  const root = procedure.data;
  const fresh = answerArb(root, root, '', pool).filter(
    (v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v),
  );
  const topLevel = memberNames(root, deref(root, root) as Schema);
  const mutated = fc
    .tuple(
      fc.constantFrom(...cases.map((c) => c.answers)),
      fc.array(
        fc.tuple(
          fc.constantFrom(...topLevel),
          fc.oneof(
            { weight: 3, arbitrary: fc.constant<unknown>(undefined) },
            { weight: 5, arbitrary: fresh },
          ),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([base, changes]) => {
      const out: Record<string, unknown> = structuredClone(base);
      for (const [key, from] of changes) {
        if (from === undefined) delete out[key];
        else if (from && typeof from === 'object' && key in (from as object))
          out[key] = (from as Record<string, unknown>)[key];
      }
      return out;
    });
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fresh });
}

/** Files for the procedure's documents: mostly acceptable ones, sometimes too large or SVG. */
export function documentsArb(documents: readonly DocumentSpec[]): fc.Arbitrary<PayloadDocument[]> {
  const fileFor = (doc: DocumentSpec, i: number): fc.Arbitrary<PayloadDocument> => {
    // A document brought to the desk has no upload limits: any plausible file (refused anyway).
    const spec = isUploadedDocument(doc)
      ? doc
      : { ...doc, accept: ['application/pdf'], maxSizeBytes: 1_000_000, maxFiles: 1 };
    const types = acceptedTypes(spec.accept);
    const good = fc.constantFrom(...types).map((type) => ({
      name: `tep-${i}.${FILE_TYPES[type].extensions[0]}`,
      type: type as string,
    }));
    const bad = fc.constantFrom(
      { name: `tep-${i}.svg`, type: 'image/svg+xml' },
      { name: `tep-${i}.jpg`, type: 'image/svg+xml' },
      { name: `tep-${i}.html`, type: 'text/html' },
    );
    return fc
      .record({
        kind: fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad }),
        size: fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 1, max: spec.maxSizeBytes }) },
          { weight: 1, arbitrary: fc.constantFrom(0, spec.maxSizeBytes + 1) },
        ),
      })
      .map(({ kind, size }) => ({
        slot: spec.id,
        name: kind.name,
        type: kind.type,
        size,
        sha256: 'a'.repeat(64),
      }));
  };
  if (documents.length === 0) return fc.constant([]);
  return fc
    .tuple(
      ...documents.map((spec, i) =>
        // A document brought to the desk: mostly no file, sometimes one (which verify refuses).
        !isUploadedDocument(spec)
          ? fc.oneof(
              { weight: 4, arbitrary: fc.constant([]) },
              { weight: 1, arbitrary: fc.array(fileFor(spec, i), { minLength: 1, maxLength: 1 }) },
            )
          : // Mostly one file per slot (most submissions are complete), sometimes none or too many.
            fc.oneof(
              { weight: 4, arbitrary: fc.array(fileFor(spec, i), { minLength: 1, maxLength: 1 }) },
              {
                weight: 1,
                arbitrary: fc.array(fileFor(spec, i), {
                  maxLength: Math.min(spec.maxFiles + 1, 3),
                }),
              },
            ),
      ),
    )
    .map((lists) => lists.flat());
}
