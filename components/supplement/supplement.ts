import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { live } from 'lit/directives/live.js';
import type { FieldUi, LocalizedText, Procedure } from '../../src/procedure/index.js';
import { getAt, isAnswered, ProcedureModel } from '../../src/session/index.js';
import {
  buildSupplementPayload,
  checkSupplement,
  type SupplementItems,
  type SupplementProblem,
} from '../../src/supplement/index.js';
import { sha256Hex, type PayloadDocument } from '../../src/submission/index.js';
import { signPayload } from '../../src/signing/index.js';
import { formatDay } from '../../src/calendar/index.js';
import { mentionsLabel } from '../../src/validation/index.js';
import { inheritedLang, toUiLang, type UiLang } from '../base/i18n.js';
import { widgetOf } from '../base/widgets.js';
import { browserSigner, fetchChallenge } from '../submission/index.js';
import '../error-summary/error-summary.js';
import type { DvcErrorSummary, ErrorSummaryItem } from '../error-summary/error-summary.js';
import '../upload/upload.js';
import type { DvcUpload } from '../upload/upload.js';
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
import { supplementMessages } from './messages.js';
import { supplementStyles } from './supplement.styles.js';

/** The open request as the receiver's status look-up gives it (docs/receiver.md#supplement). */
export interface SupplementRequestView {
  id: string;
  note: string;
  requestedAt?: string;
  items: SupplementItems;
  procedure: { code: string; version: string; url: string } | null;
}

/** The receiver accepted the supplement; `detail` is its answer. */
export class DvcSupplementedEvent extends Event {
  static readonly eventName = 'dvc-supplemented';
  readonly detail: {
    dossierCode: string;
    requestId: string;
    expectedResultDate?: string;
    /** When the receiver took it (RFC 3339): the dossier's new "Đang xử lý" step. */
    receivedAt?: string;
  };
  constructor(detail: DvcSupplementedEvent['detail']) {
    super(DvcSupplementedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

const pick = (text: LocalizedText | undefined, lang: UiLang) =>
  text ? (lang === 'en' && text.en) || text.vi : '';
const fieldId = (i: number) => `supplement-field-${i}`;
const docId = (i: number) => `supplement-doc-${i}`;

/**
 * @summary The applicant's supplement (bổ sung hồ sơ): exactly the answers and documents the
 * clerk asked for, with the procedure's own field and upload elements, checked by the same
 * function the receiver verifies with (src/supplement), signed (canonical JSON + JWS, the
 * browser's key) and sent with the applicant's look-up proof. `<dvc-status-lookup>` shows it
 * when the dossier waits for a supplement.
 *
 * @event dvc-supplemented - The receiver accepted the supplement.
 * @csspart button - The send button.
 */
@customElement('dvc-supplement')
export class DvcSupplement extends LitElement {
  static override styles = supplementStyles;

  /** The open request (from the status look-up). */
  @property({ attribute: false }) request?: SupplementRequestView;
  /** The dossier code and the applicant's proof, as typed in the look-up. */
  @property({ attribute: false }) code = '';
  @property({ attribute: false }) secret = '';
  /** The receiver's supplement endpoint. */
  @property() endpoint = '/api/supplements';
  /** The receiver's tus endpoint for the files. */
  @property({ attribute: 'upload-endpoint' }) uploadEndpoint = '/api/uploads/';
  /** The receiver's challenge endpoint (a nonce bound to the procedure). */
  @property({ attribute: 'challenge-endpoint' }) challengeEndpoint = '/api/challenges';
  /**
   * The procedure file itself instead of fetching `request.procedure.url`: its served text
   * (hashed as served) or the parsed object (Storybook, tests).
   */
  @property({ attribute: false }) procedureData?: string | Procedure;
  @property({ reflect: true }) override lang = '';

  @state() private procedure?: Procedure;
  @state() private loadError = false;
  @state() private values = new Map<string, unknown>();
  @state() private fieldErrors = new Map<string, string>();
  @state() private summary: ErrorSummaryItem[] = [];
  @state() private summaryHeading = '';
  @state() private sending = false;
  @state() private sent?: { expectedResultDate?: string };

  private model?: Promise<ProcedureModel>;
  private procedureSha256 = '';
  private loadedFor = '';
  /** One key per signed supplement: a retry after an uncertain failure replays, never doubles. */
  private pending?: { key: string; jws: string; fingerprint: string };

  private get uiLang(): UiLang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  override willUpdate(): void {
    const source = this.procedureData ?? this.request?.procedure?.url;
    const key = typeof source === 'string' ? source : source ? source.code : '';
    if (source && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load(source);
    }
  }

  private async load(source: string | Procedure): Promise<void> {
    try {
      let text: string;
      if (typeof source !== 'string') text = JSON.stringify(source);
      else if (this.procedureData !== undefined) text = source;
      else {
        const res = await fetch(source, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        text = await res.text();
      }
      // The served bytes: the supplement pins their SHA-256, as a submission does.
      this.procedureSha256 = await sha256Hex(text);
      const procedure = JSON.parse(text) as Procedure;
      this.model = ProcedureModel.create(procedure, { onRuleProblem: () => {} });
      await this.model;
      this.procedure = procedure;
    } catch {
      this.loadError = true;
    }
  }

  private questionOf(path: string): FieldUi | undefined {
    for (const step of this.procedure?.ui.steps ?? [])
      for (const f of step.fields) if (f.field === path) return f;
    return undefined;
  }

  /** Option elements speak strings; the answer keeps the option's own type (as in the form). */
  private typed(field: FieldUi, value: unknown): unknown {
    if (!field.options?.length) return value;
    const back = (v: unknown) => field.options!.find((o) => String(o.value) === v)?.value ?? v;
    return Array.isArray(value) ? value.map(back) : back(value);
  }

  private onInput(e: Event): void {
    const el = e.target as HTMLElement & { value: unknown; dataset: DOMStringMap };
    const path = el.dataset?.['path'];
    if (!path) return;
    const field = this.questionOf(path);
    const next = new Map(this.values);
    next.set(path, field ? this.typed(field, el.value) : el.value);
    this.values = next;
  }

  private uploads(): DvcUpload[] {
    return [...this.renderRoot.querySelectorAll<DvcUpload>('dvc-upload')];
  }

  /** Checks with the receiver's own function, then signs and sends. */
  async send(): Promise<void> {
    if (this.sending || !this.request || !this.model) return;
    const msg = supplementMessages(this.uiLang);
    const request = this.request;
    const items = request.items;
    const answers: Record<string, unknown> = {};
    for (const path of items.fields) {
      const v = this.values.get(path);
      if (isAnswered(v)) answers[path] = v;
    }
    const documents: PayloadDocument[] = this.uploads().flatMap((u) => u.documents);
    const model = await this.model;
    const checked = await checkSupplement(model, {
      items,
      answers,
      documents,
      lang: this.uiLang,
    });
    if (checked.problems.length) return this.showProblems(checked.problems);
    // The normalised answers are what the receiver compares with.
    const normalised = Object.fromEntries(
      items.fields.map((p) => [p, getAt(checked.normalised, p)] as const),
    );
    this.sending = true;
    this.summary = [];
    try {
      const fingerprint = JSON.stringify([normalised, documents]);
      if (this.pending?.fingerprint !== fingerprint) {
        const procedure = this.procedure!;
        let jws: string;
        try {
          const { nonce } = await fetchChallenge(this.challengeEndpoint, {
            lang: this.uiLang,
            procedure: { code: procedure.code, version: procedure.version },
          });
          const payload = buildSupplementPayload({
            request: { id: request.id, dossierCode: this.code, items },
            procedure,
            procedureSha256: this.procedureSha256,
            answers: normalised,
            documents,
            lang: this.uiLang,
            nonce,
          });
          jws = await signPayload(payload, await browserSigner());
        } catch (e) {
          const network = (e as { name?: string }).name === 'ChallengeError';
          return this.showSummary(msg.notSentHeading, [
            { message: network ? msg.networkFailed : msg.signingFailed },
          ]);
        }
        this.pending = { key: crypto.randomUUID(), jws, fingerprint };
      }
      let res: Response;
      try {
        res = await fetch(this.endpoint, {
          method: 'POST',
          credentials: 'same-origin',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'accept-language': this.uiLang,
            'idempotency-key': this.pending.key,
          },
          body: JSON.stringify({ code: this.code, secret: this.secret, jws: this.pending.jws }),
        });
      } catch {
        return this.showSummary(msg.notSentHeading, [{ message: msg.networkFailed }]);
      }
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 201) {
        this.pending = undefined;
        this.sent = {
          ...(typeof body['expectedResultDate'] === 'string'
            ? { expectedResultDate: body['expectedResultDate'] }
            : {}),
        };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#sent-heading')?.focus();
        this.dispatchEvent(
          new DvcSupplementedEvent({
            dossierCode: this.code,
            requestId: request.id,
            ...this.sent,
            ...(typeof body['receivedAt'] === 'string' ? { receivedAt: body['receivedAt'] } : {}),
          }),
        );
        return;
      }
      // A refusal is final for this signed token (its nonce may be spent): sign again next time.
      if (res.status < 500 && res.status !== 409) this.pending = undefined;
      const title = typeof body['title'] === 'string' ? body['title'] : msg.notSentHeading;
      const detail = typeof body['detail'] === 'string' ? body['detail'] : msg.networkFailed;
      return this.showSummary(title, [{ message: detail }]);
    } finally {
      this.sending = false;
    }
  }

  private async showProblems(problems: SupplementProblem[]): Promise<void> {
    const msg = supplementMessages(this.uiLang);
    const items = this.request!.items;
    const errors = new Map<string, string>();
    for (const p of problems) {
      if (errors.has(p.item)) continue;
      // A requested answer left out: the engine words it as the form does (its widget, its
      // author's message); a document left out is named here, by its title.
      const message =
        p.kind === 'answer'
          ? p.problem.message
          : p.kind === 'document'
            ? msg.documentInvalid
            : p.code === 'supplement-item-missing' && p.params['what'] === 'document'
              ? this.missingFile(p.item)
              : p.message;
      errors.set(p.item, message);
    }
    this.fieldErrors = errors;
    const target = (item: string) => {
      const f = items.fields.indexOf(item);
      if (f >= 0) return fieldId(f);
      const d = items.documents.indexOf(item);
      return d >= 0 ? docId(d) : undefined;
    };
    await this.showSummary(
      msg.errorHeading,
      [...errors].map(([item, message]) => {
        const t = target(item);
        // As the form's summary does: a line that does not name its question names it.
        const question = pick(this.questionOf(item)?.label, this.uiLang);
        if (question && !mentionsLabel(message, question))
          message = msg.summaryForQuestion(message, question);
        return t ? { message, target: t } : { message };
      }),
    );
  }

  /** "Vui lòng chọn tệp <title>", as the form says it. */
  private missingFile(slot: string): string {
    const lang = this.uiLang;
    const doc = this.procedure?.documents.find((d) => d.id === slot);
    return supplementMessages(lang).missingFile(pick(doc?.title, lang) || slot);
  }

  private async showSummary(heading: string, items: ErrorSummaryItem[]): Promise<void> {
    this.summaryHeading = heading;
    this.summary = items;
    await this.updateComplete;
    this.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
  }

  override render() {
    const lang = this.uiLang;
    const msg = supplementMessages(lang);
    const request = this.request;
    if (!request) return nothing;
    if (this.sent)
      return html`<section aria-labelledby="sent-heading">
        <h3 id="sent-heading" tabindex="-1">${msg.sentHeading}</h3>
        <p>
          ${msg.sent(
            this.sent.expectedResultDate ? (formatDay(this.sent.expectedResultDate) ?? '') : '',
          )}
        </p>
      </section>`;
    return html`<section aria-labelledby="supplement-heading">
      <h3 id="supplement-heading">${msg.heading}</h3>
      <p>${msg.intro}</p>
      <p class="subheading">${msg.noteLabel}</p>
      <p class="note">${request.note}</p>
      <dvc-error-summary .heading=${this.summaryHeading} .items=${this.summary}></dvc-error-summary>
      ${
        this.loadError
          ? html`<p role="alert">${msg.loadFailed}</p>`
          : !this.procedure
            ? html`<p role="status">${msg.loading}</p>`
            : this.renderItems(request.items, lang)
      }
    </section>`;
  }

  private renderItems(items: SupplementItems, lang: UiLang) {
    const msg = supplementMessages(lang);
    const procedure = this.procedure!;
    return html`
      <div class="fields" @input=${this.onInput} @change=${this.onInput}>
        ${items.fields.map((path, i) => {
          const field = this.questionOf(path);
          if (!field) return nothing;
          const tag = widgetOf(field).tag;
          const value = this.values.get(path);
          const shown =
            value === undefined
              ? widgetOf(field).empty()
              : field.options?.length
                ? Array.isArray(value)
                  ? value.map(String)
                  : String(value)
                : value;
          return staticHtml`<${tag}
            id=${fieldId(i)}
            data-path=${path}
            .name=${path}
            .label=${pick(field.label, lang)}
            .hint=${pick(field.hint, lang)}
            .placeholder=${pick(field.placeholder, lang)}
            .autocomplete=${field.autocomplete ?? ''}
            .inputmode=${field.inputmode ?? ''}
            .error=${live(this.fieldErrors.get(path) ?? '')}
            .value=${live(shown)}
            .required=${true}
            .options=${field.options?.map((o) => ({ value: String(o.value), label: pick(o.label, lang) })) ?? []}
            .lang=${lang}
          ></${tag}>`;
        })}
      </div>
      ${
        items.documents.length
          ? html`<p class="subheading">${msg.documentsHeading}</p>
              ${items.documents.map((slot, i) => {
                const spec = procedure.documents.find((d) => d.id === slot);
                return spec
                  ? html`<dvc-upload
                      id=${docId(i)}
                      name=${slot}
                      .spec=${spec}
                      .lang=${lang}
                      .error=${live(this.fieldErrors.get(slot) ?? '')}
                      upload-endpoint=${this.uploadEndpoint}
                    ></dvc-upload>`
                  : nothing;
              })}`
          : nothing
      }
      <button
        type="button"
        part="button"
        aria-disabled=${this.sending ? 'true' : 'false'}
        @click=${() => void this.send()}
      >
        ${this.sending ? msg.sending : msg.submit}
      </button>
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.sending ? msg.sending : ''}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-supplement': DvcSupplement;
  }
  interface HTMLElementEventMap {
    'dvc-supplemented': DvcSupplementedEvent;
  }
}
