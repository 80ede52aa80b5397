/**
 * A whole number with its thousands grouped as each language writes it: `separator` "." in
 * Vietnamese ("62.941.269"), "," in English ("62,941,269"). No Intl: the same on every runtime,
 * whatever ICU data it carries. Amounts (src/payment) and sizes in messages (src/json) share it.
 */
export const groupThousands = (n: number | string, separator: string): string =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
