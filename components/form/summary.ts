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
import { t } from '../base/i18n.js';
import { fieldId, HELPER_ID, isDeclarationBox, REVIEW } from './journey.js';

/** One line of the summary (summaryLines). */
interface SummaryLine extends ErrorSummaryItem {
  target: string;
  /** The question the line is about, named after the message when the message does not. */
  question?: string;
  /** In a repeat group, the item the problem is in, as its heading reads ("Người con 2"). */
  item?: string;
}

export class FormSummary {
  constructor(private readonly form: DvcForm) {}

  /**
   * The summary lines of a field: one per field; in a repeat group one per place with a problem
   * (the group itself, each item's field), its first problem, as each box shows one (GOV.UK: one
   * line per error, linking to its own field). Each has the question it is about (in a group,
   * its item's field), the item's heading, and the id its link moves to (in a group, followed by
   * the problem's pointer under it: `field-members/1/birthDate`, the box of that item's field).
   */
  summaryLines(path: string): SummaryLine[] {
    const { msg, uiLang: lang } = this.form;
    if (isDeclarationBox(path)) {
      const message = path === HELPER_ID ? msg.helperDeclarationRequired : msg.declarationRequired;
      return [{ message, target: path }];
    }
    if (path === DELIVERY_TARGET)
      return this.form.deliveryChoice.problems.map(({ message }) => ({ message, target: path }));
    const field = this.form.fieldAt(path);
    const lines = new Map<string, SummaryLine>();
    for (const p of this.form.shown.get(path) ?? []) {
      // The pointer under the field (`/1/birthDate`): `path` is the field's pointer in dots.
      const at = p.path.slice(path.length + 1);
      const [, n, sub] = at.split('/');
      const item = field?.fields?.find((f) => f.field === sub);
      if (!lines.has(at))
        lines.set(at, {
          message: p.message || msg.unnamedProblem,
          question: localize((item ?? field)?.label, lang),
          // The item's heading as the group shows it (repeat-group.ts).
          item:
            n && field?.widget === 'group'
              ? msg.itemHeading(
                  localize(field.itemLabel, lang) || t(lang, 'defaultItem'),
                  Number(n) + 1,
                )
              : undefined,
          // No question owns a problem under '' (unowned-problems.ts): plain text, not a link.
          target: path && fieldId(path) + (item ? at : ''),
        });
    }
    return [...lines.values()].slice(0, field?.widget === 'group' ? undefined : 1);
  }

  renderSummary(): TemplateResult | typeof nothing {
    if (this.form.summaryPaths.length === 0) {
      return this.form.submitFailed && this.form.pageId === REVIEW
        ? this.renderSubmitFailed()
        : nothing;
    }
    const lines = this.form.summaryPaths.flatMap((path) => this.summaryLines(path));
    // Each summary line must say which question it is about, and links with the same text that
    // lead to different questions fail WCAG 2.4.4: a message that does not name its field
    // ("Hãy chọn một câu trả lời") or that repeats names its question.
    // A line about a repeat group's item is named by the item too ("Người con 2: …").
    const msg = this.form.msg;
    const seen = new Map<string, number>();
    for (const { item, message } of lines)
      seen.set(item + message, (seen.get(item + message) ?? 0) + 1);
    const items: ErrorSummaryItem[] = lines.map(({ item, message, question, target }) => {
      if (question && ((seen.get(item + message) ?? 0) > 1 || !mentionsLabel(message, question)))
        message = msg.summaryForQuestion(message, question);
      return { message: item ? msg.summaryForItem(item, message) : message, target };
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
    // `field-members/1/birthDate`: the box of an item's field in a repeat group (summaryLines).
    const id = target.split('/')[0];
    const path = this.form.summaryPaths.find((p) => fieldId(p) === id);
    if (path === undefined) return;
    // A document's line shows the page asking for it and focuses its file button.
    const doc = documentIdOfKey(path);
    const page = this.form.pages.find((p) =>
      p.fields.some((f) => (doc === undefined ? f.field === path : f.document === doc)),
    );
    const focus = () => {
      if (doc !== undefined) return this.form.formDocuments.slots.focus(doc);
      const el = this.form.renderRoot.querySelector<
        HTMLElement & { focusAt?(pointer: string): void }
      >(`#${id}`);
      if (el?.focusAt) el.focusAt(target.slice(id.length));
      else el?.focus();
    };
    if (page && page.id !== this.form.pageId) {
      void this.form.navigation.goTo(page.id, { focus: false }).then(focus);
    } else {
      focus();
    }
  };
}
