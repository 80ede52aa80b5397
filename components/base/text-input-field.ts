import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DvcFieldElement, type FieldValidity } from './field-element.js';
import { inputAttributes, type InputState } from './input-attributes.js';
import type { UiLang } from './i18n.js';
import type { Problem } from '../../src/problem.js';

/** What a subclass adds to its text box. */
export interface InputExtras {
  /** Ids of its own elements the box is described by, after the hint. */
  describedBy?: string[];
  maxlength?: number | undefined;
  spellcheck?: boolean;
}

/** Result of reading what the person typed. */
export interface Parsed<T> {
  value: T;
  /** The text cannot be read as a value (e.g. 31/02/2025); `value` is then the empty value. */
  bad: boolean;
}

export type InputMode =
  'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';

/**
 * A field whose control is one text box. The box keeps exactly what the person typed while they
 * type (so the caret never jumps); `value` holds the parsed, normalised value at every keystroke,
 * and the text is rewritten to its tidy form only on `change` (blur/Enter).
 */
export abstract class DvcTextInputField<T> extends DvcFieldElement<T> {
  /** Virtual keyboard hint of the control. */
  @property() inputmode: InputMode | '' = '';

  /** What the text box shows. */
  @state() protected text = '';
  /** Whether `text` could not be read as a value. */
  @state() protected bad = false;

  /** Set while the value changes because of typing, so the text box is not rewritten. */
  private fromTyping = false;

  protected abstract emptyValue(): T;
  protected abstract parse(text: string): Parsed<T>;
  protected abstract format(value: T): string;
  /** The message when `bad` is set, in the field's language or `lang`. */
  protected abstract badInputMessage(lang?: UiLang): string;

  /** The keyboard to ask for when the author set no `inputmode`. */
  protected defaultInputMode(): InputMode | '' {
    return '';
  }

  /** Extra checks on a well-formed value (pattern, range); null when valid. */
  protected checkValue(_value: T): FieldValidity | null {
    return null;
  }

  protected override isEmpty(): boolean {
    return this.text.trim() === '';
  }

  /**
   * The problems the form shows for this question (`<dvc-form>` asks each question on the page,
   * and a repeat group each of its items' boxes): `problems`, the session's, or, when the box
   * holds text it cannot read (31/02/2026, "abc" for a number), only that: the value is then
   * empty, so the session says "required" (or nothing) while the box still shows the text. At
   * the question's path (`name`); `lang`: the form's, which may be changing before the attribute
   * the field inherits it from is.
   */
  withInputProblems(problems: Problem[], lang?: UiLang): Problem[] {
    return this.bad
      ? [
          {
            code: 'badInput',
            path: `/${this.name.replace(/\./g, '/')}`,
            message: this.badInputMessage(lang),
            params: {},
          },
        ]
      : problems;
  }

  protected override checkOwnValidity(): FieldValidity | null {
    if (this.bad) return { flags: { badInput: true }, message: this.badInputMessage() };
    return this.isEmpty() ? null : this.checkValue(this.value);
  }

  protected override focusTarget(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('#control') ?? null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && !this.fromTyping) {
      this.text = this.format(this.value);
      this.bad = false;
    }
    this.fromTyping = false;
  }

  protected onNativeInput(e: Event): void {
    e.stopPropagation();
    this.readText((e.target as HTMLInputElement).value);
    this.emitInput();
  }

  protected onNativeChange(e: Event): void {
    e.stopPropagation();
    this.readText((e.target as HTMLInputElement).value);
    if (!this.bad) this.text = this.format(this.value);
    this.emitChange();
  }

  /** Updates value/bad from typed text without touching the text box. */
  protected readText(text: string): void {
    this.text = text;
    const parsed = text.trim() === '' ? { value: this.emptyValue(), bad: false } : this.parse(text);
    this.bad = parsed.bad;
    this.fromTyping = true;
    this.value = parsed.value;
  }

  /**
   * The text box alone (a subclass that lays it out with other controls, like the date field);
   * most fields render it with its label through `renderLabelledInput`.
   */
  protected renderInput(type = 'text', extra: InputExtras = {}): TemplateResult {
    return html`<input
      part="input"
      id="control"
      type=${type}
      .value=${live(this.text)}
      ${inputAttributes(this.inputState(extra))}
      @input=${this.onNativeInput}
      @change=${this.onNativeChange}
    />`;
  }

  /**
   * Label, hint, badge, error and the text box in one flat template: the same elements in the
   * same order as `renderHeader()` then `renderInput()`, without the nested templates' parts and
   * marker comments (a thousand of each on a large page; docs/performance.md).
   */
  protected renderLabelledInput(type = 'text', extra: InputExtras = {}): TemplateResult {
    return html`<label part="label" for="control" .textContent=${this.label}></label
      >${this.renderNoteNodes()}<input
        part="input"
        id="control"
        type=${type}
        .value=${live(this.text)}
        ${inputAttributes(this.inputState(extra))}
        @input=${this.onNativeInput}
        @change=${this.onNativeChange}
      />`;
  }

  /** The text box's attributes (`inputAttributes`), read from the field's properties. */
  protected inputState(extra: InputExtras): InputState {
    return {
      required: this.required,
      disabled: this.isDisabled,
      readonly: this.readonly,
      placeholder: this.placeholder,
      autocomplete: this.autocomplete,
      inputmode: this.inputmode || this.defaultInputMode(),
      maxlength: extra.maxlength,
      spellcheck: extra.spellcheck,
      invalid: Boolean(this.error),
      describedBy: this.describedBy(...(extra.describedBy ?? [])),
    };
  }

  override render(): TemplateResult {
    return this.renderLabelledInput();
  }
}

/** A text box whose value is a string (text, e-mail, phone, ID number). */
export abstract class DvcStringInputField extends DvcTextInputField<string> {
  /** The current value, normalised (e.g. spaces removed from a phone number). */
  @property() value = '';

  protected emptyValue(): string {
    return '';
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override restoreValue(state: unknown): string {
    return typeof state === 'string' ? state : '';
  }

  protected badInputMessage(lang?: UiLang): string {
    return this.msg('invalidNumber', undefined, lang);
  }
}
