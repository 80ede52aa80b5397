/**
 * DraftController: what `<dvc-form>` adds (a few lines) so nothing typed is lost.
 *
 * - Autosave: every change of answers or page is written to IndexedDB, debounced (500 ms) and
 *   flushed at once on `pagehide` and when the tab is hidden (a phone switching apps); the
 *   latest change is sealed ahead so a page being unloaded still writes it (seal-ahead.ts).
 * - Resume: a draft for the same procedure code + version is offered back ("Tiếp tục hồ sơ đang
 *   khai" / "Khai lại từ đầu"); a draft for another version is carried over field by field and
 *   the questions to answer again are listed by label. Drafts expire after `ttlDays`.
 * - Files: document files not yet on the server are kept as Blobs within a size cap.
 * - Two tabs: each tab writes only the answers it changed (one IndexedDB transaction), and tells
 *   the others over a BroadcastChannel; they take the newer answers and say so. Last writer wins
 *   per answer, never for the whole draft.
 * - Offline: `queue()` keeps a submission in the outbox; it is sent on `online`, on the next
 *   visit and when the tab becomes visible again.
 */
import { type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Procedure } from '../../src/procedure/index.js';
import { fieldLabels } from './carry-over.js';
import { isQuotaError } from './db.js';
import { DraftCipher, KEY_DB_NAME } from './crypto.js';
import { CONSENT, consentMessages } from './consent.js';
import {
  DEFAULT_TTL_DAYS,
  DraftDeletedError,
  DraftStore,
  draftId,
  type DraftKey,
  type SaveChange,
  type SaveOptions,
} from './draft-store.js';
import { draftMessages, type DraftMessages } from './messages.js';
import { type OutboxResult } from './outbox.js';
import { changedPaths } from './paths.js';
import { DraftFiles } from './kept-files.js';
import { renderDraftNotices, renderDraftOffer } from './notices.js';
import { DraftOutboxLink } from './outbox-link.js';
import { DeletedElsewhere } from './deleted-elsewhere.js';
import { SealAhead } from './seal-ahead.js';
import { DraftResume } from './resume.js';
import { DeviceData } from './device-data.js';
import { OtherTabs } from './other-tabs.js';
import {
  DRAFT_CHANNEL,
  DRAFT_PHASE,
  NOTICE_KIND,
  type ChannelMessage,
  type DraftControllerOptions,
  type DraftNotice,
  type DraftPhase,
  type NoticeKind,
  type Offer,
} from './types.js';

export {
  DRAFT_CHANNEL,
  DRAFT_PHASE,
  NOTICE_KIND,
  type DraftControllerOptions,
  type DraftHostState,
  type DraftNotice,
  type DraftPhase,
  type NoticeKind,
} from './types.js';

type Host = ReactiveControllerHost & HTMLElement;

export class DraftController implements ReactiveController {
  readonly tabId = crypto.randomUUID();
  phase: DraftPhase = DRAFT_PHASE.idle;
  /** "Lưu tạm…?" answered while the drafts were still being read (see asksFirst). */
  private earlyConsent: boolean | undefined;
  offer?: Offer;
  notices: DraftNotice[] = [];

  /** @internal */
  store?: Promise<DraftStore | undefined>;
  /** @internal */
  cipherOpening?: Promise<DraftCipher>;
  /** @internal */
  procedure?: Procedure;
  /** @internal */
  key?: DraftKey;
  /** The answers as last saved by (or loaded into) this tab. */
  /** @internal */
  baseline: Record<string, unknown> = {};
  /** @internal */
  lastAnswers?: Record<string, unknown>;
  /** @internal */
  lastPage?: string;
  /** @internal */
  savedPage?: string;
  /** @internal */
  timer?: ReturnType<typeof setTimeout>;
  /** @internal */
  saving: Promise<void> = Promise.resolve();
  private channel?: BroadcastChannel;
  private checking?: Promise<void>;
  /** The next save replaces the stored draft instead of patching it. */
  /** @internal */
  replaceNext = false;
  /**
   * This tab's answers hold something of the stored draft: it resumed it, saved into it, or took
   * another tab's answers from it. Only then is its deletion elsewhere this tab's business
   * (deleted-elsewhere.ts); a tab holding none of it has its own answers, kept as a new draft.
   */
  /** @internal */
  holds = false;
  /** When the kept draft expires (epoch ms), for the "kept until" line. */
  /** @internal */
  expiresAt?: number;

  /** The offline outbox (outbox-link.ts). @internal */
  readonly outboxLink = new DraftOutboxLink(this);
  /** The document files kept with the draft (kept-files.ts). @internal */
  readonly files = new DraftFiles(this);
  /** The latest change, sealed for the page's last moment (seal-ahead.ts). @internal */
  readonly ahead = new SealAhead(this);
  /** Sent or started again in another tab (deleted-elsewhere.ts). @internal */
  readonly elsewhere = new DeletedElsewhere(this);
  /** The resume offer after a (re)load (resume.ts). @internal */
  readonly resuming = new DraftResume(this);
  /** "Xoá dữ liệu trên máy này", here or in another tab (device-data.ts). @internal */
  readonly device = new DeviceData(this);
  /** Another tab's messages (other-tabs.ts). @internal */
  readonly tabs = new OtherTabs(this);

  constructor(
    /** @internal */ readonly host: Host,
    /** @internal */ readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  /** @internal */
  get m(): DraftMessages {
    return draftMessages(this.options.lang());
  }

  // ---- lifecycle -------------------------------------------------------------------------

  hostConnected(): void {
    window.addEventListener('pagehide', this.onHide);
    // Before the next page is asked for: WebKit drops a transaction opened during `pagehide`.
    window.addEventListener('beforeunload', this.onHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.outboxLink.onOnline);
    this.host.addEventListener('dvc-change', this.files.onHostChange);
    this.host.addEventListener('dvc-submitted', this.onSubmitted);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(DRAFT_CHANNEL);
      this.channel.onmessage = (e: MessageEvent<ChannelMessage>) =>
        void this.tabs.onMessage(e.data);
    }
  }

  hostDisconnected(): void {
    void this.flush();
    window.removeEventListener('pagehide', this.onHide);
    window.removeEventListener('beforeunload', this.onHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.outboxLink.onOnline);
    this.host.removeEventListener('dvc-change', this.files.onHostChange);
    this.host.removeEventListener('dvc-submitted', this.onSubmitted);
    this.channel?.close();
    this.channel = undefined;
  }

  hostUpdated(): void {
    const s = this.options.state();
    if (!s) return;
    if (s.procedure !== this.procedure) {
      this.procedure = s.procedure;
      this.key = { code: s.procedure.code, version: s.procedure.version };
      this.phase = DRAFT_PHASE.idle;
      this.offer = undefined;
      this.holds = false;
      this.baseline = structuredClone(this.options.readyAnswers?.() ?? s.answers);
      this.lastAnswers = s.answers;
      this.lastPage = s.page;
      this.savedPage = s.page;
      this.checking = this.resuming.check();
      return;
    }
    this.files.applyPendingFiles();
    this.files.watchUploads();
    if (this.phase !== DRAFT_PHASE.active) return;
    if (s.answers !== this.lastAnswers || s.page !== this.lastPage) {
      this.lastAnswers = s.answers;
      this.lastPage = s.page;
      this.schedule();
    }
  }

  /** Resolves once the draft lookup after a (re)load is over: the offer is up or saving runs. */
  async ready(): Promise<void> {
    await this.checking;
  }

  /** @internal */
  openStore(): Promise<DraftStore | undefined> {
    // Never in clear: without Web Crypto (or its key store) no draft is kept at all.
    this.store ??= this.cipher()
      .then((cipher) =>
        DraftStore.open({
          factory: this.options.factory,
          name: this.options.dbName,
          now: this.options.now,
          cipher,
        }),
      )
      .catch((cause: unknown) => {
        console.error('dvc-form: drafts are off, IndexedDB cannot be opened', cause);
        this.phase = DRAFT_PHASE.off;
        this.notify({
          kind: NOTICE_KIND.storage,
          role: 'status',
          text: (m) => m.storageUnavailable,
        });
        return undefined;
      });
    return this.store;
  }

  /** The device's draft key, opened (and created) on first need only. */
  /** @internal */
  cipher(): Promise<DraftCipher> {
    this.cipherOpening ??= DraftCipher.open(this.options.factory, this.keyDbName);
    this.cipherOpening.catch(() => (this.cipherOpening = undefined));
    return this.cipherOpening;
  }

  // ---- resume ------------------------------------------------------------------------------
  // The lookup and the offer: resume.ts.

  /**
   * "Tiếp tục" or "Khai lại" under way (it first looks in the device's store whether the draft
   * was sent in another tab): the form's `settled()` awaits it, so a host or a test that presses
   * it and awaits `settled()` sees the answers in. Never rejects. @internal
   */
  busy: Promise<unknown> = Promise.resolve();

  /** Continue: the stored answers (carried over to this version if need be) and page come back. */
  resume(): Promise<void> {
    return this.track(this.resuming.resume());
  }

  /** Start again: the draft (and its files) is deleted. */
  restart(): Promise<void> {
    return this.track(this.resuming.restart());
  }

  private track(work: Promise<void>): Promise<void> {
    this.busy = work.catch(() => undefined);
    return work;
  }

  /** @internal */
  get keyDbName(): string {
    return this.options.dbName ? `${this.options.dbName}-keys` : KEY_DB_NAME;
  }

  /** A new application: ask before keeping it, unless the host page has asked already. @internal */
  askOrSave(): void {
    if ((this.options.consent?.() ?? CONSENT.ask) === CONSENT.granted) {
      this.phase = DRAFT_PHASE.active;
      this.catchUp();
    } else {
      this.phase = DRAFT_PHASE.ask;
      const early = this.earlyConsent;
      this.earlyConsent = undefined;
      if (early !== undefined) this.answerConsent(early);
    }
  }

  /**
   * The question is on screen from the form's first paint, while IndexedDB is still read: its
   * space is laid out with the fields, never pushed in above them (nothing moves under a finger).
   */
  asksFirst(): boolean {
    return (
      this.phase === DRAFT_PHASE.idle &&
      this.earlyConsent === undefined &&
      !!this.options.state() &&
      this.options.enabled?.() !== false &&
      (this.options.consent?.() ?? CONSENT.ask) !== CONSENT.granted
    );
  }

  /** The answer to "Lưu tạm hồ sơ trên thiết bị này?". */
  answerConsent(yes: boolean): void {
    if (this.asksFirst()) {
      // Answered before the draft look-up is over: applied by askOrSave.
      this.earlyConsent = yes;
      this.host.requestUpdate();
      return;
    }
    if (this.phase !== DRAFT_PHASE.ask) return;
    if (yes) {
      this.phase = DRAFT_PHASE.active;
      this.dismiss(NOTICE_KIND.consent);
      // What was typed before the answer is kept too: the person just agreed to it.
      this.catchUp();
      void this.save(true);
    } else {
      this.phase = DRAFT_PHASE.declined;
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).declined,
      });
    }
    this.host.requestUpdate();
  }

  /**
   * "Xoá dữ liệu trên máy này": deletes every draft, kept file, waiting application and the
   * draft key of this site on this device; nothing more is kept for this page.
   */
  clearDevice(): Promise<void> {
    return this.device.clear();
  }

  /** Saves what changed while the draft was being looked up. */
  private catchUp(): void {
    const s = this.options.state();
    if (!s) return;
    this.lastAnswers = s.answers;
    this.lastPage = s.page;
    if (changedPaths(this.baseline, s.answers).length > 0 || s.page !== this.savedPage) {
      this.schedule();
    }
  }

  // ---- autosave ----------------------------------------------------------------------------

  /** @internal */
  schedule(delay = this.options.debounceMs ?? 500): void {
    this.ahead.soon();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, delay);
  }

  /** Writes pending changes now (pagehide, tab hidden, tests). */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.save();
    }
    await this.saving;
  }

  /** @internal */
  save(force = false): Promise<void> {
    const run = this.saving.then(() => this.saveNow(force));
    // What was sealed ahead is stale once written over: sealed again if changes are left.
    this.saving = run.catch(() => undefined).finally(() => this.ahead.soon());
    return this.saving;
  }

  /** What a save would write now; undefined when nothing (`force`: even without a change). @internal */
  pending(force = false): { key: DraftKey; change: SaveChange; options: SaveOptions } | undefined {
    const s = this.options.state();
    if (this.phase !== DRAFT_PHASE.active || !this.key || !s || s.procedure !== this.procedure) {
      return undefined;
    }
    const paths = changedPaths(this.baseline, s.answers);
    if (!force && paths.length === 0 && s.page === this.savedPage) return undefined;
    const change = {
      answers: structuredClone(s.answers),
      paths,
      page: s.page,
      dataSchema: s.procedure.data,
      labels: fieldLabels(s.procedure),
    };
    const options = {
      writer: this.tabId,
      ttlDays: this.options.ttlDays?.() ?? DEFAULT_TTL_DAYS,
      replace: this.replaceNext,
    };
    return { key: this.key, change, options };
  }

  /**
   * `force`: write even without a change, so the draft record exists (files attach to it).
   * `again`: the second try after a refusal for a draft deleted elsewhere (no third).
   */
  private async saveNow(force = false, again = false): Promise<void> {
    const store = await this.openStore();
    const next = this.pending(force);
    if (!store || !next) return;
    const { key, change } = next;
    try {
      const saved = await store.save(key, change, next.options);
      this.replaceNext = false;
      if (saved.expiresAt !== this.expiresAt) {
        this.expiresAt = saved.expiresAt;
        this.host.requestUpdate();
      }
    } catch (cause) {
      // Sent or cleared in another tab since this one read it: this application is over here
      // too, as after sending; written, it would come back to be sent twice. Unless nothing of
      // it is on this page: then these answers are this tab's own, kept as a new draft.
      // The revision it built on is forgotten here, or was by the 'deleted' message meanwhile
      // (onDeleted, in parallel with this save): either way the next try starts a new draft.
      if (!(cause instanceof DraftDeletedError)) this.storageFailed(cause);
      else if (this.holds) this.elsewhere.stop();
      else if (!again) {
        store.forget(key);
        return this.saveNow(force, true);
      }
      return;
    }
    this.holds = true;
    this.baseline = change.answers;
    this.savedPage = change.page;
    this.dismiss(NOTICE_KIND.storage);
    this.broadcast({
      type: 'saved',
      id: draftId(key),
      writer: this.tabId,
      paths: [...change.paths],
    });
  }

  /** @internal */
  storageFailed(cause: unknown): void {
    console.error('dvc-form: the draft cannot be saved', cause);
    const full = isQuotaError(cause);
    this.notify({
      kind: NOTICE_KIND.storage,
      role: 'alert',
      text: (m) => (full ? m.storageFull : m.storageUnavailable),
    });
  }

  /** The page goes (or may): the change sealed ahead is put at once, the rest as it can. */
  private onHide = (): void => {
    if (this.phase === DRAFT_PHASE.active) this.ahead.writeNow();
    void this.flush();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.onHide();
    else void this.outboxLink.flushOutbox();
  };

  private onSubmitted = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Nothing of this application was kept (assisted mode, “Không lưu”, never answered): the
    // store is not opened, so no database or key is created on the device just to delete.
    const kept = this.phase === DRAFT_PHASE.active || this.phase === DRAFT_PHASE.offer;
    this.phase = DRAFT_PHASE.done;
    // Its "Giữ bản khai ở đây" would keep the dossier just sent; "Không lưu"'s "keep this page
    // open until it is sent" (or "what is on the page will not be kept") is done with too.
    this.dismiss(NOTICE_KIND.deleted);
    this.dismiss(NOTICE_KIND.consent);
    // The "kept on this device until …" bar and its "Xoá dữ liệu" go: nothing is kept now.
    this.host.requestUpdate();
    if (!kept) return;
    const key = this.key;
    void this.saving.then(async () => {
      const store = await this.openStore();
      if (!store || !key) return;
      await store.delete(key).catch((cause: unknown) => this.storageFailed(cause));
      this.broadcast({ type: 'deleted', id: draftId(key), writer: this.tabId, paths: [] });
    });
  };

  // ---- two tabs ------------------------------------------------------------------------------
  // What is done with another tab's message: other-tabs.ts.

  /** @internal */
  broadcast(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs still read the stored draft on their next load.
    }
  }

  // ---- outbox --------------------------------------------------------------------------------

  /** See DraftOutboxLink.queueIfOffline. */
  queueIfOffline(...args: Parameters<DraftOutboxLink['queueIfOffline']>): Promise<boolean> {
    return this.outboxLink.queueIfOffline(...args);
  }

  /** See DraftOutboxLink.queue. */
  queue(...args: Parameters<DraftOutboxLink['queue']>): Promise<boolean> {
    return this.outboxLink.queue(...args);
  }

  /** Sends what the outbox holds; resolves with what happened to each entry. */
  flushOutbox(): Promise<OutboxResult[]> {
    return this.outboxLink.flushOutbox();
  }

  // ---- notices and rendering -----------------------------------------------------------------

  notify(notice: DraftNotice): void {
    this.notices = [...this.notices.filter((n) => n.kind !== notice.kind), notice];
    this.host.requestUpdate();
  }

  dismiss(kind: NoticeKind): void {
    if (!this.notices.some((n) => n.kind === kind)) return;
    this.notices = this.notices.filter((n) => n.kind !== kind);
    this.host.requestUpdate();
  }

  /** The notices (version change, other tab, files, storage, outbox), above the page. */
  renderNotices() {
    return renderDraftNotices(this);
  }

  /** The "continue or start again" page, shown instead of the form's page while offering. */
  renderOffer() {
    return renderDraftOffer(this);
  }
}
