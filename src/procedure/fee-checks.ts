/**
 * Lint of format 1.1 fee schedules: each entry's dates are real calendar dates, `from` is not
 * after `until`, and no two entries are in force on the same day (`fee-schedule-overlap`) —
 * otherwise which amount applies would depend on the order of the list.
 */
import { localized } from './messages.js';
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
      problems.add(C.feeScheduleOverlap, at, localized('feeScheduleOverlap', { other: clash.at }));
    periods.push({ from, until, at });
  });
}
