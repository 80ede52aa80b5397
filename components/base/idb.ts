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
 * How long an open may go unanswered before the database counts as unavailable (ms). A healthy
 * browser answers in milliseconds, a slow phone's first open in well under a second; one that
 * never answers (a stuck IndexedDB, as Safari 14.1's first open after launch, or an upgrade
 * blocked by a connection that is never closed) must not hold Submit, the drafts or an upload
 * for good: the callers' answer to an unavailable IndexedDB takes over (a signing key for this
 * page only, drafts off with a notice, no upload resume).
 */
export const OPEN_LIMIT_MS = 10_000;

/**
 * The databases, by factory, with an open that ran out of time and has still not answered.
 * IndexedDB answers the opens of one database in the order they were made, so a new open of such
 * a database cannot answer before the stuck one: it fails at once instead of waiting its own
 * limit (a failed offline submission opens the drafts database twice: one wait, not two).
 */
const unanswered = new WeakMap<IDBFactory, Map<string, Promise<unknown>>>();

/**
 * Opens (creating or upgrading when needed) database `name` at `version`; `upgrade` creates its
 * stores. `factory` is `indexedDB` unless a test or a host gives another. Throws StorageError
 * when IndexedDB is missing or refuses, or has not answered within `limitMs`, or at once while
 * an earlier open of the same database has not answered within its own limit.
 */
export async function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
  factory: IDBFactory | undefined = globalThis.indexedDB,
  limitMs = OPEN_LIMIT_MS,
): Promise<IDBPDatabase> {
  if (!factory) throw new StorageError('IndexedDB is not available in this browser.');
  let db: IDBPDatabase;
  let limit: ReturnType<typeof setTimeout> | undefined;
  try {
    if (unanswered.get(factory)?.has(name))
      throw new Error('An earlier open of this database has not answered yet.');
    const request = factory.open(name, version);
    request.onupgradeneeded = (e) => upgrade(request.result, e.oldVersion);
    const opened = wrap(request) as Promise<IDBPDatabase>;
    db = await Promise.race([
      opened,
      new Promise<never>((_, reject) => {
        limit = setTimeout(() => {
          const stuck = unanswered.get(factory) ?? new Map<string, Promise<unknown>>();
          unanswered.set(factory, stuck);
          stuck.set(name, opened);
          // The latest stuck open answers last: only its answer frees the database.
          const answered = () => {
            if (stuck.get(name) === opened) stuck.delete(name);
          };
          // A connection that opens after all is closed at once: nobody holds it, and an open
          // connection would block the next version change.
          opened.then((late) => {
            answered();
            late.close();
          }, answered);
          reject(new Error(`IndexedDB did not answer within ${limitMs} ms`));
        }, limitMs);
      }),
    ]);
  } catch (cause) {
    throw new StorageError(`IndexedDB database "${name}" cannot be opened.`, { cause });
  } finally {
    clearTimeout(limit);
  }
  // A newer version of the library in another tab must be able to upgrade the database.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
