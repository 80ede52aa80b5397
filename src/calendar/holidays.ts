/**
 * Public holidays and days off for civil servants in Việt Nam.
 *
 * - Public holidays with full pay: Labour Code 2019 (45/2019/QH14) Art. 112(1): Tết Dương lịch
 *   1/1; Tết Âm lịch 5 days; Victory Day 30/4; International Labour Day 1/5; National Day 2/9
 *   plus one day immediately before or after; Hùng Kings' Commemoration 10/3 âm lịch.
 * - Art. 112(3): a holiday that falls on a weekly day of rest is compensated on the next working
 *   day.
 * - Art. 112(1)(b), (đ): the Prime Minister fixes each year how the Tết days sit around the new
 *   year and which day joins 2/9; the ministry also announces swaps (a weekday off, a Saturday
 *   worked instead). Those decisions are data (days-off.json, with a source per entry) because
 *   they cannot be computed. Where no decision is known the dates below are estimates, and a
 *   date computed from them is marked provisional.
 * - Civil servants work Monday to Friday (Decision 188/1999/QĐ-TTg, 40-hour week).
 */
import data from './days-off.json' with { type: 'json' };
import { addDays, dayNumber, isoOf, weekday, type IsoDay } from './days.js';
import { fromLunar, tet } from './lunar.js';

export const HOLIDAY = {
  newYear: 'new-year',
  tet: 'tet',
  hungKings: 'hung-kings',
  reunificationLabour: 'reunification-labour',
  nationalDay: 'national-day',
} as const;
export type Holiday = (typeof HOLIDAY)[keyof typeof HOLIDAY];

export const DAY_OFF_BASIS = {
  /** Fixed by the Labour Code. */
  statute: 'statute',
  /** Art. 112(3): a holiday on a weekend is taken on the next working day. */
  compensatory: 'compensatory',
  /** An official decision for that year (see `source`). */
  decision: 'decision',
  /** The law leaves the day to a yearly decision that is not known: our best guess. */
  estimate: 'estimate',
} as const;
export type DayOffBasis = (typeof DAY_OFF_BASIS)[keyof typeof DAY_OFF_BASIS];

export interface DayOff {
  readonly day: IsoDay;
  readonly holiday: Holiday;
  readonly basis: DayOffBasis;
  /** True when no official decision for this holiday and year is known. */
  readonly provisional: boolean;
  readonly source?: string;
}

export interface SwappedWorkingDay {
  readonly day: IsoDay;
  /** The weekday given off in exchange. */
  readonly replaces: IsoDay;
  readonly holiday: Holiday;
  readonly source: string;
}

/** The shape of days-off.json; an agency may pass its own to `createWorkingCalendar`. */
export interface DaysOffData {
  readonly covers: { readonly from: number; readonly to: number };
  readonly decisions: readonly {
    readonly year: number;
    readonly holiday: string;
    readonly daysOff: readonly string[];
    readonly workingDays: readonly { readonly date: string; readonly replaces: string }[];
    readonly summary?: string;
    readonly source: string;
  }[];
  readonly unknown: readonly {
    readonly year: number;
    readonly holiday: string;
    readonly note: string;
  }[];
  /**
   * Holidays announced as policy but not (yet known to be) law: the day stays a working day, and
   * a result date counted across it is provisional. Move one into the statute once a source
   * confirms the law and the year it takes effect.
   */
  readonly pending?: readonly PendingHoliday[];
}

/** A yearly day off announced but not confirmed in law (see `DaysOffData.pending`). */
export interface PendingHoliday {
  readonly holiday: string;
  readonly month: number;
  readonly day: number;
  /** The first year the day could apply. */
  readonly fromYear: number;
  readonly note: string;
  readonly source: string;
}

export const VIETNAM_DAYS_OFF: DaysOffData = data;

/** The year's days off and swapped working Saturdays. */
export interface YearDaysOff {
  readonly daysOff: ReadonlyMap<IsoDay, DayOff>;
  readonly workingDays: ReadonlyMap<IsoDay, SwappedWorkingDay>;
  /** Working days that may become days off (a pending holiday on a weekday). */
  readonly pending: ReadonlyMap<IsoDay, PendingHoliday>;
}

const isWeekend = (day: IsoDay) => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

/** The days the Labour Code gives for each holiday of `year`, before any decision. */
function statutoryDays(year: number): { holiday: Holiday; day: IsoDay; estimate: boolean }[] {
  const out: { holiday: Holiday; day: IsoDay; estimate: boolean }[] = [];
  const push = (holiday: Holiday, day: IsoDay, estimate = false) =>
    out.push({ holiday, day, estimate });
  push(HOLIDAY.newYear, isoOf(year, 1, 1));
  // Tết: 5 days. The usual arrangement is the last day of the old year and days 1–4 of the new.
  const t = tet(year);
  const firstDay = isoOf(t.year, t.month, t.day);
  for (let i = -1; i <= 3; i++) push(HOLIDAY.tet, addDays(firstDay, i), true);
  const hung = fromLunar({ year, month: 3, day: 10, leap: false })!;
  push(HOLIDAY.hungKings, isoOf(hung.year, hung.month, hung.day));
  push(HOLIDAY.reunificationLabour, isoOf(year, 4, 30));
  push(HOLIDAY.reunificationLabour, isoOf(year, 5, 1));
  const national = isoOf(year, 9, 2);
  push(HOLIDAY.nationalDay, national);
  // The extra day: in recent years the day that makes a long weekend (1/9 when it is a Monday,
  // as in 2025), otherwise the day after (3/9, as in 2024).
  const before = addDays(national, -1);
  push(HOLIDAY.nationalDay, weekday(before) === 1 ? before : addDays(national, 1), true);
  return out;
}

/** Builds the days off of one year from the statute, the compensatory rule and the data. */
export function daysOffInYear(year: number, source: DaysOffData = VIETNAM_DAYS_OFF): YearDaysOff {
  const daysOff = new Map<IsoDay, DayOff>();
  const workingDays = new Map<IsoDay, SwappedWorkingDay>();
  const decided = new Set<string>();
  for (const d of source.decisions) {
    if (d.year !== year) continue;
    const holiday = d.holiday as Holiday;
    decided.add(holiday);
    for (const day of d.daysOff) {
      daysOff.set(day, {
        day,
        holiday,
        basis: DAY_OFF_BASIS.decision,
        provisional: false,
        source: d.source,
      });
    }
    for (const w of d.workingDays) {
      workingDays.set(w.date, { day: w.date, replaces: w.replaces, holiday, source: d.source });
    }
  }
  const inData = year >= source.covers.from && year <= source.covers.to;
  const unknown = new Set(source.unknown.filter((u) => u.year === year).map((u) => u.holiday));
  const weekendHolidays: { holiday: Holiday; day: IsoDay; provisional: boolean }[] = [];
  for (const s of statutoryDays(year)) {
    if (decided.has(s.holiday)) continue;
    const provisional = !inData || s.estimate || unknown.has(s.holiday);
    if (isWeekend(s.day)) weekendHolidays.push({ ...s, provisional });
    else {
      daysOff.set(s.day, {
        day: s.day,
        holiday: s.holiday,
        basis: s.estimate ? DAY_OFF_BASIS.estimate : DAY_OFF_BASIS.statute,
        provisional,
      });
    }
  }
  // Art. 112(3): each holiday on a weekend moves to the next day that is neither a weekend nor
  // already off.
  for (const w of weekendHolidays) {
    let day = addDays(w.day, 1);
    while (isWeekend(day) || daysOff.has(day)) day = addDays(day, 1);
    daysOff.set(day, {
      day,
      holiday: w.holiday,
      basis: DAY_OFF_BASIS.compensatory,
      provisional: w.provisional,
    });
  }
  const pending = new Map<IsoDay, PendingHoliday>();
  for (const p of source.pending ?? []) {
    const day = isoOf(year, p.month, p.day);
    if (year >= p.fromYear && !isWeekend(day) && !daysOff.has(day)) pending.set(day, p);
  }
  return { daysOff, workingDays, pending };
}

/** True when `day` is a valid `YYYY-MM-DD`. */
export function isIsoDay(day: string): boolean {
  return !Number.isNaN(dayNumber(day));
}
