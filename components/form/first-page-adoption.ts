/**
 * `<dvc-form>` adopts the first page the server rendered as plain HTML in its light DOM
 * (src/first-page; issue 22 points 1 and 6). On a slow line the person can answer the first
 * questions before the script has arrived; nothing they type is lost when the element takes over.
 *
 * - While the form loads, it shows its light DOM (a `<slot>`) instead of its "loading" line, so
 *   the plain page stays where it is and keeps taking answers.
 * - Once the form is ready and shows its first page, each plain answer is given to the same
 *   question's element as the person's own input would be: the element's control gets the text
 *   (or the choice) and the `input` event, then `change` for every question but the one being
 *   typed in; the field normalises it, the form puts it in the session, re-runs the rules and
 *   saves the draft, exactly as for typing (field-events.ts).
 * - Focus and the caret (or the chosen radio) move to the same question's control in the form.
 * - The plain page is then removed.
 *
 * This controller reads the plain page and decides when; the hand-over itself
 * (first-page-hand-over.ts) comes with the form's engine chunk, so pages without a
 * server-rendered first page do not download it with the core.
 *
 * The drafts' consent question, which a form shows above its first page from its first paint,
 * goes below that page here (`noticesBelow`): above, it would push the questions the person is
 * typing in down by its height.
 *
 * A draft on this device: the form first asks whether to resume it. The typed answers wait for
 * that answer and then win over the draft's for the questions they answer: they are the newest
 * thing the person entered. A question not on the page the form then shows gets its answer
 * through the session directly (text in Unicode NFC, choices as the procedure types them).
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { DvcForm } from './form.js';
import { loadEngine, loadedEngine } from './engine-link.js';
import { getPath } from './journey.js';
import type { PlainAnswer, PlainFocus } from './first-page-readers.js';

export class FirstPageAdoption implements ReactiveController {
  /** Answers read from the plain page, waiting for the form's first page (or a draft's answer). */
  private pending: PlainAnswer[] | undefined;
  private focus: PlainFocus | undefined;
  /** Resolves when the plain page's answers have been handed over; `settled()` waits for it. */
  adopting: Promise<void> = Promise.resolve();

  constructor(private readonly form: DvcForm) {
    form.addController(this);
  }

  /**
   * The questions answered in the plain page, while a draft may still be offered: the drafts'
   * look-up can end after the hand-over, and resuming replaces the answers with the draft's.
   */
  private kept: PlainAnswer[] | undefined;
  /** Their answers when the offer appeared, given back once the person has chosen. */
  private snapshot: Map<string, unknown> | undefined;

  /** The first page's id when this form took over a server-rendered page. */
  private adoptedPage: string | undefined;

  /**
   * Whether the drafts' notices (the consent question first) go below the page rather than
   * above it: on the first page of a form that took over a server-rendered one, whose questions
   * the person may be typing in, so they do not move down under the finger. Another page opens
   * with them above as usual.
   */
  noticesBelow(): boolean {
    return this.adoptedPage !== undefined && this.adoptedPage === this.form.pageId;
  }

  /** The server-rendered first page in the form's light DOM, while it is there. */
  get markup(): HTMLElement | null {
    return this.form.querySelector<HTMLElement>(':scope > .dvc-first-page');
  }

  /** While the form loads: its light DOM, the plain page, in place of the "loading" line. */
  renderWhileLoading(): TemplateResult | undefined {
    return this.markup ? html`<slot></slot>` : undefined;
  }

  hostUpdate(): void {
    // Before the render that takes the plain page off screen: read it while it still has focus.
    if (this.form.status !== 'ready' || this.pending) return;
    const markup = this.markup;
    if (!markup) return;
    // A ready form has its engine, where the readers travel (the core carries none of it).
    const engine = loadedEngine();
    if (!engine) return;
    this.pending = engine.readPlainAnswers(markup);
    this.focus = engine.readPlainFocus(markup);
    this.adoptedPage = this.form.pageId;
  }

  hostUpdated(): void {
    if (this.form.status !== 'ready') return;
    const offered = this.form.draftController?.renderOffer() !== undefined;
    this.keepOverDraft(offered);
    if (!this.pending) return;
    // A draft offer first: the answers wait until the person has chosen.
    if (offered) return;
    const answers = this.pending;
    const focus = this.focus;
    this.pending = undefined;
    this.focus = undefined;
    // The hand-over itself travels in the engine chunk (first-page-hand-over.ts), which a ready
    // form has already loaded: only pages with a server-rendered first page run it.
    this.adopting = loadEngine()
      .then(({ handOverFirstPage }) => handOverFirstPage(this.form, this.markup, answers, focus))
      .then(() => {
        if (answers.length > 0) this.kept = answers;
      });
  }

  /**
   * The typed answers win over a draft's: when an offer appears after the hand-over, their
   * current answers are noted, and given back (through the session, already normalised) once
   * the person has chosen to continue the draft or start again.
   */
  private keepOverDraft(offered: boolean): void {
    const kept = this.kept;
    if (!kept) return;
    if (offered) {
      this.snapshot ??= new Map(kept.map((a) => [a.path, getPath(this.form.answers, a.path)]));
      return;
    }
    const snapshot = this.snapshot;
    if (snapshot) {
      this.snapshot = undefined;
      this.kept = undefined;
      // In the engine chunk with the hand-over: a number its field could not read has no
      // answer in the snapshot, and goes back to its box.
      this.adopting = loadEngine().then(({ keepOverDraft }) =>
        keepOverDraft(this.form, snapshot, kept),
      );
      return;
    }
    // No offer can come any more once the drafts have decided (asking, saving, off…).
    const phase = this.form.draftController?.phase;
    if (phase !== undefined && phase !== 'idle') this.kept = undefined;
  }
}
