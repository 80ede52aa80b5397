/**
 * Navigation of `<dvc-form>`: which page shows, Continue and Back, the review page's "Sửa"
 * links, the browser's Back and Forward (history.ts), and resuming a draft at its page. The
 * session decides what each page asks; this moves between pages and reports the problems that
 * stop the person going on.
 */
import type { Problem } from '../../src/problem.js';
import type { DvcErrorSummary } from '../error-summary/error-summary.js';
import {
  DvcEligibilityEvent,
  DvcInvalidEvent,
  DvcStepChangeEvent,
  PAGE_KIND,
  type PageKind,
} from './events.js';
import type { DvcForm } from './form.js';
import { FormHistoryController } from './history.js';
import { documentKey } from './documents.js';
import { loadedEngine } from './engine-link.js';
import { getPath, INELIGIBLE, REVIEW, SUBMITTED, type Page } from './journey.js';

export class FormNavigation {
  /** Back and Forward: this form's own page in history.state (history.ts). */
  readonly history: FormHistoryController;

  /** Pages reached so far: the browser's Forward button may not skip validation. */
  reached = new Set<string>();

  /** Set by a "Sửa" link on the review page (FormReviewPages.change). */
  returnToReview = false;
  /** The page shown when the form last went to "cannot apply". */
  private toldOn = '';

  constructor(private readonly form: DvcForm) {
    this.history = new FormHistoryController(form, {
      key: () => ({ id: form.id, fallback: form.loaded?.code ?? 'form' }),
      restore: (page) => this.restorePage(page),
    });
  }

  pageKind(id: string): PageKind {
    if (id === REVIEW) return PAGE_KIND.review;
    if (id === INELIGIBLE) return PAGE_KIND.ineligible;
    if (id === SUBMITTED) return PAGE_KIND.submitted;
    return PAGE_KIND.question;
  }

  progressOf(id: string): { index: number; total: number } {
    const ids = [...this.form.pages.map((p) => p.id), REVIEW];
    return { index: ids.indexOf(id) + 1, total: ids.length };
  }

  writeHistory(page: string, mode: 'push' | 'replace'): void {
    this.history.record(page, mode);
  }

  restorePage(page: string): void {
    if (this.form.status !== 'ready' || this.form.pageId === SUBMITTED || page === this.form.pageId)
      return;
    const known =
      page === REVIEW || page === INELIGIBLE || this.form.pages.some((p) => p.id === page);
    if (!known || !this.reached.has(page)) return;
    void this.goTo(page, { history: 'none' });
  }

  /**
   * Shows page `id`: moves focus to its heading (or leaves it to the caller) and records the
   * page in the browser history so the Back button works.
   */
  async goTo(
    id: string,
    options: { focus?: boolean; history?: 'push' | 'none' } = {},
  ): Promise<void> {
    const from = this.form.pageId;
    this.form.pageId = id;
    if (id === REVIEW) this.returnToReview = false;
    if (id === INELIGIBLE) this.toldOn = from;
    this.reached.add(id);
    this.form.summaryPaths = [];
    this.form.submitFailed = false;
    if ((options.history ?? 'push') === 'push') this.writeHistory(id, 'push');
    const { index, total } = this.progressOf(id);
    const kind = this.pageKind(id);
    this.form.dispatchEvent(
      new DvcStepChangeEvent({
        from,
        to: id,
        kind,
        index: kind === PAGE_KIND.question || kind === PAGE_KIND.review ? index : 0,
        total,
      }),
    );
    await this.form.updateComplete;
    if (options.focus ?? true) {
      this.form.renderRoot.querySelector<HTMLElement>('#page-heading')?.focus();
    }
  }

  async showProblems(page: string, problems: Problem[], paths: string[]): Promise<void> {
    this.form.summaryPaths = paths;
    this.form.dispatchEvent(new DvcInvalidEvent({ page, problems }));
    await this.form.updateComplete;
    this.form.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
  }

  async onContinue(): Promise<void> {
    const page = this.form.currentPage;
    if (!page || !this.form.validator) return;
    this.recordUnticked(page);
    void this.form.evaluateRules();
    await this.form.settled();
    const current = this.form.currentPage ?? page;
    // A decisive "no" is told at once: the eligibility questions still open are not asked.
    const eligibility = current.eligibility && this.form.rulesResult!.eligibility;
    const ineligible = eligibility && eligibility.status === 'ineligible';
    const problems = ineligible ? [] : this.form.validate().problems;
    const byField = this.form.formDocuments.withDocumentProblems(
      this.form.problemsByField(problems, current.fields),
      current.fields,
    );
    // Problems no question owns stop the last page asking about their object (summary key '').
    loadedEngine()!.addUnowned(this.form, problems, byField, current);
    const shown = new Map(
      [...this.form.shown].filter(
        ([p]) => !current.fields.some((f) => f.field === p || documentKey(f.document ?? '') === p),
      ),
    );
    for (const [path, problem] of byField) shown.set(path, problem);
    this.form.shown = shown;
    if (byField.size > 0) {
      // In page order, as the summary lists them (the schema's order may differ).
      const pageProblems = [...byField.values()].flat();
      await this.showProblems(current.id, pageProblems, [...byField.keys()]);
      return;
    }
    const pages = this.form.pages;
    const next = pages[pages.indexOf(current) + 1];
    if (eligibility && (ineligible || !next?.eligibility)) {
      this.form.dispatchEvent(
        new DvcEligibilityEvent({
          status: eligibility.status,
          reasons: structuredClone(eligibility.reasons),
        }),
      );
      if (ineligible) {
        await this.goTo(INELIGIBLE);
        return;
      }
    }
    // After a "Sửa" link, back to the review page when nothing else needs answers.
    await this.goTo(
      this.returnToReview && this.canReturnToReview() ? REVIEW : (next?.id ?? REVIEW),
    );
  }

  /**
   * A check box the person saw and left unticked means "no": on Continue it is recorded as
   * `false`, so the review page says "Không" and the payload carries it (docs/form.md). Boxes
   * that must be ticked keep no answer (recordsUntickedAsFalse). Returns the paths set.
   */
  recordUnticked(page: Page): string[] {
    if (!this.form.loaded) return [];
    const paths: string[] = [];
    for (const field of page.fields) {
      if (getPath(this.form.answers, field.field) !== undefined) continue;
      if (!loadedEngine()?.recordsUntickedAsFalse(this.form.loaded.data, field)) continue;
      this.form.fieldEvents.setAnswer(field.field, false);
      paths.push(field.field);
    }
    return paths;
  }

  async onBack(): Promise<void> {
    const pages = this.form.pages;
    if (this.form.pageId === INELIGIBLE) {
      // The eligibility page the "no" was told on (a decisive answer can come before the last
      // one), else the last eligibility page (not findLast: Firefox 98–103 lack it), else the first.
      let back = pages[0];
      for (const p of pages) if (p.eligibility) back = p;
      await this.goTo(pages.find((p) => p.eligibility && p.id === this.toldOn)?.id ?? back.id);
      return;
    }
    const index =
      this.form.pageId === REVIEW
        ? pages.length
        : pages.findIndex((p) => p.id === this.form.pageId);
    if (index > 0) await this.goTo(pages[index - 1].id);
  }

  /**
   * After a "Sửa" link, Continue goes straight back to the review page unless the change made
   * another page need answers (a question that just appeared, or one now required).
   */
  canReturnToReview(): boolean {
    const { problems } = this.form.validate();
    const visible = this.form.pages.flatMap((p) => p.fields);
    return (
      this.form.formDocuments.withDocumentProblems(
        this.form.problemsByField(problems, visible),
        visible,
      ).size === 0
    );
  }

  /**
   * Puts a draft's answers back (DraftController): with `page`, the journey resumes there and
   * every page before it counts as reached; without, the page stays (another tab's change).
   */
  async restoreDraft(answers: Record<string, unknown>, page?: string): Promise<void> {
    this.form.session?.replace(answers);
    this.form.requestUpdate();
    await this.form.evaluateRules();
    if (page === undefined) return;
    const ids = this.form.pages.map((p) => p.id);
    const target = page === REVIEW || ids.includes(page) ? page : (ids[0] ?? REVIEW);
    const upTo = target === REVIEW ? ids.length : ids.indexOf(target) + 1;
    for (const id of ids.slice(0, upTo)) this.reached.add(id);
    await this.goTo(target, { history: 'none' });
    this.writeHistory(target, 'replace');
  }
}
