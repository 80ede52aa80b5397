/** The Vietnamese calendar: lunar dates, public holidays, working days, expected result dates. */
export {
  VIETNAM_UTC_OFFSET,
  toLunar,
  fromLunar,
  tet,
  type SolarDate,
  type LunarDate,
} from './lunar.js';
export {
  addDays,
  weekday,
  formatDay,
  formatInstant,
  vietnamDateTime,
  type IsoDay,
} from './days.js';
export {
  HOLIDAY,
  DAY_OFF_BASIS,
  VIETNAM_DAYS_OFF,
  daysOffInYear,
  isIsoDay,
  type Holiday,
  type DayOffBasis,
  type DayOff,
  type SwappedWorkingDay,
  type DaysOffData,
  type PendingHoliday,
  type YearDaysOff,
} from './holidays.js';
export {
  DEFAULT_CUTOFF_MINUTES,
  createWorkingCalendar,
  vietnamWorkingCalendar,
  expectedResultDate,
  type ResultDate,
  type WorkingCalendar,
} from './working-days.js';
export {
  SUPPLEMENT_CLOCK,
  workingDaysLeft,
  resumedResultDate,
  type SupplementClock,
  type ResumeInput,
} from './supplement-clock.js';
