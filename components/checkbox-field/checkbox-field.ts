import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DvcFieldElement } from '../base/field-element.js';
import { optionsProperty, type FieldOptionItem } from '../base/options.js';

/**
 * @summary A single checkbox for a yes/no answer or a declaration ("Tôi cam đoan…").
 *
 * The label sits beside the box and is part of the 44 px target. When checked the form submits
 * `true` under `name`; when unchecked nothing, like a native checkbox.
 *
 * @csspart label - The label beside the box.
 * @csspart hint - The hint under the label.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart input - The native checkbox.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-accent=#0b0c0c] - Border and tick of the 40 px box.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 *
 * @event input - When the box is ticked or cleared.
 * @event change - When the box is ticked or cleared.
 * @event dvc-change - DvcChangeEvent with `{ name, value }` (boolean) when the box changes.
 */
@customElement('dvc-checkbox-field')
export class DvcCheckboxField extends DvcFieldElement<boolean> {
  /** Whether the box is ticked. */
  @property({ type: Boolean }) value = false;

  protected override missingKey = 'valueMissingCheckbox' as const;

  protected override focusTarget(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('#control') ?? null;
  }

  protected override formValue(): string | null {
    return this.value ? 'true' : null;
  }

  protected override isEmpty(): boolean {
    return !this.value;
  }

  protected override restoreValue(state: unknown): boolean {
    return state === true;
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLInputElement).checked;
    this.emitInput();
  }

  private onChange(e: Event): void {
    e.stopPropagation();
    this.emitChange();
  }

  override render() {
    return html`<label class="choice" part="label" for="control"
        ><input
          part="input"
          type="checkbox"
          id="control"
          .checked=${live(this.value)}
          ?required=${this.required}
          ?disabled=${this.isDisabled || this.readonly}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.describedBy()}
          @input=${this.onInput}
          @change=${this.onChange}
        /><span class="choice-text">${this.label}</span></label
      >${this.renderHelp()}`;
  }
}

/**
 * @summary A group of checkboxes in a fieldset for choosing several options of a list.
 *
 * `value` lists the chosen option values in option order; the form submits one entry per chosen
 * option under `name`, like native checkboxes sharing a name.
 *
 * @csspart legend - The question (fieldset legend).
 * @csspart hint - The hint under the legend.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart option - The label wrapping each checkbox.
 * @csspart input - Each native checkbox.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-accent=#0b0c0c] - Border and tick of the 40 px boxes.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 *
 * @event input - When a box is ticked or cleared.
 * @event change - When a box is ticked or cleared.
 * @event dvc-change - DvcChangeEvent with `{ name, value }` (string[]) when a box changes.
 */
@customElement('dvc-checkbox-group')
export class DvcCheckboxGroup extends DvcFieldElement<string[]> {
  /** The values of the ticked options, in option order. */
  @property({ type: Array }) value: string[] = [];
  /** The options, `{ value, label }` with labels already in the person's language. */
  @property(optionsProperty) options: FieldOptionItem[] = [];

  protected override missingKey = 'valueMissingCheckboxGroup' as const;

  protected override focusTarget(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('input') ?? null;
  }

  protected override formValue(): FormData | null {
    if (!this.name) return null;
    const data = new FormData();
    for (const v of this.value) data.append(this.name, v);
    return data;
  }

  protected override isEmpty(): boolean {
    return this.value.length === 0;
  }

  protected override restoreValue(state: unknown): string[] {
    return Array.isArray(state) ? state.map(String) : [];
  }

  private read(): void {
    const boxes = this.renderRoot.querySelectorAll<HTMLInputElement>('input');
    this.value = [...boxes].filter((b) => b.checked).map((b) => b.value);
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.read();
    this.emitInput();
  }

  private onChange(e: Event): void {
    e.stopPropagation();
    this.emitChange();
  }

  override render() {
    const disabled = this.isDisabled || this.readonly;
    return html`<fieldset aria-describedby=${this.describedBy()}>
      <legend part="legend">${this.label}</legend>
      ${this.renderHelp()}
      ${this.options.map(
        (o, i) =>
          html`<label class="choice" part="option"
            ><input
              part="input"
              type="checkbox"
              id=${`option-${i}`}
              .value=${o.value}
              .checked=${live(this.value.includes(o.value))}
              ?disabled=${disabled}
              aria-invalid=${this.error ? 'true' : 'false'}
              @input=${this.onInput}
              @change=${this.onChange}
            /><span class="choice-text">${o.label}</span></label
          >`,
      )}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-checkbox-field': DvcCheckboxField;
    'dvc-checkbox-group': DvcCheckboxGroup;
  }
}
