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
