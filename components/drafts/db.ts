/**
 * The drafts database: one IndexedDB database per origin (IndexedDB is origin-scoped, so two
 * agencies' sites never see each other's drafts) with three stores:
 *
 * - `drafts`: one record per procedure code + version (`id` = `code@version`, index `code`);
 * - `files`: Blobs of chosen files not yet on the server (index `draft`);
 * - `outbox`: signed submissions waiting for the network (key = Idempotency-Key);
 * - `revisions` (version 2): a key `[draft id, rev]` per revision written, added in the write's
 *   own transaction; an `add` that finds its key aborts the write (DraftStore.putNow).
 *
 * Nothing goes to localStorage: it is synchronous, shared with the host page's scripts under
 * one key space, and capped at a few MB.
 */
import { StorageError } from '../../src/errors.js';
import { openDatabase, unwrap, wrap } from '../base/idb.js';
import { DRAFT_DB_NAME, REVISIONS_STORE } from './db-name.js';

export { DRAFT_DB_NAME };
export const DRAFT_DB_VERSION = 2;
export const STORE = {
  drafts: 'drafts',
  files: 'files',
  outbox: 'outbox',
  revisions: REVISIONS_STORE,
} as const;
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

/** A request's result as a promise (idb's own promise for it, so requests fail as idb's do). */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return wrap(request) as Promise<T>;
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
  const db = await openDatabase(
    name,
    DRAFT_DB_VERSION,
    (d) => {
      if (!d.objectStoreNames.contains(STORE.drafts)) {
        d.createObjectStore(STORE.drafts, { keyPath: 'id' }).createIndex('code', 'code');
      }
      if (!d.objectStoreNames.contains(STORE.files)) {
        d.createObjectStore(STORE.files, { keyPath: 'id' }).createIndex('draft', 'draft');
      }
      if (!d.objectStoreNames.contains(STORE.outbox)) {
        d.createObjectStore(STORE.outbox, { keyPath: 'key' });
      }
      if (!d.objectStoreNames.contains(STORE.revisions)) d.createObjectStore(STORE.revisions);
    },
    factory,
  );
  return {
    async run<T>(
      stores: StoreName[],
      mode: IDBTransactionMode,
      action: (tx: IDBTransaction) => Promise<T> | T,
    ): Promise<T> {
      let tx: ReturnType<typeof db.transaction>;
      try {
        tx = db.transaction(stores, mode);
      } catch (cause) {
        throw new StorageError('IndexedDB transaction cannot start.', { cause });
      }
      tx.done.catch(() => undefined);
      let result: T;
      try {
        result = await action(unwrap(tx));
        // Resolved once the transaction has committed: a write is durable before anyone is
        // told it was saved.
        await tx.done;
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
