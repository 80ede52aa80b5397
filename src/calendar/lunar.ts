/**
 * The Vietnamese lunisolar calendar (âm lịch), computed rather than tabulated.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (2004, public description of the astronomical
 * rules of the Vietnamese calendar), re-implemented here from its published description:
 * - a lunar month starts on the civil day that contains the new moon (new-moon instant from
 *   Jean Meeus, "Astronomical Algorithms", ch. 49, truncated series);
 * - month 11 is the month that contains the winter solstice (sun longitude 270°);
 * - in a year with 13 months, the leap month is the first month after month 11 that contains no
 *   principal solar term (trung khí: the sun's longitude does not cross a multiple of 30°).
 *
 * "Civil day" depends on the time zone, which is why the Vietnamese calendar (UTC+7 since
 * 1 January 1968) and the Chinese calendar (UTC+8) put Tết on different days in some years,
 * e.g. 1985 (21 Jan in Việt Nam, 20 Feb in China) and 2007 (17 Feb vs 18 Feb). Every function
 * takes the zone as hours east of UTC; the default is Việt Nam's.
 */

/** Việt Nam's offset from UTC in hours (Asia/Ho_Chi_Minh, no daylight saving since 1975). */
export const VIETNAM_UTC_OFFSET = 7;

export interface SolarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface LunarDate {
  /** The lunar year this day belongs to (Tết starts it). */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** True in a leap month (tháng nhuận), which repeats the number of the month before it. */
  readonly leap: boolean;
}

const { floor, sin, PI } = Math;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900 (the epoch of the lunation count k). */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian (from 15 Oct 1582) or Julian calendar date. */
export function julianDay(year: number, month: number, day: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd =
    day +
    floor((153 * m + 2) / 5) +
    365 * y +
    floor(y / 4) -
    floor(y / 100) +
    floor(y / 400) -
    32045;
  return jd < 2299161 ? day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083 : jd;
}

/** The calendar date of a Julian day number. */
export function fromJulianDay(jd: number): SolarDate {
  let b = 0;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = floor((4 * a + 3) / 146097);
    c = a - floor((b * 146097) / 4);
  } else c = jd + 32082;
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's latitude
  let c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Julian day number of the civil day (in the zone) that contains the k-th new moon. */
function newMoonDay(k: number, zone: number): number {
  return floor(newMoon(k) + 0.5 + zone / 24);
}

/** The sun's apparent longitude in radians (0…2π) at a fractional Julian day (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - PI * 2 * floor(L / (PI * 2));
}

/** Which of the 12 principal-term sectors (0…11) the sun is in at the start of a civil day. */
function sunSector(dayNumber: number, zone: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - zone / 24) / PI) * 6);
}

/** Julian day number of the first day of lunar month 11 that falls in Gregorian `year`. */
function month11(year: number, zone: number): number {
  const off = julianDay(year, 12, 31) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, zone);
  // The month must contain the winter solstice: if it starts after the sun passed 270°, the
  // month 11 is the one before.
  return sunSector(nm, zone) >= 9 ? newMoonDay(k - 1, zone) : nm;
}

/** In a 13-month year starting at month 11 `a11`, the offset of the leap month from it. */
function leapMonthOffset(a11: number, zone: number): number {
  const k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, zone), zone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, zone), zone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date, for the zone (Việt Nam by default). */
export function toLunar(date: SolarDate, zone = VIETNAM_UTC_OFFSET): LunarDate {
  const dayNumber = julianDay(date.year, date.month, date.day);
  let k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, zone);
  // The mean lunation only estimates k: a true new moon can come up to about 14 hours later than
  // the mean one, so step back until the month starts on or before the day (e.g. 9/4/2062).
  while (monthStart > dayNumber) monthStart = newMoonDay(--k, zone);
  let a11 = month11(date.year, zone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = date.year;
    a11 = month11(date.year - 1, zone);
  } else {
    year = date.year + 1;
    b11 = month11(date.year + 1, zone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, zone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day, leap };
}

/**
 * The Gregorian date of a lunar date, or undefined when that date does not exist (a leap month
 * the year does not have, or day 30 of a 29-day month).
 */
export function fromLunar(lunar: LunarDate, zone = VIETNAM_UTC_OFFSET): SolarDate | undefined {
  if (!Number.isInteger(lunar.year) || lunar.month < 1 || lunar.month > 12) return undefined;
  if (!Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > 30) return undefined;
  const [a11, b11] =
    lunar.month < 11
      ? [month11(lunar.year - 1, zone), month11(lunar.year, zone)]
      : [month11(lunar.year, zone), month11(lunar.year + 1, zone)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunar.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, zone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (lunar.leap && lunar.month !== leapMonth) return undefined;
    if (lunar.leap || off >= leapOff) off += 1;
  } else if (lunar.leap) return undefined;
  const monthStart = newMoonDay(k + off, zone);
  const solar = fromJulianDay(monthStart + lunar.day - 1);
  // Day 30 of a 29-day month would land on the 1st of the next month.
  const back = toLunar(solar, zone);
  return back.day === lunar.day && back.month === lunar.month && back.leap === lunar.leap
    ? solar
    : undefined;
}

/** The first day of the lunar year that starts in Gregorian `year` (Tết Nguyên đán). */
export function tet(year: number, zone = VIETNAM_UTC_OFFSET): SolarDate {
  return fromLunar({ year, month: 1, day: 1, leap: false }, zone)!;
}
