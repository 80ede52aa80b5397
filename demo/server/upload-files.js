// The one way to read an upload's bytes, and where each upload's key lives. Every reader of a
// stored file — the checks when an upload finishes (uploads.js), the file rules and hashing of a
// submission (submission-files.js, dossiers.js), the clerk's copy (readUpload) — goes through
// here and gets plaintext, whatever way the file is stored:
//   - `upload_keys` row: AES-256-CTR under the upload's own key (storage/encrypted-store.js), the
//     key wrapped by a master key until a dossier holds the file, then by the dossier's data key;
//   - `uploads.encrypted = 1`: AES-256-GCM under the dossier's data key (files stored before
//     encryption from the first byte, sealed when their dossier was accepted; vault.js);
//   - neither: a file stored before any encryption, read as it is (it is sealed when its dossier
//     is accepted, or removed with its expired upload).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  decryptFileBytes,
  isSealed,
  newDataKey,
  seal,
  unseal,
  unwrapKey,
  wrapKey,
} from './crypto-at-rest.js';
import { ctrAt } from './storage/encrypted-store.js';
import { dossierKey, embeddedReader, fileAad } from './vault.js';

/** `uploads.encrypted` of a file stored under its own key (migration 005). */
export const ENCRYPTED_CTR = 2;

/** A stored file whose bytes no longer match the SHA-256 recorded when it was uploaded. */
export class UploadDamagedError extends Error {
  /** @param {string} id */
  constructor(id) {
    super(`stored file ${id} does not match its SHA-256`);
    this.name = 'UploadDamagedError';
    this.code = 'upload-damaged';
  }
}

/**
 * A file a dossier (or supplement) names was taken by another one, or removed, between the
 * checks and the dossier's transaction: thrown inside that transaction, which rolls back.
 */
export class UploadTakenError extends Error {
  /** @param {string} id */
  constructor(id) {
    super(`upload ${id} is held by another dossier or gone`);
    this.name = 'UploadTakenError';
    this.code = 'upload-already-attached';
    this.uploadId = id;
  }
}

/** @param {string} id */
const masterAad = (id) => `upload:${id}`;
/** @param {string} code @param {string} id */
const dossierAad = (code, id) => `${fileAad(code, id)}:key`;

/**
 * The file name the applicant gave (personal data: "CCCD Nguyễn Văn An 001195012345.pdf") is
 * sealed with AES-256-GCM under the upload's own key, like its tus metadata: it follows the key
 * from the master key to the dossier's data key, is re-wrapped with it, and is shredded with it.
 * @param {string} id
 */
const nameAad = (id) => `upload:${id}:name`;
/** A file stored before uploads had their own key: its name is sealed under its dossier's key. */
const dossierNameAad = (/** @type {string} */ code, /** @type {string} */ id) =>
  `${fileAad(code, id)}:name`;

const KEY_SQL = 'SELECT * FROM upload_keys WHERE upload_id = ?';
const UPLOAD_SQL = 'SELECT * FROM uploads WHERE id = ?';

/**
 * @typedef {{ upload_id: string, kek_id: string | null, dossier_code: string | null, wrapped_key: string }} KeyRow
 * @typedef {{ kind: 'ctr', key: Buffer } | { kind: 'gcm', key: Buffer, aad: string } | { kind: 'plain' }} Scheme
 */

/**
 * The dossier whose data key the file `id` needs, if any: the one wrapping its own key, or the
 * one whose key sealed it (AES-GCM).
 * @param {KeyRow | undefined} keyRow
 * @param {any} uploadRow
 * @returns {string | undefined}
 */
function dossierNeeded(keyRow, uploadRow) {
  if (keyRow) return keyRow.dossier_code ?? undefined;
  return uploadRow?.encrypted === 1 && uploadRow.dossier_code ? uploadRow.dossier_code : undefined;
}

/**
 * The upload's own key from its row.
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} id
 * @param {KeyRow} row
 * @param {Buffer | undefined} dk the data key of `row.dossier_code`
 */
function keyOfRow(keyring, id, row, dk) {
  if (!row.dossier_code) {
    return unwrapKey(keyring, /** @type {string} */ (row.kek_id), row.wrapped_key, masterAad(id));
  }
  // A deleted dossier's key is gone: its files cannot be read any more (crypto-shredding).
  if (!dk) throw new Error(`dossier ${row.dossier_code} has no data key`);
  return Buffer.from(unseal(dk, row.wrapped_key, dossierAad(row.dossier_code, id)), 'base64');
}

/**
 * How the file `id` is stored: CTR with its key, GCM under its dossier's key, or plain.
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} id
 * @param {KeyRow | undefined} keyRow
 * @param {any} uploadRow
 * @param {Buffer | undefined} dk the data key of the dossier {@link dossierNeeded} names
 * @returns {Scheme}
 */
function schemeOf(keyring, id, keyRow, uploadRow, dk) {
  if (keyRow) return { kind: 'ctr', key: keyOfRow(keyring, id, keyRow, dk) };
  if (uploadRow?.encrypted === 1 && uploadRow.dossier_code) {
    if (!dk) throw new Error(`dossier ${uploadRow.dossier_code} has no data key`);
    return { kind: 'gcm', key: dk, aad: fileAad(uploadRow.dossier_code, id) };
  }
  return { kind: 'plain' };
}

/**
 * The key and additional data that seal the name of file `id`, if it has one: its own key, or
 * (a file stored before uploads had keys) its dossier's data key.
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} id
 * @param {KeyRow | undefined} keyRow
 * @param {string | null | undefined} dossierCode of its `uploads` row
 * @param {Buffer | undefined} dk the data key of the dossier {@link nameDossier} names
 * @returns {{ key: Buffer, aad: string } | undefined}
 */
function nameKeyOf(keyring, id, keyRow, dossierCode, dk) {
  if (keyRow) return { key: keyOfRow(keyring, id, keyRow, dk), aad: nameAad(id) };
  if (dossierCode && dk) return { key: dk, aad: dossierNameAad(dossierCode, id) };
  return undefined;
}

/**
 * The dossier whose data key {@link nameKeyOf} needs.
 * @param {KeyRow | undefined} keyRow
 * @param {string | null | undefined} dossierCode
 */
const nameDossier = (keyRow, dossierCode) =>
  (keyRow ? keyRow.dossier_code : dossierCode) ?? undefined;

/**
 * The clear name of a stored `filename` value: a name written before names were sealed is
 * returned as it is (the purge job seals it, {@link createUploadFiles} `sealLegacyNames`); one
 * whose key is gone (a deleted dossier) or that does not open is null.
 * @param {unknown} value
 * @param {(() => { key: Buffer, aad: string } | undefined)} keyOf
 * @returns {string | null}
 */
function openName(value, keyOf) {
  if (typeof value !== 'string' || !value) return null;
  if (!isSealed(value)) return value;
  try {
    const k = keyOf();
    return k ? unseal(k.key, value, k.aad) : null;
  } catch {
    return null;
  }
}

/**
 * The exact bytes of a stored file (in memory: files are capped by MAX_UPLOAD_BYTES), checked
 * against the SHA-256 recorded when it was stored: CTR is not authenticated, so a changed
 * byte in storage is found here and refused (UploadDamagedError), never handed to a clerk.
 * @param {string} id
 * @param {any} row its `uploads` row
 * @param {Scheme} scheme
 * @param {Buffer} stored the bytes as stored
 */
function openStored(id, row, scheme, stored) {
  /** @type {Buffer} */
  let bytes;
  if (scheme.kind === 'gcm') bytes = decryptFileBytes(scheme.key, stored, scheme.aad, row.path);
  else bytes = scheme.kind === 'ctr' ? ctrAt(scheme.key, 0).update(stored) : stored;
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new UploadDamagedError(id);
  }
  return bytes;
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {import('./storage/objects.js').ObjectStore} objects where the bytes are
 */
export function createUploadFiles(db, keyring, objects) {
  /**
   * @param {string} id
   * @param {import('./storage/index.js').Storage} [on]
   * @returns {Promise<KeyRow | undefined>}
   */
  const keyRow = async (id, on = db) => /** @type {any} */ (await on.prepare(KEY_SQL).get(id));

  /** @type {import('./storage/encrypted-store.js').UploadKeys & { attach: typeof attach }} */
  const keys = {
    async create(id) {
      const key = newDataKey();
      const { kekId, wrapped } = wrapKey(keyring, key, masterAad(id));
      await db
        .prepare(
          `INSERT INTO upload_keys (upload_id, kek_id, dossier_code, wrapped_key, created_at)
           VALUES (?, ?, NULL, ?, ?)`,
        )
        .run(id, kekId, wrapped, new Date().toISOString());
      return key;
    },
    async get(id) {
      const row = await keyRow(id);
      if (!row) return undefined;
      const dk = row.dossier_code ? await dossierKey(db, keyring, row.dossier_code) : undefined;
      return keyOfRow(keyring, id, row, dk);
    },
    async remove(id) {
      await db
        .prepare('DELETE FROM upload_keys WHERE upload_id = ? AND dossier_code IS NULL')
        .run(id);
    },
    attach,
  };

  /**
   * At acceptance, in the dossier's transaction `tx`: the keys of its files are wrapped by the
   * dossier's data key instead of a master key. The bytes are not rewritten; deleting the
   * dossier's key makes them unreadable, like its payload.
   * @param {import('./storage/index.js').Storage} tx
   * @param {Buffer} dossierDataKey
   * @param {string} code
   * @param {string[]} ids
   */
  async function attach(tx, dossierDataKey, code, ids) {
    const moveKey = tx.prepare(
      `UPDATE upload_keys SET kek_id = NULL, dossier_code = ?, wrapped_key = ?
       WHERE upload_id = ? AND dossier_code IS NULL`,
    );
    for (const id of ids) {
      const row = await keyRow(id, tx);
      if (!row) continue; // a file stored before uploads had keys
      if (row.dossier_code) throw new UploadTakenError(id);
      const key = keyOfRow(keyring, id, row, undefined);
      const moved = await moveKey.run(
        code,
        seal(dossierDataKey, key.toString('base64'), dossierAad(code, id)),
        id,
      );
      if (moved.changes !== 1) throw new UploadTakenError(id);
    }
  }

  /**
   * At acceptance, in the dossier's transaction `tx`: its files become the dossier's (and the
   * supplement's, for one), then their keys pass under its data key ({@link attach}). Each link
   * must change its row: a file another dossier took meanwhile, or one its uploader deleted,
   * throws UploadTakenError, and the whole transaction (dossier, nonce, links) rolls back. In
   * PostgreSQL the second of two linking transactions waits on the row and then finds it taken.
   * @param {import('./storage/index.js').Storage} tx
   * @param {Buffer} dossierDataKey
   * @param {string} code
   * @param {string[]} ids
   * @param {string} [supplementId]
   */
  async function link(tx, dossierDataKey, code, ids, supplementId) {
    const update = tx.prepare(
      supplementId
        ? 'UPDATE uploads SET dossier_code = ?, supplement_id = ? WHERE id = ? AND dossier_code IS NULL'
        : 'UPDATE uploads SET dossier_code = ? WHERE id = ? AND dossier_code IS NULL',
    );
    for (const id of ids) {
      const linked = supplementId
        ? await update.run(code, supplementId, id)
        : await update.run(code, id);
      if (linked.changes !== 1) throw new UploadTakenError(id);
    }
    await attach(tx, dossierDataKey, code, ids);
  }

  /**
   * @param {string} id
   * @param {any} [uploadRow] its `uploads` row, when already read
   * @returns {Promise<Scheme>}
   */
  async function schemeFor(id, uploadRow) {
    const row = await keyRow(id);
    const upload = row ? undefined : (uploadRow ?? (await db.prepare(UPLOAD_SQL).get(id)));
    const code = dossierNeeded(row, upload);
    const dk = code ? await dossierKey(db, keyring, code) : undefined;
    return schemeOf(keyring, id, row, upload, dk);
  }

  /**
   * The first and last bytes of a stored file, decrypted, as the shared file checks want them.
   * @param {string} id
   * @param {string} path
   * @param {{ head: number, tail: number }} sizes
   * @returns {Promise<{ size: number, head: Uint8Array, tail: Uint8Array }>}
   */
  async function readEnds(id, path, sizes) {
    const scheme = await schemeFor(id);
    if (scheme.kind === 'gcm') {
      const all = decryptFileBytes(scheme.key, await objects.readAll(path), scheme.aad, path);
      return {
        size: all.length,
        head: all.subarray(0, sizes.head),
        tail: all.subarray(Math.max(0, all.length - sizes.tail)),
      };
    }
    // CTR keeps lengths: the stored size is the file's size.
    const size = await objects.size(path);
    /** @param {number} start @param {number} length */
    const at = async (start, length) => {
      const bytes = await objects.readRange(path, start, length);
      return scheme.kind === 'ctr' ? ctrAt(scheme.key, start).update(bytes) : bytes;
    };
    const head = await at(0, Math.min(size, sizes.head));
    const tailLength = Math.min(size, sizes.tail);
    const tail = await at(size - tailLength, tailLength);
    return { size, head, tail };
  }

  /**
   * SHA-256 of a stored file's plaintext, streamed (a 500 MB upload never sits in memory).
   * @param {string} id
   * @param {string} path
   * @returns {Promise<string>} hex digest
   */
  async function sha256(id, path) {
    const scheme = await schemeFor(id);
    if (scheme.kind === 'gcm') {
      const all = decryptFileBytes(scheme.key, await objects.readAll(path), scheme.aad, path);
      return createHash('sha256').update(all).digest('hex');
    }
    const source = await objects.stream(path);
    return new Promise((resolve, reject) => {
      const hash = createHash('sha256');
      const decipher = scheme.kind === 'ctr' ? ctrAt(scheme.key, 0) : undefined;
      source
        .on('data', (chunk) =>
          hash.update(decipher ? decipher.update(/** @type {Buffer} */ (chunk)) : chunk),
        )
        .on('error', reject)
        .on('end', () => resolve(hash.digest('hex')));
    });
  }

  /**
   * The exact bytes of a stored file, checked against its SHA-256 ({@link openStored}).
   * @param {string} id
   * @returns {Promise<Buffer | undefined>} undefined for an unknown or unfinished upload
   */
  async function readAll(id) {
    const row = /** @type {any} */ (await db.prepare(UPLOAD_SQL).get(id));
    if (!row) return undefined;
    const scheme = await schemeFor(id, row);
    return openStored(id, row, scheme, await objects.readAll(row.path));
  }

  /**
   * The key sealing the name of file `id` (see {@link nameKeyOf}), read on `on`.
   * @param {string} id
   * @param {import('./storage/index.js').Storage} [on]
   */
  async function nameKey(id, on = db) {
    const row = await keyRow(id, on);
    const upload = row
      ? undefined
      : /** @type {any} */ (
          await on.prepare('SELECT dossier_code FROM uploads WHERE id = ?').get(id)
        );
    const code = nameDossier(row, upload?.dossier_code);
    const dk = code ? await dossierKey(on, keyring, code) : undefined;
    return nameKeyOf(keyring, id, row, upload?.dossier_code, dk);
  }

  /**
   * The `uploads.filename` value for a (cleaned) name: sealed, or null when the upload has no key
   * to seal it under (a file stored before encryption that no dossier holds): never in clear.
   * @param {string} id
   * @param {unknown} name
   * @param {import('./storage/index.js').Storage} [on]
   * @returns {Promise<string | null>}
   */
  async function sealName(id, name, on = db) {
    if (typeof name !== 'string' || !name) return null;
    const k = await nameKey(id, on);
    return k ? seal(k.key, name, k.aad) : null;
  }

  /**
   * The applicant's name of a stored file, decrypted (null when none, or its key is gone).
   * @param {{ id: string, filename?: unknown }} row its `uploads` row (id and filename)
   * @returns {Promise<string | null>}
   */
  async function fileName(row) {
    if (typeof row.filename !== 'string' || !isSealed(row.filename)) {
      return openName(row.filename, () => undefined);
    }
    const k = await nameKey(row.id).catch(() => undefined);
    return openName(row.filename, () => k);
  }

  /**
   * Names stored in clear by older versions, sealed (migration 009 dropped those no key can
   * seal). Compare-and-set, so processes running it at once agree; names whose dossier has no
   * data key yet (sealed by sealLegacyDossiers first) wait for the next run. Run by the purge job.
   */
  async function sealLegacyNames() {
    const rows = /** @type {{ id: string, filename: string }[]} */ (
      await db
        .prepare(
          "SELECT id, filename FROM uploads WHERE filename IS NOT NULL AND filename NOT LIKE 'dvc1.%' LIMIT 500",
        )
        .all()
    );
    const update = db.prepare('UPDATE uploads SET filename = ? WHERE id = ? AND filename = ?');
    let sealed = 0;
    for (const r of rows) {
      const value = await sealName(r.id, r.filename);
      if (value) sealed += (await update.run(value, r.id, r.filename)).changes;
    }
    return sealed;
  }

  return {
    objects,
    keys,
    readEnds,
    sha256,
    readAll,
    link,
    sealName,
    fileName,
    sealLegacyNames,
    isEncrypted: async (/** @type {string} */ id) => !!(await keyRow(id)),
  };
}

/**
 * readAll on the embedded database itself, synchronously: the test and maintenance helper
 * app.dvc.readUpload (the routes use {@link createUploadFiles}).
 * @param {import('better-sqlite3').Database} raw
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export function embeddedUploadReader(raw, keyring) {
  const { dossierKey: dossierKeyOf } = embeddedReader(raw, keyring);
  return {
    /**
     * @param {string} id
     * @returns {Buffer | undefined}
     */
    readAll(id) {
      const row = /** @type {any} */ (raw.prepare(UPLOAD_SQL).get(id));
      if (!row) return undefined;
      const keyRow = /** @type {KeyRow | undefined} */ (raw.prepare(KEY_SQL).get(id));
      const code = dossierNeeded(keyRow, row);
      const dk = code ? dossierKeyOf(code) : undefined;
      return openStored(id, row, schemeOf(keyring, id, keyRow, row, dk), readFileSync(row.path));
    },
    /**
     * The applicant's name of stored file `id`, decrypted.
     * @param {string} id
     * @returns {string | null | undefined} undefined for an unknown upload
     */
    fileName(id) {
      const row = /** @type {any} */ (raw.prepare(UPLOAD_SQL).get(id));
      if (!row) return undefined;
      const keyRow = /** @type {KeyRow | undefined} */ (raw.prepare(KEY_SQL).get(id));
      return openName(row.filename, () => {
        const code = nameDossier(keyRow, row.dossier_code);
        return nameKeyOf(
          keyring,
          id,
          keyRow,
          row.dossier_code,
          code ? dossierKeyOf(code) : undefined,
        );
      });
    },
  };
}

/** @typedef {ReturnType<typeof createUploadFiles>} UploadFiles */

/**
 * Rotation: the keys of uploads no dossier holds yet, wrapped under the current master key (the
 * keys of a dossier's files are wrapped by its data key, which `rewrapAll` re-wraps).
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export async function rewrapUploadKeys(db, keyring) {
  const rows = /** @type {{ upload_id: string, kek_id: string, wrapped_key: string }[]} */ (
    await db
      .prepare('SELECT * FROM upload_keys WHERE dossier_code IS NULL AND kek_id != ?')
      .all(keyring.current.id)
  );
  await db.transaction(async (tx) => {
    const update = tx.prepare(
      'UPDATE upload_keys SET kek_id = ?, wrapped_key = ? WHERE upload_id = ? AND dossier_code IS NULL',
    );
    for (const r of rows) {
      const key = unwrapKey(keyring, r.kek_id, r.wrapped_key, masterAad(r.upload_id));
      const { kekId, wrapped } = wrapKey(keyring, key, masterAad(r.upload_id));
      await update.run(kekId, wrapped, r.upload_id);
    }
  });
  return rows.length;
}
