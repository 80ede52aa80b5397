/**
 * An amount of đồng in Vietnamese words, as a fee receipt writes it under the figure
 * ("Số tiền bằng chữ"): 135000 → "Một trăm ba mươi lăm nghìn đồng". Reading rules (VIETNAM.md
 * §2.4): "mốt" for 1 after "mươi", "tư" for 4 after "mươi", "lăm" for 5 after a ten, "linh" for
 * an empty tens place, "không trăm" inside a number.
 */
import { groupThousands } from '../numbers.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

function group(n: number, leading: boolean): string[] {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const out: string[] = [];
  if (h > 0 || !leading) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && out.length) out.push('linh');
  } else out.push(...(t === 1 ? ['mười'] : [DIGITS[t]!, 'mươi']));
  if (u > 0) {
    if (u === 1 && t >= 2) out.push('mốt');
    else if (u === 4 && t >= 2) out.push('tư');
    else if (u === 5 && t >= 1) out.push('lăm');
    else out.push(DIGITS[u]!);
  }
  return out;
}

/** `amount` (a whole number of đồng below 10^12, i.e. up to 999 tỷ) in words, capitalised. */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e12) {
    throw new RangeError(`amount must be a whole number of đồng below 10^12, got ${amount}`);
  }
  const words: string[] = [];
  if (amount === 0) words.push('không');
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.unshift(n % 1000);
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...group(g, i === 0));
    const name = GROUPS[groups.length - 1 - i];
    if (name) words.push(name);
  });
  const text = `${words.join(' ')} đồng`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/**
 * `135000` → `135.000 đ` (dot as the thousands separator, VIETNAM.md §5): the short form, for
 * places where the amount stands alone as a label — a status badge, the pay button, a clerk's
 * list row, a CLI line. Where the amount is read in a sentence or a fee statement (the review
 * page's fee table, the delivery choice, the receipt) use `formatDong`.
 */
export function formatVnd(amount: number): string {
  return `${groupThousands(Math.trunc(amount), '.')} đ`;
}

/**
 * An amount as Vietnamese fee notices and receipts write it: `135.000 đồng` (the unit in full,
 * as in Decree 11/2020/NĐ-CP's forms and the amount in words); in English `135,000 VND` (comma
 * separator, ISO 4217 code). Used wherever the citizen reads what they must pay.
 */
export function formatDong(amount: number, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'en'
    ? `${groupThousands(Math.trunc(amount), ',')} VND`
    : `${groupThousands(Math.trunc(amount), '.')} đồng`;
}

/**
 * A percentage the Vietnamese way: at most one decimal, decimal comma in Vietnamese
 * (`15` → `15`, `33.333` → `33,3`; English `33.3`). Used for "Giảm 15%".
 */
export function formatPercent(percent: number, lang: 'vi' | 'en' = 'vi'): string {
  const rounded = Math.round(percent * 10) / 10;
  const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
