/** Text of `<dvc-delivery-choice>`, Vietnamese first (method labels and problems: src/delivery). */
import type { UiLang } from '../base/i18n.js';

export interface DeliveryChoiceMessages {
  heading: string;
  legend: string;
  hint: string;
  recipientName: string;
  recipientPhone: string;
  phoneHint: string;
  address: string;
  addressHint: string;
  postage: (amount: string) => string;
  total: (amount: string) => string;
  noPostage: string;
}

const vi: DeliveryChoiceMessages = {
  heading: 'Cách nhận kết quả',
  legend: 'Bạn muốn nhận kết quả bằng cách nào?',
  hint: 'Chọn một cách. Khi nhận qua bưu chính, kết quả được gửi đến địa chỉ bạn khai dưới đây.',
  recipientName: 'Họ và tên người nhận',
  recipientPhone: 'Số điện thoại người nhận',
  phoneHint: 'Nhân viên bưu điện gọi số này khi giao, ví dụ 0912 345 678.',
  address: 'Địa chỉ nhận kết quả',
  addressHint: 'Theo đơn vị hành chính từ 01/7/2025: tỉnh, thành phố rồi xã, phường, đặc khu.',
  postage: (amount) => `Cước trả kết quả qua bưu chính: ${amount}.`,
  total: (amount) => `Tổng số tiền phải nộp (phí, lệ phí và cước): ${amount}.`,
  noPostage: 'Chưa có mức cước bưu chính cho thủ tục này.',
};

const en: DeliveryChoiceMessages = {
  heading: 'How you receive the result',
  legend: 'How do you want to receive the result?',
  hint: 'Choose one. By post, the result is sent to the address you give below.',
  recipientName: "Recipient's full name",
  recipientPhone: "Recipient's phone number",
  phoneHint: 'The postal worker calls this number on delivery, e.g. 0912 345 678.',
  address: 'Delivery address',
  addressHint: 'Administrative units since 1 July 2025: province or city, then commune or ward.',
  postage: (amount) => `Postage for delivery by post: ${amount}.`,
  total: (amount) => `Total to pay (fees and postage): ${amount}.`,
  noPostage: 'There is no postage set for this procedure.',
};

export function deliveryChoiceMessages(lang: UiLang): DeliveryChoiceMessages {
  return lang === 'en' ? en : vi;
}
