/**
 * Reads a procedure file for the `check`, `compile`, `first-page` and `test` commands through the
 * loader, which reports author problems with their line and column, printed as `lint` prints them.
 */
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../procedure/load.js';
import type { Lang, Procedure } from '../../procedure/types.js';
import type { CliIo } from '../main.js';
import { checkPatternSyntax } from '../../procedure/pattern-check.js';
import { checkSchemaCompiles } from '../../procedure/schema-compile-check.js';
import { CLI_MESSAGES, readErrorDetail } from '../messages.js';
import { problemLine } from '../problem-line.js';

/**
 * The procedure in `file`, or undefined after printing why it cannot be used (exit code 2), in
 * `lang`: the command's `--lang`, so each command speaks one language throughout.
 */
export async function readProcedure(
  file: string,
  io: CliIo,
  lang: Lang,
): Promise<Procedure | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.err(CLI_MESSAGES[lang].cannotRead(file, readErrorDetail(err, lang)));
    return undefined;
  }
  const result = loadProcedure(text, {
    file,
    checkPattern: checkPatternSyntax,
    checkSchema: checkSchemaCompiles,
  });
  if (!result.ok) {
    for (const p of result.problems)
      if (p.severity === 'error') io.err(problemLine(file, p, p.message[lang], lang));
    return undefined;
  }
  return result.procedure;
}
