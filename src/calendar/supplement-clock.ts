/**
 * The processing clock while a dossier waits for a supplement (yêu cầu bổ sung hồ sơ).
 *
 * Decree 61/2018/NĐ-CP Art. 16(2), as amended by Decree 107/2021/NĐ-CP: when a dossier under
 * examination is returned to the applicant for supplement, the agency sends a "Phiếu yêu cầu bổ
 * sung, hoàn thiện hồ sơ" and the time it already spent on the dossier counts towards the
 * processing time. The clock therefore PAUSES: the working days used before the request stay
 * used, the days the applicant takes do not count, and the working days that were left run again
 * from the day the supplement is received (with the same reception cut-off as a new dossier).
 * Some specialised laws instead restart the full time on reception of the completed dossier;
 * `restart` is that policy. docs/receiver.md#supplement says which the reference receiver uses.
 */
import { DvcError, ERROR_CODE } from '../errors.js';
import { addDays, vietnamDateTime, type IsoDay } from './days.js';
import { vietnamWorkingCalendar, type ResultDate, type WorkingCalendar } from './working-days.js';

export const SUPPLEMENT_CLOCK = {
  /** The days already used stay used; the remaining days run from the supplement's receipt. */
  pause: 'pause',
  /** The full processing time runs again from the supplement's receipt. */
  restart: 'restart',
} as const;
export type SupplementClock = (typeof SUPPLEMENT_CLOCK)[keyof typeof SUPPLEMENT_CLOCK];

/**
 * Working days still left before `due` when the clock stops at `pausedAt`: the working days after
 * the request's day up to and including `due` (the day of the request counts as used). 0 when the
 * dossier was already due.
 */
export function workingDaysLeft(
  pausedAt: Date,
  due: IsoDay,
  calendar: WorkingCalendar = vietnamWorkingCalendar,
): number {
  if (Number.isNaN(pausedAt.getTime()))
    throw new DvcError(ERROR_CODE.invalidArgument, 'pausedAt is not a valid date');
  let left = 0;
  for (let d = addDays(vietnamDateTime(pausedAt).day, 1); d <= due; d = addDays(d, 1))
    if (calendar.isWorkingDay(d)) left++;
  return left;
}

export interface ResumeInput {
  /** When the clerk asked for the supplement. */
  pausedAt: Date;
  /** When the applicant's supplement was received. */
  resumedAt: Date;
  /** The expected result date before the request. */
  due: IsoDay;
  /** The procedure's statutory processing time in working days. */
  processingDays: number;
  policy?: SupplementClock;
  cutoffMinutes?: number;
  calendar?: WorkingCalendar;
}

/** The new expected result date once the supplement is received. */
export function resumedResultDate(input: ResumeInput): ResultDate {
  const calendar = input.calendar ?? vietnamWorkingCalendar;
  const days =
    (input.policy ?? SUPPLEMENT_CLOCK.pause) === SUPPLEMENT_CLOCK.restart
      ? input.processingDays
      : Math.min(input.processingDays, workingDaysLeft(input.pausedAt, input.due, calendar));
  return calendar.expectedResultDate(input.resumedAt, days, {
    ...(input.cutoffMinutes === undefined ? {} : { cutoffMinutes: input.cutoffMinutes }),
  });
}
