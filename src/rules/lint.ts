/**
 * Authoring-time checks that need the rules' meaning, not just their shape (the loader checks the
 * shape, facts and operators). For now one check: a `require` rule whose target can never be
 * visible while the rule holds, because its conditions contradict every `show` rule of the target
 * (or of a group containing it). Hidden wins, so such a field is never required — almost always an
 * authoring mistake ("required but never shown").
 *
 * Contradictions are found between the atoms each condition needs (the leaves under nested `all`
 * and single-child `any`): same fact and params, and values no answer can satisfy together
 * (`equal "a"` vs `equal "b"`, `isAnswered` vs `isNotAnswered`, `lessThan 18` vs
 * `greaterThanInclusive 18`, …). It is sound, not complete: no warning means no proof.
 */
import type { AuthorProblem } from '../problem.js';
import type { Procedure, Rule } from '../procedure/types.js';
import { RULE_KIND } from '../procedure/types.js';
import { RULE_PROBLEM, ruleProblemMessage } from './messages.js';
import { isWithin, pathKey } from './paths.js';

export type RuleLint = Omit<AuthorProblem, 'line' | 'column'>;

interface Atom {
  fact: string;
  operator: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Leaves that must all hold for `node` to hold. */
function atoms(node: unknown, depth = 0): Atom[] {
  if (!isObject(node) || depth > 32) return [];
  if (Array.isArray(node['all'])) return node['all'].flatMap((c) => atoms(c, depth + 1));
  if (Array.isArray(node['any']))
    return node['any'].length === 1 ? atoms(node['any'][0], depth + 1) : [];
  if (typeof node['fact'] !== 'string' || typeof node['operator'] !== 'string') return [];
  if (isObject(node['value']) && 'fact' in node['value']) return [];
  const params = isObject(node['params']) ? JSON.stringify(node['params']) : '';
  const path = typeof node['path'] === 'string' ? node['path'] : '';
  return [
    {
      fact: `${node['fact']}\u0000${params}\u0000${path}`,
      operator: node['operator'],
      value: node['value'],
    },
  ];
}

/** The set of values an atom allows, as a predicate over a candidate answer. */
function allows(a: Atom, v: unknown): boolean {
  const n = typeof v === 'number' ? v : NaN;
  switch (a.operator) {
    case 'equal':
      return v === a.value;
    case 'notEqual':
      return v !== a.value;
    case 'in':
      return Array.isArray(a.value) && a.value.includes(v);
    case 'notIn':
      return !(Array.isArray(a.value) && a.value.includes(v));
    case 'lessThan':
      return typeof a.value === 'number' && n < a.value;
    case 'lessThanInclusive':
      return typeof a.value === 'number' && n <= a.value;
    case 'greaterThan':
      return typeof a.value === 'number' && n > a.value;
    case 'greaterThanInclusive':
      return typeof a.value === 'number' && n >= a.value;
    case 'isAnswered':
      return v !== undefined;
    case 'isNotAnswered':
      return v === undefined;
    default:
      return true;
  }
}

/**
 * Whether no value satisfies both atoms. The candidates are the values either atom mentions and
 * the numbers next to its bounds: enough to find a witness for every pair of these operators.
 */
function contradict(a: Atom, b: Atom): boolean {
  if (a.fact !== b.fact) return false;
  const known = new Set([
    'equal',
    'notEqual',
    'in',
    'notIn',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'isAnswered',
    'isNotAnswered',
  ]);
  if (!known.has(a.operator) || !known.has(b.operator)) return false;
  const candidates: unknown[] = [undefined, 'dvc-other-value'];
  for (const x of [a.value, b.value]) {
    if (Array.isArray(x)) candidates.push(...x);
    else candidates.push(x);
    if (typeof x === 'number') candidates.push(x - 1, x - 0.5, x + 0.5, x + 1);
  }
  const nums = candidates.filter((c): c is number => typeof c === 'number');
  for (const x of nums) for (const y of nums) candidates.push((x + y) / 2);
  return !candidates.some((v) => allows(a, v) && allows(b, v));
}

const contradicts = (x: unknown, y: unknown): boolean => {
  const ax = atoms(x);
  const ay = atoms(y);
  return ax.some((a) => ay.some((b) => contradict(a, b)));
};

export function lintRules(procedure: Procedure): RuleLint[] {
  const out: RuleLint[] = [];
  const rules: Rule[] = Array.isArray(procedure.rules) ? procedure.rules : [];
  const shows = rules.filter((r) => r?.kind === RULE_KIND.show);
  rules.forEach((rule, i) => {
    if (rule?.kind !== RULE_KIND.require) return;
    const check = (target: string, pointer: string, isDoc: boolean): void => {
      // Every show-target group containing the field must be visible; one that only the
      // contradicting rules show keeps the field hidden whenever the require rule holds.
      const key = isDoc ? target : pathKey(target);
      const groups = new Map<string, Rule[]>();
      for (const s of shows) {
        const targets = isDoc
          ? (s.targets?.documents ?? [])
          : (s.targets?.fields ?? []).map(pathKey);
        for (const t of targets)
          if (isDoc ? t === key : isWithin(key, t)) groups.set(t, [...(groups.get(t) ?? []), s]);
      }
      for (const list of groups.values()) {
        if (list.every((s) => contradicts(rule.conditions, s.conditions))) {
          out.push({
            code: RULE_PROBLEM.contradictoryRequire,
            severity: 'warning',
            pointer,
            message: ruleProblemMessage(RULE_PROBLEM.contradictoryRequire, {
              unit: rule.id,
              target,
            }),
          });
          return;
        }
      }
    };
    (rule.targets?.fields ?? []).forEach((f, j) =>
      check(f, `/rules/${i}/targets/fields/${j}`, false),
    );
    (rule.targets?.documents ?? []).forEach((d, j) =>
      check(d, `/rules/${i}/targets/documents/${j}`, true),
    );
  });
  return out;
}
