/**
 * `Session`: one applicant's answers over a `ProcedureModel`, and the one place where the rules,
 * validation, documents and the payload are decided. The browser form, `dvc-forms check`,
 * `dvc-forms test` and `verifySubmission` all call `check()`, so they cannot disagree.
 *
 * The order is fixed and the same everywhere:
 * 1. the answers are normalised (src/validation/normalize.ts), exactly as they will be signed;
 * 2. the rules run on them without the fields the rules hide, again until the hidden set no longer
 *    changes (a rule must not read an answer the server will never receive, see `evaluate`);
 * 3. validation runs with the hidden and rule-required fields, every schema-required object that
 *    holds questions present (so a missing page reports its questions, not its object);
 * 4. the documents are checked with src/files `checkDocument`, the function the upload uses.
 */
import { checkDocument, FILE_PROBLEM, type FileProblemCode } from '../files/index.js';
import { DvcError, ERROR_CODE } from '../errors.js';
import type { Problem } from '../problem.js';
import { isUploadedDocument, type Lang } from '../procedure/types.js';
import type { DeliveryChoice } from '../delivery/index.js';
import {
  ELIGIBILITY_STATUS,
  type EvaluationStats,
  type FeeResult,
  type RuleProblem,
  type RulesResult,
  type RulesSession,
  type TargetLists,
} from '../rules/index.js';
import {
  buildSubmissionPayload,
  type PayloadAssistance,
  type PayloadDocument,
  type SubmissionPayload,
} from '../submission/index.js';
import { normalizeAnswers } from '../validation/index.js';
import { getAt, isWithinPath, pathKey, pointerToFieldPath, removeAll } from './field-path.js';
import { answeredOnly, setAnswer } from './answered-items.js';
import { answersWithOnly } from './field-validation.js';
import { withRequiredParents } from './schema-reading.js';
import { withFieldChecks } from './field-checks.js';
import { withAuthorMessages } from './field-messages.js';
import type { ProcedureModel } from './model.js';

export const DOCUMENT_PROBLEM = {
  ...FILE_PROBLEM,
  /** A file for a slot the procedure does not have. */
  unknownSlot: 'document-unknown-slot',
  /** A required document without a file. */
  missing: 'document-missing',
} as const;
export type DocumentProblemCode = (typeof DOCUMENT_PROBLEM)[keyof typeof DOCUMENT_PROBLEM];

/** A problem with the documents, as data. `index` is the file's position in the payload list. */
export interface DocumentProblem {
  code: DocumentProblemCode | FileProblemCode;
  slot: string;
  /** Position of the file in the documents list; absent for a missing document. */
  index?: number;
  params: Record<string, unknown>;
}

export interface DocumentsState {
  /** Document slots the rules do not hide, in procedure order. */
  visible: string[];
  hidden: string[];
  /** Slots that need a file now (`required: true` or a `require` rule), visible ones only. */
  required: string[];
  problems: DocumentProblem[];
}

/** Everything the form shows and the server checks, for the current answers. */
export interface SessionState {
  eligibility: RulesResult['eligibility'];
  visible: TargetLists;
  hidden: TargetLists;
  required: TargetLists;
  documents: DocumentsState;
  fee: FeeResult;
  /** Validation problems of the answers, in the session's language. */
  problems: Problem[];
  /** The normalised answers without hidden fields: what the review shows and the payload signs. */
  normalised: Record<string, unknown>;
  /** Rules that could not be evaluated (for authors and logs). */
  ruleProblems: RuleProblem[];
  /** Format 1.2: the questions whose `copyFrom` `when` holds now (RulesResult.copyOffers). */
  copyOffers?: string[];
  /**
   * Submittable: no answer problem, no document problem, and eligible — an eligibility that
   * cannot be decided yet is refused by the server (`eligibility-unknown`), so not here either.
   */
  valid: boolean;
}

export interface SessionOptions {
  /** Today as `YYYY-MM-DD` for the rules; the current date in Vietnam when absent. */
  today?: string;
  /** Language of the problems' messages (Vietnamese by default). */
  lang?: Lang;
  /**
   * The answers to start from, kept as given: a server checks exactly what it received, and
   * refuses a `null` the form never sends. A form loads answers with `replace`.
   */
  answers?: Record<string, unknown>;
  /** The files attached so far. */
  documents?: readonly PayloadDocument[];
  /** Run-time rule failures; quiet by default (they are in `state.ruleProblems`). */
  onRuleProblem?: (problem: RuleProblem) => void;
  /**
   * The answers object is never changed in place (a server's parsed payload): the normalised copy
   * the rules run on is then also the one validated, instead of normalising the answers twice.
   */
  fixedAnswers?: boolean;
}

export interface ToPayloadInput {
  /** Lower-case hex SHA-256 of the procedure file as served. */
  procedureSha256: string;
  lang?: Lang;
  assistedBy?: string;
  /** With `assistedBy`: the applicant's and the helper's confirmations. */
  assistance?: PayloadAssistance;
  /** The result-delivery choice, normalised (src/delivery `normalizeDelivery`). */
  delivery?: DeliveryChoice;
  nonce?: string;
  now?: Date;
}

/**
 * How many times the rules run to settle which fields are hidden. Real procedures settle in one or
 * two; rules that keep switching each other (A hides B, B's absence hides A…) stop here, and the
 * last result stands on every side alike.
 */
const MAX_SETTLE_ROUNDS = 8;

export class Session {
  private current: Record<string, unknown>;
  private docs: PayloadDocument[];
  private lang: Lang;
  private readonly rules: RulesSession;
  /** Field keys changed since the rules last ran; `undefined`: everything. */
  private changed: Set<string> | undefined;
  /** What the rules last saw removed (their previous input lacked these). */
  private lastHidden: string[] = [];
  private rulesResult: RulesResult | undefined;
  private last: SessionState | undefined;
  /** Validation of `current` under the last rules result, reused until the answers change. */
  private validationCache:
    | {
        answers: unknown;
        lang: Lang;
        rules: RulesResult | undefined;
        problems: Problem[];
        value: Record<string, unknown>;
      }
    | undefined;
  private revision = 0;
  /** With `fixedAnswers`: the rules' normalised copy of `answers`, until validation takes it. */
  private normalisedCopy: { answers: unknown; value: Record<string, unknown> } | undefined;
  private readonly fixedAnswers: boolean;

  constructor(
    readonly model: ProcedureModel,
    options: SessionOptions = {},
  ) {
    this.current = options.answers ?? {};
    this.docs = [...(options.documents ?? [])];
    this.lang = options.lang ?? 'vi';
    this.fixedAnswers = options.fixedAnswers === true;
    this.rules = model.rules.createSession({
      ...(options.today ? { today: options.today } : {}),
      onProblem: options.onRuleProblem ?? (() => {}),
    });
  }

  /** The answers as set (not normalised). */
  get answers(): Record<string, unknown> {
    return this.current;
  }

  /** The documents attached. */
  get documents(): readonly PayloadDocument[] {
    return this.docs;
  }

  /** The state of the last `check()`, if any. */
  get state(): SessionState | undefined {
    return this.last;
  }

  /** What the last rules evaluation ran and reused (tests and the benchmark). */
  get lastEvaluation(): EvaluationStats {
    return this.stats;
  }

  private stats: EvaluationStats = { evaluated: [], reused: [] };

  /** Changes on every `set`, `replace` and `setDocuments`: a cheap "anything new?" test. */
  get version(): number {
    return this.revision;
  }

  /**
   * Sets the answer at `path`, or removes it when the value is not an answer (FieldPath's one
   * rule); in a list of items (a repeat group), each item's members that are not answers are
   * left out the same way (answered-items.ts `setAnswer`). Only the rules reading `path` run
   * again on the next `check()`.
   */
  set(path: string, value: unknown): void {
    const next = setAnswer(this.current, path, value);
    if (next === this.current) return;
    this.current = next;
    this.changed?.add(pathKey(path));
    this.revision++;
  }

  /** The answer at `path` as set. */
  get(path: string): unknown {
    return getAt(this.current, path);
  }

  /**
   * Replaces every answer (a restored draft, one carried over from another version, another
   * tab's change): every rule runs again. Each question is taken as `set` takes it
   * (answered-items.ts `answeredOnly`): a draft saved before an emptied field became absent,
   * holding `null` in an item, loads without the problem the person could not see.
   */
  replace(answers: Record<string, unknown>): void {
    this.current = answeredOnly(answers, this.model.fields.keys());
    this.changed = undefined;
    this.revision++;
  }

  /** The files attached now (each slot's files in order). */
  setDocuments(documents: readonly PayloadDocument[]): void {
    this.docs = [...documents];
    this.revision++;
  }

  /** The language of the messages of the next `check()` / `problemsFor()`. */
  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /**
   * Decides everything for the current answers and documents. Calls run one after the other (the
   * rules reuse their previous outcome), each on the answers as they are when it starts.
   */
  check(): Promise<SessionState> {
    const run = this.queue.then(() => this.checkNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async checkNow(): Promise<SessionState> {
    const answers = this.current;
    const lang = this.lang;
    const rules = await this.evaluate(answers);
    const documents = this.checkDocuments(rules);
    const eligible = rules.eligibility.status === ELIGIBILITY_STATUS.eligible;
    // Validating every answer waits until something reads the problems (Continue, Submit, the
    // CLI, verify): the form re-decides on every change, and a change needs only the rules.
    let validation: { problems: Problem[]; value: Record<string, unknown> } | undefined;
    const validated = () => (validation ??= this.validate(answers, rules, lang));
    const state = {
      eligibility: rules.eligibility,
      visible: rules.visible,
      hidden: rules.hidden,
      required: rules.required,
      documents,
      fee: rules.fee,
      ruleProblems: rules.problems,
      ...(rules.copyOffers ? { copyOffers: rules.copyOffers } : {}),
    } as SessionState;
    Object.defineProperties(state, {
      problems: { enumerable: true, get: () => validated().problems },
      normalised: { enumerable: true, get: () => validated().value },
      valid: {
        enumerable: true,
        get: () => validated().problems.length === 0 && documents.problems.length === 0 && eligible,
      },
    });
    this.last = state;
    return state;
  }

  /**
   * The problems of one field (its own value and everything inside it), under the rules as last
   * evaluated. A question whose problems depend on its own answer alone is validated alone: the
   * answers reduced to it (field-validation.ts), so leaving a field does not validate every
   * answer. Any other path is read from the whole answers' validation (done at most once per
   * change, whichever fields ask).
   */
  problemsFor(path: string): Problem[] {
    const within = (p: Problem) => isWithinPath(pointerToFieldPath(p.path), path);
    if (!this.model.standsAlone(path)) return this.validation().problems.filter(within);
    const rules = this.rulesResult;
    const hidden = rules ? rules.hidden.fields : [];
    // Hidden itself or inside a hidden object: not asked, so no problem.
    if (hidden.some((h) => isWithinPath(path, h))) return [];
    const cached = this.validationCache;
    if (
      cached &&
      cached.answers === this.current &&
      cached.rules === rules &&
      cached.lang === this.lang
    )
      return cached.problems.filter(within);
    const { procedure, validator, parents } = this.model;
    const answers = withRequiredParents(procedure.data, this.current, parents);
    const result = validator.validate(answersWithOnly(answers, path), {
      lang: this.lang,
      hidden: hidden.filter((h) => isWithinPath(h, path)),
      required: rules ? rules.required.fields.filter((r) => isWithinPath(r, path)) : [],
      within: path,
    });
    // The same wording and cross-field checks as the whole validation (validate() below): the
    // author's messages replace the built-in ones, and a failed `check` rule (decided over all
    // the answers by the rules) lands at its field.
    return this.finishProblems(result.problems, rules).filter(within);
  }

  /**
   * Every problem of the current answers and their normalised form, under the rules as last
   * evaluated (`check()`), in the current language; computed at most once per change.
   */
  validation(): { problems: Problem[]; value: Record<string, unknown> } {
    return this.validate(this.current, this.rulesResult);
  }

  /**
   * The signed payload's content for the last `check()`: the normalised answers, the documents
   * of visible slots, the fee and the eligibility. Throws DvcError `invalid-argument` when an
   * input cannot be signed faithfully (see buildSubmissionPayload).
   */
  toPayload(input: ToPayloadInput): SubmissionPayload {
    const state = this.last;
    const rules = this.rulesResult;
    if (!state || !rules)
      throw new DvcError(ERROR_CODE.invalidArgument, 'Session.toPayload needs a check() first.');
    return buildSubmissionPayload({
      procedure: this.model.procedure,
      procedureSha256: input.procedureSha256,
      answers: state.normalised,
      rules,
      documents: this.docs,
      lang: input.lang ?? this.lang,
      ...(input.assistedBy ? { assistedBy: input.assistedBy } : {}),
      ...(input.assistedBy && input.assistance ? { assistance: input.assistance } : {}),
      ...(input.delivery ? { delivery: input.delivery } : {}),
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
      ...(input.now ? { now: input.now } : {}),
    });
  }

  /**
   * Runs the rules on the normalised answers without the fields they hide, until the hidden set
   * settles. Why: the server receives the answers without hidden fields, so a rule that read a
   * hidden answer in the browser would decide differently there. Always starting from nothing
   * hidden makes the outcome a function of the answers alone — the same in the form (whatever it
   * saw before), in `check` and in `verify` — and a payload's answers, already without them, give
   * the same hidden set on the server.
   */
  private async evaluate(answers: Record<string, unknown>): Promise<RulesResult> {
    // Answers that are not an object (a hostile payload, a wrong answers file) are validation's
    // to report; the rules see none.
    const isObject = answers !== null && typeof answers === 'object' && !Array.isArray(answers);
    const base = isObject ? normalizeAnswers(this.model.procedure, answers) : {};
    // The rules only read `base` (removeAll copies): validation may take it over afterwards.
    this.normalisedCopy = this.fixedAnswers && isObject ? { answers, value: base } : undefined;
    let hidden: string[] = [];
    // The rules last saw their input without `lastHidden`: those fields changed too.
    let changed: string[] | undefined = this.changed
      ? [...new Set([...this.changed, ...this.lastHidden.map(pathKey)])]
      : undefined;
    this.changed = new Set();
    let result!: RulesResult;
    const evaluated = new Set<string>();
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const input = hidden.length > 0 ? removeAll(base, hidden) : base;
      result = await this.rules.evaluate(input, changed);
      for (const unit of this.rules.lastEvaluation.evaluated) evaluated.add(unit);
      this.lastHidden = hidden;
      const next = [...result.hidden.fields];
      const diff = symmetricDifference(hidden, next);
      if (diff.length === 0) break;
      changed = diff.map(pathKey);
      hidden = next;
    }
    this.rulesResult = result;
    const all = [...this.rules.lastEvaluation.evaluated, ...this.rules.lastEvaluation.reused];
    this.stats = { evaluated: [...evaluated], reused: all.filter((u) => !evaluated.has(u)) };
    return result;
  }

  /** Format 1.1: the author's messages and the failed `check` rules joined to the validator's. */
  private finishProblems(problems: Problem[], rules: RulesResult | undefined): Problem[] {
    return withFieldChecks(
      withAuthorMessages(problems, this.model.procedure, this.lang),
      rules,
      this.lang,
    );
  }

  private validate(
    answers: Record<string, unknown>,
    rules: RulesResult | undefined,
    lang: Lang = this.lang,
  ): { problems: Problem[]; value: Record<string, unknown> } {
    const cached = this.validationCache;
    if (cached && cached.answers === answers && cached.rules === rules && cached.lang === lang)
      return cached;
    const { procedure, validator, parents } = this.model;
    const complete = withRequiredParents(procedure.data, answers, parents);
    // Normalised once: the rules' copy is exactly `normalizeAnswers(complete)` when no required
    // object had to be added (then `complete` is `answers` itself), and is used only once.
    const copy = this.normalisedCopy;
    const normalised =
      copy && copy.answers === answers && complete === answers ? copy.value : undefined;
    if (normalised) this.normalisedCopy = undefined;
    const result = validator.validate(complete, {
      lang,
      hidden: rules ? [...rules.hidden.fields] : [],
      required: rules ? [...rules.required.fields] : [],
      ...(normalised ? { normalised } : {}),
    });
    this.validationCache = {
      answers,
      lang,
      rules,
      // Format 1.1 cross-field checks join the validator's problems at their fields.
      problems: this.finishProblems(result.problems, rules),
      value: result.value,
    };
    return this.validationCache;
  }

  private checkDocuments(rules: RulesResult): DocumentsState {
    const specs = new Map(this.model.documents.map((d) => [d.id, d]));
    const hidden = new Set(rules.hidden.documents);
    const problems: DocumentProblem[] = [];
    // A slot the rules hide: its files stay with the form in case it comes back and are not sent
    // (toPayload leaves them out); a server finding one in a payload says so itself.
    const counts = new Map<string, number>();
    // `index` is the file's place in the payload's `documents`, which leaves hidden slots out.
    let index = -1;
    for (const doc of this.docs) {
      if (hidden.has(doc.slot)) continue;
      index++;
      const spec = specs.get(doc.slot);
      if (!spec) {
        problems.push({ code: DOCUMENT_PROBLEM.unknownSlot, slot: doc.slot, index, params: {} });
        continue;
      }
      counts.set(doc.slot, (counts.get(doc.slot) ?? 0) + 1);
      // (1.1) A document brought to the desk takes no file (and has no upload limits): counted
      // below as one too many.
      if (!isUploadedDocument(spec)) continue;
      const checked = checkDocument(spec, { name: doc.name, type: doc.type, size: doc.size });
      if (!checked.ok)
        problems.push({
          code: checked.problem.code,
          slot: doc.slot,
          index,
          params: { ...checked.problem.params, type: doc.type, size: doc.size },
        });
    }
    for (const [slot, count] of counts) {
      const spec = specs.get(slot)!;
      const max = isUploadedDocument(spec) ? spec.maxFiles : 0;
      if (count > max)
        problems.push({ code: DOCUMENT_PROBLEM.tooMany, slot, params: { count, max } });
    }
    const required = rules.required.documents.filter((id) => !hidden.has(id));
    for (const slot of required)
      if (!counts.has(slot) && specs.get(slot)?.atDesk !== true)
        problems.push({ code: DOCUMENT_PROBLEM.missing, slot, params: {} });
    return {
      visible: this.model.documents.map((d) => d.id).filter((id) => !hidden.has(id)),
      hidden: [...rules.hidden.documents],
      required,
      problems,
    };
  }
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...a.filter((x) => !sb.has(x)), ...b.filter((x) => !sa.has(x))];
}
