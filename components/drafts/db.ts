/**
 * The drafts database: one IndexedDB database per origin (IndexedDB is origin-scoped, so two
 * agencies' sites never see each other's drafts) with three stores:
 *
 * - `drafts`: one record per procedure code + version (`id` = `code@version`, index `code`);
 * - `files`: Blobs of chosen files not yet on the server (index `draft`);
 * - `outbox`: signed submissions waiting for the network (key = Idempotency-Key).
 *
 * Nothing goes to localStorage: it is synchronous, shared with the host page's scripts under
 * one key space, and capped at a few MB.
 */
import { StorageError } from '../../src/errors.js';

export const DRAFT_DB_NAME = 'dvc-forms-drafts';
export const DRAFT_DB_VERSION = 1;
export const STORE = { drafts: 'drafts', files: 'files', outbox: 'outbox' } as const;
export type StoreName = (typeof STORE)[keyof typeof STORE];

/** A write failed because the browser's storage quota is used up. */
export class DraftQuotaError extends StorageError {
  override name = 'DraftQuotaError';
}

export function isQuotaError(error: unknown): boolean {
  const e = error instanceof StorageError ? error.cause : error;
  return (
    error instanceof DraftQuotaError ||
    (e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22))
  );
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export interface DraftDatabase {
  /**
   * Runs `action` in one transaction over `stores` and resolves with its result once the
   * transaction has committed (so a write is durable before anyone is told it was saved).
   */
  run<T>(
    stores: StoreName[],
    mode: IDBTransactionMode,
    action: (tx: IDBTransaction) => Promise<T> | T,
  ): Promise<T>;
  close(): void;
}

/** Opens (creating when needed) the drafts database. Throws StorageError when refused. */
export async function openDraftDatabase(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = DRAFT_DB_NAME,
): Promise<DraftDatabase> {
  if (!factory) throw new StorageError('IndexedDB is not available in this browser.');
  let db: IDBDatabase;
  try {
    const request = factory.open(name, DRAFT_DB_VERSION);
    request.onupgradeneeded = () => {
      const d = request.result;
      if (!d.objectStoreNames.contains(STORE.drafts)) {
        d.createObjectStore(STORE.drafts, { keyPath: 'id' }).createIndex('code', 'code');
      }
      if (!d.objectStoreNames.contains(STORE.files)) {
        d.createObjectStore(STORE.files, { keyPath: 'id' }).createIndex('draft', 'draft');
      }
      if (!d.objectStoreNames.contains(STORE.outbox)) {
        d.createObjectStore(STORE.outbox, { keyPath: 'key' });
      }
    };
    db = await requestResult(request);
  } catch (cause) {
    throw new StorageError(`IndexedDB database "${name}" cannot be opened.`, { cause });
  }
  // A newer version of the library in another tab must be able to upgrade the database.
  db.onversionchange = () => db.close();
  return {
    async run<T>(
      stores: StoreName[],
      mode: IDBTransactionMode,
      action: (tx: IDBTransaction) => Promise<T> | T,
    ): Promise<T> {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(stores, mode);
      } catch (cause) {
        throw new StorageError('IndexedDB transaction cannot start.', { cause });
      }
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
      done.catch(() => undefined);
      let result: T;
      try {
        result = await action(tx);
        await done;
      } catch (cause) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        if (isQuotaError(cause)) {
          throw new DraftQuotaError('The browser storage quota is exceeded.', { cause });
        }
        throw new StorageError('IndexedDB transaction failed.', { cause });
      }
      return result;
    },
    close: () => db.close(),
  };
}
