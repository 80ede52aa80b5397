// The desk's deadlines and weekly report, on real Vietnamese calendar days: 2026-04-30 and
// 2026-05-01 are public holidays (Reunification Day, Labour Day), 2026-05-02/03 a weekend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dossierDeadline,
  weeklyReport,
  weekStart,
  workingDaysBetween,
} from '../../../src/dossier/index.js';

/** Noon in Việt Nam on `day`. */
const at = (day: string) => new Date(`${day}T05:00:00.000Z`);

test('overdue counts working days after the result date, skipping holidays and weekends', () => {
  const d = { status: 'processing', expectedResultDate: '2026-04-29' };
  assert.deepEqual(dossierDeadline(d, at('2026-04-28')), { state: 'on-track', workingDaysLate: 0 });
  assert.deepEqual(dossierDeadline(d, at('2026-04-29')), {
    state: 'due-today',
    workingDaysLate: 0,
  });
  // 30/4, 1/5 holidays, 2–3/5 weekend: still 0 working days late, but past the date.
  assert.deepEqual(dossierDeadline(d, at('2026-05-03')), { state: 'overdue', workingDaysLate: 0 });
  assert.deepEqual(dossierDeadline(d, at('2026-05-05')), { state: 'overdue', workingDaysLate: 2 });
  assert.equal(workingDaysBetween('2026-04-29', '2026-05-05'), 2);
});

test('the Vietnamese day decides: 23:30 on the due date in Hà Nội is 16:30 UTC, not late', () => {
  const d = { status: 'received', expectedResultDate: '2026-04-29' };
  assert.equal(dossierDeadline(d, new Date('2026-04-29T16:30:00Z')).state, 'due-today');
  assert.equal(dossierDeadline(d, new Date('2026-04-29T17:30:00Z')).state, 'overdue');
});

test('finished and waiting dossiers are never overdue', () => {
  for (const [status, state] of [
    ['result-ready', 'closed'],
    ['rejected', 'closed'],
    ['needs-more-information', 'paused'],
  ]) {
    assert.deepEqual(
      dossierDeadline({ status, expectedResultDate: '2026-01-05' }, at('2026-05-05')),
      {
        state,
        workingDaysLate: 0,
      },
    );
  }
});

test('weeks run Monday to Sunday', () => {
  assert.equal(weekStart('2026-05-04'), '2026-05-04'); // Monday
  assert.equal(weekStart('2026-05-10'), '2026-05-04'); // Sunday
  assert.equal(weekStart('2026-05-11'), '2026-05-11');
});

test('weekly report: received, on time, late, overdue and open per week and procedure', () => {
  const lines = weeklyReport(
    [
      // Week of 27/4: two birth registrations, one finished on its date, one a day late.
      {
        procedure: 'khai-sinh',
        receivedAt: '2026-04-27T02:00:00Z',
        expectedResultDate: '2026-04-28',
        status: 'result-ready',
        closedAt: '2026-04-28T16:59:00Z',
      },
      {
        procedure: 'khai-sinh',
        receivedAt: '2026-04-28T02:00:00Z',
        expectedResultDate: '2026-04-29',
        status: 'rejected',
        closedAt: '2026-04-29T17:01:00Z',
      },
      // Received Sunday 3/5 at 23:00 in Hà Nội (16:00 UTC): still the week of 27/4.
      {
        procedure: 'tam-tru',
        receivedAt: '2026-05-03T16:00:00Z',
        expectedResultDate: '2026-05-07',
        status: 'processing',
      },
      // Week of 4/5: one overdue, one waiting for the citizen, one on track.
      {
        procedure: 'khai-sinh',
        receivedAt: '2026-05-04T02:00:00Z',
        expectedResultDate: '2026-05-05',
        status: 'received',
      },
      {
        procedure: 'khai-sinh',
        receivedAt: '2026-05-04T03:00:00Z',
        expectedResultDate: '2026-05-05',
        status: 'needs-more-information',
      },
      {
        procedure: 'khai-sinh',
        receivedAt: '2026-05-05T03:00:00Z',
        expectedResultDate: '2026-05-12',
        status: 'processing',
      },
      {
        procedure: 'x',
        receivedAt: 'not a date',
        expectedResultDate: '2026-05-12',
        status: 'processing',
      },
    ],
    at('2026-05-06'),
  );
  assert.deepEqual(lines, [
    {
      week: '2026-05-04',
      weekEnd: '2026-05-10',
      procedure: 'khai-sinh',
      received: 3,
      onTime: 0,
      late: 0,
      overdue: 1,
      open: 2,
    },
    {
      week: '2026-04-27',
      weekEnd: '2026-05-03',
      procedure: 'khai-sinh',
      received: 2,
      onTime: 1,
      late: 1,
      overdue: 0,
      open: 0,
    },
    {
      week: '2026-04-27',
      weekEnd: '2026-05-03',
      procedure: 'tam-tru',
      received: 1,
      onTime: 0,
      late: 0,
      overdue: 0,
      open: 1,
    },
  ]);
});
