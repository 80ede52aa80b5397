import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Problem } from '../../src/problem.js';
import {
  DELIVERY_METHOD_LABELS,
  totalToPay,
  type DeliveryChoice,
  type DeliveryMethod,
} from '../../src/delivery/index.js';
import { formatDong } from '../../src/payment/index.js';
import { toUiLang, inheritedLang, type UiLang } from '../base/i18n.js';
import type { DvcChangeEvent } from '../base/events.js';
import '../radio-group/radio-group.js';
import '../text-field/text-field.js';
import '../phone-field/phone-field.js';
import '../address-field/address-field.js';
import { deliveryChoiceMessages } from './messages.js';
import { deliveryChoiceStyles } from './delivery-choice.styles.js';

/** The applicant changed the delivery choice; `detail` is the whole choice as typed. */
export class DvcDeliveryChangeEvent extends Event {
  static readonly eventName = 'dvc-delivery-change';
  readonly detail: Readonly<DeliveryChoice>;
  constructor(detail: DeliveryChoice) {
    super(DvcDeliveryChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

const EMPTY_ADDRESS = { province: '', commune: '', street: '' };

/**
 * @summary How the applicant receives the result: one of the procedure's `resultDelivery`
 * methods; for post the recipient, phone and 2025 address, with the postage added to the total.
 *
 * Validation is src/delivery's `checkDelivery` (the same check verify runs); set `problems` to
 * show its problems at the fields. The inner fields' own events stay inside: the element emits
 * one `dvc-delivery-change`.
 *
 * @csspart heading - The section heading.
 * @csspart post - The recipient block shown for delivery by post.
 * @csspart money - The postage and total line.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-border=#b1b4b6] - Bar beside the recipient block.
 *
 * @event dvc-delivery-change - DvcDeliveryChangeEvent with the choice.
 */
@customElement('dvc-delivery-choice')
export class DvcDeliveryChoice extends LitElement {
  static override styles = deliveryChoiceStyles;

  /** The methods the procedure offers, in its order. */
  @property({ type: Array }) methods: DeliveryMethod[] = [];
  /** Postage in đồng for post (procedure or agency tariff); unset = unknown. */
  @property({ type: Number }) postage?: number;
  /** The fee the rules computed, to show the total with postage. */
  @property({ type: Number, attribute: 'fee-total' }) feeTotal = 0;
  /** The choice as typed. */
  @property({ attribute: false }) value: DeliveryChoice | undefined;
  /** Problems from `checkDelivery`, shown at their fields (paths inside the choice). */
  @property({ attribute: false }) problems: readonly Problem[] = [];
  /** Language: `vi` or `en`; empty means the closest `lang` attribute, else Vietnamese. */
  @property({ reflect: true }) override lang = '';

  private get uiLang(): UiLang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  /** Focuses the first field with a problem (or the choice). */
  override focus(options?: FocusOptions): void {
    const first = this.problems[0]?.path ?? '/method';
    const id = first.startsWith('/recipient/address')
      ? 'address'
      : first.startsWith('/recipient/phone')
        ? 'phone'
        : first.startsWith('/recipient/fullName')
          ? 'name'
          : 'method';
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(options);
  }

  private errorAt(prefix: string): string {
    return this.problems.find((p) => p.path.startsWith(prefix))?.message ?? '';
  }

  private edit(change: (v: DeliveryChoice) => DeliveryChoice): void {
    const current: DeliveryChoice = this.value ?? { method: '' as DeliveryMethod };
    this.value = change(structuredClone(current));
    this.dispatchEvent(new DvcDeliveryChangeEvent(this.value));
  }

  private recipient(v: DeliveryChoice) {
    return v.recipient ?? { fullName: '', phone: '', address: { ...EMPTY_ADDRESS } };
  }

  private onMethod = (e: DvcChangeEvent<string>) => {
    e.stopPropagation();
    this.edit((v) => ({ ...v, method: e.detail.value as DeliveryMethod }));
  };

  private onPart(key: 'fullName' | 'phone' | 'address') {
    return (e: DvcChangeEvent<unknown>) => {
      e.stopPropagation();
      this.edit((v) => ({
        ...v,
        recipient: { ...this.recipient(v), [key]: structuredClone(e.detail.value) },
      }));
    };
  }

  /** Inner fields' `input`/`change` must not reach the form around us as if they were its own. */
  private stop = (e: Event) => e.stopPropagation();

  override render() {
    const lang = this.uiLang;
    const msg = deliveryChoiceMessages(lang);
    const labels = DELIVERY_METHOD_LABELS[lang];
    const v = this.value;
    const post = v?.method === 'post';
    const r = v ? this.recipient(v) : undefined;
    return html`<section
      aria-labelledby="delivery-heading"
      @input=${this.stop}
      @change=${this.stop}
    >
      <h3 id="delivery-heading" part="heading">${msg.heading}</h3>
      <dvc-radio-group
        id="method"
        name="delivery-method"
        required
        .label=${msg.legend}
        .hint=${msg.hint}
        .options=${this.methods.map((m) => ({ value: m, label: labels[m] ?? m }))}
        .value=${v?.method ?? ''}
        .error=${this.errorAt('/method')}
        @dvc-change=${this.onMethod}
      ></dvc-radio-group>
      ${
        post
          ? html`<div class="post" part="post">
              <p class="money" part="money">
                ${
                  this.postage === undefined
                    ? msg.noPostage
                    : html`${msg.postage(formatDong(this.postage, lang))}<br />${msg.total(
                          formatDong(
                            totalToPay(this.feeTotal, { method: 'post', postage: this.postage }),
                            lang,
                          ),
                        )}`
                }
              </p>
              <dvc-text-field
                id="name"
                name="delivery-name"
                required
                autocomplete="name"
                .label=${msg.recipientName}
                .value=${r?.fullName ?? ''}
                .error=${this.errorAt('/recipient/fullName')}
                @dvc-change=${this.onPart('fullName')}
              ></dvc-text-field>
              <dvc-phone-field
                id="phone"
                name="delivery-phone"
                required
                .label=${msg.recipientPhone}
                .hint=${msg.phoneHint}
                .value=${r?.phone ?? ''}
                .error=${this.errorAt('/recipient/phone')}
                @dvc-change=${this.onPart('phone')}
              ></dvc-phone-field>
              <dvc-address-field
                id="address"
                name="delivery-address"
                required
                .label=${msg.address}
                .hint=${msg.addressHint}
                .value=${r?.address ?? { ...EMPTY_ADDRESS }}
                .error=${this.errorAt('/recipient/address')}
                @dvc-change=${this.onPart('address')}
              ></dvc-address-field>
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-delivery-choice': DvcDeliveryChoice;
  }
  interface HTMLElementEventMap {
    'dvc-delivery-change': DvcDeliveryChangeEvent;
  }
}
