// PostgreSQL storage (`DATABASE_URL`): the receiver's SQL, written in the SQLite dialect the
// embedded storage runs as it is, translated once per statement for PostgreSQL (placeholders,
// `INSERT OR IGNORE/REPLACE`), on a pool of connections shared by the requests of one process.
// Several processes may use one database: everything that must be unique or single-use is a
// constraint or an atomic UPDATE there, never a check in one process's memory (docs/deployment.md).
import pg from 'pg';
import { listMigrations } from '../db.js';
import { migrationForPostgres } from '../migration-sql.js';

// BIGINT (counts, sums, sizes) and NUMERIC come back from pg as strings; the receiver's numbers
// stay far below 2^53, and the SQLite storage gives numbers: parse them as numbers.
const NUMBER_TYPES = new Set([20, 1700]);
const types = {
  /** @param {number} oid @param {any} [format] */
  getTypeParser: (oid, format) =>
    NUMBER_TYPES.has(oid) ? Number : pg.types.getTypeParser(oid, format),
};

/**
 * @typedef {{ text: string, names: string[] }} Translated
 */

/** @type {Map<string, Translated>} */
const translations = new Map();

/**
 * The SQLite-dialect statement `sql` for PostgreSQL: `?` → `$n`, `@name` → `$n` (with the order
 * of names), `INSERT OR IGNORE` → `ON CONFLICT DO NOTHING`, `INSERT OR REPLACE` → an upsert on
 * the first column (the primary key, by the receiver's convention), camelCase aliases quoted.
 * Quoted strings are left alone.
 * @param {string} sql
 * @returns {Translated}
 */
export function toPostgres(sql) {
  const cached = translations.get(sql);
  if (cached) return cached;
  let text = '';
  /** @type {string[]} */
  const names = [];
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      text += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      text += `$${++n}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))?.[0] ?? '';
      names.push(name);
      text += `$${++n}`;
      i += name.length;
    } else text += c;
  }
  text = text.replace(/\bAS ([a-z]+[A-Z]\w*)/g, 'AS "$1"');
  if (/^\s*INSERT OR IGNORE INTO/i.test(text)) {
    text = `${text.replace(/INSERT OR IGNORE INTO/i, 'INSERT INTO')} ON CONFLICT DO NOTHING`;
  } else if (/^\s*INSERT OR REPLACE INTO/i.test(text)) {
    const columns =
      /\(([^)]*)\)/
        .exec(text)?.[1]
        .split(',')
        .map((c) => c.trim()) ?? [];
    const [key, ...rest] = columns;
    text =
      `${text.replace(/INSERT OR REPLACE INTO/i, 'INSERT INTO')} ON CONFLICT (${key}) DO UPDATE SET ` +
      rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  }
  const t = { text, names };
  if (translations.size > 500) translations.clear();
  translations.set(sql, t);
  return t;
}

/**
 * @param {Translated} t
 * @param {unknown[]} params
 */
function values(t, params) {
  const list =
    t.names.length && params.length === 1 && params[0] && typeof params[0] === 'object'
      ? t.names.map((name) => /** @type {Record<string, unknown>} */ (params[0])[name])
      : params;
  return list.map((v) => (v === undefined ? null : typeof v === 'bigint' ? String(v) : v));
}

/**
 * Opens a pool on `url` and applies the migrations it has not seen (one process at a time).
 * @param {string} url
 * @param {{ max?: number, lockMax?: number }} [options]
 * @returns {Promise<import('./index.js').Storage>}
 */
export async function openPostgresStorage(url, options = {}) {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle connection the server dropped must not crash the process.
  pool.on('error', () => {});
  try {
    // Connected first, apart from the migrations, so that an unreachable server or a refused
    // password is reported as DATABASE_URL's, with where it points (never the password).
    await pool.query('SELECT 1').catch((e) => {
      throw new Error(
        `DATABASE_URL: cannot connect to PostgreSQL at ${whereTo(url)}: ${e.message}` +
          ' (check the host, port, database, user and password, and that the server accepts this machine)',
      );
    });
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  // Session locks (tus uploads, storage/tus.js) hold a connection each while an upload is being
  // written: their own pool, so they never starve the queries.
  const lockPool = new pg.Pool({ connectionString: url, max: options.lockMax ?? 50, types });
  lockPool.on('error', () => {});
  return postgresStorage(pool, lockPool, url);
}

/**
 * Waits (polling every 50 ms) for the session advisory lock `key` on a connection of its own and
 * resolves with its release; rejects with 'timeout' after `timeoutMs`, or when `signal` aborts.
 * @param {pg.Pool} lockPool
 * @param {string} key
 * @param {{ signal?: AbortSignal, timeoutMs?: number, onWait?: () => void }} [options] `onWait`
 *   runs when the lock is taken, then every second while waiting
 * @returns {Promise<() => Promise<void>>}
 */
async function sessionLock(lockPool, key, { signal, timeoutMs = 30_000, onWait } = {}) {
  const client = await lockPool.connect();
  const until = Date.now() + timeoutMs;
  let asked = 0;
  try {
    for (;;) {
      const r = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [
        key,
      ]);
      if (r.rows[0].ok) break;
      if (signal?.aborted || Date.now() > until) throw 'timeout';
      if (onWait && Date.now() - asked >= 1000) {
        asked = Date.now();
        onWait();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (e) {
    client.release();
    throw e;
  }
  return async () => {
    try {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      client.release();
    } catch {
      client.release(true); // a broken connection: its locks died with it
    }
  };
}

/**
 * @param {pg.Pool} pool
 * @param {pg.Pool} lockPool
 * @param {string} url
 * @returns {import('./index.js').Storage}
 */
function postgresStorage(pool, lockPool, url) {
  /** @type {pg.Client | undefined} LISTEN needs a connection of its own, kept open */
  let listener;
  /** @type {Map<string, Set<(payload: string) => void>>} */
  const listeners = new Map();
  let savepoints = 0;
  /**
   * @param {pg.Pool | pg.PoolClient} on
   * @param {boolean} inTransaction
   * @returns {import('./index.js').Storage}
   */
  const handle = (on, inTransaction) => {
    /** @param {string} sql @param {unknown[]} params */
    const query = (sql, params) => {
      const t = toPostgres(sql);
      return on.query(t.text, values(t, params));
    };
    return {
      dialect: /** @type {const} */ ('postgres'),
      raw: undefined,
      prepare: (sql) => ({
        get: async (...params) => (await query(sql, params)).rows[0],
        all: async (...params) => (await query(sql, params)).rows,
        run: async (...params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
      }),
      async lock(key) {
        // Held until the transaction ends; outside one it would be released at once.
        await on.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
      },
      async transaction(fn) {
        if (inTransaction) {
          const name = `sp${++savepoints}`;
          await on.query(`SAVEPOINT ${name}`);
          try {
            const value = await fn(this);
            await on.query(`RELEASE SAVEPOINT ${name}`);
            return value;
          } catch (e) {
            await on.query(`ROLLBACK TO SAVEPOINT ${name}`);
            throw e;
          }
        }
        const client = await /** @type {pg.Pool} */ (on).connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const value = await fn(handle(client, true));
          await client.query('COMMIT');
          return value;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw e;
        } finally {
          client.release(broken);
        }
      },
      sessionLock: (key, options) => sessionLock(lockPool, key, options),
      async notify(channel, payload) {
        await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
      },
      async listen(channel, onMessage) {
        if (!listener) {
          listener = new pg.Client({ connectionString: url });
          listener.on('error', () => {});
          listener.on('notification', (n) => {
            for (const f of listeners.get(n.channel) ?? []) f(n.payload ?? '');
          });
          await listener.connect();
        }
        if (!listeners.has(channel)) {
          listeners.set(channel, new Set());
          await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        }
        listeners.get(channel)?.add(onMessage);
      },
      async close() {
        if (inTransaction) return;
        await listener?.end().catch(() => {});
        await /** @type {pg.Pool} */ (on).end();
        await lockPool.end();
      },
    };
  };
  return handle(pool, false);
}

/**
 * `user@host:port/database` of a DATABASE_URL, for messages: without its password.
 * @param {string} url
 */
function whereTo(url) {
  try {
    const u = new URL(url);
    const host = u.hostname || u.searchParams.get('host') || 'localhost';
    return `${decodeURIComponent(u.username) || '(default user)'}@${host}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(the URL set)';
  }
}

/**
 * Applies the migrations not applied yet (`migrations/NNN_name.sql`, the SQLite ones with their
 * versions and names, translated by migration-sql.js), each in its own transaction, under an
 * advisory lock so that processes starting together do not apply one twice.
 * @param {pg.Pool} pool
 */
async function migrate(
  pool,
  migrations = listMigrations().map((m) => ({ ...m, sql: migrationForPostgres(m.sql) })),
) {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended('dvc-migrations', 0))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = new Set(
      (await client.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [m.version, m.name, new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(
          `migration ${m.version}_${m.name} failed: ${/** @type {Error} */ (e).message}`,
        );
      }
    }
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtextextended('dvc-migrations', 0))")
      .catch(() => {});
    client.release();
  }
}
