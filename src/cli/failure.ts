/**
 * What a command prints when the system refuses a write or when dvc-forms itself fails: a
 * sentence in the command's language, never Node's or a library's English exception text. The
 * stack only with `--debug`, for whoever reports the failure to dvc-forms.
 */
import type { Lang } from '../procedure/types.js';
import type { CliIo } from './registry.js';
import { CLI_MESSAGES, writeErrorDetail } from './messages.js';

/** Node's file-system errors: a `code` such as ENOTDIR, and usually the `path` it concerns. */
function isSystemError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}

/**
 * Runs `write` (mkdir, writeFile…); when the system refuses, prints which path could not be
 * written and why, and returns false. Anything else it throws is dvc-forms' own failure.
 */
export function writing(io: CliIo, lang: Lang, path: string, write: () => void): boolean {
  try {
    write();
    return true;
  } catch (err) {
    if (!isSystemError(err)) throw err;
    io.err(CLI_MESSAGES[lang].cannotWrite(err.path ?? path, writeErrorDetail(err, lang)));
    return false;
  }
}

/** Prints that `command` failed inside dvc-forms (not the author's file); the stack with `--debug`. */
export function reportCrash(
  io: CliIo,
  lang: Lang,
  command: string,
  file: string | undefined,
  err: unknown,
): void {
  io.err(CLI_MESSAGES[lang].crashed(command, file));
  if (io.debug) io.err(err instanceof Error ? (err.stack ?? String(err)) : String(err));
}
