/**
 * Conditions as data: a static check (so a broken rule is caught before it runs), the field paths
 * a condition reads (its dependencies), and three-valued evaluation of json-rules-engine results.
 */
import type { Conditions } from '../procedure/types.js';
import {
  DATE_PARAMS,
  DERIVED_FACTS,
  DERIVED_FACT_OPTIONAL_PARAMS,
  DERIVED_FACT_PARAMS,
  NUMBER_PARAMS,
  CONDITION_REF,
  OPERATORS,
  TODAY_WORD,
} from '../procedure/vocabulary.js';
import type { DerivedFact } from '../procedure/vocabulary.js';
import { isAnsweredValue, pathKey } from './paths.js';
import { RULE_PROBLEM, type RuleProblemCode } from './messages.js';

/** Nesting deeper than this is refused: author text must not be able to overflow the stack. */
export const MAX_CONDITION_DEPTH = 32;

/** Date parameters (`daysBetween`, `monthsBetween`, `date`…) accept this word instead of a field path. */
export const TODAY_PARAM = TODAY_WORD;

export const PRESENCE_OPERATORS: ReadonlySet<string> = new Set(['isAnswered', 'isNotAnswered']);
const KNOWN_OPERATORS: ReadonlySet<string> = new Set(OPERATORS);

export interface ConditionIssue {
  code: RuleProblemCode;
  /** JSON pointer relative to the conditions object. */
  pointer: string;
  params: Record<string, string>;
}

export interface AnalysedConditions {
  /** The conditions json-rules-engine runs (priorities removed, presence values defaulted). */
  engineConditions: Record<string, unknown> | undefined;
  /** Canonical keys of the fields read. */
  dependencies: Set<string>;
  /** Whether `today` is read (directly or through ageInYears/daysBetween). */
  readsToday: boolean;
  issues: ConditionIssue[];
}

const isDerived = (fact: string): fact is DerivedFact =>
  Object.prototype.hasOwnProperty.call(DERIVED_FACTS, fact);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks `conditions` against the vocabulary and the form's fields (`knownKeys`, canonical) and
 * rewrites them for the engine. Any issue makes the whole condition undecidable at run time.
 */
export function analyseConditions(
  conditions: unknown,
  knownKeys: ReadonlySet<string>,
  /** The procedure's named conditions (format 1.1), inlined where `{"condition": name}` is. */
  named: Readonly<Record<string, unknown>> = {},
): AnalysedConditions {
  const expanding: string[] = [];
  const dependencies = new Set<string>();
  const issues: ConditionIssue[] = [];
  let readsToday = false;
  const malformed = (pointer: string, detail: string): void => {
    issues.push({ code: RULE_PROBLEM.malformed, pointer, params: { detail } });
  };
  const fieldRef = (fact: string, pointer: string): void => {
    const key = pathKey(fact);
    if (!knownKeys.has(key))
      issues.push({ code: RULE_PROBLEM.unknownFact, pointer, params: { fact } });
    else dependencies.add(key);
  };

  // A derived fact's parameters: required ones present, date ones a field or "today", the
  // day/month/year shifts whole numbers; every field read is a dependency.
  const derivedRef = (fact: DerivedFact, params: unknown, pointer: string): void => {
    if (fact !== DERIVED_FACTS.count) readsToday = true;
    const given = isObject(params) ? params : {};
    const bad = (name: string) =>
      issues.push({
        code: RULE_PROBLEM.badParams,
        pointer: `${pointer}/params/${name}`,
        params: { fact, param: name },
      });
    const names = [...DERIVED_FACT_PARAMS[fact], ...DERIVED_FACT_OPTIONAL_PARAMS[fact]];
    for (const name of names) {
      const v = given[name];
      const required = DERIVED_FACT_PARAMS[fact].includes(name);
      if (v === undefined && !required) continue;
      if (NUMBER_PARAMS.has(name)) {
        if (!Number.isInteger(v) || Math.abs(v as number) > 100_000) bad(name);
        continue;
      }
      if (DATE_PARAMS[fact].includes(name) && v === TODAY_PARAM) continue;
      if (typeof v !== 'string' || !knownKeys.has(pathKey(v))) bad(name);
      else dependencies.add(pathKey(v));
    }
  };

  const visitBoolean = (
    node: Record<string, unknown>,
    pointer: string,
    depth: number,
  ): Record<string, unknown> | undefined => {
    if (depth > MAX_CONDITION_DEPTH) {
      malformed(pointer, `nested more than ${MAX_CONDITION_DEPTH} levels`);
      return undefined;
    }
    const kinds = ['all', 'any', 'not'].filter((k) =>
      Object.prototype.hasOwnProperty.call(node, k),
    );
    if (kinds.length !== 1) {
      malformed(pointer, 'expected exactly one of "all", "any", "not"');
      return undefined;
    }
    const kind = kinds[0]!;
    const body = node[kind];
    const out: Record<string, unknown> = {};
    if (typeof node['name'] === 'string') out['name'] = node['name'];
    if (kind === 'not') {
      if (!isObject(body)) {
        malformed(`${pointer}/not`, '"not" must hold one condition');
        return undefined;
      }
      const inner = visitNode(body, `${pointer}/not`, depth + 1);
      if (!inner) return undefined;
      out['not'] = inner;
      return out;
    }
    if (!Array.isArray(body)) {
      malformed(`${pointer}/${kind}`, `"${kind}" must be a list of conditions`);
      return undefined;
    }
    const children: Record<string, unknown>[] = [];
    body.forEach((child, i) => {
      const c = isObject(child)
        ? visitNode(child, `${pointer}/${kind}/${i}`, depth + 1)
        : undefined;
      if (!isObject(child)) malformed(`${pointer}/${kind}/${i}`, 'a condition must be an object');
      if (c) children.push(c);
    });
    out[kind] = children;
    return out;
  };

  const visitNode = (
    node: Record<string, unknown>,
    pointer: string,
    depth: number,
  ): Record<string, unknown> | undefined => {
    if (['all', 'any', 'not'].some((k) => Object.prototype.hasOwnProperty.call(node, k)))
      return visitBoolean(node, pointer, depth);
    if (Object.prototype.hasOwnProperty.call(node, CONDITION_REF))
      return visitRef(node[CONDITION_REF], `${pointer}/${CONDITION_REF}`, depth);
    return visitLeaf(node, pointer);
  };

  // A named condition is inlined: its facts become this unit's dependencies, so it runs again
  // exactly when they change, and a loop of names is refused rather than followed for ever.
  const visitRef = (
    name: unknown,
    pointer: string,
    depth: number,
  ): Record<string, unknown> | undefined => {
    const body = typeof name === 'string' && Object.hasOwn(named, name) ? named[name] : undefined;
    if (typeof name !== 'string' || !isObject(body)) {
      malformed(pointer, `there is no named condition "${String(name)}"`);
      return undefined;
    }
    if (expanding.includes(name)) {
      malformed(pointer, `the named conditions ${[...expanding, name].join(' → ')} form a loop`);
      return undefined;
    }
    expanding.push(name);
    try {
      return visitBoolean(body, pointer, depth + 1);
    } finally {
      expanding.pop();
    }
  };

  const visitLeaf = (
    node: Record<string, unknown>,
    pointer: string,
  ): Record<string, unknown> | undefined => {
    const { fact, operator, params, path } = node;
    if (typeof fact !== 'string' || fact === '') {
      malformed(`${pointer}/fact`, 'a condition needs a "fact"');
      return undefined;
    }
    if (typeof operator !== 'string' || !KNOWN_OPERATORS.has(operator)) {
      if (typeof operator !== 'string')
        malformed(`${pointer}/operator`, 'a condition needs an "operator"');
      else
        issues.push({
          code: RULE_PROBLEM.unknownOperator,
          pointer: `${pointer}/operator`,
          params: { operator },
        });
      return undefined;
    }
    const hasValue = Object.prototype.hasOwnProperty.call(node, 'value');
    if (!hasValue && !PRESENCE_OPERATORS.has(operator)) {
      malformed(`${pointer}/value`, 'a condition needs a "value"');
      return undefined;
    }
    if (params !== undefined && !isObject(params)) {
      malformed(`${pointer}/params`, '"params" must be an object');
      return undefined;
    }
    if (path !== undefined && typeof path !== 'string') {
      malformed(`${pointer}/path`, '"path" must be a string');
      return undefined;
    }
    const before = issues.length;
    if (isDerived(fact)) derivedRef(fact, params, pointer);
    else fieldRef(fact, `${pointer}/fact`);
    let value = hasValue ? node['value'] : true;
    if (isObject(value) && typeof value['fact'] === 'string') {
      // json-rules-engine compares with another fact when the value is {"fact": ...}: a field,
      // or (format 1.1) a derived fact such as `today` or a shifted `date`.
      const ref = value['fact'];
      const refParams = value['params'];
      if (refParams !== undefined && !isObject(refParams)) {
        malformed(`${pointer}/value/params`, '"params" must be an object');
      } else if (isDerived(ref)) {
        derivedRef(ref, refParams, `${pointer}/value`);
        value = refParams ? { fact: ref, params: refParams } : { fact: ref };
      } else {
        fieldRef(ref, `${pointer}/value/fact`);
        value = { fact: ref };
      }
    }
    if (issues.length > before) return undefined;
    const out: Record<string, unknown> = { fact, operator, value };
    if (params) out['params'] = params;
    if (path) out['path'] = path;
    return out;
  };

  let engineConditions: Record<string, unknown> | undefined;
  if (!isObject(conditions))
    malformed('', 'conditions must be an object with "all", "any" or "not"');
  else if (!['all', 'any', 'not'].some((k) => Object.prototype.hasOwnProperty.call(conditions, k)))
    malformed('', 'conditions must start with "all", "any" or "not"');
  else engineConditions = visitBoolean(conditions, '', 0);
  return {
    engineConditions: issues.length ? undefined : engineConditions,
    dependencies,
    readsToday,
    issues,
  };
}

/** Three-valued truth: a condition on a missing answer is neither true nor false. */
export const TRUTH = { true: 'true', false: 'false', unknown: 'unknown' } as const;
export type Truth = (typeof TRUTH)[keyof typeof TRUTH];

/**
 * Kleene logic over the result tree json-rules-engine returns (it evaluates every condition of a
 * level because we remove priorities): `all` is false if any part is false, `any` is true if any
 * part is true, otherwise a part on a missing answer makes the whole unknown.
 */
export function truthOf(node: unknown): Truth {
  if (!isObject(node)) return TRUTH.unknown;
  if (Array.isArray(node['all'])) {
    let unknown = false;
    for (const c of node['all']) {
      const t = truthOf(c);
      if (t === TRUTH.false) return TRUTH.false;
      if (t === TRUTH.unknown) unknown = true;
    }
    return unknown ? TRUTH.unknown : TRUTH.true;
  }
  if (Array.isArray(node['any'])) {
    let unknown = false;
    for (const c of node['any']) {
      const t = truthOf(c);
      if (t === TRUTH.true) return TRUTH.true;
      if (t === TRUTH.unknown) unknown = true;
    }
    return unknown ? TRUTH.unknown : TRUTH.false;
  }
  if (isObject(node['not'])) {
    const t = truthOf(node['not']);
    return t === TRUTH.unknown ? t : t === TRUTH.true ? TRUTH.false : TRUTH.true;
  }
  if (typeof node['result'] !== 'boolean') return TRUTH.unknown;
  if (!PRESENCE_OPERATORS.has(String(node['operator']))) {
    if (!isAnsweredValue(node['factResult'])) return TRUTH.unknown;
    const v = node['value'];
    if (isObject(v) && typeof v['fact'] === 'string' && !isAnsweredValue(node['valueResult']))
      return TRUTH.unknown;
  }
  return node['result'] ? TRUTH.true : TRUTH.false;
}

export type { Conditions };
