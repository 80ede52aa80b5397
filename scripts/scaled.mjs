// `npm run start:scaled`: the receiver as an agency runs it beyond one machine, locally
// (docs/scaling.md): PostgreSQL (Debian's package, a throw-away cluster as in the tests, unless
// DATABASE_URL names one), an S3-compatible server for the uploads (scripts/s3-server.mjs, on
// 127.0.0.1, its objects in DATA_DIR/s3, unless S3_BUCKET and the other S3_* variables name the
// agency's own object storage), two receiver processes (demo/server/main.js) sharing both, and a
// balancer in front (scripts/balancer.mjs) on PORT (default 8080).
//
//   npm run start:scaled                       everything, demo site on http://localhost:8080/
//   RECEIVERS=3 npm run start:scaled           more processes
//   FORWARD_URL=… FORWARD_SECRET=… npm run start:scaled   forwarding (outbox), as for one process
//
// Every other variable of docs/receiver.md goes to each receiver unchanged. The receivers trust
// X-Forwarded-For from the balancer (TRUST_PROXY=1) and listen on 127.0.0.1 only. DATA_DIR
// defaults to ./data-scaled. Prints `balancer http://127.0.0.1:<port>`, `S3 <endpoint>` and
// `receiver <n> pid <pid> port <port>` lines.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBalancer } from './balancer.mjs';
import { ensurePostgres, freePort, startPostgres } from './postgres.mjs';
import { spawnS3Server } from './s3-server.mjs';

const MAIN = fileURLToPath(new URL('../demo/server/main.js', import.meta.url));
const { loadKeyring } = await import(
  new URL('../demo/server/crypto-at-rest.js', import.meta.url).href
);

const count = Number(process.env.RECEIVERS ?? 2);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error('RECEIVERS must be a whole number from 1 to 16');
  process.exit(1);
}
const dataDir = resolve(process.env.DATA_DIR?.trim() || './data-scaled');
/** @type {{ stop(): void } | undefined} */
let cluster;
let databaseUrl = process.env.DATABASE_URL?.trim();
if (!databaseUrl) {
  const bin = ensurePostgres();
  if (!bin) process.exit(1);
  cluster = await startPostgres(bin);
  databaseUrl = cluster.url;
  console.log('PostgreSQL: a new cluster for this run (removed when stopped)');
}
// Uploads in S3-compatible object storage: the agency's (S3_* set), else a server of our own.
/** @type {Awaited<ReturnType<typeof spawnS3Server>> | undefined} */
let s3Server;
/** @type {Record<string, string>} */
let s3Env = {};
if (!process.env.S3_BUCKET?.trim()) {
  try {
    s3Server = await spawnS3Server(join(dataDir, 's3'));
  } catch (e) {
    console.error(/** @type {Error} */ (e).message);
    cluster?.stop();
    process.exit(1);
  }
  s3Env = s3Server.env;
  console.log(
    `S3 ${s3Env.S3_ENDPOINT} bucket ${s3Env.S3_BUCKET} (objects in ${join(dataDir, 's3')})`,
  );
}

// One keyring for every process: generated once here when MASTER_KEYS/LOOKUP_KEYS are unset,
// before the processes start (each would otherwise race to write DATA_DIR/keys.env).
const keyring = loadKeyring({
  dataDir,
  masterKeys: process.env.MASTER_KEYS,
  lookupKeys: process.env.LOOKUP_KEYS,
});
if (keyring.generatedFile) console.log(`Demo keys in ${keyring.generatedFile} (docs/privacy.md)`);
// Given to every process in its environment: a receiver on PostgreSQL refuses to start without
// them rather than read (or draw) keys of its own in DATA_DIR.
const keysEnv = {
  MASTER_KEYS: [...keyring.masters].map(([id, k]) => `${id}:${k.toString('base64')}`).join(','),
  LOOKUP_KEYS: [...keyring.lookups].map(([id, k]) => `${id}:${k.toString('base64')}`).join(','),
};

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  balancer?.close();
  const wait = children.map((c) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise((r) => c.once('exit', r)),
  );
  Promise.all(wait).then(() => {
    s3Server?.stop();
    cluster?.stop();
    process.exit(code);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

/** @type {ReturnType<typeof createBalancer> | undefined} */
let balancer;
const upstreams = [];
for (let n = 1; n <= count; n++) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      ...keysEnv,
      ...s3Env,
      HOST: '127.0.0.1',
      PORT: String(port),
      TRUST_PROXY: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  // Each line prefixed with the process it comes from.
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (d) => {
      const lines = (rest + String(d)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) console.log(`[receiver ${n}] ${line}`);
    });
  }
  child.on('exit', (code, signal) => {
    console.log(`receiver ${n} exited (${signal ?? code})`);
  });
  await new Promise((done, fail) => {
    const onData = (/** @type {Buffer} */ d) => {
      if (String(d).includes('demo agency site')) {
        child.stdout?.off('data', onData);
        done(undefined);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => fail(new Error(`receiver ${n} did not start`)));
  }).catch((e) => {
    console.error(e.message);
    stopAll(1);
  });
  console.log(`receiver ${n} pid ${child.pid} port ${port}`);
  upstreams.push({ host: '127.0.0.1', port });
}

balancer = createBalancer({
  upstreams,
  // One line per upstream failure (method and error code only, never a path): the 502s a client
  // sees, and the process they came from, explained.
  log: (e) => console.error(JSON.stringify({ msg: 'balancer: upstream error', ...e })),
});
const wanted = Number(process.env.PORT ?? 8080);
balancer.server.listen(wanted, '127.0.0.1', () => {
  const a = balancer?.server.address();
  const port = typeof a === 'object' && a ? a.port : wanted;
  console.log(`balancer http://127.0.0.1:${port}`);
  console.log(`dvc-forms scaled set-up: http://localhost:${port}/  (Ctrl-C to stop)`);
});
