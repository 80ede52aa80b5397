// Dossiers at rest: the payload, the JWS and the files of each dossier are encrypted under the
// dossier's own data key (crypto-at-rest.js). Everything that reads a dossier's personal data
// goes through readDossier(), which the callers audit.
import { rm } from 'node:fs/promises';
import {
  encryptFile,
  isSealed,
  newDataKey,
  seal,
  unseal,
  unwrapKey,
  wrapKey,
} from './crypto-at-rest.js';

/**
 * A new data key for `code`; `store()` writes it wrapped (inside the dossier's insert
 * transaction, after the dossier row its foreign key names).
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} code
 */
export function createDossierKey(db, keyring, code) {
  const dataKey = newDataKey();
  const { kekId, wrapped } = wrapKey(keyring, dataKey, code);
  return {
    dataKey,
    store: () =>
      db
        .prepare('INSERT INTO dossier_keys (dossier_code, kek_id, wrapped_key) VALUES (?, ?, ?)')
        .run(code, kekId, wrapped),
  };
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} code
 */
export async function dossierKey(db, keyring, code) {
  const row = /** @type {{ kek_id: string, wrapped_key: string } | undefined} */ (
    await db.prepare(DOSSIER_KEY_SQL).get(code)
  );
  return row ? unwrapKey(keyring, row.kek_id, row.wrapped_key, code) : undefined;
}

const DOSSIER_KEY_SQL = 'SELECT kek_id, wrapped_key FROM dossier_keys WHERE dossier_code = ?';

/**
 * readDossier and dossierKey on the embedded database itself, synchronously: the maintenance
 * and test helpers of app.dvc (the routes use the asynchronous storage).
 * @param {import('better-sqlite3').Database} raw
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export function embeddedReader(raw, keyring) {
  /** @param {string} code */
  const keyOf = (code) => {
    const row = /** @type {any} */ (raw.prepare(DOSSIER_KEY_SQL).get(code));
    return row ? unwrapKey(keyring, row.kek_id, row.wrapped_key, code) : undefined;
  };
  return {
    /** @param {{ code: string, payload_json: string, jws: string }} row */
    readDossier: (row) => openDossier(row, keyOf),
    dossierKey: keyOf,
  };
}

/** @param {string} code @param {'payload' | 'jws'} field */
const aadOf = (code, field) => `dossier:${code}:${field}`;

/**
 * The sealed column values for a new dossier.
 * @param {Buffer} dataKey
 * @param {string} code
 * @param {{ payloadJson: string, jws: string }} clear
 */
export function sealDossier(dataKey, code, clear) {
  return {
    payloadJson: seal(dataKey, clear.payloadJson, aadOf(code, 'payload')),
    jws: seal(dataKey, clear.jws, aadOf(code, 'jws')),
  };
}

/**
 * The payload and JWS of a dossiers row, decrypted. Rows written before encryption (plain JSON)
 * are read as they are.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {{ code: string, payload_json: string, jws: string }} row
 * @returns {Promise<{ payload: any, jws: string }>}
 */
export async function readDossier(db, keyring, row) {
  const key = isSealed(row.payload_json) ? await dossierKey(db, keyring, row.code) : undefined;
  return openDossier(row, () => key);
}

/**
 * @param {{ code: string, payload_json: string, jws: string }} row
 * @param {(code: string) => Buffer | undefined} keyOf
 */
function openDossier(row, keyOf) {
  if (!isSealed(row.payload_json)) return { payload: JSON.parse(row.payload_json), jws: row.jws };
  const key = keyOf(row.code);
  if (!key) throw new Error(`dossier ${row.code} has no data key`);
  return {
    payload: JSON.parse(unseal(key, row.payload_json, aadOf(row.code, 'payload'))),
    jws: unseal(key, row.jws, aadOf(row.code, 'jws')),
  };
}

/** @param {string} code @param {string} uploadId */
export const fileAad = (code, uploadId) => `dossier:${code}:file:${uploadId}`;

/**
 * Encrypts the dossier's files not encrypted yet and removes the tus metadata beside them (it
 * holds the file name): from now on only the clerk API reads them, decrypted.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} code
 */
export async function encryptDossierFiles(db, keyring, code) {
  const rows = /** @type {{ id: string, path: string }[]} */ (
    await db
      .prepare('SELECT id, path FROM uploads WHERE dossier_code = ? AND encrypted = 0')
      .all(code)
  );
  if (!rows.length) return 0;
  const key = await dossierKey(db, keyring, code);
  if (!key) return 0;
  const done = db.prepare('UPDATE uploads SET encrypted = 1 WHERE id = ?');
  for (const r of rows) {
    await encryptFile(key, r.path, fileAad(code, r.id));
    await done.run(r.id);
    await rm(`${r.path}.json`, { force: true });
  }
  return rows.length;
}

/**
 * Rotation: wraps every data key under the current master key (the old master key can then be
 * removed from MASTER_KEYS). Data is not re-encrypted: only the small wrapped keys change.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export async function rewrapAll(db, keyring) {
  const rows = /** @type {{ dossier_code: string, kek_id: string, wrapped_key: string }[]} */ (
    await db.prepare('SELECT * FROM dossier_keys WHERE kek_id != ?').all(keyring.current.id)
  );
  await db.transaction(async (tx) => {
    const update = tx.prepare(
      'UPDATE dossier_keys SET kek_id = ?, wrapped_key = ? WHERE dossier_code = ?',
    );
    for (const r of rows) {
      const dataKey = unwrapKey(keyring, r.kek_id, r.wrapped_key, r.dossier_code);
      const { kekId, wrapped } = wrapKey(keyring, dataKey, r.dossier_code);
      await update.run(kekId, wrapped, r.dossier_code);
    }
  });
  return rows.length;
}

/**
 * Dossiers stored before encryption (plain JSON, from before migration 002): sealed under a new
 * data key each, and given look-up secrets from their procedure's identifying answers (the old
 * unsalted digests were dropped by the migration). Idempotent; run by the purge job.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {(row: any) => string[]} identifying the normalised identifying answers of a row's payload
 * @param {(code: string, value: string) => string} hmac
 */
export async function sealLegacyDossiers(db, keyring, identifying, hmac) {
  const rows = /** @type {any[]} */ (
    await db.prepare("SELECT * FROM dossiers WHERE payload_json NOT LIKE 'dvc1.%' LIMIT 500").all()
  );
  for (const row of rows) {
    await db.transaction(async (tx) => {
      const key = createDossierKey(tx, keyring, row.code);
      await key.store();
      const sealed = sealDossier(key.dataKey, row.code, {
        payloadJson: row.payload_json,
        jws: row.jws,
      });
      await tx
        .prepare('UPDATE dossiers SET payload_json = ?, jws = ? WHERE code = ?')
        .run(sealed.payloadJson, sealed.jws, row.code);
      const addSecret = tx.prepare(
        'INSERT OR IGNORE INTO dossier_lookup_secrets (dossier_code, key_id, secret_hmac) VALUES (?, ?, ?)',
      );
      for (const v of identifying(row))
        await addSecret.run(row.code, keyring.lookup.id, hmac(row.code, v));
    });
  }
  return rows.length;
}
