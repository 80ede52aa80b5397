// The receiver under a stranger's requests: every route a browser can reach, sent what no browser
// sends (fixtures/receiver-hostile.json), must answer the exact status and RFC 9457 problem that
// docs/receiver.md promises, in its one shape, echoing nothing whole and leaking no stack; the
// process keeps answering and logs neither an error nor what was typed. A property then throws
// random bytes and headers at the main routes. The real receiver (fastify, SQLite, @tus/server,
// the built verifier) runs in this process over loopback HTTP.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { problem } from '../../demo/server/problems.js';
import {
  CLERK,
  RELAXED_RATE_LIMITS,
  challenge,
  payload,
  start,
  uploadSession,
  type Running,
} from './helpers.js';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A value of the fixture: text, or a recipe for long text or raw bytes. */
type Spec = string | { $repeat: string; times: number } | { $concat: Spec[] } | { $base64: string };
interface Case {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: Spec;
  json?: unknown;
  jws?: { header: Record<string, unknown>; payload?: Record<string, unknown>; signature?: string };
  upload?: boolean;
  raw?: Spec;
  expect: {
    status: number;
    problem: string;
    errors?: string[];
    messages?: string[];
    lang?: 'vi' | 'en';
  };
}
const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/receiver-hostile.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function bytes(spec: Spec): Buffer {
  if (typeof spec === 'string') return Buffer.from(spec, 'utf8');
  if ('$base64' in spec) return Buffer.from(spec.$base64, 'base64');
  if ('$repeat' in spec) return Buffer.from(spec.$repeat.repeat(spec.times), 'utf8');
  return Buffer.concat(spec.$concat.map(bytes));
}
/** The fixture's JSON values with every recipe made into its text. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === 'object') {
    if ('$repeat' in value || '$concat' in value) return bytes(value as Spec).toString('utf8');
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
  }
  return value;
}
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request on its own connection (a refused one may close it). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers, agent: false },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.end(body);
  });
}

/** Raw bytes on a socket; the answer is parsed when the server closes it. */
function sendRaw(base: string, data: Buffer): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const end = all.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = all.slice(0, end).split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1] ?? 0),
        headers,
        text: all.slice(end + 4),
      });
    });
    // Not ended: a half-closed socket may be closed before the answer is written. The server
    // closes it after every refusal here.
    socket.write(data);
  });
}

/** The one shape of every refusal, and nothing of the server's insides in it. */
function assertProblemShape(a: Answer, where: string) {
  assert.equal(a.headers['content-type'], PROBLEM_JSON, `${where}: ${a.text.slice(0, 200)}`);
  assert.equal(a.headers['x-content-type-options'], 'nosniff', where);
  assert.ok(!a.text.includes(REPO) && !a.text.includes('node_modules'), `${where}: a path`);
  assert.ok(!/\n\s+at /.test(a.text), `${where}: a stack`);
  const body = JSON.parse(a.text) as Record<string, unknown>;
  assert.match(String(body.type), /^urn:dvc-forms:problem:[a-z-]+$/, where);
  assert.equal(body.status, a.status, where);
  assert.equal(typeof body.title, 'string', where);
  assert.equal(typeof body.detail, 'string', where);
  return body;
}

describe('hostile requests against the receiver (fixtures/receiver-hostile.json)', () => {
  let s: Running;
  before(async () => {
    s = await start();
  });
  after(() => s?.close());

  /** A fresh 27-byte upload of a session of its own: its URL and that session's cookie. */
  async function freshUpload() {
    const browser = uploadSession(s.base);
    const r = await browser.fetch('/api/uploads/', {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '27',
        'upload-metadata': `filename ${Buffer.from('don.pdf').toString('base64')}`,
      },
    });
    assert.equal(r.status, 201);
    return { path: r.headers.get('location')!, cookie: browser.cookie };
  }

  for (const c of cases) {
    test(c.name, async () => {
      let answer: Answer;
      if (c.raw !== undefined) {
        answer = await sendRaw(s.base, bytes(c.raw));
      } else {
        const headers = { ...c.headers };
        let path = c.path!;
        if (path.includes('{upload}')) {
          const upload = await freshUpload();
          path = path.replace('{upload}', upload.path);
          // Without `upload`, the request comes from another session than the upload's.
          if (c.upload) headers.cookie = upload.cookie;
        }
        let body = c.body === undefined ? undefined : bytes(c.body);
        if (c.json !== undefined) body = Buffer.from(JSON.stringify(c.json));
        if (c.jws) {
          const signed = { ...payload(await challenge(s.base)), ...(expand(c.jws.payload) ?? {}) };
          const jws = [
            b64u(JSON.stringify(expand(c.jws.header))),
            b64u(JSON.stringify(signed)),
            c.jws.signature ?? b64u(Buffer.alloc(64, 1)),
          ].join('.');
          body = Buffer.from(JSON.stringify({ jws }));
        }
        answer = await send(s.base, c.method!, path, headers, body);
      }
      assert.equal(answer.status, c.expect.status, answer.text.slice(0, 300));
      const body = assertProblemShape(answer, c.name);
      const want = problem(c.expect.problem, c.expect.lang ?? 'vi');
      assert.deepEqual(
        { type: body.type, title: body.title, status: body.status, detail: body.detail },
        { type: want.type, title: want.title, status: c.expect.status, detail: want.detail },
      );
      const errors = body.errors as { code: string; message: string }[] | undefined;
      assert.deepEqual(
        errors?.map((e) => e.code),
        c.expect.errors,
      );
      if (c.expect.messages) {
        assert.deepEqual(
          errors?.map((e) => e.message),
          c.expect.messages,
        );
      }
      // Nothing a stranger sent comes back whole.
      assert.ok(answer.text.length < 2000, `${answer.text.length} characters answered`);
    });
  }

  test('tus: three PATCHes of the same bytes at once: problems, and the bytes stored once', async () => {
    const { path, cookie } = await freshUpload();
    const pdf = Buffer.from('%PDF-1.7\nhello world\n%%EOF\n');
    const patch = () =>
      send(
        s.base,
        'PATCH',
        path,
        {
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          cookie,
        },
        pdf,
      );
    const answers = await Promise.all([patch(), patch(), patch()]);
    // Which one writes depends on timing: a later one may take the upload's lock from it (400) or
    // find the offset moved (409). Every refusal is a problem, never a 5xx.
    for (const a of answers.filter((x) => x.status !== 204)) {
      assert.ok([400, 409].includes(a.status), `${a.status} ${a.text}`);
      assertProblemShape(a, 'PATCH');
    }
    // And the upload resumes from the server's offset and holds the bytes once.
    const head = await send(s.base, 'HEAD', path, { 'tus-resumable': '1.0.0', cookie });
    const offset = Number(head.headers['upload-offset']);
    if (offset < pdf.length) {
      const rest = await send(
        s.base,
        'PATCH',
        path,
        {
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
          cookie,
        },
        pdf.subarray(offset),
      );
      assert.equal(rest.status, 204, rest.text);
    }
    const id = path.split('/').pop();
    assert.deepEqual(
      {
        ...(s.app.dvc.db
          .prepare('SELECT sha256, size FROM uploads WHERE id = ?')
          .get(id) as object),
      },
      { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length },
    );
  });

  test('afterwards the process answers, logged no error and nothing that was typed', async () => {
    assert.equal((await fetch(`${s.base}/api/procedures`)).status, 200);
    const errors = s.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    assert.deepEqual(errors, []);
    for (const typed of ['0912345678', 'mat-khau-bi-mat', '999999999999']) {
      assert.deepEqual(
        s.logs.filter((l) => l.includes(typed)),
        [],
        typed,
      );
    }
  });
});

describe('property: random bytes and headers at the main routes', () => {
  let s: Running;
  before(async () => {
    s = await start();
  });
  after(() => s?.close());

  const ROUTES: [string, string][] = [
    ['POST', '/api/challenges'],
    ['POST', '/api/dossiers'],
    ['POST', '/api/supplements'],
    ['POST', '/api/auth/login'],
    ['GET', '/api/status'],
    ['POST', '/api/uploads/'],
    ['PATCH', `/api/uploads/${'0'.repeat(32)}`],
    ['DELETE', `/api/uploads/${'0'.repeat(32)}`],
    ['GET', '/api/clerk/dossiers'],
  ];
  const TYPES = [
    'application/json',
    'application/json; charset=utf-8',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
    'application/offset+octet-stream',
    'text/plain',
    'application/x-www-form-urlencoded',
  ];
  const HEADER_NAMES = [
    'upload-length',
    'upload-offset',
    'upload-metadata',
    'upload-concat',
    'upload-defer-length',
    'tus-resumable',
    'idempotency-key',
    'accept-language',
    'authorization',
    'cookie',
    'dvc-upload-token',
    'x-csrf-token',
    'origin',
  ];
  // What an HTTP header value can carry: printable ASCII and Latin-1 bytes (not DEL).
  const headerValue = fc.oneof(
    fc.constantFrom('1.0.0', '0', '-1', '1e400', '9007199254740993', '', 'en', '__proto__'),
    fc.string({
      unit: fc
        .integer({ min: 0x20, max: 0xfe })
        .map((n) => String.fromCharCode(n < 0x7f ? n : n + 1)),
    }),
  );

  test('every answer is a 4xx problem, and the process survives', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
        fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 4 }),
        fc.uint8Array({ maxLength: 3000 }),
        fc.uint8Array({ maxLength: 60 }),
        async ([method, path], type, headers, body, query) => {
          runs++;
          const q = method === 'GET' ? `?${Buffer.from(query).toString('latin1')}` : '';
          const target = `${path}${encodeURI(q).replace(/#/g, '%23')}`;
          const answer = await send(
            s.base,
            method,
            target,
            { ...headers, ...(type ? { 'content-type': type } : {}) },
            method === 'GET' ? undefined : Buffer.from(body),
          );
          // A creation with a well-formed Upload-Length is a real upload: nothing to refuse.
          if (path === '/api/uploads/' && answer.status === 201) return;
          const where = `${method} ${target} ${JSON.stringify(headers)} ${type}`;
          assert.ok(answer.status >= 400 && answer.status < 500, `${where} → ${answer.status}`);
          assertProblemShape(answer, where);
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
    assert.equal(runs, 300);
    assert.equal((await fetch(`${s.base}/api/procedures`)).status, 200);
    const errors = s.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    assert.deepEqual(errors, []);
  });
});

describe('log-in: a name that is no account locks like one that is', () => {
  let s: Running;
  before(async () => {
    s = await start();
  });
  after(() => s?.close());

  test("six wrong passwords answer alike for a clerk's name and for a name that is none", async () => {
    const attempts = async (username: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await fetch(`${s.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'khong-dung-dau' }),
        });
        answers.push(`${r.status} ${((await r.json()) as { type: string }).type}`);
      }
      return answers;
    };
    const failed = '401 urn:dvc-forms:problem:login-failed';
    const locked = '423 urn:dvc-forms:problem:login-locked';
    const expected = [failed, failed, failed, failed, locked, locked];
    assert.deepEqual(await attempts(CLERK.username), expected);
    assert.deepEqual(await attempts('khong-phai-can-bo'), expected);
    // The typed name is counted under the server's key: no plain hash of it is stored.
    const rows = s.app.dvc.db
      .prepare("SELECT key_sha256 FROM failure_events WHERE scope = 'login-name'")
      .all() as { key_sha256: string }[];
    assert.equal(rows.length, 5);
    const plain = createHash('sha256').update('khong-phai-can-bo').digest('hex');
    assert.ok(rows.every((r) => r.key_sha256 !== plain));
  });
});

describe('the log-in and session routes count in the clerk rate limit', () => {
  let s: Running;
  before(async () => {
    s = await start({
      rateLimits: {
        ...RELAXED_RATE_LIMITS,
        clerk: { max: 3, windowSeconds: 600, globalMax: 100_000, globalWindowSeconds: 60 },
      },
    });
  });
  after(() => s?.close());

  test('the fourth request of an address in the window is 429, whichever route', async () => {
    const call = (path: string, method = 'POST') =>
      fetch(`${s.base}${path}`, {
        method,
        ...(method === 'POST'
          ? { headers: { 'content-type': 'application/json' }, body: '{}' }
          : {}),
      });
    assert.equal((await call('/api/auth/login')).status, 400);
    assert.equal((await call('/api/auth/session', 'GET')).status, 401);
    assert.equal((await call('/api/auth/logout')).status, 204);
    for (const [path, method] of [
      ['/api/auth/login', 'POST'],
      ['/api/auth/session', 'GET'],
      ['/api/auth/logout', 'POST'],
      ['/api/clerk/dossiers', 'GET'],
    ]) {
      const r = await call(path!, method);
      assert.equal(r.status, 429, path);
      assert.ok(Number(r.headers.get('retry-after')) > 0, path);
      assert.equal(
        ((await r.json()) as { type: string }).type,
        'urn:dvc-forms:problem:rate-limited',
      );
    }
  });
});
