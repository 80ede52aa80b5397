/** Calendar arithmetic on ISO `YYYY-MM-DD` strings in UTC, so no time zone can shift a day. */

export function isoFromParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function partsFromIso(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? [y, mo, d] : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toUtc(iso: string): Date {
  const [y, m, d] = partsFromIso(iso) ?? [1970, 1, 1];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date;
}

function fromUtc(date: Date): string {
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = partsFromIso(iso) ?? [1970, 1, 1];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoFromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** 0 = Monday … 6 = Sunday: Vietnamese calendars start the week on Monday (Thứ Hai). */
export function weekdayIndex(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/**
 * Reads a date typed the Vietnamese way, day first (VIETNAM.md §2.4: `dd/mm/yyyy` on all forms).
 * Also accepts `.`, `-` or spaces as separators, one-digit day/month and 8 digits `ddmmyyyy`.
 * Full-width digits and separators typed by phone IMEs are folded (NFKC) and a pasted
 * zero-width space dropped, as the engine reads a digit format (src/validation/formats.ts
 * `normalizeFormat`); an en dash is a separator too.
 * Returns the ISO date, or null when the text is not a real date.
 */
export function parseVnDate(text: string): string | null {
  const t = text
    .normalize('NFKC')
    .replace(/\u200b/g, '')
    .trim();
  const m =
    /^(\d{1,2})[/.\-–\s]+(\d{1,2})[/.\-–\s]+(\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || !isRealDate(y, mo, d)) return null;
  return isoFromParts(y, mo, d);
}

/** `2025-03-15` → `15/03/2025`; anything else is returned unchanged. */
export function formatVnDate(iso: string): string {
  const p = partsFromIso(iso);
  return p ? `${String(p[2]).padStart(2, '0')}/${String(p[1]).padStart(2, '0')}/${p[0]}` : iso;
}

/** Today's date where the person is (their clock, not UTC). */
export function todayIso(): string {
  const now = new Date();
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
