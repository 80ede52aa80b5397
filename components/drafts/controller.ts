/**
 * DraftController: what `<dvc-form>` adds (a few lines) so nothing typed is lost.
 *
 * - Autosave: every change of answers or page is written to IndexedDB, debounced (500 ms) and
 *   flushed at once on `pagehide` and when the tab is hidden (a phone switching apps).
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
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { UiLang } from '../base/i18n.js';
import { LOCALES } from '../base/i18n.js';
import type { FormPayload } from '../form/events.js';
import type { LocalizedText, Procedure } from '../../src/procedure/index.js';
import { signFormPayload } from '../submission/submit.js';
import { sendSubmission } from '../submission/transport.js';
import { carryOver, questionFields, type AnswerChecker } from './carry-over.js';
import { DRAFT_DB_NAME, isQuotaError } from './db.js';
import { DraftCipher, KEY_DB_NAME, clearDeviceData } from './crypto.js';
import {
  CONSENT,
  consentMessages,
  renderConsentPrompt,
  renderKeptBar,
  type ConsentSetting,
} from './consent.js';
import {
  DEFAULT_FILE_CAP_MB,
  DEFAULT_TTL_DAYS,
  DraftStore,
  draftId,
  type DraftKey,
  type DraftRecord,
  type FileToKeep,
} from './draft-store.js';
import { draftMessages, type DraftMessages } from './messages.js';
import { MULTIPART_PAYLOAD_PART } from '../../src/files/index.js';
import { sha256Hex, type PayloadDocument } from '../../src/submission/index.js';
import {
  OUTBOX_RESULT,
  Outbox,
  isOfflineFailure,
  type OutboxEntry,
  type OutboxFile,
  type OutboxResult,
  type OutboxSend,
  type OutboxSign,
  type OutboxSigning,
} from './outbox.js';
import { changedPaths, patch } from './paths.js';
import { inProgressFiles, slotOf, type InProgressFile, type UploadLike } from './uploads.js';

export const DRAFT_CHANNEL = 'dvc-forms-drafts';

/** The top-level answers whose key starts with `@`: kept by the form, not by a question. */
const sideAnswers = (answers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(answers).filter(([k]) => k.startsWith('@')));

/** What the form is showing, or undefined while it is not ready (loading, error, submitted). */
export interface DraftHostState {
  procedure: Procedure;
  /** The answers; top-level keys starting with `@` are the form's own (not questions). */
  answers: Record<string, unknown>;
  page: string;
}

export interface DraftControllerOptions {
  state(): DraftHostState | undefined;
  /**
   * Puts answers back into the form; `page` is the page to show (undefined: stay on the page,
   * as when another tab changed an answer).
   */
  restore(answers: Record<string, unknown>, page: string | undefined): Promise<void> | void;
  lang(): UiLang;
  /** `draft-ttl-days` (default 7). */
  ttlDays?(): number;
  /** `draft-file-cap-mb` (default 50). */
  fileCapMb?(): number;
  /** The new version's validator, to judge answers whose schema changed. */
  checker?(): AnswerChecker | undefined;
  /** Called when a queued submission was delivered (e.g. to show the "sent" page). */
  onDelivered?(entry: OutboxEntry, response: unknown): void;
  /**
   * Whether drafts are kept at all (default: yes). The form turns them off in assisted mode: on
   * a one-stop-shop computer, one citizen's draft must never be offered to the next.
   */
  enabled?(): boolean;
  /**
   * `draft-consent`: `ask` (default) asks before keeping anything on this device; `granted`
   * when the host page has asked already.
   */
  consent?(): ConsentSetting;
  /**
   * When this document started (epoch ms; default `performance.timeOrigin`). Only drafts saved
   * before it are offered back; a draft saved since then was written by this very page (a form
   * mounted again by a single-page app, or a test) and is started afresh.
   */
  loadedAt?(): number;
  /** Autosave delay (default 500 ms). */
  debounceMs?: number;
  factory?: IDBFactory;
  /** Database name (tests). */
  dbName?: string;
  now?: () => number;
  send?: OutboxSend;
  sign?: OutboxSign;
}

export const DRAFT_PHASE = {
  /** Waiting for the form, or reading IndexedDB. */
  idle: 'idle',
  /** A draft was found; the person chooses continue or start again. */
  offer: 'offer',
  /** No draft yet: asking whether to keep one on this device; nothing is saved meanwhile. */
  ask: 'ask',
  /** The person chose not to keep anything on this device (or deleted it): nothing is saved. */
  declined: 'declined',
  /** Autosaving. */
  active: 'active',
  /** Submitted: nothing more is saved. */
  done: 'done',
  /** IndexedDB refused to open: the form works without drafts. */
  off: 'off',
} as const;
export type DraftPhase = (typeof DRAFT_PHASE)[keyof typeof DRAFT_PHASE];

export const NOTICE_KIND = {
  versionChanged: 'version-changed',
  otherTab: 'other-tab',
  files: 'files',
  storage: 'storage',
  outbox: 'outbox',
  consent: 'consent',
} as const;
export type NoticeKind = (typeof NOTICE_KIND)[keyof typeof NOTICE_KIND];

export interface DraftNotice {
  kind: NoticeKind;
  /** `status` (polite) or `alert`. */
  role: 'status' | 'alert';
  text: (m: DraftMessages, lang: UiLang) => string;
  list?: (lang: UiLang) => string[];
}

interface Offer {
  record: DraftRecord;
  /** Set when the draft was written for another version. */
  carried?: ReturnType<typeof carryOver>;
}

interface ChannelMessage {
  type: 'saved' | 'deleted';
  id: string;
  writer: string;
  paths: string[];
}

const localize = (t: LocalizedText, lang: UiLang) => (lang === 'en' ? (t.en ?? t.vi) : t.vi);

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
  private outbox?: Promise<Outbox | undefined>;
  private procedure?: Procedure;
  private key?: DraftKey;
  /** The answers as last saved by (or loaded into) this tab. */
  private baseline: Record<string, unknown> = {};
  private lastAnswers?: Record<string, unknown>;
  private lastPage?: string;
  private savedPage?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private saving: Promise<void> = Promise.resolve();
  private channel?: BroadcastChannel;
  /** Files waiting for their upload element to appear, by slot. */
  private pendingFiles = new Map<string, FileToKeep[]>();
  /** Upload elements this controller hears re-render (to keep files still uploading). */
  private watched = new WeakSet<UploadLike>();
  /** What was last kept of each element's unfinished files (name, size, hash). */
  private unfinishedKept = new WeakMap<UploadLike, string>();
  /** The SHA-256 of files put back from a draft, known before the element hashes them again. */
  private knownSha = new WeakMap<Blob, string>();
  private checking?: Promise<void>;
  /** The next save replaces the stored draft instead of patching it. */
  private replaceNext = false;
  /** When the kept draft expires (epoch ms), for the "kept until" line. */
  private expiresAt?: number;

  constructor(
    private readonly host: Host,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  private get m(): DraftMessages {
    return draftMessages(this.options.lang());
  }

  // ---- lifecycle -------------------------------------------------------------------------

  hostConnected(): void {
    window.addEventListener('pagehide', this.onHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.onOnline);
    this.host.addEventListener('dvc-change', this.onHostChange);
    this.host.addEventListener('dvc-submitted', this.onSubmitted);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(DRAFT_CHANNEL);
      this.channel.onmessage = (e: MessageEvent<ChannelMessage>) => void this.onMessage(e.data);
    }
  }

  hostDisconnected(): void {
    void this.flush();
    window.removeEventListener('pagehide', this.onHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.onOnline);
    this.host.removeEventListener('dvc-change', this.onHostChange);
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
      this.baseline = structuredClone(s.answers);
      this.lastAnswers = s.answers;
      this.lastPage = s.page;
      this.savedPage = s.page;
      this.checking = this.check();
      return;
    }
    this.applyPendingFiles();
    this.watchUploads();
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

  private openStore(): Promise<DraftStore | undefined> {
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
  private cipher(): Promise<DraftCipher> {
    this.cipherOpening ??= DraftCipher.open(this.options.factory, this.keyDbName);
    this.cipherOpening.catch(() => (this.cipherOpening = undefined));
    return this.cipherOpening;
  }

  private openOutbox(): Promise<Outbox | undefined> {
    this.outbox ??= Outbox.open({
      factory: this.options.factory,
      name: this.options.dbName,
      now: this.options.now,
      cipher: () => this.cipher(),
      send:
        this.options.send ??
        ((jws, o) => sendSubmission(jws, { ...o, maxAttempts: 2, baseDelayMs: 1000 })),
      sign:
        this.options.sign ??
        ((form, signing: OutboxSigning) => signFormPayload(form, { ...signing })),
    }).catch((cause: unknown) => {
      console.error('dvc-form: the outbox cannot be opened', cause);
      return undefined;
    });
    return this.outbox;
  }

  // ---- resume ------------------------------------------------------------------------------

  private async check(): Promise<void> {
    if (this.options.enabled?.() === false) {
      this.phase = DRAFT_PHASE.off;
      void this.flushOutbox();
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
    void this.flushOutbox();
  }

  /** Continue: the stored answers (carried over to this version if need be) and page come back. */
  async resume(): Promise<void> {
    const offer = this.offer;
    const store = await this.openStore();
    if (!offer || !store || !this.key) return;
    const { record, carried } = offer;
    // Answers the form keeps beside the procedure's questions (`@…`, e.g. the delivery choice)
    // are no field of any version: they go over to the new version as they are.
    const answers = carried
      ? { ...sideAnswers(record.answers), ...carried.answers }
      : record.answers;
    this.offer = undefined;
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
        if (files.length > 0) this.pendingFiles.set(slot, files);
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

  /** A new application: ask before keeping it, unless the host page has asked already. */
  private askOrSave(): void {
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
  private asksFirst(): boolean {
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
    this.phase = DRAFT_PHASE.declined;
    this.offer = undefined;
    this.expiresAt = undefined;
    const open = [this.store, this.outbox];
    this.store = undefined;
    this.outbox = undefined;
    this.cipherOpening = undefined;
    await this.saving;
    for (const p of open) (await p?.catch(() => undefined))?.close();
    try {
      await clearDeviceData(this.options.factory ?? globalThis.indexedDB, [
        this.options.dbName ?? DRAFT_DB_NAME,
        this.keyDbName,
      ]);
      this.broadcast({ type: 'deleted', id: '*', writer: this.tabId, paths: [] });
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).cleared,
      });
    } catch (cause) {
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

  private save(force = false): Promise<void> {
    const run = this.saving.then(() => this.saveNow(force));
    this.saving = run.catch(() => undefined);
    return this.saving;
  }

  /** `force`: write even without a change, so the draft record exists (files attach to it). */
  private async saveNow(force = false): Promise<void> {
    if (this.phase !== DRAFT_PHASE.active || !this.key) return;
    const s = this.options.state();
    const store = await this.openStore();
    if (!s || !store || s.procedure !== this.procedure) return;
    const paths = changedPaths(this.baseline, s.answers);
    if (!force && paths.length === 0 && s.page === this.savedPage) return;
    const answers = structuredClone(s.answers);
    try {
      const saved = await store.save(
        this.key,
        {
          answers,
          paths,
          page: s.page,
          dataSchema: s.procedure.data,
          labels: Object.fromEntries(questionFields(s.procedure).map((f) => [f.field, f.label])),
        },
        {
          writer: this.tabId,
          ttlDays: this.options.ttlDays?.() ?? DEFAULT_TTL_DAYS,
          replace: this.replaceNext,
        },
      );
      this.replaceNext = false;
      if (saved.expiresAt !== this.expiresAt) {
        this.expiresAt = saved.expiresAt;
        this.host.requestUpdate();
      }
    } catch (cause) {
      this.storageFailed(cause);
      return;
    }
    this.baseline = answers;
    this.savedPage = s.page;
    this.dismiss(NOTICE_KIND.storage);
    this.broadcast({ type: 'saved', id: draftId(this.key), writer: this.tabId, paths });
  }

  private storageFailed(cause: unknown): void {
    console.error('dvc-form: the draft cannot be saved', cause);
    const full = isQuotaError(cause);
    this.notify({
      kind: NOTICE_KIND.storage,
      role: 'alert',
      text: (m) => (full ? m.storageFull : m.storageUnavailable),
    });
  }

  private onHide = (): void => {
    void this.flush();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
    else void this.flushOutbox();
  };

  private onSubmitted = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Nothing of this application was kept (assisted mode, “Không lưu”, never answered): the
    // store is not opened, so no database or key is created on the device just to delete.
    const kept = this.phase === DRAFT_PHASE.active || this.phase === DRAFT_PHASE.offer;
    this.phase = DRAFT_PHASE.done;
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

  private broadcast(message: ChannelMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs still read the stored draft on their next load.
    }
  }

  private async onMessage(msg: ChannelMessage): Promise<void> {
    if (msg.type === 'deleted' && msg.id === '*' && msg.writer !== this.tabId) {
      // Another tab deleted the data on this device: this one must not write it back.
      clearTimeout(this.timer);
      this.timer = undefined;
      this.phase = DRAFT_PHASE.declined;
      this.offer = undefined;
      this.store = undefined;
      this.outbox = undefined;
      this.cipherOpening = undefined;
      this.notify({
        kind: NOTICE_KIND.consent,
        role: 'status',
        text: (_m, lang) => consentMessages(lang).cleared,
      });
      return;
    }
    if (!this.key || msg.writer === this.tabId || msg.id !== draftId(this.key)) return;
    if (this.phase !== DRAFT_PHASE.active || msg.type !== 'saved') return;
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

  // ---- files ---------------------------------------------------------------------------------

  private onHostChange = (e: Event): void => {
    const upload = e
      .composedPath()
      .find((n): n is UploadLike => n instanceof HTMLElement && n.localName === 'dvc-upload');
    if (upload) this.keepSlot(upload);
  };

  private uploads(): UploadLike[] {
    const roots: ParentNode[] = [this.host];
    if (this.host.shadowRoot) roots.push(this.host.shadowRoot);
    return roots.flatMap((r) => [...r.querySelectorAll<UploadLike>('dvc-upload')]);
  }

  /**
   * Hears every re-render of the upload elements: a file chosen and hashed (still uploading) is
   * kept as soon as it is, and forgotten when it is removed — `dvc-change` only tells of
   * finished files.
   */
  private watchUploads(): void {
    for (const el of this.uploads()) {
      if (this.watched.has(el) || typeof el.addController !== 'function') continue;
      this.watched.add(el);
      el.addController({ hostUpdated: () => this.onUploadUpdated(el) });
    }
  }

  private unfinished(upload: UploadLike): (InProgressFile & { sha256: string })[] {
    return inProgressFiles(upload).flatMap((f) => {
      const sha256 = f.sha256 ?? this.knownSha.get(f.file);
      return sha256 ? [{ ...f, sha256 }] : [];
    });
  }

  private onUploadUpdated(upload: UploadLike): void {
    if (this.phase !== DRAFT_PHASE.active || !this.key) return;
    const sig = this.unfinished(upload)
      .map((f) => `${f.sha256}:${f.size}:${f.name}`)
      .join('|');
    if (sig === (this.unfinishedKept.get(upload) ?? '')) return;
    this.unfinishedKept.set(upload, sig);
    this.keepSlot(upload);
  }

  /**
   * Keeps a document slot's files with the draft: the finished ones (`value`) and those chosen
   * and hashed but still uploading, read when the write runs so it is never behind the element.
   */
  private keepSlot(upload: UploadLike): void {
    if (this.phase !== DRAFT_PHASE.active || !this.key) return;
    const slot = slotOf(upload);
    if (!slot) return;
    const key = this.key;
    void this.saving.then(async () => {
      const store = await this.openStore();
      if (!store || this.phase !== DRAFT_PHASE.active) return;
      const files: FileToKeep[] = [
        ...(upload.value ?? []).map((f) => ({
          slot,
          name: f.name,
          type: f.type,
          size: f.size,
          sha256: f.sha256,
          ...(f.url ? { url: f.url } : {}),
          ...(f.file ? { file: f.file } : {}),
        })),
        ...this.unfinished(upload).map((f) => ({
          slot,
          name: f.name,
          type: f.type,
          size: f.size,
          sha256: f.sha256,
          file: f.file,
          pending: true,
        })),
      ];
      // The draft record must exist before its files are attached to it.
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.save(true);
      try {
        const { notKept } = await store.keepFiles(key, slot, files, {
          capBytes: (this.options.fileCapMb?.() ?? DEFAULT_FILE_CAP_MB) * 1024 * 1024,
          writer: this.tabId,
        });
        if (notKept.length > 0) {
          this.notify({
            kind: NOTICE_KIND.files,
            role: 'status',
            text: (m) =>
              notKept
                .map((f) =>
                  f.reason === 'too-large' ? m.fileTooLarge(f.name) : m.fileNotKept(f.name),
                )
                .join(' '),
          });
        } else {
          this.dismiss(NOTICE_KIND.files);
        }
      } catch (cause) {
        this.storageFailed(cause);
      }
    });
  }

  private applyPendingFiles(): void {
    if (this.pendingFiles.size === 0) return;
    for (const el of this.uploads()) {
      const slot = slotOf(el);
      const files = slot ? this.pendingFiles.get(slot) : undefined;
      if (!files) continue;
      this.pendingFiles.delete(slot);
      const canAdd = typeof el.addFiles === 'function';
      el.value = files.filter((f) => !f.pending || !canAdd).map(({ pending: _p, ...f }) => f);
      // A file that was still uploading is chosen again for the person: the element checks
      // and hashes it, and tus continues the upload the server already has (same hash, size).
      const again = files.flatMap((f) => {
        if (!f.pending || !canAdd || !f.file) return [];
        const file = new File([f.file], f.name, { type: f.type });
        this.knownSha.set(file, f.sha256);
        return [file];
      });
      if (again.length > 0) void el.addFiles!(again);
    }
  }

  // ---- outbox --------------------------------------------------------------------------------

  /** The Idempotency-Key last generated for a submission (see `newKey`). */
  private lastKey?: string;
  /** The last submission POST: its key and signed bytes, recorded before it was sent. */
  private lastPost?: { key: string; jws?: string };

  /**
   * Generates the Idempotency-Key of a new submission (pass as the delivery's `newKey`), so the
   * outbox can keep using it.
   */
  readonly newKey = (): string => this.wrapNewKey()();

  /** Wraps the delivery's own key generator (tests, hosts) the same way as `newKey`. */
  wrapNewKey(inner: () => string = () => crypto.randomUUID()): () => string {
    return () => {
      this.lastKey = inner();
      return this.lastKey;
    };
  }

  /**
   * Wraps the delivery's fetch: a POST carrying an Idempotency-Key is recorded (key and JWS)
   * before it leaves, so that after a network failure the outbox can send the very same bytes.
   */
  wrapFetch(inner: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
    return (input, init) => {
      const headers = new Headers(init?.headers);
      const key = headers.get('idempotency-key');
      if ((init?.method ?? 'GET').toUpperCase() === 'POST' && key) {
        let jws: string | undefined;
        if (typeof init?.body === 'string') {
          try {
            const parsed = JSON.parse(init.body) as { jws?: unknown };
            if (typeof parsed.jws === 'string') jws = parsed.jws;
          } catch {
            // not JSON: not a submission this module can resend
          }
        } else if (init?.body instanceof FormData) {
          // Multipart (no upload endpoint): the JWS is the `payload` part (docs/uploads.md).
          const part = init.body.get(MULTIPART_PAYLOAD_PART);
          if (typeof part === 'string') jws = part;
        }
        this.lastPost = { key, ...(jws ? { jws } : {}) };
      }
      return inner(input, init);
    };
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
    payload: FormPayload,
    cause: unknown,
    ctx: {
      action: string;
      challengeEndpoint?: string;
      procedureText?: string | Uint8Array;
      procedureSha256?: string;
      hiddenDocuments?: readonly string[];
      /**
       * The payload's documents with their bytes (`form.collectDocumentFiles()`), in payload
       * order: those without `url` are kept for the multipart body.
       */
      documents?: readonly (PayloadDocument & { file?: Blob })[];
      /**
       * The failed submission itself (the delivery's `pending`): its Idempotency-Key and the
       * signed bytes it sent. `<dvc-form>` passes it; without it, what `newKey` and `wrapFetch`
       * recorded is used (a host's own transport).
       */
      submission?: { idempotencyKey?: string; jws?: string };
    },
  ): Promise<boolean> {
    if (this.options.enabled?.() === false || !isOfflineFailure(cause)) return false;
    // "Không lưu" means nothing kept on this device, a waiting application included.
    if (this.phase === DRAFT_PHASE.declined) return false;
    const withFiles: readonly (PayloadDocument & { file?: Blob })[] =
      ctx.documents ?? payload.documents ?? [];
    const docs: PayloadDocument[] = withFiles.map(({ file: _file, ...d }) => d);
    const files: OutboxFile[] = [];
    for (const d of withFiles) {
      if (d.url) continue;
      // A file whose bytes are gone (not kept across a reload) cannot be sent later.
      if (!d.file || d.file.size !== d.size) return false;
      files.push({ slot: d.slot, name: d.name, file: d.file });
    }
    const capBytes = (this.options.fileCapMb?.() ?? DEFAULT_FILE_CAP_MB) * 1024 * 1024;
    if (files.reduce((n, f) => n + f.file.size, 0) > capBytes) {
      this.notify({ kind: NOTICE_KIND.outbox, role: 'alert', text: (m) => m.queueFilesTooLarge });
      return false;
    }
    const post = ctx.submission?.idempotencyKey
      ? { key: ctx.submission.idempotencyKey, jws: ctx.submission.jws }
      : this.lastPost;
    const key = ctx.submission?.idempotencyKey ?? this.lastKey ?? post?.key ?? crypto.randomUUID();
    const jws = post?.key === key ? post.jws : undefined;
    const procedureSha256 =
      ctx.procedureSha256 ??
      (ctx.procedureText !== undefined ? await sha256Hex(ctx.procedureText) : undefined);
    if (!procedureSha256) return false;
    return this.queue({
      key,
      action: ctx.action,
      ...(jws ? { jws } : {}),
      form: structuredClone(payload),
      signing: {
        procedureSha256,
        ...(ctx.challengeEndpoint ? { challengeEndpoint: ctx.challengeEndpoint } : {}),
        documents: structuredClone(docs),
        hiddenDocuments: [...(ctx.hiddenDocuments ?? [])],
      },
      ...(files.length > 0 ? { files } : {}),
    });
  }

  /**
   * Keeps a submission that could not be sent for lack of network; it goes when the network
   * comes back. The draft is kept until it has been delivered.
   */
  async queue(entry: Omit<OutboxEntry, 'queuedAt' | 'attempts'>): Promise<boolean> {
    await this.flush();
    const outbox = await this.openOutbox();
    if (!outbox) return false;
    try {
      await outbox.enqueue(entry);
    } catch (cause) {
      this.storageFailed(cause);
      return false;
    }
    this.notify({ kind: NOTICE_KIND.outbox, role: 'status', text: (m) => m.queued });
    return true;
  }

  private onOnline = (): void => {
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
      this.notify({ kind: NOTICE_KIND.outbox, role: 'status', text: (m) => m.queuedSending });
    }
    const results = await outbox.flush();
    const store = await this.openStore();
    for (const r of results) {
      const mine = this.isMine(r.entry);
      if (r.result === OUTBOX_RESULT.sent) {
        await store?.delete(r.entry.form.procedure).catch(() => undefined);
        if (mine) {
          const code = dossierCodeOf(r.response);
          this.phase = DRAFT_PHASE.done;
          this.offer = undefined;
          clearTimeout(this.timer);
          this.timer = undefined;
          this.notify({
            kind: NOTICE_KIND.outbox,
            role: 'status',
            text: (m) => (code ? m.queuedSent(code) : m.queuedSentNoCode),
          });
          this.options.onDelivered?.(r.entry, r.response);
        }
      } else if (r.result === OUTBOX_RESULT.rejected && mine) {
        const reason = problemText(r.error);
        this.notify({
          kind: NOTICE_KIND.outbox,
          role: 'alert',
          text: (m) => m.queuedRejected(reason),
        });
      } else if (mine) {
        this.notify({ kind: NOTICE_KIND.outbox, role: 'status', text: (m) => m.queued });
      }
    }
    return results;
  }

  private isMine(entry: OutboxEntry): boolean {
    return (
      !!this.key &&
      entry.form.procedure.code === this.key.code &&
      entry.form.procedure.version === this.key.version
    );
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
    const lang = this.options.lang();
    const m = this.m;
    const asking = this.phase === DRAFT_PHASE.ask || this.asksFirst();
    const keeping = this.phase === DRAFT_PHASE.active || this.phase === DRAFT_PHASE.offer;
    if (this.notices.length === 0 && !asking && !keeping) return nothing;
    return html`<div class="draft-notices" part="draft-notices">
      ${
        asking
          ? renderConsentPrompt(lang, this.options.ttlDays?.() ?? DEFAULT_TTL_DAYS, (yes) =>
              this.answerConsent(yes),
            )
          : nothing
      }
      ${
        keeping
          ? renderKeptBar(
              lang,
              this.phase === DRAFT_PHASE.offer ? this.offer?.record.expiresAt : this.expiresAt,
              () => void this.clearDevice(),
            )
          : nothing
      }
      ${this.notices.map(
        (n) =>
          html`<div class="draft-notice" role=${n.role} data-kind=${n.kind}>
            <p>${n.text(m, lang)}</p>
            ${
              n.list
                ? html`<ul>
                    ${n.list(lang).map((x) => html`<li>${x}</li>`)}
                  </ul>`
                : nothing
            }
            <button
              type="button"
              class="link"
              part="button draft-dismiss"
              @click=${() => this.dismiss(n.kind)}
            >
              ${m.dismiss}
            </button>
          </div>`,
      )}
    </div>`;
  }

  /** The "continue or start again" page, shown instead of the form's page while offering. */
  renderOffer() {
    const offer = this.offer;
    if (this.phase !== DRAFT_PHASE.offer || !offer) return undefined;
    const lang = this.options.lang();
    const m = this.m;
    const savedAt = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).format(new Date(offer.record.savedAt));
    return html`<section class="draft-offer" part="draft-offer" aria-labelledby="page-heading">
      <h2 id="page-heading" part="heading" tabindex="-1">${m.resumeHeading}</h2>
      <p>${m.resumeBody(savedAt)}</p>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          data-draft="continue"
          @click=${() => void this.resume()}
        >
          ${m.resumeContinue}
        </button>
        <button
          type="button"
          class="secondary"
          part="button button-secondary"
          data-draft="restart"
          @click=${() => void this.restart()}
        >
          ${m.resumeRestart}
        </button>
      </div>
    </section>`;
  }
}

function hasContent(record: DraftRecord): boolean {
  return (
    Object.keys(record.answers ?? {}).length > 0 ||
    Object.values(record.documents ?? {}).some((d) => d.length > 0)
  );
}

function dossierCodeOf(response: unknown): string | undefined {
  const code = (response as { dossierCode?: unknown } | null)?.dossierCode;
  return typeof code === 'string' ? code : undefined;
}

function problemText(error: unknown): string {
  const p = (error as { problem?: { detail?: string; title?: string } } | undefined)?.problem;
  return p?.detail || p?.title || String((error as Error | undefined)?.message ?? '');
}

export type { FormPayload };
