/**
 * Drafts for `<dvc-form>`: loads the drafts chunk (components/drafts, a lazy chunk of the
 * one-file bundle) and tells its DraftController what the form holds — the procedure, the
 * answers with the delivery choice, the page — and how to put a draft back.
 */
import type { DraftController, DraftControllerOptions } from '../drafts/controller.js';
import { DRAFT_DB_NAME } from '../drafts/db-name.js';
import { DvcSubmittedEvent } from './events.js';
import type { DvcForm } from './form.js';
import { SUBMITTED } from './journey.js';

export class FormDrafts {
  /** Autosave, resume, two tabs and the offline outbox, once its chunk has arrived. */
  controller?: DraftController;
  /** The answers (with the delivery choice) when the form became ready; set by FormLoading. */
  readyAnswers?: Record<string, unknown>;
  private loading?: Promise<DraftController | undefined>;

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
   * tell that this origin holds no drafts database at all (`indexedDB.databases()`; Chromium,
   * Safari, Firefox 126+), there may be a draft to offer or an outbox entry to resend, and a
   * resume offer must be up before the person starts typing, not appear under their finger.
   * Without a database there is nothing to offer, so a first visit's form is usable without
   * the drafts, signing and transport code (≈ 19 KB): `FormLoading` loads it once the first page
   * is usable (docs/performance.md).
   */
  async neededBeforeReady(): Promise<boolean> {
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (typeof idb?.databases !== 'function') return true;
    try {
      const dbs = await idb.databases();
      return dbs.some((d) => d.name === DRAFT_DB_NAME);
    } catch {
      return true;
    }
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
