/**
 * Every value of an IndexedDB object store as it is stored, read without the product's code:
 * the tests check that no Blob reaches IndexedDB (stored-bytes.ts), since WebKit's ephemeral
 * sessions refuse them and a Blob stored in Chromium would hide that.
 */
export async function rawValues(dbName: string, store: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(dbName);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction(store, 'readonly').objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as unknown[]);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

/** Whether a Blob is anywhere inside the value. */
export function holdsBlob(value: unknown): boolean {
  if (value instanceof Blob) return true;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (value instanceof ArrayBuffer) return false;
  return Object.values(value as Record<string, unknown>).some(holdsBlob);
}
