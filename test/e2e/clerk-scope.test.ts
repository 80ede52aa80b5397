// A clerk reads only the dossiers of the procedures given to their account (Decree 13/2023/NĐ-CP;
// docs/receiver.md "Clerk accounts"): on the real receiver with two procedures of two agencies,
// every clerk route — taken from the server's own route table, so a route added later without
// the check fails here — answers for a dossier outside the clerk's procedures exactly as for one
// that does not exist; list and search return only the clerk's; administrators see all; API keys
// act with their account's scope; the upgrade keeps the clerks it finds, flagged; the account CLI
// grants and revokes. SQLite here, PostgreSQL in the postgres stage.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  CLERK,
  FIXTURE_PROCEDURES,
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';
import { forwardTarget } from './fixtures/forward-target.js';

const { main: clerkAdmin } = (await import(
  new URL('../../demo/server/clerk-admin.js', import.meta.url).href
)) as {
  main(
    argv: string[],
    io: {
      out: (line: string) => void;
      env: Record<string, string | undefined>;
      password?: () => Promise<string>;
      proceduresDir?: string;
    },
  ): Promise<void>;
};

/** Two procedures of two agencies: the fixture, and a copy under another id, code and agency. */
const A = { id: 'thu-nghiem', code: '9.000001', version: '1.0.0' };
const B = { id: 'ho-tich-khac', code: '9.000002', version: '1.0.0' };
const APPLICANT = { fullName: 'Nguyễn Văn An', phone: '0912 345 678', personalId: '001099012345' };
const NAME_QUERY = `?q=${encodeURIComponent('Nguyễn Văn An')}`;
const SCOPED = { username: 'can.bo.xa', password: 'mat-khau-can-bo-xa-1' };
const NOT_FOUND = {
  type: 'urn:dvc-forms:problem:clerk-dossier-not-found',
  title: 'Không tìm thấy hồ sơ',
  status: 404,
  detail: 'Không có hồ sơ này trong hệ thống (có thể hồ sơ vừa bị xoá).',
};

function proceduresDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-scope-procedures-'));
  copyFileSync(join(FIXTURE_PROCEDURES, `${A.id}.json`), join(dir, `${A.id}.json`));
  const other = JSON.parse(readFileSync(join(FIXTURE_PROCEDURES, `${A.id}.json`), 'utf8'));
  other.code = B.code;
  other.title = { vi: 'Thủ tục hộ tịch khác', en: 'Another civil-status procedure' };
  other.agency = { vi: 'Sở Tư pháp tỉnh Thử Nghiệm', en: 'Thu Nghiem Department of Justice' };
  writeFileSync(join(dir, `${B.id}.json`), JSON.stringify(other, null, 2));
  return dir;
}

async function submit(s: Running, p: { code: string; version: string }) {
  const nonce = await challenge(s.base, p);
  const body = payload(nonce, {
    procedure: { code: p.code, version: p.version, sha256: '0'.repeat(64) },
    answers: { applicant: APPLICANT },
  });
  const r = await postDossier(s.base, fakeJws(body));
  assert.equal(r.status, 201);
  return ((await r.json()) as { dossierCode: string }).dossierCode;
}

async function logIn(s: Running, who: { username: string; password: string }) {
  const r = await fetch(`${s.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  assert.equal(r.status, 200);
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrfToken: body.csrfToken };
}

/**
 * Every route of the server with its methods, read from Fastify's own route table
 * (printRoutes without common prefixes: one path segment per tree line, methods in brackets).
 */
function routeTable(s: Running): { url: string; methods: string[] }[] {
  const text = s.app.printRoutes({ commonPrefix: false });
  const out: { url: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const methods = m[3] ? m[3].split(', ') : [];
    if (methods.length) out.push({ url: stack.join(''), methods });
  }
  return out;
}

describe('a clerk reads only the dossiers of their procedures', { timeout: 120_000 }, () => {
  let s: Running;
  let dir: string;
  let target: Awaited<ReturnType<typeof forwardTarget>>;
  let a = '';
  let b = '';
  let scopedKey = '';
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const listCodes = async (headers: Record<string, string>, query = '') => {
    const r = await fetch(`${s.base}/api/clerk/dossiers${query}`, { headers });
    assert.equal(r.status, 200);
    const body = (await r.json()) as {
      dossiers: { dossierCode: string }[];
      procedures: { name: string }[];
      noProceduresGranted?: true;
    };
    return {
      codes: body.dossiers.map((d) => d.dossierCode).sort(),
      procedures: body.procedures.map((p) => p.name),
      ...(body.noProceduresGranted !== undefined
        ? { noProceduresGranted: body.noProceduresGranted }
        : {}),
    };
  };

  before(async () => {
    dir = proceduresDir();
    const secret = randomBytes(32).toString('base64url');
    target = await forwardTarget(secret);
    await target.up();
    // Forwarding on, so that its clerk route is in the table too.
    s = await start({
      verifySubmission: fakeVerify,
      proceduresDir: dir,
      forward: {
        url: target.url,
        secret,
        maxAttempts: 100,
        baseDelayMs: 100,
        maxDelayMs: 400,
        timeoutMs: 2000,
        pollMs: 100,
      },
    });
    a = await submit(s, A);
    b = await submit(s, B);
    await s.app.dvc.accounts.add({ ...SCOPED, procedures: [A.id] });
    scopedKey = (await s.app.dvc.accounts.createApiKey(SCOPED.username, 'scope')).key;
  });
  after(async () => {
    await s?.close();
    await target?.down();
    rmSync(dir, { recursive: true, force: true });
  });

  test('list and search return only the procedures granted; administrators see all', async () => {
    // The clerk of the helpers was given both procedures: the name finds both dossiers.
    assert.deepEqual((await listCodes(bearer(s.clerkKey), NAME_QUERY)).codes, [a, b].sort());
    assert.deepEqual(await listCodes(bearer(s.adminKey), NAME_QUERY), {
      codes: [a, b].sort(),
      procedures: [B.id, A.id],
    });
    // The clerk given procedure A: by name, ID number, code, filter or none, only A's dossier.
    const key = bearer(scopedKey);
    assert.deepEqual(await listCodes(key, NAME_QUERY), { codes: [a], procedures: [A.id] });
    assert.deepEqual((await listCodes(key, `?q=${APPLICANT.personalId}`)).codes, [a]);
    assert.deepEqual((await listCodes(key)).codes, [a]);
    assert.deepEqual((await listCodes(key, `?q=${b}`)).codes, []);
    assert.deepEqual((await listCodes(key, `?procedure=${B.id}`)).codes, []);
    // The same through a log-in session.
    const { cookie } = await logIn(s, SCOPED);
    assert.deepEqual((await listCodes({ cookie }, NAME_QUERY)).codes, [a]);
    // The list's audit record names only what was shown.
    const lists = (await s.app.dvc.storage
      .prepare("SELECT detail FROM audit_log WHERE action = 'dossier.list' AND actor LIKE ?")
      .all(`${SCOPED.username}%`)) as { detail: string }[];
    for (const l of lists) assert.ok(!JSON.parse(l.detail).dossiers.includes(b));
    // The weekly report is the administrators' (every procedure); a clerk is refused it.
    const report = await fetch(`${s.base}/api/clerk/admin/report?weeks=1`, { headers: key });
    assert.equal(report.status, 403);
    const full = await fetch(`${s.base}/api/clerk/admin/report?weeks=1`, {
      headers: bearer(s.adminKey),
    });
    const lines = ((await full.json()) as { lines: { procedure: string; received: number }[] })
      .lines;
    assert.deepEqual(lines.map((l) => [l.procedure, l.received]).sort(), [
      [B.id, 1],
      [A.id, 1],
    ]);
  });

  test('every clerk route answers for a dossier of another procedure exactly as for no dossier', async () => {
    const routes = routeTable(s).filter((r) => r.url.startsWith('/api/clerk/'));
    const urls = routes.map((r) => r.url);
    // The table was read: the routes known today are all in it.
    for (const known of [
      '/api/clerk/dossiers',
      '/api/clerk/dossiers/:code',
      '/api/clerk/dossiers/:code/notes',
      '/api/clerk/dossiers/:code/files/:id',
      '/api/clerk/dossiers/:code/status',
      '/api/clerk/dossiers/:code/supplement-requests',
      '/api/clerk/dossiers/:code/supplements',
      '/api/clerk/dossiers/:code/payments',
      '/api/clerk/dossiers/:code/forwarding/retry',
      '/api/clerk/admin/report',
      '/api/clerk/admin/report.csv',
      '/api/clerk/admin/audit',
      '/api/clerk/admin/dossiers/:code',
    ]) {
      assert.ok(urls.includes(known), known);
    }
    // A clerk route names its dossier as `:code`, is the list (its query carries the scope), or
    // is an administrator's: a new route of another shape must be looked at and added here.
    for (const url of urls) {
      assert.ok(
        url.includes('/:code') ||
          url === '/api/clerk/dossiers' ||
          url.startsWith('/api/clerk/admin/'),
        `${url}: a clerk route that is neither about one dossier (:code) nor the list`,
      );
    }
    // A code in the same form that no dossier has.
    const unknown = `${b.slice(0, -4)}${b.slice(-4) === '9999' ? '9998' : '9999'}`;
    assert.ok(unknown !== a && unknown !== b);
    const before = await s.app.dvc.storage
      .prepare('SELECT status, updated_at FROM dossiers WHERE code = ?')
      .get(b);
    let checked = 0;
    for (const { url, methods } of routes) {
      if (!url.includes('/:code')) continue;
      for (const method of methods.filter((m) => m !== 'HEAD')) {
        const call = async (code: string) => {
          const r = await fetch(
            `${s.base}${url.replace(':code', code).replace(':id', 'tep-khong-co')}`,
            {
              method,
              headers: {
                ...bearer(scopedKey),
                ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
              },
              ...(method === 'GET'
                ? {}
                : {
                    body: JSON.stringify({
                      note: 'Ghi chú',
                      status: 'processing',
                      reason: 'Yêu cầu xoá',
                      method: 'desk',
                      items: [],
                    }),
                  }),
            },
          );
          return { status: r.status, body: await r.text() };
        };
        const outside = await call(b);
        const none = await call(unknown);
        assert.deepEqual(outside, none, `${method} ${url}`);
        if (url.startsWith('/api/clerk/admin/')) {
          assert.equal(outside.status, 403, `${method} ${url}`);
        } else {
          assert.deepEqual(JSON.parse(outside.body), NOT_FOUND, `${method} ${url}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 9, `${checked} routes checked`);
    // Nothing of the other procedure's dossier was read or changed; its own clerk still reads it.
    assert.deepEqual(
      await s.app.dvc.storage
        .prepare('SELECT status, updated_at FROM dossiers WHERE code = ?')
        .get(b),
      before,
    );
    assert.deepEqual(
      await s.app.dvc.storage
        .prepare('SELECT COUNT(*) AS n FROM dossier_notes WHERE dossier_code = ?')
        .get(b)
        .then((r: unknown) => Number((r as { n: number }).n)),
      0,
    );
    const own = await fetch(`${s.base}/api/clerk/dossiers/${a}`, { headers: bearer(scopedKey) });
    assert.equal(own.status, 200);
    for (const key of [s.clerkKey, s.adminKey]) {
      const r = await fetch(`${s.base}/api/clerk/dossiers/${b}`, { headers: bearer(key) });
      assert.equal(r.status, 200);
    }
    // Each attempt is in the audit log like any other look-up of an unknown dossier, under the
    // action its route records (the administrator's audit table words those), none as a bare
    // method and route.
    const refused = (await s.app.dvc.storage
      .prepare(
        "SELECT DISTINCT action FROM audit_log WHERE dossier_code = ? AND outcome = 'not-found' AND actor LIKE ?",
      )
      .all(b, `${SCOPED.username}%`)) as { action: string }[];
    assert.deepEqual(refused.map((r) => r.action).sort(), [
      'dossier.file.read',
      'dossier.forwarding.retry',
      'dossier.note',
      'dossier.payment',
      'dossier.read',
      'dossier.status',
      'dossier.supplement-request',
      'dossier.supplements.read',
    ]);
  });

  test('a grant or a revocation counts from the next request', async () => {
    const key = bearer(scopedKey);
    await s.app.dvc.accounts.grant(SCOPED.username, { procedures: [B.id] });
    assert.deepEqual((await listCodes(key, NAME_QUERY)).codes, [a, b].sort());
    assert.equal((await fetch(`${s.base}/api/clerk/dossiers/${b}`, { headers: key })).status, 200);
    await s.app.dvc.accounts.revoke(SCOPED.username, { procedures: [A.id, B.id] });
    // No procedure left: said as such (the desk tells the clerk to ask an administrator), and
    // nothing of any procedure named.
    assert.deepEqual(await listCodes(key, NAME_QUERY), {
      codes: [],
      procedures: [],
      noProceduresGranted: true,
    });
    const r = await fetch(`${s.base}/api/clerk/dossiers/${a}`, { headers: key });
    assert.deepEqual(await r.json(), NOT_FOUND);
    // "All procedures" is an explicit choice, and can be taken back.
    await s.app.dvc.accounts.grant(SCOPED.username, { allProcedures: true });
    assert.deepEqual((await listCodes(key, NAME_QUERY)).codes, [a, b].sort());
    await s.app.dvc.accounts.revoke(SCOPED.username, { allProcedures: true });
    assert.deepEqual(await listCodes(key, NAME_QUERY), {
      codes: [],
      procedures: [],
      noProceduresGranted: true,
    });
  });

  test('the account CLI gives, takes and lists procedures; an unknown id is refused', async () => {
    const lines: string[] = [];
    const env = {
      DATA_DIR: s.dataDir,
      ...(s.app.dvc.config.databaseUrl ? { DATABASE_URL: s.app.dvc.config.databaseUrl } : {}),
    };
    const run = (argv: string[], password?: string) =>
      clerkAdmin(argv, {
        out: (l) => void lines.push(l),
        env,
        proceduresDir: dir,
        ...(password ? { password: async () => password } : {}),
      });
    await run(['add', 'so.tu.phap', '--procedures', B.id], 'mat-khau-so-tu-phap-1');
    await assert.rejects(
      run(['add', 'go.nham', '--procedures', `${A.id},khong-co`], 'mat-khau-go-nham-12'),
      {
        message:
          'Không có thủ tục "khong-co" trên máy chủ này / no procedure "khong-co" on this receiver (ho-tich-khac, thu-nghiem).',
      },
    );
    await assert.rejects(run(['grant', 'so.tu.phap']), {
      message:
        'Cần --procedures <mã,mã> hoặc --all-procedures / give --procedures <id,id> or --all-procedures.',
    });
    await assert.rejects(run(['grant', 'so.tu.phap', '--procedures', 'khong-co']), /khong-co/);
    await run(['grant', 'so.tu.phap', '--procedures', A.id]);
    await run(['revoke', 'so.tu.phap', '--procedures', B.id]);
    await run(['add', 'moi.vao', '--name', 'Mới Vào'], 'mat-khau-moi-vao-123');
    await run(['grant', 'moi.vao', '--all-procedures']);
    await run(['revoke', 'moi.vao', '--all-procedures']);
    lines.push('--');
    await run(['list']);
    assert.deepEqual(lines, [
      'Đã tạo tài khoản so.tu.phap (clerk).',
      `Đã giao thủ tục cho so.tu.phap / procedures granted: ${B.id},${A.id}`,
      `Đã thu hồi thủ tục của so.tu.phap / procedures revoked: ${A.id}`,
      'Đã tạo tài khoản moi.vao (clerk).',
      // Created without procedures: the CLI says the desk will be empty and how to give them.
      'Tài khoản này chưa xem được hồ sơ nào cho đến khi được giao thủ tục / this account sees no dossier until given procedures: npm run clerk -- grant moi.vao --procedures <mã,mã>',
      'Đã giao thủ tục cho moi.vao / procedures granted: mọi thủ tục / all procedures',
      'Đã thu hồi thủ tục của moi.vao / procedures revoked: chưa có thủ tục / no procedure',
      '--',
      `${SCOPED.username}\tclerk\t${SCOPED.username}\tchưa có thủ tục / no procedure`,
      `${ADMIN.username}\tadmin\t${ADMIN.displayName}\tmọi thủ tục / all procedures`,
      'moi.vao\tclerk\tMới Vào\tchưa có thủ tục / no procedure',
      `so.tu.phap\tclerk\tso.tu.phap\t${A.id}`,
      `${CLERK.username}\tclerk\t${CLERK.displayName}\t${B.id},${A.id}`,
    ]);
    // What the CLI granted is what the server enforces.
    const { cookie } = await logIn(s, {
      username: 'so.tu.phap',
      password: 'mat-khau-so-tu-phap-1',
    });
    assert.deepEqual((await listCodes({ cookie }, NAME_QUERY)).codes, [a]);
    const none = await logIn(s, { username: 'moi.vao', password: 'mat-khau-moi-vao-123' });
    assert.deepEqual((await listCodes({ cookie: none.cookie }, NAME_QUERY)).codes, []);
  });
});

describe('upgrading a receiver whose clerks saw every dossier', { timeout: 120_000 }, () => {
  test('the clerks found keep every procedure, flagged and counted at start-up; new ones get none', async () => {
    const first = await start({ verifySubmission: fakeVerify });
    const dataDir = first.dataDir;
    const code = await submit(first, A);
    // The database as it was before migration 010: no grants, no flag.
    const db = first.app.dvc.storage;
    await db.prepare('DROP TABLE clerk_procedure_grants').run();
    await db.prepare('ALTER TABLE clerk_accounts DROP COLUMN all_procedures').run();
    await db.prepare('DELETE FROM schema_migrations WHERE version = 10').run();
    await db
      .prepare(
        `INSERT INTO clerk_accounts (username, display_name, role, password_hash, created_at)
         SELECT 'cu.can.bo', 'Cũ Cán Bộ', 'clerk', password_hash, created_at FROM clerk_accounts
         WHERE username = ?`,
      )
      .run(CLERK.username);
    // Closed without removing the folder (the server below opens it again).
    await first.app.close();

    const s = await start({ verifySubmission: fakeVerify, dataDir });
    try {
      const flags = (await s.app.dvc.storage
        .prepare(
          'SELECT username, all_procedures AS "allProcedures" FROM clerk_accounts ORDER BY username',
        )
        .all()) as { username: string; allProcedures: number }[];
      assert.deepEqual(
        flags.map((f) => [f.username, Number(f.allProcedures)]),
        [
          ['cu.can.bo', 1],
          [ADMIN.username, 0],
          [CLERK.username, 1],
        ],
      );
      // Counted at start-up, without a name.
      const warned = s.logs.filter((l) => l.includes('clerkAccountsSeeingAllProcedures'));
      assert.equal(warned.length, 1);
      assert.equal(JSON.parse(warned[0]).clerkAccountsSeeingAllProcedures, 2);
      const logs = s.logs.join('\n');
      for (const name of ['cu.can.bo', CLERK.username, 'Cũ Cán Bộ'])
        assert.ok(!logs.includes(name));
      // The clerk from before still reads the dossier; a clerk added now reads nothing.
      const r = await fetch(`${s.base}/api/clerk/dossiers/${code}`, {
        headers: { authorization: `Bearer ${s.clerkKey}` },
      });
      assert.equal(r.status, 200);
      await s.app.dvc.accounts.add({ username: 'moi.den', password: 'mat-khau-moi-den-12' });
      const { key } = await s.app.dvc.accounts.createApiKey('moi.den');
      const fresh = await fetch(`${s.base}/api/clerk/dossiers/${code}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.deepEqual(await fresh.json(), NOT_FOUND);
    } finally {
      await s.close();
    }
  });
});
