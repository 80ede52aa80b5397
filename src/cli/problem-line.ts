/**
 * The one way every command prints a problem of an author's file, as `dvc-forms lint` does:
 * `file:line:column  code  message`, with ` (cảnh báo)` / ` (warning)` after the code of a
 * warning. The code, not the JSON pointer: it is what the docs and `lint --format json` name, and
 * the line and column already say where.
 */
import { escapeLoneSurrogates } from '../procedure/messages.js';
import type { Lang } from '../procedure/types.js';
import { CLI_MESSAGES } from './messages.js';

export interface ProblemLine {
  code: string;
  /** Absent for a problem that is always an error (a JSON syntax or encoding problem). */
  severity?: 'error' | 'warning';
  line: number;
  column: number;
}

export function problemLine(file: string, p: ProblemLine, message: string, lang: Lang): string {
  const tag = p.severity === 'warning' ? ` (${CLI_MESSAGES[lang].warning})` : '';
  // A key quoted from the file may hold a lone surrogate: printed as its escape.
  return escapeLoneSurrogates(`${file}:${p.line}:${p.column}  ${p.code}${tag}  ${message}`);
}
