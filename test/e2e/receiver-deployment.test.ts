// The receiver as an agency's administrator deploys it (docs/deployment.md): `node
// demo/server/main.js` in a child process, configured only through the environment. A wrong
// setting stops the start with one line naming the variable (no stack, no secret); behind a
// proxy the rate limits count the real client and a client cannot choose its address; the
// health and readiness probes answer; SIGTERM lets a request in flight finish.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child-server.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import { start } from './helpers.js';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { buildSubmissionPayload } from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey } from '../../src/signing/index.js';

const MAIN = fileURLToPath(new URL('../../demo/server/main.js', import.meta.url));
const CLERK = fileURLToPath(new URL('../../demo/server/clerk-admin.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'dvc-deploy-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Production-like keys, so that no demo key is generated. */
const KEYS = {
  MASTER_KEYS: `m1:${Buffer.alloc(32, 7).toString('base64')}`,
  LOOKUP_KEYS: `l1:${Buffer.alloc(32, 9).toString('base64')}`,
};

/**
 * Runs main.js with `env` until it exits, or until it says it listens (then it is stopped and
 * `started` is true: the setting was accepted).
 */
function runOnce(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: join(tmp, 'data'), ...KEYS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return new Promise<{ code: number | null; out: string; started: boolean }>((resolve) => {
    let started = false;
    child.stdout.on('data', () => {
      if (!started && out.includes('http://localhost:')) {
        started = true;
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => resolve({ code, out, started }));
  });
}

const WITH_DATABASE =
  'must be set with DATABASE_URL (both MASTER_KEYS and LOOKUP_KEYS, the same on every process: keys generated in DATA_DIR would differ from one process to the next); make them once with "npm run clerk -- new-keys" and keep them in your secret store';

describe('a wrong setting stops the start with the variable named, no stack, no secret', () => {
  const secret = 'S3cr3t-Pa55word';
  const aFile = join(tmp, 'not-a-folder');
  writeFileSync(aFile, '');
  const cases: [string, Record<string, string>, string][] = [
    [
      'TRUST_PROXY=true (once read as "no proxy")',
      { TRUST_PROXY: 'true' },
      'TRUST_PROXY must be the addresses of your own reverse proxies (e.g. 127.0.0.1 or 10.0.0.0/8,loopback), or how many of them stand in front (1), or 0; got "true"',
    ],
    [
      'TRUST_PROXY with a bad address',
      { TRUST_PROXY: '127.0.0.1,10.0.0.0/33' },
      'TRUST_PROXY must be the addresses of your own reverse proxies (e.g. 127.0.0.1 or 10.0.0.0/8,loopback), or how many of them stand in front (1), or 0; got "10.0.0.0/33"',
    ],
    [
      'MASTER_KEYS without LOOKUP_KEYS (once generated beside the data)',
      { LOOKUP_KEYS: '' },
      'LOOKUP_KEYS must be set too when MASTER_KEYS is (both from your secret store, or neither for demo keys generated in DATA_DIR/keys.env)',
    ],
    [
      'LOG_LEVEL unknown',
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    ],
    [
      'DATABASE_URL of another database',
      { DATABASE_URL: `mysql://dvc:${secret}@db.example/dvc` },
      'DATABASE_URL must be postgres://user:password@host:port/database (unset: the embedded SQLite file in DATA_DIR); the value set starts with "mysql://"',
    ],
    [
      'DATABASE_URL not a URL',
      { DATABASE_URL: `host=db.example user=dvc password=${secret}` }, // libpq's other form
      'DATABASE_URL must be postgres://user:password@host:port/database (unset: the embedded SQLite file in DATA_DIR); the value set is not a URL',
    ],
    [
      'DATABASE_URL of a server that does not answer',
      { DATABASE_URL: `postgres://dvc:${secret}@127.0.0.1:1/dvc` },
      'DATABASE_URL: cannot connect to PostgreSQL at dvc@127.0.0.1:1/dvc: connect ECONNREFUSED 127.0.0.1:1 (check the host, port, database, user and password, and that the server accepts this machine)',
    ],
    [
      'DATABASE_URL without MASTER_KEYS/LOOKUP_KEYS (once generated per process in DATA_DIR)',
      {
        DATABASE_URL: `postgres://dvc:${secret}@127.0.0.1:1/dvc`,
        MASTER_KEYS: '',
        LOOKUP_KEYS: '',
      },
      `MASTER_KEYS ${WITH_DATABASE}`,
    ],
    [
      'DATABASE_URL with MASTER_KEYS only',
      { DATABASE_URL: `postgres://dvc:${secret}@127.0.0.1:1/dvc`, LOOKUP_KEYS: '' },
      `LOOKUP_KEYS ${WITH_DATABASE}`,
    ],
    [
      'SMTP_URL of another scheme',
      { SMTP_URL: `https://mailer:${secret}@mail.example.vn` },
      'SMTP_URL must be smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465; the value set starts with "https://"',
    ],
    [
      'DATA_DIR a file',
      { DATA_DIR: aFile },
      `DATA_DIR must be a folder this process can create and write, got "${aFile}" (EEXIST)`,
    ],
    [
      'HOST not an address of this machine',
      { HOST: '999.1.1.1' },
      'cannot listen on HOST=999.1.1.1 PORT=0: ENOTFOUND getaddrinfo ENOTFOUND 999.1.1.1 (HOST must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0)',
    ],
  ];
  for (const [name, env, message] of cases) {
    test(name, async () => {
      const r = await runOnce(env);
      assert.equal(r.started, false, `started with ${JSON.stringify(env)}:\n${r.out}`);
      assert.equal(r.code, 1);
      assert.equal(r.out, `dvc-forms demo: cannot start: ${message}\n`);
      assert.ok(!r.out.includes(secret));
    });
  }

  test('PORT taken by another process', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await runOnce({ PORT: String(port), HOST: '127.0.0.1' });
      assert.equal(
        r.out
          .split('\n')
          .filter((l) => l.startsWith('dvc-forms demo:'))
          .join('\n'),
        `dvc-forms demo: cannot start: cannot listen on HOST=127.0.0.1 PORT=${port}: the port is in use by another process (set PORT to a free one)`,
      );
      assert.equal(r.code, 1);
      assert.doesNotMatch(r.out, /\n\s+at /, 'a stack trace');
    } finally {
      taken.close();
    }
  });
});

describe('keys: the ones that wrote the database, or the start stops', () => {
  const other = (id: string) => `${id}:${Buffer.alloc(32, 1).toString('base64')}`;
  const notTheKey = (name: string, id: string) =>
    `dvc-forms demo: cannot start: ${name}: key "${id}" is not the key "${id}" this database was written with: set the keys it was written with (from your secret store, or those of its backup)\n`;

  test('another key under a listed id stops the start; a rotation (new key first) starts', async () => {
    const DATA_DIR = join(tmp, 'keys');
    assert.equal((await runOnce({ DATA_DIR })).started, true);
    for (const [env, message] of [
      [{ MASTER_KEYS: other('m1') }, notTheKey('MASTER_KEYS', 'm1')],
      [{ LOOKUP_KEYS: other('l1') }, notTheKey('LOOKUP_KEYS', 'l1')],
      // A rotation (docs/deployment.md "Key rotation") whose old key was copied wrong.
      [{ MASTER_KEYS: `${other('m2')},${other('m1')}` }, notTheKey('MASTER_KEYS', 'm1')],
    ] as const) {
      const r = await runOnce({ DATA_DIR, ...env });
      assert.equal(r.started, false, r.out);
      assert.equal(r.code, 1);
      assert.equal(r.out, message);
    }
    // A refused start recorded nothing: m2 is still free for the real rotation.
    const m2 = `m2:${Buffer.alloc(32, 2).toString('base64')}`;
    const rotated = await runOnce({
      DATA_DIR,
      MASTER_KEYS: `${m2},${KEYS.MASTER_KEYS}`,
      LOOKUP_KEYS: `${other('l2')},${KEYS.LOOKUP_KEYS}`,
    });
    assert.equal(rotated.started, true, rotated.out);
    // The new ids are recorded too: another key under m2 is now refused.
    const r = await runOnce({ DATA_DIR, MASTER_KEYS: other('m2') });
    assert.equal(r.out, notTheKey('MASTER_KEYS', 'm2'));
  });

  test('SQLite without keys: demo keys generated once in DATA_DIR and kept', async () => {
    const DATA_DIR = join(tmp, 'demo-keys');
    const none = { DATA_DIR, MASTER_KEYS: '', LOOKUP_KEYS: '' };
    const first = await runOnce(none);
    assert.equal(first.started, true, first.out);
    const keysEnv = readFileSync(join(DATA_DIR, 'keys.env'), 'utf8');
    assert.equal((await runOnce(none)).started, true);
    assert.equal(readFileSync(join(DATA_DIR, 'keys.env'), 'utf8'), keysEnv);
  });

  test('PostgreSQL without keys, where an older receiver generated them: the start names their file', async () => {
    // Before the keys were required with DATABASE_URL, a PostgreSQL receiver generated them into
    // DATA_DIR/keys.env and wrote its dossiers with them: "make new keys" would not open those.
    const DATA_DIR = join(tmp, 'older-postgres');
    mkdirSync(DATA_DIR);
    writeFileSync(
      join(DATA_DIR, 'keys.env'),
      `MASTER_KEYS=${KEYS.MASTER_KEYS}\nLOOKUP_KEYS=${KEYS.LOOKUP_KEYS}\n`,
    );
    const r = await runOnce({
      DATA_DIR,
      DATABASE_URL: 'postgres://dvc:S3cr3t@127.0.0.1:1/dvc',
      MASTER_KEYS: '',
      LOOKUP_KEYS: '',
    });
    assert.equal(
      r.out,
      'dvc-forms demo: cannot start: MASTER_KEYS must be set with DATABASE_URL (both MASTER_KEYS and LOOKUP_KEYS, the same on every process: keys generated in DATA_DIR would differ from one process to the next); ' +
        `take them from ${join(DATA_DIR, 'keys.env')}, which a receiver before this check generated and this database's dossiers may be written with, move them to your secret store and delete the file\n`,
    );
    assert.equal(r.code, 1);
  });

  test('the clerk commands that read dossiers on PostgreSQL need the keys too', () => {
    for (const command of ['purge', 'rewrap']) {
      const r = spawnSync(process.execPath, [CLERK, command], {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: 'postgres://dvc:S3cr3t@127.0.0.1:1/dvc',
          DATA_DIR: join(tmp, 'cli'),
        },
        encoding: 'utf8',
      });
      assert.equal(r.status, 1);
      assert.equal(r.stdout + r.stderr, `MASTER_KEYS ${WITH_DATABASE}\n`);
    }
  });

  test('"npm run clerk -- new-keys" prints keys the receiver starts with', async () => {
    const out = execFileSync(process.execPath, [CLERK, 'new-keys'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    const m =
      /^MASTER_KEYS=(m\d{8}:[A-Za-z0-9+/]{43}=)\nLOOKUP_KEYS=(l\d{8}:[A-Za-z0-9+/]{43}=)\n$/.exec(
        out,
      );
    assert.ok(m, out);
    const r = await runOnce({
      DATA_DIR: join(tmp, 'new-keys'),
      MASTER_KEYS: m[1]!,
      LOOKUP_KEYS: m[2]!,
    });
    assert.equal(r.started, true, r.out);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * main.js on a port chosen before it starts (its start-up lines, which say the port, wait for the
 * mail server's check), with its output and its exit.
 */
async function spawnMain(env: Record<string, string>) {
  const free = createServer();
  await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
  const port = (free.address() as { port: number }).port;
  await new Promise((r) => free.close(r));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(tmp, 'data-check'),
      ...KEYS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c) => resolve((code = c))),
  );
  /** `path`'s status and JSON body; status 0 while nothing listens. */
  const get = (path: string) =>
    fetch(`http://127.0.0.1:${port}${path}`).then(
      async (res) => [res.status, await res.json()] as const,
      () => [0, undefined] as const,
    );
  /** Polls until `done()`; fails if the process exits first. */
  const until = async (done: () => boolean | Promise<boolean>) => {
    while (!(await done())) {
      assert.equal(code, undefined, `the receiver exited:\n${stdout}${stderr}`);
      await sleep(20);
    }
  };
  const stop = async () => {
    if (code === undefined) child.kill('SIGTERM');
    return exited;
  };
  return { port, get, until, exited, stop, stdout: () => stdout, stderr: () => stderr };
}

describe('SMTP_URL: the check runs beside the listening receiver, not before it', () => {
  const password = 'Mail-Pa55word';
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp({ users: { 'thong-bao': password } });
    smtp.hold = true;
  });
  after(() => smtp.close());
  const withUser = (user: string, pass: string) =>
    smtp.url.replace('smtp://', `smtp://${user}:${encodeURIComponent(pass)}@`);
  const BANNER = 'dvc-forms demo agency site';
  type Main = Awaited<ReturnType<typeof spawnMain>>;
  /** `path`'s first answer once the receiver listens; the mail check must still be pending then. */
  const firstAnswer = async (r: Main, path: string, checkOver: () => boolean) => {
    let answer: Awaited<ReturnType<Main['get']>> = [0, undefined];
    await r.until(async () => checkOver() || (answer = await r.get(path))[0] !== 0);
    // Before: the receiver listened only once the check was over (given up or answered).
    assert.equal(checkOver(), false, 'the receiver listened only once the mail check was over');
    return answer;
  };

  test('a mail server that accepts and never answers: /healthz answers while the check waits', async () => {
    const sockets: import('node:net').Socket[] = [];
    let closed = 0;
    const silent = createServer((s) => {
      sockets.push(s);
      s.on('close', () => closed++);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const r = await spawnMain({
      SMTP_URL: `smtp://thong-bao:${password}@127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    });
    try {
      // The check has connected and waits for a greeting that never comes.
      await r.until(() => sockets.length === 1);
      assert.deepEqual(await firstAnswer(r, '/healthz', () => closed > 0), [200, { status: 'ok' }]);
      assert.deepEqual(await r.get('/readyz'), [503, { status: 'starting' }]);
      assert.equal(closed, 0);
      assert.ok(!r.stdout().includes(BANNER), r.stdout());
      // The mail server goes away: the check answers with its warning, the receiver is ready.
      sockets[0]!.destroy();
      await r.until(async () => (await r.get('/readyz'))[0] === 200);
      assert.deepEqual(await r.get('/readyz'), [200, { status: 'ready' }]);
      await r.until(() => r.stdout().includes(BANNER));
      const lines = r
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string });
      assert.deepEqual(
        lines.filter((l) => l.level >= 40).map((l) => [l.level, l.msg]),
        [
          [
            40,
            `SMTP_URL: cannot use the mail server at 127.0.0.1:${port} now (ECONNECTION); the receiver starts anyway and notifications wait in the queue until it answers`,
          ],
        ],
      );
      // The warning comes first, then the start-up lines, in the old order.
      assert.ok(lines.findIndex((l) => l.msg.startsWith(BANNER)) > 0);
      assert.equal(await r.stop(), 0);
    } finally {
      await r.stop();
      silent.close();
    }
  });

  test('a log-in refused once listening: never ready, and the process stops with the same line', async () => {
    const closedBefore = smtp.closed;
    const r = await spawnMain({ SMTP_URL: withUser('thong-bao', 'wrong-Pa55word') });
    try {
      await r.until(() => smtp.held === 1);
      assert.deepEqual(await firstAnswer(r, '/healthz', () => smtp.closed > closedBefore), [
        200,
        { status: 'ok' },
      ]);
      assert.deepEqual(await r.get('/readyz'), [503, { status: 'starting' }]);
      smtp.release();
      assert.equal(await r.exited, 1);
      assert.equal(
        r.stderr(),
        `dvc-forms demo: cannot start: SMTP_URL: the mail server at ${smtp.url.slice(7)} did not accept the log-in (EAUTH 535): check the user and password in SMTP_URL\n`,
      );
      // No start-up line, no "Server listening", and the probe answered "starting" is not logged.
      assert.equal(r.stdout(), '');
      // Its connection is over before the next test counts them.
      while (smtp.closed === closedBefore) await sleep(20);
    } finally {
      await r.stop();
    }
  });

  test('the right log-in: /readyz says "starting" until the check answers, then "ready"', async () => {
    const closedBefore = smtp.closed;
    const r = await spawnMain({ SMTP_URL: withUser('thong-bao', password), LOG_LEVEL: 'warn' });
    try {
      await r.until(() => smtp.held === 1);
      assert.deepEqual(await firstAnswer(r, '/readyz', () => smtp.closed > closedBefore), [
        503,
        { status: 'starting' },
      ]);
      smtp.release();
      await r.until(async () => (await r.get('/readyz'))[0] === 200);
      await r.until(() => r.stdout().includes(BANNER));
      assert.doesNotMatch(r.stdout(), /SMTP/);
      assert.equal(await r.stop(), 0);
    } finally {
      await r.stop();
    }
  });
});

describe('SMTP_URL: the notification sender waits for the check', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp();
    smtp.hold = true;
  });
  after(() => smtp.close());

  type Template = Pick<
    Parameters<typeof buildSubmissionPayload>[0],
    'procedure' | 'procedureSha256' | 'answers' | 'rules'
  >;
  /** A signed birth registration (no upload) with `email` as the applicant's address. */
  async function submit(port: number, email: string) {
    const base = `http://127.0.0.1:${port}`;
    // The throughput bench's submissions (bench/lib/receiver-clients.mjs).
    const clients = (await import(
      new URL('../../bench/lib/receiver-clients.mjs', import.meta.url).href
    )) as {
      submissionTemplate(): Promise<Template>;
      signedDossier(
        t: Template,
        signer: Awaited<ReturnType<typeof createWebCryptoSigner>>,
        nonce: string,
        now: Date,
        answers: Template['answers'],
      ): Promise<string>;
    };
    const t = await clients.submissionTemplate();
    const ch = await fetch(`${base}/api/challenges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedure: { code: t.procedure.code, version: t.procedure.version } }),
    });
    assert.equal(ch.status, 201);
    const jws = await clients.signedDossier(
      t,
      await createWebCryptoSigner(await generateSigningKey()),
      ((await ch.json()) as { nonce: string }).nonce,
      new Date(Date.now() - 1000),
      { ...t.answers, requester: { ...(t.answers.requester as object), email } },
    );
    const res = await fetch(`${base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ jws }),
    });
    const body = (await res.json()) as { dossierCode: string };
    assert.equal(res.status, 201, JSON.stringify(body));
    return body.dossierCode;
  }

  test('a receipt queued while the check waits is sent only once it has answered', async () => {
    const dataDir = join(tmp, 'data-sender');
    // The sender, once started, looks for due messages every millisecond.
    const r = await spawnMain({
      SMTP_URL: smtp.url,
      NOTIFY_EVERY_SECONDS: '0.001',
      DATA_DIR: dataDir,
    });
    const db = () => new Database(join(dataDir, 'dvc.sqlite'), { readonly: true });
    const rows = () => {
      const d = db();
      try {
        return d
          .prepare('SELECT dossier_code, event, channel, status, attempts FROM notifications')
          .all();
      } finally {
        d.close();
      }
    };
    try {
      // The check has connected and waits for the greeting.
      await r.until(() => smtp.held === 1);
      const code = await submit(r.port, 'cong.dan@example.vn');
      const queued = [
        { dossier_code: code, event: 'received', channel: 'email', status: 'pending', attempts: 0 },
      ];
      // The receiver is otherwise running (it answered the dossier, it answers probes), and a
      // sender started would have claimed the receipt and connected by now: it has not.
      for (let i = 0; i < 20; i++) {
        assert.deepEqual(await r.get('/readyz'), [503, { status: 'starting' }]);
        assert.equal(smtp.connected, 1, 'only the check has connected to the mail server');
        assert.deepEqual(rows(), queued);
      }
      smtp.hold = false;
      smtp.release();
      const [mail] = await smtp.waitFor(1);
      assert.deepEqual(mail, {
        from: 'no-reply@localhost',
        to: ['cong.dan@example.vn'],
        subject: `Hồ sơ ${code}: Đã tiếp nhận`,
        text:
          `Hồ sơ ${code} đã được tiếp nhận.\n` +
          'Trạng thái: Đã tiếp nhận.\n' +
          'Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): http://localhost:8080/tra-cuu.html\n\n' +
          'Thư này được gửi tự động từ hệ thống, vui lòng không trả lời.',
      });
      await r.until(() => (rows()[0] as { status: string }).status === 'sent');
      assert.deepEqual(rows(), [{ ...queued[0], status: 'sent', attempts: 1 }]);
      assert.equal(smtp.connected, 2);
      assert.equal(await r.stop(), 0);
    } finally {
      smtp.hold = true;
      await r.stop();
    }
  });
});

describe('SMTP_URL: the log-in is tried at start', () => {
  const password = 'Mail-Pa55word';
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startSmtp({ users: { 'thong-bao': password } });
  });
  after(() => smtp.close());
  const withUser = (user: string, pass: string) =>
    smtp.url.replace('smtp://', `smtp://${user}:${encodeURIComponent(pass)}@`);

  test('a refused log-in stops the start (a wrong setting)', async () => {
    const r = await runOnce({ SMTP_URL: withUser('thong-bao', 'wrong-Pa55word') });
    assert.equal(r.started, false, r.out);
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      `dvc-forms demo: cannot start: SMTP_URL: the mail server at ${smtp.url.slice(7)} did not accept the log-in (EAUTH 535): check the user and password in SMTP_URL\n`,
    );
    assert.ok(!r.out.includes('wrong-Pa55word') && !r.out.includes('thong-bao'));
  });

  test('the right log-in starts, with no warning', async () => {
    const r = await runOnce({ SMTP_URL: withUser('thong-bao', password), LOG_LEVEL: 'warn' });
    assert.equal(r.started, true, r.out);
    assert.doesNotMatch(r.out, /SMTP/);
  });

  test('a mail server that does not answer: the receiver starts and says so', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const r = await runOnce({
      SMTP_URL: `smtp://thong-bao:${password}@127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    });
    assert.equal(r.started, true, r.out);
    const warnings = r.out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.msg.startsWith('SMTP_URL'));
    assert.deepEqual(
      warnings.map((l) => [l.level, l.msg]),
      [
        [
          40,
          `SMTP_URL: cannot use the mail server at 127.0.0.1:${port} now (ECONNREFUSED); the receiver starts anyway and notifications wait in the queue until it answers`,
        ],
      ],
    );
    assert.ok(!r.out.includes(password));
  });
});

/** The start-up lines main.js writes, in order (their words, whichever the format). */
const startupLines = (port: string, dataDir: string) => [
  `dvc-forms demo agency site: http://localhost:${port}/  (Ctrl-C to stop)`,
  `Data: ${dataDir}`,
  'POSTAGE unset: results by post use the demo\'s example tariff of 25000 đồng; set POSTAGE to your agency’s price (or "none"), see docs/payments.md',
  `Clerk page http://localhost:${port}/can-bo.html — no clerk account yet: create one with DATA_DIR=${dataDir} npm run clerk -- add <user> --role admin`,
];

/** Starts main.js, waits for its last start-up line, stops it; its output as JSON lines. */
async function startAndStop(env: Record<string, string>) {
  const server = await startChild({ ...KEYS, ...env });
  try {
    while (!server.output().includes('no clerk account')) await sleep(20);
  } finally {
    await server.stop();
  }
  const lines = server
    .output()
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { level: number; msg: string; startup?: boolean });
  return { server, lines };
}

describe('start-up lines: JSON for a log collector, plain text at a terminal', () => {
  test('stdout not a terminal: every line is a JSON log line, whatever LOG_LEVEL', async () => {
    const { server, lines } = await startAndStop({ LOG_LEVEL: 'warn' });
    assert.deepEqual(
      lines.map((l) => [l.level, l.msg]),
      [...startupLines(new URL(server.base).port, server.dataDir), 'Stopping…'].map((m) => [30, m]),
    );
    assert.ok(lines.every((l) => l.startup || l.msg === 'Stopping…'));
  });

  test('stdout a terminal: the same lines as plain text', async (t) => {
    // `script` (util-linux, on every Debian machine) gives the receiver a real terminal; skipped,
    // with the reason, only on a machine without it, where no other way to make one exists here.
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' });
    } catch {
      // No `script` on this machine: no other way to give the receiver a terminal (see above).
      t.skip('no `script` (util-linux) to give the receiver a terminal');
      return;
    }
    const dataDir = join(tmp, 'tty');
    const env = {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...KEYS,
    };
    // `script` runs main.js on a pseudo-terminal; its own process group, to stop both.
    const child = spawn('script', ['-qfec', `"${process.execPath}" "${MAIN}"`, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const exited = new Promise((r) => child.on('exit', r));
    try {
      while (!out.includes('--role admin')) await sleep(20);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    const port = /localhost:(\d+)\//.exec(out)![1]!;
    const lines = out.replace(/\r/g, '').split('\n');
    const first = lines.indexOf(startupLines(port, dataDir)[0]!);
    assert.deepEqual(lines.slice(first, first + 4), startupLines(port, dataDir), out);
    assert.doesNotMatch(out, /"startup":true/);
  });
});

describe('TRUST_PROXY as a count of proxies on an address other machines reach', () => {
  const warning =
    'TRUST_PROXY=1 believes the last 1 X-Forwarded-For entries from any peer, and HOST=0.0.0.0 accepts connections from other machines: a client that reaches the receiver without the proxy chooses its own address (rate limits, quotas, logs). Listen on 127.0.0.1 behind the proxy, or set TRUST_PROXY to the proxy’s addresses (e.g. 10.0.1.5)';
  for (const [env, expected] of [
    [{ TRUST_PROXY: '1', HOST: '0.0.0.0' }, [warning]],
    [{ TRUST_PROXY: '1', HOST: '127.0.0.1' }, []],
    [{ TRUST_PROXY: '10.0.1.5', HOST: '0.0.0.0' }, []],
  ] as const) {
    test(`${JSON.stringify(env)}: ${expected.length ? 'a warning at start' : 'no warning'}`, async () => {
      const { lines } = await startAndStop(env);
      const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg);
      assert.deepEqual(warnings, expected);
    });
  }
});

/** POST /api/challenges with an X-Forwarded-For header; the status only. */
async function challenge(base: string, forwardedFor?: string) {
  const res = await fetch(`${base}/api/challenges`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: '{}',
  });
  await res.arrayBuffer();
  return res.status;
}

describe('behind a reverse proxy: the real client is counted, a client cannot pick its address', () => {
  const LIMIT = { ...KEYS, RATE_LIMIT_CHALLENGES: '3/600' };

  for (const trust of ['1', '127.0.0.1', 'loopback,10.0.0.0/8']) {
    test(`TRUST_PROXY=${trust}: what the proxy appended counts, not what the client wrote`, async () => {
      const server = await startChild({ ...LIMIT, TRUST_PROXY: trust });
      try {
        // nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` appends the
        // address it saw (198.51.100.7) to whatever the client sent.
        const statuses = [];
        for (let i = 0; i < 4; i++)
          statuses.push(await challenge(server.base, `10.1.1.${i}, 198.51.100.7`));
        assert.deepEqual(statuses, [400, 400, 400, 429]);
        // Another client behind the same proxy has its own allowance.
        assert.equal(await challenge(server.base, '198.51.100.8'), 400);
      } finally {
        await server.stop();
      }
    });
  }

  for (const trust of [undefined, '10.0.0.0/8']) {
    test(`TRUST_PROXY=${trust ?? '(unset)'}: a request not from a trusted proxy keeps its address`, async () => {
      const server = await startChild({ ...LIMIT, ...(trust ? { TRUST_PROXY: trust } : {}) });
      try {
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push(await challenge(server.base, `198.51.100.${i}`));
        assert.deepEqual(statuses, [400, 400, 400, 429]);
      } finally {
        await server.stop();
      }
    });
  }
});

/** Both probes answer 200 with their JSON status, to GET and HEAD, never cached. */
async function assertProbes(base: string) {
  for (const [path, body] of [
    ['/healthz', { status: 'ok' }],
    ['/readyz', { status: 'ready' }],
  ] as const) {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${base}${path}`, { method });
      assert.equal(res.status, 200, `${method} ${path}`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      if (method === 'GET') assert.deepEqual(await res.json(), body);
    }
  }
}

describe('health, readiness and a graceful stop', () => {
  test('/healthz and /readyz answer, and the probes fill no log', async () => {
    const server = await startChild({ ...KEYS, LOG_LEVEL: 'info' });
    try {
      await assertProbes(server.base);
      await (await fetch(`${server.base}/api/procedures`)).arrayBuffer();
      while (!server.output().includes('"/api/procedures"'))
        await new Promise((r) => setTimeout(r, 20));
      // The request line of a real request is logged, the probes' are not.
      const requests = server
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"request"'))
        .map((l) => JSON.parse(l).url);
      assert.deepEqual(requests, ['/api/procedures']);
    } finally {
      await server.stop();
    }
  });

  test('/healthz and /readyz are always the probes, never a site file of those names', async () => {
    const site = mkdtempSync(join(tmp, 'site-'));
    writeFileSync(join(site, 'healthz'), 'a file named healthz');
    mkdirSync(join(site, 'readyz'));
    writeFileSync(join(site, 'readyz', 'index.html'), '<p>a folder named readyz</p>');
    writeFileSync(join(site, 'readyz.html'), '<p>readyz.html</p>');
    writeFileSync(join(site, '404.html'), '<p>404</p>');
    const s = await start({
      siteDir: site,
      logLevel: 'warn',
      masterKeys: KEYS.MASTER_KEYS,
      lookupKeys: KEYS.LOOKUP_KEYS,
    });
    try {
      await assertProbes(s.base);
      // Only the exact paths are the probes: other names stay the site's.
      for (const [path, text] of [
        ['/readyz.html', '<p>readyz.html</p>'],
        ['/readyz/', '<p>a folder named readyz</p>'],
      ]) {
        const res = await fetch(`${s.base}${path}`);
        assert.equal(res.status, 200, path);
        assert.equal(await res.text(), text);
      }
      assert.deepEqual(
        s.logs
          .map((l) => JSON.parse(l) as { level: number; msg: string })
          .filter((l) => l.level === 40)
          .map((l) => l.msg),
        [
          `${join(site, 'healthz')} is not served at /healthz: /healthz is the receiver's health probe (docs/deployment.md "Health checks"); give it another name`,
          `${join(site, 'readyz')} is not served at /readyz: /readyz is the receiver's readiness probe (docs/deployment.md "Health checks"); give it another name`,
        ],
      );
    } finally {
      await s.close();
    }
  });

  test('SIGTERM: a request in flight gets its answer, then the process exits 0', async () => {
    const server = await startChild({ ...KEYS });
    const url = new URL(server.base);
    const body = JSON.stringify({ procedure: { code: '1.001193', version: '1.0.0' } });
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    const closed = new Promise((r) => socket.on('close', r));
    await new Promise((r) => socket.on('connect', r));
    // Headers and half the body; once the receiver has read the headers (its `100 Continue`),
    // SIGTERM; the rest of the body once the process is stopping.
    socket.write(
      `POST /api/challenges HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nexpect: 100-continue\r\n` +
        `connection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    while (!answer.includes('100 Continue')) await new Promise((r) => setTimeout(r, 20));
    answer = '';
    const exited = new Promise<number | null>((r) => server.process.once('exit', r));
    server.process.kill('SIGTERM');
    while (!server.output().includes('Stopping')) await new Promise((r) => setTimeout(r, 20));
    // The receiver no longer takes new connections…
    await assert.rejects(fetch(`${server.base}/healthz`));
    // …and still answers the one it was receiving.
    socket.end(body.slice(10));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 201 /);
    assert.match(answer, /"nonce":"/);
    assert.equal(await exited, 0);
    await server.stop();
  });
});
