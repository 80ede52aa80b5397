/**
 * Calendar days as `YYYY-MM-DD` strings, the form dates travel in through JSON, the database and
 * the signed payload. Arithmetic goes through Julian day numbers, so no time zone or daylight
 * saving can shift a day.
 */
import { fromJulianDay, julianDay, VIETNAM_UTC_OFFSET } from './lunar.js';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Julian day number of an ISO day; NaN when the text is not a real date. */
export function dayNumber(day: IsoDay): number {
  const m = ISO_DAY.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const jd = julianDay(y, mo, d);
  const back = fromJulianDay(jd);
  return back.year === y && back.month === mo && back.day === d ? jd : NaN;
}

/** The ISO day of a Julian day number. */
export function isoDay(jd: number): IsoDay {
  const { year, month, day } = fromJulianDay(jd);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of year, month, day. */
export function isoOf(year: number, month: number, day: number): IsoDay {
  return isoDay(julianDay(year, month, day));
}

/** The day `n` days after (negative: before) `day`. */
export function addDays(day: IsoDay, n: number): IsoDay {
  return isoDay(dayNumber(day) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: IsoDay): number {
  return (dayNumber(day) + 1) % 7;
}

const OFFSET_MS = VIETNAM_UTC_OFFSET * 3600 * 1000;

/**
 * The calendar day and the wall-clock minutes since midnight of an instant in Việt Nam
 * (Asia/Ho_Chi_Minh has been UTC+7 all year since 1975, so a fixed offset is exact).
 */
export function vietnamDateTime(instant: Date): { day: IsoDay; minutes: number } {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return {
    day: local.toISOString().slice(0, 10),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** `YYYY-MM-DD` → `dd/mm/yyyy` (VIETNAM.md §2.4 day-first); anything else unchanged. */
export function formatDay(iso: string): string {
  const m = ISO_DAY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as `HH:mm dd/mm/yyyy` in Việt Nam time; undefined when it is not a date. */
export function formatInstant(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const local = new Date(t + OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${formatDay(local.slice(0, 10))}`;
}
