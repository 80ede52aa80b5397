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
 * members: `formatVersion`, `data`, `ui`, `documents`, `rules`, and whose every member name could
 * be a field's) is skipped with a note saying so and how to check it (`dvc-forms check`), so
 * `lint dir/*.json` works on a folder of examples. A named file that is none of these (`{}`, or
 * members no answers have) is a `not-a-procedure` error: it was meant to be checked. A folder
 * given instead of a file is walked (its `*.json`, not its subfolders); there such a file is
 * skipped and counted in the summary.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../main.js';
import { DEFAULT_LINK_HOSTS } from '../../procedure/links.js';
import { loadProcedure } from '../../procedure/load.js';
import { localized } from '../../procedure/messages.js';
import { NOT_A_PROCEDURE } from '../../procedure/cli-check-messages.js';
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

/** A member name an answers file can have: a field of `data` (its `propertyNames` pattern). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * What a file that is not a cases file holds: a procedure (or a broken one, or text that is not
 * JSON: the loader says why), answers (an object of field names without any procedure member),
 * or `other`: `{}`, members no answers file has, or JSON that is not an object.
 */
export function fileKind(text: string): 'procedure' | 'answers' | 'other' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'procedure';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'other';
  const keys = Object.keys(value);
  if (PROCEDURE_MEMBERS.some((m) => keys.includes(m))) return 'procedure';
  return keys.length > 0 && keys.every((k) => FIELD_NAME.test(k)) ? 'answers' : 'other';
}

/** The `not-a-procedure` problem of a named file that holds neither a procedure nor answers. */
const notAProcedure = (): AuthorProblem => ({
  code: AUTHOR_PROBLEM_CODE.notAProcedure,
  severity: 'error',
  pointer: '',
  line: 1,
  column: 1,
  message: { vi: NOT_A_PROCEDURE.vi, en: NOT_A_PROCEDURE.en },
});

/** The files to check: each argument, or the `*.json` files of a folder (`walked`: true). */
async function filesOf(args: readonly string[]): Promise<{ file: string; walked: boolean }[]> {
  const out: { file: string; walked: boolean }[] = [];
  for (const a of args) {
    const isFolder = await stat(a).then(
      (st) => st.isDirectory(),
      () => false, // unreadable: lintFile reports why
    );
    if (!isFolder) out.push({ file: a, walked: false });
    else
      for (const e of (await readdir(a, { withFileTypes: true })).sort((x, y) =>
        x.name < y.name ? -1 : 1,
      ))
        if (e.isFile() && e.name.endsWith('.json'))
          out.push({ file: join(a, e.name), walked: true });
  }
  return out;
}

async function lintFile(
  file: string,
  walked: boolean,
  allowedLinkHosts: readonly string[],
): Promise<AuthorProblem[] | 'answers' | 'skipped'> {
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
  const kind = fileKind(text);
  if (kind === 'answers') return 'answers';
  if (kind === 'other') return walked ? 'skipped' : [notAProcedure()];
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
  let checked = 0;
  let others = 0;
  for (const { file, walked } of await filesOf(files)) {
    const problems = await lintFile(file, walked, hosts);
    if (problems === 'answers') skipped.push(file);
    else if (problems === 'skipped') others++;
    else checked++;
    if (typeof problems === 'string') continue;
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
    io.out(CLI_MESSAGES[lang].lintSummary(checked, errors, warnings, others));
  }
  return errors > 0 ? 1 : 0;
};
