import { customElement, property } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { LOCALES, type UiLang } from '../base/i18n.js';
import { DvcTextInputField, type InputMode, type Parsed } from '../base/text-input-field.js';

/** `1.234.567,5` (vi) / `1,234,567.5` (en): groups of three after the first 1–3 digits. */
const GROUPED = { vi: /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, en: /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/ };
const PLAIN = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Reads a number typed the Vietnamese way (dot groups thousands, comma is the decimal mark: the
 * CLDR `vi` convention Intl uses for vi-VN) or the English way. A lone separator
 * that is not a thousands group (`2,5`, `2.5`) is read as a decimal mark in either language,
 * because people switch keyboards. Full-width digits and separators typed by phone IMEs are
 * folded (NFKC) and a pasted zero-width space dropped, as the engine reads a digit format
 * (src/validation/formats.ts `normalizeFormat`).
 */
export function parseNumber(text: string, lang: 'vi' | 'en'): number | null {
  const compact = text.normalize('NFKC').replace(/[\s\u200b]/g, '');
  if (GROUPED[lang].test(compact)) {
    const [groupSep, decimalSep] = lang === 'vi' ? ['.', ','] : [',', '.'];
    return Number(compact.split(groupSep).join('').replace(decimalSep, '.'));
  }
  if (PLAIN.test(compact)) return Number(compact.replace(',', '.'));
  return null;
}

/**
 * @summary A number input that accepts Vietnamese number formatting (1.000.000 or 2,5).
 *
 * A text box with a numeric keyboard rather than `type="number"`, which drops what it cannot read
 * and changes the value on scroll. The box is reformatted with Intl (vi-VN) on blur.
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
@customElement('dvc-number-field')
export class DvcNumberField extends DvcTextInputField<number | null> {
  /** The number, or null when the box is empty or cannot be read. */
  @property({ type: Number }) value: number | null = null;
  /** The smallest allowed number. */
  @property({ type: Number }) min?: number;
  /** The largest allowed number. */
  @property({ type: Number }) max?: number;
  /** Whether only whole numbers are allowed (counts, ages); also picks the numeric keyboard. */
  @property({ type: Boolean }) integer = false;

  protected override defaultInputMode(): InputMode {
    return this.integer ? 'numeric' : 'decimal';
  }

  protected emptyValue(): number | null {
    return null;
  }

  protected parse(text: string): Parsed<number | null> {
    const value = parseNumber(text, this.uiLang);
    return value === null ? { value: null, bad: true } : { value, bad: false };
  }

  protected format(value: number | null): string {
    if (value === null || Number.isNaN(value)) return '';
    return new Intl.NumberFormat(LOCALES[this.uiLang], { maximumFractionDigits: 20 }).format(value);
  }

  protected badInputMessage(lang?: UiLang): string {
    return this.msg('invalidNumber', undefined, lang);
  }

  protected override checkValue(value: number | null): FieldValidity | null {
    if (value === null) return null;
    const fmt = (n: number) => new Intl.NumberFormat(LOCALES[this.uiLang]).format(n);
    if (this.integer && !Number.isInteger(value)) {
      return { flags: { stepMismatch: true }, message: this.msg('notInteger') };
    }
    if (this.min !== undefined && value < this.min) {
      return {
        flags: { rangeUnderflow: true },
        message: this.msg('numberTooSmall', { min: fmt(this.min) }),
      };
    }
    if (this.max !== undefined && value > this.max) {
      return {
        flags: { rangeOverflow: true },
        message: this.msg('numberTooLarge', { max: fmt(this.max) }),
      };
    }
    return null;
  }

  protected override formValue(): string {
    return this.value === null ? '' : String(this.value);
  }

  protected override restoreValue(state: unknown): number | null {
    return typeof state === 'number' ? state : null;
  }

  override render() {
    return this.renderLabelledInput('text');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-number-field': DvcNumberField;
  }
}
