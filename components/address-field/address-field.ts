import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DvcFieldElement, type FieldValidity } from '../base/field-element.js';
import { showSelected } from '../base/select-sync.js';
import { fill } from '../base/i18n.js';
import { fieldStyles } from '../base/styles.js';
import { foldVietnamese, loadAdminUnits, type AdminUnit, type AdminUnits } from './admin-units.js';
import { ADDRESS_MESSAGES, type AddressMessageKey } from './messages.js';

/** The answer of an address field: 2-digit province code, 5-digit commune code, free text. */
export interface AddressValue {
  province: string;
  commune: string;
  street: string;
}

/** How long typed letters count as one search, as in native lists. */
const TYPE_AHEAD_MS = 1000;

const EMPTY: AddressValue = { province: '', commune: '', street: '' };

function toAddress(v: unknown): AddressValue {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return { province: s(o.province), commune: s(o.commune), street: s(o.street) };
}

/**
 * @summary A Vietnamese address after the 2025 reform: province → commune → house number/street.
 *
 * Since 1 July 2025 there are two administrative levels (VIETNAM.md §1): the commune list is
 * filtered by the chosen province, and a search box narrows it by typing with or without tone
 * marks. Provinces read "Hà Nội (Thành phố)" and can be picked by typing their name, with or
 * without tone marks, on the list itself. Lists are sorted with Vietnamese collation. The list of units loads lazily the first time
 * an address field appears. In a plain `<form>` the parts are submitted as `name.province`,
 * `name.commune` and `name.street`.
 *
 * @csspart legend - The question (fieldset legend).
 * @csspart hint - The hint under the legend.
 * @csspart prefilled - The "Đã điền sẵn" badge.
 * @csspart error - The error message.
 * @csspart part-label - The label of each part (province, search, commune, street).
 * @csspart province - The province select.
 * @csspart search - The commune search box.
 * @csspart commune - The commune select.
 * @csspart street - The house number and street input.
 * @csspart status - The loading or failure message.
 * @csspart reuse - The "Dùng lại địa chỉ đã khai ở …" button (an address above, fully answered).
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-hint=#505a5f] - Hint colour.
 * @cssproperty [--dvc-color-error=#b3261e] - Error colour and error bar.
 * @cssproperty [--dvc-color-border=#0b0c0c] - Border colour of the controls.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline colour.
 * @cssproperty [--dvc-field-gap=1.5em] - Space after the field.
 * @cssproperty [--dvc-radius=0] - Corner radius.
 *
 * @event input - When a part changes (every keystroke in the street box).
 * @event change - When a part is committed.
 * @event dvc-change - DvcChangeEvent with `{ name, value: { province, commune, street } }`.
 */
@customElement('dvc-address-field')
export class DvcAddressField extends DvcFieldElement<AddressValue> {
  static override styles = [
    fieldStyles,
    css`
      .part {
        margin-block-start: 0.75em;
        font-weight: 400;
      }
      .reuse {
        display: block;
        margin-block-start: 0.5em;
        text-align: start;
      }
    `,
  ];

  /** The address: `{ province, commune, street }` (codes of the 2025 list, free text). */
  @property({ type: Object }) value: AddressValue = { ...EMPTY };

  /**
   * A place rather than an address (a hometown: commune and province only): the street box is
   * marked "(không bắt buộc)" and is neither required nor announced as required when the field is.
   */
  @property({ type: Boolean, attribute: 'street-optional' }) streetOptional = false;

  /**
   * The question whose address the "Dùng lại địa chỉ đã khai ở …" button offers (its `name`), or
   * '' for none. Unset, the nearest fully answered address above of the same kind is offered.
   * `<dvc-form>` sets it on a question with a `copyFrom`, as the rules decide its `when`.
   */
  @property({ attribute: false }) reuseFrom?: string;

  @state() private units?: AdminUnits;
  @state() private loadFailed = false;
  @state() private query = '';

  /** Where the questions around this one live (the form's page, or the document). */
  private around?: Document | ShadowRoot;

  /** Another address above changed: the "use again" offer may come or go. */
  private readonly onAround = (e: Event): void => {
    if (e.target !== this && e.target instanceof DvcAddressField) this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.around = this.getRootNode() as Document | ShadowRoot;
    this.around.addEventListener('input', this.onAround);
    if (!this.units) {
      loadAdminUnits().then(
        (units) => {
          this.units = units;
          this.loadFailed = false;
        },
        () => {
          this.loadFailed = true;
        },
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.around?.removeEventListener('input', this.onAround);
  }

  /** A message of the address's own catalog (messages.ts), in the element's language. */
  private say(key: AddressMessageKey, params?: Record<string, string | number>): string {
    return fill(ADDRESS_MESSAGES[this.uiLang][key], params);
  }

  /**
   * The address question above this one on the page whose answer the button offers, fully
   * answered, while this one is still empty: the mother's residence when the father's is asked.
   * One button, so nobody types the same address twice (WCAG 2.2 SC 3.3.7 Redundant Entry). It is
   * the nearest one of the same kind (address or place), unless `reuseFrom` names the one (or none).
   */
  private reusable(v: AddressValue): DvcAddressField | undefined {
    const named = this.reuseFrom;
    if (named === '' || v.province || v.commune || v.street || this.isDisabled || this.readonly)
      return undefined;
    const all = [...(this.around?.querySelectorAll('dvc-address-field') ?? [])];
    return all
      .slice(0, all.indexOf(this))
      .reverse()
      .find((other) => {
        const o = toAddress(other.value);
        return (
          (named === undefined
            ? other.streetOptional === this.streetOptional
            : other.name === named) &&
          !!o.province &&
          !!o.commune &&
          (this.streetOptional || !!o.street.trim())
        );
      });
  }

  /**
   * The offer's words. In a repeat group every item asks the same question ("Nơi ở hiện tại"),
   * so the label alone did not say whose address it copies, and read as this very question:
   * from another item, the offer names that item by its heading ("Người thứ 1").
   */
  private reuseLabel(from: DvcAddressField): string {
    const item = from.closest('fieldset');
    return item && item !== this.closest('fieldset')
      ? this.say('reuseItem', {
          label: from.label,
          item: item.querySelector(':scope > legend')?.textContent?.trim() ?? '',
        })
      : this.say('reuse', { label: from.label });
  }

  private async reuse(from: DvcAddressField): Promise<void> {
    this.query = '';
    this.value = { ...toAddress(from.value) };
    this.emitInput();
    this.emitChange();
    await this.updateComplete;
    // The button is gone; the person lands on the last part, the whole address read above it.
    this.renderRoot.querySelector<HTMLElement>('#street')?.focus();
  }

  /** Resolves once the administrative list is loaded and rendered. */
  async unitsReady(): Promise<void> {
    await loadAdminUnits();
    await this.updateComplete;
  }

  /** The first part a required address lacks, or undefined when none is missing. */
  private missingPart(v: AddressValue): 'province' | 'commune' | 'street' | undefined {
    if (!v.province) return 'province';
    if (!v.commune) return 'commune';
    if (!v.street.trim() && !this.streetOptional) return 'street';
    return undefined;
  }

  protected override focusTarget(): HTMLElement | null {
    const root = this.renderRoot;
    if (!root?.querySelector) return null;
    return root.querySelector<HTMLElement>(
      `#${this.missingPart(toAddress(this.value)) ?? 'province'}`,
    );
  }

  protected override formValue(): FormData | null {
    if (!this.name) return null;
    const v = toAddress(this.value);
    const data = new FormData();
    data.append(`${this.name}.province`, v.province);
    data.append(`${this.name}.commune`, v.commune);
    data.append(`${this.name}.street`, v.street);
    return data;
  }

  protected override isEmpty(): boolean {
    // Each missing part gets its own message in checkOwnValidity.
    return false;
  }

  protected override checkOwnValidity(): FieldValidity | null {
    if (!this.required) return null;
    const v = toAddress(this.value);
    const root = this.renderRoot;
    const at = (id: string) => root?.querySelector?.<HTMLElement>(`#${id}`) ?? undefined;
    if (!v.province)
      return {
        flags: { valueMissing: true },
        message: this.msg('valueMissingProvince'),
        anchor: at('province'),
      };
    if (!v.commune)
      return {
        flags: { valueMissing: true },
        message: this.msg('valueMissingCommune'),
        anchor: at('commune'),
      };
    if (!v.street.trim() && !this.streetOptional)
      return {
        flags: { valueMissing: true },
        message: this.msg('valueMissingStreet'),
        anchor: at('street'),
      };
    return null;
  }

  protected override restoreValue(state: unknown): AddressValue {
    return toAddress(state);
  }

  private set(part: Partial<AddressValue>): void {
    this.value = { ...toAddress(this.value), ...part };
  }

  private onProvince(e: Event): void {
    e.stopPropagation();
    const province = (e.target as HTMLSelectElement).value;
    if (e.type === 'change') {
      this.emitChange();
      return;
    }
    // A commune belongs to one province: a new province clears it.
    this.query = '';
    this.set({ province, commune: '' });
    this.emitInput();
  }

  /** What was typed on the closed province list, and when (type-ahead, see onProvinceKey). */
  private typed = '';
  private typedAt = -Infinity;

  /**
   * Tone-insensitive type-ahead on the province list. The browser's own type-ahead compares
   * letters exactly, so "ha noi" typed without Vietnamese input (common on shared or office
   * keyboards) never reaches "Hà Nội". Letters typed within a second form one search over the
   * folded names (proper name first, then the official name); one letter repeated cycles through
   * the provinces starting with it, as native lists do. Phones open their own picker instead and
   * never send these keys.
   */
  private onProvinceKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const fresh = e.timeStamp - this.typedAt > TYPE_AHEAD_MS;
    // Vietnamese input methods without composition (Unikey, EVKey) replace "a" by "à" with a
    // Backspace then the new letter: take the Backspace out of the search too.
    if (e.key === 'Backspace' && !fresh && this.typed) {
      e.preventDefault();
      this.typed = [...this.typed].slice(0, -1).join('');
      this.typedAt = e.timeStamp;
      return;
    }
    if ([...e.key].length !== 1) return;
    // Space with nothing typed opens the list; inside a search it is part of the name.
    if (e.key === ' ' && (fresh || !this.typed)) return;
    e.preventDefault();
    this.typed = (fresh ? '' : this.typed) + e.key;
    this.typedAt = e.timeStamp;
    const provinces = this.units?.provinces ?? [];
    const q = foldVietnamese(this.typed);
    if (!q) return;
    const current = provinces.findIndex((p) => p.code === toAddress(this.value).province);
    // One letter (or the same letter again) moves on from the current choice; a longer search
    // may keep it.
    const cycling = [...q].every((c) => c === q[0]);
    const from = cycling ? current + 1 : Math.max(current, 0);
    const ordered = [...provinces.slice(from), ...provinces.slice(0, from)];
    const prefix = cycling ? q[0] : q;
    const match =
      ordered.find((p) => p.foldedShort.startsWith(prefix)) ??
      ordered.find((p) => p.folded.startsWith(prefix));
    if (!match || match.code === toAddress(this.value).province) return;
    this.query = '';
    this.set({ province: match.code, commune: '' });
    // A closed native list commits at once on type-ahead: input then change, as here.
    this.emitInput();
    this.emitChange();
  }

  private onCommune(e: Event): void {
    e.stopPropagation();
    if (e.type === 'change') {
      this.emitChange();
      return;
    }
    this.set({ commune: (e.target as HTMLSelectElement).value });
    this.emitInput();
  }

  private onSearch(e: Event): void {
    // The search box only narrows the list; it is not part of the value.
    e.stopPropagation();
    this.query = (e.target as HTMLInputElement).value;
  }

  private onStreet(e: Event): void {
    e.stopPropagation();
    this.set({ street: (e.target as HTMLInputElement).value.normalize('NFC') });
    if (e.type === 'change') this.emitChange();
    else this.emitInput();
  }

  /** Communes of the chosen province matching the search (the chosen one always stays listed). */
  private communes(v: AddressValue): AdminUnit[] {
    const all = this.units?.communesByProvince.get(v.province) ?? [];
    const q = foldVietnamese(this.query);
    return q ? all.filter((c) => c.folded.includes(q) || c.code === v.commune) : all;
  }

  /** The lists show the value after a change made from script (select-sync.ts). */
  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const v = toAddress(this.value);
    showSelected(this.renderRoot.querySelector('#province'), v.province ?? '');
    showSelected(this.renderRoot.querySelector('#commune'), v.commune ?? '');
  }

  override render() {
    const v = toAddress(this.value);
    const disabled = this.isDisabled || this.readonly;
    // With an error, only the part it is about is invalid: the missing part when one is (the part
    // the error summary's link focuses), all of them otherwise (a commune of another province…).
    // Marking a chosen province "invalid" for a missing street misleads a screen-reader user.
    const missing = this.missingPart(v);
    const invalid = (part: string) =>
      this.error && (!missing || missing === part) ? 'true' : 'false';
    const communes = this.communes(v);
    const from = this.reusable(v);
    const status = this.loadFailed
      ? this.msg('unitsFailed')
      : !this.units
        ? this.msg('loadingUnits')
        : '';
    const partLabel = (id: string, text: string) =>
      html`<label class="part" part="part-label" for=${id}>${text}</label>`;
    return html`<fieldset aria-describedby=${this.describedBy()}>
      <legend part="legend">${this.label}</legend>
      ${this.renderHelp()}
      <span role="status" part="status" class="hint">${status}</span>
      ${
        from
          ? html`<button type="button" part="reuse" class="reuse" @click=${() => this.reuse(from)}>
              ${this.reuseLabel(from)}
            </button>`
          : nothing
      }
      ${partLabel('province', this.msg('province'))}
      <select
        id="province"
        part="province"
        autocomplete="address-level1"
        ?disabled=${disabled || !this.units}
        ?required=${this.required}
        aria-invalid=${invalid('province')}
        @input=${this.onProvince}
        @change=${this.onProvince}
        @keydown=${this.onProvinceKey}
      >
        <option value="" ?selected=${live(!v.province)}>${this.msg('chooseProvince')}</option>
        ${this.units?.provinces.map(
          (p) =>
            html`<option value=${p.code} ?selected=${live(p.code === v.province)}>
              ${p.label}
            </option>`,
        )}
      </select>
      ${
        v.province
          ? html`${partLabel('search', this.msg('searchCommune'))}<input
                id="search"
                part="search"
                type="search"
                autocomplete="off"
                .value=${live(this.query)}
                ?disabled=${disabled}
                aria-describedby=${this.query ? 'matches' : nothing}
                @input=${this.onSearch}
                @change=${(e: Event) => e.stopPropagation()}
              />${
                this.query
                  ? html`<span id="matches" class="hint" aria-live="polite"
                      >${this.msg('communeMatches', { count: communes.length })}</span
                    >`
                  : nothing
              }`
          : nothing
      }
      ${partLabel('commune', this.msg('commune'))}
      ${v.province ? nothing : html`<span id="commune-hint" class="hint">${this.msg('chooseProvinceFirst')}</span>`}
      <select
        id="commune"
        part="commune"
        autocomplete="address-level2"
        ?disabled=${disabled || !v.province || !this.units}
        ?required=${this.required}
        aria-invalid=${invalid('commune')}
        aria-describedby=${v.province ? nothing : 'commune-hint'}
        @input=${this.onCommune}
        @change=${this.onCommune}
      >
        <option value="" ?selected=${live(!v.commune)}>${this.msg('chooseCommune')}</option>
        ${communes.map(
          (c) =>
            html`<option value=${c.code} ?selected=${live(c.code === v.commune)}>
              ${c.name}
            </option>`,
        )}
      </select>
      ${partLabel('street', this.streetOptional ? this.say('streetOptional') : this.msg('street'))}
      <input
        id="street"
        part="street"
        type="text"
        autocomplete="address-line1"
        .value=${live(v.street)}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        ?required=${this.required && !this.streetOptional}
        aria-invalid=${invalid('street')}
        @input=${this.onStreet}
        @change=${this.onStreet}
      />
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-address-field': DvcAddressField;
  }
}
