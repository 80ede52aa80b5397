// A local stand-in for the VNPay gateway that speaks the same signed protocol (vnpay.js): it
// checks the merchant's signature on the payment URL, shows a "bank" page where the citizen
// pays or cancels, calls the merchant's IPN URL server to server with a signed result, then
// sends the browser to vnp_ReturnUrl with the same signed result. Used by the e2e tests and by
// the demo with PAYMENT_SIMULATOR=1; it moves no money. Listens on 127.0.0.1 only.
import Fastify from 'fastify';
import { randomInt } from 'node:crypto';
import { html, page, pageCsp } from './html.js';
import { sign, verifySignature, vnpDate, VNPAY_VERSION } from './vnpay.js';

// SimulatorOptions (tmnCode, hashSecret, ipnUrl, now, prefix) is declared in simulator.d.ts,
// beside the functions' types the tests and app.js import.
/** @typedef {import('./simulator.js').SimulatorOptions} SimulatorOptions */

/**
 * Adds the simulator's routes to a Fastify scope.
 * @param {import('fastify').FastifyInstance} scope
 * @param {SimulatorOptions} options
 */
export function registerVnpaySimulator(scope, options) {
  const now = options.now ?? (() => new Date());
  const prefix = options.prefix ?? '';
  /** @type {{ url: string, status: number, body: unknown }[]} */
  const ipnCalls = [];
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  /** @param {Record<string, unknown>} q */
  const checkRequest = (q) => {
    if (!verifySignature(q, options.hashSecret)) return 'Sai chữ ký (vnp_SecureHash).';
    if (q.vnp_TmnCode !== options.tmnCode) return 'Mã website (vnp_TmnCode) không đúng.';
    if (q.vnp_Version !== VNPAY_VERSION || q.vnp_Command !== 'pay') return 'Sai phiên bản/lệnh.';
    if (!/^\d+$/.test(String(q.vnp_Amount)) || Number(q.vnp_Amount) % 100 !== 0) {
      return 'Số tiền không hợp lệ.';
    }
    if (typeof q.vnp_ExpireDate === 'string' && q.vnp_ExpireDate < vnpDate(now())) {
      return 'Giao dịch đã quá thời gian chờ thanh toán.';
    }
    return '';
  };

  scope.get(`${prefix}/paymentv2/vpcpay.html`, async (request, reply) => {
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const error = checkRequest(q);
    // The confirm form ends in a redirect to the merchant's return URL: form-action must allow it.
    let returnOrigin = '';
    try {
      returnOrigin = new URL(String(q.vnp_ReturnUrl)).origin;
    } catch {
      // no return URL: the checks below refuse the request anyway
    }
    reply
      .header('content-security-policy', pageCsp(returnOrigin ? [returnOrigin] : []))
      .type('text/html; charset=utf-8');
    if (error) {
      return reply.code(400).send(
        page({
          script: false,
          title: 'Lỗi giao dịch',
          body: html`<h1>Giao dịch không hợp lệ</h1>
            <p>${error}</p>`,
        }),
      );
    }
    const hidden = Object.entries(q).map(
      ([k, v]) => html`<input type="hidden" name="${k}" value="${String(v)}" />`,
    );
    const amount = Number(q.vnp_Amount) / 100;
    return page({
      script: false,
      title: 'Cổng thanh toán mô phỏng',
      body: html`<h1>Cổng thanh toán (mô phỏng VNPay)</h1>
        <p class="warning"><strong>Bản mô phỏng để thử nghiệm:</strong> không có tiền thật.</p>
        <dl class="payment-summary">
          <dt>Đơn vị nhận</dt>
          <dd>${String(q.vnp_TmnCode)}</dd>
          <dt>Nội dung</dt>
          <dd>${String(q.vnp_OrderInfo)}</dd>
          <dt>Số tiền</dt>
          <dd>${amount.toLocaleString('vi-VN')} đ</dd>
        </dl>
        <form method="post" action="${prefix}/paymentv2/confirm">
          ${hidden}
          <button type="submit" name="outcome" value="pay">Thanh toán</button>
          <button type="submit" name="outcome" value="cancel" class="secondary">
            Huỷ giao dịch
          </button>
        </form>`,
    });
  });

  scope.post(`${prefix}/paymentv2/confirm`, async (request, reply) => {
    const body = /** @type {Record<string, string>} */ (request.body ?? {});
    const { outcome, ...original } = body;
    const error = checkRequest(original);
    if (error) return reply.code(400).type('text/plain; charset=utf-8').send(error);
    const paid = outcome === 'pay';
    /** @type {Record<string, string>} */
    const result = {
      vnp_Amount: original.vnp_Amount,
      vnp_BankCode: 'NCB',
      ...(paid ? { vnp_BankTranNo: `VNP${randomInt(1e7, 1e8)}` } : {}),
      vnp_CardType: 'ATM',
      vnp_OrderInfo: original.vnp_OrderInfo,
      vnp_PayDate: vnpDate(now()),
      vnp_ResponseCode: paid ? '00' : '24',
      vnp_TmnCode: original.vnp_TmnCode,
      vnp_TransactionNo: paid ? String(randomInt(1e7, 1e8)) : '0',
      vnp_TransactionStatus: paid ? '00' : '02',
      vnp_TxnRef: original.vnp_TxnRef,
    };
    result.vnp_SecureHash = sign(result, options.hashSecret);
    const query = new URLSearchParams(result).toString();
    // Server to server first, as the gateway does; retried a few times like the real one.
    const ipnBase = typeof options.ipnUrl === 'function' ? options.ipnUrl(request) : options.ipnUrl;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const r = await fetch(`${ipnBase}?${query}`, { signal: AbortSignal.timeout(5000) });
        const answer = await r.json().catch(() => null);
        ipnCalls.push({ url: `${ipnBase}?${query}`, status: r.status, body: answer });
        const code = /** @type {any} */ (answer)?.RspCode;
        if (code === '00' || code === '02') break;
      } catch (e) {
        ipnCalls.push({ url: `${ipnBase}?${query}`, status: 0, body: String(e) });
      }
    }
    return reply.redirect(`${original.vnp_ReturnUrl}?${query}`, 302);
  });

  return { ipnCalls };
}

/**
 * A standalone simulator on 127.0.0.1 (tests).
 * @param {Omit<SimulatorOptions, 'prefix'>} options
 */
export async function startVnpaySimulator(options) {
  const app = Fastify({ logger: false });
  const { ipnCalls } = registerVnpaySimulator(app, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    payUrl: `http://127.0.0.1:${port}/paymentv2/vpcpay.html`,
    ipnCalls,
    close: () => app.close(),
  };
}
