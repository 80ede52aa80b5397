/**
 * Reads an author's JSON file that is not a procedure (a cases file, an answers file) for the
 * CLI, with the same strict parser and encoding check as procedures, so a stray comma is
 * reported as `file:line:column  code  message` (as `lint` prints it), not as an engine's "at position 73".
 */
import { readFileSync } from 'node:fs';
import { encodingProblem } from '../../json/encoding.js';
import { parseJson } from '../../json/parse.js';
import { LOAD_LIMITS } from '../../procedure/load.js';
import type { CliIo } from '../main.js';
import type { Lang } from '../../procedure/types.js';
import { CLI_MESSAGES, readErrorDetail } from '../messages.js';
import { problemLine } from '../problem-line.js';

/** The parsed value of `file`, or undefined after printing why it cannot be used. */
export function readJsonFile(file: string, io: CliIo, lang: Lang): { value: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.err(CLI_MESSAGES[lang].cannotRead(file, readErrorDetail(err, lang)));
    return undefined;
  }
  const encoding = encodingProblem(text);
  const parsed = encoding ? undefined : parseJson(text, LOAD_LIMITS);
  const problems = encoding ? [encoding] : parsed!.problems;
  if (problems.length === 0) return { value: parsed!.value };
  for (const p of problems) io.err(problemLine(file, p, p.message[lang], lang));
  return undefined;
}
