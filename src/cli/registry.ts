/**
 * The commands of the `dvc-forms` CLI. Its own module, so the command list
 * (src/cli/commands/index.ts) and main.ts both import it without importing each other.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** `--debug` was on the command line: print the stack of a failure inside dvc-forms. */
  debug?: boolean;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {};

/** Registers a command; used by the command modules listed in src/cli/commands/index.ts. */
export function registerCommand(name: string, summary: string, load: () => Promise<Command>): void {
  commands[name] = { summary, load };
}
