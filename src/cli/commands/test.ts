/**
 * `dvc-forms test <procedure.json>... [--lang vi|en]`: runs the cases file beside each procedure
 * (`<name>.cases.json`, format in docs/rules.md and schemas/procedure-cases.schema.json) through
 * one `Session`, exactly as the form and the agency's server do, prints `✓ name` or `✗ name — what
 * differed` per case and a closing `N đạt, N không đạt` (`N passed, N failed` with `--lang en`).
 * Exit 0 when all pass, 1 on any failure, 2 on a usage or file error: scripts read the exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { lintCasesFile } from './lint-cases.js';
import type { Lang, Procedure } from '../../procedure/types.js';
import { ProcedureModel, type SessionState } from '../../session/index.js';
import type { Validator } from '../../validation/index.js';
import type { Command } from '../main.js';
import { readJsonFile } from './json-file.js';
import { readProcedure } from './procedure-file.js';
import { usageError } from './usage.js';
import { escapeLoneSurrogates } from '../../procedure/messages.js';
import { CASES_SHAPE, CLI_MESSAGES, type CasesShapeKind } from '../messages.js';
import { parseJson } from '../../json/parse.js';
import { LOAD_LIMITS } from '../../procedure/load.js';
import { AUTHOR_PROBLEM_CODE, ProblemList } from '../../procedure/problems.js';
import type { AuthorProblem } from '../../problem.js';
import { escapeToken, unescapeToken } from '../../session/field-path.js';
import { problemLine } from '../problem-line.js';
import { reportCrash } from '../failure.js';

export interface TargetExpectation {
  fields?: string[];
  documents?: string[];
}

export interface FeeItemExpectation {
  id: string;
  quantity?: number;
  subtotal?: number;
  amount?: number;
}

export interface CaseExpectation {
  eligibility?: { status: string; reasons?: string[] };
  problems?: { code: string; path: string }[];
  visible?: TargetExpectation;
  hidden?: TargetExpectation;
  required?: TargetExpectation;
  fee?: { total?: number; items?: (string | FeeItemExpectation)[] };
  /** (1.2) Exactly the questions whose `copyFrom` `when` holds: the copy offers made. */
  copyOffers?: string[];
}

export interface TestCase {
  name: string;
  today?: string;
  answers: Record<string, unknown>;
  expect: CaseExpectation;
}

export interface CasesFile {
  today?: string;
  cases: TestCase[];
}

export interface CaseOutcome {
  name: string;
  ok: boolean;
  /** One line per difference, e.g. `eligibility.status: expected "eligible", got "unknown"`. */
  differences: string[];
  /** What the case threw, when it crashed (printed with `--debug`). */
  error?: unknown;
}

/** Whether a YYYY-MM-DD date is on the calendar (not 2026-02-30). */
function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value of a cases file that `dvc-forms test` cannot use: where, and why in vi and en. */
export interface CasesShapeError {
  pointer: string;
  message: Record<Lang, string>;
}

function shapeError(pointer: string, kind: CasesShapeKind, id?: string): CasesShapeError {
  const name = unescapeToken(pointer.slice(pointer.lastIndexOf('/') + 1));
  const p = { name, ...(id === undefined ? {} : { id }) };
  return { pointer, message: { vi: CASES_SHAPE.vi[kind](p), en: CASES_SHAPE.en[kind](p) } };
}

/**
 * Checks the shape of a cases file (the JSON Schema in schemas/ says the same for editors); the
 * errors name the JSON pointer of each bad value.
 */
export function parseCasesFile(
  value: unknown,
): { ok: true; file: CasesFile } | { ok: false; errors: CasesShapeError[] } {
  const errors: CasesShapeError[] = [];
  if (!isObject(value)) return { ok: false, errors: [shapeError('', 'root')] };
  if (
    value['today'] !== undefined &&
    (typeof value['today'] !== 'string' || !DATE.test(value['today']))
  )
    errors.push(shapeError('/today', 'date'));
  if (!Array.isArray(value['cases'])) errors.push(shapeError('/cases', 'list'));
  const cases = Array.isArray(value['cases']) ? value['cases'] : [];
  const names = new Set<string>();
  cases.forEach((c: unknown, i) => {
    const at = `/cases/${i}`;
    if (!isObject(c)) return errors.push(shapeError(at, 'object'));
    if (typeof c['name'] !== 'string' || c['name'] === '')
      errors.push(shapeError(`${at}/name`, 'name'));
    else if (names.has(c['name']))
      errors.push(shapeError(`${at}/name`, 'duplicateName', c['name']));
    else names.add(c['name']);
    if (c['today'] !== undefined && (typeof c['today'] !== 'string' || !DATE.test(c['today'])))
      errors.push(shapeError(`${at}/today`, 'date'));
    if (!isObject(c['answers'])) errors.push(shapeError(`${at}/answers`, 'object'));
    const e = c['expect'];
    if (!isObject(e)) return errors.push(shapeError(`${at}/expect`, 'object'));
    const el = e['eligibility'];
    if (el !== undefined) {
      if (!isObject(el) || !['eligible', 'ineligible', 'unknown'].includes(String(el['status'])))
        errors.push(shapeError(`${at}/expect/eligibility/status`, 'status'));
      else if (el['reasons'] !== undefined && !isStringList(el['reasons']))
        errors.push(shapeError(`${at}/expect/eligibility/reasons`, 'ruleIds'));
    }
    const pr = e['problems'];
    if (
      pr !== undefined &&
      !(
        Array.isArray(pr) &&
        pr.every(
          (p) => isObject(p) && typeof p['code'] === 'string' && typeof p['path'] === 'string',
        )
      )
    )
      errors.push(shapeError(`${at}/expect/problems`, 'problems'));
    for (const k of ['visible', 'hidden', 'required']) {
      const t = e[k];
      if (t === undefined) continue;
      if (!isObject(t)) errors.push(shapeError(`${at}/expect/${k}`, 'targets'));
      else
        for (const l of ['fields', 'documents'])
          if (t[l] !== undefined && !isStringList(t[l]))
            errors.push(shapeError(`${at}/expect/${k}/${l}`, 'ids'));
    }
    const fee = e['fee'];
    if (fee !== undefined) {
      if (!isObject(fee)) errors.push(shapeError(`${at}/expect/fee`, 'fee'));
      else {
        if (fee['total'] !== undefined && !Number.isInteger(fee['total']))
          errors.push(shapeError(`${at}/expect/fee/total`, 'total'));
        const items = fee['items'];
        if (
          items !== undefined &&
          !(
            Array.isArray(items) &&
            items.every(
              (x) => typeof x === 'string' || (isObject(x) && typeof x['id'] === 'string'),
            )
          )
        )
          errors.push(shapeError(`${at}/expect/fee/items`, 'feeItems'));
      }
    }
    if (e['copyOffers'] !== undefined && !isStringList(e['copyOffers']))
      errors.push(shapeError(`${at}/expect/copyOffers`, 'ids'));
    const known = ['eligibility', 'problems', 'visible', 'hidden', 'required', 'fee', 'copyOffers'];
    for (const k of Object.keys(e))
      if (!known.includes(k))
        errors.push(shapeError(`${at}/expect/${escapeToken(k)}`, 'unknownExpectation'));
    return undefined;
  });
  return errors.length ? { ok: false, errors } : { ok: true, file: value as unknown as CasesFile };
}

const show = (v: unknown): string => JSON.stringify(v);
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

function sameSet(
  label: string,
  expected: readonly string[],
  actual: readonly string[],
  out: string[],
  lang: Lang,
): void {
  const t = CLI_MESSAGES[lang];
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  if (missing.length || extra.length)
    out.push(
      `${label}: ${[
        missing.length ? t.missing(show(sorted(missing))) : '',
        extra.length ? t.unexpected(show(sorted(extra))) : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    );
}

function includesAll(
  label: `${'visible' | 'hidden'}.${string}`,
  expected: readonly string[],
  actual: readonly string[],
  out: string[],
  lang: Lang,
): void {
  const missing = expected.filter((x) => !actual.includes(x));
  if (!missing.length) return;
  const t = CLI_MESSAGES[lang];
  out.push((label.startsWith('visible') ? t.notVisible : t.notHidden)(label, show(missing)));
}

/**
 * Compares one case's outcome with its expectation, in `lang`; an empty list means it passed.
 * Member names (`fee.total`), codes and ids stay as the cases file writes them.
 */
export function compareCase(
  expect: CaseExpectation,
  rules: Pick<
    SessionState,
    'eligibility' | 'visible' | 'hidden' | 'required' | 'fee' | 'copyOffers'
  >,
  problems: readonly { code: string; path: string }[],
  lang: Lang = 'vi',
): string[] {
  const t = CLI_MESSAGES[lang];
  const out: string[] = [];
  if (expect.eligibility) {
    if (expect.eligibility.status !== rules.eligibility.status)
      out.push(
        t.expectedGot(
          'eligibility.status',
          show(expect.eligibility.status),
          show(rules.eligibility.status),
        ),
      );
    if (expect.eligibility.reasons)
      sameSet(
        'eligibility.reasons',
        expect.eligibility.reasons,
        rules.eligibility.reasons.map((r) => r.rule),
        out,
        lang,
      );
  }
  if (expect.problems) {
    const key = (p: { code: string; path: string }) => t.problemAt(p.code, p.path || '/');
    sameSet('problems', expect.problems.map(key), problems.map(key), out, lang);
  }
  for (const k of ['visible', 'hidden'] as const) {
    const e = expect[k];
    if (e?.fields) includesAll(`${k}.fields`, e.fields, rules[k].fields, out, lang);
    if (e?.documents) includesAll(`${k}.documents`, e.documents, rules[k].documents, out, lang);
  }
  if (expect.required?.fields)
    sameSet('required.fields', expect.required.fields, rules.required.fields, out, lang);
  if (expect.required?.documents)
    sameSet('required.documents', expect.required.documents, rules.required.documents, out, lang);
  if (expect.copyOffers)
    sameSet('copyOffers', expect.copyOffers, rules.copyOffers ?? [], out, lang);
  if (expect.fee) {
    if (expect.fee.total !== undefined && expect.fee.total !== rules.fee.total)
      out.push(t.expectedGot('fee.total', String(expect.fee.total), String(rules.fee.total)));
    if (expect.fee.items) {
      const items = expect.fee.items.map((i) => (typeof i === 'string' ? { id: i } : i));
      sameSet(
        'fee.items',
        items.map((i) => i.id),
        rules.fee.items.map((i) => i.id),
        out,
        lang,
      );
      for (const e of items) {
        const got = rules.fee.items.find((i) => i.id === e.id);
        if (!got) continue;
        for (const p of ['quantity', 'subtotal', 'amount'] as const)
          if (e[p] !== undefined && e[p] !== got[p])
            out.push(t.expectedGot(`fee.items[${e.id}].${p}`, String(e[p]), String(got[p])));
      }
    }
  }
  return out;
}

/**
 * Runs every case through a `Session` (src/session), as the form and the server decide: the
 * rules with the case's date, validation with their hidden and required fields.
 */
export async function runCases(
  procedure: Procedure,
  file: CasesFile,
  options: { validator?: Validator; model?: ProcedureModel; lang?: Lang } = {},
): Promise<CaseOutcome[]> {
  const lang = options.lang ?? 'vi';
  const model =
    options.model ??
    (options.validator
      ? ProcedureModel.fromValidator(options.validator, { onRuleProblem: () => {} })
      : await ProcedureModel.create(procedure, { onRuleProblem: () => {} }));
  const outcomes: CaseOutcome[] = [];
  const t = CLI_MESSAGES[lang];
  for (const c of file.cases) {
    const today = c.today ?? file.today;
    try {
      const state = await model
        .createSession({ ...(today ? { today } : {}), answers: c.answers })
        .check();
      const differences = compareCase(c.expect, state, state.problems, lang);
      // A broken rule would make a case pass or fail for the wrong reason: always report it.
      for (const p of state.ruleProblems)
        differences.push(
          CLI_MESSAGES[lang].ruleProblem(escapeLoneSurrogates(p.pointer), p.message[lang]),
        );
      outcomes.push({ name: c.name, ok: differences.length === 0, differences });
    } catch (error) {
      // One case that throws is that case's failure, in the author's words; the others still run.
      // A date of the right shape but not on the calendar (2026-02-30) is the author's to fix.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const why =
        today !== undefined && !isCalendarDate(today)
          ? t.caseBadDate(today)
          : t.caseCrashed(detail);
      outcomes.push({ name: c.name, ok: false, differences: [why], error });
    }
  }
  return outcomes;
}

/**
 * The shape check's errors as problems at their line and column in `text` (the cases file), as
 * `lint` prints them: for what the cases schema lets through but `dvc-forms test` cannot run.
 */
export function casesShapeProblems(text: string, errors: CasesShapeError[]): AuthorProblem[] {
  const problems = new ProblemList(parseJson(text, LOAD_LIMITS).positions, text);
  for (const e of errors) problems.add(AUTHOR_PROBLEM_CODE.schemaInvalid, e.pointer, e.message);
  return problems.items;
}

/** `schemas/procedures/x.json` → `schemas/procedures/x.cases.json`. */
export function casesFileFor(procedureFile: string): string {
  return procedureFile.replace(/(\.json)?$/, '.cases.json');
}

export const test: Command = async (args, io) => {
  let lang: Lang = 'vi';
  let debug = io.debug === true;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') {
      const v = args[++i];
      if (v !== 'vi' && v !== 'en')
        return usageError(io, 'test', args, { kind: 'badValue', option: a, value: v });
      lang = v;
    } else if (a === '--debug') debug = true;
    // `dvc-forms … --debug` reaches here as io.debug: main takes it off every command line.
    else if (a.startsWith('-'))
      return usageError(io, 'test', args, { kind: 'unknownOption', option: a });
    else files.push(a);
  }
  if (files.length === 0)
    return usageError(io, 'test', args, { kind: 'missing', what: 'procedure' });
  const t = CLI_MESSAGES[lang];
  let passed = 0;
  let failed = 0;
  for (const procedureFile of files) {
    const casesPath = casesFileFor(procedureFile);
    if (!existsSync(casesPath)) {
      io.err(t.noCasesFile(casesPath, procedureFile));
      return 2;
    }
    const procedure = await readProcedure(procedureFile, io, lang);
    if (!procedure) return 2;
    const read = readJsonFile(casesPath, io, lang);
    if (!read) return 2;
    const parsed = parseCasesFile(read.value);
    if (!parsed.ok) {
      // As `dvc-forms lint` reports them, with line and column; the shape check's own words
      // only for what the cases schema cannot say.
      const text = readFileSync(casesPath, 'utf8');
      const located = lintCasesFile(text, casesPath, () => true).filter(
        (p) => p.severity === 'error',
      );
      for (const p of located.length ? located : casesShapeProblems(text, parsed.errors))
        io.err(problemLine(casesPath, p, p.message[lang], lang));
      return 2;
    }
    if (files.length > 1) io.out(procedureFile);
    let outcomes: CaseOutcome[];
    try {
      outcomes = await runCases(procedure, parsed.file, { lang });
    } catch (err) {
      reportCrash(io, lang, 'test', procedureFile, err);
      return 2;
    }
    for (const o of outcomes) {
      if (o.ok) passed++;
      else failed++;
      io.out(o.ok ? t.casePassed(o.name) : t.caseFailed(o.name, o.differences.join('; ')));
      // The stack is for whoever reports the crash to dvc-forms, not for every author's run.
      if (debug && o.error !== undefined)
        io.err(o.error instanceof Error ? (o.error.stack ?? String(o.error)) : String(o.error));
    }
  }
  io.out(t.testSummary(passed, failed));
  return failed ? 1 : 0;
};
