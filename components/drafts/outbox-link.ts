/**
 * The offline outbox as the DraftController uses it: a submission that failed for lack of
 * network is kept (with its own Idempotency-Key and signed bytes, from the submission object)
 * and sent when the network comes back, on the next visit or when the tab is shown again.
 */
import type { PayloadDocument, SubmissionPayload } from '../../src/submission/index.js';
import { signSubmission } from '../submission/submit.js';
import { sendSubmission } from '../submission/transport.js';
import type { DraftController } from './controller.js';
import { DEFAULT_FILE_CAP_MB } from './draft-store.js';
import {
  OUTBOX_RESULT,
  Outbox,
  isOfflineFailure,
  type OutboxEntry,
  type OutboxFile,
  type OutboxResult,
  type OutboxSigning,
} from './outbox.js';
import { DRAFT_PHASE, NOTICE_KIND } from './types.js';

export class DraftOutboxLink {
  constructor(private readonly ctl: DraftController) {}

  outbox?: Promise<Outbox | undefined>;

  openOutbox(): Promise<Outbox | undefined> {
    this.outbox ??= Outbox.open({
      factory: this.ctl.options.factory,
      name: this.ctl.options.dbName,
      now: this.ctl.options.now,
      cipher: () => this.ctl.cipher(),
      send:
        this.ctl.options.send ??
        ((jws, o) => sendSubmission(jws, { ...o, maxAttempts: 2, baseDelayMs: 1000 })),
      sign:
        this.ctl.options.sign ??
        ((payload, signing: OutboxSigning) => signSubmission(payload, { ...signing })),
    }).catch((cause: unknown) => {
      console.error('dvc-form: the outbox cannot be opened', cause);
      return undefined;
    });
    return this.outbox;
  }

  /**
   * After a failed delivery: when the failure is a lack of network, keeps the submission in the
   * outbox (with the key and, when it got that far, the signed bytes of the failed attempt) and
   * resolves true; the form then says it will be sent automatically. Files that travel as
   * multipart parts (no upload endpoint) are kept with it as Blobs while they stay within
   * `draft-file-cap-mb`; beyond that the person is told the application cannot wait for the
   * network on this device, and it resolves false.
   */
  async queueIfOffline(
    payload: SubmissionPayload,
    cause: unknown,
    ctx: {
      action: string;
      challengeEndpoint?: string;
      /**
       * The payload's documents with their bytes (`form.collectDocumentFiles()`), in payload
       * order: those without `url` are kept for the multipart body.
       */
      documents?: readonly (PayloadDocument & { file?: Blob })[];
      /**
       * The failed submission itself (the delivery's `pending`, a `SignedSubmission`'s
       * `idempotencyKey` and `pendingJws`): its Idempotency-Key and the signed bytes it sent.
       */
      submission?: { idempotencyKey?: string; jws?: string };
    },
  ): Promise<boolean> {
    if (this.ctl.options.enabled?.() === false || !isOfflineFailure(cause)) return false;
    // "Không lưu" means nothing kept on this device, a waiting application included.
    if (this.ctl.phase === DRAFT_PHASE.declined) return false;
    const withFiles: readonly (PayloadDocument & { file?: Blob })[] =
      ctx.documents ?? payload.documents;
    const docs: PayloadDocument[] = withFiles.map(({ file: _file, ...d }) => d);
    const files: OutboxFile[] = [];
    for (const d of withFiles) {
      if (d.url) continue;
      // A file whose bytes are gone (not kept across a reload) cannot be sent later.
      if (!d.file || d.file.size !== d.size) return false;
      files.push({ slot: d.slot, name: d.name, file: d.file });
    }
    const capBytes = (this.ctl.options.fileCapMb?.() ?? DEFAULT_FILE_CAP_MB) * 1024 * 1024;
    if (files.reduce((n, f) => n + f.file.size, 0) > capBytes) {
      this.ctl.notify({
        kind: NOTICE_KIND.outbox,
        role: 'alert',
        text: (m) => m.queueFilesTooLarge,
      });
      return false;
    }
    // The submission that failed names its key and, when it got as far as sending, its signed
    // bytes: the outbox sends those very bytes under that key. Without a key, none was sent.
    const key = ctx.submission?.idempotencyKey ?? crypto.randomUUID();
    const jws = ctx.submission?.idempotencyKey ? ctx.submission.jws : undefined;
    // Absolute, against this page's base URL (its <base href>): the outbox may send from
    // another page of the site, where `api/dossiers` as written names another address.
    const absolute = (url: string) => new URL(url, document.baseURI).href;
    return this.queue({
      key,
      action: absolute(ctx.action),
      ...(jws ? { jws } : {}),
      form: structuredClone(payload),
      signing: {
        ...(ctx.challengeEndpoint ? { challengeEndpoint: absolute(ctx.challengeEndpoint) } : {}),
        documents: structuredClone(docs),
      },
      ...(files.length > 0 ? { files } : {}),
    });
  }

  /**
   * Keeps a submission that could not be sent for lack of network; it goes when the network
   * comes back. The draft is kept until it has been delivered.
   */
  async queue(entry: Omit<OutboxEntry, 'queuedAt' | 'attempts'>): Promise<boolean> {
    await this.ctl.flush();
    const outbox = await this.openOutbox();
    if (!outbox) return false;
    try {
      await outbox.enqueue(entry);
    } catch (cause) {
      this.ctl.storageFailed(cause);
      return false;
    }
    // The person pressed "Gửi hồ sơ": focus goes to what became of it, as it goes to the error
    // summary when sending failed and to the heading of "Đã gửi hồ sơ".
    this.ctl.notify({
      kind: NOTICE_KIND.outbox,
      role: 'status',
      focus: true,
      text: (m) => m.queued,
    });
    return true;
  }

  onOnline = (): void => {
    void this.flushOutbox();
  };

  /** Sends what the outbox holds; resolves with what happened to each entry. */
  async flushOutbox(): Promise<OutboxResult[]> {
    const outbox = await this.openOutbox();
    if (!outbox) return [];
    let entries: OutboxEntry[];
    try {
      entries = await outbox.list();
    } catch {
      return [];
    }
    if (entries.length === 0) return [];
    if (entries.some((e) => this.isMine(e))) {
      this.ctl.notify({ kind: NOTICE_KIND.outbox, role: 'status', text: (m) => m.queuedSending });
    }
    const results = await outbox.flush();
    const store = await this.ctl.openStore();
    for (const r of results) {
      const mine = this.isMine(r.entry);
      if (r.result === OUTBOX_RESULT.sent) {
        await store?.delete(r.entry.form.procedure).catch(() => undefined);
        if (mine) {
          const code = dossierCodeOf(r.response);
          this.ctl.phase = DRAFT_PHASE.done;
          this.ctl.offer = undefined;
          clearTimeout(this.ctl.timer);
          this.ctl.timer = undefined;
          this.ctl.notify({
            kind: NOTICE_KIND.outbox,
            role: 'status',
            text: (m) => (code ? m.queuedSent(code) : m.queuedSentNoCode),
          });
          this.ctl.options.onDelivered?.(r.entry, r.response);
        }
      } else if (r.result === OUTBOX_RESULT.rejected && mine) {
        const reason = problemText(r.error);
        this.ctl.notify({
          kind: NOTICE_KIND.outbox,
          role: 'alert',
          text: (m) => m.queuedRejected(reason),
        });
      } else if (mine) {
        this.ctl.notify({ kind: NOTICE_KIND.outbox, role: 'status', text: (m) => m.queued });
      }
    }
    return results;
  }

  private isMine(entry: OutboxEntry): boolean {
    return (
      !!this.ctl.key &&
      entry.form.procedure.code === this.ctl.key.code &&
      entry.form.procedure.version === this.ctl.key.version
    );
  }
}

function dossierCodeOf(response: unknown): string | undefined {
  const code = (response as { dossierCode?: unknown } | null)?.dossierCode;
  return typeof code === 'string' ? code : undefined;
}

function problemText(error: unknown): string {
  const p = (error as { problem?: { detail?: string; title?: string } } | undefined)?.problem;
  return p?.detail || p?.title || String((error as Error | undefined)?.message ?? '');
}
