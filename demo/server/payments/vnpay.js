// The VNPay payment-gateway protocol, version 2.1.0 (VNPay's public merchant integration guide,
// "Cổng thanh toán VNPAY – Tài liệu kỹ thuật tích hợp", sandbox.vnpayment.vn/apis/docs/):
// - pay: the browser is redirected to the gateway with vnp_* parameters and vnp_SecureHash =
//   hex HMAC-SHA512(secret, the parameters sorted by name, each value form-urlencoded
//   (encodeURIComponent with spaces as "+"), joined as k=v&k=v);
// - return: the gateway redirects the browser to vnp_ReturnUrl with result parameters signed
//   the same way (for display only: the browser can be forged or never come back);
// - IPN: the gateway calls the merchant's IPN URL server to server with the same signed
//   parameters; the merchant answers JSON { RspCode, Message } and the gateway retries until it
//   gets "00" or "02".
import { createHmac, timingSafeEqual } from 'node:crypto';

export const VNPAY_VERSION = '2.1.0';

/** IPN answers (VNPay's list); the gateway retries on anything but 00 and 02. */
export const IPN_ANSWER = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
};

/** Response codes the receiver tells the citizen about (vnp_ResponseCode). */
export const VNPAY_RESPONSE = { success: '00', cancelled: '24' };

/** @param {string} value */
const formEncode = (value) => encodeURIComponent(value).replace(/%20/g, '+');

/**
 * The string VNPay signs: vnp_* parameters except the hash fields, sorted by name, form-encoded.
 * @param {Record<string, string>} params
 */
export function signedData(params) {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .filter((k) => params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(String(params[k]))}`)
    .join('&');
}

/**
 * @param {Record<string, string>} params
 * @param {string} secret
 */
export function sign(params, secret) {
  return createHmac('sha512', secret).update(signedData(params), 'utf8').digest('hex');
}

/**
 * Whether `params` carry a valid vnp_SecureHash for `secret` (constant-time comparison).
 * @param {Record<string, unknown>} params
 * @param {string} secret
 */
export function verifySignature(params, secret) {
  const given = params.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  /** @type {Record<string, string>} */
  const strings = {};
  for (const [k, v] of Object.entries(params)) {
    // A repeated parameter arrives as an array: never a valid gateway message.
    if (typeof v !== 'string') return false;
    strings[k] = v;
  }
  const expected = Buffer.from(sign(strings, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/**
 * `yyyyMMddHHmmss` in Việt Nam time (GMT+7), the gateway's date format.
 * @param {Date} date
 */
export function vnpDate(date) {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

// VnpayConfig (tmnCode, hashSecret, payUrl, expireMinutes) is declared in vnpay.d.ts, where the
// other modules' JSDoc (`import('./vnpay.js').VnpayConfig`) finds it.
/** @typedef {import('./vnpay.js').VnpayConfig} VnpayConfig */

/**
 * The payment gateway adapter for VNPay. Every gateway the receiver supports implements the
 * same three calls (docs/payments.md#gateway-adapter).
 * @param {VnpayConfig} config
 * @returns {import('./gateway.js').PaymentGateway}
 */
export function createVnpayGateway(config) {
  const read = (/** @type {Record<string, unknown>} */ params) => {
    const p = /** @type {Record<string, string>} */ (params);
    const raw = p.vnp_Amount;
    const amount = /^\d{1,18}$/.test(raw ?? '') ? Number(raw) / 100 : NaN;
    return {
      paymentId: p.vnp_TxnRef ?? '',
      amount,
      success:
        p.vnp_ResponseCode === VNPAY_RESPONSE.success &&
        (p.vnp_TransactionStatus ?? VNPAY_RESPONSE.success) === VNPAY_RESPONSE.success,
      responseCode: p.vnp_ResponseCode ?? '',
      providerTransaction: p.vnp_TransactionNo ?? '',
      bankCode: p.vnp_BankCode ?? '',
      paidAt: p.vnp_PayDate ?? '',
    };
  };
  return {
    name: 'vnpay',
    createPaymentUrl({ paymentId, amount, description, returnUrl, ipAddr, lang, now }) {
      const params = {
        vnp_Version: VNPAY_VERSION,
        vnp_Command: 'pay',
        vnp_TmnCode: config.tmnCode,
        vnp_Amount: String(Math.round(amount * 100)),
        vnp_CurrCode: 'VND',
        vnp_TxnRef: paymentId,
        vnp_OrderInfo: description,
        vnp_OrderType: 'other',
        vnp_Locale: lang === 'en' ? 'en' : 'vn',
        vnp_ReturnUrl: returnUrl,
        vnp_IpAddr: ipAddr,
        vnp_CreateDate: vnpDate(now),
        vnp_ExpireDate: vnpDate(new Date(now.getTime() + (config.expireMinutes ?? 15) * 60_000)),
      };
      const query = signedData(params);
      return `${config.payUrl}?${query}&vnp_SecureHash=${sign(params, config.hashSecret)}`;
    },
    verifyCallback(params) {
      if (params.vnp_TmnCode !== config.tmnCode) return { valid: false };
      if (!verifySignature(params, config.hashSecret)) return { valid: false };
      return { valid: true, ...read(params) };
    },
    ipnAnswer: (kind) => IPN_ANSWER[kind],
  };
}
