/**
 * The one IndexedDB wrapper of the elements, over the `idb` package (promises for requests and
 * transactions, typed stores): drafts and the offline outbox (components/drafts), the signing key
 * (components/submission) and the tus upload URLs (components/upload) all open their database
 * here, so a refused or missing IndexedDB (some private-browsing modes) fails the same way
 * everywhere, as a StorageError, and another tab upgrading a database is never blocked.
 */
import { unwrap, wrap, type IDBPDatabase } from 'idb';
import { StorageError } from '../../src/errors.js';

export type { IDBPDatabase };
export { unwrap, wrap };

/**
 * Opens (creating or upgrading when needed) database `name` at `version`; `upgrade` creates its
 * stores. `factory` is `indexedDB` unless a test or a host gives another. Throws StorageError
 * when IndexedDB is missing or refuses.
 */
export async function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<IDBPDatabase> {
  if (!factory) throw new StorageError('IndexedDB is not available in this browser.');
  let db: IDBPDatabase;
  try {
    const request = factory.open(name, version);
    request.onupgradeneeded = (e) => upgrade(request.result, e.oldVersion);
    db = (await wrap(request)) as IDBPDatabase;
  } catch (cause) {
    throw new StorageError(`IndexedDB database "${name}" cannot be opened.`, { cause });
  }
  // A newer version of the library in another tab must be able to upgrade the database.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
