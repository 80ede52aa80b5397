/**
 * Rules compiled to plain code (issue 22 point 2): the conditions json-rules-engine would run
 * (after `analyseConditions`) turned once, ahead of time, into a tree of small synchronous
 * closures — no Almanac, no promise per fact, no eval or `new Function` (the CSP forbids
 * unsafe-eval). The rule JSON stays the format and json-rules-engine the reference semantics:
 * every operator below is the engine's own definition (engine-default-operators.js, facts.ts),
 * every fact the one `registerFacts` gives, and the result is the three-valued `truthOf` of the
 * tree the engine would return. test/src/rules/compiled-differential.test.ts runs both on every
 * sample procedure's cases and on generated answers and asserts the same results.
 *
 * What the compiler cannot reproduce exactly — a `path` (a JSONPath, resolved asynchronously by
 * jsonpath-plus), an operator it does not know, a fact it cannot read — is refused with the
 * condition's pointer (`CompileRefusal`), never evaluated differently: `createRulesFactory` then
 * runs that unit with json-rules-engine, and `dvc-forms compile` reports it to the author.
 */
import { compareDates, parseIsoDate } from './dates.js';
import { derivedFactReader } from './derived-facts.js';
import { PRESENCE_OPERATORS, TRUTH, type Truth } from './conditions.js';
import { isAnsweredValue, readPath } from './paths.js';

/** What one evaluation reads: the answers (hidden ones removed) and the submission date. */
export interface CompiledContext {
  answers: unknown;
  today: string;
}

/** A compiled condition tree: Kleene truth of the conditions for one context. Throws as the engine would. */
export type CompiledCondition = (ctx: CompiledContext) => Truth;

/** Why a condition tree could not be compiled: the part (JSON pointer, relative) and why. */
export interface CompileRefusal {
  pointer: string;
  reason: string;
}

export type CompileOutcome =
  { ok: true; evaluate: CompiledCondition } | { ok: false; refusal: CompileRefusal };

type Read = (ctx: CompiledContext) => unknown;
type Test = (fact: unknown, value: unknown) => boolean;

class Refused extends Error {
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// json-rules-engine 7.3.1 engine-default-operators.js, verbatim in behaviour: `in`/`notIn` call
// the value's indexOf (so a non-list value throws, as in the engine: the unit becomes undecidable
// with a run-time problem), `contains` needs a list fact, the comparisons a numeric-looking fact.
const numberLike = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const indexOf = (list: unknown, item: unknown): number =>
  (list as { indexOf(x: unknown): number }).indexOf(item);
const lt = (a: unknown, b: unknown): boolean => (a as number) < (b as number);
const le = (a: unknown, b: unknown): boolean => (a as number) <= (b as number);
const gt = (a: unknown, b: unknown): boolean => (a as number) > (b as number);
const ge = (a: unknown, b: unknown): boolean => (a as number) >= (b as number);

/** facts.ts's date operators: both sides real ISO dates, compared as calendar days. */
const dateTest =
  (test: (order: number) => boolean): Test =>
  (fact, value) => {
    const a = parseIsoDate(fact);
    const b = parseIsoDate(value);
    return a !== undefined && b !== undefined && test(compareDates(a, b));
  };
const asSet = (v: unknown): unknown[] => (Array.isArray(v) ? v : isAnsweredValue(v) ? [v] : []);
const setTest =
  (test: (fact: unknown[], value: unknown[]) => boolean): Test =>
  (fact, value) =>
    Array.isArray(value) ? test(asSet(fact), value) : false;

/** Every operator of the vocabulary; the custom ones are registered on the engine from here (facts.ts). */
export const OPERATOR_TESTS: Readonly<Record<string, Test>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && indexOf(a, b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && indexOf(a, b) === -1,
  lessThan: (a, b) => numberLike(a) && lt(a, b),
  lessThanInclusive: (a, b) => numberLike(a) && le(a, b),
  greaterThan: (a, b) => numberLike(a) && gt(a, b),
  greaterThanInclusive: (a, b) => numberLike(a) && ge(a, b),
  isAnswered: (a) => isAnsweredValue(a),
  isNotAnswered: (a) => !isAnsweredValue(a),
  dateBefore: dateTest((o) => o < 0),
  dateOnOrBefore: dateTest((o) => o <= 0),
  dateAfter: dateTest((o) => o > 0),
  dateOnOrAfter: dateTest((o) => o >= 0),
  containsAny: setTest((fact, value) => value.some((v) => fact.includes(v))),
  containsAll: setTest((fact, value) => value.every((v) => fact.includes(v))),
  containsNone: setTest((fact, value) => !value.some((v) => fact.includes(v))),
};

/** Ours, beside json-rules-engine's built-in ones (facts.ts registers them on the engine). */
export const CUSTOM_OPERATOR_NAMES = [
  'isAnswered',
  'isNotAnswered',
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
  'containsAny',
  'containsAll',
  'containsNone',
] as const;

/** The reader of a fact (with its params), as `registerFacts` defines it; refuses unknown ones. */
function factReader(
  fact: unknown,
  params: unknown,
  knownFields: ReadonlySet<string>,
  pointer: string,
): Read {
  if (typeof fact !== 'string') throw new Refused(pointer, 'the fact is not a name');
  // Derived facts: the same definitions json-rules-engine's facts use (derived-facts.ts).
  const derived = derivedFactReader(fact, params);
  if (derived) return derived;
  // A field fact, registered by createRulesFactory only when the form has the field; the engine
  // would throw "Undefined fact" for any other, so the compiler refuses it instead.
  if (!knownFields.has(fact))
    throw new Refused(pointer, `the fact "${fact}" is neither a field of the form nor derived`);
  return (ctx) => readPath(ctx.answers, fact);
}

/** One leaf: the engine's `Condition.evaluate` then `truthOf` on its result. */
function compileLeaf(
  node: Record<string, unknown>,
  pointer: string,
  knownFields: ReadonlySet<string>,
): CompiledCondition {
  if (node['path'] !== undefined)
    throw new Refused(
      `${pointer}/path`,
      'a condition with "path" (JSONPath) is evaluated by json-rules-engine only',
    );
  const operator = node['operator'];
  const test = typeof operator === 'string' ? OPERATOR_TESTS[operator] : undefined;
  if (!test || !Object.hasOwn(OPERATOR_TESTS, operator as string))
    throw new Refused(`${pointer}/operator`, `the operator "${String(operator)}" is not compiled`);
  const readFact = factReader(node['fact'], node['params'], knownFields, `${pointer}/fact`);
  const presence = PRESENCE_OPERATORS.has(operator as string);
  const value = node['value'];
  // Almanac.getValue: an object with an own `fact` is another fact's value.
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact')) {
    const v = value as Record<string, unknown>;
    if (v['path'] !== undefined)
      throw new Refused(
        `${pointer}/value/path`,
        'a value with "path" (JSONPath) is evaluated by json-rules-engine only',
      );
    const readValue = factReader(v['fact'], v['params'], knownFields, `${pointer}/value/fact`);
    return (ctx) => {
      const right = readValue(ctx);
      const left = readFact(ctx);
      const result = test(left, right);
      if (!presence && (!isAnsweredValue(left) || !isAnsweredValue(right))) return TRUTH.unknown;
      return result ? TRUTH.true : TRUTH.false;
    };
  }
  return (ctx) => {
    const left = readFact(ctx);
    const result = test(left, value);
    if (!presence && !isAnsweredValue(left)) return TRUTH.unknown;
    return result ? TRUTH.true : TRUTH.false;
  };
}

function compileNode(
  node: unknown,
  pointer: string,
  knownFields: ReadonlySet<string>,
): CompiledCondition {
  if (!isObject(node)) throw new Refused(pointer, 'a condition must be an object');
  if (Array.isArray(node['all']) || Array.isArray(node['any'])) {
    const isAll = Array.isArray(node['all']);
    const key = isAll ? 'all' : 'any';
    const parts = (node[key] as unknown[]).map((c, i) =>
      compileNode(c, `${pointer}/${key}/${i}`, knownFields),
    );
    // Every part is evaluated, as the engine does without priorities (so a part that throws
    // makes the whole unit fail in both), then combined in Kleene logic as `truthOf` does.
    const decisive = isAll ? TRUTH.false : TRUTH.true;
    const otherwise = isAll ? TRUTH.true : TRUTH.false;
    return (ctx) => {
      let unknown = false;
      let decided = false;
      for (const part of parts) {
        const t = part(ctx);
        if (t === decisive) decided = true;
        else if (t === TRUTH.unknown) unknown = true;
      }
      return decided ? decisive : unknown ? TRUTH.unknown : otherwise;
    };
  }
  if (Object.hasOwn(node, 'not')) {
    const inner = compileNode(node['not'], `${pointer}/not`, knownFields);
    return (ctx) => {
      const t = inner(ctx);
      return t === TRUTH.unknown ? t : t === TRUTH.true ? TRUTH.false : TRUTH.true;
    };
  }
  if (typeof node['fact'] === 'string' || Object.hasOwn(node, 'operator'))
    return compileLeaf(node, pointer, knownFields);
  throw new Refused(pointer, 'expected "all", "any", "not" or a fact condition');
}

/**
 * Compiles conditions as `analyseConditions` gives them for the engine (`engineConditions`;
 * named conditions already inlined, values defaulted). `knownFields`: the field facts the engine
 * would have registered (paths as written in the conditions, present in the form).
 */
export function compileConditions(
  engineConditions: unknown,
  knownFields: ReadonlySet<string>,
): CompileOutcome {
  try {
    return { ok: true, evaluate: compileNode(engineConditions, '', knownFields) };
  } catch (err) {
    if (err instanceof Refused)
      return { ok: false, refusal: { pointer: err.pointer, reason: err.reason } };
    throw err;
  }
}
