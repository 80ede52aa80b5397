// Starts the reference receiver on a random port with a fresh data folder, for the e2e tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Receiver, type ServerOptions } from '../../demo/server/app.js';

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

export async function start(options: ServerOptions = {}): Promise<Running> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dvc-receiver-'));
  const logs: string[] = [];
  let app: Receiver;
  try {
    app = await createServer({
      dataDir,
      proceduresDir: FIXTURE_PROCEDURES,
      purgeEveryMinutes: 0,
      logStream: { write: (line: string) => void logs.push(line) },
      ...options,
    });
  } catch (e) {
    await removeDataDir(dataDir);
    throw e;
  }
  // A server started again on the same data folder keeps its accounts.
  for (const account of [CLERK, ADMIN]) {
    const exists = app.dvc.db
      .prepare('SELECT 1 FROM clerk_accounts WHERE username = ?')
      .get(account.username);
    if (!exists) await app.dvc.accounts.add(account);
  }
  const clerkKey = app.dvc.accounts.createApiKey(CLERK.username, 'e2e').key;
  const adminKey = app.dvc.accounts.createApiKey(ADMIN.username, 'e2e').key;
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
export function storedPayloads(s: Running): { code: string; payload: Record<string, unknown> }[] {
  return s.app.dvc.db
    .prepare('SELECT code FROM dossiers ORDER BY received_at, code')
    .all()
    .map((r) => {
      const { code } = r as { code: string };
      return { code, payload: s.app.dvc.readDossier(code)?.payload ?? {} };
    });
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
  nonceStore: { consume(nonce: string): Promise<boolean> };
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
  if (!(await o.nonceStore.consume(payload.nonce))) {
    return { ok: false, errors: [{ code: 'nonce-replayed', message: 'replayed' }] };
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

export async function challenge(base: string): Promise<string> {
  const r = await fetch(`${base}/api/challenges`, { method: 'POST' });
  const body = (await r.json()) as { nonce: string };
  return body.nonce;
}

export function postDossier(base: string, jws: string, key?: string) {
  return fetch(`${base}/api/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ jws }),
  });
}
