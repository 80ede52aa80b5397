/**
 * The vocabulary of the drafts feature: what the form tells the DraftController, its phases and
 * notices, and the messages tabs exchange.
 */
import type { UiLang } from '../base/i18n.js';
import type { LocalizedText, Procedure } from '../../src/procedure/index.js';
import type { AnswerChecker, carryOver } from './carry-over.js';
import type { ConsentSetting } from './consent.js';
import type { DraftRecord } from './draft-store.js';
import type { DraftMessages } from './messages.js';
import type { OutboxEntry, OutboxSend, OutboxSign } from './outbox.js';

export const DRAFT_CHANNEL = 'dvc-forms-drafts';

/** The top-level answers whose key starts with `@`: kept by the form, not by a question. */
export const sideAnswers = (answers: Record<string, unknown>) =>
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
  /**
   * The answers as the form was when it became ready (prefilled, nothing typed), when the
   * controller may join later than that: what was typed before it arrived is then a change to
   * save, not part of the baseline. Defaults to the answers when the controller first sees them.
   */
  readyAnswers?(): Record<string, unknown> | undefined;
  /** `draft-ttl-days` (default 7). */
  ttlDays?(): number;
  /** `draft-file-cap-mb` (default 50). */
  fileCapMb?(): number;
  /** The new version's model (its sessions judge answers whose schema changed). */
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
  /** The draft was sent, or started again, in another tab (deleted-elsewhere.ts). */
  deleted: 'deleted',
} as const;
export type NoticeKind = (typeof NOTICE_KIND)[keyof typeof NOTICE_KIND];

export interface DraftNotice {
  kind: NoticeKind;
  /** `status` (polite) or `alert`. */
  role: 'status' | 'alert';
  text: (m: DraftMessages, lang: UiLang) => string;
  list?: (lang: UiLang) => string[];
  /** A button beside the text: what the person can do about it. */
  action?: { label: (m: DraftMessages) => string; run: () => void };
  /**
   * The notice takes focus once shown (notices.ts): it says what became of the person's own
   * action (the application kept until the network is back, the answer to "Lưu tạm hồ sơ…?").
   * Until it has focus it is no live region: one that takes focus is read out as the focused
   * element, and a screen reader would read it twice, as a status and again on focus (WAI-ARIA
   * APG, GOV.UK). Once it has focus it is one again, so what it says next is announced.
   */
  focus?: boolean;
}

export interface Offer {
  record: DraftRecord;
  /** Set when the draft was written for another version. */
  carried?: ReturnType<typeof carryOver>;
}

export interface ChannelMessage {
  type: 'saved' | 'deleted';
  id: string;
  writer: string;
  paths: string[];
}

export const localize = (t: LocalizedText, lang: UiLang) => (lang === 'en' ? (t.en ?? t.vi) : t.vi);
