import { customElement } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { DvcStringInputField, type InputMode, type Parsed } from '../base/text-input-field.js';

/**
 * Deliberately loose (one @, a dot in the domain, no spaces): the server-side schema check is
 * authoritative, and a strict pattern would turn away valid addresses such as IDN domains.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the box's text means as an e-mail address (also the light first page's placeholder's). */
export const readEmail = (text: string): string => text.trim();

/**
 * @summary An e-mail address input (e-mail keyboard, autofill `email`), trimmed on blur.
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
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - After every keystroke, once `value` is updated.
 * @event change - When the value is committed (blur or Enter).
 * @event dvc-change - DvcChangeEvent with `{ name, value }` when the value is committed.
 */
@customElement('dvc-email-field')
export class DvcEmailField extends DvcStringInputField {
  constructor() {
    super();
    this.autocomplete = 'email';
  }

  protected override defaultInputMode(): InputMode {
    return 'email';
  }

  protected parse(text: string): Parsed<string> {
    return { value: readEmail(text), bad: false };
  }

  protected format(value: string): string {
    return value;
  }

  protected override checkValue(value: string): FieldValidity | null {
    return EMAIL.test(value)
      ? null
      : { flags: { typeMismatch: true }, message: this.msg('invalidEmail') };
  }

  override render() {
    // type="text" + inputmode: type="email" would hide the caret position from the selection API
    // and silently rewrite internationalised domains.
    return this.renderLabelledInput('text', { spellcheck: false });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-email-field': DvcEmailField;
  }
}
