// Several receiver processes behind one PostgreSQL (docs/deployment.md): what must be unique or
// single-use holds across processes because the database says so, rate limits are counted
// together, and a tus upload started on one process resumes on another, also after the first was
// killed mid-upload. Two real processes (fixtures/receiver-process.ts) share the database and the
// upload store: the S3 bucket of an S3-compatible server when DVC_TEST_S3 is set (as in the
// `postgres` stage of scripts/test.mjs, with DVC_TEST_DATABASE_URL), else one upload folder.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { S3Config } from '../../demo/server/storage/s3-config.js';
import { challenge, fakeJws, payload, postDossier, testS3 } from './helpers.js';
import { until } from './poll.js';

const ADMIN_URL = process.env.DVC_TEST_DATABASE_URL;
const PROCESS = fileURLToPath(new URL('./fixtures/receiver-process.ts', import.meta.url));
const key = () => `k1:${randomBytes(32).toString('base64')}`;

interface Receiver {
  base: string;
  child: ChildProcess;
  output: () => string;
  /** The process's own TMPDIR (where @tus/s3-store buffers a part before it goes to S3). */
  tmp: string;
}

function startReceiver(env: Record<string, string>): Promise<Receiver> {
  const tmp = mkdtempSync(join(tmpdir(), 'dvc-process-tmp-'));
  const child = spawn(process.execPath, ['--import', 'tsx', PROCESS], {
    env: { PATH: process.env.PATH ?? '', ...env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`receiver did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ base: `http://127.0.0.1:${m[1]}`, child, output: () => out, tmp });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited with ${code}:\n${out}`));
    });
  });
}

const stop = (r: Receiver) =>
  new Promise<void>((resolve) => {
    if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve();
    r.child.once('exit', () => resolve());
    r.child.kill('SIGTERM');
  });

// Skipped only without DVC_TEST_DATABASE_URL: npm test's PostgreSQL stage sets it up (installing
// PostgreSQL when allowed), so it runs there; run alone by hand it needs a database to create.
describe('two receiver processes on one PostgreSQL', { skip: !ADMIN_URL, timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-processes-'));
  // The SMS provider both processes send to (the queue is shared): the texts it received.
  const sms: string[] = [];
  const numbers = new Set<string>();
  let provider: Server;
  let db: pg.Client;
  let a: Receiver;
  let b: Receiver;
  let s3: S3Config | undefined;
  /** The environment both processes run with. */
  let env: Record<string, string>;

  const meta = Object.entries({ filename: 'gcs.pdf', filetype: 'application/pdf', slot: 'giay-to' })
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
  /** Creates a tus upload on `r`; returns its path and the headers its client sends. */
  async function createUpload(r: Receiver, bytes: Buffer) {
    const created = await fetch(`${r.base}/api/uploads/`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': meta,
      },
    });
    assert.equal(created.status, 201);
    const location = created.headers.get('location')!;
    const cookie = created.headers.get('set-cookie')!.split(';')[0];
    return { location, cookie, tus: { 'tus-resumable': '1.0.0', cookie } };
  }
  /** A tus PATCH of `part` at `offset` to `r`, sent whole. */
  const patch = (
    r: Receiver,
    location: string,
    tus: Record<string, string>,
    part: Buffer,
    offset = 0,
  ) =>
    fetch(`${r.base}${location}`, {
      method: 'PATCH',
      headers: {
        ...tus,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(part),
    });
  /** A PATCH that sends `part` and then hangs, as a phone losing its network does. */
  function hangingPatch(
    r: Receiver,
    location: string,
    tus: Record<string, string>,
    part: Buffer,
    offset = 0,
  ) {
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller;
        controller.enqueue(new Uint8Array(part));
      },
    });
    const answer = fetch(`${r.base}${location}`, {
      method: 'PATCH',
      headers: {
        ...tus,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => e);
    /** The phone is gone for good: its request ends in an error. */
    const drop = () => {
      stream?.error(new Error('network lost'));
      return answer;
    };
    return { answer, drop };
  }
  /**
   * Waits until process `r` holds `size` bytes of the upload it is receiving: in the shared
   * upload folder, or with S3 in the part it buffers (in its TMPDIR) until the part is complete
   * or the request ends, as @tus/s3-store does.
   */
  async function writtenOnDisk(r: Receiver, location: string, size: number) {
    const file = join(dataDir, 'uploads', location.split('/').pop()!);
    // With S3, the process's TMPDIR can still hold an earlier request's part file for a moment
    // after that part went to the bucket (@tus/s3-store removes it without waiting), so the
    // largest file there is not necessarily this request's part: look for one of exactly `size`.
    const held = (): number[] => {
      if (!s3) return [existsSync(file) ? statSync(file).size : 0];
      return readdirSync(r.tmp)
        .map((name) => statSync(join(r.tmp, name), { throwIfNoEntry: false }))
        .filter((f) => f?.isFile())
        .map((f) => f!.size);
    };
    const reached = () => (s3 ? held().includes(size) : held()[0] >= size);
    await until(() => `the upload to be held whole (held ${held().join(', ')})`, reached, 10_000);
    assert.ok(s3 ? held().includes(size) : held()[0] === size, `held ${held().join(', ')}`);
  }

  before(async () => {
    const name = `dvc_processes_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${name}`;
    s3 = await testS3(dataDir);
    provider = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        const sent = JSON.parse(body) as { to: string; text: string };
        sms.push(sent.text);
        numbers.add(sent.to);
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const address = provider.address();
    env = {
      // Both processes run a notification sender every second on the shared queue.
      SMS_HTTP_URL: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/send`,
      NOTIFY_EVERY_SECONDS: '1',
      DATABASE_URL: url.href,
      DATA_DIR: dataDir,
      ...(s3
        ? {
            S3_ENDPOINT: s3.endpoint!,
            S3_BUCKET: s3.bucket,
            S3_REGION: s3.region,
            S3_ACCESS_KEY_ID: s3.accessKeyId,
            S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
          }
        : {}),
      MASTER_KEYS: key(),
      LOOKUP_KEYS: key(),
      // Status look-ups: 4 a minute per address, counted over both processes.
      RATE_LIMITS: JSON.stringify({
        status: { max: 4, windowSeconds: 60, globalMax: 1000, globalWindowSeconds: 60 },
      }),
    };
    // Started together: the migrations run once (advisory lock), both processes serve.
    [a, b] = await Promise.all([startReceiver(env), startReceiver(env)]);
    db = new pg.Client({ connectionString: url.href });
    await db.connect();
  });
  after(async () => {
    await Promise.all([a && stop(a), b && stop(b)]);
    await db?.end();
    provider?.closeAllConnections();
    await new Promise((resolve) => provider?.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
    for (const r of [a, b]) if (r) rmSync(r.tmp, { recursive: true, force: true });
  });

  test('200 concurrent submissions spread over both processes: 200 dossiers, none lost or doubled', async (t) => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // The challenge from one process, the dossier to the other: the nonce lives in the database.
        const [first, second] = i % 2 ? [a, b] : [b, a];
        const nonce = await challenge(first.base);
        const r = await postDossier(
          second.base,
          fakeJws(payload(nonce, { assistedBy: `load-${i}` })),
        );
        return { status: r.status, body: (await r.json()) as { dossierCode: string } };
      }),
    );
    // For docs/scaling.md: measured, never asserted (the machine is shared). No uploads, and
    // the test verifier instead of ES256 (the receiver's own work: nonce, rules, storage).
    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(
      `200 submissions without uploads (test verifier) in ${seconds.toFixed(1)} s: ` +
        `${(200 / seconds).toFixed(1)}/s over 2 processes`,
    );
    assert.deepEqual(
      answers.filter((x) => x.status !== 201),
      [],
    );
    const codes = new Set(answers.map((x) => x.body.dossierCode));
    assert.equal(codes.size, 200);
    const rows = (await db.query('SELECT code FROM dossiers')).rows.map((r) => r.code as string);
    assert.equal(rows.length, 200);
    assert.deepEqual(new Set(rows), codes);
  });

  test('one nonce sent to both processes at once makes one dossier', async () => {
    for (let i = 0; i < 10; i++) {
      const nonce = await challenge(a.base);
      const jws = fakeJws(payload(nonce));
      const rs = await Promise.all([postDossier(a.base, jws), postDossier(b.base, jws)]);
      const refused = rs.find((r) => r.status !== 201);
      if (refused) {
        const problem = (await refused.json()) as { errors?: { code: string }[] };
        assert.equal(problem.errors?.[0].code, 'nonce-replayed');
      }
      const statuses = rs.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 422], `attempt ${i}`);
    }
  });

  test('one Idempotency-Key on both processes at once: one dossier, the same answer or 409', async () => {
    for (let i = 0; i < 10; i++) {
      const nonce = await challenge(b.base);
      const jws = fakeJws(payload(nonce, { assistedBy: `idem-${i}` }));
      const idem = `processes-${i}`;
      const rs = await Promise.all([
        postDossier(a.base, jws, idem),
        postDossier(b.base, jws, idem),
      ]);
      const bodies = await Promise.all(
        rs.map((r) => r.json() as Promise<{ dossierCode?: string }>),
      );
      const created = rs.filter((r) => r.status === 201);
      assert.ok(created.length >= 1, `attempt ${i}: ${rs.map((r) => r.status)}`);
      for (const [j, r] of rs.entries()) {
        assert.ok([201, 409].includes(r.status), `attempt ${i}: ${r.status}`);
        if (r.status === 201)
          assert.equal(bodies[j].dossierCode, bodies[rs.indexOf(created[0])].dossierCode);
      }
      // Sent again later to either process: the stored answer.
      const again = await postDossier(a.base, jws, idem);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const n = await db.query('SELECT COUNT(*)::int AS n FROM idempotency_keys WHERE key = $1', [
        idem,
      ]);
      assert.equal(n.rows[0].n, 1);
    }
    const dossiers = await db.query(
      'SELECT COUNT(*)::int AS n FROM dossiers WHERE received_at IS NOT NULL',
    );
    assert.equal(dossiers.rows[0].n, 200 + 10 + 10);
  });

  test('two senders on one notifications queue send each receipt exactly once', async () => {
    // The dossiers above were received by both processes while both senders ran.
    const dossiers = Number((await db.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
    assert.ok(dossiers > 200);
    for (let i = 0; i < 240; i++) {
      const { rows } = await db.query(
        "SELECT count(*) AS n FROM notifications WHERE status = 'pending'",
      );
      if (Number(rows[0].n) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // A little longer: a sender that wrongly sent again would have done so by now.
    await new Promise((r) => setTimeout(r, 2500));
    const { rows } = await db.query(
      "SELECT dossier_code, status, attempts FROM notifications WHERE event = 'received' AND channel = 'sms'",
    );
    assert.equal(rows.length, dossiers);
    assert.deepEqual(
      rows.filter((r) => r.status !== 'sent' || r.attempts !== 1),
      [],
    );
    const sent = sms.map((text) => /^Ho so (\S+) da duoc tiep nhan\./.exec(text)?.[1]);
    assert.equal(sent.length, dossiers, 'one SMS per dossier');
    assert.deepEqual(new Set(sent), new Set(rows.map((r) => r.dossier_code as string)));
    // The answer "0912 345 678" (as typed, not canonical) is sent as the provider wants it.
    assert.deepEqual([...numbers], ['84912345678']);
  });

  test('rate limits are counted over both processes', async () => {
    const lookup = (r: Receiver) =>
      fetch(`${r.base}/api/status?code=XX-000000-0000&secret=0912345678`).then((x) => x.status);
    // 4 a minute per address: two on each process, then both refuse.
    assert.deepEqual(
      [await lookup(a), await lookup(b), await lookup(a), await lookup(b)],
      [404, 404, 404, 404],
    );
    assert.equal(await lookup(a), 429);
    assert.equal(await lookup(b), 429);
  });

  test('failed log-ins are counted over both processes (20 per address, then 429)', async () => {
    // A new name each time: five failures of one name lock that name (423, like an account's),
    // and this test counts the address's failures.
    let n = 0;
    const login = (r: Receiver) =>
      fetch(`${r.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `nobody-${n++}`, password: 'wrong password' }),
      }).then((x) => x.status);
    // Ten wrong passwords on each process: each alone has seen only ten.
    for (let i = 0; i < 10; i++) assert.deepEqual([await login(a), await login(b)], [401, 401]);
    assert.equal(await login(a), 429);
    assert.equal(await login(b), 429);
    // Stored as digests of the address, never the address itself.
    const keys = await db.query(
      "SELECT DISTINCT key_sha256 FROM failure_events WHERE scope = 'login-ip'",
    );
    assert.deepEqual(keys.rows, [
      { key_sha256: createHash('sha256').update('127.0.0.1').digest('hex') },
    ]);
  });

  test('a request for an upload on one process makes the other let go of it, and is answered before the client gives up', async () => {
    const bytes = Buffer.from('%PDF-1.7\n' + 'tờ khai '.repeat(40_000));
    const { location, tus } = await createUpload(a, bytes);
    const sent = 50_000;
    const hanging = hangingPatch(a, location, tus, bytes.subarray(0, sent));
    await writtenOnDisk(a, location, sent);
    // The client gave up on A and asks B where the upload stands. B can answer only once A's
    // request has let go of the upload's lock. Asked through the database, A lets go at once and
    // answers its client where the upload stopped (204, Connection: close), and the client, still
    // sending, gives up on A only after both answers. Without the release, A holds on until the
    // idle timeout cuts its silent client (or B's 30 s lock timeout answers 500): the order of
    // events, not their duration, shows it.
    const events: string[] = [];
    const aLetGo = hanging.answer.then((r) => {
      events.push(r instanceof Response ? `A answered ${r.status}` : `A's connection was cut`);
      return r;
    });
    const head = await fetch(`${b.base}${location}`, { method: 'HEAD', headers: tus });
    events.push(`B answered ${head.status}`);
    const answered = await aLetGo;
    events.push('the client gave up on A');
    await hanging.drop();
    // A's answer and B's both follow A's unlock, in either order.
    assert.deepEqual(
      [new Set(events.slice(0, 2)), events[2]],
      [new Set(['A answered 204', 'B answered 200']), 'the client gave up on A'],
      events.join(' → '),
    );
    assert.ok(answered instanceof Response);
    assert.equal(answered.headers.get('upload-offset'), String(sent));
    assert.equal(answered.headers.get('connection'), 'close');
    assert.equal(Number(head.headers.get('upload-offset')), sent);
    const rest = await patch(b, location, tus, bytes.subarray(sent), sent);
    assert.equal(rest.status, 204, await rest.text());
  });

  test('a request received whole is answered, not cut, when the receiver takes longer than IDLE_TIMEOUT_SECONDS', async () => {
    // Under load (scaled.postgres.ts on a busy machine) a PATCH waited over 30 s on S3 and
    // PostgreSQL; the idle timer, meant for silent clients, destroyed the connection before the
    // answer and the balancer answered 502. Here the wait is the upload's lock, held by this test
    // until the receiver has asked for it three times (it asks every second while waiting).
    const c = await startReceiver({ ...env, IDLE_TIMEOUT_SECONDS: '1' });
    const listener = new pg.Client({ connectionString: env.DATABASE_URL });
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    try {
      await Promise.all([listener.connect(), holder.connect()]);
      const bytes = Buffer.from('%PDF-1.7\n' + 'giấy khai sinh '.repeat(1000));
      const { location, tus } = await createUpload(c, bytes);
      const id = location.split('/').pop()!;
      let asked = 0;
      let askedThrice: () => void = () => undefined;
      const waited = new Promise<void>((resolve) => (askedThrice = resolve));
      listener.on('notification', (n) => {
        if (n.payload === id && ++asked === 3) askedThrice();
      });
      await listener.query('LISTEN dvc_tus_release');
      await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`tus:${id}`]);
      const patched = patch(c, location, tus, bytes).catch((e: Error) => e);
      // Cut (without the fix), the request stops waiting and asking: it has its answer then.
      await Promise.race([waited, patched]);
      await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`tus:${id}`]);
      const r = await patched;
      assert.ok(r instanceof Response, `the connection was cut: ${String(r)}`);
      assert.equal(r.status, 204, await r.text());
      assert.equal(Number(r.headers.get('upload-offset')), bytes.length);
    } finally {
      await Promise.all([listener.end(), holder.end()]);
      await stop(c);
      rmSync(c.tmp, { recursive: true, force: true });
    }
  });

  test('a DELETE that passed the check while a dossier took the file is refused: 409 upload-immutable', async () => {
    // The race the check before tus cannot see (upload-guard.js `claim`): the owner's DELETE is
    // let through while no dossier holds the file, waits for the upload's lock, and meanwhile a
    // dossier takes the file. Provoked in that order: the test holds the lock, sees the DELETE
    // ask for it (NOTIFY, so it is past the check), has the dossier accepted, then lets go.
    const listener = new pg.Client({ connectionString: env.DATABASE_URL });
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    try {
      await Promise.all([listener.connect(), holder.connect()]);
      const bytes = Buffer.from('%PDF-1.7\n' + 'bản sao giấy khai sinh '.repeat(500));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { location, cookie, tus } = await createUpload(a, bytes);
      const id = location.split('/').pop()!;
      const whole = await patch(a, location, tus, bytes);
      assert.equal(whole.status, 204, await whole.text());

      let askedFor: () => void = () => undefined;
      const asked = new Promise<void>((resolve) => (askedFor = resolve));
      listener.on('notification', (n) => {
        if (n.payload === id) askedFor();
      });
      await listener.query('LISTEN dvc_tus_release');
      await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`tus:${id}`]);
      const deleted = fetch(`${b.base}${location}`, { method: 'DELETE', headers: tus });
      await asked;

      const r = await postDossier(
        a.base,
        fakeJws(
          payload(await challenge(a.base), {
            documents: [
              {
                slot: 'giay-to',
                name: 'gcs.pdf',
                type: 'application/pdf',
                size: bytes.length,
                sha256,
                url: `${a.base}${location}`,
              },
            ],
          }),
        ),
        undefined,
        cookie,
      );
      assert.equal(r.status, 201, await r.clone().text());
      const { dossierCode } = (await r.json()) as { dossierCode: string };
      await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`tus:${id}`]);

      const refused = await deleted;
      assert.equal(refused.status, 409);
      assert.equal(refused.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.deepEqual(await refused.json(), {
        type: 'urn:dvc-forms:problem:upload-immutable',
        title: 'Tệp đã được nộp',
        status: 409,
        detail: 'Tệp này đã được nộp cùng một hồ sơ nên không thể sửa hay xoá.',
      });
      // The dossier keeps its file, whole.
      const kept = await db.query('SELECT dossier_code, sha256 FROM uploads WHERE id = $1', [id]);
      assert.deepEqual(kept.rows, [{ dossier_code: dossierCode, sha256 }]);
      const head = await fetch(`${b.base}${location}`, { method: 'HEAD', headers: tus });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('upload-offset'), String(bytes.length));
    } finally {
      await Promise.all([listener.end(), holder.end()]);
    }
  });

  test('a tus upload started on one process resumes on the other after the first is killed', async () => {
    // With S3 the file is 12 MiB: @tus/s3-store sends 8 MiB parts, so the first PATCH leaves one
    // complete part in the bucket (and the rest as its "incomplete part"); the PATCH A is
    // killed in holds the next bytes only in A's own buffer, lost with A.
    const text = s3 ? 'giấy chứng sinh '.repeat(720_000) : 'giấy chứng sinh '.repeat(40_000);
    const bytes = Buffer.from('%PDF-1.7\n' + text);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { location, cookie, tus } = await createUpload(a, bytes);
    const PART = 8 * 1024 * 1024;
    let start = 0;
    if (s3) {
      start = PART + 100_000;
      const first = await patch(a, location, tus, bytes.subarray(0, start));
      assert.equal(first.status, 204, await first.text());
    }
    const sent = start + 100_000;
    const hanging = hangingPatch(a, location, tus, bytes.subarray(start, sent), start);
    // Killed while its PATCH holds the upload's lock (with S3: the incomplete part taken back
    // from the bucket and the new bytes, in A's buffer).
    await writtenOnDisk(a, location, s3 ? sent - PART : sent);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    assert.ok((await hanging.answer) instanceof Error);

    // Process B: where are we, and the rest. A's lock died with its connection.
    const head = await fetch(`${b.base}${location}`, { method: 'HEAD', headers: tus });
    assert.equal(head.status, 200);
    const resumeAt = Number(head.headers.get('upload-offset'));
    // The folder keeps every byte A wrote; S3 keeps the complete part (A had taken the
    // incomplete one out of the bucket to send it again with the new bytes).
    assert.equal(resumeAt, s3 ? PART : sent);
    const rest = await patch(b, location, tus, bytes.subarray(resumeAt), resumeAt);
    assert.equal(rest.status, 204, await rest.text());
    const stored = await db.query('SELECT sha256, size FROM uploads WHERE id = $1', [
      location.split('/').pop(),
    ]);
    assert.deepEqual(stored.rows, [{ sha256, size: String(bytes.length) }]);
    if (s3) {
      // The SHA-256 above was computed by reading the object back from the bucket; the
      // multipart upload was completed into one object of the file's size (ciphertext).
      const ref = `s3:${location.split('/').pop()}`;
      const { createObjectStore } = await import('../../demo/server/storage/objects.js');
      const objects = createObjectStore({ dir: dataDir, s3 });
      try {
        const object = await objects.readAll(ref);
        assert.equal(object.length, bytes.length);
        assert.ok(!object.subarray(0, 64).equals(bytes.subarray(0, 64)));
      } finally {
        objects.close();
      }
      // (The test procedure takes files up to 1 MB, so no dossier takes this one here; on S3 a
      // dossier's files are checked in receiver.test.ts and scaled.postgres.ts.)
      return;
    }

    // And the dossier that holds it, on B.
    const nonce = await challenge(b.base);
    const doc = {
      slot: 'giay-to',
      name: 'gcs.pdf',
      type: 'application/pdf',
      size: bytes.length,
      sha256,
      url: `${b.base}${location}`,
    };
    const r = await postDossier(
      b.base,
      fakeJws(payload(nonce, { documents: [doc] })),
      undefined,
      cookie,
    );
    assert.equal(r.status, 201, await r.clone().text());
  });
});
