/**
 * The offline outbox: an application whose sending failed for lack of network is kept in
 * IndexedDB with its Idempotency-Key and sent when the connection returns (`online`), on the
 * next visit to any page of the origin with a `<dvc-form>`, or when the tab becomes visible.
 *
 * No duplicate dossier can come of it: every send of an entry carries the same Idempotency-Key,
 * and the receiver stores at most one dossier per key (docs/receiver.md "Idempotency"). The first
 * signed bytes are sent again as they are when the entry has them; only when the receiver refuses
 * them because the one-time nonce has expired — which proves it never stored them, or it would
 * have replayed its first answer — is the payload signed again with a fresh challenge, under the
 * same key. `idempotency-key-reused` means the receiver already holds a dossier under this key:
 * the entry is done.
 */
import type { PayloadDocument, SubmissionPayload } from '../../src/submission/index.js';
import type { DocumentWithFile } from '../submission/transport.js';
import { STORE, openDraftDatabase, requestResult, type DraftDatabase } from './db.js';
import type { DraftCipher } from './crypto.js';
import { openEntry, sealEntry, type StoredEntry } from './sealed-outbox.js';

/** How a queued payload is signed again: a fresh challenge, and its documents in order. */
export interface OutboxSigning {
  challengeEndpoint?: string;
  documents?: PayloadDocument[];
}

export interface OutboxEntry {
  /** The Idempotency-Key, generated once for this application. */
  key: string;
  action: string;
  /** The signed submission, when it was signed before the network went away. */
  jws?: string;
  /** The payload (the session's `toPayload()`), signed again with a fresh nonce if need be. */
  form: SubmissionPayload;
  signing: OutboxSigning;
  /**
   * The bytes of the documents that travel as multipart parts (no upload endpoint), in the
   * order of `signing.documents` entries without a `url` (stored as bytes, stored-bytes.ts).
   */
  files?: OutboxFile[];
  /** Epoch ms. */
  queuedAt: number;
  attempts: number;
  lastAttemptAt?: number;
}

/** A document file kept with a queued submission, for a multipart body. */
export interface OutboxFile {
  slot: string;
  name: string;
  file: Blob;
}

/** How the outbox sends (sendSubmission from components/submission, or a fake in tests). */
export type OutboxSend = (
  jws: string,
  options: {
    action: string;
    idempotencyKey: string;
    lang: string;
    /**
     * The payload's documents, with `file` on those sent as multipart parts and `url` on those
     * uploaded beforehand; absent when the payload has no document.
     */
    documents?: DocumentWithFile[];
  },
) => Promise<{ status: number; body: unknown; replayed: boolean }>;

/**
 * The payload's documents with the kept bytes put back on those without a `url`, in order: the
 * body is then built as on the first attempt (`file:<slot>:<n>` counting every entry of the
 * slot), so the receiver sees the same parts and can replay its first answer.
 */
export function documentsWithFiles(entry: OutboxEntry): DocumentWithFile[] | undefined {
  const files = entry.files ?? [];
  // Uploaded documents are passed too: the sender adds their upload tokens (upload-tokens.ts).
  if (files.length === 0 && !(entry.signing.documents ?? []).some((d) => d.url)) return undefined;
  let next = 0;
  return (entry.signing.documents ?? []).map((d) => {
    if (d.url) return { slot: d.slot, name: d.name, url: d.url };
    const kept = files[next++];
    return { slot: d.slot, name: d.name, ...(kept ? { file: kept.file } : {}) };
  });
}
/** How the outbox signs again (signSubmission from components/submission). */
export type OutboxSign = (
  payload: SubmissionPayload,
  signing: OutboxSigning,
) => Promise<{ jws: string }>;

export const OUTBOX_RESULT = {
  /** The receiver stored it (or had already). */
  sent: 'sent',
  /** Still no network or a server error: kept for later. */
  waiting: 'waiting',
  /** The receiver refused it for good (4xx); removed from the outbox. */
  rejected: 'rejected',
} as const;
export type OutboxResultKind = (typeof OUTBOX_RESULT)[keyof typeof OUTBOX_RESULT];

export interface OutboxResult {
  entry: OutboxEntry;
  result: OutboxResultKind;
  /** The receiver's answer for `sent` (e.g. `{ dossierCode }`); undefined when it was a reuse. */
  response?: unknown;
  /** The error for `waiting` and `rejected`. */
  error?: unknown;
}

interface ErrorShape {
  kind?: string;
  status?: number;
  problem?: { type?: string; errors?: { code: string }[] };
}

const NONCE_CODES = new Set(['nonce-replayed', 'nonce-expired', 'nonce-unknown']);

function classify(error: unknown): 'retry' | 'resign' | 'already' | 'rejected' {
  const e = (error ?? {}) as ErrorShape;
  if (e.kind === 'rejected') {
    const type = e.problem?.type ?? '';
    if (type.endsWith(':idempotency-key-reused')) return 'already';
    // 409: another tab is sending the same entry right now; look again later.
    if (e.status === 409) return 'retry';
    if (e.problem?.errors?.some((x) => NONCE_CODES.has(x.code))) return 'resign';
    return 'rejected';
  }
  return 'retry';
}

/**
 * Whether a failed submission should go to the outbox: no network (fetch's TypeError, a
 * transport error without an HTTP status, the browser saying it is offline).
 */
export function isOfflineFailure(error: unknown, online = globalThis.navigator?.onLine): boolean {
  // The server answered but refused this page's origin (CORS): waiting for the network cannot help.
  if ((error as { kind?: unknown } | null)?.kind === 'blocked') return false;
  if (online === false) return true;
  if (error instanceof TypeError) return true;
  const e = (error ?? {}) as ErrorShape & { code?: string; name?: string };
  if (e.kind === 'network') return true;
  // TransportError of the challenge fetch: no status means no answer at all.
  return e.code === 'transport' && e.kind === undefined && e.status === undefined;
}

export interface OutboxOptions {
  factory?: IDBFactory;
  name?: string;
  now?: () => number;
  send: OutboxSend;
  sign: OutboxSign;
  /** Web Locks, so two tabs do not send the same entry at once (default navigator.locks). */
  locks?: LockManager;
  /**
   * Encrypts entries at rest (crypto.ts); asked for only when an entry is written or a sealed
   * one read, so a device with nothing queued gets no key.
   */
  cipher?: () => Promise<DraftCipher>;
}

export class Outbox {
  private flushing?: Promise<OutboxResult[]>;

  private constructor(
    private readonly db: DraftDatabase,
    private readonly options: OutboxOptions,
  ) {}

  static async open(options: OutboxOptions): Promise<Outbox> {
    return new Outbox(await openDraftDatabase(options.factory, options.name), options);
  }

  close(): void {
    this.db.close();
  }

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Queues an application (replacing an entry with the same key). */
  async enqueue(
    entry: Omit<OutboxEntry, 'queuedAt' | 'attempts'> & Partial<OutboxEntry>,
  ): Promise<OutboxEntry> {
    const full: OutboxEntry = { attempts: 0, queuedAt: this.now, ...entry };
    const stored = await sealEntry(this.options.cipher, full);
    await this.db.run([STORE.outbox], 'readwrite', (tx) =>
      requestResult(tx.objectStore(STORE.outbox).put(stored)),
    );
    return full;
  }

  async list(): Promise<OutboxEntry[]> {
    const stored = await this.db.run([STORE.outbox], 'readonly', (tx) =>
      requestResult<StoredEntry[]>(tx.objectStore(STORE.outbox).getAll()),
    );
    const all: OutboxEntry[] = [];
    for (const s of stored) {
      const entry = await openEntry(this.options.cipher, s);
      if (entry) all.push(entry);
    }
    return all.sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async remove(key: string): Promise<void> {
    await this.db.run([STORE.outbox], 'readwrite', (tx) =>
      requestResult(tx.objectStore(STORE.outbox).delete(key)),
    );
  }

  private async update(entry: OutboxEntry): Promise<void> {
    const stored = await sealEntry(this.options.cipher, entry);
    await this.db.run([STORE.outbox], 'readwrite', async (tx) => {
      const store = tx.objectStore(STORE.outbox);
      // Another tab may have finished it meanwhile: do not bring it back.
      if ((await requestResult(store.getKey(entry.key))) !== undefined) {
        await requestResult(store.put(stored));
      }
    });
  }

  /**
   * Tries every queued entry once. Concurrent calls share one run; across tabs, a Web Lock
   * keeps a second tab from sending while the first does (it gets an empty result).
   */
  flush(): Promise<OutboxResult[]> {
    this.flushing ??= this.flushLocked().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushLocked(): Promise<OutboxResult[]> {
    const locks = this.options.locks ?? globalThis.navigator?.locks;
    if (!locks) return this.flushAll();
    return locks.request('dvc-forms-outbox', { ifAvailable: true }, async (lock) =>
      lock ? this.flushAll() : [],
    );
  }

  private async flushAll(): Promise<OutboxResult[]> {
    const results: OutboxResult[] = [];
    for (const entry of await this.list()) results.push(await this.sendOne(entry));
    return results;
  }

  private async sendOne(entry: OutboxEntry): Promise<OutboxResult> {
    const current: OutboxEntry = { ...entry };
    let resigned = false;
    for (;;) {
      current.attempts += 1;
      current.lastAttemptAt = this.now;
      try {
        if (!current.jws) {
          current.jws = (await this.options.sign(current.form, current.signing)).jws;
          resigned = true;
          // Keep the bytes before sending: if the answer is lost they must be sent again as is.
          await this.update(current);
        }
        const documents = documentsWithFiles(current);
        const sent = await this.options.send(current.jws, {
          action: current.action,
          idempotencyKey: current.key,
          lang: current.form.lang,
          ...(documents ? { documents } : {}),
        });
        await this.remove(current.key);
        return { entry: current, result: OUTBOX_RESULT.sent, response: sent.body };
      } catch (error) {
        const what = classify(error);
        if (what === 'already') {
          await this.remove(current.key);
          return { entry: current, result: OUTBOX_RESULT.sent };
        }
        if (what === 'resign' && !resigned) {
          current.jws = undefined;
          continue;
        }
        if (what === 'retry' || what === 'resign') {
          await this.update(current).catch(() => undefined);
          return { entry: current, result: OUTBOX_RESULT.waiting, error };
        }
        await this.remove(current.key);
        return { entry: current, result: OUTBOX_RESULT.rejected, error };
      }
    }
  }
}
