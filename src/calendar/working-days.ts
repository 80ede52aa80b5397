/**
 * Working days and the expected result date (ngày hẹn trả kết quả): the one implementation the
 * receipt, the reference receiver and the clerk page use (docs/payments.md#working-days).
 */
import { addDays, dayNumber, vietnamDateTime, weekday, type IsoDay } from './days.js';
import {
  daysOffInYear,
  VIETNAM_DAYS_OFF,
  type DayOff,
  type DaysOffData,
  type SwappedWorkingDay,
  type YearDaysOff,
} from './holidays.js';
import { DvcError, ERROR_CODE } from '../errors.js';

/**
 * Default reception cut-off, minutes after midnight in Việt Nam: a dossier received at or after
 * 17:00 (end of office hours) counts as received on the next working day. Agencies that close
 * reception earlier (many use 15:00 for online dossiers) pass their own.
 */
export const DEFAULT_CUTOFF_MINUTES = 17 * 60;

/** The longest statutory processing time we accept, in working days (a little over two years). */
const MAX_PROCESSING_DAYS = 600;

export interface ResultDate {
  /** The working day the dossier counts as received (after the cut-off rule). */
  readonly receivedOn: IsoDay;
  /** The expected result date: `processingDays` working days after `receivedOn`. */
  readonly resultDate: IsoDay;
  /**
   * True when a day off between the two dates is an estimate (no official decision known for
   * that holiday and year): the date may move when the decision is published.
   */
  readonly provisional: boolean;
}

export interface WorkingCalendar {
  /** Whether civil servants work on `day` (weekends, holidays and swaps taken into account). */
  isWorkingDay(day: IsoDay): boolean;
  /** Why `day` is a holiday, or undefined. */
  dayOff(day: IsoDay): DayOff | undefined;
  /** The swapped working Saturday/Sunday on `day`, or undefined. */
  swappedWorkingDay(day: IsoDay): SwappedWorkingDay | undefined;
  /** The first working day on or after `day`. */
  nextWorkingDay(day: IsoDay): IsoDay;
  /** The `n`-th working day after `day` (n = 0: `day` itself). */
  addWorkingDays(day: IsoDay, n: number): IsoDay;
  /** The expected result date of a dossier received at `receivedAt`. */
  expectedResultDate(
    receivedAt: Date,
    processingDays: number,
    options?: { cutoffMinutes?: number },
  ): ResultDate;
}

/** A working calendar from days-off data (the built-in Vietnamese data by default). */
export function createWorkingCalendar(data: DaysOffData = VIETNAM_DAYS_OFF): WorkingCalendar {
  const years = new Map<number, YearDaysOff>();
  const year = (day: IsoDay) => {
    const y = Number(day.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = daysOffInYear(y, data)));
    return entry;
  };
  const check = (day: IsoDay) => {
    if (Number.isNaN(dayNumber(day))) {
      throw new DvcError(
        ERROR_CODE.invalidArgument,
        `not a YYYY-MM-DD date: ${JSON.stringify(day)}`,
      );
    }
  };
  const dayOff = (day: IsoDay) => year(day).daysOff.get(day);
  const swappedWorkingDay = (day: IsoDay) => year(day).workingDays.get(day);
  // A day whose status is not settled: an estimated day off, or a pending holiday.
  const uncertain = (day: IsoDay) =>
    (dayOff(day)?.provisional ?? false) || year(day).pending.has(day);
  const isWorkingDay = (day: IsoDay) => {
    if (swappedWorkingDay(day)) return true;
    const w = weekday(day);
    return w !== 0 && w !== 6 && !dayOff(day);
  };
  const nextWorkingDay = (day: IsoDay) => {
    check(day);
    let d = day;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const walk = (day: IsoDay, n: number) => {
    check(day);
    if (!Number.isInteger(n) || n < 0 || n > MAX_PROCESSING_DAYS) {
      throw new DvcError(
        ERROR_CODE.invalidArgument,
        `processing days must be a whole number from 0 to ${MAX_PROCESSING_DAYS}, got ${n}`,
      );
    }
    let d = day;
    let provisional = uncertain(d);
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (uncertain(d)) provisional = true;
      if (isWorkingDay(d)) left--;
    }
    return { day: d, provisional };
  };
  return {
    isWorkingDay: (day) => {
      check(day);
      return isWorkingDay(day);
    },
    dayOff: (day) => {
      check(day);
      return dayOff(day);
    },
    swappedWorkingDay: (day) => {
      check(day);
      return swappedWorkingDay(day);
    },
    nextWorkingDay,
    addWorkingDays: (day, n) => walk(day, n).day,
    expectedResultDate(receivedAt, processingDays, options = {}) {
      if (Number.isNaN(receivedAt.getTime())) {
        throw new DvcError(ERROR_CODE.invalidArgument, 'receivedAt is not a valid date');
      }
      const cutoff = options.cutoffMinutes ?? DEFAULT_CUTOFF_MINUTES;
      const { day, minutes } = vietnamDateTime(receivedAt);
      // Received on a day off, or after the cut-off: it counts from the next working day.
      let receivedOn = nextWorkingDay(day);
      let provisional = receivedOn !== day && uncertain(day);
      if (receivedOn === day && minutes >= cutoff) receivedOn = nextWorkingDay(addDays(day, 1));
      for (let d = day; d < receivedOn; d = addDays(d, 1)) {
        if (uncertain(d)) provisional = true;
      }
      const result = walk(receivedOn, processingDays);
      return { receivedOn, resultDate: result.day, provisional: provisional || result.provisional };
    },
  };
}

/** The calendar with the built-in Vietnamese holidays and 2025–2027 decisions. */
export const vietnamWorkingCalendar: WorkingCalendar = createWorkingCalendar();

/**
 * The expected result date of a dossier received at `receivedAt` with `processingDays` working
 * days of statutory processing time (see docs/payments.md#working-days for the legal basis).
 */
export function expectedResultDate(
  receivedAt: Date,
  processingDays: number,
  options?: { cutoffMinutes?: number },
): ResultDate {
  return vietnamWorkingCalendar.expectedResultDate(receivedAt, processingDays, options);
}
