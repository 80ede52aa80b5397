/**
 * Fee amounts are whole đồng that every engine computes exactly: an integer from 0 (a fixed
 * reduction from 1) to Number.MAX_SAFE_INTEGER, said by the meta-schema (schemas/), so the editor
 * that reads `$schema`, the loader, `dvc-forms lint` and `compile` refuse the same amounts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
type Json = Record<string, any>;
/** Stands for the amount under test, then is replaced by it as written in the file. */
const MARK = 123456789;

/** Where the amount goes: the item, a schedule entry (1.1), a fixed reduction (1.1). */
const PLACES: Record<string, { pointer: string; put: (p: Json) => void }> = {
  item: { pointer: '/fees/items/0/amount', put: (p) => (p.fees.items[0].amount = MARK) },
  schedule: {
    pointer: '/fees/items/0/schedule/0/amount',
    put: (p) => {
      p.formatVersion = 1.1;
      p.fees.items[0].schedule = [{ from: '2025-01-01', amount: MARK }];
    },
  },
  reduction: {
    pointer: '/fees/reductions/0/amount',
    put: (p) => {
      p.formatVersion = 1.1;
      delete p.fees.reductions[0].percent;
      p.fees.reductions[0].amount = MARK;
    },
  },
};

const tooLarge = (value: string) => ({
  vi: `Số tiền ${value} quá lớn: số tiền phải là một số nguyên đồng, không quá 9007199254740991 (số lớn nhất mà máy tính cộng, nhân được chính xác). Hãy kiểm tra lại số tiền.`,
  en: `The amount ${value} is too large: an amount must be a whole number of đồng no greater than 9007199254740991 (the largest number a computer adds and multiplies exactly). Check the amount.`,
});
const notWhole = { vi: '"amount" phải là một số nguyên.', en: '"amount" must be a whole number.' };
const atLeast = (limit: number) => ({
  vi: `"amount" phải lớn hơn hoặc bằng ${limit}.`,
  en: `"amount" must be greater than or equal to ${limit}.`,
});

/** [amount as written in the file, place, expected problem (code, message) or none]. */
const CASES: [string, string, [string, Record<string, string>] | undefined][] = [
  ['1e20', 'item', ['schema-range', tooLarge('100000000000000000000')]],
  ['1e20', 'schedule', ['schema-range', tooLarge('100000000000000000000')]],
  ['1e20', 'reduction', ['schema-range', tooLarge('100000000000000000000')]],
  ['9007199254740992', 'item', ['schema-range', tooLarge('9007199254740992')]],
  ['9007199254740992', 'schedule', ['schema-range', tooLarge('9007199254740992')]],
  ['9007199254740992', 'reduction', ['schema-range', tooLarge('9007199254740992')]],
  ['9007199254740991', 'item', undefined],
  ['9007199254740991', 'schedule', undefined],
  ['9007199254740991', 'reduction', undefined],
  ['0', 'item', undefined],
  ['135000', 'schedule', undefined],
  ['1500.5', 'item', ['schema-type', notWhole]],
  ['1500.5', 'schedule', ['schema-type', notWhole]],
  ['1500.5', 'reduction', ['schema-type', notWhole]],
  ['-1', 'item', ['schema-range', atLeast(0)]],
  ['-1', 'schedule', ['schema-range', atLeast(0)]],
  ['0', 'reduction', ['schema-range', atLeast(1)]],
];

for (const [written, place, expected] of CASES) {
  test(`a fee amount of ${written} (${place}) ${expected ? `is ${expected[0]}` : 'is accepted'}`, () => {
    const p = JSON.parse(minimal);
    // One copy at most, so an amount at the limit times the quantity stays exact: no
    // `fee-quantity-unbounded` (test/src/rules/fee-limit.test.ts) beside the amount's own problem.
    p.data.properties.copies.maximum = 1;
    PLACES[place]!.put(p);
    const text = JSON.stringify(p, null, 2).replace(String(MARK), written);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(`"amount": ${written}`)) + 1;
    const r = loadProcedure(text);
    assert.deepEqual(
      r.problems.map((x) => [x.code, x.severity, x.pointer, x.line, x.column, x.message]),
      expected
        ? [
            [
              expected[0],
              'error',
              PLACES[place]!.pointer,
              line,
              lines[line - 1]!.indexOf(written) + 1,
              expected[1],
            ],
          ]
        : [],
    );
    assert.equal(r.ok, !expected);
  });
}

test('a schedule date not written YYYY-MM-DD says so, not the regular expression', () => {
  const p = JSON.parse(minimal);
  p.formatVersion = 1.1;
  p.data.properties.copies.maximum = 1;
  p.fees.items[0].schedule = [{ from: '2025-1-1', until: '31/12/2025', amount: 6000 }];
  const text = JSON.stringify(p, null, 2);
  const lines = text.split('\n');
  const at = (v: string) => {
    const line = lines.findIndex((l) => l.includes(`"${v}"`)) + 1;
    return [line, lines[line - 1]!.indexOf(`"${v}"`) + 1];
  };
  assert.deepEqual(
    loadProcedure(text).problems.map((x) => [x.code, x.pointer, x.line, x.column, x.message]),
    [
      [
        'schema-pattern',
        '/fees/items/0/schedule/0/from',
        ...at('2025-1-1'),
        {
          vi: '"from" phải là một ngày dạng YYYY-MM-DD, không phải "2025-1-1".',
          en: '"from" must be a date YYYY-MM-DD, not "2025-1-1".',
        },
      ],
      [
        'schema-pattern',
        '/fees/items/0/schedule/0/until',
        ...at('31/12/2025'),
        {
          vi: '"until" phải là một ngày dạng YYYY-MM-DD, không phải "31/12/2025".',
          en: '"until" must be a date YYYY-MM-DD, not "31/12/2025".',
        },
      ],
    ],
  );
});

for (const [written, place, value, fix] of [
  ['8.000', 'item', '8', '8000'],
  ['135.000', 'schedule', '135', '135000'],
  ['5.000', 'reduction', '5', '5000'],
] as const)
  test(`an amount written ${written} (${place}) is amount-decimal-point, not ${value} đồng`, () => {
    const p = JSON.parse(minimal);
    p.data.properties.copies.maximum = 1;
    PLACES[place]!.put(p);
    const text = JSON.stringify(p, null, 2).replace(String(MARK), written);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(`"amount": ${written}`)) + 1;
    const r = loadProcedure(text);
    assert.deepEqual(
      r.problems.map((x) => [x.code, x.severity, x.pointer, x.line, x.column, x.message]),
      [
        [
          'amount-decimal-point',
          'error',
          PLACES[place]!.pointer,
          line,
          lines[line - 1]!.indexOf(written) + 1,
          {
            vi: `Số tiền ${written} được đọc là ${value} đồng: trong JSON dấu chấm là dấu thập phân, không phải dấu phân cách hàng nghìn. Viết số tiền không có dấu chấm, ví dụ ${fix}.`,
            en: `The amount ${written} is read as ${value} đồng: in JSON a point is a decimal point, not a thousands separator. Write the amount without a point, e.g. ${fix}.`,
          },
        ],
      ],
    );
    assert.equal(r.ok, false);
  });

for (const [written, place, value] of [
  ['8000.0', 'item', '8000'],
  ['135000.00', 'schedule', '135000'],
  ['5000.0000', 'reduction', '5000'],
] as const)
  test(`an amount written ${written} (${place}) is read as ${value} đồng: a warning, not the thousands trap`, () => {
    const p = JSON.parse(minimal);
    p.data.properties.copies.maximum = 1;
    PLACES[place]!.put(p);
    const text = JSON.stringify(p, null, 2).replace(String(MARK), written);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(`"amount": ${written}`)) + 1;
    const r = loadProcedure(text);
    assert.deepEqual(
      r.problems.map((x) => [x.code, x.severity, x.pointer, x.line, x.column, x.message]),
      [
        [
          'amount-decimal-point',
          'warning',
          PLACES[place]!.pointer,
          line,
          lines[line - 1]!.indexOf(written) + 1,
          {
            vi: `Số tiền ${written} được đọc đúng là ${value} đồng, nhưng phần sau dấu chấm không có tác dụng và dễ bị đọc nhầm là dấu phân cách hàng nghìn; hãy viết ${value}.`,
            en: `The amount ${written} is read correctly as ${value} đồng, but the part after the point does nothing and is easily mistaken for a thousands separator; write ${value}.`,
          },
        ],
      ],
    );
    assert.equal(r.ok, true);
  });
