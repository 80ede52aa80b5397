import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { WIDGETS, emptyValueOf as emptyValueFor, widgetNameOf } from '../base/widgets.js';
import { DvcFieldElement, copyValue, type FieldValidity } from '../base/field-element.js';
import type { FieldOptionItem } from '../base/options.js';
import { fieldStyles } from '../base/styles.js';
import { fill, type UiLang } from '../base/i18n.js';
import { REPEAT_GROUP_MESSAGES, type RepeatGroupMessageKey } from './messages.js';
import type { Problem } from '../../src/problem.js';
import type { JsonSchema } from '../../src/procedure/index.js';
import { requiredMembers } from '../../src/session/index.js';
import '../address-field/address-field.js';
import '../checkbox-field/checkbox-field.js';
import '../date-field/date-field.js';
import '../email-field/email-field.js';
import '../id-number-field/id-number-field.js';
import '../number-field/number-field.js';
import '../phone-field/phone-field.js';
import '../radio-group/radio-group.js';
import '../select-field/select-field.js';
import '../text-field/text-field.js';
import '../textarea-field/textarea-field.js';

/** One field of each item, with labels already in the person's language. */
export interface RepeatFieldSpec {
  /** Key of the answer inside the item. */
  field: string;
  /** Widget name of the procedure format (`text`, `date`, `select`, `checkbox`, …). */
  widget: string;
  label: string;
  hint?: string;
  placeholder?: string;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
  /**
   * An address that needs no street (a place, such as a hometown): `street-optional` of
   * `<dvc-address-field>`. In a form the group finds it in the data schema (`data`).
   */
  streetOptional?: boolean;
  /** Choices for select, radio and checkbox (with options: a checkbox group). */
  options?: FieldOptionItem[];
}

export type RepeatItem = Record<string, unknown>;

// Tags and empty values come from the widget registry the form uses too (components/base/widgets.ts).

/** Flattens an item into FormData keys: `name[0].field`, `name[0].address.province`, repeated keys for lists. */
function appendFormData(data: FormData, key: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) =>
      v !== null && typeof v === 'object'
        ? appendFormData(data, `${key}[${i}]`, v)
        : data.append(key, String(v)),
    );
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) appendFormData(data, `${key}.${k}`, v);
  } else {
    data.append(key, String(value));
  }
}

let nextKey = 1;

/**
 * @summary A list of repeated items ("add another"), e.g. each child in a household, with add,
 * remove-with-undo and keyboard reordering.
 *
 * Each item is a fieldset of child field elements built from `fields`. Removing needs no
 * confirmation because it can be undone: focus moves to the "Hoàn tác" (Undo) button. "Di chuyển
 * lên/xuống" buttons reorder items, keep focus on the moved item and announce its new position in
 * a live region. `min`/`max` bound the number of items. In a plain form the items are submitted as
 * `name[0].field`.
 *
 * @csspart legend - The question (outer fieldset legend).
 * @csspart hint - The hint under the legend.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart item - The fieldset of one item.
 * @csspart item-legend - The heading of one item ("Người con 1").
 * @csspart actions - The row of move and remove buttons of an item.
 * @csspart move-up - Each "Di chuyển lên" button.
 * @csspart move-down - Each "Di chuyển xuống" button.
 * @csspart remove - Each "Xoá" button.
 * @csspart undo - The "Hoàn tác" button after a removal.
 * @csspart add - The "Thêm" button.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Border colour of the items and buttons.
 * @cssproperty [--dvc-color-button-bg=#f3f2f1] - Button background.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 *
 * @event input - When a child field changes or an item is added, removed, restored or moved.
 * @event change - When a child field is committed or the list of items changes.
 * @event dvc-change - DvcChangeEvent with `{ name, value }` (the array of items).
 */
@customElement('dvc-repeat-group')
export class DvcRepeatGroup extends DvcFieldElement<RepeatItem[]> {
  static override styles = [
    fieldStyles,
    css`
      .item {
        border: 2px solid var(--dvc-color-border, #0b0c0c);
        border-radius: var(--dvc-radius, 0);
        padding: 0.75em;
        margin-block-end: 1em;
      }
      .item > legend {
        padding-inline: 0.25em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      [aria-disabled='true'] {
        opacity: 0.6;
        cursor: not-allowed;
      }
    `,
  ];

  /** The items, one object per item keyed by each field's `field`. */
  @property({ type: Array }) value: RepeatItem[] = [];
  /** The fields of each item, `{ field, widget, label, … }` with labels already localised. */
  @property({ type: Array }) fields: RepeatFieldSpec[] = [];
  /** How one item is named in headings and button names, e.g. "Người con". */
  /**
   * The procedure's data schema, when the group is a question of `<dvc-form>`: the item fields'
   * schema is there, at `name[]` (an address whose street it does not require is a place).
   */
  @property({ attribute: false }) data?: JsonSchema;
  @property({ attribute: 'item-label' }) itemLabel = '';
  /** Text of the add button; defaults to "Thêm {itemLabel}". */
  @property({ attribute: 'add-label' }) addLabel = '';
  /** The fewest items; that many empty items are shown from the start. */
  @property({ type: Number }) min = 0;
  /** The most items; the add button goes away at the limit. */
  @property({ type: Number }) max?: number;
  /** Errors of child fields by JSON pointer relative to the group, e.g. `{ "/0/birthDate": "…" }`. */
  @property({ type: Object }) errors: Record<string, string> = {};

  @state() private keys: number[] = [];
  /**
   * The items' keys when `errors` was last given: its pointers count items as they were then, so
   * an error stays with its person when items are moved, removed or restored (and a summary's
   * line given with it still lands on that person's box, focusAt()).
   */
  private errorKeys: number[] = [];
  /**
   * The items' fields the person has changed, as `key/field`: leaving one shows its problem,
   * while the fields not changed yet stay quiet (showProblems).
   */
  private changedMembers = new Set<string>();
  @state() private announcement = '';
  @state() private removed?: { item: RepeatItem; key: number; index: number };

  protected override missingKey = 'tooFewItems' as const;

  private get itemName(): string {
    return this.itemLabel || this.msg('defaultItem');
  }

  /** A message of the group's own catalog (messages.ts), in the element's language. */
  private say(key: RepeatGroupMessageKey, params?: Record<string, string | number>): string {
    return fill(REPEAT_GROUP_MESSAGES[this.uiLang][key], params);
  }

  private heading(index: number): string {
    return this.say('itemHeading', { item: this.itemName, n: index + 1 });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!Array.isArray(this.value)) this.value = [];
    if (this.value.length < this.min) {
      this.value = [
        ...this.value,
        ...Array.from({ length: this.min - this.value.length }, () => this.emptyItem()),
      ];
    }
    if (this.keys.length !== this.value.length) this.keys = this.value.map(() => nextKey++);
    // The form passes the errors again on each of its renders: only new ones count items anew.
    const before = changed.has('errors') ? JSON.stringify(changed.get('errors') ?? {}) : undefined;
    if (before !== undefined && before !== JSON.stringify(this.errors)) this.errorKeys = this.keys;
    super.willUpdate(changed);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Child validity settles in the children's own update, after ours.
    void Promise.all(this.children$().map((c) => c.updateComplete)).then(() => this.syncForm());
  }

  private children$(): DvcFieldElement<unknown>[] {
    return [
      ...(this.renderRoot?.querySelectorAll?.<DvcFieldElement<unknown>>('[data-field]') ?? []),
    ];
  }

  private emptyItem(): RepeatItem {
    return Object.fromEntries(this.fields.map((f) => [f.field, emptyValueFor(f, true)]));
  }

  protected override focusTarget(): HTMLElement | null {
    const invalid = this.children$().find((c) => !c.validity.valid);
    return (
      invalid ??
      this.children$()[0] ??
      this.renderRoot?.querySelector?.<HTMLElement>('#add') ??
      null
    );
  }

  /**
   * The problems `<dvc-form>` shows for the group, as it asks each question
   * (DvcTextInputField.withInputProblems): `problems`, the session's, where an item's box holding
   * text it cannot read (a date 31/02/2026, a number "abc") gives that box's own message in place
   * of the session's ("required", or nothing for an optional field), in page order (items, then
   * their fields). The group's `name` is its answer's path.
   */
  withInputProblems(problems: Problem[], lang?: UiLang): Problem[] {
    const at = this.pointer();
    const bad = new Map<string, Problem>();
    for (const child of this.children$() as (DvcFieldElement<unknown> & {
      withInputProblems?(problems: Problem[], lang?: UiLang): Problem[];
    })[]) {
      // The item's box, asked as the form asks a question; its problem goes at the item's field.
      const [own] = child.withInputProblems?.([], lang) ?? [];
      const path = `${at}/${this.keys.indexOf(Number(child.dataset.key))}/${child.dataset.field}`;
      if (own) bad.set(path, { ...own, path });
    }
    // Where a problem is on the page: the group's own first, then by item and field.
    const place = (p: Problem) => {
      const [, item, field] = p.path.slice(at.length).split('/');
      return item === undefined
        ? -1
        : Number(item) * this.fields.length + this.fields.findIndex((f) => f.field === field);
    };
    return [...problems.filter((p) => !bad.has(p.path)), ...bad.values()].sort(
      (a, b) => place(a) - place(b),
    );
  }

  /** The group's answer's JSON pointer, `/members`: problems' paths start with it. */
  private pointer(): string {
    return `/${this.name.replace(/\./g, '/')}`;
  }

  /**
   * Shows the problems `<dvc-form>` found in the group (as withInputProblems gives them) when the
   * person leaves one of its items' fields after changing it, moves, adds or removes an item, or
   * leaves the group (components/form/field-events.ts), as the form shows a question's on leaving
   * it: an item's field shows its problem when it shows one already or the person has changed it,
   * so a field put right loses its error at once and one not touched yet gets none. The pointers
   * count the items as they are now. Returns the problems shown, for the error summary.
   */
  showProblems(problems: Problem[]): Problem[] {
    const at = this.pointer();
    const before = this.keysOfErrors();
    const showing = new Set(
      Object.keys(this.errors).map((p) => {
        const [, item, field] = p.split('/');
        return `${before[Number(item)]}/${field}`;
      }),
    );
    const errors: Record<string, string> = {};
    let own = '';
    const shown = problems.filter((p) => {
      const rel = p.path.slice(at.length);
      const [, item, field] = rel.split('/');
      const member = `${this.keys[Number(item)]}/${field}`;
      // The group's own problem (too few items) shows as before, on leaving it.
      const show = !field || showing.has(member) || this.changedMembers.has(member);
      if (show && !rel) own ||= p.message;
      else if (show) errors[rel] ??= p.message;
      return show;
    });
    this.error = own;
    this.errors = errors;
    this.errorKeys = this.keys;
    return shown;
  }

  /**
   * Moves focus to the box of the item field at `pointer` (relative to the group, `/1/birthDate`,
   * as in `errors`), else as `focus()` does: an error summary's line about it lands there.
   */
  focusAt(pointer: string): void {
    const [, item, field] = pointer.split('/');
    const key = String(this.keysOfErrors()[Number(item)]);
    (
      this.children$().find((c) => c.dataset.field === field && c.dataset.key === key) ?? this
    ).focus();
  }

  private keysOfErrors(): number[] {
    return this.errorKeys.length ? this.errorKeys : this.keys;
  }

  protected override formValue(): FormData | null {
    if (!this.name) return null;
    const data = new FormData();
    this.value.forEach((item, i) => appendFormData(data, `${this.name}[${i}]`, item));
    return data;
  }

  protected override isEmpty(): boolean {
    return this.value.length === 0;
  }

  protected override syncForm(): void {
    super.syncForm();
    // A required group with no items names how many are needed.
    if (!this.error && this.required && this.isEmpty()) {
      this.internals.setValidity(
        { valueMissing: true },
        this.msg('tooFewItems', { min: Math.max(1, this.min), item: this.itemName }),
        this.renderRoot?.querySelector?.<HTMLElement>('#add') ?? undefined,
      );
    }
  }

  protected override checkOwnValidity(): FieldValidity | null {
    if (this.value.length < this.min) {
      return {
        flags: { rangeUnderflow: true },
        message: this.msg('tooFewItems', { min: this.min, item: this.itemName }),
      };
    }
    const children = this.children$();
    const bad = children.find((c) => !c.validity.valid);
    if (bad) {
      const index = this.keys.indexOf(Number(bad.dataset.key));
      return {
        flags: { customError: true },
        message: this.say('itemInvalid', { item: this.itemName, n: index + 1 }),
        anchor: bad,
      };
    }
    return null;
  }

  protected override restoreValue(state: unknown): RepeatItem[] {
    return Array.isArray(state) ? (state as RepeatItem[]) : [];
  }

  private changed(): void {
    this.emitInput();
    this.emitChange();
  }

  private async focusItem(key: number, selector: string): Promise<void> {
    await this.updateComplete;
    const item = this.renderRoot.querySelector(`[data-item="${key}"]`);
    item?.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Adds an empty item at the end and moves focus to its first field. */
  async addItem(): Promise<void> {
    if (this.max !== undefined && this.value.length >= this.max) return;
    const key = nextKey++;
    this.value = [...this.value, this.emptyItem()];
    this.keys = [...this.keys, key];
    this.removed = undefined;
    this.announcement = this.say('added', { item: this.itemName, n: this.value.length });
    this.changed();
    await this.focusItem(key, '[data-field]');
  }

  /** Removes the item at `index`; it can be restored with the Undo button that receives focus. */
  async removeItem(index: number): Promise<void> {
    if (this.value.length <= this.min) return;
    this.removed = { item: this.value[index], key: this.keys[index], index };
    this.value = this.value.filter((_, i) => i !== index);
    this.keys = this.keys.filter((_, i) => i !== index);
    this.announcement = this.say('removed', { item: this.itemName, n: index + 1 });
    this.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#undo')?.focus();
  }

  /** Puts the last removed item back where it was and focuses its first field. */
  async undoRemove(): Promise<void> {
    const r = this.removed;
    if (!r) return;
    const index = Math.min(r.index, this.value.length);
    this.value = [...this.value.slice(0, index), r.item, ...this.value.slice(index)];
    this.keys = [...this.keys.slice(0, index), r.key, ...this.keys.slice(index)];
    this.removed = undefined;
    this.announcement = this.say('restored', { item: this.itemName, n: index + 1 });
    this.changed();
    await this.focusItem(r.key, '[data-field]');
  }

  /** Moves the item at `index` by `delta` (−1 up, +1 down), keeping focus on the pressed button. */
  async moveItem(index: number, delta: -1 | 1): Promise<void> {
    const to = index + delta;
    if (to < 0 || to >= this.value.length) return;
    const swap = <X>(list: X[]) => {
      const copy = [...list];
      [copy[index], copy[to]] = [copy[to], copy[index]];
      return copy;
    };
    const key = this.keys[index];
    this.value = swap(this.value);
    this.keys = swap(this.keys);
    this.announcement = this.say('moved', {
      item: this.heading(index),
      position: to + 1,
      count: this.value.length,
    });
    this.changed();
    await this.focusItem(key, delta < 0 ? '[data-action="up"]' : '[data-action="down"]');
  }

  private onChildEvent(e: Event): void {
    const child = e.target as DvcFieldElement<unknown> & HTMLElement;
    const field = child.dataset?.field;
    if (!field) return;
    e.stopPropagation();
    const index = this.keys.indexOf(Number(child.dataset.key));
    if (index < 0) return;
    if (e.type === 'input') {
      this.value = this.value.map((item, i) =>
        i === index ? { ...item, [field]: copyValue(child.value) } : item,
      );
      this.emitInput();
    } else if (e.type === 'dvc-change') {
      this.changedMembers.add(`${child.dataset.key}/${field}`);
      this.value = this.value.map((item, i) =>
        i === index ? { ...item, [field]: copyValue(child.value) } : item,
      );
      this.emitChange();
    }
  }

  /**
   * Whether an item's address is a place, whose schema requires no street, as `<dvc-form>` marks
   * an address question of its own (components/form/questions.ts): every item's hometown asked
   * for a street the schema does not require.
   */
  private isPlace(spec: RepeatFieldSpec): boolean {
    return (
      spec.widget === 'address' &&
      !!this.data &&
      !requiredMembers(this.data, `${this.name}[].${spec.field}`).includes('street')
    );
  }

  private renderChild(spec: RepeatFieldSpec, item: RepeatItem, key: number) {
    const tag = WIDGETS[widgetNameOf(spec)].tag;
    const value = item[spec.field] ?? emptyValueFor(spec, true);
    return staticHtml`<${tag}
      data-field=${spec.field}
      data-key=${key}
      .label=${spec.label}
      .hint=${spec.hint ?? ''}
      .placeholder=${spec.placeholder ?? ''}
      .autocomplete=${spec.autocomplete ?? ''}
      .options=${spec.options ?? []}
      .required=${spec.required ?? false}
      ?street-optional=${spec.streetOptional || this.isPlace(spec)}
      .disabled=${this.isDisabled}
      .readonly=${this.readonly}
      .error=${this.errors[`/${this.keysOfErrors().indexOf(key)}/${spec.field}`] ?? ''}
      .value=${value}
    ></${tag}>`;
  }

  override render() {
    const count = this.value.length;
    const atMax = this.max !== undefined && count >= this.max;
    const canRemove = count > this.min && !this.isDisabled && !this.readonly;
    const locked = this.isDisabled || this.readonly;
    return html`<fieldset aria-describedby=${this.describedBy()}>
      <legend part="legend">${this.label}</legend>
      ${this.renderHelp()}
      <div
        @input=${this.onChildEvent}
        @change=${this.onChildEvent}
        @dvc-change=${this.onChildEvent}
      >
        ${repeat(
          this.value,
          (_, i) => this.keys[i],
          (item, i) => {
            const key = this.keys[i];
            const n = i + 1;
            return html`<fieldset class="item" part="item" data-item=${key}>
              <legend part="item-legend">${this.heading(i)}</legend>
              ${this.fields.map((f) => this.renderChild(f, item, key))}
              ${
                locked || (count < 2 && !canRemove)
                  ? nothing
                  : html`<div class="actions" part="actions">
                      ${
                        count > 1
                          ? html`<button
                                type="button"
                                part="move-up"
                                data-action="up"
                                aria-label=${this.say('moveUpItem', { item: this.itemName, n })}
                                aria-disabled=${i === 0 ? 'true' : 'false'}
                                @click=${() => this.moveItem(i, -1)}
                              >
                                ${this.say('moveUp')}</button
                              ><button
                                type="button"
                                part="move-down"
                                data-action="down"
                                aria-label=${this.say('moveDownItem', { item: this.itemName, n })}
                                aria-disabled=${i === count - 1 ? 'true' : 'false'}
                                @click=${() => this.moveItem(i, 1)}
                              >
                                ${this.say('moveDown')}
                              </button>`
                          : nothing
                      }
                      ${
                        canRemove
                          ? html`<button
                              type="button"
                              part="remove"
                              data-action="remove"
                              aria-label=${this.say('removeItem', { item: this.itemName, n })}
                              @click=${() => this.removeItem(i)}
                            >
                              ${this.say('remove')}
                            </button>`
                          : nothing
                      }
                    </div>`
              }
            </fieldset>`;
          },
        )}
      </div>
      ${
        this.removed
          ? html`<p>
              <button
                type="button"
                id="undo"
                part="undo"
                aria-label=${this.say('undoRemove', { item: this.itemName, n: this.removed.index + 1 })}
                @click=${this.undoRemove}
              >
                ${this.say('undo')}
              </button>
            </p>`
          : nothing
      }
      ${
        locked
          ? nothing
          : atMax
            ? html`<p class="hint">${this.say('maxItemsReached', { max: this.max ?? count })}</p>`
            : html`<button type="button" id="add" part="add" @click=${this.addItem}>
                ${this.addLabel || this.say('addItem', { item: this.itemName })}
              </button>`
      }
      <span class="visually-hidden" role="status">${this.announcement}</span>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-repeat-group': DvcRepeatGroup;
  }
}
