/**
 * The `revisions` store (database version 2): a claim `[draft id, rev] → true` per revision
 * written, added in the write's own transaction, and a tombstone `[draft id, rev] → Tombstone`
 * where a draft was deleted (sent, started afresh, expired). No schema change: a tombstone is a
 * claim whose value is an object.
 *
 * A write made without reading first (DraftStore.putNow, in a page's last event: there is no
 * later callback to compare a read in) claims the revision after the one it was sealed from. A
 * deletion claims the revision after the draft's last: a record sealed before it, from any
 * revision, finds its claim taken (the draft's own claims stay, the tombstone is the next one)
 * and IndexedDB undoes its whole transaction. So a draft sent or cleared in one tab is not put
 * back by another tab's stale write as its page goes. A draft started after the deletion counts
 * on from the tombstone, so it claims revisions nobody holds.
 */
import { STORE, requestResult } from './db.js';

/** Claims of revisions kept per draft: another tab's writes the news of which is still on its way. */
const CLAIMS_KEPT = 32;

/**
 * The one record of the store about the store: when the earliest tombstone is due (`until`, ms;
 * Infinity with none). No draft id is ''. Every form load asks it alone, and reads the whole
 * store only when a tombstone is due: before, each load read every claim of every draft (up to
 * 33 per draft) in a read-write transaction, on the way to the resume offer. Missing (a
 * database from before it, or whose tombstones were all buried before it): read once.
 */
const DUE: [string, number] = ['', 0];

/** Where a draft was deleted; removed (with the draft's claims) once `until` is past. */
export interface Tombstone {
  deletedAt: number;
  /**
   * The deletion plus the deleted draft's time to live: a record sealed before the deletion
   * expires by then, so if it is written after the tombstone went it is purged, never offered.
   */
  until: number;
}

const isTombstone = (value: unknown): value is Tombstone =>
  typeof value === 'object' && value !== null;

/** The claims of draft `id`'s revisions from `from` (excluded) up to `below` (excluded). */
export const claims = (id: string, below: number, from = 0) =>
  IDBKeyRange.bound([id, from], [id, below], from > 0, true);

/**
 * Claims revision `rev` of draft `id` in the write's transaction: every write adds its claim,
 * and an `add` whose key exists fails and, unhandled, aborts the whole transaction. The oldest
 * claims go as new ones come.
 */
export function claim(tx: IDBTransaction, id: string, rev: number): IDBRequest {
  const revisions = tx.objectStore(STORE.revisions);
  const claimed = revisions.add(true, [id, rev]);
  if (rev > CLAIMS_KEPT) revisions.delete(claims(id, rev - CLAIMS_KEPT));
  return claimed;
}

/** The highest revision of draft `id` claimed (or deleted): a new draft counts on from it. */
export async function lastClaimed(tx: IDBTransaction, id: string): Promise<number> {
  const keys = await requestResult(
    tx.objectStore(STORE.revisions).getAllKeys(claims(id, Infinity)),
  );
  const last = keys[keys.length - 1] as [string, number] | undefined;
  return last?.[1] ?? 0;
}

/** Whether draft `id` was deleted after revision `rev` (a write based on it would restore it). */
export async function deletedSince(tx: IDBTransaction, id: string, rev: number): Promise<boolean> {
  const after = await requestResult(
    tx.objectStore(STORE.revisions).getAll(claims(id, Infinity, rev)),
  );
  return after.some(isTombstone);
}

/** Leaves a tombstone after revision `rev` of draft `id` (nothing when it never had one). */
export function bury(tx: IDBTransaction, id: string, rev: number, tombstone: Tombstone): void {
  if (rev <= 0) return;
  const revisions = tx.objectStore(STORE.revisions);
  revisions.put(tombstone, [id, rev + 1]);
  // The earliest tombstone is due sooner now; unknown (missing) stays unknown: read at once.
  const due = revisions.get(DUE);
  due.onsuccess = () => {
    if (typeof due.result === 'number' && tombstone.until < due.result) {
      revisions.put(tombstone.until, DUE);
    }
  };
}

/** Whether a tombstone may be due (see DUE): only then is the whole store read. */
export async function tombstonesDue(tx: IDBTransaction, now: number): Promise<boolean> {
  const due = await requestResult(tx.objectStore(STORE.revisions).get(DUE));
  return typeof due !== 'number' || due <= now;
}

/** Removes the tombstones whose time is past, with the claims before them; notes the next. */
export async function removeOldTombstones(tx: IDBTransaction, now: number): Promise<void> {
  if (!(await tombstonesDue(tx, now))) return;
  const revisions = tx.objectStore(STORE.revisions);
  const keys = (await requestResult(revisions.getAllKeys())) as [string, number][];
  const values = await requestResult(revisions.getAll());
  let next = Infinity;
  for (const [i, [id, rev]] of keys.entries()) {
    const value = values[i];
    if (!isTombstone(value) || id === DUE[0]) continue;
    if (value.until <= now) revisions.delete(claims(id, rev + 1));
    else next = Math.min(next, value.until);
  }
  revisions.put(next, DUE);
}
