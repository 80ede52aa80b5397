// What the form, check and verify take from a rules result: the validator's options and the
// answers without hidden fields (moved out of index.ts, which builds the rules themselves).
import type { FieldPath } from '../procedure/types.js';
import type { RulesResult } from './index.js';
import { pathKey, withoutPaths } from './paths.js';

/**
 * The options `Validator.validate` takes from a rules result: hidden fields are dropped before
 * validation (never "hidden but still required"), rule-required fields are validated as required
 * (already without hidden ones: never "required but never shown").
 */
export function validationOptions(result: RulesResult): {
  hidden: FieldPath[];
  required: FieldPath[];
} {
  return { hidden: result.hidden.fields, required: result.required.fields };
}

/** The answers without hidden fields: what is validated, shown on the review page and submitted. */
export function withoutHidden(
  answers: Record<string, unknown>,
  result: RulesResult,
): Record<string, unknown> {
  return withoutPaths(answers, [...new Set(result.hidden.fields.map(pathKey))]);
}
