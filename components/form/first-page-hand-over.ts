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
import type { PlainAnswer, PlainFocus } from './first-page-readers.js';
import { fieldId, getPath } from './journey.js';
import { parseNumber } from '../number-field/number-field.js';

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
export function giveToElement(shadow: ShadowRoot, answer: PlainAnswer, typing: boolean): void {
  const { value } = answer;
  if (typeof value === 'string' && answer.widget !== 'radio') {
    const control = shadow.querySelector<Control>('#control');
    if (!control) return;
    control.value = value;
    fire(control, 'input');
    if (!typing) fire(control, 'change');
    return;
  }
  // The plain page's ticks become exactly the answer: a group's options it left unticked are
  // unticked in the form too (a prefill may have ticked them), one change at a time as clicks
  // would. A radio is only ever chosen: choosing one unchecks the others.
  const wanted = Array.isArray(value) ? value : [value];
  for (const input of shadow.querySelectorAll<HTMLInputElement>(
    'input[type="checkbox"], input[type="radio"]',
  )) {
    const on = typeof value === 'boolean' ? value : wanted.includes(input.value);
    if (on !== input.checked && (on || (Array.isArray(value) && input.type === 'checkbox'))) {
      input.checked = on;
      fire(input, 'input');
      fire(input, 'change');
    }
  }
}

/**
 * After the person chose to continue a draft or start again: the answers typed in the plain page
 * win over the draft's. Each gets the value the form had for it when the offer appeared (already
 * normalised, and perhaps edited since the hand-over); one that had none there goes in as
 * the hand-over gives a question not shown.
 */
export function keepOverDraft(
  form: DvcForm,
  snapshot: Map<string, unknown>,
  kept: PlainAnswer[],
): void {
  for (const answer of kept) {
    const value = snapshot.get(answer.path);
    if (value === undefined) giveToSession(form, answer);
    else form.fieldEvents.setAnswer(answer.path, value);
  }
  form.requestUpdate();
  void form.evaluateRules();
}

/**
 * A question the form does not show now (a resumed draft on another page, or one its answers
 * hide): the answer is kept in the session, so it is there when the question shows (and a hidden
 * one is left out of the payload, as any hidden answer). Text in NFC as the fields normalise it; a
 * number read as the number field reads it (`parseNumber`: decimal comma, groups, spaces), in the
 * form's language.
 */
function giveToSession(form: DvcForm, answer: PlainAnswer): void {
  if (!form.fieldAt(answer.path)) return;
  const v = answer.value;
  let given: unknown = typeof v === 'string' ? v.normalize('NFC') : v;
  if (answer.widget === 'number' && typeof v === 'string') {
    const n = parseNumber(v, form.uiLang);
    // Text that is no number has no answer the session can keep: the field itself keeps such
    // text only in its box, with its error, and so it goes there when the question shows.
    if (n === null) return giveWhenShown(form, answer, v);
    given = n;
  }
  form.fieldEvents.setAnswer(answer.path, given);
  void form.evaluateRules();
}

export function moveFocus(shadow: ShadowRoot, focus: PlainFocus): void {
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

/**
 * Gives `text` (a number its field cannot read) to its question's box whenever the form renders
 * that question afresh (the person goes to its page, a change of answer shows it, a resumed
 * draft opens on it), until the person has answered it or changed the box.
 */
function giveWhenShown(form: DvcForm, answer: PlainAnswer, text: string): void {
  let given: HTMLElement | undefined;
  const waiting = {
    hostUpdated: () => {
      const box = given?.shadowRoot?.querySelector<Control>('#control');
      if (
        (getPath(form.answers, answer.path) ?? null) !== null ||
        (given?.isConnected && box && box.value !== text)
      )
        return form.removeController(waiting);
      if (given?.isConnected) return;
      const el = form.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
        `#${fieldId(answer.path)}`,
      );
      if (!el) return;
      given = el;
      void Promise.resolve(el.updateComplete).then(() => {
        if (el.isConnected && el.shadowRoot) giveToElement(el.shadowRoot, answer, false);
      });
    },
  };
  form.addController(waiting);
}
