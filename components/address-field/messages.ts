/**
 * The words only `<dvc-address-field>` uses beyond its parts' labels, Vietnamese first. Its own
 * catalog, in the address chunk (as components/repeat-group/messages.ts): the core's catalog
 * (components/base/messages.ts) keeps the words the error summary and plain forms need.
 * `{name}` placeholders are filled by `fill()` (components/base/i18n.ts).
 */
const vi = {
  streetOptional: 'Số nhà, tên đường, thôn, tổ dân phố (không bắt buộc)',
  // WCAG 2.2 SC 3.3.7 Redundant Entry: the address given just above can be chosen, not typed again.
  reuse: 'Dùng lại địa chỉ đã khai ở “{label}”',
  // The same question in an earlier item of a repeat group ("Người thứ 1"): whose it is.
  reuseItem: 'Dùng lại địa chỉ đã khai ở “{label}” của {item}',
} as const;

export type AddressMessageKey = keyof typeof vi;

const en: Record<AddressMessageKey, string> = {
  streetOptional: 'House number, street, village or neighbourhood (optional)',
  reuse: 'Use the address given in “{label}”',
  reuseItem: 'Use the address given in “{label}” for {item}',
};

export const ADDRESS_MESSAGES: Record<'vi' | 'en', Record<AddressMessageKey, string>> = { vi, en };
