import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import type { LocalizedText, Procedure } from '../../src/procedure/index.js';
import { toUiLang, inheritedLang, type UiLang } from '../base/i18n.js';
import { expectedResultDate, formatDay, formatInstant } from '../../src/calendar/index.js';
import { receiptMessages } from './messages.js';
import { renderPaymentRows } from '../payment-status/payment-status.js';
import { DELIVERY_METHOD_LABELS } from '../../src/delivery/index.js';
import { formatDong } from '../../src/payment/index.js';
import type { DeliveryChoice } from '../../src/delivery/index.js';
import { loadAdminUnits, type AdminUnits } from '../address-field/admin-units.js';
import { PAGE_CSS, receiptStyles } from './receipt.styles.js';

/** What the receipt needs of a QR encoder: a square of dark/light modules. */
export interface QrMatrix {
  readonly size: number;
  get(x: number, y: number): boolean;
}
export type QrEncoder = (text: string) => QrMatrix;

/** Modules of light margin around the code (the quiet zone ISO/IEC 18004 asks for). */
const QUIET_ZONE = 4;

let pageSheet: CSSStyleSheet | undefined;
function ensurePageSize(): void {
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync(PAGE_CSS);
  }
  if (!document.adoptedStyleSheets.includes(pageSheet))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

/**
 * @summary The "giấy tiếp nhận" shown after a successful submission: dossier code, time received,
 * expected result date, procedure, the SHA-256 of the signed bytes, a QR code of the dossier code
 * and a Print button. Prints on one A4 page without the button.
 *
 * The expected result date comes from the server; without one it is computed from
 * `processing-days` in working days by the same rule as the receiver (src/calendar: public
 * holidays, Tết, days off in lieu and swapped working Saturdays taken into account).
 *
 * @csspart receipt - The bordered box.
 * @csspart heading - The heading.
 * @csspart code - The dossier code.
 * @csspart checklist - (1.1) The documents to bring to the desk.
 * @csspart qr - The QR code (SVG).
 * @csspart print - The Print button.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-bg=#fff] - Background colour.
 * @cssproperty [--dvc-color-primary=#00703c] - Border of the receipt.
 * @cssproperty [--dvc-color-secondary=#f3f2f1] - Print button background.
 * @cssproperty [--dvc-color-hint=#505a5f] - Notes.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline.
 * @cssproperty [--dvc-font-size-heading=1.5em] - Heading size.
 * @cssproperty [--dvc-max-width=40em] - Maximum width.
 */
@customElement('dvc-receipt')
export class DvcReceipt extends LitElement {
  static override styles = receiptStyles;

  /**
   * Encodes the QR code (lean-qr's `generate` by default). Replaceable, e.g. to count calls in
   * tests or to use another encoder.
   */
  static qrEncoder: QrEncoder = (text) => generate(text);

  /** The dossier code the server gave (mã hồ sơ), e.g. `KS-261126-7QF3`. */
  @property({ attribute: 'dossier-code' }) dossierCode = '';
  /** When the server received the dossier (RFC 3339 instant). */
  @property({ attribute: 'received-at' }) receivedAt = '';
  /** Expected result date from the server (`YYYY-MM-DD`); computed when empty. */
  @property({ attribute: 'expected-result-date' }) expectedResultDate = '';
  /** Statutory processing time in working days, for the computed result date. */
  @property({ type: Number, attribute: 'processing-days' }) processingDays?: number;
  /** The procedure's title, already in the person's language. */
  @property({ attribute: 'procedure-title' }) procedureTitle = '';
  /** The procedure (title and processing days are read from it when not set separately). */
  @property({ attribute: false }) procedure?: Pick<Procedure, 'title' | 'processingDays'>;
  /** How the result is received, as signed (`payload.delivery`). */
  @property({ attribute: false }) delivery?: DeliveryChoice;
  /**
   * (1.1) The documents to bring to the desk (titles in the person's language), listed as a
   * checklist: they were not uploaded.
   */
  @property({ attribute: false }) bringToDesk: readonly string[] = [];
  @state() private units?: AdminUnits;
  /** The fee of the dossier in đồng (the signed payload's total); unset = no fee line. */
  @property({ type: Number, attribute: 'fee-total' }) feeTotal?: number;
  /** The receiver's payment page for this dossier (shown as a link while the fee is unpaid). */
  @property({ attribute: 'payment-url' }) paymentUrl = '';
  /** Lower-case hex SHA-256 of the signed bytes (the payload's RFC 8785 form). */
  @property({ attribute: 'signed-sha256' }) signedSha256 = '';
  /** Language: `vi` or `en`; empty means the closest `lang` attribute, else Vietnamese. */
  @property({ reflect: true }) override lang = '';

  private get uiLang(): UiLang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensurePageSize();
  }

  protected override willUpdate(): void {
    // Names of the province and commune for a delivery by post (the list is a lazy chunk).
    if (this.delivery?.method === 'post' && !this.units) {
      loadAdminUnits().then(
        (units) => (this.units = units),
        () => undefined, // the codes stay readable without names
      );
    }
  }

  private renderDelivery(lang: UiLang) {
    const d = this.delivery;
    if (!d) return nothing;
    const label = DELIVERY_METHOD_LABELS[lang][d.method] ?? d.method;
    const r = d.recipient;
    if (d.method !== 'post' || !r)
      return html`<dt>${receiptMessages(lang).delivery}</dt>
        <dd>${label}</dd>`;
    const province = this.units?.provinces.find((p) => p.code === r.address.province);
    const commune = this.units?.communesByProvince
      .get(r.address.province)
      ?.find((c) => c.code === r.address.commune);
    const place = [
      r.address.street,
      commune?.name ?? r.address.commune,
      province?.name ?? r.address.province,
    ].join(', ');
    const postage =
      d.postage === undefined
        ? nothing
        : html`<br /><span part="postage"
              >${receiptMessages(lang).postage(formatDong(d.postage, lang))}</span
            >`;
    return html`<dt>${receiptMessages(lang).delivery}</dt>
      <dd part="delivery">${label}<br />${r.fullName} · ${r.phone}<br />${place}${postage}</dd>`;
  }

  /** Moves focus to the heading, so a screen reader announces the receipt after submitting. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus(options);
  }

  /** The expected result date shown: the server's, else computed; empty when neither is known. */
  get shownResultDate(): string {
    if (this.expectedResultDate) return this.expectedResultDate;
    const days = this.processingDays ?? this.procedure?.processingDays;
    const at = Date.parse(this.receivedAt);
    if (days === undefined || Number.isNaN(at)) return '';
    try {
      return expectedResultDate(new Date(at), days).resultDate;
    } catch {
      return ''; // a processing time the calendar refuses (negative, fractional): show no date
    }
  }

  private titleFor(lang: UiLang): string {
    if (this.procedureTitle) return this.procedureTitle;
    const t: LocalizedText | undefined = this.procedure?.title;
    return t ? (lang === 'en' && t.en) || t.vi : '';
  }

  private renderQr(label: string) {
    if (!this.dossierCode) return nothing;
    let matrix: QrMatrix;
    try {
      matrix = DvcReceipt.qrEncoder(this.dossierCode);
    } catch (e) {
      // The code is printed in large text anyway; a QR failure must not hide the receipt.
      console.error('dvc-receipt: cannot encode the QR code', e);
      return nothing;
    }
    const size = matrix.size + 2 * QUIET_ZONE;
    // The path is numbers and path commands computed from the code's modules: an attribute
    // value, never markup.
    return html`<svg
      part="qr"
      role="img"
      aria-label=${label}
      viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${size} ${size}"
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      ${svg`<rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${size} height=${size} fill="#fff"></rect>
        <path d=${toSvgPath(matrix)} fill="#000"></path>`}
    </svg>`;
  }

  override render() {
    const lang = this.uiLang;
    const msg = receiptMessages(lang);
    const title = this.titleFor(lang);
    const received = formatInstant(this.receivedAt);
    const resultDate = this.shownResultDate;
    return html`<section class="receipt" part="receipt" aria-labelledby="heading">
      <h2 id="heading" part="heading" tabindex="-1">${msg.heading}</h2>
      <div class="layout">
        <dl>
          ${
            title
              ? html`<dt>${msg.procedure}</dt>
                  <dd>${title}</dd>`
              : nothing
          }
          <dt>${msg.dossierCode}</dt>
          <dd>
            <span class="code" part="code">${this.dossierCode}</span
            ><span class="note">${msg.keepCode}</span>
          </dd>
          ${
            received
              ? html`<dt>${msg.receivedAt}</dt>
                  <dd>${received}</dd>`
              : nothing
          }
          ${
            resultDate
              ? html`<dt>${msg.expectedResultDate}</dt>
                  <dd>${formatDay(resultDate)}<span class="note">${msg.expectedNote}</span></dd>`
              : nothing
          }
          ${this.renderDelivery(lang)}
          ${
            this.bringToDesk.length
              ? html`<dt>${msg.bringToDesk}</dt>
                  <dd part="checklist">
                    <ul>
                      ${this.bringToDesk.map((t) => html`<li>${t}</li>`)}
                    </ul>
                  </dd>`
              : nothing
          }
          ${
            this.feeTotal === undefined
              ? nothing
              : renderPaymentRows(
                  {
                    fee:
                      this.feeTotal +
                      (this.delivery?.method === 'post' ? (this.delivery.postage ?? 0) : 0),
                    status:
                      this.feeTotal + (this.delivery?.postage ?? 0) > 0 ? 'unpaid' : 'not-required',
                    payUrl: this.paymentUrl,
                  },
                  lang,
                  document.baseURI,
                  formatDong,
                )
          }
        </dl>
        ${
          this.dossierCode
            ? html`<figure>${this.renderQr(msg.qrLabel(this.dossierCode))}</figure>`
            : nothing
        }
      </div>
      ${
        // A 64-character hash means nothing to a citizen: it stays in the signed data and, folded
        // away here, for a clerk or helper who needs to match the application.
        this.signedSha256
          ? html`<details part="technical">
                <summary>${msg.technicalSummary}</summary>
                <p>${msg.signedHash}: <span class="hash">${this.signedSha256}</span></p>
                <p class="note">${msg.signedHashNote}</p>
              </details>
              <p class="print-only">
                ${msg.signedHash}: <span class="hash">${this.signedSha256}</span>
              </p>`
          : nothing
      }
      <button type="button" part="print" @click=${() => window.print()}>${msg.print}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-receipt': DvcReceipt;
  }
}
