// src/calendar: lunar dates for UTC+7, Vietnamese holidays and days off, working days and the
// expected result date. Known dates come from fixtures/ (published calendars and notices).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createWorkingCalendar,
  daysOffInYear,
  expectedResultDate,
  formatDay,
  formatInstant,
  fromLunar,
  tet,
  toLunar,
  vietnamWorkingCalendar as cal,
  VIETNAM_DAYS_OFF,
  type SolarDate,
} from '../../../src/calendar/index.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const iso = (d: SolarDate) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const lunarData = fixture('lunar-dates.json');

for (const c of lunarData.tet) {
  test(`Tết ${c.year} falls on ${c.vn} in Việt Nam${c.cn ? ` and ${c.cn} in China` : ''}`, () => {
    assert.equal(iso(tet(c.year)), c.vn);
    if (c.cn) assert.equal(iso(tet(c.year, 8)), c.cn);
  });
}

for (const c of lunarData.hungKings) {
  test(`Giỗ Tổ Hùng Vương (10/3 âm lịch) ${c.year} is ${c.day}`, () => {
    const d = fromLunar({ year: c.year, month: 3, day: 10, leap: false });
    assert.ok(d);
    assert.equal(iso(d), c.day);
  });
}

for (const c of lunarData.leapMonths) {
  test(`leap month: ${c.solar} is day 1 of leap month ${c.lunar.month}/${c.lunar.year}`, () => {
    const [year, month, day] = c.solar.split('-').map(Number);
    assert.deepEqual(toLunar({ year, month, day }), c.lunar);
    assert.equal(iso(fromLunar(c.lunar)!), c.solar);
  });
}

test('lunar ↔ solar round trip on every day from 1950 to 2100, both zones', () => {
  for (const zone of [7, 8]) {
    const start = Date.UTC(1950, 0, 1);
    for (let t = start; t < Date.UTC(2100, 0, 1); t += 86400_000) {
      const d = new Date(t);
      const solar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const lunar = toLunar(solar, zone);
      assert.deepEqual(fromLunar(lunar, zone), solar, `${iso(solar)} zone ${zone}`);
    }
  }
});

test('dates that do not exist in the lunar calendar are refused', () => {
  // 2025 has leap month 6, not 5; month 12 of Giáp Thìn (2024) has 29 days.
  assert.equal(fromLunar({ year: 2025, month: 5, day: 1, leap: true }), undefined);
  assert.equal(fromLunar({ year: 2024, month: 12, day: 30, leap: false }), undefined);
  assert.equal(fromLunar({ year: 2024, month: 13, day: 1, leap: false }), undefined);
});

test('2025: Tết 27–31/1 off, 30/4–2/5 off with Saturday 26/4 worked instead, 1–2/9 off', () => {
  for (const d of ['2025-01-27', '2025-01-31', '2025-04-30', '2025-05-02', '2025-09-01'])
    assert.equal(cal.isWorkingDay(d), false, d);
  assert.equal(cal.isWorkingDay('2025-04-26'), true);
  assert.deepEqual(cal.swappedWorkingDay('2025-04-26'), {
    day: '2025-04-26',
    replaces: '2025-05-02',
    holiday: 'reunification-labour',
    source: VIETNAM_DAYS_OFF.decisions[1]!.source,
  });
  assert.equal(cal.isWorkingDay('2025-02-03'), true);
  assert.equal(cal.dayOff('2025-04-07')?.holiday, 'hung-kings');
  assert.equal(cal.dayOff('2025-04-07')?.basis, 'statute');
});

test('2026: Tết Bính Ngọ 16–20/2 off by decision, Giỗ Tổ moved to Monday 27/4', () => {
  for (const d of ['2026-02-16', '2026-02-17', '2026-02-20', '2026-04-27', '2026-05-01']) {
    assert.equal(cal.isWorkingDay(d), false, d);
    assert.equal(cal.dayOff(d)?.basis, 'decision', d);
  }
  assert.equal(cal.isWorkingDay('2026-02-23'), true);
  assert.equal(cal.isWorkingDay('2026-04-28'), true);
});

test('2026: New Year 1–2/1 off with Saturday 10/1 worked; 2/9 off 31/8–2/9 with Saturday 22/8 worked', () => {
  for (const d of ['2026-01-01', '2026-01-02', '2026-08-31', '2026-09-01', '2026-09-02']) {
    assert.equal(cal.isWorkingDay(d), false, d);
    assert.equal(cal.dayOff(d)?.basis, 'decision', d);
    assert.equal(cal.dayOff(d)?.provisional, false, d);
  }
  assert.equal(cal.dayOff('2026-01-02')?.holiday, 'new-year');
  assert.equal(cal.dayOff('2026-08-31')?.holiday, 'national-day');
  assert.deepEqual(
    [cal.swappedWorkingDay('2026-01-10')?.replaces, cal.swappedWorkingDay('2026-08-22')?.replaces],
    ['2026-01-02', '2026-08-31'],
  );
  for (const d of ['2026-01-10', '2026-08-22', '2026-09-03', '2026-01-05'])
    assert.equal(cal.isWorkingDay(d), true, d);
  // No year from 2025 to 2027 has more than one decision per holiday.
  const keys = VIETNAM_DAYS_OFF.decisions.map((d) => `${d.year} ${d.holiday}`);
  assert.equal(new Set(keys).size, keys.length);
  // Decided holidays are no longer listed as unknown.
  for (const u of VIETNAM_DAYS_OFF.unknown) assert.ok(!keys.includes(`${u.year} ${u.holiday}`));
});

test('Ngày Văn hoá Việt Nam (24/11) is pending, not law: a working day that makes a span provisional', () => {
  const pending = VIETNAM_DAYS_OFF.pending ?? [];
  assert.deepEqual(
    pending.map((p) => [p.holiday, p.month, p.day, p.fromYear]),
    [['vietnam-culture-day', 11, 24, 2026]],
  );
  assert.match(pending[0]!.source, /^https:\/\/\S+$/);
  assert.equal(cal.isWorkingDay('2026-11-24'), true);
  assert.equal(cal.dayOff('2026-11-24'), undefined);
  assert.equal(daysOffInYear(2026).pending.has('2026-11-24'), true);
  assert.equal(daysOffInYear(2025).pending.size, 0); // before the first year it could apply
  // Received on the day itself: if it became a holiday, reception would move a day.
  assert.equal(expectedResultDate(new Date('2026-11-24T09:00:00+07:00'), 0).provisional, true);
});

test('without a decision the Labour Code rules apply and the days are provisional', () => {
  const y = daysOffInYear(2027);
  // Tết Đinh Mùi is Saturday 6/2/2027: the last day of the year (5/2) and mùng 1–4; the two
  // weekend days are compensated on Wednesday 10 and Thursday 11.
  assert.deepEqual(
    [...y.daysOff.values()].filter((d) => d.holiday === 'tet').map((d) => [d.day, d.basis]),
    [
      ['2027-02-05', 'estimate'],
      ['2027-02-08', 'estimate'],
      ['2027-02-09', 'estimate'],
      ['2027-02-10', 'compensatory'],
      ['2027-02-11', 'compensatory'],
    ],
  );
  assert.ok([...y.daysOff.values()].every((d) => d.provisional));
  // 1/5/2027 is a Saturday: Monday 3/5 is off instead.
  assert.equal(y.daysOff.get('2027-05-03')?.basis, 'compensatory');
});

test('every decision in the data names a source and lists real dates', () => {
  for (const d of VIETNAM_DAYS_OFF.decisions) {
    assert.match(d.source, /^https?:\/\/\S+$/, `${d.year} ${d.holiday}`);
    for (const day of [...d.daysOff, ...d.workingDays.flatMap((w) => [w.date, w.replaces])]) {
      assert.doesNotThrow(() => cal.isWorkingDay(day), day);
      assert.equal(day.slice(0, 4), String(d.year));
    }
  }
});

for (const c of fixture('result-dates.json').cases) {
  test(`expected result date: ${c.name}`, () => {
    const options = c.cutoffMinutes === undefined ? undefined : { cutoffMinutes: c.cutoffMinutes };
    assert.deepEqual(expectedResultDate(new Date(c.receivedAt), c.processingDays, options), {
      receivedOn: c.receivedOn,
      resultDate: c.resultDate,
      provisional: c.provisional,
    });
  });
}

test('bad arguments throw DvcError invalid-argument with a readable message', () => {
  assert.throws(() => expectedResultDate(new Date('x'), 1), {
    name: 'DvcError',
    code: 'invalid-argument',
    message: 'receivedAt is not a valid date',
  });
  assert.throws(() => expectedResultDate(new Date(), -1), {
    code: 'invalid-argument',
    message: 'processing days must be a whole number from 0 to 600, got -1',
  });
  assert.throws(() => cal.isWorkingDay('2026-02-30'), {
    message: 'not a YYYY-MM-DD date: "2026-02-30"',
  });
});

test('an agency can supply its own days-off data', () => {
  const own = createWorkingCalendar({
    covers: { from: 2026, to: 2026 },
    decisions: [
      {
        year: 2026,
        holiday: 'national-day',
        daysOff: ['2026-09-01', '2026-09-02'],
        workingDays: [],
        source: 'https://example.gov.vn/thong-bao',
      },
    ],
    unknown: [],
  });
  assert.equal(own.isWorkingDay('2026-09-01'), false);
  assert.equal(own.isWorkingDay('2026-08-31'), true);
  assert.equal(cal.isWorkingDay('2026-08-31'), false); // the built-in decision's swapped day
});

test('day-first formatting in Việt Nam time', () => {
  assert.equal(formatDay('2026-02-17'), '17/02/2026');
  assert.equal(formatInstant('2026-02-16T17:05:00Z'), '00:05 17/02/2026');
  assert.equal(formatInstant('nope'), undefined);
});
