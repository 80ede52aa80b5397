/**
 * Lint of format 1.1 named conditions: a reference must name a condition of the top-level
 * `conditions` (`unknown-condition`, with the closest name), and named conditions must not refer
 * to each other in a loop (`condition-cycle`), which would leave a rule undecidable for ever.
 */
import { escapePointerToken } from '../json/parse.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { closest } from './suggest.js';
import { CONDITION_REF } from './vocabulary.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The procedure's named conditions (empty when it has none). */
export function namedConditions(procedure: Obj): Obj {
  const named = procedure['conditions'];
  return isObject(named) ? named : {};
}

/** The named condition referenced by `node` (`{ "condition": name }`), when it is a reference. */
export function conditionRef(node: Obj): unknown {
  return Object.prototype.hasOwnProperty.call(node, CONDITION_REF)
    ? node[CONDITION_REF]
    : undefined;
}

/** Reports a reference (at `pointer`, the `condition` member) to a name that does not exist. */
export function checkConditionRef(
  name: unknown,
  pointer: string,
  named: Obj,
  problems: ProblemList,
): void {
  if (typeof name !== 'string' || Object.hasOwn(named, name)) return;
  problems.add(
    C.unknownCondition,
    pointer,
    localized('unknownCondition', { name, suggestion: closest(name, Object.keys(named)) }),
  );
}

/** The names a conditions tree refers to. */
function refsOf(node: unknown, out: string[] = [], depth = 0): string[] {
  if (!isObject(node) || depth > 64) return out;
  const ref = conditionRef(node);
  if (typeof ref === 'string') out.push(ref);
  for (const k of ['all', 'any'])
    if (Array.isArray(node[k])) for (const c of node[k] as unknown[]) refsOf(c, out, depth + 1);
  if (node['not'] !== undefined) refsOf(node['not'], out, depth + 1);
  return out;
}

/** Reports each loop of named conditions once, at the first name of the loop. */
export function checkConditionCycles(named: Obj, problems: ProblemList): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const loop = [...stack.slice(stack.indexOf(name)), name];
      problems.add(
        C.conditionCycle,
        `/conditions/${escapePointerToken(loop[0]!)}`,
        localized('conditionCycle', { loop: loop.join(' → ') }),
        { at: 'key' },
      );
      return;
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const ref of refsOf(named[name])) if (Object.hasOwn(named, ref)) visit(ref);
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of Object.keys(named)) visit(name);
}
