import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FieldValidity } from '../base/field-element.js';
import { LOCALES, type UiLang } from '../base/i18n.js';
import { fieldStyles } from '../base/styles.js';
import { DvcTextInputField, type InputMode, type Parsed } from '../base/text-input-field.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  formatVnDate,
  isoFromParts,
  parseVnDate,
  partsFromIso,
  todayIso,
  weekdayIndex,
} from './date-utils.js';
import { dateFieldStyles } from './date-field.styles.js';

/** A date written day first (d/m/yyyy, dd/mm/yyyy, also with - or .) inside a hint. */
export const HINT_HAS_DATE = /(?:^|\D)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\D|$)/u;

/**
 * @summary A date typed as dd/mm/yyyy, with a calendar button that opens an accessible picker.
 *
 * Vietnamese forms write dates day first (`dd/mm/yyyy`, VIETNAM.md §2.4); `value` is the ISO date
 * `YYYY-MM-DD` (empty while the text is not a real date). The picker is a modal dialog with a
 * month grid: arrows move by day/week, Page Up/Down by month (with Shift by year), Home/End to the
 * start/end of the week, Enter or Space chooses, Escape closes; focus returns to the calendar
 * button. The dialog is only in the DOM while open.
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart format-hint - The "Ví dụ: 15/03/2025" format example (only when the hint has no date).
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @csspart calendar-button - The button that opens the picker.
 * @csspart dialog - The picker dialog.
 * @csspart grid - The month table of the picker.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Border colour of the input, button and dialog.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-color-selected-bg=#1d70b8] - Background of the chosen day.
 * @cssproperty [--dvc-color-selected-text=#fff] - Text of the chosen day.
 * @cssproperty [--dvc-color-button-bg=#f3f2f1] - Button background.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - After every keystroke, once `value` is updated.
 * @event change - When the value is committed (blur, Enter, or a day chosen in the picker).
 * @event dvc-change - DvcChangeEvent with `{ name, value }` (ISO date) when the value is committed.
 */
@customElement('dvc-date-field')
export class DvcDateField extends DvcTextInputField<string> {
  static override styles = [fieldStyles, dateFieldStyles];

  /** The ISO date `YYYY-MM-DD`, or empty. */
  @property() value = '';
  /** The earliest allowed ISO date. */
  @property() min = '';
  /** The latest allowed ISO date. */
  @property() max = '';

  /** Whether the picker dialog is open. */
  @state() protected pickerOpen = false;
  /** The day that has keyboard focus in the picker. */
  @state() protected focusDate = '';

  protected emptyValue(): string {
    return '';
  }

  protected override defaultInputMode(): InputMode {
    return 'numeric';
  }

  protected parse(text: string): Parsed<string> {
    const iso = parseVnDate(text);
    return iso ? { value: iso, bad: false } : { value: '', bad: true };
  }

  protected format(value: string): string {
    return formatVnDate(value);
  }

  protected badInputMessage(lang?: UiLang): string {
    return this.msg('invalidDate', undefined, lang);
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override restoreValue(state: unknown): string {
    return typeof state === 'string' ? state : '';
  }

  protected override checkValue(value: string): FieldValidity | null {
    if (this.min && value < this.min) {
      return {
        flags: { rangeUnderflow: true },
        message: this.msg('dateTooEarly', { min: formatVnDate(this.min) }),
      };
    }
    if (this.max && value > this.max) {
      return {
        flags: { rangeOverflow: true },
        message: this.msg('dateTooLate', { max: formatVnDate(this.max) }),
      };
    }
    return null;
  }

  /** Opens the picker on the chosen day (or today, kept within min/max) and focuses that day. */
  async openPicker(): Promise<void> {
    if (this.isDisabled || this.readonly) return;
    this.focusDate = this.clamp(partsFromIso(this.value) ? this.value : todayIso());
    this.pickerOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.focusDay();
  }

  /** Closes the picker and returns focus to the calendar button. */
  async closePicker(): Promise<void> {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.pickerOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#open')?.focus();
  }

  private clamp(iso: string): string {
    if (this.min && iso < this.min) return this.min;
    if (this.max && iso > this.max) return this.max;
    return iso;
  }

  private inRange(iso: string): boolean {
    return !(this.min && iso < this.min) && !(this.max && iso > this.max);
  }

  private focusDay(): void {
    this.renderRoot.querySelector<HTMLElement>(`td[data-date="${this.focusDate}"]`)?.focus();
  }

  private async moveFocus(iso: string): Promise<void> {
    this.focusDate = this.clamp(iso);
    await this.updateComplete;
    this.focusDay();
  }

  private choose(iso: string): void {
    if (!this.inRange(iso)) return;
    this.value = iso;
    this.emitInput();
    this.emitChange();
    void this.closePicker();
  }

  private onGridKeydown(e: KeyboardEvent): void {
    const d = this.focusDate;
    const wd = weekdayIndex(d);
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(d, -1),
      ArrowRight: () => addDays(d, 1),
      ArrowUp: () => addDays(d, -7),
      ArrowDown: () => addDays(d, 7),
      PageUp: () => addMonths(d, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(d, e.shiftKey ? 12 : 1),
      Home: () => addDays(d, -wd),
      End: () => addDays(d, 6 - wd),
    };
    if (e.key in moves) {
      e.preventDefault();
      void this.moveFocus(moves[e.key]());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(d);
    }
  }

  private onGridClick(e: Event): void {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[data-date]');
    if (cell?.dataset.date) this.choose(cell.dataset.date);
  }

  private onCancel(e: Event): void {
    // Close ourselves so focus goes back to the calendar button, not to wherever the browser picks.
    e.preventDefault();
    void this.closePicker();
  }

  private monthTitle(year: number, month: number): string {
    const months = this.msg('months').split('|');
    return this.msg('monthYear', { month: months[month - 1], year });
  }

  private renderPicker(): TemplateResult {
    const [year, month] = partsFromIso(this.focusDate) ?? [1970, 1];
    const first = isoFromParts(year, month, 1);
    const lead = weekdayIndex(first);
    const total = daysInMonth(year, month);
    const today = todayIso();
    const long = new Intl.DateTimeFormat(LOCALES[this.uiLang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const weekdays = this.msg('weekdays').split('|');
    const short = this.msg('weekdaysShort').split('|');
    const rows: TemplateResult[] = [];
    for (let start = 1 - lead; start <= total; start += 7) {
      const cells: TemplateResult[] = [];
      for (let day = start; day < start + 7; day++) {
        if (day < 1 || day > total) {
          cells.push(html`<td></td>`);
          continue;
        }
        const iso = isoFromParts(year, month, day);
        const [y, m, dd] = [year, month, day];
        const date = new Date(Date.UTC(2000, m - 1, dd));
        date.setUTCFullYear(y);
        cells.push(
          html`<td
            data-date=${iso}
            tabindex=${iso === this.focusDate ? '0' : '-1'}
            aria-label=${long.format(date)}
            aria-selected=${iso === this.value ? 'true' : 'false'}
            aria-current=${iso === today ? 'date' : nothing}
            aria-disabled=${this.inRange(iso) ? nothing : 'true'}
          >
            ${day}
          </td>`,
        );
      }
      rows.push(
        html`<tr>
          ${cells}
        </tr>`,
      );
    }
    return html`<dialog
      part="dialog"
      aria-labelledby="picker-title"
      aria-describedby="picker-help"
      @cancel=${this.onCancel}
    >
      <div class="header">
        <button
          type="button"
          id="prev"
          aria-label=${this.msg('previousMonth')}
          @click=${() => this.moveFocus(addMonths(this.focusDate, -1))}
        >
          ‹
        </button>
        <h2 id="month-title" aria-live="polite">${this.monthTitle(year, month)}</h2>
        <button
          type="button"
          id="next"
          aria-label=${this.msg('nextMonth')}
          @click=${() => this.moveFocus(addMonths(this.focusDate, 1))}
        >
          ›
        </button>
      </div>
      <span id="picker-title" class="visually-hidden">${this.msg('datePickerTitle')}</span>
      <table
        role="grid"
        part="grid"
        aria-labelledby="month-title"
        @keydown=${this.onGridKeydown}
        @click=${this.onGridClick}
      >
        <thead>
          <tr>
            ${short.map((s, i) => html`<th scope="col" abbr=${weekdays[i]}>${s}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
      <p id="picker-help" class="hint">${this.msg('datePickerHelp')}</p>
      <div class="footer">
        <button type="button" id="close" @click=${() => this.closePicker()}>
          ${this.msg('close')}
        </button>
      </div>
    </dialog>`;
  }

  /**
   * Whether to show the built-in "Ví dụ: 15/03/2025". Procedures often give their own example
   * in the hint ("Ví dụ: 10/11/2026"); two examples with different dates read as two rules, so
   * the built-in one shows only when the hint has no dd/mm/yyyy date of its own.
   */
  protected get showFormatHint(): boolean {
    return !HINT_HAS_DATE.test(this.hint);
  }

  override render() {
    const chosen = partsFromIso(this.value) ? formatVnDate(this.value) : '';
    const format = this.showFormatHint;
    // Flat and without whitespace between the elements (the icon inline, not a part): a page of
    // many dates renders each of these nodes once per date (docs/performance.md).
    // prettier-ignore
    return html`<label part="label" for="control" .textContent=${this.label}></label>${this.renderNoteNodes(format ? this.msg('dateFormatHint') : '')}<div class="row">${this.renderInput('text', { describedBy: format ? ['format'] : [] })}<button
          type="button"
          id="open"
          part="calendar-button"
          aria-haspopup="dialog"
          aria-label=${chosen ? this.msg('chooseDateSelected', { date: chosen }) : this.msg('chooseDate')}
          ?disabled=${this.isDisabled || this.readonly}
          @click=${this.openPicker}
        ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm12 8H5v9h14zM5 8h14V6H5z"/></svg></button></div>${this.pickerOpen ? this.renderPicker() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-date-field': DvcDateField;
  }
}
