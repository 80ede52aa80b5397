/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR for transfers over NAPAS 247
 * (inter-bank fund transfer to an account or a card). Banking apps in Việt Nam read it and fill
 * in the beneficiary bank, account, amount and transfer description.
 *
 * Payload (root): 00 format "01"; 01 initiation "11" static (reusable) / "12" dynamic (one
 * payment); 38 merchant account information = { 00 GUID "A000000727" (NAPAS), 01 beneficiary =
 * { 00 acquirer BIN (6 digits), 01 account or card number }, 02 service "QRIBFTTA" (to account) /
 * "QRIBFTTC" (to card) }; 53 currency "704" (VND); 54 amount (optional); 58 country "VN";
 * 62 additional data = { 01 bill number, 08 purpose of transaction }; 63 CRC-16/CCITT-FALSE over
 * everything before its value, including "6304". Checked byte for byte against the examples of
 * the NAPAS specification and EMVCo's (test/src/payment/fixtures/published-examples.json).
 */
import { crc16, parseTlv, tlv, type DataObject } from './emv.js';

export const NAPAS_GUID = 'A000000727';
export const VIETQR_SERVICE = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const;
export type VietQrService = keyof typeof VIETQR_SERVICE;

export const VIETQR_PROBLEM = {
  invalidBin: 'vietqr-invalid-bin',
  invalidAccount: 'vietqr-invalid-account',
  invalidAmount: 'vietqr-invalid-amount',
  invalidPurpose: 'vietqr-invalid-purpose',
  invalidBillNumber: 'vietqr-invalid-bill-number',
  malformed: 'vietqr-malformed',
  crcMismatch: 'vietqr-crc-mismatch',
  notVietQr: 'vietqr-not-vietqr',
  missingField: 'vietqr-missing-field',
  invalidField: 'vietqr-invalid-field',
} as const;
export type VietQrProblemCode = (typeof VIETQR_PROBLEM)[keyof typeof VIETQR_PROBLEM];

/** A problem with a VietQR input or payload: `path` names the field or the EMV ID path. */
export interface VietQrProblem {
  readonly code: VietQrProblemCode;
  readonly path: string;
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface VietQrInput {
  /** The beneficiary bank's 6-digit NAPAS BIN (e.g. 970436 Vietcombank, 970415 VietinBank). */
  readonly bin: string;
  /** Account number (letters and digits, up to 19) or card number for `service: 'card'`. */
  readonly account: string;
  readonly service?: VietQrService;
  /** Amount in đồng, a whole number; omitted = the payer types it. */
  readonly amount?: number;
  /**
   * Transfer description (ID 62/08), e.g. the dossier code. Vietnamese letters are folded to
   * ASCII (`Lệ phí` → `Le phi`) because not every bank app keeps them; at most 25 characters.
   */
  readonly purpose?: string;
  /**
   * Bill number (ID 62/01, EMVCo "Bill Number"), e.g. an invoice or order number; folded to ASCII
   * like `purpose`, at most 25 characters.
   */
  readonly billNumber?: string;
  /** One payment ("12", the default when an amount is given) or reusable ("11"). */
  readonly dynamic?: boolean;
}

export interface VietQr {
  readonly dynamic: boolean;
  readonly bin: string;
  readonly account: string;
  readonly service: VietQrService;
  readonly amount?: number;
  readonly currency: '704';
  readonly country: 'VN';
  readonly purpose?: string;
  readonly billNumber?: string;
}

const MAX_PURPOSE = 25;
const MAX_ACCOUNT = 19;

/** Vietnamese text folded to printable ASCII: diacritics removed, đ → d. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const messages: Record<VietQrProblemCode, (p: Record<string, string | number>) => string> = {
  'vietqr-invalid-bin': (p) =>
    `Mã BIN ngân hàng phải gồm đúng 6 chữ số, nhận được "${p['value']}".`,
  'vietqr-invalid-account': (p) =>
    `Số tài khoản/số thẻ chỉ gồm chữ và số, tối đa ${MAX_ACCOUNT} ký tự, nhận được "${p['value']}".`,
  'vietqr-invalid-amount': (p) =>
    `Số tiền phải là số nguyên dương (đồng), tối đa 13 chữ số, nhận được "${p['value']}".`,
  'vietqr-invalid-purpose': (p) =>
    `Nội dung chuyển khoản tối đa ${MAX_PURPOSE} ký tự chữ không dấu, số và dấu câu, nhận được "${p['value']}".`,
  'vietqr-invalid-bill-number': (p) =>
    `Số hoá đơn tối đa ${MAX_PURPOSE} ký tự chữ không dấu, số và dấu câu, nhận được "${p['value']}".`,
  'vietqr-malformed': (p) => `Chuỗi QR sai cấu trúc EMV tại vị trí ${p['offset']}: ${p['detail']}.`,
  'vietqr-crc-mismatch': (p) =>
    `Mã kiểm tra CRC của chuỗi QR là ${p['actual']}, đúng ra phải là ${p['expected']}.`,
  'vietqr-not-vietqr': () =>
    'Đây không phải mã VietQR (không có thông tin tài khoản NAPAS ở trường 38).',
  'vietqr-missing-field': (p) => `Chuỗi QR thiếu trường bắt buộc ${p['id']}.`,
  'vietqr-invalid-field': (p) =>
    `Trường ${p['id']} của chuỗi QR có giá trị không hợp lệ "${p['value']}".`,
};

function problem(
  code: VietQrProblemCode,
  path: string,
  params: Record<string, string | number>,
): VietQrProblem {
  return { code, path, message: messages[code](params), params };
}

/** Text that folds to 1 to 25 printable ASCII characters (IDs 62/01 and 62/08). */
const printable = (text: string) => /^[\x20-\x7e]{1,25}$/.test(foldToAscii(text));

/** The problems of a VietQR input; empty when it can be encoded. */
export function checkVietQrInput(input: VietQrInput): VietQrProblem[] {
  const out: VietQrProblem[] = [];
  if (!/^\d{6}$/.test(input.bin))
    out.push(problem('vietqr-invalid-bin', '/bin', { value: input.bin }));
  if (!new RegExp(`^[A-Za-z0-9]{1,${MAX_ACCOUNT}}$`).test(input.account)) {
    out.push(problem('vietqr-invalid-account', '/account', { value: input.account }));
  }
  if (
    input.amount !== undefined &&
    !(Number.isSafeInteger(input.amount) && input.amount > 0 && String(input.amount).length <= 13)
  ) {
    out.push(problem('vietqr-invalid-amount', '/amount', { value: String(input.amount) }));
  }
  if (input.purpose !== undefined && !printable(input.purpose)) {
    out.push(problem('vietqr-invalid-purpose', '/purpose', { value: input.purpose }));
  }
  if (input.billNumber !== undefined && !printable(input.billNumber)) {
    out.push(problem('vietqr-invalid-bill-number', '/billNumber', { value: input.billNumber }));
  }
  return out;
}

/**
 * The VietQR payload for an input, or its problems. The string goes into a QR code as is
 * (byte mode); it is pure ASCII.
 */
export function encodeVietQr(
  input: VietQrInput,
): { ok: true; payload: string } | { ok: false; problems: VietQrProblem[] } {
  const problems = checkVietQrInput(input);
  if (problems.length) return { ok: false, problems };
  const dynamic = input.dynamic ?? input.amount !== undefined;
  const service = VIETQR_SERVICE[input.service ?? 'account'];
  let body =
    tlv('00', '01') +
    tlv('01', dynamic ? '12' : '11') +
    tlv(
      '38',
      tlv('00', NAPAS_GUID) +
        tlv('01', tlv('00', input.bin) + tlv('01', input.account)) +
        tlv('02', service),
    ) +
    tlv('53', '704');
  if (input.amount !== undefined) body += tlv('54', String(input.amount));
  body += tlv('58', 'VN');
  const extra =
    (input.billNumber !== undefined ? tlv('01', foldToAscii(input.billNumber)) : '') +
    (input.purpose !== undefined ? tlv('08', foldToAscii(input.purpose)) : '');
  if (extra) body += tlv('62', extra);
  body += '6304';
  return { ok: true, payload: body + crc16(body) };
}

const find = (objects: readonly DataObject[], id: string) =>
  objects.find((o) => o.id === id)?.value;

/** Reads a VietQR payload back, checking its structure and CRC. */
export function decodeVietQr(
  payload: string,
): { ok: true; value: VietQr } | { ok: false; problems: VietQrProblem[] } {
  const fail = (
    code: VietQrProblemCode,
    path: string,
    params: Record<string, string | number>,
  ) => ({
    ok: false as const,
    problems: [problem(code, path, params)],
  });
  const root = parseTlv(payload);
  if (!root.ok) return fail('vietqr-malformed', '', { offset: root.offset, detail: root.detail });
  const last = root.objects.at(-1);
  if (!last || last.id !== '63' || last.value.length !== 4) {
    return fail('vietqr-missing-field', '/63', { id: '63' });
  }
  const expected = crc16(payload.slice(0, -4));
  if (last.value.toUpperCase() !== expected) {
    return fail('vietqr-crc-mismatch', '/63', { actual: last.value, expected });
  }
  for (const [id, want] of [
    ['00', /^01$/],
    ['01', /^1[12]$/],
    ['53', /^704$/],
    ['58', /^VN$/],
  ] as const) {
    const v = find(root.objects, id);
    if (v === undefined) return fail('vietqr-missing-field', `/${id}`, { id });
    if (!want.test(v)) return fail('vietqr-invalid-field', `/${id}`, { id, value: v });
  }
  const merchant = find(root.objects, '38');
  const m = merchant === undefined ? undefined : parseTlv(merchant);
  if (!m?.ok || find(m.objects, '00') !== NAPAS_GUID) return fail('vietqr-not-vietqr', '/38', {});
  const ben = parseTlv(find(m.objects, '01') ?? '');
  // A length that does not match its value (the printed static example of the NAPAS
  // specification has one) is a malformed template, not a missing field.
  if (!ben.ok)
    return fail('vietqr-malformed', '/38/01', { offset: ben.offset, detail: ben.detail });
  const bin = find(ben.objects, '00');
  const account = find(ben.objects, '01');
  if (!bin || !/^\d{6}$/.test(bin))
    return fail('vietqr-invalid-field', '/38/01/00', { id: '38/01/00', value: bin ?? '' });
  if (!account) return fail('vietqr-missing-field', '/38/01/01', { id: '38/01/01' });
  const serviceCode = find(m.objects, '02');
  const service = (Object.keys(VIETQR_SERVICE) as VietQrService[]).find(
    (k) => VIETQR_SERVICE[k] === serviceCode,
  );
  if (!service)
    return fail('vietqr-invalid-field', '/38/02', { id: '38/02', value: serviceCode ?? '' });
  const amountText = find(root.objects, '54');
  if (amountText !== undefined && !/^[1-9]\d{0,12}$/.test(amountText)) {
    return fail('vietqr-invalid-field', '/54', { id: '54', value: amountText });
  }
  const extra = find(root.objects, '62');
  let purpose: string | undefined;
  let billNumber: string | undefined;
  if (extra !== undefined) {
    const e = parseTlv(extra);
    if (!e.ok) return fail('vietqr-malformed', '/62', { offset: e.offset, detail: e.detail });
    purpose = find(e.objects, '08');
    billNumber = find(e.objects, '01');
  }
  return {
    ok: true,
    value: {
      dynamic: find(root.objects, '01') === '12',
      bin,
      account,
      service,
      ...(amountText !== undefined ? { amount: Number(amountText) } : {}),
      currency: '704',
      country: 'VN',
      ...(purpose !== undefined ? { purpose } : {}),
      ...(billNumber !== undefined ? { billNumber } : {}),
    },
  };
}
