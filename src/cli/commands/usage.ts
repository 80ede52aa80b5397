/**
 * Each command's usage line, in one place and in both languages: the command prints it on a
 * usage error (after one sentence saying what was wrong, `usageError`), and
 * `dvc-forms <command> --help` (src/cli/main.ts) prints it on stdout. Options and their values
 * stay as typed; the placeholders are in the reader's language.
 */
import type { Lang } from '../../procedure/types.js';
import type { CliIo } from '../registry.js';
import { CLI_MESSAGES, type UsageProblem } from '../messages.js';

const en = {
  check: 'Usage: dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]',
  compile:
    'Usage: dvc-forms compile <procedure.json> --out <dir> [--form [--bundle <url>]] [--lang vi|en]',
  'first-page':
    'Usage: dvc-forms first-page <procedure.json> --out <dir> [--lang vi|en] [--today YYYY-MM-DD]',
  keygen: 'Usage: dvc-forms keygen [--out dir] [--force] [--lang vi|en]',
  lint: 'Usage: dvc-forms lint <files...> [--format text|json] [--lang vi|en] [--allow-link-host <host>]...',
  preview:
    'Usage: dvc-forms preview <procedure.json> [--port <n>] [--host <address>] [--lang vi|en]',
  test: 'Usage: dvc-forms test <procedure.json>... [--lang vi|en] [--debug] (runs <name>.cases.json beside each)',
  verify:
    'Usage: dvc-forms verify <payload.jws> --procedure <procedure.json> [--trusted-keys keys.json] [--max-age seconds] [--now ISO-time] [--lang vi|en] [--format text|json]',
  version: 'Usage: dvc-forms version',
} as const satisfies Record<string, string>;

export type CommandName = keyof typeof en;

const vi: Record<CommandName, string> = {
  check:
    'Cách dùng: dvc-forms check <thủ-tục.json> <câu-trả-lời.json> [--lang vi|en] [--format json]',
  compile:
    'Cách dùng: dvc-forms compile <thủ-tục.json> --out <thư-mục> [--form [--bundle <url>]] [--lang vi|en]',
  'first-page':
    'Cách dùng: dvc-forms first-page <thủ-tục.json> --out <thư-mục> [--lang vi|en] [--today YYYY-MM-DD]',
  keygen: 'Cách dùng: dvc-forms keygen [--out thư-mục] [--force] [--lang vi|en]',
  lint: 'Cách dùng: dvc-forms lint <các-tệp...> [--format text|json] [--lang vi|en] [--allow-link-host <tên-miền>]...',
  preview:
    'Cách dùng: dvc-forms preview <thủ-tục.json> [--port <số>] [--host <địa-chỉ>] [--lang vi|en]',
  test: 'Cách dùng: dvc-forms test <thủ-tục.json>... [--lang vi|en] [--debug] (chạy tệp <tên>.cases.json bên cạnh mỗi thủ tục)',
  verify:
    'Cách dùng: dvc-forms verify <hồ-sơ.jws> --procedure <thủ-tục.json> [--trusted-keys khóa.json] [--max-age số-giây] [--now thời-điểm-ISO] [--lang vi|en] [--format text|json]',
  version: 'Cách dùng: dvc-forms version',
};

export const USAGE: Record<Lang, Record<CommandName, string>> = { vi, en };

/**
 * The language of a command line before it is parsed: English only when it says `--lang en`, so a
 * usage error (even one about `--lang` itself) speaks as the rest of the command would.
 */
export function langOf(args: readonly string[]): Lang {
  const i = args.lastIndexOf('--lang');
  return i >= 0 && args[i + 1] === 'en' ? 'en' : 'vi';
}

/**
 * Prints what was wrong with the command line (when known) and the command's usage line on
 * stderr, in the language of `args`; returns the usage exit code, 2.
 */
export function usageError(
  io: CliIo,
  command: CommandName,
  args: readonly string[],
  problem?: UsageProblem,
): number {
  const lang = langOf(args);
  if (problem) io.err(`dvc-forms ${command}: ${CLI_MESSAGES[lang].usageProblem(problem)}`);
  io.err(USAGE[lang][command]);
  return 2;
}
