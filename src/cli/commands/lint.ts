/**
 * `dvc-forms lint <files...> [--format text|json] [--lang vi|en] [--allow-link-host <host>]...`:
 * checks procedure files and prints every problem as `file:line:column  code  message`, then a
 * summary. Exits 1 when any error was found (warnings alone exit 0), 2 on a usage mistake. An
 * unreadable file is reported as a problem of that file, never as a stack trace.
 *
 * A cases file (`*.cases.json`, or `$schema` ending in procedure-cases.schema.json) is checked
 * against its own schema instead (./lint-cases.ts), so `dvc-forms lint procedures/*.json` works on
 * a folder holding both. `--allow-link-host` adds a host (`*.example.vn` for subdomains) to the
 * default link allow-list.
 *
 * A file that holds answers rather than a procedure (a JSON object with none of a procedure's
 * members: `formatVersion`, `data`, `ui`, `documents`, `rules`) is skipped with a note saying so
 * and how to check it (`dvc-forms check`), so `lint dir/*.json` works on a folder of examples.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from '../main.js';
import { DEFAULT_LINK_HOSTS } from '../../procedure/links.js';
import { loadProcedure } from '../../procedure/load.js';
import { localized } from '../../procedure/messages.js';
import { AUTHOR_PROBLEM_CODE } from '../../procedure/problems.js';
import type { AuthorProblem } from '../../problem.js';
import type { Lang } from '../../procedure/types.js';
import { isCasesFile, lintCasesFile } from './lint-cases.js';
import { checkPatternSyntax } from '../../procedure/pattern-check.js';
import { checkSchemaCompiles } from '../../procedure/schema-compile-check.js';
import { usageError } from './usage.js';
import { CLI_MESSAGES, readErrorDetail } from '../messages.js';
import { problemLine } from '../problem-line.js';

export interface LintEntry {
  file: string;
  code: string;
  severity: 'error' | 'warning';
  pointer: string;
  line: number;
  column: number;
  message: string;
}

/** A host as the allow-list takes it: a name, or `*.` and a name. */
const HOST_ENTRY = /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Members only a procedure has: an object with none of them is answers (or something else). */
const PROCEDURE_MEMBERS = ['formatVersion', 'data', 'ui', 'documents', 'rules'];

/** True when `text` is a JSON object without any procedure member: answers, not a procedure. */
export function isAnswersFile(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !PROCEDURE_MEMBERS.some((m) => Object.hasOwn(value as object, m))
  );
}

async function lintFile(
  file: string,
  allowedLinkHosts: readonly string[],
): Promise<AuthorProblem[] | 'answers'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return [
      {
        code: AUTHOR_PROBLEM_CODE.fileUnreadable,
        severity: 'error',
        pointer: '',
        line: 1,
        column: 1,
        message: localized(
          'fileUnreadable',
          {},
          {
            vi: { detail: readErrorDetail(e, 'vi') },
            en: { detail: readErrorDetail(e, 'en') },
          },
        ),
      },
    ];
  }
  if (isCasesFile(file, text)) return lintCasesFile(text, file, existsSync);
  if (isAnswersFile(text)) return 'answers';
  return loadProcedure(text, {
    file,
    allowedLinkHosts,
    checkPattern: checkPatternSyntax,
    checkSchema: checkSchemaCompiles,
  }).problems;
}

export const lint: Command = async (args, io) => {
  let format = 'text';
  let lang: Lang = 'vi';
  const files: string[] = [];
  const hosts = [...DEFAULT_LINK_HOSTS];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--allow-link-host') {
      const v = args[++i];
      if (v === undefined || !HOST_ENTRY.test(v))
        return usageError(io, 'lint', args, { kind: 'badValue', option: a, value: v });
      hosts.push(v.toLowerCase());
    } else if (a === '--format' || a === '--lang') {
      const v = args[++i];
      if (a === '--format' && (v === 'text' || v === 'json')) format = v;
      else if (a === '--lang' && (v === 'vi' || v === 'en')) lang = v;
      else return usageError(io, 'lint', args, { kind: 'badValue', option: a, value: v });
    } else if (a.startsWith('--'))
      return usageError(io, 'lint', args, { kind: 'unknownOption', option: a });
    else files.push(a);
  }
  if (files.length === 0) return usageError(io, 'lint', args, { kind: 'missing', what: 'files' });

  const entries: LintEntry[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const problems = await lintFile(file, hosts);
    if (problems === 'answers') {
      skipped.push(file);
      continue;
    }
    for (const p of problems)
      entries.push({
        file,
        code: p.code,
        severity: p.severity,
        pointer: p.pointer,
        line: p.line,
        column: p.column,
        message: p.message[lang],
      });
  }
  const errors = entries.filter((e) => e.severity === 'error').length;
  const warnings = entries.length - errors;
  if (format === 'json') {
    io.out(JSON.stringify(entries, null, 2));
    // stdout stays one JSON document; the note goes to stderr.
    for (const f of skipped) io.err(CLI_MESSAGES[lang].lintSkipped(f));
  } else {
    for (const f of skipped) io.out(CLI_MESSAGES[lang].lintSkipped(f));
    for (const e of entries) io.out(problemLine(e.file, e, e.message, lang));
    io.out(CLI_MESSAGES[lang].lintSummary(files.length - skipped.length, errors, warnings));
  }
  return errors > 0 ? 1 : 0;
};
