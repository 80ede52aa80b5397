/**
 * The error summary of `<dvc-form>` (GOV.UK pattern): one line per field with problems in page
 * order, naming the question when the message does not, and each line's link moving to that
 * field (or document, declaration box, delivery choice), on another page if need be.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { mentionsLabel } from '../../src/view.js';
import { DELIVERY_TARGET } from '../delivery-choice/controller.js';
import type { DvcErrorSelectEvent, ErrorSummaryItem } from '../error-summary/error-summary.js';
import { documentIdOfKey } from './documents.js';
import type { DvcForm } from './form.js';
import { localize } from './format.js';
import { DECLARATION_ID, fieldId, HELPER_ID, isDeclarationBox, REVIEW } from './journey.js';

export class FormSummary {
  constructor(private readonly form: DvcForm) {}

  /** The summary lines of a field: one per field, one per problem inside a repeat group. */
  summaryLines(path: string): string[] {
    if (path === DECLARATION_ID) return [this.form.msg.declarationRequired];
    if (path === HELPER_ID) return [this.form.msg.helperDeclarationRequired];
    if (path === DELIVERY_TARGET) return this.form.deliveryChoice.problems.map((p) => p.message);
    const problems = this.form.shown.get(path) ?? [];
    const field = this.form.fieldsIn(this.form.steps).find((x) => x.field.field === path)?.field;
    const lines = problems.map((p) => p.message || this.form.msg.unnamedProblem);
    return field?.widget === 'group' ? [...new Set(lines)] : lines.slice(0, 1);
  }

  renderSummary(): TemplateResult | typeof nothing {
    if (this.form.summaryPaths.length === 0) {
      return this.form.submitFailed && this.form.pageId === REVIEW
        ? this.renderSubmitFailed()
        : nothing;
    }
    const lines = this.form.summaryPaths.flatMap((path) =>
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
        : this.form.fieldsIn(this.form.steps).find((x) => x.field.field === path)?.field;
      const question = localize(field?.label, this.form.uiLang);
      // A repeat group's lines are about its items' fields, which their messages name.
      const unnamed = field?.widget !== 'group' && !mentionsLabel(message, question);
      const label = question && ((seen.get(message) ?? 0) > 1 || unnamed) ? question : '';
      return {
        message: label ? this.form.msg.summaryForQuestion(message, label) : message,
        target: isDeclarationBox(path) || path === DELIVERY_TARGET ? path : fieldId(path),
      };
    });
    return html`<dvc-error-summary
      part="summary"
      .heading=${this.form.msg.errorSummaryHeading}
      .items=${items}
      @dvc-error-select=${this.onErrorSelect}
    ></dvc-error-summary>`;
  }

  /**
   * A submission the agency's server turned down (its problem detail) or that could not be sent:
   * at the top of the review page in the error summary, as GOV.UK places every problem that
   * stops the person going on. It names no field, so it is plain text, not a link.
   */
  renderSubmitFailed(): TemplateResult {
    const msg = this.form.msg;
    return html`<dvc-error-summary
      part="summary"
      .heading=${msg.submitFailedHeading}
      .items=${[{ message: this.form.submission.delivery?.failure || msg.submitFailedBody }]}
    ></dvc-error-summary>`;
  }

  onErrorSelect = (e: DvcErrorSelectEvent): void => {
    e.preventDefault();
    const target = e.detail.target;
    if (isDeclarationBox(target)) {
      this.form.renderRoot.querySelector<HTMLInputElement>(`#${target}`)?.focus();
      return;
    }
    if (target === DELIVERY_TARGET) return this.form.deliveryChoice.focus();
    const doc = documentIdOfKey(this.form.summaryPaths.find((p) => fieldId(p) === target) ?? '');
    if (doc !== undefined) {
      void this.focusDocument(doc);
      return;
    }
    const path = this.pathOfId(target);
    if (path === undefined) return;
    const page = this.form.pages.find((p) => p.fields.some((f) => f.field === path));
    const focusField = () =>
      this.form.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus();
    if (page && page.id !== this.form.pageId) {
      void this.form.navigation.goTo(page.id, { focus: false }).then(focusField);
    } else {
      focusField();
    }
  };

  pathOfId(id: string): string | undefined {
    return this.form.fieldsIn(this.form.steps).find(({ field }) => fieldId(field.field) === id)
      ?.field.field;
  }

  /** Shows the page asking for document `id` and focuses its file button. */
  async focusDocument(id: string): Promise<void> {
    const page = this.form.pages.find((p) => p.fields.some((f) => f.document === id));
    if (page && page.id !== this.form.pageId)
      await this.form.navigation.goTo(page.id, { focus: false });
    this.form.formDocuments.slots.focus(id);
  }
}
