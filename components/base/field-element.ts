import { showInvalid } from './custom-state.js';
import {
  LitElement,
  html,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DirectiveResult } from 'lit/directive.js';
import { fieldNotes } from './field-notes.js';
import { DvcChangeEvent } from './events.js';
import {
  inheritedLang,
  inheritedLangAttribute,
  sameLanguage,
  t,
  toUiLang,
  type UiLang,
} from './i18n.js';
import type { MessageKey } from './messages.js';
import { fieldStyles } from './styles.js';

/** What a field reports to ElementInternals when its own checks fail. */
export interface FieldValidity {
  flags: ValidityStateFlags;
  message: string;
  /** The control the browser's message points at; defaults to focusTarget(). */
  anchor?: HTMLElement;
}

/** Keeps `lang=""` (which would mean "unknown language") off the host when the property is empty. */
const langConverter = {
  fromAttribute: (value: string | null) => value ?? '',
};

/**
 * The properties shown as the host's attributes. They are written by hand (`reflectToHost`), not
 * by lit's `reflect: true`: lit writes each of them on every field's first update, the false
 * booleans and empty strings as removals of attributes that are not there, and every write it
 * makes runs the element's attributeChangedCallback, which converts the value back. A page of
 * 200 questions made 1,200 such calls and 500 custom-element reactions before its first question
 * was usable (docs/performance.md, issue 22 round 6). lit's `useDefault` would skip the defaults
 * but keeps a Map in every element (the heap target at 1,000 questions).
 */
const REFLECTED = ['name', 'required', 'disabled', 'readonly', 'prefilled', 'lang'] as const;

/**
 * Set while a field writes one of its own attributes: the attributeChangedCallback that the write
 * runs (synchronously, for that field only) has nothing to convert back.
 */
let reflecting = false;

/** The language around the last parent asked about, until the current updates have run. */
let around: { parent: Node | null; lang: string | null } | undefined;

/**
 * The language `el` inherits, looked up once for all the children of one parent updated together
 * (a page's questions share theirs; the look-up walks up through the shadow roots, a few
 * microseconds a question). Were an ancestor's `lang` to change between two of those updates, the
 * answer could only be out of date in a way that writes a `lang` that was not needed.
 */
function langAround(el: Element): string | null {
  if (around?.parent !== el.parentNode) {
    if (!around) queueMicrotask(() => (around = undefined));
    around = { parent: el.parentNode, lang: inheritedLangAttribute(el) };
  }
  return around.lang;
}

/** The fields' `focusout` listener: the field has been left. */
function markTouched(this: DvcFieldElement<unknown>): void {
  this.touched = true;
}

/** Deep copy of a plain JSON value, so a reset cannot share arrays/objects with the live value. */
export function copyValue<V>(value: V): V {
  return value === null || typeof value !== 'object' ? value : structuredClone(value);
}

/**
 * Shared behaviour of every dvc-forms field: the uniform property API, form association through
 * ElementInternals (value, validity, reset, restore, fieldset-disabled), the label/hint/error
 * block wired with ids in the same shadow root as the control, events and `touched`.
 *
 * Subclasses render their control with {@link renderHeader} in front of it and give the element to
 * focus, the submitted form value and their own validity checks.
 */
export abstract class DvcFieldElement<T> extends LitElement {
  static override styles: CSSResultGroup = fieldStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** The visible label (or legend for groups), already in the person's language. */
  @property() label = '';
  /** Extra guidance shown under the label. */
  @property() hint = '';
  /** The error message to show; when non-empty the field is invalid and announced as such. */
  @property() error = '';
  /**
   * The name the value is submitted under.
   * @reflect
   */
  @property() name = '';
  /**
   * Whether an answer is required.
   * @reflect
   */
  @property({ type: Boolean }) required = false;
  /**
   * Whether the field is disabled (not submitted, not focusable).
   * @reflect
   */
  @property({ type: Boolean }) disabled = false;
  /**
   * Whether the value is shown but cannot be changed.
   * @reflect
   */
  @property({ type: Boolean }) readonly = false;
  /**
   * Whether the value was filled in from a known source; shows a "Đã điền sẵn" badge.
   * @reflect
   */
  @property({ type: Boolean }) prefilled = false;
  /** Placeholder text of the control (use sparingly: hints belong in `hint`). */
  @property() placeholder = '';
  /** HTML autocomplete token of the control. */
  @property() autocomplete = '';
  /**
   * Language of the built-in strings (vi or en); empty means the closest `lang` attribute, else vi.
   * Shown as the host's `lang` attribute unless the host already speaks that language by
   * inheritance (a question inside `<dvc-form>`, whose language is the form's).
   * @reflect
   */
  @property({ converter: langConverter }) override lang = '';
  /** Whether the field has lost focus at least once; the form shows inline errors only then. */
  @property({ type: Boolean }) touched = false;

  /** The typed value of the field. */
  abstract value: T;

  /** True while an ancestor `<fieldset disabled>` disables the field. */
  @state() protected formDisabled = false;

  protected readonly internals: ElementInternals;
  private defaultValue!: T;
  private defaultCaptured = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // Focus moving inside the shadow root is not seen here (retargeted target === relatedTarget),
    // so this fires only when focus leaves the whole field. One shared listener, not a closure
    // per field (a thousand on a large page; docs/performance.md).
    this.addEventListener('focusout', markTouched);
  }

  /** The language the built-in strings are shown in. */
  get uiLang(): UiLang {
    // The property first: render() runs before lit reflects it to the attribute.
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  /** The form the field belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The field's validity state. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message reportValidity() shows, in the field's language. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the field takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Whether the field passes its checks, firing `invalid` when it does not. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like checkValidity(), and also shows the browser's message at the control. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Moves focus to the control, so an error summary link can land on it. */
  override focus(options?: FocusOptions): void {
    const target = this.focusTarget();
    if (target) target.focus(options);
    else super.focus(options);
  }

  formResetCallback(): void {
    this.value = copyValue(this.defaultValue);
    this.touched = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.value = this.restoreValue(JSON.parse(state) as unknown);
    } catch {
      // A state we did not write (another version of the page): keep the current value.
    }
  }

  /** The element that receives focus and anchors the browser's validation bubble. */
  protected abstract focusTarget(): HTMLElement | null;

  /** The value submitted with the form: a string, FormData for compound values, null for none. */
  protected abstract formValue(): string | FormData | null;

  /** Whether the field counts as unanswered for `required`. */
  protected abstract isEmpty(): boolean;

  /** The catalog key of the "required" message. */
  protected missingKey: MessageKey = 'valueMissingText';

  /** Widget-specific checks beyond `required`; null when valid. */
  protected checkOwnValidity(): FieldValidity | null {
    return null;
  }

  /** Turns a restored JSON state back into a value; subclasses narrow the type. */
  protected restoreValue(state: unknown): T {
    return state as T;
  }

  /** Looks a built-in string up in the field's language (or `lang`). */
  protected msg(
    key: MessageKey,
    params?: Record<string, string | number>,
    lang = this.uiLang,
  ): string {
    return t(lang, key, params);
  }

  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // Our own write (reflectToHost): the property already holds the value.
    if (!reflecting) super.attributeChangedCallback(name, old, value);
  }

  protected override update(changed: PropertyValues<this>): void {
    for (const key of REFLECTED) if (changed.has(key)) this.reflectToHost(key);
    super.update(changed);
  }

  /** Shows a property as the host's attribute, writing only when the attribute says otherwise. */
  private reflectToHost(key: (typeof REFLECTED)[number]): void {
    const value = this[key];
    const current = this.getAttribute(key);
    if (typeof value === 'boolean' ? (current !== null) === value : (current ?? '') === value)
      return;
    // A host without a `lang` of its own already speaks the language around it.
    if (key === 'lang' && current === null) {
      const around = langAround(this);
      if (around !== null && sameLanguage(around, value as string)) return;
    }
    reflecting = true;
    if (value === false || value === '') this.removeAttribute(key);
    else this.setAttribute(key, value === true ? '' : (value as string));
    reflecting = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.defaultCaptured) {
      this.defaultCaptured = true;
      this.defaultValue = copyValue(this.value);
    }
    super.willUpdate(changed);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncForm();
  }

  /** Pushes the value and validity to ElementInternals. */
  protected syncForm(): void {
    this.internals.setFormValue(this.formValue(), JSON.stringify(this.value ?? null));
    // The control is looked up only for an invalid field (the anchor of the browser's message).
    const anchor = () => this.focusTarget() ?? undefined;
    if (this.error) {
      this.internals.setValidity({ customError: true }, this.error, anchor());
    } else if (this.required && this.isEmpty()) {
      this.internals.setValidity({ valueMissing: true }, this.msg(this.missingKey), anchor());
    } else {
      const own = this.checkOwnValidity();
      if (own) this.internals.setValidity(own.flags, own.message, own.anchor ?? anchor());
      else this.internals.setValidity({});
    }
    showInvalid(this, this.internals, Boolean(this.error));
  }

  /** Fires a bubbling, composed `input` from the host (after the value is updated). */
  protected emitInput(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** Fires `change` and `dvc-change` from the host once the value is committed. */
  protected emitChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.dispatchEvent(new DvcChangeEvent<T>({ name: this.name, value: copyValue(this.value) }));
  }

  /** The ids the control's aria-describedby lists, in reading order. */
  protected describedBy(...extra: string[]): string | typeof nothing {
    const ids = [
      this.hint ? 'hint' : '',
      ...extra,
      this.prefilled ? 'prefilled' : '',
      this.error ? 'error' : '',
    ].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /**
   * The label (for a single control) followed by hint, badge and error. One flat template: each
   * nested template costs the field a part and its marker comments, a thousand times on a large
   * page (docs/performance.md).
   */
  protected renderHeader(forId = 'control'): TemplateResult {
    return html`<label part="label" for=${forId} .textContent=${this.label}></label
      >${this.renderNoteNodes()}`;
  }

  /** Hint, "pre-filled" badge and error, each rendered only when present. */
  protected renderHelp(): TemplateResult {
    return html`${this.renderNoteNodes()}`;
  }

  /**
   * Hint, "pre-filled" badge and error as one part of the field's template (field-notes.ts): the
   * elements in a row without a part, a marker and a nested template each (a thousand of each on
   * a large page). `format`: a date field's format example, shown after the hint.
   */
  protected renderNoteNodes(format = ''): DirectiveResult {
    return fieldNotes(
      this.hint,
      this.prefilled ? this.msg('prefilled') : '',
      this.error ? this.msg('errorPrefix') : '',
      this.error,
      format,
    );
  }
}
