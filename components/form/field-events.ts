/**
 * The answers of `<dvc-form>` as the person types: each field's value goes into the session
 * (typed as the procedure's options are), a change re-runs the rules, and leaving a field
 * validates that field alone and shows its error on that element, without rendering the page.
 * Enter in a one-line answer continues, as in a plain HTML form.
 *
 * When, as GOV.UK advises: leaving a field the person changed shows its error (or takes it away);
 * leaving a field they only passed through (tabbed or clicked through) says nothing, and Continue
 * shows every error of the page. An error that appears or goes when a field is left by a press
 * on the page waits until that press has completed (pointer-press.ts), so the control under the
 * finger does not move away before the release.
 */
import type { DvcChangeEvent } from '../base/events.js';
import type { DvcForm } from './form.js';
import type { Problem } from '../../src/problem.js';
import { fieldId } from './journey.js';
import { PointerPress } from './pointer-press.js';

/** The element a field is rendered with, as the fields engine defines it. */
interface FieldElement extends HTMLElement {
  value: unknown;
  name: string;
}

export class FormFieldEvents {
  /** The fields the person changed (typed in, chose, cleared): only these are checked on leaving. */
  readonly edited = new Set<string>();
  /** Whether a press on the page is under way, and work waiting for it to complete. */
  readonly press: PointerPress;

  constructor(private readonly form: DvcForm) {
    this.press = new PointerPress(form);
  }

  /** */
  fieldOf(e: Event): FieldElement | undefined {
    const el = e.target as HTMLElement | null;
    return el?.dataset?.path ? (el as FieldElement) : undefined;
  }

  setAnswer(path: string, value: unknown): void {
    const session = this.form.session;
    if (!session) return;
    const wasPrefilled = this.form.questions.isPrefilled(path);
    session.set(path, this.typed(path, value));
    // The page is not rendered again for a typed answer: the drafts still save it, and the
    // field loses its "prefilled" mark once its answer is no longer the prefilled one.
    this.form.draftController?.hostUpdated();
    if (wasPrefilled !== this.form.questions.isPrefilled(path)) this.form.requestUpdate();
  }

  /**
   * Option elements speak strings; the answer keeps the type the procedure gave the option
   * (a number or boolean enum value), so rules and the schema see what the author wrote.
   */
  typed(path: string, value: unknown): unknown {
    const field = this.form.fieldAt(path);
    if (!field?.options?.length) return value;
    const back = (v: unknown) => field.options!.find((o) => String(o.value) === v)?.value ?? v;
    return Array.isArray(value) ? value.map(back) : back(value);
  }

  /** While the person types: keep the answer, but leave the error on screen alone. */
  onFieldInput = (e: Event): void => {
    const el = this.fieldOf(e);
    if (!el) return;
    this.edited.add(el.dataset.path!);
    this.setAnswer(el.dataset.path!, el.value);
  };

  onFieldChange = (e: Event): void => {
    const el = this.fieldOf(e);
    if (!el) return;
    const path = el.dataset.path!;
    const detail = (e as DvcChangeEvent).detail;
    // A repeat group's inner fields bubble their own dvc-change through the group: then the
    // group's whole value is the answer.
    const value = e.type === 'dvc-change' && detail?.name === el.name ? detail.value : el.value;
    this.edited.add(path);
    this.setAnswer(path, value);
    void this.form.evaluateRules();
    // A repeat group changes when one of its items' fields is left after a change, or its items
    // move: its errors follow at once, not when focus leaves the group (showProblems).
    if ('showProblems' in el) this.showLater(path);
  };

  /**
   * After the person leaves a field they changed, or one showing an error, its error (or none)
   * is shown, once any press that moved focus away has completed.
   */
  onFieldBlur = (e: FocusEvent): void => {
    const el = this.fieldOf(e);
    if (!el || !this.form.validator) return;
    if (e.relatedTarget && el.contains(e.relatedTarget as Node)) return;
    if (e.relatedTarget === el) return;
    const path = el.dataset.path!;
    if (this.edited.has(path) || this.form.shown.has(path)) this.showLater(path);
  };

  /** Shows the field's problems once the rules have run and any press has completed. */
  private showLater(path: string): void {
    void this.form.rulesPending.then(() =>
      this.press.afterPress(() => this.showFieldProblems(path)),
    );
  }

  /**
   * Validates one field (the session's `problemsFor`) and shows its error on that field alone:
   * leaving a field does not re-render the page. The page renders again only when the error
   * summary lists the field, so its line follows.
   */
  showFieldProblems(path: string): void {
    if (!this.isShownOnPage(path) || !this.form.session) return;
    this.form.session.setLang(this.form.uiLang);
    const el = this.form.renderRoot.querySelector<
      FieldElement & { error: string; showProblems?(problems: Problem[]): Problem[] }
    >(`#${fieldId(path)}`);
    // A box holding text it cannot read shows its own message (problemsByField).
    let problems =
      this.form.problemsByField(this.form.session.problemsFor(path), [{ field: path }]).get(path) ??
      [];
    // A repeat group shows its items' problems itself, and says which.
    if (el?.showProblems) problems = el.showProblems(problems);
    const had = this.form.shown.has(path);
    if (problems.length > 0) this.form.shown.set(path, problems);
    else this.form.shown.delete(path);
    if (this.form.summaryPaths.includes(path)) {
      this.form.shown = new Map(this.form.shown);
      return;
    }
    if (el && !el.showProblems && (had || problems.length > 0))
      el.error = problems[0]?.message ?? '';
  }

  /**
   * Enter in a one-line answer continues, as it submits a plain HTML form; text areas, buttons,
   * lists and pickers keep their own Enter.
   */
  onFieldKeydown = (e: KeyboardEvent): void => {
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
    void this.form.navigation.onContinue();
  };

  isShownOnPage(path: string): boolean {
    return this.form.currentPage?.fields.some((f) => f.field === path) ?? false;
  }
}
