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
import type { UiLang } from '../base/i18n.js';
import type { Procedure } from '../../src/procedure/index.js';
import { carryOver, fieldLabels } from './carry-over.js';
import { DRAFT_DB_NAME, isQuotaError } from './db.js';
import { DraftCipher, KEY_DB_NAME, clearDeviceData } from './crypto.js';
import { CONSENT, consentMessages } from './consent.js';
import {
  DEFAULT_TTL_DAYS,
  DraftDeletedError,
  DraftStore,
  draftId,
  type DraftKey,
  type DraftRecord,
  type SaveChange,
  type SaveOptions,
} from './draft-store.js';
import { draftMessages, type DraftMessages } from './messages.js';
import { type OutboxResult } from './outbox.js';
import { changedPaths, patch } from './paths.js';
import { DraftFiles } from './kept-files.js';
import { renderDraftNotices, renderDraftOffer } from './notices.js';
import { DraftOutboxLink } from './outbox-link.js';
import { DeletedElsewhere } from './deleted-elsewhere.js';
import { SealAhead } from './seal-ahead.js';
import {
  DRAFT_CHANNEL,
  DRAFT_PHASE,
  NOTICE_KIND,
  localize,
  sideAnswers,
  type ChannelMessage,
  type DraftControllerOptions,
  type DraftNotice,
  type DraftPhase,
  type NoticeKind,
  type Offer,
} from './types.js';

/** How long a deletion may wait on a closing connection before the person is told why. */
const CLEAR_BLOCKED_NOTICE_MS = 500;

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

  private store?: Promise<DraftStore | undefined>;
  private cipherOpening?: Promise<DraftCipher>;
  private procedure?: Procedure;
  /** @internal */
  key?: DraftKey;
  /** The answers as last saved by (or loaded into) this tab. */
  /** @internal */
  baseline: Record<string, unknown> = {};
  private lastAnswers?: Record<string, unknown>;
  private lastPage?: string;
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
      this.channel.onmessage = (e: MessageEvent<ChannelMessage>) => void this.onMessage(e.data);
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
      this.checking = this.check();
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

  private async check(): Promise<void> {
    if (this.options.enabled?.() === false) {
      this.phase = DRAFT_PHASE.off;
      void this.outboxLink.flushOutbox();
      return;
    }
    const store = await this.openStore();
    const key = this.key!;
    const procedure = this.procedure!;
    if (!store) return;
    const loadedAt = this.options.loadedAt?.() ?? performance.timeOrigin;
    const offerable = (r: DraftRecord | undefined): r is DraftRecord =>
      !!r && r.savedAt < loadedAt && hasContent(r);
    this.replaceNext = false;
    try {
      await store.purgeExpired();
      const same = await store.get(key);
      if (same && !offerable(same)) this.replaceNext = true;
      if (offerable(same) && this.procedure === procedure) {
        this.offer = { record: same };
        this.phase = DRAFT_PHASE.offer;
      } else {
        const other = await store.findOtherVersion(key);
        if (offerable(other) && this.procedure === procedure) {
          this.offer = {
            record: other,
            carried: carryOver(other, procedure, this.options.checker?.()),
          };
          this.phase = DRAFT_PHASE.offer;
        } else if (this.procedure === procedure) {
          this.askOrSave();
        }
      }
    } catch (cause) {
      this.storageFailed(cause);
      this.phase = DRAFT_PHASE.active;
    }
    this.host.requestUpdate();
    // A submission left in the outbox by an earlier visit goes now (any procedure's).
    void this.outboxLink.flushOutbox();
  }

  /** Continue: the stored answers (carried over to this version if need be) and page come back. */
  async resume(): Promise<void> {
    const offer = this.offer;
    const store = await this.openStore();
    if (!offer || !store || !this.key) return;
    if ((await this.elsewhere.offerGone()) || this.offer !== offer) return;
    const { record, carried } = offer;
    // Answers the form keeps beside the procedure's questions (`@…`, e.g. the delivery choice)
    // are no field of any version: they go over to the new version as they are.
    const answers = carried
      ? { ...sideAnswers(record.answers), ...carried.answers }
      : record.answers;
    this.offer = undefined;
    this.holds = true;
    this.expiresAt = record.expiresAt;
    this.baseline = structuredClone(answers);
    this.phase = DRAFT_PHASE.active;
    if (carried) {
      const reenter = carried.reenter;
      this.notify({
        kind: NOTICE_KIND.versionChanged,
        role: 'status',
        text: (m) =>
          `${m.versionChanged} ${reenter.length > 0 ? m.reenterFields : m.versionChangedNothingLost}`,
        ...(reenter.length > 0
          ? { list: (lang: UiLang) => reenter.map((r) => localize(r.label, lang)) }
          : {}),
      });
    }
    // Files come back to their upload elements once those are on screen.
    for (const [slot, docs] of Object.entries(record.documents ?? {})) {
      try {
        const files = await store.files(record, docs);
        if (files.length > 0) this.files.pendingFiles.set(slot, files);
      } catch (cause) {
        console.error('dvc-form: cannot read the draft files', cause);
      }
    }
    await this.options.restore(structuredClone(answers), carried ? undefined : record.page);
    const s = this.options.state();
    this.lastAnswers = s?.answers;
    this.lastPage = s?.page;
    this.savedPage = carried ? undefined : record.page;
    if (carried) {
      // The draft now belongs to this version; the old one goes.
      await store.delete(record).catch(() => undefined);
      this.baseline = {};
      this.schedule(0);
    }
    this.host.requestUpdate();
  }

  /** Start again: the draft (and its files) is deleted. */
  async restart(): Promise<void> {
    const offer = this.offer;
    const store = await this.openStore();
    this.offer = undefined;
    if (offer && store) {
      await store.delete(offer.record).catch((cause: unknown) => this.storageFailed(cause));
      this.broadcast({ type: 'deleted', id: offer.record.id, writer: this.tabId, paths: [] });
    }
    // Maybe the next person at a shared computer: ask again before keeping their answers.
    this.askOrSave();
    this.host.requestUpdate();
  }

  private get keyDbName(): string {
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
  async clearDevice(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.ahead.drop();
    this.phase = DRAFT_PHASE.declined;
    this.offer = undefined;
    this.expiresAt = undefined;
    const open = [this.store, this.outboxLink.outbox];
    this.store = undefined;
    this.outboxLink.outbox = undefined;
    this.cipherOpening = undefined;
    await this.saving;
    for (const p of open) (await p?.catch(() => undefined))?.close();
    // A connection of this page that is closing as asked blocks the deletion for a moment too:
    // "another tab holds the data" is said only when the wait lasts.
    let blocked: ReturnType<typeof setTimeout> | undefined;
    try {
      await clearDeviceData(
        this.options.factory ?? globalThis.indexedDB,
        [this.options.dbName ?? DRAFT_DB_NAME, this.keyDbName],
        () => {
          blocked ??= setTimeout(
            () =>
              this.notify({
                kind: NOTICE_KIND.consent,
                role: 'status',
                text: (_m, lang) => consentMessages(lang).clearBlocked,
              }),
            CLEAR_BLOCKED_NOTICE_MS,
          );
        },
      );
      clearTimeout(blocked);
      this.broadcast({ type: 'deleted', id: '*', writer: this.tabId, paths: [] });
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).cleared,
      });
    } catch (cause) {
      clearTimeout(blocked);
      console.error('dvc-form: the data on this device cannot be deleted', cause);
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'alert',
        text: (_m, lang) => consentMessages(lang).clearFailed,
      });
    }
    this.host.requestUpdate();
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

  private schedule(delay = this.options.debounceMs ?? 500): void {
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

  /** `force`: write even without a change, so the draft record exists (files attach to it). */
  private async saveNow(force = false): Promise<void> {
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
      if (!(cause instanceof DraftDeletedError)) this.storageFailed(cause);
      else if (this.holds) this.elsewhere.stop();
      else if (store.forget(key)) return this.saveNow(force);
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
    // Its "Giữ bản khai ở đây" would keep the dossier just sent.
    this.dismiss(NOTICE_KIND.deleted);
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

  /** @internal */
  broadcast(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs still read the stored draft on their next load.
    }
  }

  private async onMessage(msg: ChannelMessage): Promise<void> {
    if (msg.writer !== this.tabId) {
      // Another tab wrote: what was sealed ahead here must not be put over it; sealed again.
      void this.store?.then((store) => store?.touch());
      this.ahead.soon();
    }
    if (msg.type === 'deleted' && msg.id === '*' && msg.writer !== this.tabId) {
      // Another tab deleted the data on this device: this one must not write it back.
      clearTimeout(this.timer);
      this.timer = undefined;
      this.phase = DRAFT_PHASE.declined;
      this.offer = undefined;
      this.ahead.drop();
      this.store = undefined;
      this.outboxLink.outbox = undefined;
      this.cipherOpening = undefined;
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).cleared,
      });
      return;
    }
    if (msg.type === 'deleted' && msg.writer !== this.tabId) void this.elsewhere.offerGone(msg.id);
    if (!this.key || msg.writer === this.tabId || msg.id !== draftId(this.key)) return;
    if (this.phase !== DRAFT_PHASE.active) return;
    if (msg.type === 'deleted') return this.elsewhere.onDeleted();
    const store = await this.openStore();
    const record = await store?.get(this.key).catch(() => undefined);
    const s = this.options.state();
    if (!record || !s) return;
    // Answers typed here and not saved yet stay: this tab will write them next, last.
    const mine = new Set(changedPaths(this.baseline, s.answers));
    const theirs = msg.paths.filter(
      (p) => !mine.has(p) && ![...mine].some((x) => x.startsWith(`${p}.`) || p.startsWith(`${x}.`)),
    );
    if (theirs.length === 0) return;
    const answers = patch(s.answers, record.answers, theirs);
    this.holds = true;
    this.baseline = patch(this.baseline, record.answers, theirs);
    await this.options.restore(answers, undefined);
    const after = this.options.state();
    this.lastAnswers = after?.answers;
    const labels = record.labels ?? {};
    const named = theirs.map((p) => labels[p] ?? labels[p.split('.').slice(0, -1).join('.')]);
    this.notify({
      kind: NOTICE_KIND.otherTab,
      role: 'status',
      text: (m, lang) => {
        const names = [...new Set(named.filter(Boolean).map((l) => localize(l!, lang)))];
        return names.length > 0 ? m.otherTab(names.join(', ')) : m.otherTabGeneric;
      },
    });
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

function hasContent(record: DraftRecord): boolean {
  return (
    Object.keys(record.answers ?? {}).length > 0 ||
    Object.values(record.documents ?? {}).some((d) => d.length > 0)
  );
}
