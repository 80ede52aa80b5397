import { customElement } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { DvcStringInputField, type InputMode, type Parsed } from '../base/text-input-field.js';

/**
 * VIETNAM.md §2.3: strip spaces, dots, dashes and parentheses; `+84`/`84` become `0`.
 * Mobile numbers have 10 digits since the 2018 MIC 11→10-digit conversion; landlines are
 * `02` + area code, 11 digits. The prefix never identifies the carrier (number portability).
 * Full-width digits and separators typed by phone IMEs are folded (NFKC) and a pasted
 * zero-width space dropped, as the engine reads a digit format (src/validation/formats.ts
 * `normalizeFormat`); an en dash is a dash too.
 */
export function normalizePhone(text: string): string {
  const compact = text.normalize('NFKC').replace(/[\s.\-–()\u200b]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (/^84\d{9}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/** MOBILE_LOOSE and LANDLINE of VIETNAM.md §2, applied after normalisation. */
const PHONE = /^(?:0[35789]\d{8}|02\d{9})$/;

/** `0912345678` → `0912 345 678`, the way numbers are written on Vietnamese forms. */
export function formatPhone(value: string): string {
  if (/^0[35789]\d{8}$/.test(value))
    return `${value.slice(0, 4)} ${value.slice(4, 7)} ${value.slice(7)}`;
  if (/^02\d{9}$/.test(value)) return `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`;
  return value;
}

/**
 * @summary A Vietnamese phone number input: telephone keyboard, normalised to `0xxxxxxxxx`.
 *
 * Spaces, dots and dashes may be typed freely; the box is tidied to `0912 345 678` only on blur so
 * the caret never jumps, while `value` always holds the digits only (`+84…` becomes `0…`).
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
@customElement('dvc-phone-field')
export class DvcPhoneField extends DvcStringInputField {
  constructor() {
    super();
    this.autocomplete = 'tel';
  }

  protected override defaultInputMode(): InputMode {
    return 'tel';
  }

  protected parse(text: string): Parsed<string> {
    return { value: normalizePhone(text), bad: false };
  }

  protected format(value: string): string {
    return formatPhone(value);
  }

  protected override checkValue(value: string): FieldValidity | null {
    return PHONE.test(value)
      ? null
      : { flags: { patternMismatch: true }, message: this.msg('invalidPhone') };
  }

  override render() {
    return this.renderLabelledInput('tel');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-phone-field': DvcPhoneField;
  }
}
