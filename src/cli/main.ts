/**
 * The `dvc-forms` command-line interface for procedure authors and agency servers.
 * Each command lives in its own module under src/cli/commands and returns an exit code.
 */
import { commands, type CliIo } from './registry.js';

export { registerCommand, type CliIo, type Command } from './registry.js';

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

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
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
  return (await command.load())(rest, io);
}
