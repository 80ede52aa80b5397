/**
 * The `dvc-forms` command-line interface for procedure authors and agency servers.
 * Each command lives in its own module under src/cli/commands and returns an exit code.
 */
import { commands, type CliIo } from './registry.js';
import { USAGE } from './commands/usage.js';

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

function usage(io: CliIo): void {
  io.out('Usage: dvc-forms <command> [options]');
  io.out('');
  io.out('Commands:');
  for (const [name, { summary }] of Object.entries(commands).sort(([a], [b]) => a.localeCompare(b)))
    io.out(`  ${name.padEnd(10)} ${summary}`);
}

const HELP = new Set(['--help', '-h']);

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) {
    quietOnClosedPipe(process.stdout);
    quietOnClosedPipe(process.stderr);
  }
  await import('./commands/index.js');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`dvc-forms: unknown command "${name}"`);
    usage(io);
    return 2;
  }
  // `dvc-forms check --help`: the command's usage on stdout, whatever else is on the line.
  if (rest.some((a) => HELP.has(a))) {
    io.out(
      Object.hasOwn(USAGE, name) ? USAGE[name as keyof typeof USAGE] : `Usage: dvc-forms ${name}`,
    );
    io.out('');
    io.out(command.summary);
    return 0;
  }
  return (await command.load())(rest, io);
}
