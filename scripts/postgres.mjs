// A throw-away PostgreSQL server for the tests: Debian's `postgresql` package (installed with
// apt-get when missing and we run as root, as chromium.mjs does for Chromium), a new cluster in a
// temporary folder owned by the test run, listening on 127.0.0.1 only with a random password, and
// removed when stopped. PostgreSQL refuses to run as root: as root the cluster belongs to the
// `postgres` user the package creates, and its commands run through runuser.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest Debian PostgreSQL. */
export function findPostgres() {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv;
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(DEBIAN_ROOT, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The PostgreSQL binaries, installing Debian's `postgresql` when allowed; otherwise undefined
 * after saying what to install.
 */
export function ensurePostgres() {
  const found = findPostgres();
  if (found) return found;
  const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (isRoot() && hasApt) {
    console.log('PostgreSQL not found: installing the Debian package "postgresql" with apt-get…');
    const opts = {
      stdio: /** @type {const} */ ('inherit'),
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    };
    const update = spawnSync('apt-get', ['update', '-q'], opts);
    const install =
      update.status === 0
        ? spawnSync(
            'apt-get',
            ['install', '-y', '-q', '--no-install-recommends', 'postgresql'],
            opts,
          )
        : update;
    if (install.status === 0) return findPostgres();
  }
  console.error(
    'The PostgreSQL tests need PostgreSQL: install it (on Debian: apt-get install postgresql) or set PG_BIN to the folder holding initdb and pg_ctl.',
  );
  return undefined;
}

/** A free TCP port on 127.0.0.1. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster; `url` connects to its `postgres` database as the superuser `dvc`.
 * @param {string} bin the folder of initdb and pg_ctl (ensurePostgres)
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPostgres(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  /** @type {string[]} */
  let as = [];
  if (isRoot()) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0)
      throw new Error('running as root, but there is no "postgres" user to run PostgreSQL');
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
    chownSync(pwfile, Number(id.stdout), Number(gid.stdout));
    as = ['runuser', '-u', 'postgres', '--'];
  }
  chmodSync(dir, 0o700);
  /** @param {string} tool @param {string[]} args */
  const run = (tool, args) => {
    const cmd = [...as, join(bin, tool), ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', [
    '-D',
    data,
    '-U',
    'dvc',
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  const port = await freePort();
  // Durability is not what these tests check: without fsync the suite runs faster.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://dvc:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `node scripts/postgres.mjs`: start a cluster, print its URL, stop on Ctrl-C.
  const bin = ensurePostgres();
  if (!bin) process.exit(1);
  const pg = await startPostgres(bin);
  console.log(pg.url);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      pg.stop();
      process.exit(0);
    });
  }
  setInterval(() => {}, 1 << 30);
}
