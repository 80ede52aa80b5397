// Throughput of the reference receiver (issue 22 point 4: ≥ 500 verified submissions per second
// on one process, without uploads), beside a plain baseline driven the same way in the same run.
//
// The receiver (demo/server, SQLite, its default logging at `info` into /dev/null) runs in this
// process; the browsers run in a child process (receiver-clients.mjs), so this process's CPU time
// is the receiver's alone. Every accepted submission went through everything the receiver does:
// challenge issued and stored, the JWS verified (ES256, low-S, procedure hash, validation and
// rules re-run, nonce spent), idempotency, encryption at rest, blind index, audit, notification
// and forwarding rows, in one transaction.
//
// The baseline is the least a JSON-over-HTTP service with a database does for the same two
// requests: Fastify (no logger) parsing the JSON body and inserting one SQLite row per request
// (WAL, as the receiver), answering 201 with a small JSON body.
//
// Rate limits: every client comes from 127.0.0.1, so the receiver's configuration for this run
// raises them (RATE_LIMIT_* settings, not the product's defaults: those would refuse after 600
// submissions a minute, see config.js and docs/performance.md).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { createServer } from '../../demo/server/app.js';
import { RATE_LIMIT_DEFAULTS } from '../../demo/server/config.js';
import { submissionTemplate } from './receiver-clients.mjs';

const CLIENTS = new URL('./receiver-clients.mjs', import.meta.url);

/**
 * Drives `base` with the client process; returns its counts and this process's CPU seconds over
 * the measured window.
 */
function drive(base, { profile, ...options }) {
  return new Promise((resolve, reject) => {
    const child = fork(CLIENTS, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    let cpu0;
    let cpu;
    let systemCpu;
    let elu0;
    let busy;
    child.on('message', async (m) => {
      if (m.type === 'window-start') {
        await profile?.start();
        cpu0 = process.cpuUsage();
        elu0 = performance.eventLoopUtilization();
        child.send('go');
      } else if (m.type === 'window-end') {
        const d = process.cpuUsage(cpu0);
        // The main thread's time out of its event loop's wait: its CPU and whatever blocked it
        // (SQLite's writes and fsyncs are synchronous), and, on a loaded machine, time it was
        // runnable but not running.
        busy = performance.eventLoopUtilization(elu0).active / 1000;
        cpu = (d.user + d.system) / 1e6;
        systemCpu = d.system / 1e6;
        await profile?.stop();
        child.send('go');
      } else if (m.type === 'done') {
        const r = m.result;
        resolve({
          ...r,
          cpuSeconds: cpu,
          // The kernel's part (socket writes, the database's writes and fsyncs).
          systemCpuSeconds: systemCpu,
          perSecond: r.accepted / r.wallSeconds,
          perCpuSecond: r.accepted / cpu,
          cpuMsPerSubmission: (cpu * 1000) / r.accepted,
          mainBusySeconds: busy,
          mainBusyMsPerSubmission: (busy * 1000) / r.accepted,
        });
      } else if (m.type === 'error') reject(new Error(`receiver clients: ${m.message}`));
    });
    child.on('exit', (code) => {
      if (code) reject(new Error(`receiver clients exited with ${code}`));
    });
    child.send({ base, ...options });
  });
}

/**
 * With DVC_BENCH_PROFILE=<file.cpuprofile>: a V8 CPU profile of the receiver during the measured
 * window only (open it in Chrome DevTools), to find what a submission costs.
 */
function windowProfiler(file) {
  if (!file) return undefined;
  const session = new Session();
  return {
    async start() {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    },
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The baseline: JSON parse + one SQLite insert per request, no logging, no checks. */
async function plainServer(dir) {
  const db = new Database(join(dir, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE nonces (nonce TEXT PRIMARY KEY, issued_at TEXT NOT NULL);' +
      'CREATE TABLE submissions (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, body TEXT NOT NULL)',
  );
  const addNonce = db.prepare('INSERT INTO nonces (nonce, issued_at) VALUES (?, ?)');
  const addSubmission = db.prepare('INSERT INTO submissions (received_at, body) VALUES (?, ?)');
  const app = Fastify({ logger: false });
  app.post('/api/challenges', async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64url');
    addNonce.run(nonce, new Date().toISOString());
    return reply.code(201).send({ nonce });
  });
  app.post('/api/dossiers', async (request, reply) => {
    const at = new Date().toISOString();
    const { lastInsertRowid } = addSubmission.run(at, JSON.stringify(request.body));
    return reply.code(201).send({ dossierCode: `P${lastInsertRowid}`, receivedAt: at });
  });
  app.addHook('onClose', async () => db.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, count: () => db.prepare('SELECT count(*) AS n FROM submissions').get().n };
}

/**
 * @param {{ clients: number, seconds: number, warmupSeconds: number, warmupSubmissions?: number,
 *   maxWarmupSeconds?: number }} options the window, after a warm-up of at least `warmupSeconds`
 *   and `warmupSubmissions` accepted (at most `maxWarmupSeconds`), for each server alike
 */
export async function receiverThroughput({ clients, seconds, ...warm }) {
  const template = await submissionTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'dvc-throughput-'));
  const logStream = createWriteStream('/dev/null');
  try {
    // The sample's answers are eligible on its cases' `today`: the receiver's clock starts there.
    const start = Date.parse(`${template.today}T03:00:00.000Z`);
    const t0 = Date.now();
    const rateLimits = Object.fromEntries(
      Object.entries(RATE_LIMIT_DEFAULTS).map(([name, l]) => [
        name,
        { ...l, max: 10_000_000, globalMax: 10_000_000 },
      ]),
    );
    const app = await createServer({
      dataDir: join(dir, 'receiver'),
      logLevel: 'info',
      logStream,
      now: () => new Date(start + (Date.now() - t0)),
      rateLimits,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    let dvc;
    try {
      dvc = await drive(`http://127.0.0.1:${app.server.address().port}`, {
        clients,
        seconds,
        ...warm,
        clockOffsetMs: start - t0,
        profile: windowProfiler(process.env.DVC_BENCH_PROFILE),
      });
      const stored = app.dvc.db.prepare('SELECT count(*) AS n FROM dossiers').get().n;
      // Accepted means stored: the window's count can only be below the table's.
      if (stored < dvc.accepted)
        throw new Error(`receiver: ${dvc.accepted} accepted but ${stored} stored`);
      dvc.stored = stored;
    } finally {
      await app.close();
    }

    if (process.env.DVC_BENCH_PROFILE) return { clients, seconds, dvc };
    const plain = await plainServer(dir);
    let base;
    try {
      base = await drive(`http://127.0.0.1:${plain.app.server.address().port}`, {
        clients,
        seconds,
        ...warm,
        clockOffsetMs: start - t0,
      });
      base.stored = plain.count();
    } finally {
      await plain.app.close();
    }
    if (dvc.accepted === 0) throw new Error(`no dossier accepted: ${JSON.stringify(dvc.refused)}`);
    return { clients, seconds, caseName: template.caseName, dvc, plain: base };
  } finally {
    logStream.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node bench/lib/receiver-throughput.mjs [clients] [seconds]`: one run, printed as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [clients = '16', seconds = '10'] = process.argv.slice(2);
  console.log(
    JSON.stringify(
      await receiverThroughput({
        clients: Number(clients),
        seconds: Number(seconds),
        warmupSeconds: 3,
        warmupSubmissions: Number(process.env.DVC_BENCH_WARMUP ?? 3000),
        maxWarmupSeconds: 60,
      }),
      null,
      2,
    ),
  );
}
