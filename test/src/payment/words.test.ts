// Amounts in Vietnamese words for the fee receipt ("Số tiền bằng chữ") and the đồng format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountInWords, formatDong, formatVnd } from '../../../src/payment/index.js';

const CASES: [number, string][] = [
  [0, 'Không đồng'],
  [4, 'Bốn đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [24, 'Hai mươi tư đồng'],
  [105, 'Một trăm linh năm đồng'],
  [110, 'Một trăm mười đồng'],
  [135000, 'Một trăm ba mươi lăm nghìn đồng'],
  [1000000, 'Một triệu đồng'],
  [1005000, 'Một triệu không trăm linh năm nghìn đồng'],
  [1000050, 'Một triệu không trăm năm mươi đồng'],
  [2000000000, 'Hai tỷ đồng'],
];
for (const [n, words] of CASES) {
  test(`${n} → ${words}`, () => assert.equal(amountInWords(n), words));
}

test('amounts that are not whole đồng below 10^12 are refused', () => {
  for (const n of [-1, 1.5, 1e12, Number.NaN]) assert.throws(() => amountInWords(n), RangeError);
});

test('formatVnd uses a dot as thousands separator', () => {
  assert.equal(formatVnd(135000), '135.000 đ');
  assert.equal(formatVnd(0), '0 đ');
  assert.equal(formatVnd(1234567), '1.234.567 đ');
});

test('formatDong writes the unit in full in Vietnamese and the ISO code in English', () => {
  assert.equal(formatDong(135000), '135.000 đồng');
  assert.equal(formatDong(135000, 'vi'), '135.000 đồng');
  assert.equal(formatDong(0), '0 đồng');
  assert.equal(formatDong(1234567), '1.234.567 đồng');
  assert.equal(formatDong(135000, 'en'), '135,000 VND');
  assert.equal(formatDong(999, 'en'), '999 VND');
});
