/**
 * Where tus-js-client remembers the upload URL of each file so an interrupted upload resumes after
 * a reload: IndexedDB rather than the library's default localStorage, which is synchronous and
 * shared with the host page. Only the tus URL, the file's fingerprint (size + SHA-256), its size
 * and the upload metadata (cleaned file name, type, slot, hash) are kept — never answers.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';
import { openDatabase, type IDBPDatabase } from '../base/idb.js';

const DB_NAME = 'dvc-forms-uploads';
const STORE = 'tus';

interface Row extends PreviousUpload {
  fingerprint: string;
}

export class IndexedDbUrlStorage implements UrlStorage {
  private db?: Promise<IDBPDatabase>;

  /** Whether IndexedDB is available (it is not in some private modes). */
  static get supported(): boolean {
    return typeof indexedDB !== 'undefined';
  }

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDatabase(DB_NAME, 1, (db) => {
      const store = db.createObjectStore(STORE, { keyPath: 'urlStorageKey' });
      store.createIndex('fingerprint', 'fingerprint');
    });
    // A refused open is tried again next time rather than remembered.
    this.db.catch(() => (this.db = undefined));
    return this.db;
  }

  async findAllUploads(): Promise<PreviousUpload[]> {
    return (await (await this.open()).getAll(STORE)) as Row[];
  }

  async findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    return (await (await this.open()).getAllFromIndex(STORE, 'fingerprint', fingerprint)) as Row[];
  }

  async removeUpload(urlStorageKey: string): Promise<void> {
    await (await this.open()).delete(STORE, urlStorageKey);
  }

  async addUpload(fingerprint: string, upload: PreviousUpload): Promise<string> {
    const urlStorageKey = `tus::${fingerprint}::${crypto.randomUUID()}`;
    const row: Row = { ...upload, urlStorageKey, fingerprint };
    await (await this.open()).put(STORE, row);
    return urlStorageKey;
  }
}
