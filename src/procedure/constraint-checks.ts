/**
 * Constraints no answer can meet, in every schema of `data`: a minimum above its maximum (length,
 * number, list items, object members: `impossible-bounds`, at the lower bound), a `const` outside
 * the same schema's `enum` (`const-not-in-enum`), and an `enum` or `const` value of a type the
 * schema's `type` refuses (`value-type-mismatch`). The validator would accept such a file and
 * then refuse every answer, so the citizen could never send the form.
 */
import { BOUND_NAMES, COMPARISONS, NUMBER_KINDS } from './message-words.js';
import { localized } from './messages.js';
import { typeNames } from './meta-errors.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { walkSchema } from './schema-walks.js';
import type { Lang } from './types.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** The JSON types a schema declares, or undefined when it declares none. */
function typesOf(schema: Obj): string[] | undefined {
  const type = own(schema, 'type');
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** Whether a value is of one of `types` (JSON Schema's meaning: 1.0 is an integer). */
function hasType(value: unknown, types: readonly string[]): boolean {
  return types.some((t) => {
    switch (t) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      default:
        return true;
    }
  });
}

/** JSON equality (member order aside), as `enum` and `const` compare. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
  );
}

/** Which kind of value each pair of bounds limits (a bound of another type is ignored). */
const COUNTED_BOUNDS = [
  { suffix: 'Length', type: 'string' },
  { suffix: 'Items', type: 'array' },
  { suffix: 'Properties', type: 'object' },
] as const;

const applies = (types: string[] | undefined, type: string): boolean =>
  types === undefined || types.includes(type) || (type === 'number' && types.includes('integer'));

function checkBounds(schema: Obj, pointer: string, problems: ProblemList): void {
  const types = typesOf(schema);
  const names = (suffix: string, lang: Lang) => {
    const [lower, upper] = BOUND_NAMES[lang][suffix]!;
    return { lower, upper };
  };
  for (const { suffix, type } of COUNTED_BOUNDS) {
    const min = num(own(schema, `min${suffix}`));
    const max = num(own(schema, `max${suffix}`));
    if (min === undefined || max === undefined || min <= max || !applies(types, type)) continue;
    problems.add(
      C.impossibleBounds,
      `${pointer}/min${suffix}`,
      localized(
        'impossibleBounds',
        { min, max },
        { vi: names(suffix, 'vi'), en: names(suffix, 'en') },
      ),
    );
  }
  if (!applies(types, 'number')) return;
  // The stricter of each pair of lower and upper bounds.
  const bound = (
    inclusive: string,
    exclusive: string,
    stricter: (a: number, b: number) => boolean,
  ) => {
    const i = num(own(schema, inclusive));
    const e = num(own(schema, exclusive));
    if (e !== undefined && (i === undefined || stricter(e, i) || e === i))
      return { keyword: exclusive, value: e, exclusive: true };
    return i === undefined ? undefined : { keyword: inclusive, value: i, exclusive: false };
  };
  const lo = bound('minimum', 'exclusiveMinimum', (a, b) => a > b);
  const hi = bound('maximum', 'exclusiveMaximum', (a, b) => a < b);
  if (!lo || !hi) return;
  const integer = types !== undefined && types.every((t) => t === 'integer');
  const empty = integer
    ? (lo.exclusive ? Math.floor(lo.value) + 1 : Math.ceil(lo.value)) >
      (hi.exclusive ? Math.ceil(hi.value) - 1 : Math.floor(hi.value))
    : lo.value > hi.value || (lo.value === hi.value && (lo.exclusive || hi.exclusive));
  if (!empty) return;
  const at = `${pointer}/${lo.keyword}`;
  if (!lo.exclusive && !hi.exclusive && lo.value > hi.value) {
    problems.add(
      C.impossibleBounds,
      at,
      localized(
        'impossibleBounds',
        { min: lo.value, max: hi.value },
        { vi: names('imum', 'vi'), en: names('imum', 'en') },
      ),
    );
    return;
  }
  const words = (lang: Lang) => ({
    number: NUMBER_KINDS[lang][integer ? 'integer' : 'number'],
    low: COMPARISONS[lang][lo.exclusive ? '>' : '>=']!,
    high: COMPARISONS[lang][hi.exclusive ? '<' : '<=']!,
  });
  problems.add(
    C.impossibleBounds,
    at,
    localized(
      'impossibleRange',
      { min: lo.value, max: hi.value },
      { vi: words('vi'), en: words('en') },
    ),
  );
}

function checkValues(schema: Obj, pointer: string, problems: ProblemList): void {
  const types = typesOf(schema);
  const wrongType = (value: unknown, keyword: string, at: string): boolean => {
    if (!types || types.length === 0 || hasType(value, types)) return false;
    problems.add(
      C.valueTypeMismatch,
      at,
      localized('valueTypeMismatch', { value: show(value), keyword }, typeNames(types.join(','))),
    );
    return true;
  };
  const list = own(schema, 'enum');
  if (Array.isArray(list)) list.forEach((v, i) => wrongType(v, 'enum', `${pointer}/enum/${i}`));
  if (!Object.hasOwn(schema, 'const')) return;
  const value = schema['const'];
  if (wrongType(value, 'const', `${pointer}/const`)) return;
  if (Array.isArray(list) && !list.some((v) => jsonEqual(v, value)))
    problems.add(
      C.constNotInEnum,
      `${pointer}/const`,
      localized('constNotInEnum', { value: show(value) }),
    );
}

/** Reports every constraint of `data` (at `/data`) that no answer can meet. */
export function checkConstraints(data: unknown, problems: ProblemList): void {
  walkSchema(data, '/data', (schema, pointer) => {
    checkBounds(schema, pointer, problems);
    checkValues(schema, pointer, problems);
  });
}
