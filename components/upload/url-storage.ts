/**
 * Where tus-js-client remembers the upload URL of each file so an interrupted upload resumes after
 * a reload: IndexedDB rather than the library's default localStorage, which is synchronous and
 * shared with the host page. Only the tus URL, the file's fingerprint (size + SHA-256), its size
 * and the upload metadata (cleaned file name, type, slot, hash) are kept — never answers.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';

const DB_NAME = 'dvc-forms-uploads';
const STORE = 'tus';

interface Row extends PreviousUpload {
  fingerprint: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export class IndexedDbUrlStorage implements UrlStorage {
  private db?: Promise<IDBDatabase>;

  /** Whether IndexedDB is available (it is not in some private modes). */
  static get supported(): boolean {
    return typeof indexedDB !== 'undefined';
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: 'urlStorageKey' });
        store.createIndex('fingerprint', 'fingerprint');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.db;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.open()).transaction(STORE, mode).objectStore(STORE);
  }

  async findAllUploads(): Promise<PreviousUpload[]> {
    return request((await this.store('readonly')).getAll() as IDBRequest<Row[]>);
  }

  async findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    const index = (await this.store('readonly')).index('fingerprint');
    return request(index.getAll(fingerprint) as IDBRequest<Row[]>);
  }

  async removeUpload(urlStorageKey: string): Promise<void> {
    await request((await this.store('readwrite')).delete(urlStorageKey));
  }

  async addUpload(fingerprint: string, upload: PreviousUpload): Promise<string> {
    const urlStorageKey = `tus::${fingerprint}::${crypto.randomUUID()}`;
    const row: Row = { ...upload, urlStorageKey, fingerprint };
    await request((await this.store('readwrite')).put(row));
    return urlStorageKey;
  }
}
