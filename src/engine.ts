/**
 * `dvc-forms/engine`: procedure loading, validation, rules, canonical JSON and signing.
 * No DOM: runs in browsers, Node 20 and any runtime with WebCrypto.
 */
export * from './procedure/types.js';
export * from './procedure/index.js';
export * from './errors.js';
export type { Problem, AuthorProblem } from './problem.js';
export * from './validation/index.js';
export {
  createRules,
  ELIGIBILITY_STATUS,
  RULE_PROBLEM,
  validationOptions,
  withoutHidden,
  lintRules,
} from './rules/index.js';
export type {
  EligibilityStatus,
  EligibilityReason,
  RulesResult,
  RulesOptions,
  RulesSession,
  RuleProblem,
  RuleProblemCode,
  TargetLists,
  EvaluationStats,
  FeeResult,
  FeeLine,
  FeeReductionLine,
} from './rules/index.js';
export * from './jcs/index.js';
export * from './signing/index.js';
export * from './submission/index.js';
export type { PlatformCryptoKey, PlatformCryptoKeyPair, JsonWebKeyLike } from './platform.js';
export * from './dossier/index.js';
export * from './calendar/index.js';
export * from './payment/index.js';
export * from './delivery/index.js';
export * from './supplement/index.js';
export * from './first-page/index.js';
