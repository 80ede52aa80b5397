/**
 * The pages of `<dvc-form>` after the questions: the review page (answers, documents, fee,
 * delivery choice, the declaration and Submit), the "cannot apply" page and the confirmation.
 * Rendering only: what they show comes from the session's decision held by the form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DocumentSpec, FieldUi, Step } from '../../src/procedure/index.js';
import { documentKey, documentNotes } from './documents.js';
import type { DvcForm } from './form.js';
import { formatBytes, localize } from './format.js';
import { adoptPrintStyles } from './print.styles.js';
import { formatAt } from '../../src/session/index.js';
import { DECLARATION_ID, fieldId, getPath, HELPER_ID, REVIEW } from './journey.js';
import { renderFee, renderIneligible, renderReviewRow, UnitNames } from './review.js';

export class FormReviewPages {
  /** Assisted mode: the helper's statement, recorded in the payload with the applicant's. */
  renderHelperDeclaration() {
    const msg = this.form.msg;
    const error = this.form.shown.has(HELPER_ID);
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
          .checked=${this.form.helperConfirmed}
          @change=${(e: Event) => {
            this.form.helperConfirmed = (e.target as HTMLInputElement).checked;
            if (this.form.helperConfirmed && this.form.shown.has(HELPER_ID)) {
              const next = new Map(this.form.shown);
              next.delete(HELPER_ID);
              this.form.shown = next;
            }
          }}
        />
        <label for=${HELPER_ID}>${msg.helperDeclarationLabel}</label>
      </div>`;
  }

  renderIneligible(): TemplateResult {
    // The author's wording of the page (format 1.1), else the built-in one.
    const lang = this.form.uiLang;
    const own = this.form.loaded?.ineligible;
    const msg = this.form.msg;
    return renderIneligible(
      this.form.rulesResult?.eligibility.reasons ?? [],
      lang,
      {
        ...msg,
        ineligibleHeading: own?.heading ? localize(own.heading, lang) : msg.ineligibleHeading,
        remedyLabel: own?.remedyLabel ? localize(own.remedyLabel, lang) : msg.remedyLabel,
      },
      () => void this.form.navigation.onBack(),
    );
  }

  /** Names of provinces and communes for addresses on the review page (loaded on first use). */
  private readonly unitNames: UnitNames;

  constructor(private readonly form: DvcForm) {
    this.unitNames = new UnitNames(form);
    adoptPrintStyles(form.shadowRoot);
  }

  renderReviewRow(field: FieldUi): TemplateResult {
    return renderReviewRow(field, getPath(this.form.answers, field.field), {
      lang: this.form.uiLang,
      msg: this.form.msg,
      format: this.form.loaded && formatAt(this.form.loaded.data, field.field),
      formatAddress: (v) => this.unitNames.formatAddress(v),
      onChange: (e, pointer) => void this.change(e, field, pointer),
    });
  }

  /**
   * A "Sửa" link: the question's page, with focus on the question's own control (in a repeat
   * group, the first field of the item at `pointer`, `/1`; for a document, its file button),
   * which focus() scrolls into view. The page heading is not focused: the control's label is what
   * a screen reader reads, and the link's name said which question it is. Continue then comes
   * back here (FormNavigation.returnToReview).
   */
  async change(e: Event, field: FieldUi, pointer = ''): Promise<void> {
    e.preventDefault();
    const navigation = this.form.navigation;
    const page = this.form.pages.find((p) => p.fields.some((f) => f.field === field.field));
    if (!page) return;
    navigation.returnToReview = true;
    await navigation.goTo(page.id, { focus: false });
    const el: (HTMLElement & { updateComplete?: unknown; focusAt?(at: string): void }) | null =
      (field.document && this.form.formDocuments.slots.element(field.document)) ||
      this.form.renderRoot.querySelector(`#${fieldId(field.field)}`);
    // A group's items are rendered in its own update, after the form's.
    await el?.updateComplete;
    if (pointer && el?.focusAt) el.focusAt(`${pointer}/${field.fields?.[0]?.field}`);
    else el?.focus();
    // focus() scrolls only as far as the box (WebKit leaves it at the window's edge, and a field
    // above it that grows, an address loading its names, pushes it out): the box in the middle,
    // its label above it in view.
    let at = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    at?.scrollIntoView({ block: 'center' });
  }

  renderFee(): TemplateResult {
    return renderFee(this.form.rulesResult?.fee, this.form.uiLang, this.form.msg);
  }

  renderReview(): TemplateResult {
    // Signing and transport are needed from here on: fetch them while the person reads.
    if (!this.form.submitter) void this.form.submission.loadDelivery().catch(() => undefined);
    const lang = this.form.uiLang;
    const msg = this.form.msg;
    const procedure = this.form.loaded!;
    const pages = this.form.pages;
    // One list per step, in journey order; documents are listed by the upload feature.
    const sections: { step: Step; fields: FieldUi[] }[] = [];
    for (const page of pages) {
      const fields = page.fields.filter((f) => f.widget !== 'file');
      if (fields.length === 0) continue;
      const last = sections[sections.length - 1];
      if (last && last.step.id === page.step.id) last.fields.push(...fields);
      else sections.push({ step: page.step, fields: [...fields] });
    }
    const declarationError = this.form.shown.has(DECLARATION_ID);
    // Submit is never `disabled` while sending: the button has focus, and a disabled one would
    // drop it to <body> (a keyboard user starts again from the top of the page). aria-disabled
    // says it is busy, and a second press does nothing (FormSubmission.onSubmit).
    return html`
      ${this.form.summary.renderSummary()} ${this.form.questions.renderProgress(REVIEW)}
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
      ${this.form.deliveryChoice.render(procedure, lang, this.form.rulesResult?.fee.total ?? 0)}
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
            .checked=${this.form.declarationAccepted}
            @change=${(e: Event) => {
              this.form.declarationAccepted = (e.target as HTMLInputElement).checked;
              if (this.form.declarationAccepted && this.form.shown.has(DECLARATION_ID)) {
                const next = new Map(this.form.shown);
                next.delete(DECLARATION_ID);
                this.form.shown = next;
              }
            }}
          />
          <label for=${DECLARATION_ID}
            >${
              this.form.assistedBy
                ? msg.applicantConfirmLabel
                : procedure.declaration.label
                  ? localize(procedure.declaration.label, lang)
                  : msg.declarationLabel
            }</label
          >
        </div>
        ${this.form.assistedBy ? this.renderHelperDeclaration() : nothing}
      </section>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          aria-disabled=${this.form.submitting ? 'true' : 'false'}
          @click=${() => void this.form.submission.onSubmit()}
        >
          ${this.form.submission.delivery?.buttonText(this.form.uiLang) ?? (this.form.submitting ? msg.submitting : msg.submit)}
        </button>
        ${
          pages.length > 0
            ? html`<button
                type="button"
                class="secondary"
                part="button button-secondary"
                @click=${() => void this.form.navigation.onBack()}
              >
                ${msg.back}
              </button>`
            : nothing
        }
      </div>
      ${
        this.form.submission.delivery?.progress?.phase === 'retrying'
          ? html`<p class="hint" part="submit-progress">
              ${this.form.submission.delivery.statusText(this.form.uiLang)}
            </p>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.form.submission.delivery?.statusText(this.form.uiLang) || (this.form.submitting ? msg.submitting : '')}
      </div>
    `;
  }

  /** The files chosen for each visible document, with a "Sửa" link to the page asking for it. */
  renderReviewDocuments(): TemplateResult | typeof nothing {
    const lang = this.form.uiLang;
    const msg = this.form.msg;
    const fields = this.form.pages.flatMap((p) => p.fields).filter((f) => f.widget === 'file');
    const ids = this.form.formDocuments.documentIds(fields);
    const desk = this.deskDocuments();
    if (ids.length === 0 && desk.length === 0) return nothing;
    const uploaded =
      ids.length === 0
        ? nothing
        : html`<section class="review-section" aria-labelledby="documents-review">
            <h3 id="documents-review">${msg.reviewDocumentsHeading}</h3>
            <dl class="review review-documents" part="review-list">
              ${ids.map((id) => {
                const field = fields.find((f) => f.document === id)!;
                const doc = this.documentOf(field)!;
                const title = localize(doc.title, lang);
                const files = this.form.formDocuments.slots.documents([id]);
                // The names the person chose: a portrait is sent re-encoded under another.
                const chosen = this.form.formDocuments.slots.element(id)?.chosenNames;
                return html`<div class="row">
                  <dt>${title}</dt>
                  <dd class="value">
                    ${
                      files.length > 0
                        ? html`<ul class="files">
                            ${files.map((f, i) => html`<li>${msg.reviewFile(chosen?.[i] ?? f.name, formatBytes(f.size, lang))}</li>`)}
                          </ul>`
                        : msg.noFileChosen
                    }
                    ${this.renderNotes(doc)}
                  </dd>
                  <dd class="action">
                    <a
                      href="#${fieldId(documentKey(id))}"
                      part="change-link"
                      @click=${(e: Event) => void this.change(e, field)}
                      >${msg.change}<span class="visually-hidden"> ${title}</span></a
                    >
                  </dd>
                </div>`;
              })}
            </dl>
          </section>`;
    return html`${uploaded}${this.renderDeskDocuments(desk)}`;
  }

  /**
   * (1.1) The documents brought to the desk: not uploaded, so no file and no "Sửa" link; what to
   * bring (form and copies) and the translation and legalisation requirements.
   */
  private renderDeskDocuments(docs: readonly DocumentSpec[]): TemplateResult | typeof nothing {
    if (docs.length === 0) return nothing;
    const lang = this.form.uiLang;
    const msg = this.form.msg;
    return html`<section class="review-section" aria-labelledby="desk-review">
      <h3 id="desk-review">${msg.reviewDeskHeading}</h3>
      <dl class="review review-documents" part="review-list review-desk">
        ${docs.map(
          (doc) =>
            html`<div class="row">
              <dt>${localize(doc.title, lang)}</dt>
              <dd class="value">
                ${msg.documentForm[doc.form]}, ${msg.documentCopies(doc.copies).toLowerCase()}
                ${this.renderNotes(doc)}
              </dd>
            </div>`,
        )}
      </dl>
    </section>`;
  }

  /** (1.1) The document's translation and legalisation requirements, as on its question. */
  private renderNotes(doc: DocumentSpec): TemplateResult | typeof nothing {
    const notes = documentNotes(doc, this.form.msg);
    return notes.length
      ? html`<ul class="hint" part="document-notes">
          ${notes.map((n) => html`<li>${n}</li>`)}
        </ul>`
      : nothing;
  }

  documentOf(field: FieldUi): DocumentSpec | undefined {
    return this.form.loaded?.documents.find((d) => d.id === field.document);
  }

  renderSubmitted(): TemplateResult {
    return html`<h2 id="page-heading" part="heading" tabindex="-1">
        ${this.form.msg.submittedHeading}
      </h2>
      <p>${this.form.msg.submittedBody}</p>
      ${
        this.form.submission.delivery?.renderReceipt(
          this.form.loaded,
          this.form.uiLang,
          this.bringToDesk(),
        ) ?? nothing
      }`;
  }

  /** (1.1) The visible documents brought to the desk, for the receipt's checklist. */
  private bringToDesk(): string[] {
    return this.deskDocuments().map((d) => localize(d.title, this.form.uiLang));
  }

  /** (1.1) The visible documents brought to the desk (the review page and the receipt). */
  private deskDocuments(): DocumentSpec[] {
    const hidden = new Set(this.form.rulesResult?.hidden.documents ?? []);
    return (this.form.loaded?.documents ?? []).filter(
      (d) => d.atDesk === true && !hidden.has(d.id),
    );
  }
}
