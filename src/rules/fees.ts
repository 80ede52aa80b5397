/**
 * The fee: integer VND, computed from the items that apply and the most favourable reduction for
 * each item.
 *
 * Reductions do not stack: when several apply to one item, the one with the highest percent
 * applies (the first declared on a tie). The fee circulars list the exempt or reduced groups
 * (e.g. Circular 75/2022/TT-BTC Art. 4 as amended by Circular 71/2025/TT-BTC) without providing
 * for cumulation, so an applicant in several groups gets the most favourable one.
 * `subtotal` is net: amount × quantity less the reduction.
 * A reduction is rounded to the nearest đồng, halves in the applicant's favour, so every amount
 * stays an integer and the total is the exact sum of the lines.
 * A line or total past Number.MAX_SAFE_INTEGER đồng cannot be computed exactly in JavaScript: the
 * fee is then refused (`tooLarge`, no items, total 0) rather than a rounded wrong number, and the
 * session turns that into a problem at the quantity answer, so the form and verify decide alike.
 */
import type { FeeItem, FeeReduction, FeeSpec, LocalizedText } from '../procedure/types.js';
import type { Truth } from './conditions.js';
import { readPath } from './paths.js';

export interface FeeReductionLine {
  id: string;
  label: LocalizedText;
  percent: number;
  amount: number;
}

export interface FeeLine {
  id: string;
  label: LocalizedText;
  amount: number;
  quantity: number;
  subtotal: number;
  reductions: FeeReductionLine[];
}

export interface FeeResult {
  total: number;
  currency: 'VND';
  items: FeeLine[];
  /** The fee is refused: this item's line, or the total with it, is not an exact integer. */
  tooLarge?: { item: string; quantityField?: string };
}

/**
 * The number in `quantityField`: a whole, non-negative number of units. An unanswered, negative or
 * non-numeric answer counts as 0 (validation reports it); a fraction is rounded down.
 */
export function quantityOf(answers: unknown, field: string | undefined): number {
  if (field === undefined) return 1;
  const v = readPath(answers, field);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

const wholeVnd = (n: unknown): number =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : 0;

/**
 * The amount of `item` on `today` (format 1.1 `schedule`): the entry whose `from`…`until`
 * (inclusive ISO dates, either open) contains the day, else `amount`.
 */
export function amountOn(item: FeeItem, today: string | undefined): number {
  if (Array.isArray(item.schedule) && today !== undefined)
    for (const entry of item.schedule) {
      if (entry.from !== undefined && today < entry.from) continue;
      if (entry.until !== undefined && today > entry.until) continue;
      return wholeVnd(entry.amount);
    }
  return wholeVnd(item.amount);
}

export function computeFee(
  fees: FeeSpec | undefined,
  answers: unknown,
  itemHolds: (id: string) => Truth,
  reductionHolds: (id: string) => Truth,
  /** The submission date (`YYYY-MM-DD`) choosing each item's scheduled amount (format 1.1). */
  today?: string,
): FeeResult {
  const items: FeeLine[] = [];
  let total = 0;
  const reductions = Array.isArray(fees?.reductions) ? fees.reductions : [];
  for (const item of Array.isArray(fees?.items) ? fees.items : []) {
    // A fee whose condition cannot be decided yet is not charged: the applicant sees no amount
    // that a later answer could still remove.
    if (item.when !== undefined && itemHolds(item.id) !== 'true') continue;
    const amount = amountOn(item, today);
    const quantity = quantityOf(answers, item.quantityField);
    const subtotal = amount * quantity;
    let best: FeeReductionLine | undefined;
    for (const r of reductions) {
      if (Array.isArray(r.items) && !r.items.includes(item.id)) continue;
      if (reductionHolds(r.id) !== 'true') continue;
      const line = reductionLine(r, subtotal);
      // The most favourable: the largest amount off, then the highest percent (1.0's order).
      if (
        best &&
        (best.amount > line.amount || (best.amount === line.amount && best.percent >= line.percent))
      )
        continue;
      best = line;
    }
    const net = subtotal - (best?.amount ?? 0);
    total += net;
    // Checked after the reduction too: a line past the limit is refused even if a reduction
    // brings it back, as its subtotal (and the percent of it) was already inexact.
    if (!Number.isSafeInteger(subtotal) || !Number.isSafeInteger(total)) {
      const field = item.quantityField;
      return {
        total: 0,
        currency: 'VND',
        items: [],
        tooLarge: { item: item.id, ...(typeof field === 'string' ? { quantityField: field } : {}) },
      };
    }
    items.push({
      id: item.id,
      label: item.label,
      amount,
      quantity,
      subtotal: net,
      reductions: best ? [best] : [],
    });
  }
  return { total, currency: 'VND', items };
}

/**
 * A reduction of `subtotal`: `percent` of it (rounded to the đồng), or (format 1.1) a fixed
 * `amount` in đồng, never more than the subtotal; a fixed reduction's line has percent 0.
 */
function reductionLine(r: FeeReduction, subtotal: number): FeeReductionLine {
  if (typeof r.amount === 'number')
    return { id: r.id, label: r.label, percent: 0, amount: Math.min(subtotal, wholeVnd(r.amount)) };
  const percent = typeof r.percent === 'number' ? Math.min(100, Math.max(0, r.percent)) : 0;
  return { id: r.id, label: r.label, percent, amount: Math.round((subtotal * percent) / 100) };
}
