/**
 * The json-rules-engine side of `createRulesFactory` (index.ts): a unit's conditions as an
 * engine rule and one evaluation of it. index.ts imports this module dynamically, on the first
 * evaluation of a unit the compiled evaluator (compiled.ts) does not run, so a form page whose
 * rules are all compiled (the per-procedure artefact) never loads json-rules-engine (issue 22
 * point 1; docs/performance.md). The engine stays the reference semantics and the runtime path.
 */
import { Almanac, Engine, Fact, Rule as EngineRule } from 'json-rules-engine';
import { ANSWERS_FACT, registerFacts, TODAY_FACT } from './facts.js';

/** `Rule.evaluate` exists in json-rules-engine 7 (Engine.run calls it) but is not in its types. */
interface EvaluableRule {
  evaluate(almanac: Almanac): Promise<{ conditions?: unknown } | undefined>;
}

/** One unit's conditions as a json-rules-engine rule, bound to an engine holding its facts. */
export interface EngineUnit {
  rule: EvaluableRule;
  facts: Fact[];
}

let jsonPath: Promise<typeof import('jsonpath-plus')> | undefined;
/**
 * json-rules-engine's own `path` resolver (the same `JSONPath` call), with jsonpath-plus loaded
 * on first use: few conditions have a `path`, so the browser bundle keeps it out of its core
 * (rollup.config.mjs; docs/performance.md). The almanac awaits the promise it returns.
 */
const resolvePath = (value: object, path: string): Promise<unknown> => {
  jsonPath ??= import('jsonpath-plus');
  jsonPath.catch(() => (jsonPath = undefined));
  return jsonPath.then(({ JSONPath }) => JSONPath({ path, json: value, wrap: false }));
};

/** Builds the engine rule of one unit (throws what json-rules-engine throws on bad conditions). */
export function prepareEngineUnit(
  id: string,
  conditions: unknown,
  fieldFacts: readonly string[],
): EngineUnit {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  const facts = registerFacts(engine, [...fieldFacts]);
  const rule = new EngineRule({ conditions: conditions as never, event: { type: id }, name: id });
  engine.addRule(rule);
  return { rule: rule as unknown as EvaluableRule, facts };
}

/** The answers and today's date as the runtime facts of one evaluation. */
export const runFacts = (answers: unknown, today: string): Fact[] => [
  new Fact(ANSWERS_FACT, answers),
  new Fact(TODAY_FACT, today),
];

/**
 * What Engine.run does for one rule, minus its shared `status` (which makes concurrent runs of
 * one engine skip rules) and its events: a fresh almanac per run, the engine's facts, then this
 * run's answers and date. Resolves with the engine's condition result tree.
 */
export async function evaluateEngineUnit(
  unit: EngineUnit,
  facts: readonly Fact[],
): Promise<unknown> {
  const almanac = new Almanac({ allowUndefinedFacts: false, pathResolver: resolvePath });
  for (const f of unit.facts) almanac.addFact(f);
  for (const f of facts) almanac.addFact(f);
  const r = await unit.rule.evaluate(almanac);
  return r?.conditions;
}
