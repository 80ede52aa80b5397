/**
 * The review, "cannot apply" and confirmation pages (review-page.ts, review.ts) as a lazy chunk
 * of the one-file bundle: no one needs them before the first question is answered, so a form
 * page does not download them before its first field is usable (issue 22 point 1;
 * docs/performance.md). `FormLoading` loads them right after the form is ready (and `settled()`
 * waits for that); a page asked for before they are here shows the form's loading line, and the
 * form renders again when they arrive.
 */
import { html, type TemplateResult } from 'lit';
import type { DvcForm } from './form.js';
import type { FormReviewPages } from './review-page.js';

export class FormReviewLink {
  private pages?: FormReviewPages;
  private loading?: Promise<void>;
  /** A page showed the loading line in place of one of these pages. */
  private waited = false;

  constructor(private readonly form: DvcForm) {}

  /** Loads the pages' chunk (once; again after a failed load). Never rejects. */
  load(): Promise<void> {
    this.loading ??= import('./review-page.js').then(
      ({ FormReviewPages }) => {
        this.pages = new FormReviewPages(this.form);
        // Only a page that waited for them renders differently now. The chunk arrives just after
        // the form is usable, on the first page: a render then would redo every question on it
        // for nothing (≈ 10–15 ms at 4x CPU at 200 questions, as the person starts typing).
        if (this.waited) this.form.requestUpdate();
      },
      (cause: unknown) => {
        this.loading = undefined;
        console.error('dvc-form: the review page cannot be loaded', cause);
      },
    );
    return this.loading;
  }

  private waiting(): TemplateResult {
    this.waited = true;
    void this.load();
    return html`<div class="status" part="status" role="status" aria-live="polite">
      ${this.form.msg.loading}
    </div>`;
  }

  renderReview(): TemplateResult {
    return this.pages?.renderReview() ?? this.waiting();
  }

  renderIneligible(): TemplateResult {
    return this.pages?.renderIneligible() ?? this.waiting();
  }

  renderSubmitted(): TemplateResult {
    return this.pages?.renderSubmitted() ?? this.waiting();
  }
}
