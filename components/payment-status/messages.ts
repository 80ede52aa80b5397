/** Text about a dossier's fee on the receipt and the status look-up, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

export interface PaymentMessages {
  fee: string;
  paid: string;
  unpaid: string;
  notRequired: string;
  payOnline: string;
  receipt: (no: string) => string;
  refund: string;
}

const vi: PaymentMessages = {
  fee: 'Phí, lệ phí',
  paid: 'Đã nộp',
  unpaid: 'Chưa nộp',
  notRequired: 'Không phải nộp',
  // The agency's page says which ways it offers (online, VietQR, at the desk): the link cannot.
  payOnline: 'Xem cách nộp phí',
  receipt: (no) => `Biên lai ${no}`,
  refund: 'Khoản nộp trùng, cơ quan sẽ hoàn tiền',
};

const en: PaymentMessages = {
  fee: 'Fees and charges',
  paid: 'Paid',
  unpaid: 'Not paid',
  notRequired: 'Nothing to pay',
  payOnline: 'How to pay',
  receipt: (no) => `Receipt ${no}`,
  refund: 'Duplicate payment, to be refunded',
};

export function paymentMessages(lang: UiLang): PaymentMessages {
  return lang === 'en' ? en : vi;
}
