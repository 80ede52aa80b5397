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
import { createReadStream, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { decryptFile, newDataKey, seal, unseal, unwrapKey, wrapKey } from './crypto-at-rest.js';
import { ctrAt } from './storage/encrypted-store.js';
import { dossierKey, fileAad } from './vault.js';

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

/** @param {string} id */
const masterAad = (id) => `upload:${id}`;
/** @param {string} code @param {string} id */
const dossierAad = (code, id) => `${fileAad(code, id)}:key`;

/**
 * @param {import('better-sqlite3').Database} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export function createUploadFiles(db, keyring) {
  const keyRow = db.prepare('SELECT * FROM upload_keys WHERE upload_id = ?');
  const insertKey = db.prepare(
    `INSERT INTO upload_keys (upload_id, kek_id, dossier_code, wrapped_key, created_at)
     VALUES (?, ?, NULL, ?, ?)`,
  );
  const removeKey = db.prepare(
    'DELETE FROM upload_keys WHERE upload_id = ? AND dossier_code IS NULL',
  );
  const moveKey = db.prepare(
    `UPDATE upload_keys SET kek_id = NULL, dossier_code = ?, wrapped_key = ?
     WHERE upload_id = ? AND dossier_code IS NULL`,
  );
  const uploadRow = db.prepare('SELECT * FROM uploads WHERE id = ?');

  /** @type {import('./storage/encrypted-store.js').UploadKeys & { attach: typeof attach }} */
  const keys = {
    create(id) {
      const key = newDataKey();
      const { kekId, wrapped } = wrapKey(keyring, key, masterAad(id));
      insertKey.run(id, kekId, wrapped, new Date().toISOString());
      return key;
    },
    get(id) {
      const row = /** @type {any} */ (keyRow.get(id));
      if (!row) return undefined;
      if (!row.dossier_code) return unwrapKey(keyring, row.kek_id, row.wrapped_key, masterAad(id));
      const dk = dossierKey(db, keyring, row.dossier_code);
      // A deleted dossier's key is gone: its files cannot be read any more (crypto-shredding).
      if (!dk) throw new Error(`dossier ${row.dossier_code} has no data key`);
      return Buffer.from(unseal(dk, row.wrapped_key, dossierAad(row.dossier_code, id)), 'base64');
    },
    remove(id) {
      removeKey.run(id);
    },
    attach,
  };

  /**
   * At acceptance, in the dossier's transaction: the keys of its files are wrapped by the
   * dossier's data key instead of a master key. The bytes are not rewritten; deleting the
   * dossier's key makes them unreadable, like its payload.
   * @param {Buffer} dossierDataKey
   * @param {string} code
   * @param {string[]} ids
   */
  function attach(dossierDataKey, code, ids) {
    for (const id of ids) {
      const row = /** @type {any} */ (keyRow.get(id));
      if (!row || row.dossier_code) continue;
      const key = unwrapKey(keyring, row.kek_id, row.wrapped_key, masterAad(id));
      moveKey.run(code, seal(dossierDataKey, key.toString('base64'), dossierAad(code, id)), id);
    }
  }

  /**
   * How the file `id` is stored: CTR with its key, GCM under its dossier's key, or plain.
   * @param {string} id
   * @returns {{ kind: 'ctr', key: Buffer } | { kind: 'gcm', key: Buffer, aad: string } | { kind: 'plain' }}
   */
  function schemeOf(id) {
    const key = keys.get(id);
    if (key) return { kind: 'ctr', key: /** @type {Buffer} */ (key) };
    const row = /** @type {any} */ (uploadRow.get(id));
    if (row?.encrypted === 1 && row.dossier_code) {
      const dk = dossierKey(db, keyring, row.dossier_code);
      if (!dk) throw new Error(`dossier ${row.dossier_code} has no data key`);
      return { kind: 'gcm', key: dk, aad: fileAad(row.dossier_code, id) };
    }
    return { kind: 'plain' };
  }

  /**
   * The first and last bytes of a stored file, decrypted, as the shared file checks want them.
   * @param {string} id
   * @param {string} path
   * @param {{ head: number, tail: number }} sizes
   * @returns {Promise<{ size: number, head: Uint8Array, tail: Uint8Array }>}
   */
  async function readEnds(id, path, sizes) {
    const scheme = schemeOf(id);
    if (scheme.kind === 'gcm') {
      const all = decryptFile(scheme.key, path, scheme.aad);
      return {
        size: all.length,
        head: all.subarray(0, sizes.head),
        tail: all.subarray(Math.max(0, all.length - sizes.tail)),
      };
    }
    const handle = await open(path, 'r');
    try {
      // CTR keeps lengths: the stored size is the file's size.
      const { size } = await handle.stat();
      /** @param {number} start @param {number} length */
      const at = async (start, length) => {
        const bytes = Buffer.alloc(length);
        await handle.read(bytes, 0, length, start);
        return scheme.kind === 'ctr' ? ctrAt(scheme.key, start).update(bytes) : bytes;
      };
      const head = await at(0, Math.min(size, sizes.head));
      const tailLength = Math.min(size, sizes.tail);
      const tail = await at(size - tailLength, tailLength);
      return { size, head, tail };
    } finally {
      await handle.close();
    }
  }

  /**
   * SHA-256 of a stored file's plaintext, streamed (a 500 MB upload never sits in memory).
   * @param {string} id
   * @param {string} path
   * @returns {Promise<string>} hex digest
   */
  async function sha256(id, path) {
    const scheme = schemeOf(id);
    if (scheme.kind === 'gcm') {
      const all = decryptFile(scheme.key, path, scheme.aad);
      return createHash('sha256').update(all).digest('hex');
    }
    return new Promise((resolve, reject) => {
      const hash = createHash('sha256');
      const decipher = scheme.kind === 'ctr' ? ctrAt(scheme.key, 0) : undefined;
      createReadStream(path)
        .on('data', (chunk) =>
          hash.update(decipher ? decipher.update(/** @type {Buffer} */ (chunk)) : chunk),
        )
        .on('error', reject)
        .on('end', () => resolve(hash.digest('hex')));
    });
  }

  /**
   * The exact bytes of a stored file (in memory: files are capped by MAX_UPLOAD_BYTES), checked
   * against the SHA-256 recorded when it was stored: CTR is not authenticated, so a changed
   * byte on disk is found here and refused (UploadDamagedError), never handed to a clerk.
   * @param {string} id
   * @returns {Buffer | undefined} undefined for an unknown or unfinished upload
   */
  function readAll(id) {
    const row = /** @type {any} */ (uploadRow.get(id));
    if (!row) return undefined;
    const scheme = schemeOf(id);
    /** @type {Buffer} */
    let bytes;
    if (scheme.kind === 'gcm') bytes = decryptFile(scheme.key, row.path, scheme.aad);
    else {
      const stored = readFileSync(row.path);
      bytes = scheme.kind === 'ctr' ? ctrAt(scheme.key, 0).update(stored) : stored;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
      throw new UploadDamagedError(id);
    }
    return bytes;
  }

  return {
    keys,
    readEnds,
    sha256,
    readAll,
    isEncrypted: (/** @type {string} */ id) => !!keyRow.get(id),
  };
}

/** @typedef {ReturnType<typeof createUploadFiles>} UploadFiles */

/**
 * Rotation: the keys of uploads no dossier holds yet, wrapped under the current master key (the
 * keys of a dossier's files are wrapped by its data key, which `rewrapAll` re-wraps).
 * @param {import('better-sqlite3').Database} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 */
export function rewrapUploadKeys(db, keyring) {
  const rows = /** @type {{ upload_id: string, kek_id: string, wrapped_key: string }[]} */ (
    db
      .prepare('SELECT * FROM upload_keys WHERE dossier_code IS NULL AND kek_id != ?')
      .all(keyring.current.id)
  );
  const update = db.prepare(
    'UPDATE upload_keys SET kek_id = ?, wrapped_key = ? WHERE upload_id = ? AND dossier_code IS NULL',
  );
  db.transaction(() => {
    for (const r of rows) {
      const key = unwrapKey(keyring, r.kek_id, r.wrapped_key, masterAad(r.upload_id));
      const { kekId, wrapped } = wrapKey(keyring, key, masterAad(r.upload_id));
      update.run(kekId, wrapped, r.upload_id);
    }
  })();
  return rows.length;
}
