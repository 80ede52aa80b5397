// Configuration of the reference receiver, read from environment variables.
// The table of variables is in docs/receiver.md; keep the two in step.
import { randomBytes } from 'node:crypto';
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
 * @property {string} clerkToken
 * @property {boolean} clerkTokenGenerated True when CLERK_TOKEN was not set and a random one was made.
 * @property {string} logLevel
 * @property {number | undefined} postage The agency's postage tariff in đồng for results by post,
 *   for procedures without their own `postage` (POSTAGE; unset = post needs the procedure's).
 * @property {number} receptionCutoffMinutes Dossiers received at or after this time of day (Việt Nam)
 *   count from the next working day (RECEPTION_CUTOFF, HH:MM, default 17:00).
 */

/**
 * Reads the configuration from `env`; throws an Error with a readable message on a bad value.
 * @param {Record<string, string | undefined>} env
 * @returns {ReceiverConfig}
 */
export function loadConfig(env = process.env) {
  const clerkToken = env.CLERK_TOKEN?.trim();
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    trustedKeys: env.TRUSTED_KEYS?.trim() ? readTrustedKeys(env.TRUSTED_KEYS.trim()) : undefined,
    maxUploadBytes: integer(env, 'MAX_UPLOAD_BYTES', 20 * MB, 1, Number.MAX_SAFE_INTEGER),
    challengeTtlSeconds: integer(env, 'CHALLENGE_TTL_SECONDS', 600, 1, 86400),
    clerkToken: clerkToken || randomBytes(18).toString('base64url'),
    clerkTokenGenerated: !clerkToken,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    receptionCutoffMinutes: timeOfDay(env, 'RECEPTION_CUTOFF', 17 * 60),
    postage: env.POSTAGE?.trim() ? integer(env, 'POSTAGE', 0, 0, 10_000_000) : undefined,
  };
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
