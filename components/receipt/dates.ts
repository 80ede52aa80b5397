/**
 * Dates on the receipt. Vietnam has used UTC+7 all year since 1975, so instants are shown in
 * Asia/Ho_Chi_Minh whatever the phone's time zone, and dates day first (dd/mm/yyyy,
 * docs/domain/vietnam.md §2.4).
 */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** `YYYY-MM-DD` → `dd/mm/yyyy`; anything else unchanged. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as `HH:mm dd/mm/yyyy` in Vietnam time; undefined when it is not a date. */
export function formatInstant(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const local = new Date(t + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${formatDay(local.slice(0, 10))}`;
}

/**
 * The expected result date when the server gave none: `processingDays` working days (Monday to
 * Friday) after the day of reception in Vietnam, from the next working day when it arrives at a
 * weekend; 0 = the same working day. Same rule as the reference receiver (docs/receiver.md).
 * Public holidays are not known here, so around Tết or 30/4–1/5 the date can be early: the
 * receipt says "dự kiến" (expected) for that reason.
 */
export function addWorkingDays(receivedAt: Date, processingDays: number): string {
  const day = new Date(
    `${new Date(receivedAt.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10)}T00:00:00Z`,
  );
  const weekend = () => day.getUTCDay() === 0 || day.getUTCDay() === 6;
  while (weekend()) day.setUTCDate(day.getUTCDate() + 1);
  for (let left = Math.max(0, Math.floor(processingDays)); left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!weekend()) left--;
  }
  return day.toISOString().slice(0, 10);
}
