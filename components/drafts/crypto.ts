/**
 * Drafts at rest on a shared device: the answers, the document list and the kept files of a
 * draft are encrypted with AES-256-GCM under a key the browser generated as non-extractable
 * (`extractable: false`): scripts of this origin can use it, nobody can read it out, and a copy
 * of the IndexedDB folder (another user of the computer, a disk image) holds only ciphertext.
 * The key lives in its own IndexedDB database; "Xoá dữ liệu trên máy này" deletes it with the
 * drafts, so anything left behind (a crashed write, a backup) can never be decrypted.
 */
import { StorageError } from '../../src/errors.js';
import { openDatabase, unwrap } from '../base/idb.js';
import { requestResult } from './db.js';

export const KEY_DB_NAME = 'dvc-forms-keys';
const KEY_STORE = 'keys';
const KEY_ID = 'drafts';
const IV_BYTES = 12;

/** What an encrypted value looks like in IndexedDB. */
export interface Sealed {
  /** Format version. */
  v: 1;
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** An encrypted file: its ciphertext and its media type. */
export type SealedBlob = Sealed & { type: string };

export function isSealed(value: unknown): value is Sealed {
  const s = value as Partial<Sealed> | null;
  return !!s && s.v === 1 && s.iv instanceof Uint8Array && s.data instanceof ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The key's database, opened through the one wrapper (components/base/idb.ts: its time limit). */
async function openKeyDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const db = await openDatabase(
    name,
    1,
    (d) => {
      if (!d.objectStoreNames.contains(KEY_STORE)) d.createObjectStore(KEY_STORE);
    },
    factory,
  );
  return unwrap(db);
}

/** Encrypts and decrypts draft data with the device's draft key. */
export class DraftCipher {
  private constructor(private readonly key: CryptoKey) {}

  /**
   * The device's draft key, generated (non-extractable) on first use. Two tabs racing to create
   * it agree on one: the second `add` fails and that tab reads the first tab's key.
   */
  static async open(
    factory: IDBFactory | undefined = globalThis.indexedDB,
    name = KEY_DB_NAME,
  ): Promise<DraftCipher> {
    if (!factory || !globalThis.crypto?.subtle) {
      throw new StorageError('IndexedDB or Web Crypto is not available in this browser.');
    }
    const db = await openKeyDb(factory, name);
    db.onversionchange = () => db.close();
    try {
      const read = () =>
        requestResult<CryptoKey | undefined>(
          db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(KEY_ID),
        );
      let key = await read();
      if (!key) {
        const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]);
        try {
          await requestResult(
            db.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).add(fresh, KEY_ID),
          );
          key = fresh;
        } catch {
          key = await read();
        }
      }
      if (!key) throw new StorageError('The draft key cannot be stored.');
      return new DraftCipher(key);
    } catch (cause) {
      throw cause instanceof StorageError
        ? cause
        : new StorageError('The draft key cannot be read.', { cause });
    } finally {
      db.close();
    }
  }

  /** `aad` binds the ciphertext to its place (the draft id): moved elsewhere, it fails. */
  async seal(value: unknown, aad: string): Promise<Sealed> {
    return this.sealBytes(encoder.encode(JSON.stringify(value)), aad);
  }

  async open<T>(sealed: Sealed, aad: string): Promise<T> {
    return JSON.parse(decoder.decode(await this.openBytes(sealed, aad))) as T;
  }

  async sealBlob(blob: Blob, aad: string): Promise<SealedBlob> {
    return { ...(await this.sealBytes(await blob.arrayBuffer(), aad)), type: blob.type };
  }

  async openBlob(sealed: Sealed & { type?: string }, aad: string): Promise<Blob> {
    return new Blob([await this.openBytes(sealed, aad)], { type: sealed.type ?? '' });
  }

  private async sealBytes(bytes: BufferSource, aad: string): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) },
      this.key,
      bytes,
    );
    return { v: 1, iv, data };
  }

  private openBytes(sealed: Sealed, aad: string): Promise<ArrayBuffer> {
    return crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.iv as Uint8Array<ArrayBuffer>,
        additionalData: encoder.encode(aad),
      },
      this.key,
      sealed.data,
    );
  }
}

/**
 * Deletes every draft, kept file, waiting submission and the draft key of this site on this
 * device. Open connections (this tab's, other tabs') close themselves on `versionchange`; one
 * that does not (a tab of an older version, a stuck one) holds the deletion until it closes:
 * `onBlocked` is called then, so the person can be told to close the other tabs, and the promise
 * resolves once the deletion has happened after all.
 */
export async function clearDeviceData(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  names: readonly string[],
  onBlocked?: () => void,
): Promise<void> {
  if (!factory) return;
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = factory.deleteDatabase(name);
          request.onblocked = () => onBlocked?.();
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
        }),
    ),
  );
}
