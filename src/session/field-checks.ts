/**
 * Cross-field checks (format 1.1 `check` rules) as answer problems: a failed check puts its
 * author's message at its field, beside the validator's problems, so the form shows it inline and
 * in the error summary, `check` prints it and verify refuses the payload — one list for all.
 */
import type { Problem } from '../problem.js';
import type { Lang } from '../procedure/types.js';
import type { RulesResult } from '../rules/index.js';
import { FEE_MESSAGES } from './fee-messages.js';
import { isWithinPath, parseFieldPath, pointerToFieldPath, toPointer } from './field-path.js';

/** The code of a failed `check` rule's problem; `params.rule` names the rule. */
export const FIELD_CHECK_PROBLEM = 'rule-check' as const;

/** The code of a refused fee (src/rules/fees.ts `tooLarge`); `params.item` names the fee item. */
export const FEE_TOO_LARGE_PROBLEM = 'fee-too-large' as const;

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
  const checks = rules?.checks ?? [];
  const tooLarge = rules?.fee.tooLarge;
  if (!checks.length && !tooLarge) return problems;
  const out = [...problems];
  // A refused fee blocks the form and verify alike, at the answer that made it too large (the
  // root when the item has no quantity field).
  if (tooLarge) {
    const field = tooLarge.quantityField;
    out.push({
      code: FEE_TOO_LARGE_PROBLEM,
      path: field === undefined ? '' : toPointer(parseFieldPath(field)),
      message: FEE_MESSAGES.feeTooLarge[lang] ?? FEE_MESSAGES.feeTooLarge.vi,
      params: { item: tooLarge.item, max: Number.MAX_SAFE_INTEGER },
    });
  }
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
