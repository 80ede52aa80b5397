import { html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DvcFieldElement } from '../base/field-element.js';
import { showSelected } from '../base/select-sync.js';
import { optionNodes, toggleAttr } from '../base/option-nodes.js';
import { optionsProperty, type FieldOptionItem } from '../base/options.js';

/** One choice of the list (its `selected` is set by `updated()`). */
function optionNode(o: FieldOptionItem): Node {
  const option = document.createElement('option');
  option.value = o.value;
  option.textContent = o.label;
  return option;
}

/**
 * @summary A drop-down list (native `<select>`) for choosing one of many options.
 *
 * A native select keeps the phone's own accessible picker. The first option is an empty
 * "— Chọn —" so nothing is chosen for the person by default.
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart input - The native select.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Select border colour.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - When another option is chosen.
 * @event change - When another option is chosen.
 * @event dvc-change - DvcChangeEvent with `{ name, value }` when another option is chosen.
 */
@customElement('dvc-select-field')
export class DvcSelectField extends DvcFieldElement<string> {
  /** The value of the chosen option, or empty. */
  @property() value = '';
  /** The options, `{ value, label }` with labels already in the person's language. */
  @property(optionsProperty) options: FieldOptionItem[] = [];

  protected override missingKey = 'valueMissingChoice' as const;

  protected override focusTarget(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('#control') ?? null;
  }

  protected override formValue(): string {
    return this.value;
  }

  protected override isEmpty(): boolean {
    return this.value === '';
  }

  protected override restoreValue(state: unknown): string {
    return typeof state === 'string' ? state : '';
  }

  /** The list shows the value after a change made from script (select-sync.ts). */
  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const select = this.renderRoot.querySelector('select');
    // The choices are plain nodes (option-nodes.ts): mark the chosen one as `?selected` did.
    for (const option of select?.options ?? []) {
      if (option.value !== '') toggleAttr(option, 'selected', option.value === this.value);
    }
    showSelected(select, this.value);
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLSelectElement).value;
    this.emitInput();
  }

  private onChange(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLSelectElement).value;
    this.emitChange();
  }

  override render() {
    // A select cannot be read-only natively; disabling would also drop it from the form data,
    // which the form value set through ElementInternals does not depend on.
    // Flat: header parts inline and no spaces inside the options; the choices are plain nodes
    // made once per options array, not a template each (option-nodes.ts, docs/performance.md).
    // prettier-ignore
    return html`<label part="label" for="control" .textContent=${this.label}></label>${this.renderNoteNodes()}<select
        part="input"
        id="control"
        autocomplete=${(this.autocomplete || 'off') as never}
        ?required=${this.required}
        ?disabled=${this.isDisabled || this.readonly}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @input=${this.onInput}
        @change=${this.onChange}
      ><option value="" ?selected=${live(this.value === '')}>${this.placeholder || this.msg('choose')}</option>${optionNodes(this.options, optionNode)}</select>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-select-field': DvcSelectField;
  }
}
