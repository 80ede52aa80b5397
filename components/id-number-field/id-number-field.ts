import { customElement, property } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { DvcStringInputField, type InputMode, type Parsed } from '../base/text-input-field.js';

/**
 * What the box's text means as an ID number: full-width digits (phone IMEs) folded and spaces
 * and a pasted zero-width space dropped, as the engine reads a digit format
 * (src/validation/formats.ts `normalizeFormat`). Also the light first page's placeholder's.
 */
export function readIdNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b]/g, '');
}

/**
 * @summary An identity number input (default: the 12-digit personal ID on the Căn cước card).
 *
 * Numeric keyboard; spaces may be typed (people copy the number in groups) and are removed from
 * `value` at once and from the box on blur, so the caret never jumps. The digit count is checked
 * here; the full `vn-personal-id` rule (province code, century digit, VIETNAM.md §2.1) is the
 * validation engine's.
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
@customElement('dvc-id-number-field')
export class DvcIdNumberField extends DvcStringInputField {
  /**
   * How many digits the number has: 12 for the personal ID (Law on Identification 2023 Art. 12),
   * 10 for a tax code or social-insurance code, 9 for an old CMND.
   */
  @property({ type: Number }) digits = 12;

  constructor() {
    super();
    this.autocomplete = 'off';
  }

  protected override defaultInputMode(): InputMode {
    return 'numeric';
  }

  protected parse(text: string): Parsed<string> {
    return { value: readIdNumber(text), bad: false };
  }

  protected format(value: string): string {
    return value;
  }

  protected override checkValue(value: string): FieldValidity | null {
    return new RegExp(`^\\d{${this.digits}}$`).test(value)
      ? null
      : {
          flags: { patternMismatch: true },
          message: this.msg('invalidIdNumber', { digits: this.digits }),
        };
  }

  override render() {
    return this.renderLabelledInput('text', { spellcheck: false });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-id-number-field': DvcIdNumberField;
  }
}
