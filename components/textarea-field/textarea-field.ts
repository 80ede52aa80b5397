import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldValidity } from '../base/field-element.js';
import { DvcStringInputField, type Parsed } from '../base/text-input-field.js';

/**
 * @summary A multi-line text input for longer answers (e.g. the reason for a request).
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart input - The native textarea.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Textarea border colour.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - After every keystroke, once `value` is updated.
 * @event change - When the value is committed (blur).
 * @event dvc-change - DvcChangeEvent with `{ name, value }` when the value is committed.
 */
@customElement('dvc-textarea-field')
export class DvcTextareaField extends DvcStringInputField {
  /** Visible number of text lines. */
  @property({ type: Number }) rows = 5;
  /** The most characters allowed. */
  @property({ type: Number }) maxlength?: number;

  protected parse(text: string): Parsed<string> {
    return { value: text.normalize('NFC'), bad: false };
  }

  protected format(value: string): string {
    return value;
  }

  protected override checkValue(value: string): FieldValidity | null {
    if (this.maxlength !== undefined && value.length > this.maxlength) {
      return { flags: { tooLong: true }, message: this.msg('tooLong', { max: this.maxlength }) };
    }
    return null;
  }

  override render() {
    return html`${this.renderHeader()}<textarea
        part="input"
        id="control"
        rows=${this.rows}
        .value=${live(this.text)}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        placeholder=${this.placeholder || nothing}
        autocomplete=${(this.autocomplete || nothing) as never}
        inputmode=${this.inputmode || nothing}
        maxlength=${ifDefined(this.maxlength)}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @input=${this.onNativeInput}
        @change=${this.onNativeChange}
      ></textarea>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-textarea-field': DvcTextareaField;
  }
}
