// The reference receiver as `npm start` runs it (demo/server/main.js) in a child process, for the
// tests that must observe the process itself: that it survives hostile requests, and how much
// memory it uses under load. Configured only through environment variables, like production.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../demo/server/main.js', import.meta.url));

/** Limits high enough that a test from one address measures the receiver, not the limiter. */
export const RELAXED_LIMIT_ENV = Object.fromEntries(
  ['CHALLENGES', 'UPLOADS', 'DOSSIERS', 'STATUS', 'CLERK'].flatMap((n) => [
    [`RATE_LIMIT_${n}`, '1000000/60'],
    [`RATE_LIMIT_${n}_GLOBAL`, '1000000/60'],
  ]),
);

export interface ChildServer {
  base: string;
  pid: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  /** Resident set size in bytes, from /proc (Linux). */
  rss(): number;
  /** Whether the process is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * @param options.dataDir a data folder the caller owns (to start again on it): kept on stop
 */
export async function startChild(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<ChildServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dvc-child-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CLERK_TOKEN: 'child-clerk-token',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start:\n${out}`)), 30_000);
    const look = () => {
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited with ${code}:\n${out}`));
    });
  });
  return {
    base,
    pid: child.pid!,
    dataDir,
    process: child,
    output: () => out,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status);
      return kb ? Number(kb[1]) * 1024 : 0;
    },
    alive: () => !exited && child.exitCode === null,
    async stop() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
