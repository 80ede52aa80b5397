/**
 * The hand-over of a server-rendered first page to `<dvc-form>` (first-page-adoption.ts decides
 * when; this does it): each plain answer goes in through the same question's own control as the
 * person's input would, a question the form does not show gets it through the session, focus and
 * caret move to the same control, and the plain page is removed.
 *
 * It runs only on pages that carry a server-rendered first page and only once the form is ready,
 * so it travels in the form's engine chunk (engine.ts), not in the core every page downloads.
 */
import type { DvcForm } from './form.js';
import type { PlainAnswer, PlainFocus } from './first-page-adoption.js';
import { fieldId } from './journey.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function fire(control: Element, type: 'input' | 'change'): void {
  control.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/**
 * Gives the plain page's answers to `form` (typed in order, the focused one still "being typed":
 * `input` without `change`), moves focus there and removes `markup`. Resolves when done.
 */
export async function handOverFirstPage(
  form: DvcForm,
  markup: HTMLElement | null,
  answers: PlainAnswer[],
  focus: PlainFocus | undefined,
): Promise<void> {
  // A fragment written for another version of the procedure (not regenerated after a change):
  // its answers still go in by path, what a person typed is never dropped for it, but the
  // webmaster is told, since its questions may no longer be the form's.
  const made = markup?.dataset.dvcFirstPage;
  const procedure = form.loaded && `${form.loaded.code}@${form.loaded.version}`;
  if (made && procedure && made !== procedure)
    console.warn(
      `dvc-forms: the first page in this <dvc-form> was written for ${made}, the form is ${procedure}: write it again (dvc-forms first-page)`,
    );
  const root = form.renderRoot;
  const elements = new Map<string, HTMLElement & { updateComplete?: Promise<unknown> }>();
  for (const a of [...answers, ...(focus ? [focus] : [])]) {
    const el = root.querySelector<HTMLElement>(`#${fieldId(a.path)}`);
    if (el) elements.set(a.path, el);
  }
  // The fields render in their own update, right after the form's.
  await Promise.all([...elements.values()].map((el) => el.updateComplete));
  for (const answer of answers) {
    const el = elements.get(answer.path);
    const typing = focus?.path === answer.path && focus.value === undefined;
    if (el?.shadowRoot) giveToElement(el.shadowRoot, answer, typing);
    else giveToSession(form, answer);
  }
  if (focus) {
    const el = elements.get(focus.path);
    if (el?.shadowRoot) moveFocus(el.shadowRoot, focus);
  }
  markup?.remove();
}

/** The answer goes in through the element's own control, as the person's input would. */
function giveToElement(shadow: ShadowRoot, answer: PlainAnswer, typing: boolean): void {
  const { value } = answer;
  if (typeof value === 'string' && answer.widget !== 'radio') {
    const control = shadow.querySelector<Control>('#control');
    if (!control) return;
    control.value = value;
    fire(control, 'input');
    if (!typing) fire(control, 'change');
    return;
  }
  const wanted = Array.isArray(value) ? value : [value];
  for (const input of shadow.querySelectorAll<HTMLInputElement>('input')) {
    const on =
      typeof value === 'boolean' ? value : wanted.includes(input.value) && input.type !== 'text';
    if (on && !input.checked) {
      input.checked = true;
      fire(input, 'input');
      fire(input, 'change');
    }
  }
}

/** A question the form does not show now (a resumed draft on another page). */
function giveToSession(form: DvcForm, answer: PlainAnswer): void {
  // A number is read by its element (decimal comma, spaces); without it, it is left unanswered.
  if (!form.fieldAt(answer.path) || answer.widget === 'number') return;
  const v = answer.value;
  form.fieldEvents.setAnswer(answer.path, typeof v === 'string' ? v.normalize('NFC') : v);
  void form.evaluateRules();
}

function moveFocus(shadow: ShadowRoot, focus: PlainFocus): void {
  if (focus.value !== undefined) {
    const inputs = [...shadow.querySelectorAll<HTMLInputElement>('input')];
    (inputs.find((i) => i.value === focus.value) ?? inputs[0])?.focus();
    return;
  }
  const control = shadow.querySelector<Control>('#control');
  if (!control) return;
  control.focus();
  if (
    !(control instanceof HTMLSelectElement) &&
    focus.start !== null &&
    focus.start !== undefined &&
    focus.end !== null &&
    focus.end !== undefined
  ) {
    try {
      control.setSelectionRange(focus.start, focus.end);
    } catch {
      // A control without a caret (never for the widgets the first page renders).
    }
  }
}
