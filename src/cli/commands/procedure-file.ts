/**
 * Reads a procedure file for the `check` and `compile` commands through the loader, which
 * reports author problems with their line and column.
 */
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../procedure/load.js';
import type { Lang, Procedure } from '../../procedure/types.js';
import type { CliIo } from '../main.js';
import { checkPatternSyntax } from '../../procedure/pattern-check.js';
import { escapeLoneSurrogates } from '../../procedure/messages.js';

/**
 * The procedure in `file`, or undefined after printing why it cannot be used (exit code 2), in
 * `lang`: the command's own `--lang` where it has one, so `check` speaks one language throughout.
 */
export async function readProcedure(
  file: string,
  io: CliIo,
  lang: Lang = 'en',
): Promise<Procedure | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`dvc-forms: cannot read ${file}: ${(err as Error).message}`);
    return undefined;
  }
  const result = loadProcedure(text, { file, checkPattern: checkPatternSyntax });
  if (!result.ok) {
    for (const p of result.problems)
      if (p.severity === 'error')
        io.err(
          `${file}:${p.line}:${p.column}  ${escapeLoneSurrogates(p.pointer || '/')}  ${p.message[lang]}`,
        );
    return undefined;
  }
  return result.procedure;
}
