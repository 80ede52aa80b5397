// Configuration of the reference receiver, read from environment variables.
// The table of variables is in docs/receiver.md; keep the two in step.
import { loadS3Config } from './storage/s3-config.js';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllowedOrigins } from './cors.js';
import { loadForwardConfig } from './outbox/config.js';

const MB = 1024 * 1024;

/** The procedures the receiver offers (its `proceduresDir`), also what `npm run clerk` grants. */
export const DEFAULT_PROCEDURES_DIR = fileURLToPath(
  new URL('../../schemas/procedures/', import.meta.url),
);

/**
 * @typedef {object} ReceiverConfig
 * @property {number} port
 * @property {string} host
 * @property {string} dataDir Folder for dvc.sqlite and uploads/ (created on first run).
 * @property {string | undefined} databaseUrl DATABASE_URL: PostgreSQL instead of dvc.sqlite
 * @property {import('./storage/s3-config.js').S3Config | undefined} s3 S3_*: uploads in an
 *   S3-compatible bucket instead of DATA_DIR/uploads
 *   (`postgres://user:password@host:port/database`; docs/deployment.md).
 * @property {number} databasePoolSize DATABASE_POOL_SIZE: connections per process.
 * @property {object[] | undefined} trustedKeys Public JWKs; undefined = accept the key embedded in each submission.
 * @property {number} maxUploadBytes
 * @property {number} challengeTtlSeconds
 * @property {string | undefined} masterKeys MASTER_KEYS: "id:base64,…" wrapping data keys (first = current).
 * @property {string | undefined} lookupKeys LOOKUP_KEYS: "id:base64,…" for status look-up HMACs.
 * @property {number} retentionDays Default retention of a dossier when its procedure sets none (0 = keep).
 * @property {number} auditRetentionDays Audit records older than this are purged (0 = keep).
 * @property {number} purgeEveryMinutes How often the purge job runs (0 = never).
 * @property {string} logLevel
 * @property {string[]} allowedOrigins Other sites' origins allowed to call the form's endpoints (CORS); empty = same origin only.
 * @property {number} uploadTtlHours Unfinished (and finished but never submitted) uploads are removed after this.
 * @property {number} maxDossierBytes Stored bytes one upload session (one dossier) may hold.
 * @property {number} maxIpBytes Stored bytes one client address may upload within UPLOAD_TTL_HOURS.
 * @property {number} maxMultipartFiles File parts in one multipart submission.
 * @property {number} headersTimeoutSeconds Time to receive the request headers.
 * @property {number} requestTimeoutSeconds Time to receive a whole request, body included.
 * @property {number} idleTimeoutSeconds A connection silent this long is closed (slow bodies).
 * @property {number | string | false} trustProxy TRUST_PROXY: the agency's proxies, by address
 *   (a proxy-addr list) or by number; false = the connection's own address (trustProxy below).
 * @property {Record<RateLimitName, RateLimit>} rateLimits
 * @property {number | undefined} postage The agency's postage tariff in đồng for results by post,
 *   for procedures without their own `postage` (POSTAGE; unset = the demo's EXAMPLE_POSTAGE;
 *   `none` = no agency tariff: post needs the procedure's own `postage`).
 * @property {number} receptionCutoffMinutes Dossiers received at or after this time of day (Việt Nam)
 *   count from the next working day (RECEPTION_CUTOFF, HH:MM, default 17:00).
 * @property {import('./outbox/config.js').ForwardConfig | undefined} forward forwarding of each
 *   dossier to the one-stop system (FORWARD_URL, FORWARD_SECRET…; outbox/config.js)
 */

/**
 * The demo's postage tariff when POSTAGE is unset, in đồng: AN EXAMPLE, not a published price.
 * Results of administrative procedures go home through the public postal service (dịch vụ bưu
 * chính công ích, Decision 45/2016/QĐ-TTg), at the price of the agency's contract with its
 * provincial post office, which differs by province and by distance. The demo needs a figure so
 * that choosing post shows a postage and a total; an agency sets POSTAGE to its contract price
 * (docs/payments.md "Postage").
 */
export const EXAMPLE_POSTAGE = 25_000;

/**
 * The named rate limits: each applies per client address (`max` per `windowSeconds`) and to all
 * clients together (`globalMax` per window), so one address cannot exhaust the server and many
 * addresses together cannot either. Set as `RATE_LIMIT_<NAME>=max/seconds` and
 * `RATE_LIMIT_<NAME>_GLOBAL=max/seconds` (docs/receiver.md).
 * @typedef {'challenges' | 'uploads' | 'dossiers' | 'status' | 'clerk'} RateLimitName
 * @typedef {{ max: number, windowSeconds: number, globalMax: number, globalWindowSeconds: number }} RateLimit
 */
export const RATE_LIMIT_DEFAULTS = /** @type {const} */ ({
  // A form asks one challenge per submission attempt; retries add a few.
  challenges: { max: 30, windowSeconds: 60, globalMax: 600, globalWindowSeconds: 60 },
  // Upload creations (POST /api/uploads); PATCH/HEAD of one's own uploads are not counted.
  uploads: { max: 60, windowSeconds: 600, globalMax: 1200, globalWindowSeconds: 60 },
  dossiers: { max: 20, windowSeconds: 600, globalMax: 600, globalWindowSeconds: 60 },
  // The citizen's status lookup guesses a second factor: kept low.
  status: { max: 20, windowSeconds: 600, globalMax: 600, globalWindowSeconds: 60 },
  // Clerk API and log-in: counted per address; a wrong token counts like a right one.
  clerk: { max: 300, windowSeconds: 60, globalMax: 3000, globalWindowSeconds: 60 },
});

/**
 * Reads the configuration from `env`; throws an Error with a readable message on a bad value.
 * @param {Record<string, string | undefined>} env
 * @returns {ReceiverConfig}
 */
export function loadConfig(env = process.env) {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl: databaseUrl(env),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    trustedKeys: env.TRUSTED_KEYS?.trim() ? readTrustedKeys(env.TRUSTED_KEYS.trim()) : undefined,
    maxUploadBytes: integer(env, 'MAX_UPLOAD_BYTES', 20 * MB, 1, Number.MAX_SAFE_INTEGER),
    challengeTtlSeconds: integer(env, 'CHALLENGE_TTL_SECONDS', 600, 1, 86400),
    masterKeys: env.MASTER_KEYS?.trim() || undefined,
    lookupKeys: env.LOOKUP_KEYS?.trim() || undefined,
    retentionDays: integer(env, 'RETENTION_DAYS', 1825, 0, 36500),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 1825, 0, 36500),
    purgeEveryMinutes: integer(env, 'PURGE_EVERY_MINUTES', 60, 0, 10080),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    uploadTtlHours: integer(env, 'UPLOAD_TTL_HOURS', 24, 1, 24 * 365),
    maxDossierBytes: integer(env, 'MAX_DOSSIER_BYTES', 100 * MB, 1, Number.MAX_SAFE_INTEGER),
    maxIpBytes: integer(env, 'MAX_IP_BYTES', 500 * MB, 1, Number.MAX_SAFE_INTEGER),
    maxMultipartFiles: integer(env, 'MAX_MULTIPART_FILES', 50, 1, 1000),
    headersTimeoutSeconds: integer(env, 'HEADERS_TIMEOUT_SECONDS', 20, 1, 600),
    requestTimeoutSeconds: integer(env, 'REQUEST_TIMEOUT_SECONDS', 600, 1, 3600),
    idleTimeoutSeconds: integer(env, 'IDLE_TIMEOUT_SECONDS', 30, 1, 600),
    trustProxy: trustProxy(env),
    rateLimits: rateLimits(env),
    receptionCutoffMinutes: timeOfDay(env, 'RECEPTION_CUTOFF', 17 * 60),
    postage: postage(env),
    forward: loadForwardConfig(env),
    s3: loadS3Config(env),
  };
}

/** pino's levels, what LOG_LEVEL may name. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * A variable that takes one of a few words. An unknown one stops the start: `TRUST_PROXY=true`
 * read as "not 1" left a receiver behind a proxy counting every client as the proxy's address.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {string[]} allowed
 * @param {string} fallback
 */
function oneOf(env, name, allowed, fallback) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!allowed.includes(raw)) {
    throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw;
}

/**
 * TRUST_PROXY: which X-Forwarded-For entries to believe. Either the addresses of the agency's
 * proxies (`127.0.0.1`, `10.0.0.0/8`, `loopback`, `uniquelocal`…, comma-separated): the client
 * address is the right-most entry not from one of them, and a request that did not come from
 * one of them keeps its own address whatever it sends; or a number of proxies in front (`1`),
 * counted from the right of the header. Believing the whole header (its left-most entry, what
 * `1` meant before) let a client write its own address before nginx's
 * `$proxy_add_x_forwarded_for` appended the real one, and escape every per-address limit.
 * @param {Record<string, string | undefined>} env
 * @returns {number | string | false}
 */
function trustProxy(env) {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === '0') return false;
  if (/^[1-9]$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((e) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(e)) return false;
    const [address, prefix, more] = e.split('/');
    const family = isIP(address ?? '');
    if (!family || more !== undefined) return true;
    if (prefix === undefined) return false;
    return !/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128);
  });
  if (bad !== undefined) {
    throw new Error(
      'TRUST_PROXY must be the addresses of your own reverse proxies (e.g. 127.0.0.1 or ' +
        `10.0.0.0/8,loopback), or how many of them stand in front (1), or 0; got "${bad}"`,
    );
  }
  return entries.join(',');
}

/**
 * DATABASE_URL: a PostgreSQL URL, checked here so that a typo is named instead of surfacing as a
 * DNS error of the driver. The value holds the password: it is never repeated in the message.
 * @param {Record<string, string | undefined>} env
 */
function databaseUrl(env) {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  const expected =
    'DATABASE_URL must be postgres://user:password@host:port/database ' +
    '(unset: the embedded SQLite file in DATA_DIR)';
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${expected}; the value set is not a URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`${expected}; the value set starts with "${url.protocol}//"`);
  }
  // A Unix socket is `postgres:///dvc?host=/var/run/postgresql`.
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new Error(`${expected}; the value set has no host`);
  }
  return raw;
}

/**
 * POSTAGE: đồng, `none`, or unset (the demo's example tariff).
 * @param {Record<string, string | undefined>} env
 */
function postage(env) {
  const raw = env.POSTAGE?.trim();
  if (raw === undefined || raw === '') return EXAMPLE_POSTAGE;
  if (raw === 'none') return undefined;
  return integer(env, 'POSTAGE', 0, 0, 10_000_000);
}

/**
 * A time of day `HH:MM` as minutes after midnight.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 */
function timeOfDay(env, name, fallback) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new Error(`${name} must be a time of day HH:MM (e.g. 15:00), got "${raw}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Record<RateLimitName, RateLimit>}
 */
function rateLimits(env) {
  /** @type {Record<string, RateLimit>} */
  const out = {};
  for (const [name, d] of Object.entries(RATE_LIMIT_DEFAULTS)) {
    const key = `RATE_LIMIT_${name.toUpperCase()}`;
    const [max, windowSeconds] = perWindow(env, key, [d.max, d.windowSeconds]);
    const [globalMax, globalWindowSeconds] = perWindow(env, `${key}_GLOBAL`, [
      d.globalMax,
      d.globalWindowSeconds,
    ]);
    out[name] = { max, windowSeconds, globalMax, globalWindowSeconds };
  }
  return /** @type {Record<RateLimitName, RateLimit>} */ (out);
}

/**
 * `max/seconds`, e.g. `20/600`.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {[number, number]} fallback
 * @returns {[number, number]}
 */
function perWindow(env, name, fallback) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const m = /^(\d{1,9})\/(\d{1,6})$/.exec(raw);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new Error(`${name} must look like "20/600" (requests per seconds), got "${raw}"`);
  }
  return [Number(m[1]), Number(m[2])];
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
export function integer(env, name, fallback, min, max) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

/**
 * TRUSTED_KEYS names a JSON file holding an array of public JWKs (what `dvc-forms keygen` writes
 * as public.jwk.json, collected into an array).
 * @param {string} path
 * @returns {object[]}
 */
export function readTrustedKeys(path) {
  let keys;
  try {
    keys = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`TRUSTED_KEYS: cannot read ${path}: ${/** @type {Error} */ (e).message}`);
  }
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new Error(`TRUSTED_KEYS: ${path} must hold a non-empty JSON array of public JWKs`);
  }
  keys.forEach((k, i) => {
    if (!k || typeof k !== 'object' || typeof k.kty !== 'string') {
      throw new Error(`TRUSTED_KEYS: item ${i} of ${path} is not a JWK (no "kty")`);
    }
    // A private member here means someone copied the wrong file: refuse rather than hold it.
    if ('d' in k) throw new Error(`TRUSTED_KEYS: item ${i} of ${path} is a private key`);
  });
  return keys;
}

/**
 * DATA_DIR must be a folder this process can write: multipart files are staged there even with
 * PostgreSQL and S3, so an unwritable one would otherwise fail at the first dossier with files.
 * Created (0700) when missing.
 * @param {string} dir
 */
export function checkDataDir(dir) {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code ?? String(e);
    throw new Error(
      `DATA_DIR must be a folder this process can create and write, got "${dir}" (${code})`,
    );
  }
}
