// src/payment: VietQR (EMVCo merchant-presented QR for NAPAS 247) against published examples,
// the CRC's standard check value, refusals with exact messages, and encode → decode round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { correction, generate } from 'lean-qr';
import { crc16, decodeVietQr, encodeVietQr, type VietQrInput } from '../../../src/payment/index.js';

const { vectors } = JSON.parse(
  readFileSync(new URL('./fixtures/vietqr-vectors.json', import.meta.url), 'utf8'),
) as { vectors: { name: string; input: VietQrInput; payload: string }[] };

test('CRC-16/CCITT-FALSE: the catalogue check value of "123456789" is 29B1', () => {
  assert.equal(crc16('123456789'), '29B1');
  assert.equal(crc16(''), 'FFFF');
});

for (const v of vectors) {
  test(`published example encodes exactly: ${v.name}`, () => {
    assert.deepEqual(encodeVietQr(v.input), { ok: true, payload: v.payload });
  });
  test(`published example decodes: ${v.name}`, () => {
    const r = decodeVietQr(v.payload);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.bin, v.input.bin);
    assert.equal(r.value.account, v.input.account);
    assert.equal(r.value.amount, v.input.amount);
    assert.equal(r.value.dynamic, v.input.dynamic);
    assert.equal(r.value.service, 'account');
  });
}

test('a dossier fee: one-time QR with the dossier code as the transfer description', () => {
  const r = encodeVietQr({
    bin: '970436',
    account: '0011001234567',
    amount: 135000,
    purpose: 'KS-261126-7QF3',
  });
  assert.deepEqual(r, {
    ok: true,
    payload:
      '00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704' +
      '54061350005802VN62180814KS-261126-7QF36304' +
      crc16(
        '00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704' +
          '54061350005802VN62180814KS-261126-7QF36304',
      ),
  });
  assert.deepEqual(decodeVietQr(r.ok ? r.payload : '').ok && decodeVietQr(r.payload), {
    ok: true,
    value: {
      dynamic: true,
      bin: '970436',
      account: '0011001234567',
      service: 'account',
      amount: 135000,
      currency: '704',
      country: 'VN',
      purpose: 'KS-261126-7QF3',
    },
  });
});

test('bad inputs are refused with a Vietnamese message per field', () => {
  const r = encodeVietQr({
    bin: '97043',
    account: '0011-0012',
    amount: 1.5,
    purpose: 'x'.repeat(26),
  });
  assert.deepEqual(r.ok ? [] : r.problems.map((p) => [p.code, p.path, p.message]), [
    ['vietqr-invalid-bin', '/bin', 'Mã BIN ngân hàng phải gồm đúng 6 chữ số, nhận được "97043".'],
    [
      'vietqr-invalid-account',
      '/account',
      'Số tài khoản/số thẻ chỉ gồm chữ và số, tối đa 19 ký tự, nhận được "0011-0012".',
    ],
    [
      'vietqr-invalid-amount',
      '/amount',
      'Số tiền phải là số nguyên dương (đồng), tối đa 13 chữ số, nhận được "1.5".',
    ],
    [
      'vietqr-invalid-purpose',
      '/purpose',
      `Nội dung chuyển khoản tối đa 25 ký tự chữ không dấu, số và dấu câu, nhận được "${'x'.repeat(26)}".`,
    ],
  ]);
  assert.equal(encodeVietQr({ bin: '970436', account: '1', amount: 0 }).ok, false);
  assert.equal(encodeVietQr({ bin: '970436', account: '1', purpose: 'phí 😀' }).ok, false);
});

test('a damaged or foreign payload is refused, never half-read', () => {
  const good = vectors[1]!.payload;
  const flipped = good.replace('40123', '40124');
  assert.deepEqual(decodeVietQr(flipped), {
    ok: false,
    problems: [
      {
        code: 'vietqr-crc-mismatch',
        path: '/63',
        message: `Mã kiểm tra CRC của chuỗi QR là D9C6, đúng ra phải là ${crc16(flipped.slice(0, -4))}.`,
        params: { actual: 'D9C6', expected: crc16(flipped.slice(0, -4)) },
      },
    ],
  });
  assert.equal(decodeVietQr('0002019').ok, false);
  assert.equal(decodeVietQr('').ok, false);
  // A well-formed EMV QR of another network (no NAPAS GUID in 38).
  const body = '000201010211' + '38200010A0000007750102AB' + '5303704' + '5802VN' + '6304';
  const other = decodeVietQr(body + crc16(body));
  assert.equal(other.ok ? '' : other.problems[0]!.code, 'vietqr-not-vietqr');
  // Lower-case CRC digits (seen in the wild) are accepted.
  const lower = good.slice(0, -4) + good.slice(-4).toLowerCase();
  assert.equal(decodeVietQr(lower).ok, true);
});

test('round trip: 2,000 generated inputs decode to what was encoded', () => {
  let seed = 20;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';
  const pick = (len: number, from = chars) =>
    Array.from({ length: len }, () => from[rand(from.length)]).join('');
  for (let i = 0; i < 2000; i++) {
    const input: VietQrInput = {
      bin: pick(6, '0123456789'),
      account: pick(1 + rand(19)),
      service: rand(2) ? 'account' : 'card',
      ...(rand(3) ? { amount: 1 + rand(10_000_000) } : {}),
      ...(rand(2) ? { purpose: pick(1 + rand(25), `${chars} .-/`) } : {}),
    };
    const enc = encodeVietQr(input);
    assert.ok(enc.ok, JSON.stringify(input));
    const dec = decodeVietQr(enc.payload);
    assert.ok(dec.ok, enc.payload);
    assert.deepEqual(dec.value, {
      dynamic: input.amount !== undefined,
      bin: input.bin,
      account: input.account,
      service: input.service,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      currency: '704',
      country: 'VN',
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    });
  }
});

test('the payload fits a QR code at medium error correction (what the receipt renders)', () => {
  const r = encodeVietQr({
    bin: '970436',
    account: '0011001234567890123',
    amount: 9_999_999_999_999,
    purpose: 'x'.repeat(25),
  });
  assert.ok(r.ok);
  const qr = generate(r.payload, { minCorrectionLevel: correction.M });
  assert.ok(qr.size <= 49, `version ${(qr.size - 17) / 4}`);
});
