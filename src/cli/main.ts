/**
 * The `dvc-forms` command-line interface for procedure authors and agency servers.
 * Each command lives in its own module under src/cli/commands and returns an exit code.
 */
import { commands, type CliIo } from './registry.js';
import { USAGE, langOf } from './commands/usage.js';
import { CLI_MESSAGES } from './messages.js';
import { reportCrash } from './failure.js';
import { closest } from '../procedure/suggest.js';
import type { Lang } from '../procedure/types.js';

export { registerCommand, type CliIo, type Command } from './registry.js';

/**
 * `dvc-forms check … | head -1`: the reader closes the pipe early. That is the reader's choice,
 * not an error: stop quietly (exit 0) instead of printing an EPIPE stack trace.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

function usage(io: CliIo, lang: Lang): void {
  const t = CLI_MESSAGES[lang];
  io.out(t.mainUsage);
  io.out('');
  io.out(t.commandsHeading);
  for (const [name, { summary }] of Object.entries(commands).sort(([a], [b]) => a.localeCompare(b)))
    io.out(`  ${name.padEnd(10)} ${t.summaries[name] ?? summary}`);
}

const HELP = new Set(['--help', '-h']);

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) {
    quietOnClosedPipe(process.stdout);
    quietOnClosedPipe(process.stderr);
  }
  await import('./commands/index.js');
  const [name, ...rest] = argv;
  // Vietnamese unless the line says `--lang en`, as every command speaks.
  const lang = langOf(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help' || name === '--lang') {
    usage(io, lang);
    return name === '--help' || name === '-h' || name === 'help' ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(CLI_MESSAGES[lang].unknownCommand(name, closest(name, Object.keys(commands))));
    usage(io, lang);
    return 2;
  }
  // `dvc-forms check --help`: the command's usage on stdout, whatever else is on the line.
  if (rest.some((a) => HELP.has(a))) {
    const lines = USAGE[lang] as Record<string, string>;
    io.out(Object.hasOwn(lines, name) ? lines[name]! : `${CLI_MESSAGES[lang].mainUsage}`);
    io.out('');
    io.out(CLI_MESSAGES[lang].summaries[name] ?? command.summary);
    return 0;
  }
  // `--debug` works with every command (main takes it off the line): a failure inside dvc-forms
  // is told in a sentence, and its stack printed only for whoever reports it.
  const debug = rest.includes('--debug');
  const args = rest.filter((a) => a !== '--debug');
  const commandIo = debug ? { ...io, debug } : io;
  try {
    return await (
      await command.load()
    )(args, commandIo);
  } catch (err) {
    reportCrash(commandIo, lang, name, undefined, err);
    return 2;
  }
}
