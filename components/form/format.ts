import type { FieldUi, Lang, LocalizedText } from '../../src/procedure/index.js';
import type { FormMessages } from './messages.js';
// From src/view.ts: the folders' index.ts would tie the core to the engine chunk (engine.ts).
import { formatDong, formatSize, isAnswered } from '../../src/view.js';

/** Picks the text for `lang`, falling back to Vietnamese (the procedure format requires it). */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' && text.en) || text.vi;
}

/**
 * Numbers as Vietnamese write them ("1.500"), made on first use: the page's first
 * `Intl.NumberFormat` loads the locale's ICU data (60–140 ms at 4x CPU, issue 22 round 6), and
 * a form's first page, empty, formats no number, so the core's evaluation must not pay for it.
 */
let numberFormat: Intl.NumberFormat | undefined;
const number = (n: number) => (numberFormat ??= new Intl.NumberFormat('vi-VN')).format(n);

/**
 * Amounts in the fee statement as paper fee notices write them ("50.000 đồng"; English
 * "50,000 VND"): the one wording of src/payment, as the delivery choice and the receipt write it.
 */
export function formatVnd(amount: number, lang: Lang = 'vi'): string {
  return formatDong(amount, lang);
}

export function formatNumber(n: number): string {
  return number(n);
}

/**
 * ISO `YYYY-MM-DD` → `dd/mm/yyyy`: every Vietnamese form writes dates day first (ngày, tháng,
 * năm; docs/domain/vietnam.md §2.4). Anything else is shown as typed.
 */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** A file's size on the review page: the one wording of src/files (`303 byte`, `1,5 MB`). */
export function formatBytes(bytes: number, lang: Lang = 'vi'): string {
  return formatSize(bytes, lang);
}

/** Not an answer, by the one rule of src/session/field-path.ts. */
const isEmpty = (value: unknown): boolean => !isAnswered(value);

/** An answer as plain text for the review page; `undefined` when the question was not answered. */
export function formatAnswer(
  field: FieldUi,
  value: unknown,
  lang: Lang,
  msg: FormMessages,
  schemaFormat?: string,
): string | undefined {
  if (isEmpty(value)) return undefined;
  if (field.options && field.options.length > 0) {
    const labelOf = (v: unknown) => {
      const option = field.options!.find((o) => o.value === v);
      return option ? localize(option.label, lang) : String(v);
    };
    return Array.isArray(value) ? value.map(labelOf).join(', ') : labelOf(value);
  }
  if (typeof value === 'boolean') return value ? msg.yes : msg.no;
  if (typeof value === 'number') return number(value);
  if (typeof value === 'string') {
    return field.widget === 'date' || schemaFormat === 'date' ? formatDate(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => formatLeaf(v, msg)).join(', ');
  if (typeof value === 'object') {
    // Structured answers (an address) read best as their parts, most specific first, as they
    // are written on Vietnamese envelopes and forms.
    return Object.values(value as Record<string, unknown>)
      .filter((v) => !isEmpty(v))
      .map((v) => formatLeaf(v, msg))
      .join(', ');
  }
  return String(value);
}

function formatLeaf(value: unknown, msg: FormMessages): string {
  if (typeof value === 'boolean') return value ? msg.yes : msg.no;
  if (typeof value === 'number') return number(value);
  if (value && typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((v) => !isEmpty(v))
      .map((v) => formatLeaf(v, msg))
      .join(', ');
  }
  return String(value);
}
