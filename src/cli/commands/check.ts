/**
 * `dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]`: validates a
 * set of answers the way the form and the agency server do, and prints every problem.
 * Exit 0 when valid, 1 on any problem, 2 on a usage or file error.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../../problem.js';
import type { Lang, LocalizedText, Procedure } from '../../procedure/types.js';
import { ELIGIBILITY_STATUS } from '../../rules/index.js';
import { ProcedureModel, type SessionState } from '../../session/index.js';
import type { ValidationResult } from '../../validation/index.js';
import type { Command } from '../main.js';
import { readJsonFile } from './json-file.js';
import { readProcedure } from './procedure-file.js';
import { usageError } from './usage.js';
import { CLI_MESSAGES } from '../messages.js';
import { reportCrash } from '../failure.js';
import { escapeLoneSurrogates } from '../../procedure/messages.js';

/**
 * The `--format json` report. Validation fills `valid` and `problems`; the rules add
 * `eligibility`, `visible`, `required` and `fee` (`rulesReport` below).
 */
export interface CheckReport {
  valid: boolean;
  problems: { code: string; path: string; message: string }[];
  [key: string]: unknown;
}

/** Builds the report object from a validation result. */
export function buildCheckReport(
  result: Pick<ValidationResult, 'valid' | 'problems'>,
): CheckReport {
  return {
    valid: result.valid,
    problems: result.problems.map((p: Problem) => ({
      code: p.code,
      path: p.path,
      message: p.message,
    })),
  };
}

/**
 * The rules part of the report from a session's state: `eligibility`, `visible`, `required` and
 * `fee` (and `ruleProblems` when a rule is broken). `ineligible` makes `check` exit 1.
 */
export function rulesReport(state: SessionState): {
  hidden: string[];
  required: string[];
  ineligible: boolean;
  /** The eligibility status, for the text output's success line. */
  status: string;
  /** The failing eligibility rules, for the text output. */
  reasons: { rule: string; message: LocalizedText }[];
  report: Record<string, unknown>;
} {
  return {
    hidden: state.hidden.fields,
    required: state.required.fields,
    ineligible: state.eligibility.status === ELIGIBILITY_STATUS.ineligible,
    status: state.eligibility.status,
    reasons: state.eligibility.reasons,
    report: {
      eligibility: {
        status: state.eligibility.status,
        reasons: state.eligibility.reasons.map((r) => ({ rule: r.rule, message: r.message })),
      },
      visible: state.visible,
      required: state.required,
      fee: state.fee,
      ...(state.ruleProblems.length
        ? {
            ruleProblems: state.ruleProblems.map((p) => ({
              code: p.code,
              pointer: p.pointer,
              message: p.message,
            })),
          }
        : {}),
    },
  };
}

/**
 * Checks a set of answers exactly as the form and the agency's server do — one `Session`
 * (src/session) — and builds the report `--format json` prints. Throws what building the
 * validator throws.
 */
export async function checkAnswers(
  procedure: Procedure,
  answers: unknown,
  options: { lang?: Lang; today?: string; model?: ProcedureModel } = {},
): Promise<{
  state: SessionState;
  report: CheckReport;
  ineligible: boolean;
  reasons: { rule: string; message: LocalizedText }[];
}> {
  const model =
    options.model ?? (await ProcedureModel.create(procedure, { onRuleProblem: () => {} }));
  const state = await model
    .createSession({
      lang: options.lang ?? 'vi',
      ...(options.today ? { today: options.today } : {}),
      // Not an object: validation reports it at the root; the rules see no answers.
      answers: answers as Record<string, unknown>,
    })
    .check();
  const rules = rulesReport(state);
  return {
    state,
    report: {
      ...buildCheckReport({ valid: state.problems.length === 0, problems: state.problems }),
      ...rules.report,
    },
    ineligible: rules.ineligible,
    reasons: rules.reasons,
  };
}

/** The rules part of the report for `answers` (the session's decision, validation aside). */
export async function mergeRulesResult(
  procedure: Procedure,
  answers: Record<string, unknown>,
  options: { today?: string } = {},
): Promise<ReturnType<typeof rulesReport>> {
  return rulesReport((await checkAnswers(procedure, answers, options)).state);
}

/** The JSON in `file`, or undefined when it cannot be read or parsed (reported later). */
function peek(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether `value` is a procedure rather than answers: its `formatVersion` with a part only a
 * procedure has. Answers are keyed by the procedure's field names, which never hold both.
 */
function looksLikeProcedure(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return (
    Object.hasOwn(value, 'formatVersion') &&
    ['data', 'ui', 'documents', 'rules'].some((m) => Object.hasOwn(value, m))
  );
}

export const check: Command = async (args, io) => {
  const files: string[] = [];
  let lang: Lang = 'vi';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang') {
      const v = args[++i];
      if (v !== 'vi' && v !== 'en')
        return usageError(io, 'check', args, { kind: 'badValue', option: a, value: v });
      lang = v;
    } else if (a === '--format') {
      const v = args[++i];
      if (v !== 'json' && v !== 'text')
        return usageError(io, 'check', args, { kind: 'badValue', option: a, value: v });
      json = v === 'json';
    } else if (a.startsWith('-'))
      return usageError(io, 'check', args, { kind: 'unknownOption', option: a });
    else files.push(a);
  }
  if (files.length < 2)
    return usageError(io, 'check', args, {
      kind: 'missing',
      what: files.length === 0 ? 'procedure' : 'answers',
    });
  if (files.length > 2)
    return usageError(io, 'check', args, { kind: 'unexpected', argument: files[2]! });
  const [procedureFile, answersFile] = files as [string, string];
  // A procedure given as the answers would only list every answer as missing: say what it is.
  if (looksLikeProcedure(peek(answersFile))) {
    io.err(
      looksLikeProcedure(peek(procedureFile))
        ? CLI_MESSAGES[lang].answersAreProcedure(answersFile, procedureFile)
        : CLI_MESSAGES[lang].checkSwapped(procedureFile, answersFile),
    );
    return 2;
  }
  const procedure = await readProcedure(procedureFile, io, lang);
  if (!procedure) return 2;
  const read = readJsonFile(answersFile, io, lang);
  if (!read) return 2;
  const answers = read.value;
  let checked: Awaited<ReturnType<typeof checkAnswers>>;
  try {
    checked = await checkAnswers(procedure, answers, { lang });
  } catch (err) {
    reportCrash(io, lang, 'check', procedureFile, err);
    return 2;
  }
  const { report } = checked;
  const rules = {
    reasons: checked.reasons,
    ineligible: checked.ineligible,
    status: checked.state.eligibility.status,
  };
  if (json) io.out(JSON.stringify(report));
  else {
    for (const p of report.problems)
      // A key quoted from the answers file may hold a lone surrogate: printed as its escape.
      io.out(escapeLoneSurrogates(`${p.path || '/'}  ${p.code}  ${p.message}`));
    for (const r of rules.reasons)
      io.out(`ineligible  ${r.rule}  ${r.message[lang] ?? r.message.vi}`);
    // Silence on success reads like "did it run?": say so in one line.
    if (report.valid && !rules.ineligible)
      io.out(
        CLI_MESSAGES[lang].checkValid(
          answersFile,
          procedureFile,
          rules.status === ELIGIBILITY_STATUS.eligible,
        ),
      );
  }
  return report.valid && !rules.ineligible ? 0 : 1;
};
