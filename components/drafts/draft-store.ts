/**
 * Drafts of applications in IndexedDB: answers, page and documents, one record per procedure
 * code + version, written as patches (only the paths this tab changed) inside one transaction so
 * a second tab's answers to other questions survive (docs/reliability.md, "Two tabs").
 */
import type { JsonSchema, LocalizedText } from '../../src/procedure/index.js';
import { StorageError } from '../../src/errors.js';
import { STORE, openDraftDatabase, requestResult, type DraftDatabase } from './db.js';
import {
  bury,
  claim,
  claims,
  deletedSince,
  lastClaimed,
  removeOldTombstones,
  tombstonesDue,
} from './revisions.js';
import { patch } from './paths.js';
import type { DraftCipher } from './crypto.js';
import {
  openRecord,
  sealDocuments,
  sealRows,
  openRow,
  rowSize,
  type StoredFields,
} from './sealed-store.js';

export const DAY_MS = 86_400_000;
/** Seven days: long enough to find a missing paper, short for a draft on a shared computer. */
export const DEFAULT_TTL_DAYS = 7;
export const DEFAULT_FILE_CAP_MB = 50;

/** A document file as the draft remembers it: on the server (`url`) or kept here (`blobId`). */
export interface DraftDocument {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  /**
   * The name the person chose and sees, when the file is sent under another (a re-encoded
   * portrait, docs/uploads.md): no more than the page already shows them.
   */
  chosenName?: string;
  blobId?: string;
  /**
   * The file was still being uploaded (tus) when it was kept: on resume it is chosen again for
   * the person, and tus continues from what the server already holds.
   */
  pending?: true;
}

export interface DraftRecord {
  /** `code@version`. */
  id: string;
  code: string;
  version: string;
  answers: Record<string, unknown>;
  /** The page the person was on. */
  page: string;
  /** The procedure's data schema when the draft was written: judges carry-over to a new version. */
  dataSchema: JsonSchema;
  /** Field labels when the draft was written, by path. */
  labels: Record<string, LocalizedText>;
  /** Files per document slot. */
  documents: Record<string, DraftDocument[]>;
  /** Epoch ms. */
  savedAt: number;
  expiresAt: number;
  /** Incremented on every write, by any tab. */
  rev: number;
  /** Id of the tab that wrote last. */
  writer: string;
}

export interface FileRow {
  id: string;
  draft: string;
  /**
   * The file: a Blob before it is written; stored as its bytes and type (stored-bytes.ts) or,
   * with a cipher, their ciphertext and type. Drafts written by earlier versions hold a Blob.
   */
  blob: Blob | import('./stored-bytes.js').StoredBytes | import('./crypto.js').SealedBlob;
}

export interface DraftKey {
  code: string;
  version: string;
}

export const draftId = (key: DraftKey) => `${key.code}@${key.version}`;

export interface SaveChange {
  /** The answers as the tab has them now. */
  answers: Record<string, unknown>;
  /** Paths the tab changed since it last saved (only these are written). */
  paths: readonly string[];
  page: string;
  dataSchema: JsonSchema;
  labels: Record<string, LocalizedText>;
}

export interface SaveOptions {
  writer: string;
  ttlDays: number;
  /** Start the draft afresh (its files go too) instead of patching the stored one. */
  replace?: boolean;
  /**
   * A new draft after the one this tab held was deleted in another tab ("Giữ bản khai ở đây"):
   * built on no revision this tab read, it counts on from the tombstone, and is written only
   * while no draft is stored (DraftTakenError): it never patches, nor replaces, a draft started
   * in another tab since.
   */
  afresh?: boolean;
}

/**
 * A save built on a draft that was deleted since it was read (sent, or cleared, in another tab):
 * written, it would bring that draft back.
 */
export class DraftDeletedError extends StorageError {
  override name = 'DraftDeletedError';
}

const TAKEN = 'Another draft was started meanwhile.';

/** An `afresh` save found a draft stored (started again in another tab): nothing was written. */
export class DraftTakenError extends StorageError {
  override name = 'DraftTakenError';
}

/** A draft sealed, ready to be put (DraftStore.sealAhead, putNow). */
export interface SealedDraft {
  /** The draft as the form has it. */
  record: DraftRecord;
  /** The draft as stored: answers and documents sealed. */
  stored: DraftRecord & StoredFields;
  /** It replaces the stored draft: the old one's files are deleted with it. */
  fresh: boolean;
  /** DraftStore's write count when it was read. */
  writes: number;
  /** The revision this store had seen of the draft before: deleted after it, it is not written. */
  since: number;
}

export interface FileToKeep {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  /** The name the person chose, when the file is sent under another (DraftDocument). */
  chosenName?: string;
  /** The bytes, for a file that is not on the server yet. */
  file?: Blob;
  /** Chosen and hashed, not finished uploading (see DraftDocument.pending). */
  pending?: boolean;
}

/** What became of each file of a slot: kept, or not kept and why. */
export interface KeepFilesResult {
  notKept: { name: string; reason: 'too-large' | 'quota' | 'missing' }[];
}

export interface DraftStoreOptions {
  factory?: IDBFactory;
  now?: () => number;
  /** Database name; tests use their own. */
  name?: string;
  /** Encrypts answers, document lists and files at rest (crypto.ts); none: stored as they are. */
  cipher?: DraftCipher;
}

export class DraftStore {
  /** Writes begun or ended, and in flight (see putNow). */
  private writes = 0;
  private writing = 0;
  /** The draft last read or written, with the write count then (see seal). */
  private known?: {
    id: string;
    stored: (DraftRecord & StoredFields) | undefined;
    current: DraftRecord | undefined;
    /** The revision they are (or, with no draft stored, the last one claimed). */
    rev: number;
    writes: number;
  };
  /** The revision of each draft this store last read, wrote or deleted (see DraftDeletedError). */
  private readonly seen = new Map<string, number>();

  private constructor(
    private readonly db: DraftDatabase,
    private readonly now: () => number,
    private readonly cipher?: DraftCipher,
  ) {}

  static async open(options: DraftStoreOptions = {}): Promise<DraftStore> {
    const db = await openDraftDatabase(options.factory, options.name);
    return new DraftStore(db, options.now ?? Date.now, options.cipher);
  }

  close(): void {
    this.db.close();
  }

  /** The draft for exactly this code and version; an expired one is deleted instead. */
  async get(key: DraftKey): Promise<DraftRecord | undefined> {
    const record = await this.db.run([STORE.drafts], 'readonly', (tx) =>
      requestResult<DraftRecord | undefined>(tx.objectStore(STORE.drafts).get(draftId(key))),
    );
    if (record && record.expiresAt <= this.now()) {
      await this.delete(key, true);
      return undefined;
    }
    if (record) this.seen.set(record.id, record.rev);
    return record && openRecord(this.cipher, record);
  }

  /** The newest unexpired draft of the same procedure code written for another version. */
  async findOtherVersion(key: DraftKey): Promise<DraftRecord | undefined> {
    const all = await this.db.run([STORE.drafts], 'readonly', (tx) =>
      requestResult<DraftRecord[]>(tx.objectStore(STORE.drafts).index('code').getAll(key.code)),
    );
    const newest = all
      .filter((r) => r.version !== key.version && r.expiresAt > this.now())
      .sort((a, b) => b.savedAt - a.savedAt)[0];
    return newest && openRecord(this.cipher, newest);
  }

  /**
   * Writes the paths this tab changed onto the stored draft (creating it), in one transaction:
   * whatever another tab wrote to other paths is kept. Resolves with the record as stored.
   */
  async save(key: DraftKey, change: SaveChange, options: SaveOptions): Promise<DraftRecord> {
    if (this.cipher) return this.saveSealed(key, change, options, this.cipher);
    const id = draftId(key);
    const now = this.now();
    return this.write(async (tx) => {
      const store = tx.objectStore(STORE.drafts);
      const current = await requestResult<DraftRecord | undefined>(store.get(id));
      if (current && options.afresh) throw new DraftTakenError(TAKEN);
      const rev = current?.rev ?? (await lastClaimed(tx, id));
      const base = baseOf(current, options, now);
      if (current && !base) {
        // A draft started afresh: the old one's files go with it.
        const files = tx.objectStore(STORE.files);
        const keys = await requestResult(files.index('draft').getAllKeys(id));
        for (const k of keys) await requestResult(files.delete(k));
      }
      const record = nextRecord(id, key, change, options, current, rev, now);
      claim(tx, id, record.rev);
      await requestResult(store.put(record));
      return record;
    });
  }

  /**
   * Keeps a document slot's files with the draft: files on the server by their URL, the others
   * as Blobs while the draft's Blobs stay within `capBytes` in all. Blobs of files no longer in
   * the slot are deleted.
   */
  async keepFiles(
    key: DraftKey,
    slot: string,
    files: readonly FileToKeep[],
    options: { capBytes: number; writer: string },
  ): Promise<KeepFilesResult> {
    const id = draftId(key);
    const notKept: KeepFilesResult['notKept'] = [];
    const rows = await this.fileRows(id);
    const inOtherSlots = rows.filter((r) => !r.id.startsWith(`${id}|${slot}|`));
    let used = inOtherSlots.reduce((n, r) => n + rowSize(r), 0);
    const kept: DraftDocument[] = [];
    const newRows: FileRow[] = [];
    for (const [i, f] of files.entries()) {
      const doc: DraftDocument = {
        slot,
        name: f.name,
        type: f.type,
        size: f.size,
        sha256: f.sha256,
        ...(f.url ? { url: f.url } : {}),
        ...(f.chosenName ? { chosenName: f.chosenName } : {}),
        ...(f.pending && !f.url ? { pending: true as const } : {}),
      };
      if (!f.url) {
        if (!f.file || f.file.size === 0) {
          notKept.push({ name: f.name, reason: 'missing' });
          continue;
        }
        if (used + f.file.size > options.capBytes) {
          notKept.push({ name: f.name, reason: 'too-large' });
          continue;
        }
        used += f.file.size;
        doc.blobId = `${id}|${slot}|${i}|${f.sha256}`;
        newRows.push({ id: doc.blobId, draft: id, blob: f.file });
      }
      kept.push(doc);
    }
    const write = async (plainRows: FileRow[], plainDocs: DraftDocument[]) => {
      // Encrypted before the transaction opens: Web Crypto would let it commit half-way.
      const rowsToWrite = await sealRows(this.cipher, plainRows);
      const sealedDocs = await sealDocuments(this.cipher, id, slot, plainDocs);
      return this.write(async (tx) => {
        const fileStore = tx.objectStore(STORE.files);
        const drafts = tx.objectStore(STORE.drafts);
        const current = await requestResult<(DraftRecord & StoredFields) | undefined>(
          drafts.get(id),
        );
        // No draft (deleted meanwhile, as when its dossier was sent in another tab): its files
        // would stay behind, attached to nothing.
        if (!current) return;
        for (const r of rows) {
          if (r.id.startsWith(`${id}|${slot}|`)) await requestResult(fileStore.delete(r.id));
        }
        for (const r of rowsToWrite) await requestResult(fileStore.put(r));
        if (sealedDocs) {
          current.sealedDocuments = { ...current.sealedDocuments, [slot]: sealedDocs };
        } else {
          current.documents = { ...current.documents, [slot]: plainDocs };
        }
        current.rev += 1;
        current.writer = options.writer;
        claim(tx, id, current.rev);
        await requestResult(drafts.put(current));
      });
    };
    try {
      await write(newRows, kept);
    } catch (error) {
      // Storage full: keep what needs no bytes (files already on the server) and say which
      // files will have to be chosen again.
      const withoutBlobs = kept.filter((d) => !d.blobId);
      for (const d of kept) if (d.blobId) notKept.push({ name: d.name, reason: 'quota' });
      await write([], withoutBlobs).catch(() => undefined);
      if (withoutBlobs.length === kept.length) throw error;
    }
    return { notKept };
  }

  /** The files of a draft's slot, with their bytes where they were kept. */
  async files(key: DraftKey, docs: readonly DraftDocument[]): Promise<FileToKeep[]> {
    const rows = new Map((await this.fileRows(draftId(key))).map((r) => [r.id, r]));
    const out: FileToKeep[] = [];
    for (const d of docs) {
      const { blobId, pending, ...rest } = d;
      if (blobId) {
        const row = rows.get(blobId);
        const blob = row && (await openRow(this.cipher, row));
        if (!blob) continue;
        out.push({ ...rest, file: blob, ...(pending ? { pending: true } : {}) });
      } else {
        out.push(rest);
      }
    }
    return out;
  }

  /**
   * `save` with encryption: the patch is computed on the decrypted draft and sealed outside any
   * transaction, then written only if no other tab wrote in between (same `rev`); otherwise
   * read again and retried, so another tab's answers to other questions still survive. Throws
   * DraftDeletedError when the draft it was first built on was deleted since: written again,
   * a dossier sent (or a draft cleared) in another tab would come back.
   */
  private async saveSealed(
    key: DraftKey,
    change: SaveChange,
    options: SaveOptions,
    cipher: DraftCipher,
  ): Promise<DraftRecord> {
    for (let attempt = 0; ; attempt++) {
      const sealed = await this.seal(key, change, options, cipher);
      const { id } = sealed.stored;
      const base = sealed.record.rev - 1;
      const written = await this.write(async (tx) => {
        const drafts = tx.objectStore(STORE.drafts);
        const now = await requestResult<DraftRecord | undefined>(drafts.get(id));
        if (now && options.afresh) return null;
        if (await deletedSince(tx, id, sealed.since)) return undefined;
        if ((now?.rev ?? (await lastClaimed(tx, id))) !== base) return false;
        this.putSealed(tx, sealed);
        return true;
      });
      if (written === undefined) throw new DraftDeletedError('The draft was deleted meanwhile.');
      if (written === null) throw new DraftTakenError(TAKEN);
      if (written) {
        this.wrote(sealed);
        return sealed.record;
      }
      if (attempt >= 5) throw new Error('The draft keeps changing in another tab.');
    }
  }

  /**
   * The draft as `save` would write it, sealed now to be written later by `putNow`
   * (seal-ahead.ts); undefined without a cipher (nothing is kept in clear).
   */
  async sealAhead(
    key: DraftKey,
    change: SaveChange,
    options: SaveOptions,
  ): Promise<SealedDraft | undefined> {
    return this.cipher && this.seal(key, change, options, this.cipher);
  }

  /**
   * Writes a draft sealed ahead at once: the transaction is opened and the record put before
   * this returns, with no await, so a page being unloaded still commits it. Only while nothing
   * was written since it was read (by this tab, or by another as far as `touch` was told):
   * otherwise undefined, as it would overwrite that write. Resolves with true once committed;
   * with false when another tab had written that revision first, unknown to this one yet (its
   * message was on its way): the revision's claim exists, so nothing was put (see `claim`).
   */
  putNow(sealed: SealedDraft): Promise<boolean> | undefined {
    if (!this.fresh(sealed.writes)) return undefined;
    let claimed: IDBRequest | undefined;
    return this.write((tx) => {
      claimed = this.putSealed(tx, sealed);
      // Committed now, not when the task ends: the page may not see its end.
      tx.commit?.();
    }).then(
      () => {
        this.wrote(sealed);
        return true;
      },
      (error: unknown) => {
        if (claimed?.error?.name !== 'ConstraintError') throw error;
        return false;
      },
    );
  }

  /** Nothing was written (by this store) since the write count was `writes`. */
  private fresh(writes: number): boolean {
    return writes === this.writes && this.writing === 0;
  }

  /** `sealed` is what is stored now (as far as this tab knows). */
  private wrote(sealed: SealedDraft): void {
    this.seen.set(sealed.stored.id, sealed.record.rev);
    this.known = {
      id: sealed.stored.id,
      stored: sealed.stored,
      current: sealed.record,
      rev: sealed.record.rev,
      writes: this.writes,
    };
  }

  /** Another tab wrote a draft: what was sealed ahead here is stale. */
  touch(): void {
    this.writes++;
  }

  private async seal(
    key: DraftKey,
    change: SaveChange,
    options: SaveOptions,
    cipher: DraftCipher,
  ): Promise<SealedDraft> {
    const writes = this.writes;
    const id = draftId(key);
    const now = this.now();
    // The draft as this store last read or wrote it, while nothing was written since: sealing
    // ahead then takes one encryption, no read (a millisecond, not several).
    // An `afresh` draft builds on nothing this tab read: the draft it knew is gone.
    const known =
      this.known?.id === id && this.fresh(this.known.writes) && !options.afresh
        ? this.known
        : undefined;
    const seen = options.afresh ? undefined : this.seen.get(id);
    const [stored, rev] = known
      ? [known.stored, known.rev]
      : await this.db.run([STORE.drafts, STORE.revisions], 'readonly', async (tx) => {
          const got = await requestResult<(DraftRecord & StoredFields) | undefined>(
            tx.objectStore(STORE.drafts).get(id),
          );
          if (seen !== undefined && (await deletedSince(tx, id, seen))) return [];
          return [got, got?.rev ?? (await lastClaimed(tx, id))] as const;
        });
    if (rev === undefined) throw new DraftDeletedError('The draft was deleted meanwhile.');
    this.seen.set(id, rev);
    const current = known ? known.current : stored && (await openRecord(cipher, stored));
    if (!known && this.fresh(writes)) this.known = { id, stored, current, rev, writes };
    const base = baseOf(current, options, now);
    const record = nextRecord(id, key, change, options, current, rev, now);
    const sealedAnswers = await cipher.seal(record.answers, `${id}|answers`);
    return {
      record,
      stored: {
        ...record,
        answers: {},
        documents: {},
        sealedAnswers,
        ...(base && stored?.sealedDocuments ? { sealedDocuments: stored.sealedDocuments } : {}),
      },
      fresh: !!current && !base,
      writes,
      since: seen ?? rev,
    };
  }

  /**
   * Puts a sealed draft and claims its revision (the claim's request is returned); a draft
   * started afresh loses the old one's files (ids `id|…`).
   */
  private putSealed(tx: IDBTransaction, sealed: SealedDraft): IDBRequest {
    const { id } = sealed.stored;
    const claimed = claim(tx, id, sealed.stored.rev);
    if (sealed.fresh)
      tx.objectStore(STORE.files).delete(IDBKeyRange.bound(`${id}|`, `${id}|\uffff`));
    tx.objectStore(STORE.drafts).put(sealed.stored);
    return claimed;
  }

  /** Every write goes through here, counted (see putNow). */
  private write<T>(action: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
    this.writes++;
    this.writing++;
    const stores = [STORE.drafts, STORE.files, STORE.revisions];
    return this.db.run(stores, 'readwrite', action).finally(() => {
      this.writing--;
      this.writes++;
    });
  }

  private fileRows(id: string): Promise<FileRow[]> {
    return this.db.run([STORE.files], 'readonly', (tx) =>
      requestResult<FileRow[]>(tx.objectStore(STORE.files).index('draft').getAll(id)),
    );
  }

  /**
   * Whether draft `key` was deleted (sent, or cleared, in another tab) after the revision this
   * store last read or wrote of it; false when it read none.
   */
  async deletedSinceSeen(key: DraftKey): Promise<boolean> {
    const id = draftId(key);
    const seen = this.seen.get(id);
    if (seen === undefined) return false;
    return this.db.run([STORE.revisions], 'readonly', (tx) => deletedSince(tx, id, seen));
  }

  /**
   * Forgets the revision of draft `key` this store read: a tab that took nothing from a draft
   * deleted since builds its next save on no revision of it (a new draft after the tombstone).
   * False when it had read none.
   */
  forget(key: DraftKey): boolean {
    const id = draftId(key);
    if (this.known?.id === id) this.known = undefined;
    return this.seen.delete(id);
  }

  /**
   * Deletes a draft and its files. A draft sent or cleared leaves a tombstone after its last
   * revision: a write sealed from it before (another tab's, as its page goes) cannot bring it
   * back (revisions.ts). An expired one does not (`expired`): a tab still open on it, idle for
   * days, saves its answers afresh when the person comes back to it.
   */
  async delete(key: DraftKey, expired = false): Promise<void> {
    const id = draftId(key);
    const now = this.now();
    await this.write(async (tx) => {
      const drafts = tx.objectStore(STORE.drafts);
      const revisions = tx.objectStore(STORE.revisions);
      const record = await requestResult<DraftRecord | undefined>(drafts.get(id));
      if (expired) {
        revisions.delete(claims(id, Infinity));
        this.seen.delete(id);
      } else {
        const rev = Math.max(record?.rev ?? 0, await lastClaimed(tx, id));
        const ttl = record ? record.expiresAt - record.savedAt : DEFAULT_TTL_DAYS * DAY_MS;
        bury(tx, id, rev, { deletedAt: now, until: now + ttl });
        // This store's own next save starts the draft afresh after the tombstone.
        if (rev > 0) this.seen.set(id, rev + 1);
      }
      await requestResult(drafts.delete(id));
      const files = tx.objectStore(STORE.files);
      const keys = await requestResult(files.index('draft').getAllKeys(id));
      for (const k of keys) await requestResult(files.delete(k));
    });
  }

  /** Deletes every expired draft of this origin; resolves with how many. */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    const all = await this.db.run([STORE.drafts], 'readonly', (tx) =>
      requestResult<DraftRecord[]>(tx.objectStore(STORE.drafts).getAll()),
    );
    const expired = all.filter((r) => r.expiresAt <= now);
    for (const r of expired) await this.delete(r, true);
    // A read-only look first: nothing due (nearly every load), no read-write transaction that
    // would wait for, and hold up, other tabs' writes.
    const due = await this.db.run([STORE.revisions], 'readonly', (tx) => tombstonesDue(tx, now));
    if (due) {
      await this.db.run([STORE.revisions], 'readwrite', (tx) => removeOldTombstones(tx, now));
    }
    return expired.length;
  }
}

function allPaths(change: SaveChange): string[] {
  // A new draft takes every answer the tab has.
  return [...new Set([...change.paths, ...Object.keys(change.answers)])];
}

/** The stored draft a save builds on: none when it expired or the draft starts afresh. */
function baseOf(
  current: DraftRecord | undefined,
  options: SaveOptions,
  now: number,
): DraftRecord | undefined {
  return current && current.expiresAt > now && !options.replace ? current : undefined;
}

/**
 * The draft a save writes over `current` (the stored one, if any): this tab's changed paths
 * patched onto it, or every answer when it expired or the draft starts afresh (`replace`).
 */
function nextRecord(
  id: string,
  key: DraftKey,
  change: SaveChange,
  options: SaveOptions,
  current: DraftRecord | undefined,
  /** The revision it builds on: the stored draft's, or with none the last one claimed. */
  rev: number,
  now: number,
): DraftRecord {
  const base = baseOf(current, options, now);
  return {
    id,
    code: key.code,
    version: key.version,
    answers: patch(base?.answers ?? {}, change.answers, base ? change.paths : allPaths(change)),
    page: change.page,
    dataSchema: change.dataSchema,
    labels: change.labels,
    documents: base?.documents ?? {},
    savedAt: now,
    expiresAt: now + options.ttlDays * DAY_MS,
    rev: rev + 1,
    writer: options.writer,
  };
}
