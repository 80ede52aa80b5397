/**
 * Each command's usage line, in one place: the command prints it on a usage error, and
 * `dvc-forms <command> --help` (src/cli/main.ts) prints it on stdout.
 */
export const USAGE = {
  check: 'Usage: dvc-forms check <procedure.json> <answers.json> [--lang vi|en] [--format json]',
  compile:
    'Usage: dvc-forms compile <procedure.json> --out <dir> [--form [--bundle <url>]] [--lang vi|en]',
  'first-page':
    'Usage: dvc-forms first-page <procedure.json> --out <dir> [--lang vi|en] [--today YYYY-MM-DD]',
  keygen: 'Usage: dvc-forms keygen [--out dir] [--force]',
  lint: 'Usage: dvc-forms lint <files...> [--format text|json] [--lang vi|en] [--allow-link-host <host>]...',
  preview:
    'Usage: dvc-forms preview <procedure.json> [--port <n>] [--host <address>] [--lang vi|en]',
  test: 'Usage: dvc-forms test <procedure.json>... [--lang vi|en] [--debug] (runs <name>.cases.json beside each)',
  verify:
    'Usage: dvc-forms verify <payload.jws> --procedure <procedure.json> [--trusted-keys keys.json] [--max-age seconds] [--now ISO-time] [--lang vi|en] [--format text|json]',
  version: 'Usage: dvc-forms version',
} as const satisfies Record<string, string>;

export type CommandName = keyof typeof USAGE;
