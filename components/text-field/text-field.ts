import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { textFieldStyles } from './text-field.styles.js';

/**
 * @summary A single-line text input with its label, hint and error in one shadow root.
 *
 * The element is form-associated: inside a plain `<form>` it submits its value under `name`.
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message.
 * @csspart input - The native input.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Input border colour.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5rem] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Input corner radius.
 *
 * @event input - Re-dispatched from the native input on every keystroke.
 * @event change - Re-dispatched from the native input when the value is committed.
 */
@customElement('dvc-text-field')
export class DvcTextField extends LitElement {
  static override styles = textFieldStyles;
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The visible label. */
  @property() label = '';
  /** Extra guidance shown under the label. */
  @property() hint = '';
  /** The error message; when set the field is marked invalid. */
  @property() error = '';
  /** The field name submitted with the form. */
  @property({ reflect: true }) name = '';
  /** The current value. */
  @property() value = '';
  /** HTML autocomplete token. */
  @property() autocomplete = '';
  /** Virtual keyboard hint. */
  @property() inputmode = '';
  /** Whether an answer is required. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Whether the field is disabled. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @query('input') private input!: HTMLInputElement;
  private readonly internals = this.attachInternals();
  private readonly defaultValue = '';

  override updated(): void {
    this.internals.setFormValue(this.value);
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  private onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
  }

  private redispatch(e: Event): void {
    this.dispatchEvent(new Event(e.type, { bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <label part="label" for="input">${this.label}</label>
      ${this.hint ? html`<span part="hint" class="hint" id="hint">${this.hint}</span>` : nothing}
      ${
        this.error
          ? html`<span part="error" class="error" id="error"
              ><span class="visually-hidden">Lỗi: </span>${this.error}</span
            >`
          : nothing
      }
      <input
        part="input"
        id="input"
        .value=${this.value}
        name=${this.name || nothing}
        autocomplete=${(this.autocomplete || nothing) as never}
        inputmode=${(this.inputmode || nothing) as never}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${
          [this.hint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean).join(' ') || nothing
        }
        @input=${this.onInput}
        @change=${this.redispatch}
      />
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-text-field': DvcTextField;
  }
}
