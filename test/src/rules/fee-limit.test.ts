/**
 * Fees past Number.MAX_SAFE_INTEGER đồng: lint asks for a `maximum` on each quantity field small
 * enough for its amount (and for the sum of all items), and the computation refuses a fee it
 * cannot compute exactly — the same problem in the browser's session and in verify — instead of
 * charging a rounded number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { decidePayload } from '../../../src/verify/data-checks.js';

const minimal = readFileSync(
  new URL('../procedure/fixtures/valid-minimal.json', import.meta.url),
  'utf8',
);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}
const MAX = Number.MAX_SAFE_INTEGER;
const feeProblems = (text: string) =>
  loadProcedure(text).problems.filter((p) => p.code === 'fee-quantity-unbounded');

test('lint: a quantity field without a maximum is reported at the fee item', () => {
  const text = variant((p) => delete p.data.properties.copies.maximum);
  const [problem, ...rest] = feeProblems(text);
  assert.deepEqual(rest, []);
  assert.equal(problem!.pointer, '/fees/items/0/quantityField');
  assert.deepEqual([problem!.line, problem!.column], [196, 26]);
  assert.deepEqual(problem!.message, {
    vi: `Trường số lượng "copies" không có "maximum": nhập số quá lớn thì lệ phí không tính được chính xác. Đặt "maximum" không quá ${Math.floor(MAX / 8000)}.`,
    en: `The quantity field "copies" has no "maximum": a large answer would make the fee inexact. Set "maximum" to at most ${Math.floor(MAX / 8000)}.`,
  });
});

test('lint: a maximum too large for the amount (or a scheduled amount) is reported', () => {
  const text = variant((p) => {
    p.formatVersion = 1.1;
    p.data.properties.copies.maximum = 2e12;
    p.fees.items[0].schedule = [{ from: '2026-01-01', amount: 9000 }];
  });
  const problems = feeProblems(text);
  assert.deepEqual(
    problems.map((p) => [p.pointer, p.message.vi]),
    [
      [
        '/fees/items/0/quantityField',
        `"maximum" của trường số lượng "copies" là 2000000000000, quá lớn để tính lệ phí chính xác; đặt không quá ${Math.floor(MAX / 9000)}.`,
      ],
    ],
  );
  // At the largest amount's limit exactly, nothing is reported.
  const fits = variant((p) => {
    p.formatVersion = 1.1;
    p.data.properties.copies.maximum = Math.floor(MAX / 9000);
    p.fees.items[0].schedule = [{ from: '2026-01-01', amount: 9000 }];
  });
  assert.deepEqual(feeProblems(fits), []);
});

test('lint: items each within the limit whose largest sum is past it are reported', () => {
  const text = variant((p) => {
    p.data.properties.copies.maximum = Math.floor(MAX / 8000);
    p.fees.items.push({ id: 'base', label: { vi: 'Lệ phí' }, amount: 8000 });
  });
  assert.deepEqual(
    feeProblems(text).map((p) => [p.pointer, p.message.vi]),
    [
      [
        '/fees/items',
        `Tổng lệ phí lớn nhất của các khoản vượt quá ${MAX} đồng, không tính được chính xác; giảm "maximum" của các trường số lượng.`,
      ],
    ],
  );
});

// A procedure lint would refuse, as a hostile or unlinted file reaches the form and the receiver.
const AMOUNT = 4_000_000_000;
const unbounded = JSON.parse(
  variant((p) => {
    delete p.data.properties.copies.maximum;
    p.fees.items[0].amount = AMOUNT;
    p.fees.items.push({ id: 'base', label: { vi: 'Lệ phí' }, amount: 1000 });
  }),
) as Procedure;
const TODAY = '2026-12-06';

async function decide(copies: number) {
  const model = await ProcedureModel.create(unbounded, { onRuleProblem: () => {} });
  const session = model.createSession({ today: TODAY, lang: 'vi' });
  session.set('copies', copies);
  const browser = await session.check();
  const server = await decidePayload(
    { answers: session.answers, documents: [] },
    unbounded,
    Date.parse(`${TODAY}T03:00:00.000Z`),
  );
  const feeProblem = (ps: { code: string }[]) => ps.filter((p) => p.code === 'fee-too-large');
  return {
    browser: { fee: browser.fee, problems: feeProblem(browser.problems) },
    server: { fee: server.fee, problems: feeProblem(server.problems) },
  };
}

test('a fee past the limit is refused with a problem at the quantity, in the form and verify', async () => {
  const { browser, server } = await decide(3_000_000);
  assert.deepEqual(browser.fee, {
    total: 0,
    currency: 'VND',
    items: [],
    tooLarge: { item: 'copy-fee', quantityField: 'copies' },
  });
  assert.deepEqual(server.fee, browser.fee);
  const params = { item: 'copy-fee', max: MAX };
  assert.deepEqual(browser.problems, [
    {
      code: 'fee-too-large',
      path: '/copies',
      message: 'Số lượng quá lớn, không tính được lệ phí. Hãy nhập số nhỏ hơn',
      params,
    },
  ]);
  assert.deepEqual(server.problems, [
    {
      code: 'fee-too-large',
      path: '/copies',
      message: 'The number is too large to work out the fee. Enter a smaller number',
      params,
    },
  ]);
});

test('property: the form and verify charge the exact fee, or both refuse it', async () => {
  // Around the limit: 4e9 × q + 1000 passes 2^53 − 1 between q = 2251799 and 2251800.
  const limit = Math.floor((MAX - 1000) / AMOUNT);
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: limit - 3, max: limit + 3 }),
        fc.double({ min: 0, max: 1e17, noNaN: true }),
      ),
      async (copies) => {
        const { browser, server } = await decide(copies);
        assert.deepEqual(server.fee, browser.fee);
        assert.deepEqual(
          server.problems.map((p) => p.code),
          browser.problems.map((p) => p.code),
        );
        const q = BigInt(Math.floor(copies));
        const exact = BigInt(AMOUNT) * q + 1000n;
        if (exact <= BigInt(MAX)) {
          assert.equal(BigInt(browser.fee.total), exact);
          assert.deepEqual(browser.problems, []);
        } else {
          assert.equal(browser.fee.tooLarge?.item, 'copy-fee');
          assert.equal(browser.problems.length, 1);
        }
      },
    ),
    { numRuns: 200 },
  );
});
