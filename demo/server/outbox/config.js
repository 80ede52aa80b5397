// Forwarding configuration (docs/scaling.md "Forwarding"), read from the environment:
//   FORWARD_URL                 the one-stop system's webhook: https://…, or http:// on a loopback
//                               address only (a local set-up, the tests); unset = no forwarding
//   FORWARD_SECRET              the shared HMAC key the target checks signatures with (≥ 32 chars)
//   FORWARD_MAX_ATTEMPTS        tries before a dossier's forwarding is a dead letter (default 12)
//   FORWARD_RETRY_BASE_SECONDS  first retry delay; doubles each try, with jitter (default 10)
//   FORWARD_RETRY_MAX_SECONDS   longest delay between tries (default 3600)
//   FORWARD_TIMEOUT_SECONDS     one attempt's time limit (default 15)
//   FORWARD_POLL_SECONDS        how often each process looks for due rows (default 5)

/**
 * @typedef {object} ForwardConfig
 * @property {string} url
 * @property {string} secret
 * @property {number} maxAttempts
 * @property {number} baseDelayMs
 * @property {number} maxDelayMs
 * @property {number} timeoutMs
 * @property {number} pollMs
 * @property {number} [batch] rows one process claims at a time (default 10)
 */

import { integer } from '../config.js';
import { isLoopbackHost } from '../loopback.js';

/**
 * The webhook address, refused unless https (or http on a loopback address): dossiers carry
 * personal data and must not cross a network in clear.
 * @param {string} raw
 * @returns {string}
 */
export function checkForwardUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`FORWARD_URL is not a URL: "${raw.slice(0, 200)}"`);
  }
  if (url.username || url.password) {
    throw new Error('FORWARD_URL must not hold a user name or password: use FORWARD_SECRET');
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.href;
  throw new Error(
    `FORWARD_URL must be https:// (http:// only to a loopback address: 127.0.0.1, [::1], localhost), got "${url.protocol}//${url.host}"`,
  );
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {ForwardConfig | undefined}
 */
export function loadForwardConfig(env) {
  const raw = env.FORWARD_URL?.trim();
  if (!raw) return undefined;
  const url = checkForwardUrl(raw);
  const secret = env.FORWARD_SECRET?.trim() ?? '';
  if (secret.length < 32) {
    throw new Error('FORWARD_SECRET must be set to at least 32 characters when FORWARD_URL is');
  }
  return {
    url,
    secret,
    maxAttempts: integer(env, 'FORWARD_MAX_ATTEMPTS', 12, 1, 1000),
    baseDelayMs: integer(env, 'FORWARD_RETRY_BASE_SECONDS', 10, 1, 86400) * 1000,
    maxDelayMs: integer(env, 'FORWARD_RETRY_MAX_SECONDS', 3600, 1, 7 * 86400) * 1000,
    timeoutMs: integer(env, 'FORWARD_TIMEOUT_SECONDS', 15, 1, 600) * 1000,
    pollMs: integer(env, 'FORWARD_POLL_SECONDS', 5, 1, 3600) * 1000,
  };
}
