// Forwarding verified dossiers to the agency's one-stop system through a transactional outbox.
//
//   1. The dossier's transaction also writes its `outbox` row (enqueueForward): both or neither.
//   2. A worker in every receiver process claims due rows — FOR UPDATE SKIP LOCKED on PostgreSQL,
//      so two processes never take the same row, plus a lease (leased_by/lease_until) that also
//      does the job on SQLite and hands a row to another worker when its process died mid-send.
//   3. It POSTs the JWS and references to the files, signed (signature.js), with an
//      Idempotency-Key that is the same on every try, outside any transaction.
//   4. 2xx: delivered. A network error, a timeout, 408/425/429 or 5xx: tried again after an
//      exponential delay with jitter (Retry-After respected). Another 4xx (the target refuses
//      this request for good) or FORWARD_MAX_ATTEMPTS tries: dead letter, until a clerk retries it.
// Delivery is at least once (a process dying between the target's 2xx and the row's update sends
// again); the Idempotency-Key lets the target keep it exactly once.
import { randomBytes } from 'node:crypto';
import { readDossier } from '../vault.js';
import { signForward, SIGNATURE_HEADER } from './signature.js';

export const FORWARD_STATE = /** @type {const} */ ({
  pending: 'pending',
  delivered: 'delivered',
  dead: 'dead',
});

/** @param {string} code */
export const forwardKey = (code) => `dvc-forward-${code}`;

/**
 * In the dossier's transaction: its forwarding, due now.
 * @param {import('../storage/index.js').Storage} tx
 * @param {string} code
 * @param {Date} at
 */
export async function enqueueForward(tx, code, at) {
  await tx
    .prepare(
      `INSERT INTO outbox (dossier_code, idempotency_key, state, attempts, next_attempt_at,
       created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?, ?)`,
    )
    .run(code, forwardKey(code), at.getTime(), at.toISOString(), at.toISOString());
}

/**
 * The delay before try `attempts + 1`: base × 2^(attempts − 1), at most `max`, of which a random
 * half (so that many rows failing together do not come back together).
 * @param {number} attempts tries made so far (≥ 1)
 * @param {{ baseDelayMs: number, maxDelayMs: number }} config
 * @param {() => number} [random]
 */
export function backoffMs(attempts, { baseDelayMs, maxDelayMs }, random = Math.random) {
  const full = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, attempts - 1));
  return Math.round(full / 2 + random() * (full / 2));
}

/** @param {number} status */
const retryable = (status) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * @typedef {object} ForwardingView what the clerk API shows of a dossier's forwarding
 * @property {'pending' | 'delivered' | 'dead'} state
 * @property {number} attempts
 * @property {string | null} nextAttemptAt
 * @property {string | null} deliveredAt
 * @property {number | null} lastStatus
 * @property {string | null} lastError
 */

/**
 * The worker of one process.
 * @param {{ db: import('../storage/index.js').Storage, keyring: import('../crypto-at-rest.js').Keyring, log: import('fastify').FastifyBaseLogger, now?: () => Date, fileName?: (row: { id: string, filename?: unknown }) => Promise<string | null> }} ctx
 *   `fileName`: the applicant's name of a stored file, decrypted (upload-files.js)
 * @param {import('./config.js').ForwardConfig} config
 */
export function createForwarder(
  { db, keyring, log, now = () => new Date(), fileName = async () => null },
  config,
) {
  const worker = randomBytes(6).toString('hex');
  const batch = config.batch ?? 10;
  // Long enough for one attempt and the row's update; after it another worker may take the row.
  const leaseMs = config.timeoutMs + 30_000;
  const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const dueSql =
    `SELECT dossier_code, idempotency_key, attempts FROM outbox
     WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
     ORDER BY next_attempt_at LIMIT ?` + skipLocked;
  const leaseSql =
    'UPDATE outbox SET leased_by = ?, lease_until = ? WHERE dossier_code = ? AND state = ?';
  const outcomeSql = `UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, leased_by = NULL,
     lease_until = NULL, last_status = ?, last_error = ?, updated_at = ?, delivered_at = ?
     WHERE dossier_code = ? AND leased_by = ?`;

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  let stopped = true;
  let again = false;
  /** @type {Promise<void> | undefined} */
  let current;

  /** Claims the due rows for this worker, each under a lease token of its own. */
  async function claim() {
    const t = now().getTime();
    return db.transaction(async (tx) => {
      const rows =
        /** @type {{ dossier_code: string, idempotency_key: string, attempts: number }[]} */ (
          await tx.prepare(dueSql).all(t, t, batch)
        );
      const lease = tx.prepare(leaseSql);
      const claimed = [];
      // One after another: a transaction is one connection, which runs one query at a time.
      for (const r of rows) {
        const token = `${worker}:${randomBytes(6).toString('hex')}`;
        await lease.run(token, t + leaseMs, r.dossier_code, FORWARD_STATE.pending);
        claimed.push({ ...r, token });
      }
      return claimed;
    });
  }

  /**
   * The request body: the JWS (the legal record, verifiable with the procedure file) and where
   * the target fetches each file (the clerk API, with an API key; docs/scaling.md).
   * @param {string} code
   */
  async function bodyOf(code) {
    const row = /** @type {any} */ (
      await db.prepare('SELECT * FROM dossiers WHERE code = ?').get(code)
    );
    if (!row) return undefined;
    const { jws } = await readDossier(db, keyring, row);
    const files = /** @type {any[]} */ (
      await db
        .prepare(
          'SELECT id, slot, filename, type, size, sha256 FROM uploads WHERE dossier_code = ? ORDER BY finished_at, id',
        )
        .all(code)
    );
    const names = await Promise.all(files.map((f) => fileName(f)));
    return JSON.stringify({
      type: 'dossier.received',
      dossierCode: code,
      procedure: { code: row.procedure_code, version: row.procedure_version },
      receivedAt: row.received_at,
      expectedResultDate: row.expected_result_date,
      jws,
      files: files.map((f, i) => ({
        id: f.id,
        slot: f.slot,
        name: names[i],
        type: f.type,
        size: Number(f.size),
        sha256: f.sha256,
        href: `/api/clerk/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(f.id)}`,
      })),
    });
  }

  /**
   * One try for one claimed row; records the outcome unless the lease was lost meanwhile.
   * @param {{ dossier_code: string, idempotency_key: string, attempts: number, token: string }} row
   */
  async function deliver(row) {
    const attempts = row.attempts + 1;
    /** @type {number | null} */
    let status = null;
    /** @type {string | null} */
    let error = null;
    let retryAfterMs = 0;
    try {
      const body = await bodyOf(row.dossier_code);
      if (body === undefined) error = 'dossier no longer stored';
      else {
        const r = await fetch(config.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(config.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'idempotency-key': row.idempotency_key,
            [SIGNATURE_HEADER]: signForward(
              config.secret,
              body,
              Math.floor(now().getTime() / 1000),
            ),
          },
          body,
        });
        status = r.status;
        const seconds = Number(r.headers.get('retry-after'));
        if (Number.isFinite(seconds) && seconds > 0) retryAfterMs = seconds * 1000;
        await r.body?.cancel().catch(() => {});
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      }
    } catch (e) {
      const err = /** @type {any} */ (e);
      error = String(err?.cause?.code ?? err?.name ?? 'error').slice(0, 100);
    }
    const t = now();
    /** @type {(typeof FORWARD_STATE)[keyof typeof FORWARD_STATE]} */
    let state = FORWARD_STATE.pending;
    let next = t.getTime();
    if (!error) state = FORWARD_STATE.delivered;
    else if (status === null && error === 'dossier no longer stored') state = FORWARD_STATE.dead;
    else if ((status !== null && !retryable(status)) || attempts >= config.maxAttempts) {
      state = FORWARD_STATE.dead;
    } else next += Math.max(backoffMs(attempts, config), Math.min(retryAfterMs, config.maxDelayMs));
    const r = await db
      .prepare(outcomeSql)
      .run(
        state,
        attempts,
        next,
        status,
        error,
        t.toISOString(),
        state === FORWARD_STATE.delivered ? t.toISOString() : null,
        row.dossier_code,
        row.token,
      );
    if (r.changes !== 1) return;
    const fields = { dossier: row.dossier_code, attempts, status, error };
    if (state === FORWARD_STATE.dead) log.error(fields, 'forwarding dead-lettered');
    else if (state === FORWARD_STATE.pending) log.warn(fields, 'forwarding failed, will retry');
    else log.info(fields, 'dossier forwarded');
  }

  /** Claims and sends until nothing is due. */
  async function drain() {
    for (;;) {
      again = false;
      const rows = await claim();
      await Promise.all(rows.map((r) => deliver(r)));
      if (stopped || (rows.length < batch && !again)) return;
    }
  }

  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = true;
    current = drain()
      .catch((e) => log.error({ err: e }, 'forwarding worker failed'))
      .finally(() => {
        running = false;
        current = undefined;
        if (!stopped) timer = setTimeout(tick, config.pollMs);
      });
  }

  return {
    start() {
      stopped = false;
      timer = setTimeout(tick, 0);
    },
    /** Waits for the attempts in flight (their outcome is recorded), then stops. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
    /** A dossier was just stored: send now rather than at the next poll. */
    wake: () => tick(),
    /**
     * @param {string} code
     * @returns {Promise<ForwardingView | null>}
     */
    async stateOf(code) {
      const r = /** @type {any} */ (
        await db.prepare('SELECT * FROM outbox WHERE dossier_code = ?').get(code)
      );
      if (!r) return null;
      return {
        state: r.state,
        attempts: Number(r.attempts),
        nextAttemptAt:
          r.state === FORWARD_STATE.pending
            ? new Date(Number(r.next_attempt_at)).toISOString()
            : null,
        deliveredAt: r.delivered_at ?? null,
        lastStatus: r.last_status ?? null,
        lastError: r.last_error ?? null,
      };
    },
    /**
     * A clerk's retry of a dead letter (or of a pending row, now): tries counted from zero.
     * @param {string} code
     * @returns {Promise<boolean>} false when there is nothing to retry (unknown or delivered)
     */
    async retry(code) {
      const t = now();
      const r = await db
        .prepare(
          `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, leased_by = NULL,
           lease_until = NULL, updated_at = ? WHERE dossier_code = ? AND state != 'delivered'`,
        )
        .run(t.getTime(), t.toISOString(), code);
      if (r.changes === 1) tick();
      return r.changes === 1;
    },
  };
}

/** @typedef {ReturnType<typeof createForwarder>} Forwarder */
