import { html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DvcFieldElement } from '../base/field-element.js';
import { optionNodes, toggleAttr } from '../base/option-nodes.js';
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
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
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

  /** One choice: its label, radio and text; the state that follows the value is set by `updated()`. */
  private readonly optionNode = (o: FieldOptionItem, i: number): Node => {
    const label = document.createElement('label');
    label.className = 'choice';
    label.setAttribute('part', 'option');
    const input = document.createElement('input');
    input.setAttribute('part', 'input');
    input.type = 'radio';
    input.id = `option-${i}`;
    input.name = this.radioName;
    input.value = o.value;
    const text = document.createElement('span');
    text.className = 'choice-text';
    text.textContent = o.label;
    label.append(input, text);
    return label;
  };

  /** The radios follow the value, `disabled` and the error, as bindings would. */
  override updated(changed: PropertyValues<this>): void {
    const disabled = this.isDisabled || this.readonly;
    const invalid = this.error ? 'true' : 'false';
    for (const input of this.renderRoot.querySelectorAll('input')) {
      const checked = input.value === this.value;
      if (input.checked !== checked) input.checked = checked;
      toggleAttr(input, 'disabled', disabled);
      if (input.getAttribute('aria-invalid') !== invalid)
        input.setAttribute('aria-invalid', invalid);
    }
    super.updated(changed);
  }

  override render() {
    // The choices are plain nodes made once per options array, not a template each (ten
    // bindings per radio, a thousand times on a large page: option-nodes.ts); their input and
    // change events are handled on the fieldset. `required` is the group's (a radiogroup's
    // aria-required): Chromium exposes no radio's native `required`, and on every radio as well
    // a reader that does would say it once per choice.
    // prettier-ignore
    return html`<fieldset role="radiogroup" aria-required=${this.required} aria-describedby=${this.describedBy()} @input=${this.onInput} @change=${this.onChange}><legend part="legend" .textContent=${this.label}></legend>${this.renderNoteNodes()}${optionNodes(this.options, this.optionNode)}</fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-radio-group': DvcRadioGroup;
  }
}
