// Payments in SQLite: attempts, settlement (idempotent), electronic receipt numbers.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET } from '../dossier-code.js';

export const PAYMENT_STATUS = /** @type {const} */ ({
  pending: 'pending',
  paid: 'paid',
  failed: 'failed',
  duplicate: 'duplicate',
});

/** At most this many gateway attempts per dossier (each is a row a stranger could create). */
export const MAX_ATTEMPTS = 20;

/** @param {number} n */
const randomSymbols = (n) =>
  Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * The key that signs payment links, created once per database.
 * @param {import('../storage/index.js').Storage} db
 * @param {Date} now
 */
export async function linkKey(db, now) {
  const get = async () =>
    /** @type {{ value: string } | undefined} */ (
      await db.prepare("SELECT value FROM receiver_keys WHERE name = 'payment-links'").get()
    );
  const found = await get();
  if (found) return Buffer.from(found.value, 'base64url');
  await db
    .prepare(
      "INSERT OR IGNORE INTO receiver_keys (name, value, created_at) VALUES ('payment-links', ?, ?)",
    )
    .run(randomBytes(32).toString('base64url'), now.toISOString());
  // Another process may have created it first: read back the one that won.
  return Buffer.from(/** @type {{ value: string }} */ (await get()).value, 'base64url');
}

/**
 * The capability in a payment link: whoever got the dossier code from the receiver (the
 * applicant, on the receipt) or passed the status look-up can pay, a stranger guessing codes
 * cannot even learn the fee.
 * @param {Buffer} key
 * @param {string} code
 */
export function linkToken(key, code) {
  return createHmac('sha256', key).update(`pay:${code}`).digest('base64url').slice(0, 22);
}

/**
 * @param {Buffer} key
 * @param {string} code
 * @param {unknown} token
 */
export function tokenMatches(key, code, token) {
  if (typeof token !== 'string') return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(linkToken(key, code));
  // timingSafeEqual throws on different lengths (e.g. a token with multi-byte characters).
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * @param {import('../storage/index.js').Storage} db
 */
export function createPaymentStore(db) {
  const BY_ID = 'SELECT * FROM payments WHERE id = ?';
  const DOSSIER = 'SELECT code, paid_at FROM dossiers WHERE code = ?';
  const ofDossier = db.prepare(
    'SELECT * FROM payments WHERE dossier_code = ? ORDER BY created_at, rowid',
  );
  const byReceipt = db.prepare('SELECT * FROM payments WHERE receipt_no = ?');

  /** @param {Date} now */
  const receiptNo = (now) =>
    `BL${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '')}-${randomSymbols(8)}`;

  /**
   * Confirms a payment row inside the caller's transaction: the dossier is marked paid, or the
   * payment is a duplicate when it already was.
   * @param {import('../storage/index.js').Storage} tx
   * @param {any} row
   * @param {Date} now
   * @param {Record<string, string | null>} fields
   */
  const confirm = async (tx, row, now, fields) => {
    const d = /** @type {any} */ (await tx.prepare(DOSSIER).get(row.dossier_code));
    const at = now.toISOString();
    const status = d?.paid_at ? PAYMENT_STATUS.duplicate : PAYMENT_STATUS.paid;
    const receipt = status === PAYMENT_STATUS.paid ? receiptNo(now) : null;
    await tx
      .prepare(
        `UPDATE payments SET status = ?, settled_at = ?, receipt_no = ?, provider_transaction = ?,
         bank_code = ?, response_code = ? WHERE id = ?`,
      )
      .run(
        status,
        at,
        receipt,
        fields.providerTransaction ?? null,
        fields.bankCode ?? null,
        fields.responseCode ?? null,
        row.id,
      );
    if (status === PAYMENT_STATUS.paid) {
      await tx
        .prepare('UPDATE dossiers SET paid_at = ?, updated_at = ? WHERE code = ?')
        .run(at, at, row.dossier_code);
    }
    return status;
  };

  return {
    /** @param {string} id */
    get: async (id) => /** @type {any} */ (await db.prepare(BY_ID).get(id)),
    /** @param {string} no */
    byReceipt: async (no) => /** @type {any} */ (await byReceipt.get(no)),
    /** @param {string} code */
    list: async (code) => /** @type {any[]} */ (await ofDossier.all(code)),

    /**
     * A new pending gateway attempt; undefined when the dossier has too many already.
     * @param {{ code: string, amount: number, method: string, now: Date }} p
     */
    createPending({ code, amount, method, now }) {
      return db.transaction(async (tx) => {
        await tx.lock(`payments:${code}`);
        const n = Number(
          /** @type {{ n: number }} */ (
            await tx.prepare('SELECT COUNT(*) AS n FROM payments WHERE dossier_code = ?').get(code)
          ).n,
        );
        if (n >= MAX_ATTEMPTS) return undefined;
        const id = `TT${randomSymbols(14)}`;
        await tx
          .prepare(
            `INSERT INTO payments (id, dossier_code, method, amount, status, created_at, actor)
           VALUES (?, ?, ?, ?, 'pending', ?, 'gateway')`,
          )
          .run(id, code, method, amount, now.toISOString());
        return id;
      });
    },

    /**
     * Applies a verified gateway notification. Idempotent: a repeat of a settled payment answers
     * `alreadyConfirmed` and changes nothing.
     * @param {import('./gateway.js').CallbackResult} r
     * @param {Date} now
     * @returns {Promise<import('./gateway.js').IpnOutcome>}
     */
    settle(r, now) {
      return db.transaction(async (tx) => {
        // Two notifications of one payment (a gateway retries) settle it once.
        await tx.lock(`payment:${r.paymentId ?? ''}`);
        const found = /** @type {any} */ (await tx.prepare(BY_ID).get(r.paymentId ?? ''));
        if (!found) return 'orderNotFound';
        // Payments of one dossier settle one after the other: one is paid, later ones duplicate.
        await tx.lock(`payments:${found.dossier_code}`);
        const row = /** @type {any} */ (await tx.prepare(BY_ID).get(found.id));
        if (r.amount !== row.amount) return 'invalidAmount';
        if (row.status !== PAYMENT_STATUS.pending) return 'alreadyConfirmed';
        const fields = {
          providerTransaction: r.providerTransaction || null,
          bankCode: r.bankCode || null,
          responseCode: r.responseCode || null,
        };
        if (r.success) await confirm(tx, row, now, fields);
        else {
          await tx
            .prepare(
              `UPDATE payments SET status = 'failed', settled_at = ?, provider_transaction = ?,
               bank_code = ?, response_code = ? WHERE id = ?`,
            )
            .run(
              now.toISOString(),
              fields.providerTransaction,
              fields.bankCode,
              fields.responseCode,
              row.id,
            );
        }
        return 'confirmed';
      });
    },

    /**
     * A payment taken by a clerk (at the desk, or a VietQR transfer found on the bank statement).
     * Returns the payment row, or undefined when the dossier is already paid.
     * @param {{ code: string, amount: number, method: 'desk' | 'transfer', note?: string, now: Date }} p
     */
    recordByClerk({ code, amount, method, note, now }) {
      return db.transaction(async (tx) => {
        await tx.lock(`payments:${code}`);
        const d = /** @type {any} */ (await tx.prepare(DOSSIER).get(code));
        if (!d || d.paid_at) return undefined;
        const id = `TT${randomSymbols(14)}`;
        await tx
          .prepare(
            `INSERT INTO payments (id, dossier_code, method, amount, status, created_at, actor, note)
           VALUES (?, ?, ?, ?, 'pending', ?, 'clerk', ?)`,
          )
          .run(id, code, method, amount, now.toISOString(), note ?? null);
        await confirm(tx, await tx.prepare(BY_ID).get(id), now, {});
        return /** @type {any} */ (await tx.prepare(BY_ID).get(id));
      });
    },
  };
}

/**
 * What the status look-up, the receipt and the clerk page show about a dossier's fee.
 * @param {ReturnType<typeof createPaymentStore>} store
 * @param {any} row a dossiers row
 * @param {(row: any) => Promise<number>} amountDue what its applicant pays in đồng (routes.js)
 */
export async function paymentSummary(store, row, amountDue) {
  const fee = await amountDue(row);
  const payments = (await store.list(row.code)).filter((p) => p.status !== PAYMENT_STATUS.pending);
  return {
    fee,
    currency: 'VND',
    status: fee === 0 ? 'not-required' : row.paid_at ? 'paid' : 'unpaid',
    ...(row.paid_at ? { paidAt: row.paid_at } : {}),
    payments: payments.map((p) => ({
      id: p.id,
      method: p.method,
      amount: p.amount,
      status: p.status,
      at: p.settled_at ?? p.created_at,
      ...(p.receipt_no ? { receiptNo: p.receipt_no, receiptUrl: `/bien-lai/${p.receipt_no}` } : {}),
      ...(p.provider_transaction ? { providerTransaction: p.provider_transaction } : {}),
      ...(p.bank_code ? { bankCode: p.bank_code } : {}),
    })),
  };
}
