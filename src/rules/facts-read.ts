/**
 * The one walk over rule conditions that says which facts they read: a leaf's `fact`, and a
 * `value` that is another fact (`{ "fact": "mother.birthDate" }`), through `all`, `any`, `not`
 * and named conditions (format 1.1, each name followed once: lint refuses cycles). Two users ask
 * it: the page planner (src/session/journey.ts, which questions an eligibility rule reads, a
 * derived fact's string parameters included) and the json-rules-engine path (index.ts, which
 * field facts to register). Kept free of the rest of src/rules: the planner is in the core of
 * the one-file bundle.
 */
import type { ConditionNode, Conditions, Procedure } from '../procedure/types.js';

/** Calls `read` with each fact `node` reads and its `params`, depth first. */
export function readFacts(
  node: ConditionNode | Conditions,
  read: (fact: string, params?: Record<string, unknown>) => void,
  named?: Procedure['conditions'],
  seen = new Set<string>(),
): void {
  const next = (n: ConditionNode | Conditions) => readFacts(n, read, named, seen);
  if ('all' in node) node.all.forEach(next);
  else if ('any' in node) node.any.forEach(next);
  else if ('not' in node) next(node.not);
  else if ('condition' in node) {
    const target = named?.[node.condition];
    if (target && !seen.has(node.condition)) next((seen.add(node.condition), target));
  } else if ('fact' in node) {
    read(node.fact, node.params);
    const v = node.value as { fact?: unknown; params?: Record<string, unknown> } | undefined;
    if (typeof v?.fact === 'string') read(v.fact, v.params);
  }
}
