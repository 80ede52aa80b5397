/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates, done in UTC so that no local time zone or
 * daylight-saving shift can move a date by one day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Vietnam keeps UTC+7 (Indochina Time) all year: there is no daylight saving to account for. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The date, or undefined when the text is not a real calendar date (e.g. `2025-02-30`). */
export function parseIsoDate(value: unknown): CivilDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

/** Today in Asia/Ho_Chi_Minh, where the procedures' deadlines are counted. */
export function todayInVietnam(now: number = Date.now()): string {
  return new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Age in full years on `on`: the years since birth, less one when the birthday has not come yet
 * this year. A 29 February birthday comes on 1 March in common years.
 */
export function ageInYears(birth: CivilDate, on: CivilDate): number {
  let years = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) years--;
  return years;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
      DAY_MS,
  );
}

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `date` plus `months` calendar months (negative goes back). When the target month has no such
 * day the result is that month's last day — Civil Code 91/2015/QH13 Art. 148: a period in months
 * ends on the corresponding day of the last month, or on its last day when it has none — so
 * 31 January + 1 month is 28 February (29 in a leap year), 29 February + 12 months is
 * 28 February.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** `date` plus `days` days. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** -1, 0 or 1 as `a` is before, the same day as or after `b`. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day);
}

/**
 * Full calendar months from `from` to `to`: the largest n with `addMonths(from, n)` on or before
 * `to` (negative, symmetrically, when `to` is earlier). 31 January → 28 February is 1 month;
 * 15 January → 14 July is 5.
 */
export function monthsBetween(from: CivilDate, to: CivilDate): number {
  if (compareDates(to, from) < 0) return 0 - monthsBetween(to, from);
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  while (n > 0 && compareDates(addMonths(from, n), to) > 0) n--;
  return n;
}

/** Full years from `from` to `to` (12 full months each), by the same month-end rule. */
export function yearsBetween(from: CivilDate, to: CivilDate): number {
  // `+ 0`: never -0, which would print and compare oddly.
  return Math.trunc(monthsBetween(from, to) / 12) + 0;
}

/** ISO `YYYY-MM-DD` of a date. */
export function formatIsoDate(date: CivilDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
