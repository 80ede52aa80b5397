import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DvcFieldElement } from '../base/field-element.js';
import { optionsProperty, type FieldOptionItem } from '../base/options.js';

/**
 * @summary A set of radio buttons in a fieldset whose legend is the question.
 *
 * Arrow keys move between the options (native radio behaviour); Tab enters and leaves the group.
 *
 * @csspart legend - The question (fieldset legend).
 * @csspart hint - The hint under the legend.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart option - The label wrapping each radio button.
 * @csspart input - Each native radio button.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-accent=#0b0c0c] - Border and dot of the 40 px radio circles.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5rem] - Space after the field.
 *
 * @event input - When another option is chosen.
 * @event change - When another option is chosen.
 * @event dvc-change - DvcChangeEvent with `{ name, value }` when another option is chosen.
 */
/** Groups made on this page, for their radios' names. */
let groups = 0;

@customElement('dvc-radio-group')
export class DvcRadioGroup extends DvcFieldElement<string> {
  /** The value of the chosen option, or empty. */
  @property() value = '';
  /** The options, `{ value, label }` with labels already in the person's language. */
  @property(optionsProperty) options: FieldOptionItem[] = [];

  protected override missingKey = 'valueMissingChoice' as const;

  /**
   * The native radios' name, unique on the page. WebKit (Safari) decides whether Tab may stop on
   * a radio from every radio of that name in the document, shadow roots included: with one name
   * shared by every group, a group after one already answered had no Tab stop at all (issue
   * 23). Chromium and Firefox scope the name to the shadow root; a unique name is right in all.
   */
  private readonly radioName = `dvc-choice-${++groups}`;

  protected override focusTarget(): HTMLElement | null {
    const radios = [...(this.renderRoot?.querySelectorAll?.<HTMLInputElement>('input') ?? [])];
    return radios.find((r) => r.checked) ?? radios[0] ?? null;
  }

  protected override formValue(): string | null {
    return this.value || null;
  }

  protected override isEmpty(): boolean {
    return this.value === '';
  }

  protected override restoreValue(state: unknown): string {
    return typeof state === 'string' ? state : '';
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLInputElement).value;
    this.emitInput();
  }

  private onChange(e: Event): void {
    e.stopPropagation();
    this.emitChange();
  }

  override render() {
    const disabled = this.isDisabled || this.readonly;
    // prettier-ignore
    return html`<fieldset aria-describedby=${this.describedBy()}><legend part="legend" .textContent=${this.label}></legend>${this.renderHint()}${this.renderBadge()}${this.renderError()}${this.options.map(
        (o, i) =>
          html`<label class="choice" part="option"
            ><input
              part="input"
              type="radio"
              id=${`option-${i}`}
              name=${this.radioName}
              .value=${o.value}
              .checked=${live(o.value === this.value)}
              ?required=${this.required}
              ?disabled=${disabled}
              aria-invalid=${this.error ? 'true' : 'false'}
              @input=${this.onInput}
              @change=${this.onChange}
            /><span class="choice-text" .textContent=${o.label}></span></label
          >`,
      )}</fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-radio-group': DvcRadioGroup;
  }
}
