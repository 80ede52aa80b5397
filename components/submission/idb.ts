/**
 * One database, one object store, get/add/delete, through the shared IndexedDB wrapper
 * (components/base/idb.ts).
 * IndexedDB is the only browser storage that keeps a `CryptoKey` as is (structured clone), so a
 * non-extractable private key can survive reloads without its bytes ever being readable.
 */
import { StorageError } from '../../src/errors.js';
import { openDatabase } from '../base/idb.js';

/** One IndexedDB object store with out-of-line keys. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` unless `key` exists; resolves false (and stores nothing) when it does. */
  add(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): void;
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
  const db = await openDatabase(
    name,
    1,
    (d) => {
      if (!d.objectStoreNames.contains(store)) d.createObjectStore(store);
    },
    factory,
  );
  return {
    async get<T>(key: string) {
      try {
        return (await db.get(store, key)) as T | undefined;
      } catch (cause) {
        throw new StorageError(`IndexedDB read of "${key}" failed.`, { cause });
      }
    },
    async add(key, value) {
      try {
        await db.add(store, value, key);
        return true;
      } catch (cause) {
        // `add` never overwrites: a ConstraintError means another tab stored its value first.
        if (cause instanceof DOMException && cause.name === 'ConstraintError') return false;
        throw new StorageError(`IndexedDB write of "${key}" failed.`, { cause });
      }
    },
    async delete(key) {
      try {
        await db.delete(store, key);
      } catch (cause) {
        throw new StorageError(`IndexedDB delete of "${key}" failed.`, { cause });
      }
    },
    close: () => db.close(),
  };
}
