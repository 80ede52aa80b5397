/**
 * `dvc-forms compile <procedure.json> --out <dir>`: writes the standalone validator module a page
 * under strict CSP needs (`<code>-<version>-<hash8>.js`) and prints its path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProcedureModule } from '../../validation/index.js';
import type { Command } from '../main.js';
import { readProcedure } from './procedure-file.js';

export const compile: Command = async (args, io) => {
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i].startsWith('-')) files.push('');
    else files.push(args[i]);
  }
  if (files.length !== 1 || !files[0] || !out) {
    io.err('Usage: dvc-forms compile <procedure.json> --out <dir>');
    return 2;
  }
  const procedure = await readProcedure(files[0], io);
  if (!procedure) return 2;
  let compiled;
  try {
    compiled = await compileProcedureModule(procedure);
  } catch (err) {
    io.err(`dvc-forms: ${files[0]}: ${(err as Error).message}`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const path = join(out, compiled.fileName);
  writeFileSync(path, compiled.source);
  io.out(path);
  return 0;
};
