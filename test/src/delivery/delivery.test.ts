// src/delivery: the result-delivery choice, one check for the form and verify; and verify
// refusing a payload whose choice was changed after signing or never made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  asksDelivery,
  checkDelivery,
  normalizeDelivery,
  postageFor,
  totalToPay,
  type DeliveryChoice,
} from '../../../src/delivery/index.js';
import { verifyMessage, verifySubmission } from '../../../src/verify/index.js';
import {
  isCommuneInProvince2025,
  loadCommuneCodes2025,
  provinceOfCommune2025,
} from '../../../src/data/admin-codes-2025.js';
import { canonicalize } from '../../../src/jcs/index.js';
import { signPayload } from '../../../src/signing/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  headerText,
  payloadFor,
  setup,
  signRaw,
} from '../verify/helpers.js';

const POST = { resultDelivery: ['post', 'in-person'] as Procedure['resultDelivery'] };
const GOOD: DeliveryChoice = {
  method: 'post',
  recipient: {
    fullName: ' Nguyễn  Thị   Hoa ',
    phone: '+84 912 345 678',
    address: { province: '01', commune: '00004', street: ' Số 5, ngõ 12 Phố Huế ' },
  },
};

test('asks when post is offered; not otherwise', () => {
  assert.equal(asksDelivery(POST), true);
  assert.equal(asksDelivery({ resultDelivery: ['post'] }), true);
  assert.equal(asksDelivery({ resultDelivery: ['online', 'in-person'] }), false);
  assert.equal(asksDelivery({ resultDelivery: ['online'] }), false);
});

test("the procedure's postage wins over the agency tariff; none = unknown", () => {
  assert.equal(postageFor({ ...POST, postage: 25000 }, { postage: 30000 }), 25000);
  assert.equal(postageFor(POST, { postage: 30000 }), 30000);
  assert.equal(postageFor(POST), undefined);
  assert.equal(totalToPay(135000, { method: 'post', postage: 30000 }), 165000);
  assert.equal(totalToPay(135000, { method: 'in-person' }), 135000);
});

test('normalized: NFC, single spaces, phone as 10 digits, postage from the procedure', () => {
  assert.deepEqual(normalizeDelivery(GOOD, { ...POST, postage: 30000 }), {
    method: 'post',
    recipient: {
      fullName: 'Nguyễn Thị Hoa',
      phone: '0912345678',
      address: { province: '01', commune: '00004', street: 'Số 5, ngõ 12 Phố Huế' },
    },
    postage: 30000,
  });
  assert.deepEqual(normalizeDelivery({ ...GOOD, method: 'in-person' }, POST), {
    method: 'in-person',
  });
});

test('a complete choice has no problems', () => {
  const p = { ...POST, postage: 30000 };
  assert.deepEqual(checkDelivery(normalizeDelivery(GOOD, p), p), []);
  assert.deepEqual(checkDelivery({ method: 'in-person' }, p), []);
  assert.deepEqual(checkDelivery(undefined, { resultDelivery: ['online'] }), []);
});

test('each missing or wrong part gets a Vietnamese message at its path', () => {
  const p = { ...POST, postage: 30000 };
  const problems = checkDelivery(
    {
      method: 'post',
      recipient: {
        fullName: 'A1',
        phone: '0123',
        address: { province: '01', commune: '', street: '' },
      },
      postage: 1000,
    },
    p,
  );
  assert.deepEqual(
    problems.map((x) => [x.path, x.message]),
    [
      ['/postage', 'Cước bưu chính trong hồ sơ là 1000 đồng, cơ quan tính 30000 đồng.'],
      [
        '/recipient/fullName',
        'Họ và tên người nhận chỉ gồm chữ cái, dấu cách, dấu nháy hoặc gạch nối, từ 2 đến 100 ký tự.',
      ],
      [
        '/recipient/phone',
        'Số điện thoại người nhận phải là số di động 10 chữ số, ví dụ 0912 345 678.',
      ],
      ['/recipient/address/commune', 'Vui lòng chọn xã, phường, đặc khu nhận kết quả.'],
      ['/recipient/address/street', 'Vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố.'],
    ],
  );
  assert.deepEqual(
    checkDelivery(undefined, POST).map((x) => [x.code, x.message]),
    [['delivery-method-required', 'Vui lòng chọn cách nhận kết quả.']],
  );
  assert.deepEqual(
    checkDelivery({ method: 'online' }, POST, { lang: 'en' }).map((x) => x.message),
    ['This procedure does not return results by "online".'],
  );
  assert.deepEqual(
    checkDelivery(normalizeDelivery(GOOD, POST), POST).map((x) => x.code),
    ['delivery-postage-unknown'],
  );
  const bad = normalizeDelivery(
    {
      ...GOOD,
      recipient: { ...GOOD.recipient!, address: { province: '02', commune: '99999', street: 'x' } },
    },
    p,
  );
  assert.deepEqual(
    checkDelivery(bad, p).map((x) => x.code),
    ['delivery-address-invalid'],
  );
});

// --- the commune must be in the province -----------------------------------------------------
const UNITS = JSON.parse(
  readFileSync(new URL('../../../src/data/admin-units-2025.json', import.meta.url), 'utf8'),
) as { provinces: [string, string][]; communes: [string, string, string][] };

/** A post choice to `province`/`commune`, otherwise complete (postage 30,000 đ). */
const postTo = (province: string, commune: string): DeliveryChoice => ({
  method: 'post',
  recipient: {
    fullName: 'Nguyễn Thị Hoa',
    phone: '0912345678',
    address: { province, commune, street: 'Số 5 Phố Huế' },
  },
  postage: 30000,
});
const P30 = { ...POST, postage: 30000 };

test('a commune of another province is refused at the commune, in Vietnamese and English', () => {
  // Phường Ba Đình (00004) is in Hà Nội (01), not in Thành phố Hồ Chí Minh (79).
  assert.deepEqual(checkDelivery(postTo('01', '00004'), P30), []);
  const vi = checkDelivery(postTo('79', '00004'), P30);
  assert.deepEqual(vi, [
    {
      code: 'delivery-commune-not-in-province',
      path: '/recipient/address/commune',
      message:
        'Xã, phường, đặc khu đã chọn không thuộc tỉnh, thành phố đã chọn; vui lòng chọn lại xã, phường, đặc khu.',
      params: {},
    },
  ]);
  assert.deepEqual(
    checkDelivery(postTo('79', '00004'), P30, { lang: 'en' }).map((p) => p.message),
    [
      'The commune or ward chosen is not in the province or city chosen; choose the commune or ward again.',
    ],
  );
  // Unknown codes stay "not in the list", not "in another province".
  assert.deepEqual(
    checkDelivery(postTo('79', '99999'), P30).map((p) => p.code),
    ['delivery-address-invalid'],
  );
});

test('every 2025 commune is accepted in its own province and refused in another', async () => {
  // checkDelivery reads the tables itself (above, before anything loaded them); these checks
  // read the lazily loaded copy.
  await loadCommuneCodes2025();
  assert.equal(UNITS.communes.length, 3321);
  const provinces = UNITS.provinces.map(([code]) => code);
  for (const [commune, , province] of UNITS.communes) {
    assert.equal(provinceOfCommune2025(commune), province, commune);
    const other = provinces[(provinces.indexOf(province) + 1) % provinces.length]!;
    assert.equal(isCommuneInProvince2025(commune, other), false, `${commune} in ${other}`);
  }
  assert.equal(provinceOfCommune2025('00005'), undefined);
  assert.equal(provinceOfCommune2025('0004'), undefined);
});

test('property: the check refuses exactly the pairs the unit list puts in different provinces', () => {
  const provinceOf = new Map(UNITS.communes.map(([c, , p]) => [c, p]));
  const codes = [...provinceOf.keys()];
  const provinces = UNITS.provinces.map(([code]) => code);
  fc.assert(
    fc.property(fc.constantFrom(...codes), fc.constantFrom(...provinces), (commune, province) => {
      const problems = checkDelivery(postTo(province, commune), P30).map((p) => p.code);
      assert.deepEqual(
        problems,
        provinceOf.get(commune) === province ? [] : ['delivery-commune-not-in-province'],
      );
    }),
    { numRuns: 500 },
  );
});

// --- verify ---------------------------------------------------------------------------------
const POST_PROCEDURE_TEXT = PROCEDURE_TEXT.replace(
  '"resultDelivery": ["online"]',
  '"resultDelivery": ["online", "post"], "postage": 30000',
);
const POST_PROCEDURE = JSON.parse(POST_PROCEDURE_TEXT) as Procedure;

async function signedWith(delivery: DeliveryChoice | undefined) {
  const payload = await payloadFor();
  const { sha256Hex } = await import('../../../src/submission/index.js');
  payload.procedure.sha256 = await sha256Hex(POST_PROCEDURE_TEXT);
  if (delivery) payload.delivery = delivery;
  else delete payload.delivery;
  return signRaw(await headerText(), canonicalize(payload));
}
const options = { procedure: POST_PROCEDURE, procedureText: POST_PROCEDURE_TEXT, now: NOW };

test('verify accepts the signed choice and refuses a missing or altered one', async () => {
  assert.ok(POST_PROCEDURE_TEXT !== PROCEDURE_TEXT, 'the fixture offers post');
  const good = normalizeDelivery(GOOD, POST_PROCEDURE);
  const ok = await verifySubmission(await signedWith(good), options);
  assert.equal(ok.ok, true, JSON.stringify(ok));
  assert.deepEqual(ok.ok && ok.submission.delivery, good);

  const missing = await verifySubmission(await signedWith(undefined), options);
  assert.deepEqual(missing.ok ? [] : missing.errors, [
    {
      code: 'invalid-delivery',
      message: 'Result delivery: Choose how to receive the result.',
      pointer: '/delivery/method',
      params: { problem: 'delivery-method-required', detail: 'Choose how to receive the result.' },
    },
  ]);
  const cheap = await verifySubmission(await signedWith({ ...good, postage: 0 }), options);
  assert.deepEqual(cheap.ok ? [] : cheap.errors.map((e) => [e.code, e.pointer, e.message]), [
    [
      'invalid-delivery',
      '/delivery/postage',
      'Result delivery: The postage in the application is 0 VND; the agency charges 30000 VND.',
    ],
  ]);
  const smuggled = await verifySubmission(
    await signedWith({
      method: 'post',
      recipient: good.recipient,
      postage: 30000,
      extra: 1,
    } as never),
    options,
  );
  assert.equal(smuggled.ok ? '' : smuggled.errors[0]!.pointer, '/delivery/extra');
});

test('verify refuses a recipient commune outside the chosen province, with both languages', async () => {
  const moved = normalizeDelivery(postTo('79', '00004'), POST_PROCEDURE);
  const r = await verifySubmission(await signedWith(moved), options);
  assert.equal(r.ok, false);
  const errors = r.ok ? [] : r.errors;
  assert.deepEqual(
    errors.map((e) => [e.code, e.pointer, e.message]),
    [
      [
        'invalid-delivery',
        '/delivery/recipient/address/commune',
        'Result delivery: The commune or ward chosen is not in the province or city chosen; choose the commune or ward again.',
      ],
    ],
  );
  assert.equal(
    verifyMessage('invalid-delivery', errors[0]!.params, 'vi'),
    'Cách nhận kết quả: Xã, phường, đặc khu đã chọn không thuộc tỉnh, thành phố đã chọn; vui lòng chọn lại xã, phường, đặc khu.',
  );
  const home = normalizeDelivery(postTo('01', '00004'), POST_PROCEDURE);
  assert.equal((await verifySubmission(await signedWith(home), options)).ok, true);
});

test('the signed procedure without post keeps verifying without a choice', async () => {
  const jws = await signPayload(await payloadFor(), (await setup()).signer);
  const r = await verifySubmission(jws, {
    procedure: PROCEDURE,
    procedureText: PROCEDURE_TEXT,
    now: NOW,
  });
  assert.equal(r.ok, true);
});
