// Starts the reference receiver on a random port with a fresh data folder, for the e2e tests.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createServer, type Receiver, type ServerOptions } from '../../demo/server/app.js';
import { createBucket } from '../../demo/server/storage/objects.js';
import { loadS3Config, type S3Config } from '../../demo/server/storage/s3-config.js';

export const FIXTURE_PROCEDURES = fileURLToPath(new URL('./fixtures/procedures/', import.meta.url));
/** The clerk account every test server starts with (a person, with a password). */
export const CLERK = {
  username: 'tran.thi.an',
  password: 'mot-mat-khau-du-dai',
  displayName: 'Trần Thị An',
  role: 'clerk',
} as const;
/** The administrator account every test server starts with. */
export const ADMIN = {
  username: 'le.van.binh',
  password: 'mat-khau-quan-tri-vien',
  displayName: 'Lê Văn Bình',
  role: 'admin',
} as const;

/** An RFC 9457 problem as the receiver answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { code: string; message: string; index?: number; slot?: string; name?: string }[];
  [k: string]: unknown;
}

export interface Running {
  app: Receiver;
  base: string;
  dataDir: string;
  logs: string[];
  /** An API key of CLERK (automation path; `authorization: Bearer <key>`). */
  clerkKey: string;
  /** An API key of ADMIN. */
  adminKey: string;
  close(): Promise<void>;
}

/** A fake clock the tests can move. */
export function clock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
  };
}

/**
 * @tus/file-store creates its folder with a fire-and-forget fs.mkdir that throws from its
 * callback; removing the data folder before that callback ran crashed the test file under load.
 * A mkdir of our own queued behind it on the same thread pool lets it settle first.
 */
async function removeDataDir(dataDir: string): Promise<void> {
  await mkdir(join(dataDir, 'uploads'), { recursive: true }).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Rate limits high enough for tests that send many requests from one address; the rate-limit
 * tests pass their own.
 */
export const RELAXED_RATE_LIMITS = Object.fromEntries(
  (['challenges', 'uploads', 'dossiers', 'status', 'clerk'] as const).map((name) => [
    name,
    { max: 100_000, windowSeconds: 60, globalMax: 100_000, globalWindowSeconds: 60 },
  ]),
) as Required<ServerOptions>['rateLimits'];

/**
 * With DVC_TEST_DATABASE_URL (a PostgreSQL server the test run started, scripts/test.mjs), each
 * data folder gets its own database there, so the same tests run on both storages; a server
 * started again on the same folder finds the same database.
 */
async function testDatabase(dataDir: string): Promise<string | undefined> {
  const admin = process.env.DVC_TEST_DATABASE_URL;
  if (!admin) return undefined;
  const name = `dvc_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    if ((e as { code?: string }).code !== '42P04') throw e; // 42P04: it exists already
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * With DVC_TEST_S3 (the S3_* settings of an S3-compatible server the test run started, without
 * S3_BUCKET; scripts/test.mjs), each data folder gets its own bucket there: uploads then go to
 * S3 and never to the folder. A server started again on the same folder finds the same bucket.
 */
export async function testS3(dataDir: string): Promise<S3Config | undefined> {
  const raw = process.env.DVC_TEST_S3;
  if (!raw) return undefined;
  const bucket = `dvc-${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
  const config = loadS3Config({ ...JSON.parse(raw), S3_BUCKET: bucket })!;
  await createBucket(config);
  return config;
}

/**
 * Starts the receiver on a loopback port. `prepare` runs before it listens, to add what a test
 * needs beside the demo site (a page as another agency embeds it).
 */
export async function start(
  options: ServerOptions = {},
  prepare?: (app: Receiver) => void,
): Promise<Running> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dvc-receiver-'));
  const logs: string[] = [];
  let app: Receiver;
  try {
    const databaseUrl = options.databaseUrl ?? (await testDatabase(dataDir));
    const s3 = options.s3 ?? (await testS3(dataDir));
    app = await createServer({
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(s3 ? { s3 } : {}),
      dataDir,
      proceduresDir: FIXTURE_PROCEDURES,
      purgeEveryMinutes: 0,
      logStream: { write: (line: string) => void logs.push(line) },
      rateLimits: RELAXED_RATE_LIMITS,
      ...options,
    });
  } catch (e) {
    await removeDataDir(dataDir);
    throw e;
  }
  // A server started again on the same data folder keeps its accounts.
  for (const account of [CLERK, ADMIN]) {
    const exists = await app.dvc.storage
      .prepare('SELECT 1 FROM clerk_accounts WHERE username = ?')
      .get(account.username);
    // The clerk is given the server's procedures, as an agency gives its clerks theirs (a new
    // clerk account sees no dossier until then).
    if (!exists) {
      await app.dvc.accounts.add({ ...account, procedures: app.dvc.procedures.map((p) => p.name) });
    }
  }
  // Synchronous on the embedded database, a promise on PostgreSQL.
  const clerkKey = (await app.dvc.accounts.createApiKey(CLERK.username, 'e2e')).key;
  const adminKey = (await app.dvc.accounts.createApiKey(ADMIN.username, 'e2e')).key;
  prepare?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    dataDir,
    logs,
    clerkKey,
    adminKey,
    async close() {
      await app.close();
      await removeDataDir(dataDir);
    },
  };
}

/** Every stored dossier's code and decrypted payload (the columns themselves hold ciphertext). */
export async function storedPayloads(
  s: Running,
): Promise<{ code: string; payload: Record<string, unknown> }[]> {
  const rows = await s.app.dvc.storage
    .prepare('SELECT code FROM dossiers ORDER BY received_at, code')
    .all();
  return Promise.all(
    rows.map(async (r) => {
      const { code } = r as { code: string };
      return { code, payload: (await s.app.dvc.readDossier(code))?.payload ?? {} };
    }),
  );
}

/** A compact JWS-shaped string around `payload`, for the fake verifier (not really signed). */
export function fakeJws(payload: unknown, signature = 'valid'): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  return `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify(payload))}.${b64(signature)}`;
}

interface FakePayload {
  nonce: string;
  documents?: { slot: string; sha256: string; url?: string }[];
  answers?: unknown;
}
interface FakeOptions {
  nonceStore: {
    consume(nonce: string, context?: object): Promise<boolean>;
    refusal?(nonce: string, context?: object): Promise<string>;
  };
  attachments: { sha256For(d: unknown, i: number): Promise<string | undefined> };
  procedureText: string;
}

/**
 * Follows the agreed verifySubmission contract closely enough to test the receiver around it:
 * the signature part must read "valid", the nonce goes through the NonceStore, each document
 * through the AttachmentResolver. The real verifier has its own tests (test/src/verify).
 */
export async function fakeVerify(jws: string, options: Record<string, unknown>) {
  const o = options as unknown as FakeOptions;
  const [, body, sig] = jws.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as FakePayload;
  if (Buffer.from(sig, 'base64url').toString() !== 'valid') {
    return { ok: false, errors: [{ code: 'signature-invalid', message: 'bad signature' }] };
  }
  if (typeof o.procedureText !== 'string' || !o.procedureText.includes('"code"')) {
    return { ok: false, errors: [{ code: 'internal-error', message: 'no procedure text' }] };
  }
  const errors = [];
  for (const [i, d] of (payload.documents ?? []).entries()) {
    const stored = await o.attachments.sha256For(d, i);
    if (stored === undefined) errors.push({ code: 'attachment-missing', message: `#${i}` });
    else if (stored !== d.sha256)
      errors.push({ code: 'attachment-hash-mismatch', message: `#${i}` });
  }
  if (errors.length) return { ok: false, errors };
  const context = { procedure: (payload as { procedure?: unknown }).procedure };
  if (!(await o.nonceStore.consume(payload.nonce, context))) {
    // The codes of src/verify (NONCE_REFUSAL_ERROR).
    const why = (await o.nonceStore.refusal?.(payload.nonce, context)) ?? 'replayed';
    const code = why === 'wrong-procedure' ? 'nonce-procedure-mismatch' : `nonce-${why}`;
    return { ok: false, errors: [{ code, message: why }] };
  }
  return { ok: true, submission: payload, kid: 'test-kid' };
}

export function payload(nonce: string, overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    procedure: { code: '9.000001', version: '1.0.0', sha256: '0'.repeat(64) },
    answers: {
      applicant: { fullName: 'Nguyễn Văn An', phone: '0912 345 678', personalId: '001099012345' },
    },
    documents: [],
    fee: { total: 0, currency: 'VND', items: [] },
    eligibility: { status: 'eligible', reasons: [] },
    lang: 'vi',
    submittedAt: '2026-11-26T03:00:00.000Z',
    nonce,
    ...overrides,
  };
}

/** The fixture procedure most tests sign for. */
export const TEST_PROCEDURE = { code: '9.000001', version: '1.0.0' };

/** A challenge nonce, bound by the receiver to `procedure`. */
export async function challenge(
  base: string,
  procedure: { code: string; version: string } = TEST_PROCEDURE,
): Promise<string> {
  const r = await fetch(`${base}/api/challenges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ procedure }),
  });
  const body = (await r.json()) as { nonce: string };
  return body.nonce;
}

export function postDossier(base: string, jws: string, key?: string, cookie?: string) {
  return fetch(`${base}/api/dossiers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ jws }),
  });
}

/**
 * A tus client with the browser's cookie behaviour for the upload session (the receiver's
 * HttpOnly cookie): what fetch in Node does not do by itself.
 */
export function uploadSession(base: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (url: string, init: RequestInit = {}) => {
    const r = await fetch(url.startsWith('http') ? url : `${base}${url}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...(jar.size ? { cookie: cookie() } : {}),
      },
    });
    for (const set of r.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(';');
      const [name, value] = pair.split('=') as [string, string];
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) jar.delete(name);
      else jar.set(name, value);
    }
    return r;
  };
  return {
    fetch: call,
    /** The Cookie header the browser would send. */
    get cookie() {
      return cookie();
    },
    /** Creates an upload and sends `bytes` in one PATCH; returns its absolute URL. */
    async upload(bytes: Uint8Array, metadata: Record<string, string>): Promise<string> {
      const created = await call('/api/uploads/', {
        method: 'POST',
        headers: {
          'tus-resumable': '1.0.0',
          'upload-length': String(bytes.length),
          'upload-metadata': Object.entries(metadata)
            .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
            .join(','),
        },
      });
      if (created.status !== 201) throw new Error(`upload creation: ${created.status}`);
      const url = `${base}${created.headers.get('location')}`;
      if (bytes.length > 0) {
        const patched = await call(url, {
          method: 'PATCH',
          headers: {
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          },
          body: new Uint8Array(bytes),
        });
        if (patched.status !== 204) {
          throw Object.assign(new Error(`upload PATCH: ${patched.status}`), {
            status: patched.status,
            body: await patched.text(),
          });
        }
      }
      return url;
    },
  };
}
