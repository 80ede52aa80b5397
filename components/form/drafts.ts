/**
 * Drafts for `<dvc-form>`: loads the drafts chunk (components/drafts, a lazy chunk of the
 * one-file bundle) and tells its DraftController what the form holds — the procedure, the
 * answers with the delivery choice, the page — and how to put a draft back.
 */
import type { DraftController, DraftControllerOptions } from '../drafts/controller.js';
import { DRAFT_DB_NAME, REVISIONS_STORE } from '../drafts/db-name.js';
import { DvcSubmittedEvent } from './events.js';
import type { DvcForm } from './form.js';
import { SUBMITTED } from './journey.js';

export class FormDrafts {
  /** Autosave, resume, two tabs and the offline outbox, once its chunk has arrived. */
  controller?: DraftController;
  /** The answers (with the delivery choice) when the form became ready; set by FormLoading. */
  readyAnswers?: Record<string, unknown>;
  private loading?: Promise<DraftController | undefined>;
  /** The page the form showed when the controller arrived after ready (a first visit). */
  private latePage?: string;

  constructor(private readonly form: DvcForm) {}

  private readonly options: DraftControllerOptions = {
    state: () => {
      const form = this.form;
      return form.status === 'ready' && form.loaded && form.pageId && form.pageId !== SUBMITTED
        ? {
            procedure: form.loaded,
            // The delivery choice is kept (sealed) with the answers and comes back with them.
            answers: form.deliveryChoice.draftAnswers(form.answers),
            page: form.pageId,
          }
        : undefined;
    },
    restore: (answers, page) =>
      this.form.navigation.restoreDraft(this.form.deliveryChoice.restoreDraft(answers), page),
    lang: () => this.form.uiLang,
    readyAnswers: () => this.readyAnswers,
    ttlDays: () => this.form.draftTtlDays,
    fileCapMb: () => this.form.draftFileCapMb,
    // Answers of another version are judged by a session over this version (src/session).
    checker: () => this.form.session?.model,
    consent: () => (this.form.draftConsent === 'granted' ? 'granted' : 'ask'),
    // Assisted mode keeps nothing on the (shared) device, whatever `drafts` says.
    enabled: () => {
      const form = this.form;
      return (
        !form.assistedBy &&
        (form.drafts === 'on' ||
          (form.drafts !== 'off' &&
            form.procedureData === undefined &&
            !!form.procedure &&
            !/^(blob|data):/i.test(form.procedure)))
      );
    },
    onDelivered: (entry, response) => {
      void this.form.navigation.goTo(SUBMITTED);
      this.form.dispatchEvent(new DvcSubmittedEvent({ payload: entry.form, result: response }));
    },
  };

  /**
   * Whether the drafts chunk must be in place before the form is ready: unless the browser can
   * tell that this origin's drafts database does not exist or holds nothing (`draftsMayWait`: an
   * open and a count of its stores), there may be a draft to offer or an outbox
   * entry to resend, and a resume offer must be up before the person starts typing, not appear
   * under their finger. Without a database, or with an empty one (the drafts controller opens it
   * on every visit, so a returning visitor who never kept a draft has one), there is nothing to
   * offer, so the form is usable without the drafts, signing and transport code (≈ 19 KB) and
   * its look-ups: `FormLoading` loads it once the first page is usable (docs/performance.md).
   */
  neededBeforeReady(): Promise<boolean> {
    return draftsMayWait((globalThis as { indexedDB?: IDBFactory }).indexedDB);
  }

  /**
   * Whether the drafts' notices (the consent question first) go below the page rather than
   * above it: on the page the form showed when the drafts arrived after ready (nothing could be
   * waiting on the device, so the form did not wait for them), whose questions the person may be
   * answering already, so they do not move down under the finger. Another page opens with them
   * above as usual.
   */
  noticesBelow(): boolean {
    return this.latePage !== undefined && this.latePage === this.form.pageId;
  }

  /**
   * Starts (once) loading the drafts chunk; the controller joins the form when it arrives. It
   * is loaded even when drafts are off: the outbox of an earlier visit is still sent from it.
   * A chunk that cannot load costs the drafts, never the form.
   */
  load(): Promise<DraftController | undefined> {
    // The drafts chunk imports signing and transport (its outbox resends): fetching that chunk
    // at the same time saves a round trip before the form is ready (rollup adds no preload).
    if (!this.loading) void import('../submission/submit.js').catch(() => undefined);
    this.loading ??= import('../drafts/controller.js').then(
      ({ DraftController }) => {
        if (this.form.status === 'ready') this.latePage = this.form.pageId;
        this.controller = new DraftController(this.form, this.options);
        this.form.requestUpdate();
        return this.controller;
      },
      (cause: unknown) => {
        console.error('dvc-form: drafts are off, their code cannot be loaded', cause);
        return undefined;
      },
    );
    return this.loading;
  }
}

/**
 * How long the form waits for the browser to answer `draftsMayWait` before it goes on without
 * the drafts (ms). An open answers within tens of milliseconds on a normal phone and within a
 * second or so on a slow one whose storage is busy (Firefox's answers took longer than a second
 * on this project's CI machine while it installed packages); one that never answers (a stuck
 * IndexedDB, as Safari 14.1's first open after launch) must not keep the form on its loading
 * line. Too short a limit only costs a late resume offer (below the page), never a draft.
 */
export const DRAFTS_PROBE_LIMIT_MS = 3000;

/**
 * Whether the drafts database `name` may hold a draft or an outbox entry (`neededBeforeReady`):
 * false only when it does not exist or holds no record beside revision claims (read with plain IndexedDB: the idb
 * code comes with the drafts chunk). One open and, if it exists, one count: no
 * `indexedDB.databases()` first, which cost one more round trip to the browser on the path to the
 * first page, each one waiting for the main thread (docs/performance.md, round 7). A database
 * that does not exist is not created: its open's version change is aborted, which undoes the
 * creation. Whatever cannot be told (no IndexedDB, refused, blocked, an odd database) counts as
 * "may": the drafts then come before ready. A browser that has not answered after `limitMs`
 * counts as "nothing waiting": the drafts would have to wait for the same browser, so the form
 * goes on and they load after ready, their notices below the page the person is on
 * (`noticesBelow`), as on a first visit.
 */
export function draftsMayWait(
  idb: IDBFactory | undefined,
  name = DRAFT_DB_NAME,
  limitMs = DRAFTS_PROBE_LIMIT_MS,
): Promise<boolean> {
  return new Promise((answer) => {
    let limit: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      limit = undefined;
      answer(false);
    }, limitMs);
    const resolve = (may: boolean) => {
      if (limit === undefined) return;
      clearTimeout(limit);
      limit = undefined;
      answer(may);
    };
    let open: IDBOpenDBRequest;
    try {
      open = idb!.open(name);
    } catch {
      return resolve(true);
    }
    open.onupgradeneeded = () => {
      // None yet (an open without a version upgrades only a new one): nothing can be waiting.
      resolve(false);
      open.transaction!.abort();
    };
    open.onerror = open.onblocked = () => resolve(true);
    open.onsuccess = () => {
      const db = open.result;
      let n = 0;
      const done = (may: boolean) => {
        db.close();
        resolve(may);
      };
      // Not the revision claims: after a draft was sent they hold its tombstone and the note of
      // when tombstones are due, which nobody resumes (a returning visitor would wait for nothing).
      const stores = [...db.objectStoreNames].filter((store) => store != REVISIONS_STORE);
      if (!stores.length) return done(false);
      try {
        const tx = db.transaction(stores, 'readonly');
        for (const store of stores)
          tx.objectStore(store).count().onsuccess = (e) =>
            (n += (e.target as IDBRequest<number>).result);
        tx.oncomplete = () => done(n > 0);
        tx.onabort = () => done(true);
      } catch {
        done(true);
      }
    };
  });
}
