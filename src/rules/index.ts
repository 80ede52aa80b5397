/**
 * Rules: eligibility with reasons, conditional fields and documents, and the fee — evaluated with
 * json-rules-engine, incrementally, without eval (the engine runs under a strict CSP), in browsers
 * and in Node alike. See docs/rules.md.
 *
 * Each rule, conditional fee item and fee reduction is one "unit": its conditions are checked and
 * its dependencies (the field paths it reads) computed once, in `createRules`. `evaluate(answers,
 * changed)` re-runs only the units whose dependencies overlap `changed` and reuses the others'
 * last outcomes. A unit whose conditions are broken is undecidable ("unknown"), logged, never
 * thrown.
 */
import type { Conditions, FieldPath, Procedure, Rule } from '../procedure/types.js';
import { RULE_KIND } from '../procedure/types.js';
import { copyConditions } from '../procedure/copy-from.js';
import { DvcError, ERROR_CODE } from '../errors.js';
import { analyseConditions, TRUTH, truthOf, type Truth } from './conditions.js';
import { compileConditions, type CompiledCondition } from './compiled.js';
import { parseIsoDate, todayInVietnam } from './dates.js';
import { readFacts } from './facts-read.js';
import { computeFee } from './fees.js';
import type { EngineUnit } from './engine-units.js';
import { indexFields } from './fields.js';
import {
  DEFAULT_INELIGIBLE_REASON,
  RULE_PROBLEM,
  ruleProblemMessage,
  type RuleProblemCode,
} from './messages.js';
import { isWithin, pathKey, pathsOverlap, withoutPaths } from './paths.js';

export { amountOn, computeFee, quantityOf } from './fees.js';
export { copySource } from '../procedure/copy-from.js';
export type { FeeLine, FeeReductionLine, FeeResult } from './fees.js';
export { readFacts } from './facts-read.js';
export { RULE_PROBLEM } from './messages.js';
export type { RuleProblemCode } from './messages.js';
export { TRUTH } from './conditions.js';
export type { Truth } from './conditions.js';
export { isAnsweredValue, pathKey, readPath } from './paths.js';
export {
  addDays,
  addMonths,
  ageInYears,
  compareDates,
  daysBetween,
  formatIsoDate,
  monthsBetween,
  parseIsoDate,
  todayInVietnam,
  yearsBetween,
} from './dates.js';
export type { CivilDate } from './dates.js';
export { validationOptions, withoutHidden } from './result-use.js';
export { lintRules } from './lint.js';

export { ELIGIBILITY_STATUS } from './model.js';
export type {
  EligibilityReason,
  EligibilityStatus,
  EvaluationStats,
  FieldCheckFailure,
  RuleProblem,
  RulesFactory,
  RulesFactoryOptions,
  RulesOptions,
  RulesResult,
  RulesSession,
  RulesSessionOptions,
  TargetLists,
  UncompiledUnit,
} from './model.js';
import {
  ELIGIBILITY_STATUS,
  type EligibilityReason,
  type EvaluationStats,
  type FieldCheckFailure,
  type RuleProblem,
  type RulesFactory,
  type RulesFactoryOptions,
  type RulesOptions,
  type RulesResult,
  type RulesSession,
  type RulesSessionOptions,
  type TargetLists,
  type UncompiledUnit,
  type Unit,
  type UnitKind,
} from './model.js';

interface Console {
  warn(...args: unknown[]): void;
}
const defaultLog = (p: RuleProblem): void =>
  (globalThis as { console?: Console }).console?.warn(
    `dvc-forms rules: ${p.message.en} (${p.pointer})`,
  );

/**
 * The field facts json-rules-engine is given for analysed conditions (`analyseConditions`, named
 * conditions inlined): the facts they read that are fields of the form (`knownKeys`, canonical).
 */
export function engineFieldFacts(
  engineConditions: unknown,
  knownKeys: ReadonlySet<string>,
): string[] {
  if (!engineConditions) return [];
  const facts = new Set<string>();
  // Named conditions are inlined by then: no names to follow; a derived fact is no field.
  readFacts(engineConditions as Conditions, (fact) => facts.add(fact));
  return [...facts].filter((f) => knownKeys.has(pathKey(f)));
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

type EngineModule = typeof import('./engine-units.js');
let engineModule: Promise<EngineModule> | undefined;
/**
 * json-rules-engine and the facts registered on it, loaded on first need: the per-procedure
 * artefact's rules are all compiled (compiled.ts), so its pages never fetch the engine's chunk
 * (rollup.config.mjs; docs/performance.md). A failed load is tried again next time.
 */
const loadEngine = (): Promise<EngineModule> => {
  engineModule ??= import('./engine-units.js');
  engineModule.catch(() => (engineModule = undefined));
  return engineModule;
};

function checkToday(today: string | undefined): void {
  if (today !== undefined && !parseIsoDate(today))
    throw new DvcError(
      ERROR_CODE.invalidArgument,
      `today must be a date YYYY-MM-DD, got "${String(today)}"`,
    );
}

export function createRules(procedure: Procedure, options: RulesOptions = {}): RulesSession {
  checkToday(options.today);
  return createRulesFactory(procedure, { onProblem: options.onProblem }).createSession({
    today: options.today,
  });
}

/**
 * Prepares a procedure's rules once; `createSession()` then costs no more than a few arrays.
 * Static problems go to `options.onProblem` (default `console.warn`) here, once.
 */
export function createRulesFactory(
  procedure: Procedure,
  options: RulesFactoryOptions = {},
): RulesFactory {
  const uncompiled: UncompiledUnit[] = [];
  const factoryLog = options.onProblem ?? defaultLog;
  const log = factoryLog;
  const fields = indexFields(procedure);
  const knownKeys = new Set(fields.byKey.keys());
  const staticProblems: RuleProblem[] = [];
  const namedConditions: Readonly<Record<string, unknown>> =
    procedure.conditions !== null && typeof procedure.conditions === 'object'
      ? procedure.conditions
      : {};

  const problem = (
    code: RuleProblemCode,
    unit: string,
    pointer: string,
    params: Record<string, string>,
  ): RuleProblem => ({
    code,
    severity: 'error',
    unit,
    pointer,
    message: ruleProblemMessage(code, { unit, ...params }),
  });

  const makeUnit = (
    id: string,
    kind: UnitKind,
    pointer: string,
    conditions: unknown,
    rule?: Rule,
  ): Unit => {
    const a = analyseConditions(conditions, knownKeys, namedConditions);
    for (const issue of a.issues) {
      const p = problem(issue.code, id, pointer + issue.pointer, issue.params);
      staticProblems.push(p);
      log(p);
    }
    let engine: Unit['engine'];
    let fast: CompiledCondition | undefined;
    if (a.engineConditions) {
      const fieldFacts = engineFieldFacts(a.engineConditions, knownKeys);
      engine = { conditions: a.engineConditions, fieldFacts };
      if (options.compiled) {
        const outcome = compileConditions(a.engineConditions, new Set(fieldFacts));
        if (outcome.ok) fast = outcome.evaluate;
        else
          uncompiled.push({
            unit: id,
            pointer: pointer + outcome.refusal.pointer,
            reason: outcome.refusal.reason,
          });
      }
    }
    return {
      index: units.length,
      id,
      kind,
      pointer,
      rule,
      deps: a.dependencies,
      readsToday: a.readsToday,
      engine,
      fast,
    };
  };

  const units: Unit[] = [];
  const rules = Array.isArray(procedure.rules) ? procedure.rules : [];
  rules.forEach((rule, i) => {
    const kind = rule?.kind;
    if (
      kind !== RULE_KIND.eligibility &&
      kind !== RULE_KIND.show &&
      kind !== RULE_KIND.require &&
      kind !== RULE_KIND.check
    )
      return;
    units.push(makeUnit(`rule:${rule.id}`, kind, `/rules/${i}/conditions`, rule.conditions, rule));
  });
  const feeUnits = new Map<string, Unit>();
  (Array.isArray(procedure.fees?.items) ? procedure.fees.items : []).forEach((item, i) => {
    if (item?.when === undefined) return;
    const u = makeUnit(`fee:${item.id}`, 'fee', `/fees/items/${i}/when`, item.when);
    feeUnits.set(item.id, u);
    units.push(u);
  });
  const reductionUnits = new Map<string, Unit>();
  (Array.isArray(procedure.fees?.reductions) ? procedure.fees.reductions : []).forEach((r, i) => {
    const u = makeUnit(`reduction:${r.id}`, 'reduction', `/fees/reductions/${i}/when`, r.when);
    reductionUnits.set(r.id, u);
    units.push(u);
  });
  // Format 1.2: a copy offer's `when`, one more unit, so the form, verify and the compiled
  // artefact decide it with the one evaluator the rules use.
  const copyUnits = copyConditions(procedure).map(({ field, when, at }) => {
    const u = makeUnit(`copy:${field.field}`, 'copy', at, when);
    units.push(u);
    return { field: field.field, u };
  });
  // Engine rules, built once per unit on first need and shared by every session. Conditions
  // json-rules-engine refuses although the analysis accepted them are reported as `malformed`
  // (static problems of the factory) and their unit stays undecided, as before.
  const engineUnits = new Map<Unit, Promise<EngineUnit | undefined>>();
  const engineUnitOf = (u: Unit, m: EngineModule): Promise<EngineUnit | undefined> => {
    let p = engineUnits.get(u);
    if (!p) {
      let prepared: EngineUnit | undefined;
      try {
        if (u.engine)
          prepared = m.prepareEngineUnit(u.id, u.engine.conditions, u.engine.fieldFacts);
      } catch (err) {
        const p = problem(RULE_PROBLEM.malformed, u.id, u.pointer, {
          detail: err instanceof Error ? err.message : String(err),
        });
        staticProblems.push(p);
        log(p);
      }
      p = Promise.resolve(prepared);
      engineUnits.set(u, p);
    }
    return p;
  };
  const engineBound = units.filter((u) => u.engine && !u.fast);
  // Start fetching the engine with the factory when some unit needs it, so that the first
  // evaluation does not wait for it more than it must.
  if (engineBound.length)
    void loadEngine().then(
      (m) => engineBound.forEach((u) => void engineUnitOf(u, m)),
      () => undefined,
    );

  const showUnits = units.filter((u) => u.kind === 'show');
  const documentIds = (Array.isArray(procedure.documents) ? procedure.documents : []).map(
    (d) => d.id,
  );
  // Format 1.1: a document's issue-date and validity questions come and go with the document.
  const documentDateFields = documentDates(procedure);

  // Field targets that are not in the schema still get listed, so nothing disappears silently.
  const allPaths = [...fields.paths];
  const order = new Map<string, number>(allPaths.map((p, i) => [pathKey(p), i]));
  for (const u of units)
    for (const f of u.rule?.targets?.fields ?? [])
      if (typeof f === 'string' && !order.has(pathKey(f))) {
        order.set(pathKey(f), allPaths.length);
        allPaths.push(f);
      }

  /**
   * `hiddenBy` for each combination of the show rules' outcomes met so far, shared by every
   * session of this factory (a server decides many payloads with the same few combinations). The
   * entries' sets are only read; `paths` remembers `isHidden` of the field paths asked about.
   * Bounded: a procedure with many show rules cannot make it grow without end.
   */
  const hiddenMemo = new Map<string, Hidden>();
  const hiddenFor = (truths: readonly (Truth | undefined)[]): Hidden => {
    let key = '';
    for (const u of showUnits) key += `${truths[u.index] ?? ''},`;
    let entry = hiddenMemo.get(key);
    if (entry === undefined) {
      entry = { ...hiddenBy(truths), paths: new Map() };
      if (hiddenMemo.size >= HIDDEN_MEMO_SIZE) hiddenMemo.clear();
      hiddenMemo.set(key, entry);
    }
    return entry;
  };

  /** Show-rule targets (canonical keys) and documents hidden by the current outcomes. */
  const hiddenBy = (
    truths: readonly (Truth | undefined)[],
  ): { fields: Set<string>; documents: Set<string> } => {
    const shown = new Map<string, boolean>();
    const docShown = new Map<string, boolean>();
    // A target of several show rules is visible while any of them holds.
    for (const u of showUnits) {
      const holds = truths[u.index] === TRUTH.true;
      for (const f of u.rule?.targets?.fields ?? [])
        shown.set(pathKey(f), (shown.get(pathKey(f)) ?? false) || holds);
      for (const d of u.rule?.targets?.documents ?? [])
        docShown.set(d, (docShown.get(d) ?? false) || holds);
    }
    const hiddenFields = new Set([...shown].filter(([, v]) => !v).map(([k]) => k));
    const hiddenDocs = new Set([...docShown].filter(([, v]) => !v).map(([k]) => k));
    // A document uploaded only through hidden file fields is hidden with them.
    for (const [doc, keys] of fields.documentFields)
      if (keys.length && keys.every((k) => [...hiddenFields].some((h) => isWithin(k, h))))
        hiddenDocs.add(doc);
    for (const [doc, paths] of documentDateFields)
      if (hiddenDocs.has(doc)) for (const p of paths) hiddenFields.add(pathKey(p));
    return { fields: hiddenFields, documents: hiddenDocs };
  };

  const createSession = (sessionOptions: RulesSessionOptions = {}): RulesSession => {
    checkToday(sessionOptions.today);
    const log = sessionOptions.onProblem ?? factoryLog;
    // This session's outcomes and run-time problems, by unit index.
    const truths: (Truth | undefined)[] = units.map(() => undefined);
    const runtimeProblems: (RuleProblem | undefined)[] = units.map(() => undefined);
    let cachedToday: string | undefined;
    let hiddenUsed = new Set<string>();
    let stats: EvaluationStats = { evaluated: [], reused: units.map((u) => u.id) };
    const loggedRuntime = new Set<string>();
    let queue: Promise<unknown> = Promise.resolve();

    const failed = (u: Unit, err: unknown): void => {
      truths[u.index] = TRUTH.unknown;
      const p = problem(RULE_PROBLEM.runtime, u.id, u.pointer, {
        detail: err instanceof Error ? err.message : String(err),
      });
      runtimeProblems[u.index] = p;
      const key = `${u.id}\u0000${p.message.en}`;
      if (!loggedRuntime.has(key)) {
        loggedRuntime.add(key);
        log(p);
      }
    };

    /** A compiled unit, synchronously: the same truth (and the same failures) as `runUnit`. */
    const runFast = (u: Unit, fast: CompiledCondition, answers: unknown, today: string): void => {
      runtimeProblems[u.index] = undefined;
      try {
        truths[u.index] = fast({ answers, today });
      } catch (err) {
        failed(u, err);
      }
    };

    const runUnit = async (
      u: Unit,
      m: EngineModule,
      facts: ReturnType<EngineModule['runFacts']>,
    ): Promise<void> => {
      runtimeProblems[u.index] = undefined;
      const prepared = await engineUnitOf(u, m);
      if (!prepared) {
        truths[u.index] = TRUTH.unknown;
        return;
      }
      try {
        truths[u.index] = truthOf(await m.evaluateEngineUnit(prepared, facts));
      } catch (err) {
        failed(u, err);
      }
    };

    /** The units left to json-rules-engine, once its module is here (a failed load: undecided). */
    const runSlow = async (slow: Unit[], answers: unknown, today: string): Promise<void> => {
      let m: EngineModule;
      try {
        m = await loadEngine();
      } catch (err) {
        for (const u of slow) failed(u, err);
        return;
      }
      const facts = m.runFacts(answers, today);
      await Promise.all(slow.map((u) => runUnit(u, m, facts)));
    };

    const doEvaluate = async (
      answers: Record<string, unknown>,
      changed?: FieldPath[],
    ): Promise<RulesResult> => {
      const input =
        answers !== null && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
      const today = sessionOptions.today ?? todayInVietnam();
      answersToday = today;
      const todayChanged = cachedToday !== undefined && cachedToday !== today;
      cachedToday = today;
      let dirty: string[] | undefined = changed?.map(pathKey);
      const ran = new Set<string>();
      let hidden = hiddenUsed;
      const extraProblems: RuleProblem[] = [];
      // Hidden answers do not count: a show rule may hide a field another rule reads, so repeat
      // until the hidden set settles (at most once per show rule, plus one).
      for (let round = 0; ; round++) {
        const effective = withoutPaths(input, hidden);
        const todo = units.filter(
          (u) =>
            truths[u.index] === undefined ||
            dirty === undefined ||
            (todayChanged && round === 0 && u.readsToday) ||
            overlaps(u.deps, dirty),
        );
        const slow: Unit[] = [];
        for (const u of todo)
          if (u.fast) runFast(u, u.fast, effective, today);
          else slow.push(u);
        if (slow.length) await runSlow(slow, effective, today);
        for (const u of todo) ran.add(u.id);
        const next = hiddenFor(truths).fields;
        const delta = [...next]
          .filter((k) => !hidden.has(k))
          .concat([...hidden].filter((k) => !next.has(k)));
        hidden = next;
        if (delta.length === 0) break;
        if (round > showUnits.length) {
          const p = problem(RULE_PROBLEM.showCycle, 'rules', '/rules', {});
          extraProblems.push(p);
          if (!loggedRuntime.has(p.code)) {
            loggedRuntime.add(p.code);
            log(p);
          }
          break;
        }
        dirty = delta;
      }
      hiddenUsed = hidden;
      stats = { evaluated: [...ran], reused: units.filter((u) => !ran.has(u.id)).map((u) => u.id) };
      return buildResult(input, extraProblems);
    };

    const truthOfUnit = (u: Unit | undefined): Truth =>
      (u ? truths[u.index] : undefined) ?? TRUTH.unknown;

    let answersToday: string | undefined;
    const buildResult = (
      answers: Record<string, unknown>,
      extraProblems: RuleProblem[],
    ): RulesResult => {
      const reasons: EligibilityReason[] = [];
      const undecided: string[] = [];
      for (const u of units) {
        if (u.kind !== 'eligibility' || !u.rule) continue;
        const truth = truths[u.index];
        if (truth === TRUTH.false) {
          const reason: EligibilityReason = {
            rule: u.rule.id,
            message: u.rule.reason ?? DEFAULT_INELIGIBLE_REASON,
          };
          if (u.rule.remedy) reason.remedy = u.rule.remedy;
          reasons.push(reason);
        } else if (truth !== TRUTH.true) undecided.push(u.rule.id);
      }
      const status = reasons.length
        ? ELIGIBILITY_STATUS.ineligible
        : undecided.length
          ? ELIGIBILITY_STATUS.unknown
          : ELIGIBILITY_STATUS.eligible;

      const h = hiddenFor(truths);
      const isHidden = (path: string): boolean => {
        let hiddenPath = h.paths.get(path);
        if (hiddenPath === undefined) {
          const key = pathKey(path);
          hiddenPath = false;
          for (const k of h.fields) if (isWithin(key, k)) hiddenPath = true;
          if (h.paths.size < HIDDEN_MEMO_SIZE) h.paths.set(path, hiddenPath);
        }
        return hiddenPath;
      };
      const visibleFields: string[] = [];
      const hiddenFields: string[] = [];
      for (const p of allPaths) (isHidden(p) ? hiddenFields : visibleFields).push(p);
      const visibleDocs = documentIds.filter((d) => !h.documents.has(d));

      const requiredFields: string[] = [];
      const requiredDocs = new Set<string>(
        (Array.isArray(procedure.documents) ? procedure.documents : [])
          .filter((d) => d.required === true)
          .map((d) => d.id),
      );
      for (const u of units) {
        if (u.kind !== 'require' || truths[u.index] !== TRUTH.true) continue;
        for (const f of u.rule?.targets?.fields ?? []) requiredFields.push(f);
        for (const d of u.rule?.targets?.documents ?? []) requiredDocs.add(d);
      }
      for (const [doc, paths] of documentDateFields)
        if (requiredDocs.has(doc)) requiredFields.push(...paths);
      // Hidden wins: a field or document that is not shown is never required.
      const required: TargetLists = {
        fields: unique(requiredFields)
          .filter((f) => !isHidden(f))
          .sort((a, b) => (order.get(pathKey(a)) ?? 0) - (order.get(pathKey(b)) ?? 0)),
        documents: documentIds.filter((d) => requiredDocs.has(d) && !h.documents.has(d)),
      };

      const fee = computeFee(
        procedure.fees,
        withoutPaths(answers, h.fields),
        (id) => truthOfUnit(feeUnits.get(id)),
        (id) => truthOfUnit(reductionUnits.get(id)),
        answersToday,
      );
      const runtime = runtimeProblems.filter((p): p is RuleProblem => p !== undefined);
      const checks: FieldCheckFailure[] = [];
      for (const u of units) {
        const rule = u.rule;
        if (u.kind !== 'check' || !rule || truths[u.index] !== TRUTH.false) continue;
        if (typeof rule.field !== 'string' || !rule.message || isHidden(rule.field)) continue;
        checks.push({ rule: rule.id, field: rule.field, message: rule.message });
      }
      return {
        ...(checks.length ? { checks } : {}),
        ...(copyUnits.length
          ? {
              copyOffers: copyUnits
                .filter((c) => truthOfUnit(c.u) === TRUTH.true)
                .map((c) => c.field),
            }
          : {}),
        eligibility: { status, reasons, undecided },
        visible: { fields: visibleFields, documents: visibleDocs },
        hidden: { fields: hiddenFields, documents: documentIds.filter((d) => h.documents.has(d)) },
        required,
        fee,
        problems: [...staticProblems, ...runtime, ...extraProblems],
      };
    };

    return {
      evaluate(answers, changed) {
        // One evaluation at a time: outcomes are cached between calls, and json-rules-engine's
        // Engine is not re-entrant.
        const run = queue.then(() => doEvaluate(answers, changed));
        queue = run.catch(() => undefined);
        return run;
      },
      problems: staticProblems,
      get lastEvaluation() {
        return stats;
      },
      dependencies() {
        return Object.fromEntries(units.map((u) => [u.id, [...u.deps].sort()]));
      },
    };
  };

  let mayHide: RulesFactory['mayHide'] | undefined;
  return {
    problems: staticProblems,
    createSession,
    uncompiled,
    compiled: !!options.compiled,
    // No show rule holding hides the most there is to hide (a target is visible while one holds).
    get mayHide() {
      if (!mayHide) {
        const most = hiddenBy([]);
        mayHide = {
          fields: allPaths.filter((p) => [...most.fields].some((k) => isWithin(pathKey(p), k))),
          documents: documentIds.filter((d) => most.documents.has(d)),
        };
      }
      return mayHide;
    },
  };
}

/** Whether any dependency overlaps any changed path (no array made per unit and round). */
function overlaps(deps: ReadonlySet<string>, dirty: readonly string[]): boolean {
  for (const d of deps) for (const c of dirty) if (pathsOverlap(d, c)) return true;
  return false;
}

/** What a combination of show-rule outcomes hides (see `hiddenFor`). */
interface Hidden {
  fields: Set<string>;
  documents: Set<string>;
  /** `isHidden` of each field path asked about under these outcomes. */
  paths: Map<string, boolean>;
}

/** Combinations of show-rule outcomes (and paths per combination) remembered per procedure. */
const HIDDEN_MEMO_SIZE = 1024;

/** Each document's (1.1) `issueDateField` and `validUntilField`, by document id. */
function documentDates(procedure: Procedure): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of Array.isArray(procedure.documents) ? procedure.documents : []) {
    const paths = [d.issueDateField, d.validUntilField].filter(
      (p): p is string => typeof p === 'string',
    );
    if (paths.length) out.set(d.id, paths);
  }
  return out;
}
