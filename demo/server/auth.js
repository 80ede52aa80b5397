// Clerk accounts: passwords hashed with scrypt (node:crypto, no native dependency), log-in
// sessions in an HttpOnly SameSite=Strict cookie with a CSRF token for every state change,
// throttling and temporary lock-out after failed log-ins, idle expiry, roles and API keys.
// docs/receiver.md, "Clerk accounts", explains the choices; docs/privacy.md the audit.
import { createFailureCounter } from './storage/failure-store.js';
import {
  createHash,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import { audit } from './audit.js';
import { sendProblem } from './problems.js';

const scrypt = /** @type {(p: string, s: Buffer, n: number, o: object) => Promise<Buffer>} */ (
  promisify(scryptCb)
);

export const ROLES = /** @type {const} */ (['clerk', 'admin']);
export const SESSION_COOKIE = 'dvc_clerk_session';

/** What grant and revoke need besides the account. */
const SCOPE_USAGE =
  'Cần --procedures <mã,mã> hoặc --all-procedures / give --procedures <id,id> or --all-procedures.';

/** The audit actor of a failed log-in whose user name is no account's (never the text typed). */
export const UNKNOWN_ACCOUNT = '(unknown account)';
/** The header a cookie-authenticated state change must carry (the synchronizer token). */
export const CSRF_HEADER = 'x-csrf-token';

/** scrypt cost: N = 2^15, r = 8 (32 MiB, ~50–100 ms on one core): OWASP's scrypt minimum. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 1024;
/** A procedure id: the procedure file's name without `.json` (procedures.js). */
const PROCEDURE_ID = /^[a-z0-9-]{1,100}$/;

/**
 * @typedef {object} AuthPolicy
 * @property {number} maxFailedLogins consecutive failures before an account is locked
 * @property {number} lockMinutes how long the lock lasts
 * @property {number} ipFailures failed log-ins from one address within ipWindowSeconds before 429
 * @property {number} ipWindowSeconds
 * @property {number} idleMinutes a session unused this long ends
 * @property {number} absoluteHours a session ends this long after log-in, however busy
 */
/** @type {AuthPolicy} */
export const DEFAULT_AUTH_POLICY = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  ipFailures: 20,
  ipWindowSeconds: 900,
  idleMinutes: 30,
  absoluteHours: 12,
};

/** @param {string} s */
const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/**
 * `scrypt$<logN>$<r>$<p>$<salt b64url>$<hash b64url>`.
 * @param {string} password
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = SCRYPT;
  const key = await scrypt(password, salt, keylen, { N, r, p, maxmem: 128 * N * r * 2 });
  return `scrypt$${Math.log2(N)}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Constant-time check of `password` against a stored hash; false for a malformed hash.
 * @param {string} password
 * @param {string} stored
 */
export async function verifyPassword(password, stored) {
  const m = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return false;
  const N = 2 ** Number(m[1]);
  const r = Number(m[2]);
  const p = Number(m[3]);
  const expected = Buffer.from(m[5], 'base64url');
  const key = await scrypt(password, Buffer.from(m[4], 'base64url'), expected.length, {
    N,
    r,
    p,
    maxmem: 128 * N * r * 2,
  });
  return timingSafeEqual(key, expected);
}

/** Checked for unknown user names too, so a failure takes the same time whether the name exists. */
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));

/**
 * A reason the password is refused, in Vietnamese, or '' when it is acceptable.
 * @param {string} password
 */
export function passwordProblem(password) {
  if (password.length < PASSWORD_MIN) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`;
  if (password.length > PASSWORD_MAX) return `Mật khẩu dài quá ${PASSWORD_MAX} ký tự.`;
  return '';
}

/**
 * `f(value)`, after `value` resolves when it is a promise: the account helpers below answer
 * synchronously on the embedded database itself (better-sqlite3; the tests and scripts rely on
 * it) and with a promise on the asynchronous storage (storage/index.js), with one implementation.
 * @template T, U
 * @param {T | Promise<T>} value
 * @param {(v: T) => U} f
 * @returns {any}
 */
const after = (value, f) => (value instanceof Promise ? value.then(f) : f(value));

/**
 * Which procedures an account is given or loses: ids, or every procedure.
 * @typedef {{ procedures?: string[], allProcedures?: boolean }} ProcedureScope
 */

/**
 * Account administration over the database (used by clerk-admin.js and the tests): the embedded
 * better-sqlite3 database (synchronous answers) or any storage (storage/index.js; promises).
 * @param {import('better-sqlite3').Database | import('./storage/index.js').Storage} db
 * @param {() => Date} [now]
 * @param {readonly string[]} [known] the receiver's procedure ids: others are refused when given
 */
export function accounts(db, now = () => new Date(), known) {
  const q = (/** @type {string} */ sql) => /** @type {any} */ (db).prepare(sql);
  /**
   * The ids of `scope`, checked: a typo must not grant nothing while looking done.
   * @param {ProcedureScope} scope
   * @param {boolean} [offered] refuse ids the receiver does not offer (not when revoking: a
   *   procedure file removed since must still be taken away)
   */
  const procedureIds = (scope, offered = true) => {
    const ids = [...new Set((scope.procedures ?? []).map((p) => p.trim()).filter(Boolean))];
    for (const id of ids) {
      if (!PROCEDURE_ID.test(id) || (offered && known && !known.includes(id))) {
        throw new Error(
          `Không có thủ tục "${id.slice(0, 100)}" trên máy chủ này / no procedure "${id.slice(0, 100)}" on this receiver` +
            (known ? ` (${known.join(', ')})` : '') +
            '.',
        );
      }
    }
    return ids;
  };
  /** @param {string} username */
  const accountIdOf = async (username) => {
    const row = await q('SELECT id FROM clerk_accounts WHERE username = ?').get(
      username.trim().toLowerCase(),
    );
    if (!row) throw new Error(`Không có tài khoản "${username}".`);
    return Number(row.id);
  };
  /** @param {number} id @param {string[]} ids */
  const grantIds = async (id, ids) => {
    for (const p of ids) {
      await q(
        'INSERT OR IGNORE INTO clerk_procedure_grants (account_id, procedure_id) VALUES (?, ?)',
      ).run(id, p);
    }
  };
  return {
    /**
     * @param {{ username: string, password: string, role?: string, displayName?: string } & ProcedureScope} a
     *   a clerk sees no dossier until given procedures (`procedures`) or all (`allProcedures`)
     */
    async add({ username, password, role = 'clerk', displayName, procedures, allProcedures }) {
      const name = username.trim().toLowerCase();
      if (!USERNAME.test(name)) {
        throw new Error(
          'Tên đăng nhập gồm 2–63 chữ thường không dấu, số, ".", "_" hoặc "-", bắt đầu bằng chữ hoặc số.',
        );
      }
      if (!ROLES.includes(/** @type {any} */ (role))) {
        throw new Error(`Vai trò phải là một trong: ${ROLES.join(', ')}.`);
      }
      const problem = passwordProblem(password);
      if (problem) throw new Error(problem);
      const ids = procedureIds({ procedures });
      if (await q('SELECT 1 FROM clerk_accounts WHERE username = ?').get(name)) {
        throw new Error(`Tài khoản "${name}" đã có.`);
      }
      const hash = await hashPassword(password);
      await q(
        `INSERT INTO clerk_accounts (username, display_name, role, password_hash, created_at, all_procedures)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        name,
        displayName?.trim() || name,
        role,
        hash,
        now().toISOString(),
        allProcedures ? 1 : 0,
      );
      const { id } = await q('SELECT id FROM clerk_accounts WHERE username = ?').get(name);
      await grantIds(Number(id), ids);
      return { id: Number(id), username: name, role };
    },
    /**
     * Gives `username` the dossiers of more procedures, or of every procedure.
     * @param {string} username @param {ProcedureScope} scope
     */
    async grant(username, scope) {
      const ids = procedureIds(scope);
      if (!ids.length && !scope.allProcedures) throw new Error(SCOPE_USAGE);
      const id = await accountIdOf(username);
      if (scope.allProcedures) {
        await q('UPDATE clerk_accounts SET all_procedures = 1 WHERE id = ?').run(id);
      }
      await grantIds(id, ids);
    },
    /**
     * Takes procedures away from `username`; `allProcedures` ends "every procedure" (the
     * procedures granted one by one stay).
     * @param {string} username @param {ProcedureScope} scope
     */
    async revoke(username, scope) {
      const ids = procedureIds(scope, false);
      if (!ids.length && !scope.allProcedures) throw new Error(SCOPE_USAGE);
      const id = await accountIdOf(username);
      if (scope.allProcedures) {
        await q('UPDATE clerk_accounts SET all_procedures = 0 WHERE id = ?').run(id);
      }
      for (const p of ids) {
        await q('DELETE FROM clerk_procedure_grants WHERE account_id = ? AND procedure_id = ?').run(
          id,
          p,
        );
      }
    },
    /** @param {string} username @param {string} password */
    async setPassword(username, password) {
      const problem = passwordProblem(password);
      if (problem) throw new Error(problem);
      const hash = await hashPassword(password);
      const { changes } = await q(
        `UPDATE clerk_accounts SET password_hash = ?, failed_logins = 0, locked_until = NULL
         WHERE username = ?`,
      ).run(hash, username.trim().toLowerCase());
      if (!changes) throw new Error(`Không có tài khoản "${username}".`);
      // A new password ends every session opened with the old one.
      await q(
        'DELETE FROM clerk_sessions WHERE account_id = (SELECT id FROM clerk_accounts WHERE username = ?)',
      ).run(username.trim().toLowerCase());
    },
    /** @param {string} username */
    disable(username) {
      const name = username.trim().toLowerCase();
      const changed = q('UPDATE clerk_accounts SET disabled_at = ? WHERE username = ?').run(
        now().toISOString(),
        name,
      );
      return after(changed, (/** @type {{ changes: number }} */ { changes }) => {
        if (!changes) throw new Error(`Không có tài khoản "${username}".`);
        return after(
          q(
            'DELETE FROM clerk_sessions WHERE account_id = (SELECT id FROM clerk_accounts WHERE username = ?)',
          ).run(name),
          () =>
            after(
              q(
                'UPDATE api_keys SET revoked_at = ? WHERE account_id = (SELECT id FROM clerk_accounts WHERE username = ?) AND revoked_at IS NULL',
              ).run(now().toISOString(), name),
              () => undefined,
            ),
        );
      });
    },
    /** @param {string} username */
    unlock(username) {
      return after(
        q(
          'UPDATE clerk_accounts SET failed_logins = 0, locked_until = NULL WHERE username = ?',
        ).run(username.trim().toLowerCase()),
        () => undefined,
      );
    },
    /**
     * Every account with the procedures it sees: `allProcedures` (1 or 0) and `procedures` (ids).
     */
    list() {
      const rows = q(
        `SELECT username, display_name AS displayName, role, created_at AS createdAt,
                disabled_at AS disabledAt, locked_until AS lockedUntil,
                all_procedures AS allProcedures
         FROM clerk_accounts ORDER BY username`,
      ).all();
      const grants = q(
        `SELECT a.username, g.procedure_id AS procedure FROM clerk_procedure_grants g
         JOIN clerk_accounts a ON a.id = g.account_id ORDER BY g.procedure_id`,
      ).all();
      return after(rows, (/** @type {any[]} */ accountRows) =>
        after(grants, (/** @type {{ username: string, procedure: string }[]} */ granted) =>
          accountRows.map((a) => ({
            ...a,
            allProcedures: Number(a.allProcedures),
            procedures: granted.filter((g) => g.username === a.username).map((g) => g.procedure),
          })),
        ),
      );
    },
    /**
     * A new API key acting as `username`; the key is shown once and only its hash is kept.
     * @param {string} username @param {string} [label]
     */
    createApiKey(username, label) {
      const found = q(
        'SELECT id FROM clerk_accounts WHERE username = ? AND disabled_at IS NULL',
      ).get(username.trim().toLowerCase());
      return after(found, (/** @type {{ id: number } | undefined} */ account) => {
        if (!account) throw new Error(`Không có tài khoản đang hoạt động "${username}".`);
        const id = randomBytes(6).toString('hex');
        const secret = randomBytes(32).toString('base64url');
        return after(
          q(
            'INSERT INTO api_keys (id, account_id, secret_sha256, label, created_at) VALUES (?, ?, ?, ?, ?)',
          ).run(id, account.id, sha256(secret), label ?? null, now().toISOString()),
          () => ({ id, key: `dvc_${id}_${secret}` }),
        );
      });
    },
    /** @param {string} id */
    revokeApiKey(id) {
      const changed = q(
        'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      ).run(now().toISOString(), id);
      return after(changed, (/** @type {{ changes: number }} */ { changes }) => {
        if (!changes) throw new Error(`Không có khoá API đang dùng "${id}".`);
      });
    },
  };
}

/**
 * @typedef {object} Principal
 * @property {number} accountId
 * @property {string} username
 * @property {string} displayName
 * @property {'clerk' | 'admin'} role
 * @property {boolean} allProcedures whether the account sees every procedure's dossiers (an
 *   administrator always does; a clerk when flagged so, clerk-scope.js)
 * @property {'session' | 'api-key'} via
 * @property {string} actor what the audit log and the dossier history record
 * @property {string} [csrfToken]
 * @property {string} [sessionHash]
 */

/**
 * Parses the Cookie header (no plugin: one cookie, read-only).
 * @param {unknown} header
 * @param {string} name
 */
export function readCookie(header, name) {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/**
 * Whether a browser's `Origin` (when it sends one) names this server. The host is compared, not
 * the scheme: behind a TLS-terminating proxy the request itself arrives over plain HTTP.
 * @param {import('fastify').FastifyRequest} request
 */
function sameOrigin(request) {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * Sessions, log-in and log-out routes and `authenticate(request)` for the clerk routes.
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 */
export function registerAuth(app, ctx) {
  const { db } = ctx;
  /** @type {AuthPolicy} */
  const policy = { ...DEFAULT_AUTH_POLICY, ...(ctx.config.authPolicy ?? {}) };
  const byName = db.prepare('SELECT * FROM clerk_accounts WHERE username = ?');
  const byId = db.prepare('SELECT * FROM clerk_accounts WHERE id = ?');
  /** Failed log-ins per client address, counted over every process (storage/failure-store.js). */
  const ipFailures = createFailureCounter(
    db,
    'login-ip',
    { max: policy.ipFailures, windowSeconds: policy.ipWindowSeconds },
    ctx.now,
  );
  // A name that is no (active) account locks after as many failures as an account does, and
  // answers the same: otherwise `423 login-locked` after the fifth wrong password would tell a
  // stranger which names are clerks'. Counted under an HMAC of the name with the server's
  // look-up key: what was typed (often a password in the wrong box) is never stored readable.
  const nameFailures = createFailureCounter(
    db,
    'login-name',
    { max: policy.maxFailedLogins, windowSeconds: policy.lockMinutes * 60 },
    ctx.now,
  );
  const nameKey = (/** @type {string} */ username) =>
    createHmac('sha256', ctx.keyring.lookup.key).update(`login-name:${username}`).digest('hex');

  /** @param {import('fastify').FastifyRequest} request */
  const secureCookie = (request) => request.protocol === 'https';

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {string} value
   * @param {number} maxAgeSeconds
   */
  const cookie = (request, value, maxAgeSeconds) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}` +
    (secureCookie(request) ? '; Secure' : '');

  /**
   * The signed-in clerk of a request, or undefined. A session is refreshed on use (idle expiry).
   * @param {import('fastify').FastifyRequest} request
   * @returns {Promise<Principal | undefined>}
   */
  async function authenticate(request) {
    const h = request.headers.authorization;
    if (typeof h === 'string') {
      const m = /^Bearer dvc_([0-9a-f]{12})_([\w-]{43})$/.exec(h);
      if (!m) return undefined;
      const row = /** @type {any} */ (
        await db
          .prepare(
            `SELECT k.secret_sha256, a.* FROM api_keys k JOIN clerk_accounts a ON a.id = k.account_id
             WHERE k.id = ? AND k.revoked_at IS NULL AND a.disabled_at IS NULL`,
          )
          .get(m[1])
      );
      const given = Buffer.from(sha256(m[2]), 'hex');
      const stored = Buffer.from(row?.secret_sha256 ?? '0'.repeat(64), 'hex');
      if (!row || !timingSafeEqual(given, stored)) return undefined;
      await db
        .prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?')
        .run(ctx.now().toISOString(), m[1]);
      return {
        accountId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        allProcedures: row.role === 'admin' || Number(row.all_procedures) === 1,
        via: 'api-key',
        actor: `${row.username} (khoá API ${m[1]})`,
      };
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token || !/^[\w-]{43}$/.test(token)) return undefined;
    const hash = sha256(token);
    const s = /** @type {any} */ (
      await db.prepare('SELECT * FROM clerk_sessions WHERE token_sha256 = ?').get(hash)
    );
    if (!s) return undefined;
    const t = ctx.now().getTime();
    const idle = t - Date.parse(s.last_seen_at) > policy.idleMinutes * 60_000;
    const old = t - Date.parse(s.created_at) > policy.absoluteHours * 3_600_000;
    const account = /** @type {any} */ (await byId.get(s.account_id));
    if (idle || old || !account || account.disabled_at) {
      await db.prepare('DELETE FROM clerk_sessions WHERE token_sha256 = ?').run(hash);
      return undefined;
    }
    await db
      .prepare('UPDATE clerk_sessions SET last_seen_at = ? WHERE token_sha256 = ?')
      .run(new Date(t).toISOString(), hash);
    return {
      accountId: account.id,
      username: account.username,
      displayName: account.display_name,
      role: account.role,
      allProcedures: account.role === 'admin' || Number(account.all_procedures) === 1,
      via: 'session',
      actor: account.username,
      csrfToken: s.csrf_token,
      sessionHash: hash,
    };
  }

  /**
   * A cookie-authenticated request that changes state must carry the session's CSRF token (and,
   * when the browser sends one, an Origin of this very server). API-key requests carry no
   * cookie, so a third-party page cannot make them.
   * @param {import('fastify').FastifyRequest} request
   * @param {Principal} who
   */
  function csrfOk(request, who) {
    if (who.via !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
    if (!sameOrigin(request)) return false;
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !who.csrfToken || given.length !== who.csrfToken.length) {
      return false;
    }
    return timingSafeEqual(Buffer.from(given), Buffer.from(who.csrfToken));
  }

  // The named `clerk` limit (config.js, docs/receiver.md) counts the log-in and the session
  // routes as it counts /api/clerk/: each log-in costs a scrypt, and the failure throttle below
  // only counts wrong passwords, per address, with no bound over all addresses.
  const limited = { onRequest: ctx.guards.clerk };

  app.post('/api/auth/login', limited, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    // Another site's page must not log a browser in either (login CSRF).
    if (!sameOrigin(request)) return sendProblem(request, reply, 'csrf-failed');
    const body = /** @type {any} */ (request.body ?? {});
    const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!username || !password || username.length > 63 || password.length > PASSWORD_MAX) {
      return sendProblem(request, reply, 'login-missing');
    }
    const ip = request.ip;
    const t = ctx.now();
    const account = /** @type {any} */ (await byName.get(username));
    // The audit names an account only when the name is one: what was typed otherwise (often a
    // password, a phone number, a citizen's ID typed into the wrong box) is never recorded.
    const actor = account ? account.username : UNKNOWN_ACCOUNT;
    const retry = await ipFailures.blocked(ip);
    if (retry) {
      reply.header('retry-after', String(retry));
      await audit(db, t, { actor, action: 'login', outcome: 'throttled', ip });
      return sendProblem(request, reply, 'login-throttled');
    }
    const active = account && !account.disabled_at;
    const locked = active
      ? account.locked_until && Date.parse(account.locked_until) > t.getTime()
      : (await nameFailures.blocked(nameKey(username))) > 0;
    // Always one scrypt, so unknown, locked and known accounts answer in the same time.
    const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    if (locked) {
      await audit(db, t, { actor, action: 'login', outcome: 'locked', ip });
      return sendProblem(request, reply, 'login-locked', {
        params: { minutes: String(policy.lockMinutes) },
      });
    }
    if (!account || account.disabled_at || !ok) {
      await ipFailures.fail(ip);
      let nowLocked = false;
      if (!active) {
        await nameFailures.fail(nameKey(username));
        nowLocked = (await nameFailures.blocked(nameKey(username))) > 0;
      } else {
        const n = account.failed_logins + 1;
        nowLocked = n >= policy.maxFailedLogins;
        await db
          .prepare('UPDATE clerk_accounts SET failed_logins = ?, locked_until = ? WHERE id = ?')
          .run(
            nowLocked ? 0 : n,
            nowLocked ? new Date(t.getTime() + policy.lockMinutes * 60_000).toISOString() : null,
            account.id,
          );
      }
      await audit(db, t, {
        actor,
        action: 'login',
        outcome: nowLocked ? 'failure-locked' : 'failure',
        ip,
      });
      if (nowLocked) {
        return sendProblem(request, reply, 'login-locked', {
          params: { minutes: String(policy.lockMinutes) },
        });
      }
      return sendProblem(request, reply, 'login-failed');
    }
    await db
      .prepare('UPDATE clerk_accounts SET failed_logins = 0, locked_until = NULL WHERE id = ?')
      .run(account.id);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const at = t.toISOString();
    // Sessions past their absolute lifetime are dropped on every log-in.
    await db
      .prepare('DELETE FROM clerk_sessions WHERE created_at < ?')
      .run(new Date(t.getTime() - policy.absoluteHours * 3_600_000).toISOString());
    await db
      .prepare(
        `INSERT INTO clerk_sessions (token_sha256, account_id, csrf_token, created_at, last_seen_at, ip)
       VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(sha256(token), account.id, csrfToken, at, at, ip);
    await audit(db, t, { actor: account.username, action: 'login', outcome: 'success', ip });
    reply.header('set-cookie', cookie(request, token, policy.absoluteHours * 3600));
    return {
      username: account.username,
      displayName: account.display_name,
      role: account.role,
      csrfToken,
      idleMinutes: policy.idleMinutes,
    };
  });

  app.get('/api/auth/session', limited, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const who = await authenticate(request);
    if (!who || who.via !== 'session') return sendProblem(request, reply, 'clerk-unauthorized');
    return {
      username: who.username,
      displayName: who.displayName,
      role: who.role,
      csrfToken: who.csrfToken,
      idleMinutes: policy.idleMinutes,
    };
  });

  app.post('/api/auth/logout', limited, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const who = await authenticate(request);
    if (who?.via === 'session') {
      if (!csrfOk(request, who)) return sendProblem(request, reply, 'csrf-failed');
      await db.prepare('DELETE FROM clerk_sessions WHERE token_sha256 = ?').run(who.sessionHash);
      await audit(db, ctx.now(), {
        actor: who.actor,
        action: 'logout',
        outcome: 'success',
        ip: request.ip,
      });
    }
    reply.header('set-cookie', cookie(request, '', 0));
    return reply.code(204).send();
  });

  return { authenticate, csrfOk };
}
