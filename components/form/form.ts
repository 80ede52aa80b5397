import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { createValidator } from '../../src/validation/index.js';
import type { Session, SessionState } from '../../src/session/index.js';
import type { Signer } from '../../src/signing/index.js';
import type { Problem } from '../../src/problem.js';
import type { FieldUi, Lang, Procedure, Step } from '../../src/procedure/index.js';
import '../error-summary/error-summary.js';
import '../text-field/text-field.js';
import '../textarea-field/textarea-field.js';
import '../number-field/number-field.js';
import '../date-field/date-field.js';
import '../select-field/select-field.js';
import '../radio-group/radio-group.js';
import '../checkbox-field/checkbox-field.js';
import '../id-number-field/id-number-field.js';
import '../phone-field/phone-field.js';
import '../email-field/email-field.js';
import { type SubmissionPayload } from './events.js';
import { formStyles } from './form.styles.js';
import { FormLoading } from './loader.js';
// Drafts, delivery (signing, transport, receipt) and the upload element are lazy chunks of the
// one-file bundle (docs/performance.md): only their types are imported here.
import type { DraftController } from '../drafts/controller.js';
import { FormDrafts } from './drafts.js';
import { draftStyles } from '../drafts/styles.js';
import {
  belongsTo,
  buildPages,
  fieldId,
  INELIGIBLE,
  isDeclarationBox,
  REVIEW,
  SUBMITTED,
  pointerToPath,
  type Page,
  type Visibility,
} from './journey.js';
import { formMessages, type FormMessages } from './messages.js';
import { FormNavigation } from './navigation.js';
import { FormFieldEvents } from './field-events.js';
import { FormQuestions } from './questions.js';
import { FormSummary } from './summary.js';
import { FormReviewLink } from './review-link.js';
import { FormSubmissionLink } from './submission-link.js';
import { FirstPageAdoption } from './first-page-adoption.js';
import { inheritedLang, langAttribute, toUiLang } from '../base/i18n.js';
import type { DeliveryOptions } from '../submission/form-delivery.js';
import { loadedEngine } from './engine-link.js';
import { FormDocuments, documentKey } from './documents.js';
import type { PayloadDocument } from '../../src/submission/index.js';
import type { UploadEntry } from '../upload/upload.js';
import { DeliveryChoiceController } from '../delivery-choice/controller.js';

type Validator = Awaited<ReturnType<typeof createValidator>>;
type CompiledModule = NonNullable<NonNullable<Parameters<typeof createValidator>[1]>['compiled']>;
/** What the form shows comes from its session's last `check()` (src/session). */
type RulesResult = SessionState;

/** Delivers a payload (signing, transport, documents); resolves with the receipt. */
export type Submitter = (payload: SubmissionPayload, form: DvcForm) => Promise<unknown>;

const EMPTY_VISIBILITY: Visibility = { hiddenFields: new Set(), hiddenDocuments: new Set() };

/**
 * @summary The whole application journey for one procedure: loading, eligibility questions
 * first, one step per page with progress, validation with an error summary, a review page with
 * the fee and the declaration, and a `dvc-submit` event carrying the payload.
 *
 * Documents: the form makes one `<dvc-upload>` per document in its light DOM (slot
 * `document-<id>`), so files survive page changes; a question page renders the slot. A host may
 * slot its own element instead. See docs/form.md.
 *
 * @slot document-<id> - Upload control for the dossier document `<id>`; the form makes a `<dvc-upload>` when the page supplies none.
 *
 * @csspart status - The loading and error messages.
 * @csspart progress - "Bước 2 trên 5".
 * @csspart heading - Every page heading.
 * @csspart description - A step's description.
 * @csspart assisted-note - The note shown when `assisted-by` is set.
 * @csspart summary - The error summary element.
 * @csspart reasons - The list of reasons on the "cannot apply" page.
 * @csspart review-list - Each list of answers on the review page.
 * @csspart change-link - Each "Sửa" link.
 * @csspart fee - The fee table.
 * @csspart declaration - The declaration box.
 * @csspart document-slot - The box around a document's upload slot.
 * @csspart copy-offer - (1.1) The button above an empty question that reuses the answer its `copyFrom` names.
 * @csspart button - Every button.
 * @csspart button-primary - Continue and Submit.
 * @csspart button-secondary - Back and Try again.
 * @csspart submit-progress - "Đang thử gửi lại (lần 2 trên 4)…" while the built-in delivery retries.
 * @csspart receipt - The `<dvc-receipt>` on the confirmation page.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-bg=#fff] - Background colour.
 * @cssproperty [--dvc-color-primary=#00703c] - Continue and Submit buttons.
 * @cssproperty [--dvc-color-primary-text=#fff] - Text on primary buttons.
 * @cssproperty [--dvc-color-secondary=#f3f2f1] - Back button.
 * @cssproperty [--dvc-color-link=#1d70b8] - Links.
 * @cssproperty [--dvc-color-border=#b1b4b6] - Rules between review rows.
 * @cssproperty [--dvc-color-hint=#505a5f] - Secondary text.
 * @cssproperty [--dvc-color-error=#b3261e] - Errors.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline.
 * @cssproperty [--dvc-color-notice=#1d70b8] - Border of the assisted-mode note.
 * @cssproperty [--dvc-font-size-heading=1.5em] - Page headings.
 * @cssproperty [--dvc-space-l=1.5em] - Vertical rhythm.
 * @cssproperty [--dvc-max-width=40em] - Maximum width of the form.
 *
 * @event dvc-step-change - The page changed; `detail` is `{from, to, kind, index, total}`.
 * @event dvc-eligibility - The eligibility questions were decided; `detail` is `{status, reasons}`.
 * @event dvc-change - Re-dispatched by the fields when an answer changes (`{name, value}`).
 * @event dvc-invalid - Continue or Submit found problems; `detail` is `{page, problems}`.
 * @event dvc-submit - Every answer is valid and Submit was pressed; `detail` is the payload. Cancelable: `preventDefault()` stops the built-in delivery.
 * @event dvc-submitted - The payload was delivered; `detail` is `{payload, result}`.
 * @event dvc-error - The form cannot go on (procedure not loaded, delivery failed); `detail` is `{code, message, problems?}`.
 */
@customElement('dvc-form')
export class DvcForm extends LitElement {
  static override styles = [formStyles, draftStyles];

  /** URL of the procedure JSON file. */
  @property() procedure = '';
  /** A procedure already parsed (object) or its JSON text; checked by the loader like a file. */
  @property({ attribute: false }) procedureData?: Procedure | string;
  /** The validator module built by `dvc-forms compile`, for pages under a strict CSP. */
  @property({ attribute: false }) compiled?: CompiledModule;
  /**
   * Where the built-in delivery POSTs the signed submission (`{ "jws": … }` with an
   * Idempotency-Key, retried on network errors and 5xx) when no `submitter` is set.
   */
  @property() action = '';
  /** Interface language: `vi` (default) or `en`. Can change at any time; answers are kept. */
  @property({ reflect: true, converter: langAttribute }) override lang = '';
  /** Answers known beforehand (e.g. from VNeID); those fields are marked as prefilled. */
  @property({ attribute: false }) prefill?: Record<string, unknown>;
  /** URL of a JSON object of answers to prefill. */
  @property({ attribute: 'prefill-src' }) prefillSrc = '';
  /** Who is filling the form in with the applicant (clerk, postal worker, volunteer). */
  @property({ attribute: 'assisted-by' }) assistedBy = '';
  /**
   * The agency's postage in đồng for returning results by post, when the procedure has no
   * `postage` of its own (docs/payments.md); verify must be given the same tariff.
   */
  @property({ type: Number }) postage?: number;
  /** How the result is received (procedures offering post or several ways). @internal */
  readonly deliveryChoice = new DeliveryChoiceController(this);
  /** Ask one question per page (also switched on by the procedure's `ui.oneQuestionPerPage`). */
  @property({ type: Boolean, attribute: 'one-question-per-page' }) oneQuestionPerPage = false;
  /**
   * The first page's plain questions (text, number, phone, e-mail, ID, select, radio, date) show
   * first as plain controls that look and read as their fields, and become their field elements
   * one by one once the page is on screen (light-questions.ts): the page is usable sooner.
   * `light-first-page="false"` renders every question as its element from the start.
   */
  @property({
    attribute: 'light-first-page',
    converter: { fromAttribute: (value: string | null) => value !== 'false' },
  })
  lightFirstPage = true;
  /** @internal */
  light: import('./light-questions.js').LightQuestions | undefined;
  /** Today's date (`YYYY-MM-DD`) for the rules; defaults to today in Vietnam. For tests. */
  @property() today = '';
  /** Clock for `submittedAt`; replace it in tests. */
  @property({ attribute: false }) now: () => Date = () => new Date();
  /**
   * Delivers the payload after an uncancelled `dvc-submit`: the seam for signing, transport and
   * documents. Without it the form signs the payload and POSTs it to `action` (docs/signing.md).
   */
  @property({ attribute: false }) submitter?: Submitter;
  /**
   * The agency's tus endpoint for document files. Without it the files stay in the browser and
   * travel with the submission as multipart parts.
   */
  @property({ attribute: 'upload-endpoint' }) uploadEndpoint = '';
  /** URL POSTed to for a one-time nonce (`{ nonce, expiresAt }`) just before signing. */
  @property({ attribute: 'challenge-endpoint' }) challengeEndpoint = '';
  /** Requests in all (retries included) the built-in delivery makes before giving up. */
  @property({ type: Number, attribute: 'max-attempts' }) maxAttempts = 4;
  /**
   * Signs the submission instead of this browser's own key: any `{ sign(bytes) }` returning
   * `{ alg, signature, protectedHeader }` (a remote signing service, a certificate token; see
   * docs/signing.md).
   */
  @property({ attribute: false }) signer?: Signer;
  /** Backoff, per-request timeout and `fetch` of the built-in delivery (docs/signing.md). */
  @property({ attribute: false }) deliveryOptions?: DeliveryOptions;

  /** The procedure file's text as loaded: the signed payload carries its SHA-256. @internal */
  procedureText = '';
  /** SHA-256 of the procedure file when it came from `compiled` (no text to hash then). @internal */
  procedureSha256: string | undefined;
  /**
   * Drafts and the offline outbox (docs/reliability.md): `auto` (default) keeps them when the
   * procedure comes from a URL the page can load again, and not in assisted mode (a shared
   * computer) nor for a procedure given as data or a `blob:` URL (previews, the playground);
   * `on` always; `off` never.
   */
  @property() drafts: 'auto' | 'on' | 'off' = 'auto';
  /** Days a draft kept in this browser (IndexedDB, encrypted) lives after its last change. */
  @property({ type: Number, attribute: 'draft-ttl-days' }) draftTtlDays = 7;
  /**
   * `ask` (default): the form asks before keeping a draft on this device and keeps none without
   * consent. `granted`: the host page has obtained that consent itself.
   */
  @property({ attribute: 'draft-consent' }) draftConsent: 'ask' | 'granted' = 'ask';
  /** Megabytes of chosen files, not yet uploaded, kept with the draft in this browser. */
  @property({ type: Number, attribute: 'draft-file-cap-mb' }) draftFileCapMb = 50;

  /** Autosave, resume, two tabs and the offline outbox (drafts.ts, components/drafts). @internal */
  readonly draftLink = new FormDrafts(this);
  /** @internal */
  get draftController(): DraftController | undefined {
    return this.draftLink.controller;
  }

  /**
   * Submit, the payload, delivery and the outbox hand-over (submission.ts, a lazy chunk loaded
   * right after ready: submission-link.ts). @internal
   */
  readonly submission = new FormSubmissionLink(this);

  /**
   * Delivers a payload once `dvc-submit` was not cancelled. Subclasses (or a `submitter`) add
   * signing, documents and retries here; the default signs it and POSTs the JWS to `action`.
   */
  protected deliver(payload: SubmissionPayload): Promise<unknown> {
    return this.submission.deliver(payload);
  }

  /** `deliver`, for the submission controller. @internal */
  deliverPayload(payload: SubmissionPayload): Promise<unknown> {
    return this.deliver(payload);
  }

  /** Typing in and leaving fields (field-events.ts). @internal */
  readonly fieldEvents = new FormFieldEvents(this);

  /** A question page: its fields, documents, Continue and Back (questions.ts). @internal */
  readonly questions = new FormQuestions(this);

  /** The error summary and its links (summary.ts). @internal */
  readonly summary = new FormSummary(this);

  /** The review, "cannot apply" and confirmation pages (review-page.ts, a lazy chunk). @internal */
  readonly reviewPages = new FormReviewLink(this);

  /** The server-rendered first page in the light DOM, adopted when ready (first-page-adoption.ts). @internal */
  readonly firstPage = new FirstPageAdoption(this);

  /** Loading the procedure and prefill, resetting the journey (loader.ts). @internal */
  readonly loader = new FormLoading(this);

  /** The documents' upload elements and problems (documents.ts). @internal */
  readonly formDocuments = new FormDocuments(this);

  /** Pages, Continue and Back, history, resuming a draft (navigation.ts). @internal */
  readonly navigation = new FormNavigation(this);

  /** @internal */
  @state() status: 'loading' | 'error' | 'ready' = 'loading';
  /** @internal */
  @state() loaded?: Procedure;
  /**
   * The session's last decision. Not reactive on purpose: a new decision re-renders the page only
   * when what a page shows changed (which questions, which are required, eligibility), so typing
   * or leaving a field re-renders that field alone (`decide`).
   * @internal
   */
  rulesResult?: RulesResult;
  /** The answers as the session holds them; read at render time, so typing needs no re-render. @internal */
  get answers(): Record<string, unknown> {
    return this.session?.answers ?? {};
  }
  /** @internal */
  @state() pageId = '';
  /**
   * The problems rendered into the fields, by field path (or `declaration`): every problem of
   * the field, so a repeat group can place each one at its item.
   * @internal
   */
  @state() shown = new Map<string, Problem[]>();
  /** Paths listed in the error summary, in page order. @internal */
  @state() summaryPaths: string[] = [];
  /** @internal */
  @state() declarationAccepted = false;
  /** @internal */
  @state() helperConfirmed = false;
  /** @internal */
  @state() submitting = false;
  /** @internal */
  @state() submitFailed = false;

  /** @internal */
  validator?: Validator;
  /**
   * The applicant's answers and every decision about them (rules, validation, documents, fee):
   * the same Session the CLI and the agency's server use (src/session). The element renders it.
   * @internal
   */
  session?: Session;
  /** @internal */
  steps: Step[] = [];
  /** @internal */
  prefilled: Record<string, unknown> = {};
  /** @internal */
  loadToken = 0;
  /** @internal */
  rulesToken = 0;
  /** @internal */
  rulesPending: Promise<void> = Promise.resolve();
  /** @internal */
  loading: Promise<void> = Promise.resolve();

  /** The element's own `lang`, else the closest `lang` around it (`<html lang="en">`), else vi. @internal */
  get uiLang(): Lang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  /** @internal */
  get msg(): FormMessages {
    return formMessages(this.uiLang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('procedure') ||
      changed.has('procedureData') ||
      changed.has('compiled') ||
      changed.has('prefillSrc') ||
      changed.has('today')
    ) {
      this.loading = this.loader.load();
    } else if (changed.has('prefill') && this.status === 'ready' && this.prefill) {
      this.loader.applyPrefill(this.prefill);
      void this.evaluateRules();
    }
    if (changed.has('lang') && changed.get('lang') !== undefined && this.status === 'ready') {
      this.refreshMessages();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.status === 'ready') this.formDocuments.syncDocuments();
  }

  // ---- documents -----------------------------------------------------------------------

  /** The payload's `documents`: the files of every visible document, in `documents` order. */
  collectDocuments(): PayloadDocument[] {
    return this.formDocuments.slots.documents(
      this.formDocuments.documentIds(this.pages.flatMap((p) => p.fields)),
    );
  }

  /**
   * The same entries with their bytes (`file`), for a multipart submission when there is no
   * `upload-endpoint` (`buildMultipartBody(jws, form.collectDocumentFiles())`).
   */
  collectDocumentFiles(): UploadEntry[] {
    return this.formDocuments.slots.files(
      this.formDocuments.documentIds(this.pages.flatMap((p) => p.fields)),
    );
  }

  /**
   * Resolves once the form is ready (or has failed to load), the latest answers have gone
   * through the rules and the page has rendered: hosts and tests await it after setting a value.
   * Whenever it is called: right after `appendChild` or after setting `procedure`, the load
   * starts in the next update (`willUpdate`), so the pending update is awaited first, and a load
   * or rules run started meanwhile is awaited too, as is a draft being resumed or started again
   * ("Tiếp tục", "Khai lại"). A form with nothing to load resolves after its pending update.
   */
  async settled(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      const loading = this.loading;
      await loading;
      // A draft being resumed ("Tiếp tục"): its answers go in once the store was looked at.
      const drafts = this.draftController?.busy;
      await drafts;
      let pending: Promise<void>;
      do {
        pending = this.rulesPending;
        await pending;
      } while (pending !== this.rulesPending);
      await this.updateComplete;
      await this.firstPage.adopting;
      await this.light?.flush();
      if (
        loading === this.loading &&
        drafts === this.draftController?.busy &&
        pending === this.rulesPending &&
        !this.isUpdatePending
      ) {
        return;
      }
    }
  }

  // ---- loading -------------------------------------------------------------------------

  /** Loads (or reloads) the procedure and resets the journey. */
  async reload(): Promise<void> {
    this.loading = this.loader.load();
    await this.loading;
  }

  /** @internal */
  fieldsIn(steps: Step[]): { step: Step; field: FieldUi }[] {
    return steps.flatMap((step) => step.fields.map((field) => ({ step, field })));
  }

  // ---- rules and validation ------------------------------------------------------------

  /** @internal */
  get visibility(): Visibility {
    const r = this.rulesResult;
    if (!r) return EMPTY_VISIBILITY;
    return { hiddenFields: new Set(r.hidden.fields), hiddenDocuments: new Set(r.hidden.documents) };
  }

  /** @internal */
  get oneQuestion(): boolean {
    return this.oneQuestionPerPage || this.loaded?.ui.oneQuestionPerPage === true;
  }

  /**
   * The question pages for the current answers (conditional questions come and go). Built again
   * only when the steps, the rules' decision or the one-question mode changed: leaving a field
   * asks which page it is on, and building the pages walks every question.
   * @internal
   */
  get pages(): Page[] {
    const key = [this.steps, this.rulesResult, this.oneQuestion] as const;
    const memo = this.pagesMemo;
    if (memo && memo.key.every((k, i) => k === key[i])) return memo.pages;
    const pages = buildPages(this.steps, this.visibility, this.oneQuestion);
    this.pagesMemo = { key, pages };
    return pages;
  }

  private pagesMemo?: { key: readonly unknown[]; pages: Page[] };

  /** The question at `path` (top-level questions of every step), by a map built once per steps. @internal */
  fieldAt(path: string): FieldUi | undefined {
    if (this.fieldMap?.steps !== this.steps) {
      const byPath = new Map<string, FieldUi>();
      for (const { field } of this.fieldsIn(this.steps))
        if (!byPath.has(field.field)) byPath.set(field.field, field);
      this.fieldMap = { steps: this.steps, byPath };
    }
    return this.fieldMap.byPath.get(path);
  }

  private fieldMap?: { steps: Step[]; byPath: Map<string, FieldUi> };

  /**
   * Decides the current answers (the session runs only the rules whose inputs changed): the
   * newest decision is shown, and a field or document the rules just hid loses its error.
   * @internal
   */
  evaluateRules(): Promise<void> {
    const session = this.session;
    if (!session) return Promise.resolve();
    const token = ++this.rulesToken;
    session.setLang(this.uiLang);
    const run = session.check().then(
      (result) => {
        // Only the newest answers count: an older evaluation may finish last.
        if (token !== this.rulesToken) return;
        this.decide(result);
        const hidden = new Set<string>(result.hidden.fields);
        for (const id of result.hidden.documents) hidden.add(documentKey(id));
        if ([...this.shown.keys()].some((p) => hidden.has(p))) {
          this.shown = new Map([...this.shown].filter(([p]) => !hidden.has(p)));
          this.summaryPaths = this.summaryPaths.filter((p) => !hidden.has(p));
        }
      },
      (cause: unknown) => console.error('dvc-form: the rules failed', cause),
    );
    this.rulesPending = run;
    return run;
  }

  /**
   * Takes a decision of the session. The page renders again when it shows something else now:
   * other questions or pages, other required marks, another eligibility, or the review and
   * "cannot apply" pages, which show the fee and the reasons.
   * @internal
   */
  decide(result: RulesResult, render = false): void {
    const key = (r: RulesResult | undefined) =>
      r &&
      JSON.stringify([
        r.hidden,
        r.required,
        r.eligibility.status,
        r.eligibility.reasons.map((x) => x.rule),
      ]);
    const changed =
      render ||
      this.pageId === REVIEW ||
      this.pageId === INELIGIBLE ||
      key(result) !== key(this.rulesResult);
    this.rulesResult = result;
    if (changed) this.requestUpdate();
  }

  /**
   * Every problem of the answers and their normalised form, from the session: each required
   * object that holds questions is present (empty when nothing in it was answered yet), so an
   * untouched page reports each of its required questions (src/session/journey.ts).
   * @internal
   */
  validate(): { problems: Problem[]; value: Record<string, unknown> } {
    const session = this.session!;
    session.setLang(this.uiLang);
    return session.validation();
  }

  /**
   * The problems of each field that has any, keyed by field path. Each field on the page has the
   * last word (`withInputProblems`): a box holding text it cannot read (a date 31/02/2026, a
   * number "abc"), at a question or in an item of a repeat group, gives its own message instead,
   * as its answer is then empty, so the session says "required" (or nothing, for an optional
   * question) while the box still shows what was typed.
   * @internal
   */
  problemsByField(problems: Problem[], fields: Pick<FieldUi, 'field'>[]): Map<string, Problem[]> {
    const out = new Map<string, Problem[]>();
    for (const { field: path } of fields) {
      const own = problems.filter((p) => belongsTo(pointerToPath(p.path), path));
      const shown =
        this.renderRoot
          .querySelector<
            HTMLElement & { withInputProblems?(own: Problem[], lang: Lang): Problem[] }
          >(`#${fieldId(path)}`)
          ?.withInputProblems?.(own, this.uiLang) ?? own;
      if (shown.length > 0) out.set(path, shown);
    }
    return out;
  }

  /** Re-words the errors on screen in the new language. @internal */
  refreshMessages(): void {
    if (this.shown.size === 0 || !this.validator) return;
    const { problems } = this.validate();
    const fields = this.fieldsIn(this.steps).map((x) => x.field);
    const fresh = this.formDocuments.withDocumentProblems(
      this.problemsByField(problems, fields),
      fields,
    );
    // The sentence for problems no question owns (key ''), as the page or review shows it.
    if (this.shown.has('')) loadedEngine()!.addUnowned(this, problems, fresh, this.currentPage);
    const next = new Map<string, Problem[]>();
    for (const [path, old] of this.shown) {
      if (isDeclarationBox(path)) next.set(path, old);
      else next.set(path, fresh.get(path) ?? old);
    }
    this.shown = next;
  }

  // ---- field events --------------------------------------------------------------------

  // ---- navigation ----------------------------------------------------------------------

  /** @internal */
  get currentPage(): Page | undefined {
    return this.pages.find((p) => p.id === this.pageId);
  }

  // ---- submission ----------------------------------------------------------------------

  // ---- rendering -----------------------------------------------------------------------

  override render() {
    const msg = this.msg;
    if (this.status === 'loading') {
      return (
        this.firstPage.renderWhileLoading() ??
        html`<div class="status" part="status" role="status" aria-live="polite">
          ${msg.loading}
        </div>`
      );
    }
    if (this.status === 'error') {
      return html`<div class="status error-page" part="status" role="alert">
        <h2 part="heading">${msg.loadFailedHeading}</h2>
        <p>${msg.loadFailedBody}</p>
        <p>${msg.loadFailedWhatToDo}</p>
        ${
          this.procedure || this.procedureData !== undefined || this.compiled
            ? html`<button
                type="button"
                part="button button-secondary"
                class="secondary"
                @click=${() => void this.reload()}
              >
                ${msg.retry}
              </button>`
            : nothing
        }
      </div>`;
    }
    // On the first page taken over from the server's plain one, what the plain page lacks (the
    // assisted note, the drafts' notices) goes below it: above, it would move its questions. The
    // drafts' notices also go below a page that may be in use already (drafts.ts).
    const adopted = this.firstPage.noticesBelow();
    const notesBelow = adopted || this.draftLink.noticesBelow();
    const assisted = this.assistedBy
      ? html`<p class="assisted" part="assisted-note">${msg.assistedNote(this.assistedBy)}</p>`
      : nothing;
    const notices = this.draftController?.renderNotices() ?? nothing;
    return html`
      <div class="form">
        ${adopted ? nothing : assisted} ${notesBelow ? nothing : notices}
        ${this.draftController?.renderOffer() ?? this.renderPage()} ${adopted ? assisted : nothing}
        ${notesBelow ? notices : nothing}
      </div>
    `;
  }

  /** @internal */
  renderPage(): TemplateResult {
    if (this.pageId === SUBMITTED) return this.reviewPages.renderSubmitted();
    if (this.pageId === INELIGIBLE) return this.reviewPages.renderIneligible();
    if (this.pageId === REVIEW) return this.reviewPages.renderReview();
    const page = this.currentPage ?? this.pages[0];
    if (!page) return this.reviewPages.renderReview();
    return this.questions.renderQuestions(page);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-form': DvcForm;
  }
}
