// Uploads encrypted from their first byte. A tus DataStore wrapper around ANY DataStore (the
// FileStore of the demo today, an S3 store tomorrow): it never subclasses the store, it only
// transforms what goes in and out, so the wrapped store keeps its own layout and extensions.
//
// Each upload gets its own random 256-bit key (kept wrapped by the `keys` store, never in the
// upload's metadata, never in logs). Bytes are encrypted with AES-256-CTR positioned at their
// byte offset in the file: counter block = offset / 16, and the first offset % 16 bytes of that
// block's keystream are skipped. Position i of the file is always encrypted with the same
// keystream byte, whichever PATCH carries it, so a resumed upload may append at any offset
// (odd ones included) and the stored file is exactly as long as the plaintext — the tus offset
// of the store stays the upload's offset.
//
// CTR has no authentication: integrity comes from the SHA-256 of each file in the signed
// submission, which the receiver checks against the decrypted stored bytes (upload-files.js).
//
// The upload's metadata (file name, type, the browser's SHA-256) is sealed too (AES-256-GCM under
// the upload's key) before the store writes it (the FileStore's `<id>.json`, an S3 `.info`).
import { createCipheriv } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { pipeline } from 'node:stream';
import { isSealed, seal, unseal } from '../crypto-at-rest.js';

const BLOCK = 16;
/** The only metadata key the wrapped store sees. */
export const SEALED_METADATA = 'dvc_sealed';

/**
 * An AES-256-CTR keystream transform positioned at byte `offset` of a file: encrypts, and
 * (CTR being symmetric) decrypts. The returned Cipher is a Transform stream; `update()` works too.
 * @param {Buffer} key 32 bytes
 * @param {number} offset byte position of the first byte that will go through it
 */
export function ctrAt(key, offset) {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad offset ${offset}`);
  const counter = Buffer.alloc(BLOCK);
  counter.writeBigUInt64BE(BigInt(Math.floor(offset / BLOCK)), 8);
  const cipher = createCipheriv('aes-256-ctr', key, counter);
  const skip = offset % BLOCK;
  if (skip) cipher.update(Buffer.alloc(skip));
  return cipher;
}

/**
 * @typedef {object} UploadKeys where the per-upload keys live (upload-files.js: SQLite)
 * @property {(id: string) => Buffer | Promise<Buffer>} create a new key for upload `id`, stored
 *   wrapped before it is returned
 * @property {(id: string) => Buffer | undefined | Promise<Buffer | undefined>} get undefined for an
 *   upload created before encryption (its bytes stay plaintext until its dossier seals them)
 * @property {(id: string) => void | Promise<void>} remove
 */

/** @param {string} id */
const metadataAad = (id) => `upload:${id}:metadata`;

/**
 * A tus DataStore that stores everything encrypted in `store`.
 * @template {import('@tus/utils').DataStore} S
 */
export class EncryptedStore extends EventEmitter {
  /**
   * @param {{ store: S, keys: UploadKeys, beforeRemove?: (id: string) => Promise<void>, withoutExtensions?: string[] }} options
   *   `beforeRemove` runs first in `remove` (its throw refuses the termination); the
   *   `withoutExtensions` of the store are not offered (refused before tus sees the request).
   */
  constructor({ store, keys, beforeRemove, withoutExtensions = [] }) {
    super();
    this.store = store;
    this.keys = keys;
    this.beforeRemove = beforeRemove;
    this.withoutExtensions = withoutExtensions;
  }

  get extensions() {
    return this.store.extensions.filter((e) => !this.withoutExtensions.includes(e));
  }

  /** @param {string} extension */
  hasExtension(extension) {
    return !this.withoutExtensions.includes(extension) && this.store.hasExtension(extension);
  }

  // @tus/server subscribes to its datastore's events: they are the wrapped store's.
  /**
   * @override
   * @param {string | symbol} event
   * @param {(...args: any[]) => void} listener
   */
  on(event, listener) {
    this.store.on(event, listener);
    return this;
  }

  /**
   * @override
   * @param {string | symbol} event
   * @param {(...args: any[]) => void} listener
   */
  removeListener(event, listener) {
    this.store.removeListener(event, listener);
    return this;
  }

  /** @param {import('@tus/utils').Upload} upload */
  async create(upload) {
    const key = await this.keys.create(upload.id);
    // The store gets a copy with sealed metadata; tus goes on with its own upload object (its
    // onUploadFinish reads the metadata), which only learns where the store put the bytes.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(upload)), upload, {
      metadata:
        upload.metadata === undefined
          ? undefined
          : {
              [SEALED_METADATA]: seal(key, JSON.stringify(upload.metadata), metadataAad(upload.id)),
            },
    });
    const created = await this.store.create(copy);
    upload.storage = created?.storage ?? copy.storage;
    return upload;
  }

  /**
   * @param {import('node:stream').Readable} readable
   * @param {string} id
   * @param {number} offset
   */
  async write(readable, id, offset) {
    const key = await this.keys.get(id);
    if (!key) return this.store.write(readable, id, offset);
    const cipher = ctrAt(key, offset);
    // An aborted request destroys the cipher too, so the store's write fails as it would have.
    pipeline(readable, cipher, () => {});
    return this.store.write(cipher, id, offset);
  }

  /** @param {string} id */
  async getUpload(id) {
    const upload = await this.store.getUpload(id);
    const sealed = upload.metadata?.[SEALED_METADATA];
    if (isSealed(sealed)) {
      const key = await this.keys.get(id);
      if (!key) throw Object.assign(new Error(`upload ${id} has no key`), { status_code: 404 });
      upload.metadata = JSON.parse(unseal(key, /** @type {string} */ (sealed), metadataAad(id)));
    }
    return upload;
  }

  /** @param {string} id */
  async read(id) {
    const source = await /** @type {any} */ (this.store).read(id);
    const key = await this.keys.get(id);
    return key ? pipeline(source, ctrAt(key, 0), () => {}) : source;
  }

  /** @param {string} id */
  async remove(id) {
    await this.beforeRemove?.(id);
    await this.store.remove(id);
    await this.keys.remove(id);
  }

  /** @param {string} id @param {number} length */
  declareUploadLength(id, length) {
    return this.store.declareUploadLength(id, length);
  }

  deleteExpired() {
    return this.store.deleteExpired();
  }

  getExpiration() {
    return this.store.getExpiration();
  }
}
