/**
 * Lint of format 1.1 fee schedules: each entry's dates are real calendar dates, `from` is not
 * after `until`, and no two entries are in force on the same day (`fee-schedule-overlap`) —
 * otherwise which amount applies would depend on the order of the list.
 *
 * And each `quantityField` has a `maximum` small enough that amount × quantity, and the sum of all
 * items at their largest, stay exact integers (`fee-quantity-unbounded`): past
 * Number.MAX_SAFE_INTEGER the form refuses the fee (src/rules/fees.ts), which an author can
 * prevent by bounding the answer.
 */
import { localized, localizedAt } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const realDate = (v: string): boolean => {
  const t = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === v;
};

/** Checks `item.schedule` (the fee item at `pointer`). */
export function checkFeeSchedule(item: Obj, pointer: string, problems: ProblemList): void {
  const schedule = item['schedule'];
  if (!Array.isArray(schedule)) return;
  const periods: { from: string; until: string; at: string }[] = [];
  schedule.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const at = `${pointer}/schedule/${i}`;
    let ok = true;
    for (const k of ['from', 'until']) {
      const v = entry[k];
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !realDate(v)) {
        problems.add(C.notADate, `${at}/${k}`, localized('notADateValue', { value: v }));
        ok = false;
      }
    }
    const from = typeof entry['from'] === 'string' ? entry['from'] : '0000-01-01';
    const until = typeof entry['until'] === 'string' ? entry['until'] : '9999-12-31';
    if (!ok) return;
    if (from > until) {
      problems.add(
        C.feeScheduleOverlap,
        `${at}/until`,
        localized('feeScheduleBackwards', { from, until }),
      );
      return;
    }
    const clash = periods.find((p) => p.from <= until && from <= p.until);
    if (clash)
      problems.add(
        C.feeScheduleOverlap,
        at,
        localizedAt('feeScheduleOverlap', {}, { other: clash.at }),
      );
    periods.push({ from, until, at });
  });
}

/** The largest amount an item can charge: `amount` or any `schedule` entry's. */
function largestAmount(item: Obj): number {
  const amounts = [item['amount'], ...(Array.isArray(item['schedule']) ? item['schedule'] : [])]
    .map((e) => (isObject(e) ? e['amount'] : e))
    // An amount past the limit is the meta-schema's problem (`schema-range`), not reported twice.
    .filter((n): n is number => typeof n === 'number' && n > 0 && n <= Number.MAX_SAFE_INTEGER);
  return Math.max(0, ...amounts.map(Math.round));
}

/**
 * Checks the `quantityField` bounds of `items` (at `/fees/items`); `schemaOf` resolves a field
 * path (reporting an unknown one itself) to its data schema.
 */
export function checkFeeQuantities(
  items: unknown[],
  schemaOf: (path: unknown, pointer: string) => Obj | undefined,
  problems: ProblemList,
): void {
  const max = Number.MAX_SAFE_INTEGER;
  let total = 0;
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const amount = largestAmount(item);
    const field = item['quantityField'];
    if (field === undefined) {
      total += amount;
      return;
    }
    const at = `/fees/items/${i}/quantityField`;
    const schema = schemaOf(field, at);
    if (!schema) return;
    const bound = schema['maximum'];
    // Exact integer quantities: the answer is rounded down (quantityOf).
    const most = typeof bound === 'number' && Number.isFinite(bound) ? Math.floor(bound) : Infinity;
    const room = amount > 0 ? Math.floor(max / amount) : Infinity;
    if (most > room)
      problems.add(
        C.feeQuantityUnbounded,
        at,
        localized(most === Infinity ? 'feeQuantityUnbounded' : 'feeQuantityTooLarge', {
          path: String(field),
          room,
          maximum: most,
        }),
      );
    else total += amount * Math.max(0, most);
  });
  if (total > max)
    problems.add(C.feeQuantityUnbounded, '/fees/items', localized('feeTotalTooLarge', { max }));
}

/**
 * `"amount": 8.000` is valid JSON for 8, a whole number the meta-schema accepts: an author used to
 * the Vietnamese thousands separator would charge 8 đồng for an 8,000 đồng fee. An amount whose
 * point is followed by exactly three digits (item, schedule entry, fixed reduction) is that trap
 * and refused, with the digits meant. Any other whole amount written with a point (`8000.0`) is
 * read as written, so it is only a warning saying the point and zeros do nothing.
 */
export function checkFeeAmounts(fees: unknown, problems: ProblemList): void {
  if (!isObject(fees)) return;
  const check = (pointer: string, value: unknown) => {
    const raw = typeof value === 'number' ? problems.numberAsWritten(pointer) : undefined;
    if (raw === undefined || !raw.includes('.') || !Number.isInteger(value)) return;
    if (/^\d+\.\d{3}$/.test(raw))
      problems.add(
        C.amountDecimalPoint,
        pointer,
        localized('amountDecimalPoint', { raw, value: String(value), fix: raw.replace('.', '') }),
      );
    else
      problems.add(
        C.amountDecimalPoint,
        pointer,
        localized('amountTrailingZeros', { raw, value: String(value) }),
        { severity: 'warning' },
      );
  };
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  list(fees['items']).forEach((item, i) => {
    if (!isObject(item)) return;
    check(`/fees/items/${i}/amount`, item['amount']);
    list(item['schedule']).forEach((e, j) => {
      if (isObject(e)) check(`/fees/items/${i}/schedule/${j}/amount`, e['amount']);
    });
  });
  list(fees['reductions']).forEach((r, i) => {
    if (isObject(r)) check(`/fees/reductions/${i}/amount`, r['amount']);
  });
}
