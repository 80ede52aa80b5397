// Configuration of the reference receiver, read from environment variables.
// The table of variables is in docs/receiver.md; keep the two in step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const MB = 1024 * 1024;

/**
 * @typedef {object} ReceiverConfig
 * @property {number} port
 * @property {string} host
 * @property {string} dataDir Folder for dvc.sqlite and uploads/ (created on first run).
 * @property {object[] | undefined} trustedKeys Public JWKs; undefined = accept the key embedded in each submission.
 * @property {number} maxUploadBytes
 * @property {number} challengeTtlSeconds
 * @property {string | undefined} masterKeys MASTER_KEYS: "id:base64,…" wrapping data keys (first = current).
 * @property {string | undefined} lookupKeys LOOKUP_KEYS: "id:base64,…" for status look-up HMACs.
 * @property {number} retentionDays Default retention of a dossier when its procedure sets none (0 = keep).
 * @property {number} auditRetentionDays Audit records older than this are purged (0 = keep).
 * @property {number} purgeEveryMinutes How often the purge job runs (0 = never).
 * @property {string} logLevel
 */

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
    trustedKeys: env.TRUSTED_KEYS?.trim() ? readTrustedKeys(env.TRUSTED_KEYS.trim()) : undefined,
    maxUploadBytes: integer(env, 'MAX_UPLOAD_BYTES', 20 * MB, 1, Number.MAX_SAFE_INTEGER),
    challengeTtlSeconds: integer(env, 'CHALLENGE_TTL_SECONDS', 600, 1, 86400),
    masterKeys: env.MASTER_KEYS?.trim() || undefined,
    lookupKeys: env.LOOKUP_KEYS?.trim() || undefined,
    retentionDays: integer(env, 'RETENTION_DAYS', 1825, 0, 36500),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', 1825, 0, 36500),
    purgeEveryMinutes: integer(env, 'PURGE_EVERY_MINUTES', 60, 0, 10080),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function integer(env, name, fallback, min, max) {
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
