// src/payment against the examples printed in the NAPAS VietQR specification and in EMVCo's
// merchant-presented QR specification (fixtures/published-examples.json, with their sources):
// our encoder reproduces each NAPAS example byte for byte, our decoder reads it back, our CRC
// gives the printed check values, and our TLV reader splits the EMVCo example (UTF-8 Chinese
// text included) into exactly its data objects. A printed example with a defect is asserted as
// what it is, not silently skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  crc16,
  decodeVietQr,
  encodeVietQr,
  parseTlv,
  type VietQrInput,
} from '../../../src/payment/index.js';

interface Example {
  name: string;
  source: string;
  input: VietQrInput;
  payload: string;
}
const published = JSON.parse(
  readFileSync(new URL('./fixtures/published-examples.json', import.meta.url), 'utf8'),
) as {
  napas: {
    examples: Example[];
    printedDefects: {
      name: string;
      payload: string;
      corrected: { input: VietQrInput; payload: string };
    }[];
  };
  emvco: { payload: string; objects: [string, string][] };
};

for (const example of published.napas.examples) {
  test(`${example.name}: encoded byte for byte`, () => {
    assert.deepEqual(encodeVietQr(example.input), { ok: true, payload: example.payload });
  });

  test(`${example.name}: decoded back to its input, printed CRC checked`, () => {
    assert.equal(crc16(example.payload.slice(0, -4)), example.payload.slice(-4));
    const decoded = decodeVietQr(example.payload);
    assert.ok(decoded.ok, JSON.stringify(decoded));
    const { input } = example;
    assert.deepEqual(decoded.value, {
      dynamic: input.dynamic,
      bin: input.bin,
      account: input.account,
      service: input.service ?? 'account',
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      currency: '704',
      country: 'VN',
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(input.billNumber !== undefined ? { billNumber: input.billNumber } : {}),
    });
  });
}

for (const printed of published.napas.printedDefects) {
  test(`${printed.name}: the printed CRC is right for the printed bytes, the length is not`, () => {
    assert.equal(crc16(printed.payload.slice(0, -4)), printed.payload.slice(-4));
    assert.deepEqual(decodeVietQr(printed.payload), {
      ok: false,
      problems: [
        {
          code: 'vietqr-malformed',
          path: '/38/01',
          message:
            'Chuỗi QR sai cấu trúc EMV tại vị trí 26: expected a 2-digit ID and a 2-digit length.',
          params: { offset: 26, detail: 'expected a 2-digit ID and a 2-digit length' },
        },
      ],
    });
    // With the length corrected, our encoder gives what an independent generator gives.
    assert.deepEqual(encodeVietQr(printed.corrected.input), {
      ok: true,
      payload: printed.corrected.payload,
    });
  });
}

test('EMVCo MPM example: CRC A13A over its UTF-8 bytes, and exactly its data objects', () => {
  const { payload, objects } = published.emvco;
  assert.equal(crc16(payload.slice(0, -4)), 'A13A');
  const parsed = parseTlv(payload);
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.objects.map((o) => [o.id, o.value]),
    objects,
  );
  // A valid EMVCo payload, but a Chinese merchant's, not a NAPAS transfer: said so, exactly.
  assert.deepEqual(decodeVietQr(payload), {
    ok: false,
    problems: [
      {
        code: 'vietqr-invalid-field',
        path: '/53',
        message: 'Trường 53 của chuỗi QR có giá trị không hợp lệ "156".',
        params: { id: '53', value: '156' },
      },
    ],
  });
});

test('one changed character of a published example is caught by its CRC', () => {
  const good = published.napas.examples[1]!.payload;
  const bad = good.replace('180000', '980000');
  assert.deepEqual(decodeVietQr(bad), {
    ok: false,
    problems: [
      {
        code: 'vietqr-crc-mismatch',
        path: '/63',
        message: `Mã kiểm tra CRC của chuỗi QR là 2E2E, đúng ra phải là ${crc16(bad.slice(0, -4))}.`,
        params: { actual: '2E2E', expected: crc16(bad.slice(0, -4)) },
      },
    ],
  });
});
