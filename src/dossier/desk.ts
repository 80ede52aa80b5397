/**
 * The one-stop desk's view of time: whether a dossier is late by the working-day calendar
 * (src/calendar), and the weekly report of received, on-time and late dossiers. Written once here
 * so the receiver's list, its filter and its report and any agency back office decide alike.
 */
import { addDays, vietnamDateTime, weekday, type IsoDay } from '../calendar/days.js';
import { vietnamWorkingCalendar, type WorkingCalendar } from '../calendar/working-days.js';
import { DOSSIER_STATUS, type DossierStatus } from './status.js';

/** A dossier is finished (processed) once it reaches one of these. */
export const FINAL_STATUSES: readonly DossierStatus[] = [
  DOSSIER_STATUS.resultReady,
  DOSSIER_STATUS.rejected,
];

/**
 * The statuses whose clock runs. The time the agency waits for the citizen's supplement
 * (needs-more-information) is not counted in the processing time (one-stop mechanism, Decree
 * 118/2025/NĐ-CP, which replaced 61/2018; the article is to be confirmed, docs/domain/vietnam.md):
 * such a dossier is not the desk's delay.
 */
export const RUNNING_STATUSES: readonly DossierStatus[] = [
  DOSSIER_STATUS.received,
  DOSSIER_STATUS.processing,
];

export const DEADLINE_STATE = {
  /** Still open, the result date ahead. */
  onTrack: 'on-track',
  /** Still open, the result is due today. */
  dueToday: 'due-today',
  /** Still open, past the result date. */
  overdue: 'overdue',
  /** Waiting for the citizen: the clock is stopped. */
  paused: 'paused',
  /** Finished. */
  closed: 'closed',
} as const;
export type DeadlineState = (typeof DEADLINE_STATE)[keyof typeof DEADLINE_STATE];

export interface Deadline {
  state: DeadlineState;
  /** Working days past the result date (0 unless overdue). */
  workingDaysLate: number;
}

/** Working days in (from, to]: how late a dossier due on `from` is on `to`. */
export function workingDaysBetween(
  from: IsoDay,
  to: IsoDay,
  calendar: WorkingCalendar = vietnamWorkingCalendar,
): number {
  let n = 0;
  // Bounded: a dossier years late still costs a few thousand steps at most.
  for (let d = addDays(from, 1), i = 0; d <= to && i < 5000; d = addDays(d, 1), i++) {
    if (calendar.isWorkingDay(d)) n++;
  }
  return n;
}

/** The Vietnamese calendar day of an instant (the desk's "today"). */
export function deskDay(now: Date): IsoDay {
  return vietnamDateTime(now).day;
}

/**
 * Where a dossier stands against its expected result date on `now` (Vietnam time). The result
 * date is itself a working day counted by the calendar; a dossier is late from the next day on,
 * by as many working days as have passed since.
 */
export function dossierDeadline(
  dossier: { status: string; expectedResultDate: IsoDay },
  now: Date,
  calendar: WorkingCalendar = vietnamWorkingCalendar,
): Deadline {
  const status = dossier.status as DossierStatus;
  if (FINAL_STATUSES.includes(status)) return { state: DEADLINE_STATE.closed, workingDaysLate: 0 };
  if (!RUNNING_STATUSES.includes(status)) {
    return { state: DEADLINE_STATE.paused, workingDaysLate: 0 };
  }
  const today = deskDay(now);
  const due = dossier.expectedResultDate;
  if (today < due) return { state: DEADLINE_STATE.onTrack, workingDaysLate: 0 };
  if (today === due) return { state: DEADLINE_STATE.dueToday, workingDaysLate: 0 };
  return {
    state: DEADLINE_STATE.overdue,
    workingDaysLate: workingDaysBetween(due, today, calendar),
  };
}

/** The Monday of the week (Monday to Sunday, as Vietnamese offices count it) holding `day`. */
export function weekStart(day: IsoDay): IsoDay {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** One dossier as the weekly report reads it. */
export interface ReportDossier {
  procedure: string;
  receivedAt: string;
  expectedResultDate: IsoDay;
  status: string;
  /** When it reached its final status (RFC 3339), if it has. */
  closedAt?: string | null;
}

/** One line of the weekly report: the dossiers of one procedure received in one week. */
export interface WeeklyReportLine {
  /** Monday of the week of receipt. */
  week: IsoDay;
  /** Sunday of that week. */
  weekEnd: IsoDay;
  procedure: string;
  received: number;
  /** Finished on or before the expected result date. */
  onTime: number;
  /** Finished after it. */
  late: number;
  /** Not finished, past the date, clock running. */
  overdue: number;
  /** Not finished, not (yet) late, or waiting for the citizen. */
  open: number;
}

/**
 * Counts the dossiers per week of receipt and procedure, newest week first, procedures in
 * alphabetical order. "On time" compares the Vietnamese day the dossier was finished with its
 * expected result date (the result may be handed over until the end of that day).
 */
export function weeklyReport(
  dossiers: Iterable<ReportDossier>,
  now: Date,
  calendar: WorkingCalendar = vietnamWorkingCalendar,
): WeeklyReportLine[] {
  const lines = new Map<string, WeeklyReportLine>();
  for (const d of dossiers) {
    const received = new Date(d.receivedAt);
    if (Number.isNaN(received.getTime())) continue;
    const week = weekStart(deskDay(received));
    const key = `${week}\u0000${d.procedure}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        week,
        weekEnd: addDays(week, 6),
        procedure: d.procedure,
        received: 0,
        onTime: 0,
        late: 0,
        overdue: 0,
        open: 0,
      };
      lines.set(key, line);
    }
    line.received++;
    const closed = d.closedAt ? new Date(d.closedAt) : undefined;
    if (FINAL_STATUSES.includes(d.status as DossierStatus) && closed && !Number.isNaN(+closed)) {
      if (deskDay(closed) <= d.expectedResultDate) line.onTime++;
      else line.late++;
    } else if (dossierDeadline(d, now, calendar).state === DEADLINE_STATE.overdue) {
      line.overdue++;
    } else line.open++;
  }
  return [...lines.values()].sort((a, b) =>
    a.week !== b.week ? (a.week < b.week ? 1 : -1) : a.procedure.localeCompare(b.procedure),
  );
}
