// Notifications to the applicant: on receipt, on a request for supplement and on the result.
//
// The notifier interface is a `Channel` (`{ kind, send(to, message), close() }`): e-mail over SMTP
// (email.js, nodemailer) and SMS through a provider's HTTP JSON API (sms-http.js). Events are
// queued in the `notifications` table inside the transaction that makes them happen, so a
// dossier is never lost because a mail server is down, and a message is never sent for a change
// that was rolled back. A sender (every process may run one) claims due rows with a lease, sends,
// and on failure retries with a growing delay; a permanent failure (the server refused the
// address) is marked failed and logged, never retried for ever. The queue holds no personal data:
// the address is read from the dossier (decrypted, audited) at sending time.
import { audit } from '../audit.js';
import { DOSSIER_STATUS_LABELS } from '../engine.js';
import { valuesAt } from '../secrets.js';
import { readDossier } from '../vault.js';
import { createEmailChannel } from './email.js';
import { notificationText } from './messages.js';
import { createHttpSmsChannel } from './sms-http.js';

export { notificationText } from './messages.js';
export { NotifyError } from './errors.js';

// Channel, Notifier and NotifyConfig are declared in index.d.ts, where the other modules'
// JSDoc (`import('./index.js').Channel`) finds them.
/** @typedef {import('./index.js').Channel} Channel */

/**
 * @typedef {object} NotifyConfig
 * @property {{ url: string, from: string }} [email] SMTP_URL and MAIL_FROM
 * @property {import('./sms-http.js').HttpSmsOptions} [sms] SMS_HTTP_URL and friends
 * @property {string} [publicBaseUrl] PUBLIC_BASE_URL: the site's address in the messages' link
 * @property {number} [everySeconds] how often the sender looks for due messages (default 5)
 * @property {number} [maxAttempts] default 8 (about 4 hours of retries)
 */

/** Retry delays grow from 30 s, doubling, capped at one hour. */
const retryDelayMs = (/** @type {number} */ attempts) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
const LEASE_MS = 60_000;
const BATCH = 20;

/**
 * The notification settings from the environment; none configured means no channel (and no page
 * may promise one: the site says what the receiver will send, docs/receiver.md#notifications).
 * @param {Record<string, string | undefined>} env
 * @returns {NotifyConfig}
 */
export function loadNotifyConfig(env) {
  /** @param {string} name */
  const json = (name) => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v;
    } catch {
      // falls through
    }
    throw new Error(`${name} must be a JSON object of strings`);
  };
  /** @param {string} name */
  const positive = (name) => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
    return n;
  };
  const smtp = env.SMTP_URL?.trim();
  const sms = env.SMS_HTTP_URL?.trim();
  // Checked at start: nodemailer would only fail at the first dossier's mail, hours later in the
  // retry log. The value holds the password, so the message names the scheme, never the value.
  if (smtp) {
    /** @type {URL | undefined} */
    let url;
    try {
      url = new URL(smtp);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
      throw new Error(
        'SMTP_URL must be smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465' +
          (url
            ? `; the value set starts with "${url.protocol}//"`
            : '; the value set is not a URL'),
      );
    }
  }
  if (sms && !/^https?:\/\/[^/]/.test(sms)) {
    throw new Error("SMS_HTTP_URL must be the provider's https:// send endpoint");
  }
  return {
    ...(smtp
      ? { email: { url: smtp, from: env.MAIL_FROM?.trim() || 'Dịch vụ công <no-reply@localhost>' } }
      : {}),
    ...(sms
      ? {
          sms: {
            url: sms,
            headers: json('SMS_HTTP_HEADERS'),
            fixed: json('SMS_HTTP_FIXED'),
            toField: env.SMS_HTTP_TO_FIELD?.trim() || undefined,
            textField: env.SMS_HTTP_TEXT_FIELD?.trim() || undefined,
            numberFormat: numberFormat(env.SMS_HTTP_NUMBER_FORMAT),
            timeoutSeconds: positive('SMS_HTTP_TIMEOUT_SECONDS'),
          },
        }
      : {}),
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() || undefined,
    everySeconds: Number(env.NOTIFY_EVERY_SECONDS) || undefined,
  };
}

/**
 * SMS_HTTP_NUMBER_FORMAT: how the provider wants the number written.
 * @param {string | undefined} raw
 * @returns {'national' | 'international' | undefined}
 */
function numberFormat(raw) {
  const v = raw?.trim();
  if (!v) return undefined;
  if (v === 'national' || v === 'international') return v;
  throw new Error(
    'SMS_HTTP_NUMBER_FORMAT must be "national" (0912345678) or "international" (84912345678)',
  );
}

/**
 * Where a procedure's applicant is reached: the answer paths with format `email` and `vn-mobile`,
 * those beside the procedure's first identifying field (the applicant's own) first.
 * @param {any} procedure
 * @returns {{ email: string[], sms: string[] }}
 */
export function contactPaths(procedure) {
  /** @type {{ email: string[], sms: string[] }} */
  const found = { email: [], sms: [] };
  const defs = procedure?.data?.$defs ?? {};
  /** @param {any} schema @param {string} path @param {number} depth */
  const walk = (schema, path, depth) => {
    if (!schema || typeof schema !== 'object' || depth > 12) return;
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/'))
      return walk(defs[schema.$ref.slice(8)], path, depth + 1);
    if (schema.format === 'email') found.email.push(path);
    if (schema.format === 'vn-mobile') found.sms.push(path);
    for (const [k, v] of Object.entries(schema.properties ?? {}))
      walk(v, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(procedure?.data, '', 0);
  const first = procedure?.privacy?.identifyingFields?.[0];
  const parent = typeof first === 'string' ? first.split('.').slice(0, -1).join('.') : '';
  const own = (/** @type {string} */ p) => p.split('.').slice(0, -1).join('.') === parent;
  for (const k of /** @type {const} */ (['email', 'sms']))
    found[k].sort((a, b) => Number(own(b)) - Number(own(a)));
  return found;
}

/**
 * @param {{
 *   db: import('../storage/index.js').Storage,
 *   keyring: import('../crypto-at-rest.js').Keyring,
 *   procedures: import('../procedures.js').ProcedureEntry[],
 *   now: () => Date,
 *   log: Pick<import('fastify').FastifyBaseLogger, 'info' | 'warn' | 'error'>,
 * }} deps
 * @param {NotifyConfig & { channels?: Channel[] }} config `channels` replaces the configured ones
 * @returns {import('./index.js').Notifier}
 */
export function createNotifier(deps, config) {
  const { db, now, log } = deps;
  /** @type {Channel[]} */
  const channels = config.channels ?? [
    ...(config.email ? [createEmailChannel(config.email)] : []),
    ...(config.sms ? [createHttpSmsChannel(config.sms)] : []),
  ];
  const maxAttempts = config.maxAttempts ?? 8;
  const base = (config.publicBaseUrl ?? 'http://localhost:8080').replace(/\/+$/, '');
  const paths = new Map(deps.procedures.map((p) => [p.name, contactPaths(p.procedure)]));

  /**
   * Queues the messages of an event, inside the caller's transaction; once per event and ref.
   * @param {import('../storage/index.js').Storage} tx
   * @param {string} code
   * @param {import('./messages.js').NotifyEvent} event
   * @param {string} ref
   */
  async function enqueue(tx, code, event, ref) {
    const at = now().toISOString();
    const insert = tx.prepare(
      `INSERT OR IGNORE INTO notifications
         (dossier_code, event, ref, channel, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
    );
    for (const c of channels) await insert.run(code, event, ref, c.kind, at, at);
  }

  /** @param {any} row a notifications row, claimed */
  async function deliver(row) {
    const channel = channels.find((c) => c.kind === row.channel);
    const dossier = /** @type {any} */ (
      await db.prepare('SELECT * FROM dossiers WHERE code = ?').get(row.dossier_code)
    );
    if (!channel || !dossier) return { status: 'skipped', error: 'no channel or dossier' };
    const { payload } = await readDossier(db, deps.keyring, dossier);
    const kind = /** @type {'email' | 'sms'} */ (row.channel);
    const address = (paths.get(dossier.procedure_name)?.[kind] ?? [])
      .flatMap((p) => valuesAt(payload.answers, p))
      .find((v) => typeof v === 'string' && v.trim());
    await audit(db, now(), {
      actor: 'system',
      action: 'notification.address',
      outcome: address ? 'success' : 'none',
      dossier: row.dossier_code,
      detail: { event: row.event, channel: row.channel },
    });
    if (!address) return { status: 'skipped', error: `no ${kind} address in the dossier` };
    const status =
      row.event === 'received'
        ? 'received'
        : row.event === 'supplement-requested'
          ? 'needs-more-information'
          : row.ref;
    const label = DOSSIER_STATUS_LABELS[status]?.vi ?? status;
    const message = notificationText(row.event, {
      code: row.dossier_code,
      label,
      link: `${base}/tra-cuu.html`,
    });
    await channel.send(/** @type {string} */ (address).trim(), message);
    return { status: 'sent', error: null };
  }

  /** Sends what is due; returns how many rows it handled. Never throws for a failed send. */
  async function runOnce() {
    const t = now();
    const at = t.toISOString();
    const due = /** @type {any[]} */ (
      await db
        .prepare(
          `SELECT * FROM notifications WHERE status = 'pending' AND next_attempt_at <= ?
             AND (locked_until IS NULL OR locked_until < ?) ORDER BY id LIMIT ${BATCH}`,
        )
        .all(at, at)
    );
    let handled = 0;
    for (const row of due) {
      // The lease: of several senders, one UPDATE changes the row.
      const claimed = await db
        .prepare(
          `UPDATE notifications SET locked_until = ?, attempts = attempts + 1
           WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?
             AND (locked_until IS NULL OR locked_until < ?)`,
        )
        // next_attempt_at again: another sender may have failed it (and set the retry's time)
        // between our SELECT and this claim; the row is not due yet.
        .run(new Date(t.getTime() + LEASE_MS).toISOString(), row.id, at, at);
      if (claimed.changes !== 1) continue;
      handled++;
      const attempts = row.attempts + 1;
      try {
        const r = await deliver(row);
        await db
          .prepare(
            `UPDATE notifications SET status = ?, sent_at = ?, last_error = ?, locked_until = NULL
             WHERE id = ?`,
          )
          .run(r.status, r.status === 'sent' ? now().toISOString() : null, r.error, row.id);
        log.info(
          {
            notification: row.id,
            dossier: row.dossier_code,
            event: row.event,
            channel: row.channel,
            status: r.status,
          },
          'notification',
        );
      } catch (e) {
        const err = /** @type {any} */ (e);
        const permanent = err?.permanent === true || attempts >= maxAttempts;
        const message = String(err?.message ?? err).slice(0, 200);
        await db
          .prepare(
            `UPDATE notifications SET status = ?, last_error = ?, next_attempt_at = ?,
               locked_until = NULL WHERE id = ?`,
          )
          .run(
            permanent ? 'failed' : 'pending',
            message,
            new Date(now().getTime() + retryDelayMs(attempts)).toISOString(),
            row.id,
          );
        log[permanent ? 'error' : 'warn'](
          {
            notification: row.id,
            dossier: row.dossier_code,
            channel: row.channel,
            attempts,
            err: message,
          },
          permanent ? 'notification failed' : 'notification will be retried',
        );
      }
    }
    return handled;
  }

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let running = Promise.resolve(0);
  // The start-up check runs beside the listening receiver (main.js): the sender waits for it, so
  // that a refused log-in never marks queued notifications as failed before the process stops.
  /** @type {Promise<void>} */
  let checked = Promise.resolve();
  let checking = false;
  let stopped = false;
  return {
    /** The channels in use: what the site may promise. */
    kinds: channels.map((c) => c.kind),
    enqueue,
    runOnce: () => (running = running.then(runOnce, runOnce)),
    get checking() {
      return checking;
    },
    check() {
      checking = true;
      checked = (async () => {
        try {
          for (const c of channels) {
            const warning = await c.check?.();
            if (warning) log.warn(warning);
          }
        } finally {
          checking = false;
        }
      })();
      return checked;
    },
    start() {
      checked.then(
        () => {
          if (!stopped) startSender();
        },
        () => {},
      );
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => 0);
      for (const c of channels) c.close();
    },
  };

  function startSender() {
    if (!channels.length || timer) return;
    timer = setInterval(
      () => {
        running = running.then(runOnce).catch((e) => {
          log.error({ err: e }, 'notification sender');
          return 0;
        });
      },
      (config.everySeconds ?? 5) * 1000,
    );
    timer.unref();
  }
}
