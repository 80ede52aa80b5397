/** Messages of the result-delivery choice, Vietnamese first (shown at the field and in verify). */
import type { Lang } from '../procedure/types.js';

export const DELIVERY_PROBLEM = {
  methodRequired: 'delivery-method-required',
  methodNotOffered: 'delivery-method-not-offered',
  nameRequired: 'delivery-name-required',
  nameInvalid: 'delivery-name-invalid',
  phoneRequired: 'delivery-phone-required',
  phoneInvalid: 'delivery-phone-invalid',
  provinceRequired: 'delivery-province-required',
  communeRequired: 'delivery-commune-required',
  streetRequired: 'delivery-street-required',
  addressInvalid: 'delivery-address-invalid',
  communeNotInProvince: 'delivery-commune-not-in-province',
  postageUnknown: 'delivery-postage-unknown',
  postageMismatch: 'delivery-postage-mismatch',
  unexpectedRecipient: 'delivery-unexpected-recipient',
} as const;
export type DeliveryProblemCode = (typeof DELIVERY_PROBLEM)[keyof typeof DELIVERY_PROBLEM];

type Params = Record<string, string | number>;
const vi: Record<DeliveryProblemCode, (p: Params) => string> = {
  'delivery-method-required': () => 'Vui lòng chọn cách nhận kết quả.',
  'delivery-method-not-offered': (p) => `Thủ tục này không trả kết quả theo cách "${p['method']}".`,
  'delivery-name-required': () => 'Vui lòng nhập họ và tên người nhận.',
  'delivery-name-invalid': () =>
    'Họ và tên người nhận chỉ gồm chữ cái, dấu cách, dấu nháy hoặc gạch nối, từ 2 đến 100 ký tự.',
  'delivery-phone-required': () => 'Vui lòng nhập số điện thoại người nhận.',
  'delivery-phone-invalid': () =>
    'Số điện thoại người nhận phải là số di động 10 chữ số, ví dụ 0912 345 678.',
  'delivery-province-required': () => 'Vui lòng chọn tỉnh, thành phố nhận kết quả.',
  'delivery-commune-required': () => 'Vui lòng chọn xã, phường, đặc khu nhận kết quả.',
  'delivery-street-required': () => 'Vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố.',
  'delivery-address-invalid': () =>
    'Địa chỉ nhận không có trong danh mục đơn vị hành chính từ 01/7/2025.',
  'delivery-commune-not-in-province': () =>
    'Xã, phường, đặc khu đã chọn không thuộc tỉnh, thành phố đã chọn; vui lòng chọn lại xã, phường, đặc khu.',
  'delivery-postage-unknown': () =>
    'Chưa có mức cước trả kết quả qua bưu chính cho thủ tục này; vui lòng chọn cách nhận khác.',
  'delivery-postage-mismatch': (p) =>
    `Cước bưu chính trong hồ sơ là ${p['actual']} đồng, cơ quan tính ${p['expected']} đồng.`,
  'delivery-unexpected-recipient': () => 'Chỉ khai người nhận khi nhận kết quả qua bưu chính.',
};
const en: Record<DeliveryProblemCode, (p: Params) => string> = {
  'delivery-method-required': () => 'Choose how to receive the result.',
  'delivery-method-not-offered': (p) =>
    `This procedure does not return results by "${p['method']}".`,
  'delivery-name-required': () => "Enter the recipient's full name.",
  'delivery-name-invalid': () =>
    "The recipient's name may only contain letters, spaces, apostrophes or hyphens (2 to 100).",
  'delivery-phone-required': () => "Enter the recipient's phone number.",
  'delivery-phone-invalid': () =>
    "The recipient's phone must be a 10-digit mobile number, like 0912 345 678.",
  'delivery-province-required': () => 'Choose the province or city for delivery.',
  'delivery-commune-required': () => 'Choose the commune or ward for delivery.',
  'delivery-street-required': () => 'Enter the house number and street or hamlet.',
  'delivery-address-invalid': () =>
    'The delivery address is not in the list of administrative units of 1 July 2025.',
  'delivery-commune-not-in-province': () =>
    'The commune or ward chosen is not in the province or city chosen; choose the commune or ward again.',
  'delivery-postage-unknown': () =>
    'There is no postage for returning this result by post; choose another way.',
  'delivery-postage-mismatch': (p) =>
    `The postage in the application is ${p['actual']} VND; the agency charges ${p['expected']} VND.`,
  'delivery-unexpected-recipient': () => 'A recipient is only given for delivery by post.',
};

export function deliveryMessage(code: DeliveryProblemCode, params: Params, lang: Lang): string {
  return (lang === 'en' ? en : vi)[code](params);
}

/** How each method is offered to the applicant. */
export const DELIVERY_METHOD_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    online: 'Nhận kết quả điện tử (trên Cổng dịch vụ công, thư điện tử)',
    post: 'Nhận tại nhà qua dịch vụ bưu chính công ích',
    'in-person': 'Nhận trực tiếp tại Bộ phận Một cửa',
  },
  en: {
    online: 'Electronic result (on the portal, by e-mail)',
    post: 'Delivered to an address by public postal service',
    'in-person': 'Collect in person at the one-stop desk',
  },
};
