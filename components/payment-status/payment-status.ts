/**
 * The fee lines of the receipt and the status look-up: amount, paid or not, a link to pay and
 * links to the electronic fee receipts. A render helper, not an element: its `<dt>`/`<dd>` pairs
 * sit in the host's own description list (same shadow root, same styles).
 */
import { html, nothing } from 'lit';
import type { UiLang } from '../base/i18n.js';
import { formatVnd } from '../../src/payment/index.js';
import { paymentMessages } from './messages.js';

/** The receiver's payment summary of a dossier (docs/payments.md "What views show"). */
export interface PaymentSummary {
  fee: number;
  status: 'paid' | 'unpaid' | 'not-required';
  paidAt?: string;
  /** The payment page, while the fee is unpaid. */
  payUrl?: string;
  payments?: {
    method: string;
    amount: number;
    status: string;
    receiptNo?: string;
    receiptUrl?: string;
  }[];
}

/** `url` resolved against `base`, or undefined unless it is http(s) (never javascript: etc.). */
export function safeUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `<dt>`/`<dd>` of a dossier's fee; nothing when there is no summary. The amount is the short
 * "135.000 đ" of a status line (the status look-up) unless `amount` says otherwise: the receipt,
 * where the citizen reads what they pay, passes `formatDong` ("135.000 đồng", docs/procedure-format.md).
 */
export function renderPaymentRows(
  summary: PaymentSummary | undefined,
  lang: UiLang,
  base: string,
  amount: (fee: number, lang: UiLang) => string = formatVnd,
) {
  if (!summary || typeof summary.fee !== 'number') return nothing;
  const msg = paymentMessages(lang);
  const label =
    summary.status === 'paid'
      ? msg.paid
      : summary.status === 'unpaid'
        ? msg.unpaid
        : msg.notRequired;
  const pay = summary.status === 'unpaid' ? safeUrl(summary.payUrl, base) : undefined;
  const receipts = (summary.payments ?? []).filter((p) => p.receiptNo);
  const refunds = (summary.payments ?? []).filter((p) => p.status === 'duplicate');
  return html`<dt>${msg.fee}</dt>
    <dd part="fee">
      ${summary.fee > 0 ? html`${amount(summary.fee, lang)} · ` : nothing}<strong>${label}</strong>
      ${pay ? html`<br /><a part="pay-link" href=${pay}>${msg.payOnline}</a>` : nothing}
      ${receipts.map((p) => {
        const href = safeUrl(p.receiptUrl, base);
        return href
          ? html`<br /><a part="receipt-link" href=${href}>${msg.receipt(p.receiptNo!)}</a>`
          : nothing;
      })}
      ${refunds.length ? html`<br /><span class="note">${msg.refund}</span>` : nothing}
    </dd>`;
}
