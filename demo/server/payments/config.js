// Payment configuration of the reference receiver, from environment variables (docs/payments.md).
// The gateway's secret is only ever read here and used on the server.

export const VNPAY_SANDBOX_URL = 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html';

/**
 * @typedef {object} PaymentConfig
 * @property {string | undefined} publicUrl Origin the gateway sends the citizen back to.
 * @property {{ name: string, taxCode: string, receiptTemplate: string, receiptSeries: string }} agency
 * @property {{ bin: string, account: string, accountName: string } | undefined} vietqr
 * @property {import('./vnpay.js').VnpayConfig | undefined} vnpay
 * @property {boolean} simulator Mount the local VNPay simulator (demo and tests only).
 */

/**
 * @param {Record<string, string | undefined>} env
 * @returns {PaymentConfig}
 */
export function loadPaymentConfig(env = process.env) {
  const v = (/** @type {string} */ name) => env[name]?.trim() || undefined;
  const publicUrl = v('PUBLIC_URL');
  if (publicUrl && !/^https?:\/\/[^/?#]+$/.test(publicUrl)) {
    throw new Error(
      `PUBLIC_URL must be an origin like https://dichvucong.example.gov.vn, got "${publicUrl}"`,
    );
  }
  const bin = v('VIETQR_BIN');
  const account = v('VIETQR_ACCOUNT');
  if ((bin || account) && !(bin && account)) {
    throw new Error('VIETQR_BIN and VIETQR_ACCOUNT must be set together');
  }
  if (bin && !/^\d{6}$/.test(bin)) throw new Error(`VIETQR_BIN must be 6 digits, got "${bin}"`);
  if (account && !/^[A-Za-z0-9]{1,19}$/.test(account)) {
    throw new Error('VIETQR_ACCOUNT must be 1 to 19 letters or digits');
  }
  const tmnCode = v('VNPAY_TMN_CODE');
  const hashSecret = v('VNPAY_HASH_SECRET');
  if ((tmnCode || hashSecret) && !(tmnCode && hashSecret)) {
    throw new Error('VNPAY_TMN_CODE and VNPAY_HASH_SECRET must be set together');
  }
  const payUrl = v('VNPAY_PAY_URL') ?? VNPAY_SANDBOX_URL;
  if (!/^https:\/\/[^\s?#]+$/.test(payUrl)) throw new Error('VNPAY_PAY_URL must be an https URL');
  return {
    publicUrl,
    agency: {
      name: v('AGENCY_NAME') ?? 'Cơ quan tiếp nhận hồ sơ (bản trình diễn)',
      taxCode: v('AGENCY_TAX_CODE') ?? '',
      receiptTemplate: v('RECEIPT_TEMPLATE') ?? '',
      receiptSeries: v('RECEIPT_SERIES') ?? '',
    },
    vietqr:
      bin && account ? { bin, account, accountName: v('VIETQR_ACCOUNT_NAME') ?? '' } : undefined,
    vnpay: tmnCode && hashSecret ? { tmnCode, hashSecret, payUrl } : undefined,
    simulator: v('PAYMENT_SIMULATOR') === '1',
  };
}
