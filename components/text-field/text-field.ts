import { customElement, property } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { DvcStringInputField, type Parsed } from '../base/text-input-field.js';

/** What the box's text means: the same text in Unicode NFC (also the light first page's placeholder's). */
export const readText = (text: string): string => text.normalize('NFC');

/**
 * @summary A single-line text input with its label, hint and error in one shadow root.
 *
 * The element is form-associated: inside a plain `<form>` it submits its value under `name`.
 * The value is stored in Unicode NFC, so text typed with a decomposing Vietnamese keyboard
 * compares equal to the same text typed precomposed.
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart input - The native input.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Input border colour.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-color-input-bg=#fff] - Input background.
 * @cssproperty [--dvc-color-readonly-bg=#f3f2f1] - Background of a read-only input.
 * @cssproperty [--dvc-color-prefilled=#00584a] - Colour of the "pre-filled" badge.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - After every keystroke, once `value` is updated.
 * @event change - When the value is committed (blur or Enter).
 * @event dvc-change - DvcChangeEvent with `{ name, value }` when the value is committed.
 */
@customElement('dvc-text-field')
export class DvcTextField extends DvcStringInputField {
  /** The most characters allowed. */
  @property({ type: Number }) maxlength?: number;

  protected parse(text: string): Parsed<string> {
    return { value: readText(text), bad: false };
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
    return this.renderLabelledInput('text', { maxlength: this.maxlength });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-text-field': DvcTextField;
  }
}
