/**
 * Issue 22 point 3 (`<dvc-form light-first-page>`, on by default): the first page's simple
 * questions rendered first as plain controls in the form's own shadow root, then upgraded to
 * their field elements once the page is on screen: each in its own place (LightSlot, without
 * rendering the page again), in page order, for a few milliseconds per task (`budget`).
 *
 * A page of 200 questions costs ≈ 2 ms of script per field element at 4x CPU before its first
 * question is usable (lit's element, its shadow root and ElementInternals, its first update); a
 * plain control in one template costs a fraction of that. The person can type at once; what they
 * typed goes into the element as their own input would (first-page-hand-over.ts, the same hand-
 * over as the server-rendered first page's), and focus stays where it is: the question being
 * typed in is upgraded only when it is left.
 *
 * The placeholders use the server-rendered first page's markup classes (`dvc-fp-…`, read by
 * first-page-readers.ts) and the look shared with the elements (src/look.ts), so a question does
 * not move when its element replaces it. A question with an answer, an error or a pre-filled
 * value, and every widget but the plain ones, is rendered as its element from the start.
 *
 * In the engine chunk: the core carries only the flag.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { setChildPartValue } from 'lit/directive-helpers.js';
import type { FieldUi } from '../../src/procedure/index.js';
import type { DvcForm } from './form.js';
import { localize } from './format.js';
import { fieldId, getPath } from './journey.js';
import { giveToElement, moveFocus } from './first-page-hand-over.js';
import { readPlainAnswer } from './first-page-readers.js';
import { t } from '../base/i18n.js';
import {
  choiceLook,
  dateRowLook,
  FIELD_BOX,
  FIELD_BUTTON,
  fieldLook,
  type LookScope,
} from '../../src/look.js';
import { HINT_HAS_DATE } from '../date-field/date-field.js';
import { parseVnDate } from '../date-field/date-utils.js';
import { parseNumber } from '../number-field/number-field.js';
import { normalizePhone } from '../phone-field/phone-field.js';
import { readText } from '../text-field/text-field.js';
import { readEmail } from '../email-field/email-field.js';
import { readIdNumber } from '../id-number-field/id-number-field.js';

/** The look of the elements' questions (src/look.ts), on the placeholders in the form's root. */
const AT = '.dvc-fp-field ';
const SCOPE: LookScope = { at: AT, cls: (name) => `${AT}.dvc-fp-${name}` };
let sheet: CSSStyleSheet | undefined;
function lightSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `.dvc-fp-field{${FIELD_BOX};font:inherit;color:var(--dvc-color-text, #1b1b1b)}${fieldLook(SCOPE)}${choiceLook(SCOPE)}${AT}button{${FIELD_BUTTON}}${dateRowLook(SCOPE)}`,
    );
  }
  return sheet;
}

/** Widgets a placeholder stands for (a date: its text box, format line and calendar button). */
const LIGHT = new Set(['text', 'number', 'phone', 'email', 'id-number', 'select', 'radio', 'date']);

/** The keyboard each element asks for when the author named none (its `defaultInputMode`). */
const INPUT_MODES: Record<string, string> = {
  date: 'numeric',
  email: 'email',
  'id-number': 'numeric',
  number: 'decimal',
  phone: 'tel',
};

/**
 * What each element's `parse` makes of the text in its box, the elements' own readers (text-field.ts,
 * email-field.ts, phone-field.ts, id-number-field.ts, number-field.ts, date-utils.ts), for a
 * placeholder's text to go into the session at each keystroke as the element's would; text that
 * cannot be read is the element's empty value (light-first-page.test.ts compares the two).
 */
const READ: Record<string, (text: string, lang: 'vi' | 'en') => unknown> = {
  text: readText,
  email: readEmail,
  phone: normalizePhone,
  'id-number': readIdNumber,
  number: parseNumber,
  date: (text) => parseVnDate(text) ?? '',
};

/** Widgets whose box is not spell-checked, as their elements'. */
const NO_SPELLCHECK = new Set(['email', 'id-number']);

/** An answer a placeholder stands for: none yet (the elements' empty values). */
const isEmpty = (value: unknown): boolean => value === undefined || value === '' || value === null;

/** The `page` of a form that shows no placeholder (it adopts a server-rendered first page). */
const NONE = '';

/**
 * One placeholder's place on the page: it shows the placeholder until `swap()`, then its element,
 * in that place alone (`setChildPartValue`), so the page is not rendered again for it. The form's
 * next render puts the same element template in the same place (questions.ts).
 *
 * A plain directive, not an AsyncDirective: lit gives every part above an AsyncDirective a `Set`
 * of the disconnectable directives below it (and more properties), kept for the life of the page
 * even once the directive is gone: ≈ 0.1 MB at 1,000 questions (issue 22 round 16). A place
 * whose question left the page (hidden by the rules, another page) is let go by `upgrade`, or
 * replaced by the next one rendered for the same question.
 */
const NO_ELEMENT = (): TemplateResult => html``;

class LightSlot extends Directive {
  private owner: LightQuestions | undefined;
  private part: ChildPart | undefined;
  private path = '';
  private element = NO_ELEMENT;

  render(
    _owner: LightQuestions,
    _path: string,
    placeholder: TemplateResult,
    _element: () => TemplateResult,
  ): TemplateResult {
    return placeholder;
  }

  override update(
    part: ChildPart,
    [owner, path, placeholder, element]: Parameters<LightSlot['render']>,
  ): TemplateResult {
    this.owner = owner;
    this.part = part;
    this.path = path;
    this.element = element;
    owner.slots.set(path, this);
    return placeholder;
  }

  /**
   * The element in the placeholder's place, with what the form would render for it now. The
   * directive stays in that place until the form's next render: it lets go of what it held.
   */
  swap(): void {
    const { element, part } = this;
    this.element = NO_ELEMENT;
    this.part = undefined;
    this.release();
    if (part) setChildPartValue(part, element());
  }

  /** Out of the owner's places (swapped, or its question left the page). */
  release(): void {
    if (this.owner?.slots.get(this.path) === this) this.owner.slots.delete(this.path);
    this.owner = undefined;
  }
}
const lightSlot = directive(LightSlot);

export class LightQuestions implements ReactiveController {
  /** The page the placeholders are on; undefined until the first render of a page. */
  private page: string | undefined;
  /** Paths still shown as placeholders. */
  private readonly waiting = new Set<string>();
  /** Each placeholder's place on the page, by path (LightSlot). */
  readonly slots = new Map<string, LightSlot>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  /** Milliseconds between the page's first render and the first upgrades (tests hold it). */
  static delay = 0;
  /**
   * Milliseconds of upgrading per task (at least one question each): a key pressed while the
   * page upgrades waits at most about this long, and the page paints between the tasks. Under
   * the 50 ms of a long task; shorter tasks cost more in all, as the page is laid out and painted
   * after each (1,000 questions at 4x CPU: 23 s until the last element at 12 ms, 10 s at 40).
   */
  static budget = 40;

  constructor(private readonly form: DvcForm) {
    form.addController(this);
    const root = form.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, lightSheet()];
    // A choice made in a placeholder counts at once (the rules may show a question for it): the
    // question becomes its element with the choice and focus. A text box's question becomes its
    // element when it is left, never while the person types in it (an IME's composition, the
    // phone's keyboard and its suggestions stay as they are).
    root.addEventListener('change', (e) => {
      const control = e.composedPath()[0];
      if (!(
        control instanceof HTMLSelectElement ||
        (control instanceof HTMLInputElement && control.type === 'radio')
      ))
        return;
      const path = control.closest<HTMLElement>('.dvc-fp-field')?.dataset.path;
      if (path && this.waiting.has(path)) void this.enqueue(new Set([path]), true);
    });
    // Each keystroke in a placeholder's box goes into the session as the element's would, so the
    // drafts keep it and nothing typed waits for the question to be left.
    root.addEventListener('input', (e) => {
      const box = e.composedPath()[0];
      if (!(box instanceof HTMLInputElement) || box.type === 'radio') return;
      const field = box.closest<HTMLElement>('.dvc-fp-field');
      const path = field?.dataset.path;
      const read = READ[field?.dataset.widget ?? ''];
      if (!path || !read || !this.waiting.has(path)) return;
      const empty = field!.dataset.widget === 'number' ? null : '';
      this.form.fieldEvents.edited.add(path);
      this.form.fieldEvents.setAnswer(
        path,
        box.value.trim() === '' ? empty : read(box.value, this.form.uiLang),
      );
    });
    // The calendar button of a date's placeholder: the element's own picker opens.
    root.addEventListener('click', (e) => {
      const button = (e.composedPath()[0] as Element).closest?.('.dvc-fp-field button');
      const path = button?.closest<HTMLElement>('.dvc-fp-field')?.dataset.path;
      if (!path || !this.waiting.has(path)) return;
      void this.enqueue(new Set([path]), true).then(() =>
        this.questionAt(path)?.shadowRoot?.querySelector<HTMLButtonElement>('#open')?.click(),
      );
    });
    root.addEventListener('focusout', (event) => {
      const e = event as FocusEvent;
      const field = (e.composedPath()[0] as Element).closest?.(
        '.dvc-fp-field',
      ) as HTMLElement | null;
      const path = field?.dataset.path;
      if (!path || !this.waiting.has(path)) return;
      if (e.relatedTarget instanceof Node && field!.contains(e.relatedTarget)) return;
      void this.enqueue(new Set([path]), false);
    });
  }

  /** Runs upgrades one after the other (one that failed does not stop the next). */
  private enqueue(
    only: ReadonlySet<string> | undefined,
    withFocus: boolean,
    budget?: number,
  ): Promise<void> {
    this.running = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.upgrade(only, withFocus, budget));
    return this.running;
  }

  /**
   * The placeholder for `field`, in a place that can become `element()` alone, or undefined when
   * it is rendered as its element.
   */
  render(field: FieldUi, lang: typeof this.form.uiLang, element: () => TemplateResult): unknown {
    const pageId = this.form.pageId;
    // A server-rendered first page is already plain and hands itself over (first-page-
    // adoption.ts): its questions become their elements at once.
    if (this.page === undefined && this.form.firstPage.markup) this.page = NONE;
    this.page ??= pageId;
    if (this.page !== pageId) return undefined;
    const path = field.field;
    if (!this.waiting.has(path)) {
      if (this.started || !this.eligible(field)) return undefined;
      this.waiting.add(path);
    } else if (this.answeredElsewhere(path)) {
      // An answer the placeholder does not show (a draft resumed, a copy taken): its element
      // now, with the answer.
      this.waiting.delete(path);
      return undefined;
    }
    return lightSlot(this, path, this.template(field, lang), element);
  }

  /**
   * Whether the session holds an answer for a waiting question that did not come from its
   * placeholder: nothing typed in it and not being typed in (typing puts its own text in the
   * session at each keystroke, and it wins when the question is left).
   */
  private answeredElsewhere(path: string): boolean {
    if (isEmpty(getPath(this.form.answers, path))) return false;
    const root = this.form.renderRoot as ShadowRoot;
    const el = this.placeholderAt(path);
    return !!el && !el.contains(root.activeElement) && !readPlainAnswer(el);
  }

  /** Set after the first render of the page: no new placeholder appears after that. */
  private started = false;

  /** Every placeholder is its element: none ever appears again (`render` is not needed). */
  get finished(): boolean {
    return this.started && this.waiting.size === 0;
  }

  private eligible(field: FieldUi): boolean {
    const path = field.field;
    const widget = field.widget ?? 'text';
    if (!LIGHT.has(widget) || field.copyFrom) return false;
    return (
      isEmpty(getPath(this.form.answers, path)) &&
      !this.form.shown.has(path) &&
      !this.form.questions.isPrefilled(path)
    );
  }

  private template(field: FieldUi, lang: typeof this.form.uiLang): TemplateResult {
    const path = field.field;
    const id = `${fieldId(path)}-c`;
    const hint = localize(field.hint, lang);
    const label = localize(field.label, lang);
    const required = this.form.questions.isRequired(field);
    const widget = field.widget ?? 'text';
    // A date's format line unless its hint shows a date, as the element's.
    const format = widget === 'date' && !HINT_HAS_DATE.test(hint);
    const ids = [hint ? `${id}-hint` : '', format ? `${id}-format` : ''].filter(Boolean);
    const describedBy = ids.length ? ids.join(' ') : nothing;
    // Flat, without whitespace between the elements, as the elements' own templates. The date's
    // icon is the element's, markup for markup (light-first-page.test.ts compares them).
    // prettier-ignore
    const notes = html`${hint ? html`<span class="dvc-fp-hint" id="${id}-hint">${hint}</span>` : nothing}${format ? html`<span class="dvc-fp-hint" id="${id}-format">${t(lang, 'dateFormatHint')}</span>` : nothing}`;
    const options = this.form.questions.optionsOf(field, lang) ?? [];
    let control: TemplateResult;
    if (widget === 'radio') {
      // A radiogroup carrying `required`, as the element's (radio-group.ts): a radio's own
      // `required` is not given to assistive technology as required, and marks every radio of an
      // unanswered question invalid before the person did anything.
      // prettier-ignore
      return html`<div class="dvc-fp-field" id=${fieldId(path)} data-path=${path} data-widget="radio"><fieldset role="radiogroup" aria-required=${required} aria-describedby=${describedBy}><legend>${label}</legend>${notes}${options.map((o, i) => html`<label class="dvc-fp-choice"><input type="radio" id="${id}-${i}" name=${path} .value=${o.value}><span class="dvc-fp-choice-text">${o.label}</span></label>`)}</fieldset></div>`;
    } else if (widget === 'select') {
      // prettier-ignore
      control = html`<select id=${id} name=${path} ?required=${required} aria-describedby=${describedBy}><option value="">${localize(field.placeholder, lang) || t(lang, 'choose')}</option>${options.map((o) => html`<option .value=${o.value}>${o.label}</option>`)}</select>`;
    } else {
      // prettier-ignore
      const input = html`<input id=${id} type=${widget === 'phone' ? 'tel' : 'text'} name=${path} ?required=${required} placeholder=${localize(field.placeholder, lang) || nothing} autocomplete=${field.autocomplete || nothing} inputmode=${field.inputmode || INPUT_MODES[widget] || nothing} spellcheck=${NO_SPELLCHECK.has(widget) ? 'false' : nothing} aria-describedby=${describedBy}>`;
      // prettier-ignore
      control = widget === 'date' ? html`<div class="dvc-fp-row">${input}<button type="button" aria-haspopup="dialog" aria-label=${t(lang, 'chooseDate')}><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm12 8H5v9h14zM5 8h14V6H5z"/></svg></button></div>` : input;
    }
    // prettier-ignore
    return html`<div class="dvc-fp-field" id=${fieldId(path)} data-path=${path} data-widget=${widget}><label for=${id}>${label}</label>${notes}${control}</div>`;
  }

  hostUpdated(): void {
    if (this.page === undefined || this.started) return;
    this.started = true;
    // After the page's first frame is painted (a timer set from the frame's callback runs after
    // it): set now, the first upgrades could run before the paint and delay it.
    if (this.waiting.size > 0) requestAnimationFrame(() => this.schedule(LightQuestions.delay));
  }

  /** Starts upgrading now (a held start, `delay`). */
  start(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
  }

  /** The paths still shown as placeholders. */
  get pending(): string[] {
    return [...this.waiting];
  }

  private schedule(ms = 0): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(undefined, false, LightQuestions.budget).then(() => {
        if (this.waiting.size > 0 && this.hasUnfocused()) this.schedule();
      });
    }, ms);
  }

  private hasUnfocused(): boolean {
    const active = (this.form.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>(
      '.dvc-fp-field',
    );
    return [...this.waiting].some((p) => p !== active?.dataset.path);
  }

  /**
   * Upgrades the placeholders of `only` (all when undefined) in page order, for `budget`
   * milliseconds at most, each in its own place: reads what was typed, puts its element there,
   * and gives the element the answer. The question being typed in waits until it is left, unless
   * `withFocus`: then focus and the caret move to the same control in its element.
   */
  private async upgrade(
    only: ReadonlySet<string> | undefined,
    withFocus: boolean,
    budget = Infinity,
  ): Promise<void> {
    const root = this.form.renderRoot as ShadowRoot;
    const began = performance.now();
    let done = 0;
    for (const path of [...this.waiting]) {
      if (done > 0 && performance.now() - began >= budget) break;
      if (only && !only.has(path)) continue;
      const el = this.placeholderAt(path);
      const slot = this.slots.get(path);
      // Hidden by the rules, or on a page left: it is rendered as its element if it comes back.
      if (!el || !slot) {
        this.waiting.delete(path);
        slot?.release();
        continue;
      }
      const activeControl = root.activeElement as HTMLInputElement | HTMLSelectElement | null;
      const typing = !!activeControl && el.contains(activeControl);
      if (typing && !withFocus) continue;
      const answer = readPlainAnswer(el);
      const focus = typing
        ? {
            path,
            value:
              activeControl instanceof HTMLInputElement && activeControl.type === 'radio'
                ? activeControl.value
                : undefined,
            start: activeControl instanceof HTMLInputElement ? activeControl.selectionStart : null,
            end: activeControl instanceof HTMLInputElement ? activeControl.selectionEnd : null,
          }
        : undefined;
      this.waiting.delete(path);
      done++;
      // A radio leaves its group first: the shadow root's radio groups (Blink's) keep a radio
      // removed with its name, and with it the placeholder's whole detached tree (≈ 0.3 MB at
      // 1,000 questions, a heap snapshot's retainers showed).
      for (const radio of el.querySelectorAll('input[type="radio"]')) radio.removeAttribute('name');
      slot.swap();
      const element = this.questionAt(path) as
        (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
      await element?.updateComplete;
      if (!element?.shadowRoot) continue;
      if (answer) giveToElement(element.shadowRoot, answer, !!focus && focus.value === undefined);
      if (focus) moveFocus(element.shadowRoot, focus);
    }
  }

  /**
   * The question's element or placeholder. By id, not a selector: each distinct selector string
   * stays in the document's selector cache (Blink's keeps 256), one per question.
   */
  private questionAt(path: string): HTMLElement | null {
    return (this.form.renderRoot as ShadowRoot).getElementById(fieldId(path));
  }

  /** The question's placeholder, if it still is one. */
  private placeholderAt(path: string): HTMLElement | null {
    const el = this.questionAt(path);
    return el?.classList.contains('dvc-fp-field') ? el : null;
  }

  /** Upgrades every placeholder now (Continue, `settled()`), the focused one included. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.waiting.size > 0) await this.enqueue(undefined, true);
  }
}
