/**
 * The rules' data model: what a rules session decides (`RulesResult` and its parts), the session
 * and factory interfaces and their options, and each unit's static part. Kept apart from
 * index.ts, which builds the sessions; everything public is re-exported from there.
 */
import type { FieldPath, Lang, LocalizedText, Rule } from '../procedure/types.js';
import type { CompiledCondition } from './compiled.js';
import type { FeeResult } from './fees.js';
import type { RuleProblemCode } from './messages.js';

export const ELIGIBILITY_STATUS = {
  eligible: 'eligible',
  ineligible: 'ineligible',
  /** A condition needs an answer that is not given yet (or a rule is broken). */
  unknown: 'unknown',
} as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUS)[keyof typeof ELIGIBILITY_STATUS];

export interface EligibilityReason {
  rule: string;
  message: LocalizedText;
  remedy?: LocalizedText;
}

export interface TargetLists {
  fields: FieldPath[];
  documents: string[];
}

/** A rule that could not be evaluated; for authors and logs, never shown to citizens. */
export interface RuleProblem {
  code: RuleProblemCode;
  severity: 'error' | 'warning';
  /** The unit: `rule:<id>`, `fee:<id>`, `reduction:<id>` or (1.2) `copy:<question's field>`. */
  unit: string;
  /** JSON pointer into the procedure file. */
  pointer: string;
  message: Record<Lang, string>;
}

export interface RulesResult {
  eligibility: {
    status: EligibilityStatus;
    /** Every eligibility rule that definitely fails, in procedure order. */
    reasons: EligibilityReason[];
    /** Eligibility rules that cannot be decided yet (extension: which questions still matter). */
    undecided: string[];
  };
  visible: TargetLists;
  hidden: TargetLists;
  /**
   * `fields`: the fields a `require` rule makes required now (schema-required fields are left to
   * the schema). `documents`: every document required now — `required: true` or required by a
   * rule. Hidden fields and documents are never required.
   */
  required: TargetLists;
  fee: FeeResult;
  /** Broken rules (extension): static problems found by `createRules` and run-time failures. */
  problems: RuleProblem[];
  /**
   * Format 1.1: the `check` rules whose conditions definitely fail, each with its field (never a
   * hidden one) and the author's message, in procedure order. A check on unanswered questions is
   * undecided and not listed.
   */
  checks?: FieldCheckFailure[];
  /**
   * Format 1.2: the questions (their `field`) whose `copyFrom` has a `when` that holds now, so
   * the form may offer the copy; present when the procedure has such a `when`. A `when` on
   * unanswered questions is undecided and not listed: no offer.
   */
  copyOffers?: string[];
}

/** A failed `check` rule: the problem its author wrote, at its field. */
export interface FieldCheckFailure {
  rule: string;
  field: FieldPath;
  message: LocalizedText;
}

export interface RulesOptions {
  /** Today as `YYYY-MM-DD`; defaults to the current date in Asia/Ho_Chi_Minh at each evaluation. */
  today?: string;
  /** Called once per broken rule (extension); defaults to `console.warn` where there is one. */
  onProblem?: (problem: RuleProblem) => void;
}

export interface EvaluationStats {
  /** Units run by the last `evaluate`. */
  evaluated: string[];
  /** Units whose previous outcome was reused. */
  reused: string[];
}

export interface RulesSession {
  /**
   * Evaluates the rules. With `changed` (field paths or JSON pointers changed since the previous
   * call; `child` covers `child.birthDate`), only the units that read them run again.
   */
  evaluate(answers: Record<string, unknown>, changed?: FieldPath[]): Promise<RulesResult>;
  /** Problems found when the rules were prepared. */
  readonly problems: readonly RuleProblem[];
  /** What the last evaluation ran and reused (for tests and the benchmark). */
  readonly lastEvaluation: EvaluationStats;
  /** Each unit's dependencies (canonical field keys), e.g. `{ "rule:adult": ["applicant.birthDate"] }`. */
  dependencies(): Record<string, string[]>;
}

export type UnitKind = 'eligibility' | 'show' | 'require' | 'check' | 'fee' | 'reduction' | 'copy';

/** A unit's static part, shared by every session of a `RulesFactory`. */
export interface Unit {
  index: number;
  id: string;
  kind: UnitKind;
  pointer: string;
  rule?: Rule;
  deps: ReadonlySet<string>;
  readsToday: boolean;
  /**
   * The unit's conditions as json-rules-engine runs them, and the field facts they read (absent
   * when the conditions are broken). The engine rule itself is built on first need
   * (engine-units.ts, imported dynamically), never for a unit the compiled evaluator runs.
   */
  engine?: { conditions: unknown; fieldFacts: string[] };
  /** The same conditions compiled to plain synchronous code (compiled.ts), when asked for and possible. */
  fast?: CompiledCondition;
}

/** A unit the rules compiler left to json-rules-engine (compiled.ts), with where and why. */
export interface UncompiledUnit {
  unit: string;
  /** JSON pointer into the procedure file. */
  pointer: string;
  reason: string;
}

/** Options of one session made by a `RulesFactory`. */
export interface RulesSessionOptions {
  /** Today as `YYYY-MM-DD`; defaults to the current date in Asia/Ho_Chi_Minh at each evaluation. */
  today?: string;
  /** Called once per run-time rule failure; defaults to the factory's `onProblem`. */
  onProblem?: (problem: RuleProblem) => void;
}

/**
 * The rules of one procedure prepared once (field index, condition analysis, compiled
 * json-rules-engine rules), for callers that need many independent sessions — a server verifying
 * many payloads. Sessions share nothing mutable and may evaluate concurrently.
 */
export interface RulesFactory {
  /** Problems found when the rules were prepared (reported once, to the factory's `onProblem`). */
  readonly problems: readonly RuleProblem[];
  /** A fresh session, as `createRules` gives, without preparing the rules again. */
  createSession(options?: RulesSessionOptions): RulesSession;
  /**
   * With `compiled: true`: the units the compiler could not turn into plain code (each still
   * evaluated, by json-rules-engine). Empty otherwise.
   */
  readonly uncompiled: readonly UncompiledUnit[];
  /** Whether the units are evaluated by the compiled evaluator (`compiled: true`). */
  readonly compiled: boolean;
  /**
   * Every field path and document the show rules can hide, whatever the answers (what they hide
   * when none of them holds): the questions, and so the pages, that may come and go.
   */
  readonly mayHide: { readonly fields: readonly string[]; readonly documents: readonly string[] };
}

/** Options of `createRulesFactory`. */
export interface RulesFactoryOptions {
  onProblem?: (problem: RuleProblem) => void;
  /**
   * Evaluate the conditions with the compiled evaluator (compiled.ts) instead of json-rules-engine
   * — same results, synchronous, several times faster. Units it cannot compile stay on the engine
   * and are listed in `uncompiled`.
   */
  compiled?: boolean;
}
