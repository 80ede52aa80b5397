/**
 * A condition's literal `value` checked against the answer it is compared with, as
 * json-rules-engine compares them (src/rules/compiled.ts `OPERATOR_TESTS`): `equal`, `in` and
 * the element operators use `===`, so `"false"` never equals a boolean answer, `"2"` never a
 * number, and a value that is not among the field's `enum` (or the question's options) never
 * equals any answer. Such a condition is silently never true (or, negated, always): an applicant
 * is judged on a rule that does not say what the author meant.
 *
 * - `equal`/`notEqual`: the value is one answer (not checked against a list answer);
 * - `in`/`notIn`: the value is a list of answers (each item checked);
 * - `contains`/`doesNotContain`: one item of a list answer;
 * - `containsAny`/`containsAll`/`containsNone`: a list of items of a list answer (or of answers);
 * - `lessThan`… on a number answer: a number, or text reading as one (the engine compares
 *   `17 < "18"` as numbers); not checked on other answers (ISO dates compare as text);
 * - `isAnswered`/`isNotAnswered` need no value and ignore one: `true` (which format 1.0 files had
 *   to write) passes, any other value is an `answered-value-ignored` warning, since `false`
 *   reads as the opposite of what the condition does;
 * - the date operators (`not-a-date`), a `{ "fact": … }` value and a `path` are
 *   left alone.
 *
 * A value of the wrong JSON type is `condition-value-type`; one outside the choices
 * `unknown-option`; a non-list where a list is needed `condition-value-type`. Each at the value
 * (or its item).
 */
import { TYPE_NAMES } from './message-words.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { deref, itemSchema, resolveFieldPath } from './schema-paths.js';
import { allowedValues } from './schema-walks.js';
import { closest } from './suggest.js';
import { DERIVED_FACTS } from './vocabulary.js';
import { accepts, declaredTypes, jsonType } from './widget-checks.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

const ONE = new Set(['equal', 'notEqual']);
const LIST_OF_ONE = new Set(['in', 'notIn']);
const ITEM = new Set(['contains', 'doesNotContain']);
const LIST_OF_ITEMS = new Set(['containsAny', 'containsAll', 'containsNone']);
const NUMBER = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const numeric = (v: unknown): boolean =>
  typeof v === 'number' || (typeof v === 'string' && Number.parseFloat(v).toString() !== 'NaN');

/** What a fact reads: its schema and the choices of its question, if any. */
interface FactField {
  /** The `data` schema (root of `$ref`s). */
  root: Obj;
  /** The fact: a field path or a derived fact. */
  fact: string;
  /** Its resolved schema (for `a[].b`, the schema of `b`; a whole number for derived numbers). */
  schema: Obj;
  /** The values its question offers (`options`/own `optionList`), if any. */
  choices: readonly unknown[] | undefined;
}

/** Derived facts whose value is a whole number (a count of items, days, months or years). */
const NUMBER_FACTS: ReadonlySet<unknown> = new Set(
  Object.keys(DERIVED_FACTS).filter((f) => f !== DERIVED_FACTS.today && f !== DERIVED_FACTS.date),
);

/**
 * The fact condition `node` (at `pointer`) of a procedure whose `data` is `root`; `choicesAt` the
 * values each question offers, by field path. Unknown facts are reported elsewhere.
 */
export function checkConditionValue(
  node: Obj,
  pointer: string,
  root: Obj,
  choicesAt: ReadonlyMap<string, readonly unknown[]>,
  problems: ProblemList,
): void {
  const fact = node['fact'];
  if (typeof fact !== 'string') return;
  const operator = node['operator'];
  if (operator === 'isAnswered' || operator === 'isNotAnswered') {
    if (Object.hasOwn(node, 'value') && node['value'] !== true)
      problems.add(
        C.answeredValueIgnored,
        `${pointer}/value`,
        localized('answeredValueIgnored', {
          operator,
          value: show(node['value']),
          fact,
          opposite: operator === 'isAnswered' ? 'isNotAnswered' : 'isAnswered',
        }),
        { severity: 'warning' },
      );
    return;
  }
  const schema = Object.hasOwn(DERIVED_FACTS, fact)
    ? NUMBER_FACTS.has(fact)
      ? { type: 'integer' }
      : undefined
    : resolveFieldPath(root, root, fact);
  if (schema) check(node, pointer, { root, fact, schema, choices: choicesAt.get(fact) }, problems);
}

function check(node: Obj, pointer: string, field: FactField, problems: ProblemList): void {
  const operator = node['operator'];
  const value = node['value'];
  if (typeof operator !== 'string' || value === undefined || isObject(value)) return;
  if (node['path'] !== undefined) return;
  const types = declaredTypes(field.root, field.schema) ?? [];
  // `a[].b` reads the list of every item's `b`; a list answer (a checkbox group) is a list too.
  const across = field.fact.includes('[]');
  const listAnswer = types.length > 0 && types.every((t) => t === 'array' || t === 'null');
  const items = listAnswer ? itemSchema(field.root, field.schema) : undefined;
  const list = across || listAnswer;
  const element: Obj | undefined = across ? (listAnswer ? undefined : field.schema) : items;
  const one = (v: unknown, at: string, schema: Obj | undefined) =>
    schema && checkOne(v, at, operator, field, schema, problems);
  const needList = (at: string) => {
    if (Array.isArray(value)) return true;
    problems.add(
      C.conditionValueType,
      at,
      localized('conditionValueList', { operator, value: show(value) }),
    );
    return false;
  };
  const at = `${pointer}/value`;
  if (ONE.has(operator) && !list) one(value, at, field.schema);
  else if (LIST_OF_ONE.has(operator) && !list) {
    if (needList(at)) (value as unknown[]).forEach((v, i) => one(v, `${at}/${i}`, field.schema));
  } else if (ITEM.has(operator) && list) one(value, at, element);
  else if (LIST_OF_ITEMS.has(operator) && needList(at))
    (value as unknown[]).forEach((v, i) => one(v, `${at}/${i}`, list ? element : field.schema));
  else if (NUMBER.has(operator) && !list && types.length > 0) {
    const numbers = types.every((t) => t === 'number' || t === 'integer' || t === 'null');
    if (numbers && !numeric(value)) wrongType(value, at, operator, field.fact, types, problems);
  }
}

/** One value compared with `===` to an answer of `schema`: its JSON type, then the choices. */
function checkOne(
  value: unknown,
  at: string,
  operator: string,
  field: FactField,
  schema: Obj,
  problems: ProblemList,
): void {
  // `null` is never an answer (an unanswered question is undecided): not a typo to point at.
  if (value === null) return;
  const types = declaredTypes(field.root, schema);
  if (types && types.length > 0 && !accepts(types, jsonType(value)))
    return wrongType(value, at, operator, field.fact, types, problems);
  const resolved = deref(field.root, schema);
  const allowed = (resolved && allowedValues(field.root, resolved)) ?? field.choices;
  if (!allowed || allowed.includes(value)) return;
  const strings = allowed.filter((v): v is string => typeof v === 'string');
  const near = typeof value === 'string' ? closest(value, strings) : '';
  problems.add(
    C.unknownOption,
    at,
    localized('conditionValueOption', {
      value: show(value),
      fact: field.fact,
      suggestion: near ? show(near) : '',
    }),
  );
}

/** `condition-value-type`, suggesting the same value with the answer's type when there is one. */
function wrongType(
  value: unknown,
  at: string,
  operator: string,
  fact: string,
  types: readonly string[],
  problems: ProblemList,
): void {
  let suggestion: unknown;
  if (typeof value === 'string' && types.includes('boolean') && /^(true|false)$/.test(value))
    suggestion = value === 'true';
  else if (typeof value === 'string' && numeric(value) && /^-?\d+(\.\d+)?$/.test(value.trim()))
    suggestion = Number(value);
  else if ((typeof value === 'number' || typeof value === 'boolean') && types.includes('string'))
    suggestion = String(value);
  if (suggestion !== undefined && !accepts(types, jsonType(suggestion))) suggestion = undefined;
  const given = jsonType(value);
  const name = (lang: 'vi' | 'en') =>
    types
      .filter((t) => t !== 'null')
      .map((t) => TYPE_NAMES[lang][t] ?? t)
      .join(lang === 'vi' ? ' hoặc ' : ' or ');
  problems.add(
    C.conditionValueType,
    at,
    localized(
      'conditionValueType',
      {
        value: show(value),
        fact,
        operator,
        suggestion: suggestion === undefined ? '' : show(suggestion),
      },
      {
        vi: { given: TYPE_NAMES.vi[given] ?? given, type: name('vi') },
        en: { given: TYPE_NAMES.en[given] ?? given, type: name('en') },
      },
    ),
  );
}
