import { readFileSync } from 'node:fs';
import type { Command } from '../main.js';

export const version: Command = async (_args, io) => {
  const url = new URL(import.meta.resolve('dvc-forms/package.json'));
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
  io.out(pkg.version);
  return 0;
};
