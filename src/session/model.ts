/**
 * `ProcedureModel`: what is known about a procedure once it is loaded, computed once and shared
 * by every session over it (a form's, each payload a server verifies, each CLI case): the field
 * index with the schema at each path, the widgets and options, the rules prepared with their
 * dependencies, the journey's steps, the documents and the fee items, and the validator.
 */
import type {
  DocumentSpec,
  FeeItem,
  FieldOption,
  FieldUi,
  JsonSchema,
  Procedure,
  Step,
  Widget,
} from '../procedure/types.js';
import { createRulesFactory, type RuleProblem, type RulesFactory } from '../rules/index.js';
import {
  createValidator,
  type CompiledProcedureModule,
  type Validator,
} from '../validation/index.js';
import { buildPages, orderSteps, parentPaths, type Page, type Visibility } from './journey.js';
import { schemaAt } from './schema-reading.js';
import { validatesAlone, type Linking } from './field-validation.js';
import { Session, type SessionOptions } from './session.js';

/** One question of the journey (a top-level `ui` field, a repeat group counting as one). */
export interface FieldEntry {
  /** The field path as the procedure writes it (`child.birthDate`). */
  path: string;
  ui: FieldUi;
  /** The step that asks it (after eligibility questions were moved first). */
  step: Step;
  widget: Widget;
  options: readonly FieldOption[];
  /** The schema of its answer (`$ref`s followed), when the data schema declares it. */
  schema: JsonSchema | undefined;
  /** The document it uploads, for `file` fields. */
  document: string | undefined;
}

export interface ProcedureModelOptions {
  /** The module `dvc-forms compile` wrote for this procedure (needed under a strict CSP). */
  compiled?: CompiledProcedureModule;
  /** Where problems found in the rules once go; `console.warn` by default, `() => {}` to mute. */
  onRuleProblem?: (problem: RuleProblem) => void;
  /**
   * Evaluate the rules with the compiled evaluator (src/rules/compiled.ts) rather than
   * json-rules-engine: same results, synchronous and faster. On by default with `compiled` (the
   * per-procedure artefact is the compiled path) and in verify.
   */
  compiledRules?: boolean;
}

export class ProcedureModel {
  /** The journey's steps in order: eligibility questions first (journey.ts). */
  readonly steps: readonly Step[];
  /** Every question by field path, in journey order. */
  readonly fields: ReadonlyMap<string, FieldEntry>;
  /** The objects that hold questions (`child` for `child.fullName`), shortest first. */
  readonly parents: readonly string[];
  readonly documents: readonly DocumentSpec[];
  readonly feeItems: readonly FeeItem[];
  /** The rules, prepared once; each session evaluates them incrementally. */
  readonly rules: RulesFactory;
  private dependenciesMemo?: Readonly<Record<string, string[]>>;
  /** `standsAlone`'s answers so far, and the object schemas' linking it has read. */
  private readonly aloneByPath = new Map<string, boolean>();
  private readonly linking = new Map<object, Linking>();

  private constructor(
    readonly procedure: Procedure,
    readonly validator: Validator,
    options: ProcedureModelOptions,
  ) {
    this.steps = orderSteps(procedure);
    const fields = new Map<string, FieldEntry>();
    for (const step of this.steps)
      for (const ui of step.fields)
        if (!fields.has(ui.field))
          fields.set(ui.field, {
            path: ui.field,
            ui,
            step,
            widget: ui.widget,
            options: ui.options ?? [],
            schema: ui.widget === 'file' ? undefined : schemaAt(procedure.data, ui.field),
            document: ui.widget === 'file' ? ui.document : undefined,
          });
    this.fields = fields;
    this.parents = parentPaths([...fields.values()].map((f) => f.ui));
    this.documents = procedure.documents;
    this.feeItems = procedure.fees?.items ?? [];
    this.rules = createRulesFactory(procedure, {
      ...(options.onRuleProblem ? { onProblem: options.onRuleProblem } : {}),
      compiled: options.compiledRules ?? options.compiled !== undefined,
    });
  }

  /**
   * Each rule unit's dependencies (canonical field keys), for tooling and tests. Worked out on
   * first use: a form never asks, and the model is built while its first page waits.
   */
  get dependencies(): Readonly<Record<string, string[]>> {
    return (this.dependenciesMemo ??= this.rules
      .createSession({ onProblem: () => {} })
      .dependencies());
  }

  /**
   * Whether the question at `path` is validated alone: its problems depend on its own answer
   * alone (field-validation.ts). Decided when first asked, for that question only: a form asks
   * when the person leaves a field, so neither the first page's wait for the model nor the first
   * field left pays for every question of a large procedure (issue 22 round 7).
   */
  standsAlone(path: string): boolean {
    let alone = this.aloneByPath.get(path);
    if (alone === undefined) {
      alone = this.fields.has(path) && validatesAlone(this.procedure.data, path, this.linking);
      this.aloneByPath.set(path, alone);
    }
    return alone;
  }

  /** Every question that `standsAlone`, for tooling and tests. */
  get validatedAlone(): ReadonlySet<string> {
    return new Set([...this.fields.keys()].filter((path) => this.standsAlone(path)));
  }

  /**
   * Builds the model: compiles the validator (or binds the precompiled `options.compiled`) and
   * prepares the rules. Throws what `createValidator` throws (CompileError, CspCompileError).
   */
  static async create(
    procedure: Procedure,
    options: ProcedureModelOptions = {},
  ): Promise<ProcedureModel> {
    const validator = await createValidator(
      procedure,
      options.compiled ? { compiled: options.compiled } : undefined,
    );
    // The validator's procedure has the shared option lists resolved into its questions.
    return new ProcedureModel(validator.procedure, validator, options);
  }

  /** The model over an existing validator (a server that already holds one). */
  static fromValidator(validator: Validator, options: ProcedureModelOptions = {}): ProcedureModel {
    return new ProcedureModel(validator.procedure, validator, options);
  }

  /** A new session (empty answers unless `options.answers`). */
  createSession(options: SessionOptions = {}): Session {
    return new Session(this, options);
  }

  /** The question pages for a visibility (conditional questions come and go). */
  pages(visibility: Visibility, oneQuestionPerPage = false): Page[] {
    return buildPages(
      [...this.steps],
      visibility,
      oneQuestionPerPage || this.procedure.ui.oneQuestionPerPage === true,
    );
  }

  /**
   * The "y" of the progress line "Bước x trên y" (the question pages and the review page), or
   * undefined when the answers can change how many pages there are: then the line says
   * "Bước x" alone (docs/form.md "Step count"). A total that grows or shrinks mid-journey (a page
   * appearing after an answer: 5 → 6) misleads; counting pages that may never apply tells the
   * person of steps they will not see. Pages only go when questions hide, so the count is fixed
   * exactly when nothing hidden and everything the show rules can hide give as many pages.
   */
  stepTotal(oneQuestionPerPage = false): number | undefined {
    const one = oneQuestionPerPage || this.procedure.ui.oneQuestionPerPage === true;
    const memo = this.stepTotals.get(one);
    if (memo !== undefined) return memo || undefined;
    const { fields, documents } = this.rules.mayHide;
    const most = this.pages(
      { hiddenFields: new Set(fields), hiddenDocuments: new Set(documents) },
      one,
    ).length;
    const all = this.pages({ hiddenFields: new Set(), hiddenDocuments: new Set() }, one).length;
    const total = all === most ? all + 1 : 0;
    this.stepTotals.set(one, total);
    return total || undefined;
  }

  private readonly stepTotals = new Map<boolean, number>();

  /** The field entry at `path` (a top-level question), if any. */
  field(path: string): FieldEntry | undefined {
    return this.fields.get(path);
  }
}
