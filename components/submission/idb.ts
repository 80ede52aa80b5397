/**
 * A very small promise wrapper over IndexedDB: one database, one object store, get/add/delete.
 * IndexedDB is the only browser storage that keeps a `CryptoKey` as is (structured clone), so a
 * non-extractable private key can survive reloads without its bytes ever being readable.
 */
import { StorageError } from '../../src/errors.js';

/** One IndexedDB object store with out-of-line keys. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` unless `key` exists; resolves false (and stores nothing) when it does. */
  add(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): void;
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens (creating when needed) database `name` with one object store `store`.
 * Throws StorageError when IndexedDB is missing or refuses (some private-browsing modes).
 */
export async function openKeyValueStore(
  name: string,
  store: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<KeyValueStore> {
  if (!factory) throw new StorageError('IndexedDB is not available in this browser.');
  let db: IDBDatabase;
  try {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
    };
    db = await requestResult(request);
  } catch (cause) {
    throw new StorageError(`IndexedDB database "${name}" cannot be opened.`, { cause });
  }
  // Another tab upgrading the database must not be blocked by this connection.
  db.onversionchange = () => db.close();

  const run = async <T>(
    mode: IDBTransactionMode,
    action: (s: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const tx = db.transaction(store, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    // Both settle on failure; Promise.all observes both so neither rejection goes unhandled.
    const [result] = await Promise.all([requestResult(action(tx.objectStore(store))), done]);
    return result;
  };

  return {
    async get<T>(key: string) {
      try {
        return (await run('readonly', (s) => s.get(key))) as T | undefined;
      } catch (cause) {
        throw new StorageError(`IndexedDB read of "${key}" failed.`, { cause });
      }
    },
    async add(key, value) {
      try {
        await run('readwrite', (s) => s.add(value, key));
        return true;
      } catch (cause) {
        // `add` never overwrites: a ConstraintError means another tab stored its value first.
        if (cause instanceof DOMException && cause.name === 'ConstraintError') return false;
        throw new StorageError(`IndexedDB write of "${key}" failed.`, { cause });
      }
    },
    async delete(key) {
      try {
        await run('readwrite', (s) => s.delete(key));
      } catch (cause) {
        throw new StorageError(`IndexedDB delete of "${key}" failed.`, { cause });
      }
    },
    close: () => db.close(),
  };
}
