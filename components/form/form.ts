import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { mentionsLabel, type createValidator } from '../../src/validation/index.js';
import { ProcedureModel, type Session, type SessionState } from '../../src/session/index.js';
import { emptyValueOf, widgetOf } from '../base/widgets.js';
import type { Signer } from '../../src/signing/index.js';
import type { AuthorProblem, Problem } from '../../src/problem.js';
import type { DocumentSpec, FieldUi, Lang, Procedure, Step } from '../../src/procedure/index.js';
import type { DvcChangeEvent } from '../base/events.js';
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
import '../address-field/address-field.js';
import '../repeat-group/repeat-group.js';
import type {
  DvcErrorSelectEvent,
  DvcErrorSummary,
  ErrorSummaryItem,
} from '../error-summary/error-summary.js';
import {
  DvcEligibilityEvent,
  DvcErrorEvent,
  DvcInvalidEvent,
  DvcStepChangeEvent,
  DvcSubmitEvent,
  DvcSubmittedEvent,
  FORM_ERROR_CODE,
  PAGE_KIND,
  type EligibilityResult,
  type FormErrorCode,
  type FormPayload,
  type PageKind,
} from './events.js';
import { formStyles } from './form.styles.js';
import {
  embeddedDefinition,
  fetchPrefill,
  loadDefinition,
  type EmbeddedDefinition,
} from './loader.js';
import { renderFee, renderIneligible, renderReviewRow, UnitNames } from './review.js';
// Drafts, delivery (signing, transport, receipt) and the upload element are lazy chunks of the
// one-file bundle (docs/performance.md): only their types are imported here.
import type { DraftController, DraftControllerOptions } from '../drafts/controller.js';
import { draftStyles } from '../drafts/styles.js';
import { formatBytes, localize } from './format.js';
import {
  belongsTo,
  buildPages,
  fieldId,
  getPath,
  isSchemaRequired,
  pointerToPath,
  recordsUntickedAsFalse,
  schemaAt,
  setPath,
  type Page,
  type Visibility,
} from './journey.js';
import { formMessages, type FormMessages } from './messages.js';
import { FormHistoryController } from './history.js';
import { inheritedLang, langAttribute, toUiLang } from '../base/i18n.js';
import type { DeliveryOptions, FormDeliveryController } from '../submission/form-delivery.js';
import { DocumentSlots, documentIdOfKey, documentKey, loadUploadElement } from './documents.js';
import type { PayloadDocument } from '../../src/submission/index.js';
import type { UploadEntry } from '../upload/upload.js';
import { DeliveryChoiceController, DELIVERY_TARGET } from '../delivery-choice/controller.js';

type Validator = Awaited<ReturnType<typeof createValidator>>;
type CompiledModule = NonNullable<NonNullable<Parameters<typeof createValidator>[1]>['compiled']>;
/** What the form shows comes from its session's last `check()` (src/session). */
type RulesResult = SessionState;

/** Delivers a payload (signing, transport, documents); resolves with the receipt. */
export type Submitter = (payload: FormPayload, form: DvcForm) => Promise<unknown>;

/** Page ids that are not question pages. */
const REVIEW = 'review';
const INELIGIBLE = 'ineligible';
const SUBMITTED = 'submitted';
const DECLARATION_ID = 'declaration';
/** Assisted mode: the helper's own statement, a second box beside the applicant's. */
const HELPER_ID = 'helper-declaration';
const isDeclarationBox = (path: string) => path === DECLARATION_ID || path === HELPER_ID;

/** The element a field is rendered with, as the fields engine defines it. */
interface FieldElement extends HTMLElement {
  value: unknown;
  name: string;
}

/** A repeat group's item problems by pointer relative to the group (`/0/fullName`). */
function groupErrorsOf(path: string, problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const prefix = `/${path.split('.').join('/')}`;
  for (const p of problems) {
    const rel = p.path.slice(prefix.length);
    if (p.path.startsWith(`${prefix}/`) && !(rel in errors)) errors[rel] = p.message;
  }
  return errors;
}

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
 * @cssproperty [--dvc-font-size-heading=1.5rem] - Page headings.
 * @cssproperty [--dvc-space-l=1.5rem] - Vertical rhythm.
 * @cssproperty [--dvc-max-width=40rem] - Maximum width of the form.
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
  /** How the result is received (procedures offering post or several ways). */
  private readonly deliveryChoice = new DeliveryChoiceController(this);
  /** Ask one question per page (also switched on by the procedure's `ui.oneQuestionPerPage`). */
  @property({ type: Boolean, attribute: 'one-question-per-page' }) oneQuestionPerPage = false;
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

  /** The procedure file's text as loaded: the signed payload carries its SHA-256. */
  private procedureText = '';
  /** SHA-256 of the procedure file when it came from `compiled` (no text to hash then). */
  private procedureSha256: string | undefined;
  /** Signing, challenge, transport with retries, and the receipt (components/submission). */
  private delivery?: FormDeliveryController;
  private deliveryLoading?: Promise<FormDeliveryController>;
  /** Set from the first click on Submit until that submission is over. */
  private submitInProgress = false;
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

  /** Autosave, resume, two tabs and the offline outbox (components/drafts, docs/reliability.md). */
  private draftController?: DraftController;
  private draftsLoading?: Promise<DraftController | undefined>;
  private readonly draftOptions: DraftControllerOptions = {
    state: () =>
      this.status === 'ready' && this.loaded && this.pageId && this.pageId !== SUBMITTED
        ? {
            procedure: this.loaded,
            // The delivery choice is kept (sealed) with the answers and comes back with them.
            answers: this.deliveryChoice.draftAnswers(this.answers),
            page: this.pageId,
          }
        : undefined,
    restore: (answers, page) => this.restoreDraft(this.deliveryChoice.restoreDraft(answers), page),
    lang: () => this.uiLang,
    ttlDays: () => this.draftTtlDays,
    fileCapMb: () => this.draftFileCapMb,
    checker: () => this.validator,
    consent: () => (this.draftConsent === 'granted' ? 'granted' : 'ask'),
    // Assisted mode keeps nothing on the (shared) device, whatever `drafts` says.
    enabled: () =>
      !this.assistedBy &&
      (this.drafts === 'on' ||
        (this.drafts !== 'off' &&
          this.procedureData === undefined &&
          !!this.procedure &&
          !/^(blob|data):/i.test(this.procedure))),
    onDelivered: (entry, response) => {
      void this.goTo(SUBMITTED);
      this.dispatchEvent(new DvcSubmittedEvent({ payload: entry.form, result: response }));
    },
  };

  /**
   * Starts (once) loading the drafts chunk; the controller joins the form when it arrives. It
   * is loaded even when drafts are off: the outbox of an earlier visit is still sent from it.
   * A chunk that cannot load costs the drafts, never the form.
   */
  private loadDrafts(): Promise<DraftController | undefined> {
    // The drafts chunk imports signing and transport (its outbox resends): fetching that chunk
    // at the same time saves a round trip before the form is ready (rollup adds no preload).
    if (!this.draftsLoading) void import('../submission/submit.js').catch(() => undefined);
    this.draftsLoading ??= import('../drafts/controller.js').then(
      ({ DraftController }) => {
        this.draftController = new DraftController(this, this.draftOptions);
        this.requestUpdate();
        return this.draftController;
      },
      (cause: unknown) => {
        console.error('dvc-form: drafts are off, their code cannot be loaded', cause);
        return undefined;
      },
    );
    return this.draftsLoading;
  }

  /**
   * Starts (once) loading signing, transport and the receipt: when the review page renders, so
   * the chunk is there by the time Submit is pressed, or on Submit at the latest.
   */
  private loadDelivery(): Promise<FormDeliveryController> {
    this.deliveryLoading ??= import('../submission/form-delivery.js').then(
      ({ FormDeliveryController }) => {
        this.delivery = new FormDeliveryController(this);
        this.requestUpdate();
        return this.delivery;
      },
    );
    // A failed chunk load is retried on the next attempt (a click on Submit).
    this.deliveryLoading.catch(() => (this.deliveryLoading = undefined));
    return this.deliveryLoading;
  }

  /** The `<dvc-upload>` of each document (light DOM, so files survive page changes). */
  private documentSlots = new DocumentSlots(this, (id) => this.onDocumentChange(id));

  @state() private status: 'loading' | 'error' | 'ready' = 'loading';
  @state() private loaded?: Procedure;
  /**
   * The session's last decision. Not reactive on purpose: a new decision re-renders the page only
   * when what a page shows changed (which questions, which are required, eligibility), so typing
   * or leaving a field re-renders that field alone (`decide`).
   */
  private rulesResult?: RulesResult;
  /** The answers as the session holds them; read at render time, so typing needs no re-render. */
  private get answers(): Record<string, unknown> {
    return this.session?.answers ?? {};
  }
  @state() private pageId = '';
  /**
   * The problems rendered into the fields, by field path (or `declaration`): every problem of
   * the field, so a repeat group can place each one at its item.
   */
  @state() private shown = new Map<string, Problem[]>();
  /** Paths listed in the error summary, in page order. */
  @state() private summaryPaths: string[] = [];
  @state() private declarationAccepted = false;
  @state() private helperConfirmed = false;
  @state() private submitting = false;
  @state() private submitFailed = false;

  private validator?: Validator;
  /**
   * The applicant's answers and every decision about them (rules, validation, documents, fee):
   * the same Session the CLI and the agency's server use (src/session). The element renders it.
   */
  private session?: Session;
  private steps: Step[] = [];
  private prefilled: Record<string, unknown> = {};
  /** Pages reached so far: the browser's Forward button may not skip validation. */
  private reached = new Set<string>();
  private loadToken = 0;
  private rulesToken = 0;
  private rulesPending: Promise<void> = Promise.resolve();
  private loading: Promise<void> = Promise.resolve();
  /** Set by a "Sửa" link on the review page. */
  private returnToReview = false;

  /** The element's own `lang`, else the closest `lang` around it (`<html lang="en">`), else vi. */
  private get uiLang(): Lang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  private get msg(): FormMessages {
    return formMessages(this.uiLang);
  }

  /** Back and Forward: this form's own page in history.state (history.ts). */
  private readonly history = new FormHistoryController(this, {
    key: () => ({ id: this.id, fallback: this.loaded?.code ?? 'form' }),
    restore: (page) => this.restorePage(page),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('procedure') ||
      changed.has('procedureData') ||
      changed.has('compiled') ||
      changed.has('prefillSrc') ||
      changed.has('today')
    ) {
      this.loading = this.load();
    } else if (changed.has('prefill') && this.status === 'ready' && this.prefill) {
      this.applyPrefill(this.prefill);
      void this.evaluateRules();
    }
    if (changed.has('lang') && changed.get('lang') !== undefined && this.status === 'ready') {
      this.refreshMessages();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.status === 'ready') this.syncDocuments();
  }

  // ---- documents -----------------------------------------------------------------------

  /** Whether document `doc` needs a file: always, or because a `require` rule says so now. */
  private isDocumentRequired(doc: DocumentSpec): boolean {
    return doc.required || (this.rulesResult?.required.documents.includes(doc.id) ?? false);
  }

  private syncDocuments(): void {
    this.documentSlots.sync({
      lang: this.uiLang,
      uploadEndpoint: this.uploadEndpoint,
      required: (doc) => this.isDocumentRequired(doc),
      error: (doc) => this.shown.get(documentKey(doc.id))?.[0]?.message ?? '',
    });
  }

  /** Documents asked for by `fields` and not hidden by the rules, in `documents` order. */
  private documentIds(fields: readonly FieldUi[]): string[] {
    if (!this.loaded) return [];
    const hidden = this.visibility.hiddenDocuments;
    return DocumentSlots.idsOf(this.loaded, fields).filter((id) => !hidden.has(id));
  }

  /** The payload's `documents`: the files of every visible document, in `documents` order. */
  collectDocuments(): PayloadDocument[] {
    return this.documentSlots.documents(this.documentIds(this.pages.flatMap((p) => p.fields)));
  }

  /**
   * The same entries with their bytes (`file`), for a multipart submission when there is no
   * `upload-endpoint` (`buildMultipartBody(jws, form.collectDocumentFiles())`).
   */
  collectDocumentFiles(): UploadEntry[] {
    return this.documentSlots.files(this.documentIds(this.pages.flatMap((p) => p.fields)));
  }

  /** The documents problems of `fields` merged into `byField`, in the order of `fields`. */
  private withDocumentProblems(
    byField: Map<string, Problem[]>,
    fields: readonly FieldUi[],
  ): Map<string, Problem[]> {
    const docs = this.documentSlots.problems(
      this.documentIds(fields),
      (doc) => this.isDocumentRequired(doc),
      this.uiLang,
    );
    if (docs.size === 0) return byField;
    const out = new Map<string, Problem[]>();
    for (const f of fields) {
      const key = f.widget === 'file' && f.document ? documentKey(f.document) : f.field;
      const problems = byField.get(f.field) ?? docs.get(key);
      if (problems) out.set(key, problems);
    }
    return out;
  }

  /** A file was added or removed: its error goes, and the review page lists the new files. */
  private onDocumentChange(id: string): void {
    const key = documentKey(id);
    if (this.shown.has(key)) {
      const next = new Map(this.shown);
      next.delete(key);
      this.shown = next;
    } else {
      this.requestUpdate();
    }
  }

  /** Shows the page asking for document `id` and focuses its file button. */
  private async focusDocument(id: string): Promise<void> {
    const page = this.pages.find((p) => p.fields.some((f) => f.document === id));
    if (page && page.id !== this.pageId) await this.goTo(page.id, { focus: false });
    this.documentSlots.focus(id);
  }

  /**
   * Resolves once the latest answers have gone through the rules and the page has rendered:
   * hosts and tests await it after setting a value.
   */
  async settled(): Promise<void> {
    await this.loading;
    let pending: Promise<void>;
    do {
      pending = this.rulesPending;
      await pending;
    } while (pending !== this.rulesPending);
    await this.updateComplete;
  }

  // ---- loading -------------------------------------------------------------------------

  /** Loads (or reloads) the procedure and resets the journey. */
  async reload(): Promise<void> {
    this.loading = this.load();
    await this.loading;
  }

  private async load(): Promise<void> {
    const embedded = this.embeddedDefinition();
    if (!embedded && !this.procedure && this.procedureData === undefined) return;
    const token = ++this.loadToken;
    this.status = 'loading';
    const stale = () => token !== this.loadToken;
    // The drafts chunk downloads while the procedure does, not after it.
    const drafts = this.loadDrafts();
    const source = embedded ?? (await this.loadDefinition(stale));
    if (!source || stale()) return;
    const procedure = source.procedure;
    // The upload element (with tus and the file checks) downloads while the validator is built.
    const uploads = procedure.documents.length > 0 ? loadUploadElement() : undefined;
    let model: ProcedureModel;
    try {
      model = await ProcedureModel.create(
        procedure,
        this.compiled ? { compiled: this.compiled } : undefined,
      );
    } catch (cause) {
      if (!stale()) this.fail(FORM_ERROR_CODE.validator, 'Cannot build the validator', cause);
      return;
    }
    let prefill: Record<string, unknown> = {};
    if (this.prefillSrc) {
      try {
        prefill = await fetchPrefill(this.prefillSrc);
      } catch (cause) {
        // A missing prefill only costs typing: report it and go on with an empty form.
        if (stale()) return;
        console.error(`dvc-form: cannot prefill from ${this.prefillSrc}`, cause);
        this.dispatchEvent(
          new DvcErrorEvent({
            code: FORM_ERROR_CODE.prefill,
            message: `Cannot prefill from ${this.prefillSrc}`,
            cause,
          }),
        );
      }
    }
    // The drafts controller and the upload element are in place before the form is ready, as
    // when they were static.
    await Promise.all([drafts, uploads]);
    if (stale()) return;
    this.validator = model.validator;
    this.session = model.createSession({
      ...(this.today ? { today: this.today } : {}),
      lang: this.uiLang,
    });
    this.steps = [...model.steps];
    this.loaded = procedure;
    // What the payload's procedure hash is taken from: the file's text, or the hash the
    // compiled module carries (its definition is the parsed file, not its bytes).
    this.procedureText = source.text;
    this.procedureSha256 = source.sha256;
    this.delivery?.reset();
    this.documentSlots.reset(
      procedure,
      this.fieldsIn(this.steps).map((x) => x.field),
    );
    this.prefilled = {};
    this.reached = new Set();
    this.returnToReview = false;
    this.shown = new Map();
    this.summaryPaths = [];
    this.declarationAccepted = false;
    this.helperConfirmed = false;
    this.submitFailed = false;
    this.applyPrefill({ ...prefill, ...(this.prefill ?? {}) });
    try {
      this.decide(await this.session.check(), true);
    } catch (cause) {
      if (!stale()) this.fail(FORM_ERROR_CODE.procedureInvalid, 'The rules cannot run', cause);
      return;
    }
    if (stale()) return;
    const first = this.pages[0]?.id ?? REVIEW;
    this.pageId = first;
    this.reached.add(first);
    this.status = 'ready';
    this.writeHistory(first, 'replace');
  }

  private embeddedDefinition(): EmbeddedDefinition | undefined {
    return embeddedDefinition(this.compiled, this.procedureData);
  }

  /** Fetches (or takes) the procedure text and checks it with the loader; undefined on failure. */
  private async loadDefinition(
    stale: () => boolean,
  ): Promise<{ procedure: Procedure; text: string; sha256?: undefined } | undefined> {
    const result = await loadDefinition(this.procedure, this.procedureData, stale);
    if (!result || stale()) return undefined;
    if (!result.ok) {
      this.fail(result.code, result.message, result.cause, result.problems);
      return undefined;
    }
    return { procedure: result.procedure, text: result.text };
  }

  private fail(
    code: FormErrorCode,
    message: string,
    cause?: unknown,
    problems?: AuthorProblem[],
  ): void {
    this.status = 'error';
    // The details are for the developer; the person sees the plain message in the page.
    console.error(
      `dvc-form: ${message}`,
      ...(problems ? [problems] : []),
      ...(cause ? [cause] : []),
    );
    this.dispatchEvent(
      new DvcErrorEvent({
        code,
        message,
        ...(problems ? { problems } : {}),
        ...(cause ? { cause } : {}),
      }),
    );
  }

  private applyPrefill(prefill: Record<string, unknown>): void {
    const session = this.session;
    if (!session) return;
    for (const { field } of this.fieldsIn(this.steps)) {
      const value = getPath(prefill, field.field);
      if (value === undefined) continue;
      session.set(field.field, value);
      this.prefilled = setPath(this.prefilled, field.field, value);
    }
  }

  private fieldsIn(steps: Step[]): { step: Step; field: FieldUi }[] {
    return steps.flatMap((step) => step.fields.map((field) => ({ step, field })));
  }

  // ---- rules and validation ------------------------------------------------------------

  private get visibility(): Visibility {
    const r = this.rulesResult;
    if (!r) return EMPTY_VISIBILITY;
    return { hiddenFields: new Set(r.hidden.fields), hiddenDocuments: new Set(r.hidden.documents) };
  }

  private get oneQuestion(): boolean {
    return this.oneQuestionPerPage || this.loaded?.ui.oneQuestionPerPage === true;
  }

  /** The question pages for the current answers (conditional questions come and go). */
  private get pages(): Page[] {
    return buildPages(this.steps, this.visibility, this.oneQuestion);
  }

  /**
   * Decides the current answers (the session runs only the rules whose inputs changed): the
   * newest decision is shown, and a field or document the rules just hid loses its error.
   */
  private evaluateRules(): Promise<void> {
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
   */
  private decide(result: RulesResult, render = false): void {
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
   */
  private validate(): { problems: Problem[]; value: Record<string, unknown> } {
    const session = this.session!;
    session.setLang(this.uiLang);
    return session.validation();
  }

  /** The problems of each field that has any, keyed by field path. */
  private problemsByField(problems: Problem[], fields: FieldUi[]): Map<string, Problem[]> {
    const out = new Map<string, Problem[]>();
    for (const field of fields) {
      const own = problems.filter((p) => belongsTo(pointerToPath(p.path), field.field));
      if (own.length > 0) out.set(field.field, own);
    }
    return out;
  }

  /** Re-words the errors on screen in the new language. */
  private refreshMessages(): void {
    if (this.shown.size === 0 || !this.validator) return;
    const { problems } = this.validate();
    const fields = this.fieldsIn(this.steps).map((x) => x.field);
    const fresh = this.withDocumentProblems(this.problemsByField(problems, fields), fields);
    const next = new Map<string, Problem[]>();
    for (const [path, old] of this.shown) {
      if (isDeclarationBox(path)) next.set(path, old);
      else next.set(path, fresh.get(path) ?? old);
    }
    this.shown = next;
  }

  /** The summary lines of a field: one per field, one per problem inside a repeat group. */
  private summaryLines(path: string): string[] {
    if (path === DECLARATION_ID) return [this.msg.declarationRequired];
    if (path === HELPER_ID) return [this.msg.helperDeclarationRequired];
    if (path === DELIVERY_TARGET) return this.deliveryChoice.problems.map((p) => p.message);
    const problems = this.shown.get(path) ?? [];
    const field = this.fieldsIn(this.steps).find((x) => x.field.field === path)?.field;
    const lines = problems.map((p) => p.message || this.msg.unnamedProblem);
    return field?.widget === 'group' ? [...new Set(lines)] : lines.slice(0, 1);
  }

  // ---- field events --------------------------------------------------------------------

  private fieldOf(e: Event): FieldElement | undefined {
    const el = e.target as HTMLElement | null;
    return el?.dataset?.path ? (el as FieldElement) : undefined;
  }

  private setAnswer(path: string, value: unknown): void {
    const session = this.session;
    if (!session) return;
    const wasPrefilled = this.isPrefilled(path);
    session.set(path, this.typed(path, value));
    // The page is not rendered again for a typed answer: the drafts still save it, and the
    // field loses its "prefilled" mark once its answer is no longer the prefilled one.
    this.draftController?.hostUpdated();
    if (wasPrefilled !== this.isPrefilled(path)) this.requestUpdate();
  }

  /**
   * Option elements speak strings; the answer keeps the type the procedure gave the option
   * (a number or boolean enum value), so rules and the schema see what the author wrote.
   */
  private typed(path: string, value: unknown): unknown {
    const field = this.fieldsIn(this.steps).find((x) => x.field.field === path)?.field;
    if (!field?.options?.length) return value;
    const back = (v: unknown) => field.options!.find((o) => String(o.value) === v)?.value ?? v;
    return Array.isArray(value) ? value.map(back) : back(value);
  }

  /** While the person types: keep the answer, but leave the error on screen alone. */
  private onFieldInput = (e: Event): void => {
    const el = this.fieldOf(e);
    if (!el) return;
    this.setAnswer(el.dataset.path!, el.value);
  };

  private onFieldChange = (e: Event): void => {
    const el = this.fieldOf(e);
    if (!el) return;
    const path = el.dataset.path!;
    const detail = (e as DvcChangeEvent).detail;
    // A repeat group's inner fields bubble their own dvc-change through the group: then the
    // group's whole value is the answer.
    const value = e.type === 'dvc-change' && detail?.name === el.name ? detail.value : el.value;
    this.setAnswer(path, value);
    void this.evaluateRules();
  };

  /** After the person leaves a field, its error (or none) is shown. */
  private onFieldBlur = (e: FocusEvent): void => {
    const el = this.fieldOf(e);
    if (!el || !this.validator) return;
    if (e.relatedTarget && el.contains(e.relatedTarget as Node)) return;
    if (e.relatedTarget === el) return;
    const path = el.dataset.path!;
    void this.rulesPending.then(() => this.showFieldProblems(path));
  };

  /**
   * Validates one field (the session's `problemsFor`) and shows its error on that field alone:
   * leaving a field does not re-render the page. The page renders again only when the error
   * summary lists the field, so its line follows.
   */
  private showFieldProblems(path: string): void {
    if (!this.isShownOnPage(path) || !this.session) return;
    this.session.setLang(this.uiLang);
    const problems = this.session.problemsFor(path);
    const had = this.shown.has(path);
    if (problems.length > 0) this.shown.set(path, problems);
    else this.shown.delete(path);
    if (this.summaryPaths.includes(path)) {
      this.shown = new Map(this.shown);
      return;
    }
    if (!had && problems.length === 0) return;
    const el = this.renderRoot.querySelector<FieldElement & { error: string; errors?: unknown }>(
      `#${fieldId(path)}`,
    );
    if (!el) return;
    const group = el.localName === 'dvc-repeat-group';
    el.error = group
      ? (problems.find((p) => pointerToPath(p.path) === path)?.message ?? '')
      : (problems[0]?.message ?? '');
    if (group) el.errors = groupErrorsOf(path, problems);
  }

  /**
   * Enter in a one-line answer continues, as it submits a plain HTML form; text areas, buttons,
   * lists and pickers keep their own Enter.
   */
  private onFieldKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) {
      return;
    }
    const inner = e.composedPath()[0];
    if (!(inner instanceof HTMLInputElement)) return;
    if (!['text', 'tel', 'email', 'number', 'search'].includes(inner.type)) return;
    if (inner.getAttribute('role') === 'combobox' || inner.hasAttribute('aria-expanded')) return;
    e.preventDefault();
    // Let the field commit (normalise) its value first, as it does on blur.
    inner.dispatchEvent(new Event('change', { bubbles: true }));
    void this.onContinue();
  };

  private isShownOnPage(path: string): boolean {
    return this.currentPage?.fields.some((f) => f.field === path) ?? false;
  }

  /** Assisted mode: the helper's statement, recorded in the payload with the applicant's. */
  private renderHelperDeclaration() {
    const msg = this.msg;
    const error = this.shown.has(HELPER_ID);
    return html`${
        error
          ? html`<p class="error" id="helper-declaration-error">
              <span class="visually-hidden">${msg.errorPrefix}</span
              >${msg.helperDeclarationRequired}
            </p>`
          : nothing
      }
      <div class="checkbox">
        <input
          type="checkbox"
          id=${HELPER_ID}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'helper-declaration-error' : nothing}
          .checked=${this.helperConfirmed}
          @change=${(e: Event) => {
            this.helperConfirmed = (e.target as HTMLInputElement).checked;
            if (this.helperConfirmed && this.shown.has(HELPER_ID)) {
              const next = new Map(this.shown);
              next.delete(HELPER_ID);
              this.shown = next;
            }
          }}
        />
        <label for=${HELPER_ID}>${msg.helperDeclarationLabel}</label>
      </div>`;
  }

  private onErrorSelect = (e: DvcErrorSelectEvent): void => {
    e.preventDefault();
    const target = e.detail.target;
    if (isDeclarationBox(target)) {
      this.renderRoot.querySelector<HTMLInputElement>(`#${target}`)?.focus();
      return;
    }
    if (target === DELIVERY_TARGET) return this.deliveryChoice.focus();
    const doc = documentIdOfKey(this.summaryPaths.find((p) => fieldId(p) === target) ?? '');
    if (doc !== undefined) {
      void this.focusDocument(doc);
      return;
    }
    const path = this.pathOfId(target);
    if (path === undefined) return;
    const page = this.pages.find((p) => p.fields.some((f) => f.field === path));
    const focusField = () =>
      this.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus();
    if (page && page.id !== this.pageId) {
      void this.goTo(page.id, { focus: false }).then(focusField);
    } else {
      focusField();
    }
  };

  private pathOfId(id: string): string | undefined {
    return this.fieldsIn(this.steps).find(({ field }) => fieldId(field.field) === id)?.field.field;
  }

  // ---- navigation ----------------------------------------------------------------------

  private get currentPage(): Page | undefined {
    return this.pages.find((p) => p.id === this.pageId);
  }

  private pageKind(id: string): PageKind {
    if (id === REVIEW) return PAGE_KIND.review;
    if (id === INELIGIBLE) return PAGE_KIND.ineligible;
    if (id === SUBMITTED) return PAGE_KIND.submitted;
    return PAGE_KIND.question;
  }

  private progressOf(id: string): { index: number; total: number } {
    const ids = [...this.pages.map((p) => p.id), REVIEW];
    return { index: ids.indexOf(id) + 1, total: ids.length };
  }

  private writeHistory(page: string, mode: 'push' | 'replace'): void {
    this.history.record(page, mode);
  }

  private restorePage(page: string): void {
    if (this.status !== 'ready' || this.pageId === SUBMITTED || page === this.pageId) return;
    const known = page === REVIEW || page === INELIGIBLE || this.pages.some((p) => p.id === page);
    if (!known || !this.reached.has(page)) return;
    void this.goTo(page, { history: 'none' });
  }

  /**
   * Shows page `id`: moves focus to its heading (or leaves it to the caller) and records the
   * page in the browser history so the Back button works.
   */
  private async goTo(
    id: string,
    options: { focus?: boolean; history?: 'push' | 'none' } = {},
  ): Promise<void> {
    const from = this.pageId;
    this.pageId = id;
    if (id === REVIEW) this.returnToReview = false;
    this.reached.add(id);
    this.summaryPaths = [];
    this.submitFailed = false;
    if ((options.history ?? 'push') === 'push') this.writeHistory(id, 'push');
    const { index, total } = this.progressOf(id);
    const kind = this.pageKind(id);
    this.dispatchEvent(
      new DvcStepChangeEvent({
        from,
        to: id,
        kind,
        index: kind === PAGE_KIND.question || kind === PAGE_KIND.review ? index : 0,
        total,
      }),
    );
    await this.updateComplete;
    if (options.focus ?? true) {
      this.renderRoot.querySelector<HTMLElement>('#page-heading')?.focus();
    }
  }

  private async showProblems(page: string, problems: Problem[], paths: string[]): Promise<void> {
    this.summaryPaths = paths;
    this.dispatchEvent(new DvcInvalidEvent({ page, problems }));
    await this.updateComplete;
    this.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
  }

  private async onContinue(): Promise<void> {
    const page = this.currentPage;
    if (!page || !this.validator) return;
    this.recordUnticked(page);
    void this.evaluateRules();
    await this.settled();
    const current = this.currentPage ?? page;
    const { problems } = this.validate();
    const byField = this.withDocumentProblems(
      this.problemsByField(problems, current.fields),
      current.fields,
    );
    const shown = new Map(
      [...this.shown].filter(
        ([p]) => !current.fields.some((f) => f.field === p || documentKey(f.document ?? '') === p),
      ),
    );
    for (const [path, problem] of byField) shown.set(path, problem);
    this.shown = shown;
    if (byField.size > 0) {
      // In page order, as the summary lists them (the schema's order may differ).
      const pageProblems = [...byField.values()].flat();
      await this.showProblems(current.id, pageProblems, [...byField.keys()]);
      return;
    }
    const pages = this.pages;
    const index = pages.findIndex((p) => p.id === current.id);
    const next = pages[index + 1];
    if (current.eligibility && !next?.eligibility) {
      const eligibility = this.rulesResult!.eligibility;
      this.dispatchEvent(
        new DvcEligibilityEvent({
          status: eligibility.status,
          reasons: structuredClone(eligibility.reasons),
        }),
      );
      if (eligibility.status === 'ineligible') {
        await this.goTo(INELIGIBLE);
        return;
      }
    }
    if (this.returnToReview && this.canReturnToReview()) {
      await this.goTo(REVIEW);
      return;
    }
    await this.goTo(next?.id ?? REVIEW);
  }

  /**
   * A check box the person saw and left unticked means "no": on Continue it is recorded as
   * `false`, so the review page says "Không" and the payload carries it (docs/form.md). Boxes
   * that must be ticked keep no answer (recordsUntickedAsFalse). Returns the paths set.
   */
  private recordUnticked(page: Page): string[] {
    if (!this.loaded) return [];
    const paths: string[] = [];
    for (const field of page.fields) {
      if (getPath(this.answers, field.field) !== undefined) continue;
      if (!recordsUntickedAsFalse(this.loaded.data, field)) continue;
      this.setAnswer(field.field, false);
      paths.push(field.field);
    }
    return paths;
  }

  private async onBack(): Promise<void> {
    const pages = this.pages;
    if (this.pageId === INELIGIBLE) {
      const lastEligibility = [...pages].reverse().find((p) => p.eligibility);
      await this.goTo(lastEligibility?.id ?? pages[0].id);
      return;
    }
    const index =
      this.pageId === REVIEW ? pages.length : pages.findIndex((p) => p.id === this.pageId);
    if (index > 0) await this.goTo(pages[index - 1].id);
  }

  private async onChangeLink(e: Event, path: string): Promise<void> {
    e.preventDefault();
    const page = this.pages.find((p) => p.fields.some((f) => f.field === path));
    if (!page) return;
    this.returnToReview = true;
    await this.goTo(page.id);
  }

  /**
   * After a "Sửa" link, Continue goes straight back to the review page unless the change made
   * another page need answers (a question that just appeared, or one now required).
   */
  private canReturnToReview(): boolean {
    const { problems } = this.validate();
    const visible = this.pages.flatMap((p) => p.fields);
    return this.withDocumentProblems(this.problemsByField(problems, visible), visible).size === 0;
  }

  /**
   * Puts a draft's answers back (DraftController): with `page`, the journey resumes there and
   * every page before it counts as reached; without, the page stays (another tab's change).
   */
  private async restoreDraft(answers: Record<string, unknown>, page?: string): Promise<void> {
    this.session?.replace(answers);
    this.requestUpdate();
    await this.evaluateRules();
    if (page === undefined) return;
    const ids = this.pages.map((p) => p.id);
    const target = page === REVIEW || ids.includes(page) ? page : (ids[0] ?? REVIEW);
    const upTo = target === REVIEW ? ids.length : ids.indexOf(target) + 1;
    for (const id of ids.slice(0, upTo)) this.reached.add(id);
    await this.goTo(target, { history: 'none' });
    this.writeHistory(target, 'replace');
  }

  // ---- submission ----------------------------------------------------------------------

  private async onSubmit(): Promise<void> {
    // A second click while the first is still being checked, signed or sent does nothing.
    if (this.submitInProgress) return;
    this.submitInProgress = true;
    try {
      await this.submitOnce();
    } finally {
      this.submitInProgress = false;
    }
  }

  private async submitOnce(): Promise<void> {
    if (!this.validator || !this.loaded || this.submitting) return;
    void this.evaluateRules();
    await this.settled();
    const rules = this.rulesResult!;
    if (rules.eligibility.status === 'ineligible') {
      await this.goTo(INELIGIBLE);
      return;
    }
    this.submitFailed = false;
    const { problems, value } = this.validate();
    const visibleFields = this.pages.flatMap((p) => p.fields);
    const byField = this.withDocumentProblems(
      this.problemsByField(problems, visibleFields),
      visibleFields,
    );
    const shown = new Map(byField);
    if (!this.declarationAccepted) {
      shown.set(DECLARATION_ID, [
        { code: 'declaration', path: '', message: this.msg.declarationRequired, params: {} },
      ]);
    }
    if (this.assistedBy && !this.helperConfirmed) {
      shown.set(HELPER_ID, [
        { code: 'declaration', path: '', message: this.msg.helperDeclarationRequired, params: {} },
      ]);
    }
    const deliveryProblems = await this.deliveryChoice.check(this.loaded, this.uiLang);
    if (deliveryProblems.length > 0) shown.set(DELIVERY_TARGET, deliveryProblems);
    this.shown = shown;
    if (shown.size > 0) {
      await this.showProblems(REVIEW, problems, [...shown.keys()]);
      return;
    }
    const payload: FormPayload = {
      procedure: { code: this.loaded.code, version: this.loaded.version },
      answers: value,
      eligibility: {
        status: rules.eligibility.status,
        reasons: structuredClone(rules.eligibility.reasons),
      } satisfies EligibilityResult,
      fee: structuredClone(rules.fee),
      lang: this.uiLang,
      assistedBy: this.assistedBy || null,
      // Both boxes were ticked (checked above); the helper's statement as it was shown.
      ...(this.assistedBy
        ? {
            assistance: {
              applicantConfirmed: true,
              helperConfirmed: true,
              helperStatement: this.msg.helperDeclarationLabel,
            },
          }
        : {}),
      submittedAt: this.now().toISOString(),
      documents: this.collectDocuments(),
    };
    const delivery = await this.deliveryChoice.payloadValue(this.loaded, this.uiLang);
    if (delivery) payload.delivery = delivery;
    if (!this.dispatchEvent(new DvcSubmitEvent(payload))) return;
    this.submitting = true;
    this.submitFailed = false;
    try {
      const result = await this.deliver(payload);
      this.submitting = false;
      await this.goTo(SUBMITTED);
      this.dispatchEvent(new DvcSubmittedEvent({ payload, result }));
    } catch (cause) {
      this.submitting = false;
      // No network: kept in the outbox and sent when the connection is back (docs/reliability.md).
      const queued =
        !this.submitter &&
        !!this.draftController &&
        (await this.draftController.queueIfOffline(payload, cause, {
          action: this.action,
          challengeEndpoint: this.challengeEndpoint || undefined,
          procedureText: this.procedureText,
          ...(this.procedureSha256 ? { procedureSha256: this.procedureSha256 } : {}),
          // Files without an upload endpoint wait in the outbox with it (multipart).
          documents: this.collectDocumentFiles(),
          // The very submission that failed: its key and, when it was sent, its signed bytes.
          submission: this.delivery?.pending ?? {},
        }));
      if (queued) return;
      this.submitFailed = true;
      console.error('dvc-form: the submission failed', cause);
      this.dispatchEvent(
        new DvcErrorEvent({
          code: FORM_ERROR_CODE.submit,
          message: 'The submission failed',
          cause,
        }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
    }
  }

  /**
   * Delivers a payload once `dvc-submit` was not cancelled. Subclasses (or a `submitter`) add
   * signing, documents and retries here; the default signs it and POSTs the JWS to `action`.
   */
  protected async deliver(payload: FormPayload): Promise<unknown> {
    if (this.submitter) return this.submitter(payload, this);
    if (!this.action) throw new Error('dvc-form has neither a submitter nor an action');
    // Challenge, signing (this browser's key or `signer`), POST with retries: components/submission.
    const delivery = await this.loadDelivery();
    return delivery.deliver(payload, {
      action: this.action,
      challengeEndpoint: this.challengeEndpoint,
      signer: this.signer,
      maxAttempts: this.maxAttempts,
      procedureText: this.procedureText,
      documents: this.collectDocumentFiles(),
      lang: this.uiLang,
      // The outbox takes the Idempotency-Key and the signed bytes from the delivery's
      // submission (queueIfOffline below), so fetch is not wrapped.
      overrides: {
        ...this.deliveryOptions,
        // From a compiled module there is no file text to hash: the delivery spreads `overrides`
        // last into the submission options, so the module's file hash is what gets signed.
        ...(this.procedureSha256 ? { procedureSha256: this.procedureSha256 } : {}),
      },
    });
  }

  // ---- rendering -----------------------------------------------------------------------

  override render() {
    const msg = this.msg;
    if (this.status === 'loading') {
      return html`<div class="status" part="status" role="status" aria-live="polite">
        ${msg.loading}
      </div>`;
    }
    if (this.status === 'error') {
      return html`<div class="status error-page" part="status" role="alert">
        <h2 part="heading">${msg.loadFailedHeading}</h2>
        <p>${msg.loadFailedBody}</p>
        <p>${msg.loadFailedWhatToDo}</p>
        ${
          this.procedure || this.procedureData !== undefined
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
    return html`
      <div class="form">
        ${
          this.assistedBy
            ? html`<p class="assisted" part="assisted-note">
                ${msg.assistedNote(this.assistedBy)}
              </p>`
            : nothing
        }
        ${this.draftController?.renderNotices() ?? nothing}
        ${this.draftController?.renderOffer() ?? this.renderPage()}
      </div>
    `;
  }

  private renderPage(): TemplateResult {
    if (this.pageId === SUBMITTED) return this.renderSubmitted();
    if (this.pageId === INELIGIBLE) return this.renderIneligible();
    if (this.pageId === REVIEW) return this.renderReview();
    const page = this.currentPage ?? this.pages[0];
    if (!page) return this.renderReview();
    return this.renderQuestions(page);
  }

  private renderProgress(id: string): TemplateResult {
    const { index, total } = this.progressOf(id);
    return html`<p class="progress" part="progress">${this.msg.progress(index, total)}</p>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (this.summaryPaths.length === 0) {
      return this.submitFailed && this.pageId === REVIEW ? this.renderSubmitFailed() : nothing;
    }
    const lines = this.summaryPaths.flatMap((path) =>
      this.summaryLines(path).map((message) => ({ path, message })),
    );
    // Each summary line must say which question it is about, and links with the same text that
    // lead to different questions fail WCAG 2.4.4: a message that does not name its field
    // ("Hãy chọn một câu trả lời") or that repeats names its question.
    const seen = new Map<string, number>();
    for (const { message } of lines) seen.set(message, (seen.get(message) ?? 0) + 1);
    const items: ErrorSummaryItem[] = lines.map(({ path, message }) => {
      const field = isDeclarationBox(path)
        ? undefined
        : this.fieldsIn(this.steps).find((x) => x.field.field === path)?.field;
      const question = localize(field?.label, this.uiLang);
      // A repeat group's lines are about its items' fields, which their messages name.
      const unnamed = field?.widget !== 'group' && !mentionsLabel(message, question);
      const label = question && ((seen.get(message) ?? 0) > 1 || unnamed) ? question : '';
      return {
        message: label ? this.msg.summaryForQuestion(message, label) : message,
        target: isDeclarationBox(path) || path === DELIVERY_TARGET ? path : fieldId(path),
      };
    });
    return html`<dvc-error-summary
      part="summary"
      .heading=${this.msg.errorSummaryHeading}
      .items=${items}
      @dvc-error-select=${this.onErrorSelect}
    ></dvc-error-summary>`;
  }

  /**
   * A submission the agency's server turned down (its problem detail) or that could not be sent:
   * at the top of the review page in the error summary, as GOV.UK places every problem that
   * stops the person going on. It names no field, so it is plain text, not a link.
   */
  private renderSubmitFailed(): TemplateResult {
    const msg = this.msg;
    return html`<dvc-error-summary
      part="summary"
      .heading=${msg.submitFailedHeading}
      .items=${[{ message: this.delivery?.failure || msg.submitFailedBody }]}
    ></dvc-error-summary>`;
  }

  private renderQuestions(page: Page): TemplateResult {
    const lang = this.uiLang;
    // In one-question-per-page mode the step title stays the heading and the progress counts
    // questions; the question itself is the field's label, so it is not read out twice.
    const heading = localize(page.step.title, lang);
    const pages = this.pages;
    const first = pages[0]?.id === page.id;
    return html`
      ${this.renderSummary()} ${this.renderProgress(page.id)}
      <h2 id="page-heading" part="heading" tabindex="-1">${heading}</h2>
      ${
        page.step.description
          ? html`<p class="description" part="description">
              ${localize(page.step.description, lang)}
            </p>`
          : nothing
      }
      <div
        class="fields"
        @input=${this.onFieldInput}
        @change=${this.onFieldChange}
        @dvc-change=${this.onFieldChange}
        @focusout=${this.onFieldBlur}
        @keydown=${this.onFieldKeydown}
      >
        ${keyed(
          page.id,
          page.fields.map((f) => this.renderField(f)),
        )}
      </div>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          @click=${() => void this.onContinue()}
        >
          ${this.msg.continue}
        </button>
        ${
          first
            ? nothing
            : html`<button
                type="button"
                class="secondary"
                part="button button-secondary"
                @click=${() => void this.onBack()}
              >
                ${this.msg.back}
              </button>`
        }
      </div>
    `;
  }

  private isRequired(field: FieldUi): boolean {
    if (!this.loaded) return false;
    return (
      isSchemaRequired(this.loaded.data, field.field) ||
      (this.rulesResult?.required.fields.includes(field.field) ?? false)
    );
  }

  private isPrefilled(path: string): boolean {
    const pre = getPath(this.prefilled, path);
    return pre !== undefined && JSON.stringify(pre) === JSON.stringify(getPath(this.answers, path));
  }

  private renderField(field: FieldUi): TemplateResult {
    if (field.widget === 'file') return this.renderDocument(field);
    const lang = this.uiLang;
    const tag = widgetOf(field).tag;
    const path = field.field;
    const value = getPath(this.answers, path);
    const problems = this.shown.get(path) ?? [];
    const group = field.widget === 'group';
    // A group shows its own problem (too few items…) itself and its items' problems at the items.
    const error = group
      ? (problems.find((p) => pointerToPath(p.path) === path)?.message ?? '')
      : (problems[0]?.message ?? '');
    const groupErrors = group ? groupErrorsOf(path, problems) : {};
    const options = field.options?.map((o) => ({
      value: String(o.value),
      label: localize(o.label, lang),
    }));
    if (group) {
      return html`<dvc-repeat-group
        id=${fieldId(path)}
        data-path=${path}
        .name=${path}
        .label=${localize(field.label, lang)}
        .hint=${localize(field.hint, lang)}
        .error=${live(error)}
        .errors=${groupErrors}
        .value=${this.shownValue(field, value)}
        .fields=${this.groupFields(field)}
        .min=${this.itemLimit(path, 'minItems') ?? 0}
        .max=${this.itemLimit(path, 'maxItems')}
        .itemLabel=${localize(field.itemLabel, lang)}
        .addLabel=${localize(field.addLabel, lang)}
        .required=${this.isRequired(field)}
        .prefilled=${this.isPrefilled(path)}
        .lang=${lang}
      ></dvc-repeat-group>`;
    }
    return staticHtml`<${tag}
      id=${fieldId(path)}
      data-path=${path}
      .name=${path}
      .label=${localize(field.label, lang)}
      .hint=${localize(field.hint, lang)}
      .placeholder=${localize(field.placeholder, lang)}
      .autocomplete=${field.autocomplete ?? ''}
      .inputmode=${field.inputmode ?? ''}
      .error=${live(error)}
      .value=${live(this.shownValue(field, value))}
      .required=${this.isRequired(field)}
      .prefilled=${this.isPrefilled(path)}
      .options=${options ?? []}
      .lang=${lang}
    ></${tag}>`;
  }

  /** A repeat group's item fields, localised, with `required` from the item schema. */
  private groupFields(field: FieldUi) {
    const lang = this.uiLang;
    const items = this.loaded ? schemaAt(this.loaded.data, field.field)?.items : undefined;
    const itemSchema = (items && typeof items === 'object' ? items : {}) as Record<string, unknown>;
    const required = Array.isArray(itemSchema.required) ? (itemSchema.required as string[]) : [];
    return (field.fields ?? []).map((sub) => ({
      field: sub.field,
      widget: sub.widget,
      label: localize(sub.label, lang),
      hint: localize(sub.hint, lang) || undefined,
      placeholder: localize(sub.placeholder, lang) || undefined,
      autocomplete: sub.autocomplete,
      inputmode: sub.inputmode,
      required: required.includes(sub.field),
      options: sub.options?.map((o) => ({
        value: String(o.value),
        label: localize(o.label, lang),
      })),
    }));
  }

  private itemLimit(path: string, keyword: 'minItems' | 'maxItems'): number | undefined {
    const n = this.loaded ? schemaAt(this.loaded.data, path)?.[keyword] : undefined;
    return typeof n === 'number' ? n : undefined;
  }

  private shownValue(field: FieldUi, value: unknown): unknown {
    if (value === undefined) return this.emptyValue(field);
    if (!field.options?.length) return value;
    return Array.isArray(value) ? value.map(String) : String(value);
  }

  private emptyValue(field: FieldUi): unknown {
    return emptyValueOf(field);
  }

  private documentOf(field: FieldUi): DocumentSpec | undefined {
    return this.loaded?.documents.find((d) => d.id === field.document);
  }

  /**
   * A document question: the slot where its `<dvc-upload>` (made by the form in its light DOM,
   * or the host's own element) shows the requirements and takes the files.
   */
  private renderDocument(field: FieldUi): TemplateResult {
    const id = field.document ?? field.field;
    return html`<div class="document" part="document-slot" id=${fieldId(documentKey(id))}>
      <slot name="document-${id}"><p class="hint">${this.msg.documentWillUpload}</p></slot>
    </div>`;
  }

  private renderIneligible(): TemplateResult {
    return renderIneligible(
      this.rulesResult?.eligibility.reasons ?? [],
      this.uiLang,
      this.msg,
      () => void this.onBack(),
    );
  }

  /** Names of provinces and communes for addresses on the review page (loaded on first use). */
  private readonly unitNames = new UnitNames(this);

  private renderReviewRow(field: FieldUi): TemplateResult {
    const schema = this.loaded ? schemaAt(this.loaded.data, field.field) : undefined;
    return renderReviewRow(field, getPath(this.answers, field.field), {
      lang: this.uiLang,
      msg: this.msg,
      format: typeof schema?.format === 'string' ? schema.format : undefined,
      formatAddress: (v) => this.unitNames.formatAddress(v),
      onChange: (e) => void this.onChangeLink(e, field.field),
    });
  }

  private renderFee(): TemplateResult {
    return renderFee(this.rulesResult?.fee, this.uiLang, this.msg);
  }

  private renderReview(): TemplateResult {
    // Signing and transport are needed from here on: fetch them while the person reads.
    if (!this.submitter) void this.loadDelivery().catch(() => undefined);
    const lang = this.uiLang;
    const msg = this.msg;
    const procedure = this.loaded!;
    const pages = this.pages;
    // One list per step, in journey order; documents are listed by the upload feature.
    const sections: { step: Step; fields: FieldUi[] }[] = [];
    for (const page of pages) {
      const fields = page.fields.filter((f) => f.widget !== 'file');
      if (fields.length === 0) continue;
      const last = sections[sections.length - 1];
      if (last && last.step.id === page.step.id) last.fields.push(...fields);
      else sections.push({ step: page.step, fields: [...fields] });
    }
    const declarationError = this.shown.has(DECLARATION_ID);
    return html`
      ${this.renderSummary()} ${this.renderProgress(REVIEW)}
      <h2 id="page-heading" part="heading" tabindex="-1">${msg.reviewHeading}</h2>
      <p>${msg.reviewIntro}</p>
      ${sections.map(
        (s) =>
          html`<section class="review-section" aria-labelledby="review-${s.step.id}">
            <h3 id="review-${s.step.id}">${localize(s.step.title, lang)}</h3>
            <dl class="review" part="review-list">
              ${s.fields.map((f) => this.renderReviewRow(f))}
            </dl>
          </section>`,
      )}
      ${this.renderReviewDocuments()} ${this.renderFee()}
      ${this.deliveryChoice.render(procedure, lang, this.rulesResult?.fee.total ?? 0)}
      <section class="declaration" part="declaration" aria-labelledby="declaration-heading">
        <h3 id="declaration-heading">${msg.declarationHeading}</h3>
        <p>${localize(procedure.declaration.text, lang)}</p>
        ${
          declarationError
            ? html`<p class="error" id="declaration-error">
                <span class="visually-hidden">${msg.errorPrefix}</span>${msg.declarationRequired}
              </p>`
            : nothing
        }
        <div class="checkbox">
          <input
            type="checkbox"
            id=${DECLARATION_ID}
            required
            aria-invalid=${declarationError ? 'true' : 'false'}
            aria-describedby=${declarationError ? 'declaration-error' : nothing}
            .checked=${this.declarationAccepted}
            @change=${(e: Event) => {
              this.declarationAccepted = (e.target as HTMLInputElement).checked;
              if (this.declarationAccepted && this.shown.has(DECLARATION_ID)) {
                const next = new Map(this.shown);
                next.delete(DECLARATION_ID);
                this.shown = next;
              }
            }}
          />
          <label for=${DECLARATION_ID}
            >${this.assistedBy ? msg.applicantConfirmLabel : msg.declarationLabel}</label
          >
        </div>
        ${this.assistedBy ? this.renderHelperDeclaration() : nothing}
      </section>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          ?disabled=${this.submitting}
          aria-disabled=${this.submitting ? 'true' : 'false'}
          @click=${() => void this.onSubmit()}
        >
          ${this.delivery?.buttonText(this.uiLang) ?? (this.submitting ? msg.submitting : msg.submit)}
        </button>
        ${
          pages.length > 0
            ? html`<button
                type="button"
                class="secondary"
                part="button button-secondary"
                @click=${() => void this.onBack()}
              >
                ${msg.back}
              </button>`
            : nothing
        }
      </div>
      ${
        this.delivery?.progress?.phase === 'retrying'
          ? html`<p class="hint" part="submit-progress">
              ${this.delivery.statusText(this.uiLang)}
            </p>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.delivery?.statusText(this.uiLang) || (this.submitting ? msg.submitting : '')}
      </div>
    `;
  }

  /** The files chosen for each visible document, with a "Sửa" link to the page asking for it. */
  private renderReviewDocuments(): TemplateResult | typeof nothing {
    const lang = this.uiLang;
    const msg = this.msg;
    const fields = this.pages.flatMap((p) => p.fields).filter((f) => f.widget === 'file');
    const ids = this.documentIds(fields);
    if (ids.length === 0) return nothing;
    return html`<section class="review-section" aria-labelledby="documents-review">
      <h3 id="documents-review">${msg.reviewDocumentsHeading}</h3>
      <dl class="review review-documents" part="review-list">
        ${ids.map((id) => {
          const field = fields.find((f) => f.document === id)!;
          const doc = this.documentOf(field)!;
          const title = localize(doc.title, lang);
          const files = this.documentSlots.documents([id]);
          return html`<div class="row">
            <dt>${title}</dt>
            <dd class="value">
              ${
                files.length > 0
                  ? html`<ul class="files">
                      ${files.map((f) => html`<li>${msg.reviewFile(f.name, formatBytes(f.size, this.uiLang))}</li>`)}
                    </ul>`
                  : msg.noFileChosen
              }
            </dd>
            <dd class="action">
              <a
                href="#${fieldId(documentKey(id))}"
                part="change-link"
                @click=${(e: Event) => void this.onChangeLink(e, field.field)}
                >${msg.change}<span class="visually-hidden"> ${title}</span></a
              >
            </dd>
          </div>`;
        })}
      </dl>
    </section>`;
  }

  private renderSubmitted(): TemplateResult {
    return html`<h2 id="page-heading" part="heading" tabindex="-1">${this.msg.submittedHeading}</h2>
      <p>${this.msg.submittedBody}</p>
      ${this.delivery?.renderReceipt(this.loaded, this.uiLang) ?? nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-form': DvcForm;
  }
}
