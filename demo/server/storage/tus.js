// The tus side of the storage: where upload bytes go (the DataStore) and how concurrent requests
// for one upload are kept apart (the Locker). One factory each, so that wrappers (encryption at
// rest, a different object store) plug in here and uploads.js stays the same.
import { FileStore } from '@tus/file-store';
import { ERRORS, MemoryLocker } from '@tus/server';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The tus DataStore of the receiver: files in `dir` (DATA_DIR/uploads; with several processes a
 * folder they share).
 * @param {{ dir: string }} options
 * @returns {import('@tus/utils').DataStore}
 */
export function createDataStore({ dir }) {
  const store = new FileStore({ directory: dir });
  // The FileStore creates its files with the default mode: owner only, before the first byte.
  const create = store.create.bind(store);
  store.create = async (upload) => {
    const created = await create(upload);
    await chmod(join(dir, upload.id), 0o600);
    return created;
  };
  return store;
}

/** The channel on which a process asks the others to let go of an upload (its id). */
const RELEASE_CHANNEL = 'dvc_tus_release';

/**
 * The tus Locker. In one process tus's MemoryLocker (a new request for an upload asks the one
 * holding it to let go: the client has given up on it). On a database server, each lock is also
 * a session advisory lock, and the request asking for it tells the other processes (NOTIFY), so
 * the one holding it lets go the same way; a process that dies releases its locks with its
 * connection. Either way the upload resumes on any process.
 * @param {import('./index.js').Storage} db
 * @param {{ acquireTimeoutMs?: number }} [options]
 * @returns {Promise<import('@tus/server').Locker>}
 */
export async function createLocker(db, { acquireTimeoutMs = 30_000 } = {}) {
  const local = new MemoryLocker({ acquireLockTimeout: acquireTimeoutMs });
  const sessionLock = db.sessionLock;
  if (!sessionLock) return local;
  /** Uploads this process holds → how to make their request let go. */
  /** @type {Map<string, () => unknown>} */
  const held = new Map();
  await db.listen?.(RELEASE_CHANNEL, (id) => void held.get(id)?.());
  const askRelease = (/** @type {string} */ id) =>
    void db.notify?.(RELEASE_CHANNEL, id).catch(() => {});
  return {
    newLock(id) {
      const inProcess = local.newLock(id);
      /** @type {(() => Promise<void>) | undefined} */
      let release;
      return {
        async lock(signal, requestRelease) {
          await inProcess.lock(signal, requestRelease);
          try {
            release = await sessionLock(`tus:${id}`, {
              signal,
              timeoutMs: acquireTimeoutMs,
              onWait: () => askRelease(id),
            });
            held.set(id, requestRelease);
          } catch (e) {
            await inProcess.unlock();
            throw e === 'timeout' ? ERRORS.ERR_LOCK_TIMEOUT : e;
          }
        },
        async unlock() {
          held.delete(id);
          try {
            await release?.();
          } finally {
            release = undefined;
            await inProcess.unlock();
          }
        },
      };
    },
  };
}
