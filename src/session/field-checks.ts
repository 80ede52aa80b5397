/**
 * Cross-field checks (format 1.1 `check` rules) as answer problems: a failed check puts its
 * author's message at its field, beside the validator's problems, so the form shows it inline and
 * in the error summary, `check` prints it and verify refuses the payload — one list for all.
 */
import type { Problem } from '../problem.js';
import type { Lang } from '../procedure/types.js';
import type { RulesResult } from '../rules/index.js';
import { isWithinPath, parseFieldPath, pointerToFieldPath, toPointer } from './field-path.js';

/** The code of a failed `check` rule's problem; `params.rule` names the rule. */
export const FIELD_CHECK_PROBLEM = 'rule-check' as const;

/**
 * `problems` plus one problem per failed check whose field has none yet: a field that is empty or
 * malformed shows that first (one message at a time, as GOV.UK advises); the check's follows
 * once it is fixed.
 */
export function withFieldChecks(
  problems: Problem[],
  rules: RulesResult | undefined,
  lang: Lang,
): Problem[] {
  const checks = rules?.checks;
  if (!checks?.length) return problems;
  const out = [...problems];
  const placed = new Set<string>();
  for (const check of checks) {
    if (placed.has(check.field)) continue;
    if (problems.some((p) => isWithinPath(pointerToFieldPath(p.path), check.field))) continue;
    placed.add(check.field);
    out.push({
      code: FIELD_CHECK_PROBLEM,
      path: toPointer(parseFieldPath(check.field)),
      message: (lang === 'en' && check.message.en) || check.message.vi,
      params: { rule: check.rule },
    });
  }
  return out;
}
