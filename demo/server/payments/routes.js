// Fee payment in the reference receiver: the payment page (VietQR, gateway, desk), the gateway's
// signed return and IPN, the electronic fee receipt, and the clerk's desk payments.
// The amount is always the fee of the verified payload stored with the dossier; nothing the
// browser sends changes it.
import { randomBytes } from 'node:crypto';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { sendProblem } from '../problems.js';
import { audit, auditAs, routeAction } from '../audit.js';
import { CODE_PATTERN } from '../dossier-code.js';
import { readDossier } from '../vault.js';
import { html, page, pageCsp, SafeHtml } from './html.js';
import {
  createPaymentStore,
  linkKey,
  linkToken,
  paymentSummary,
  PAYMENT_STATUS,
  tokenMatches,
} from './store.js';
import { createVnpayGateway } from './vnpay.js';
import { registerVnpaySimulator } from './simulator.js';

export const RETURN_PATH = '/thanh-toan/ket-qua';
export const IPN_PATH = '/api/payments/vnpay/ipn';
const SIMULATOR_PREFIX = '/mo-phong-vnpay';

const METHOD_LABELS = /** @type {Record<string, string>} */ ({
  vnpay: 'Thanh toán trực tuyến (VNPay)',
  desk: 'Nộp tại Bộ phận Một cửa',
  transfer: 'Chuyển khoản (VietQR)',
});

/**
 * @typedef {object} PaymentLibrary The parts of dist/engine.js the payment pages use.
 * @property {(input: object) => { ok: true, payload: string } | { ok: false, problems: { message: string }[] }} encodeVietQr
 * @property {(amount: number) => string} amountInWords
 * @property {(amount: number) => string} formatVnd
 * @property {(feeTotal: number, delivery: unknown) => number} totalToPay the rules' fee plus
 *   the postage of a delivery by post: the form's own sum (src/delivery)
 */

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').Context} ctx
 * @param {import('./config.js').PaymentConfig} config
 * @param {PaymentLibrary} lib
 */
export async function registerPaymentRoutes(app, ctx, config, lib) {
  const { db } = ctx;
  const store = createPaymentStore(db);
  const key = await linkKey(db, ctx.now());
  const byCode = db.prepare('SELECT * FROM dossiers WHERE code = ?');

  // The gateway: VNPay when configured, else the local simulator when asked for (demo).
  let vnpay = config.vnpay;
  if (!vnpay && config.simulator) {
    vnpay = { tmnCode: 'DVCDEMO1', hashSecret: randomBytes(32).toString('hex'), payUrl: '' };
    const secret = vnpay.hashSecret;
    app.register(async (scope) => {
      registerVnpaySimulator(scope, {
        tmnCode: 'DVCDEMO1',
        hashSecret: secret,
        prefix: SIMULATOR_PREFIX,
        now: ctx.now,
        ipnUrl: (request) => `${origin(request)}${IPN_PATH}`,
      });
    });
    app.log.warn('PAYMENT_SIMULATOR=1: online payments go to the local simulator, not a bank');
  }
  const gateway = vnpay ? createVnpayGateway(vnpay) : undefined;
  /** @param {import('fastify').FastifyRequest} request */
  const payUrlFor = (request) =>
    vnpay?.payUrl || `${origin(request)}${SIMULATOR_PREFIX}/paymentv2/vpcpay.html`;
  /** @param {import('fastify').FastifyRequest} request */
  function origin(request) {
    return config.publicUrl ?? `${request.protocol}://${request.host}`;
  }
  const gatewayOrigin = (/** @type {import('fastify').FastifyRequest} */ request) =>
    new URL(payUrlFor(request)).origin;

  /** A dossier's payload: stored encrypted, read through the vault (the fee is not personal). */
  const payloadOf = async (/** @type {any} */ row) =>
    (await readDossier(ctx.db, ctx.keyring, row)).payload;
  /** What the applicant pays: the verified payload's fee and postage, summed as the form does. */
  const amountDue = async (/** @type {any} */ row) => {
    const payload = await payloadOf(row);
    return lib.totalToPay(Number(payload?.fee?.total) || 0, payload?.delivery);
  };
  const procedureOf = (/** @type {any} */ row) =>
    ctx.procedures.find((p) => p.name === row.procedure_name)?.procedure;
  const feeLines = async (/** @type {any} */ row) => {
    const procedure = procedureOf(row);
    const payload = await payloadOf(row);
    const items = payload?.fee?.items ?? [];
    const lines = items.map((/** @type {any} */ item) => ({
      label:
        procedure?.fees?.items?.find((/** @type {any} */ f) => f.id === item.id)?.label?.vi ??
        item.id,
      amount: Number(item.subtotal ?? item.amount) || 0,
    }));
    if (payload?.delivery?.method === 'post' && payload.delivery.postage > 0) {
      lines.push({ label: 'Cước trả kết quả qua bưu chính', amount: payload.delivery.postage });
    }
    return lines;
  };
  /**
   * The payment page of a dossier; absolute when a request gives the origin (the form that
   * shows the receipt may be embedded on another site).
   * @param {string} code
   * @param {import('fastify').FastifyRequest} [request]
   */
  const payLink = (code, request) =>
    `${request ? origin(request) : ''}/thanh-toan/${code}?t=${linkToken(key, code)}`;

  /** The dossier a payment link names, or undefined when the code or token is wrong. */
  const dossierFromLink = async (/** @type {string} */ code, /** @type {unknown} */ token) => {
    if (!CODE_PATTERN.test(code) || !tokenMatches(key, code, token)) return undefined;
    return /** @type {any} */ (await byCode.get(code));
  };

  /**
   * @param {import('fastify').FastifyReply} reply
   * @param {number} status
   * @param {SafeHtml} body
   * @param {string} title
   * @param {string[]} [formTargets]
   */
  const sendPage = (reply, status, title, body, formTargets = []) =>
    reply
      .code(status)
      .header('cache-control', 'no-store')
      .header('content-security-policy', pageCsp(formTargets))
      .type('text/html; charset=utf-8')
      .send(page({ title, body }));

  const vietQrSvg = (/** @type {string} */ payload) => {
    const qr = generate(payload);
    const size = qr.size + 8;
    return new SafeHtml(
      `<svg class="qr" role="img" aria-label="Mã VietQR chuyển khoản" viewBox="-4 -4 ${size} ${size}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg"><rect x="-4" y="-4" width="${size}" height="${size}" fill="#fff"></rect><path d="${toSvgPath(qr)}" fill="#000"></path></svg>`,
    );
  };

  // --- the payment page ---------------------------------------------------------------------
  app.get('/thanh-toan/:code', async (request, reply) => {
    const { code } = /** @type {{ code: string }} */ (request.params);
    const { t } = /** @type {{ t?: string }} */ (request.query ?? {});
    const row = await dossierFromLink(code, t);
    if (!row) {
      return sendPage(
        reply,
        404,
        'Không tìm thấy',
        html`<h1>Không tìm thấy hồ sơ</h1>
          <p>
            Đường dẫn nộp phí không đúng hoặc đã bị sửa. Vui lòng mở lại từ giấy tiếp nhận hoặc
            trang tra cứu hồ sơ.
          </p>`,
      );
    }
    const fee = await amountDue(row);
    const summary = await paymentSummary(store, row, amountDue);
    const lines = await feeLines(row);
    const head = html`<h1>Nộp phí, lệ phí hồ sơ</h1>
      <dl class="payment-summary">
        <dt>Mã hồ sơ</dt>
        <dd class="code">${code}</dd>
        <dt>Thủ tục</dt>
        <dd>${procedureOf(row)?.title?.vi ?? row.procedure_code}</dd>
        ${lines.map(
          (/** @type {any} */ l) =>
            html`<dt>${l.label}</dt>
              <dd>${lib.formatVnd(l.amount)}</dd>`,
        )}
        <dt>Tổng cộng</dt>
        <dd><strong>${lib.formatVnd(fee)}</strong> (${lib.amountInWords(fee)})</dd>
        <dt>Tình trạng</dt>
        <dd>
          ${summary.status === 'paid' ? 'Đã nộp' : summary.status === 'not-required' ? 'Không phải nộp' : 'Chưa nộp'}
        </dd>
      </dl>`;
    if (summary.status !== 'unpaid') {
      const receipts = summary.payments.filter((p) => p.receiptNo);
      return sendPage(
        reply,
        200,
        'Nộp phí',
        html`${head}
        ${receipts.map((p) => html`<p><a href="${p.receiptUrl}">Xem biên lai ${p.receiptNo}</a></p>`)}`,
      );
    }
    let qr = html``;
    if (config.vietqr) {
      const encoded = lib.encodeVietQr({
        bin: config.vietqr.bin,
        account: config.vietqr.account,
        amount: fee,
        purpose: code,
      });
      if (encoded.ok) {
        qr = html`<section aria-labelledby="vietqr-h">
          <h2 id="vietqr-h">Chuyển khoản bằng mã VietQR</h2>
          <p>
            Mở ứng dụng ngân hàng, chọn quét mã QR. Số tiền và nội dung chuyển khoản đã có sẵn;
            <strong>không sửa nội dung</strong> để cơ quan đối chiếu được.
          </p>
          <figure>${vietQrSvg(encoded.payload)}</figure>
          <dl class="payment-summary">
            <dt>Ngân hàng (mã BIN)</dt>
            <dd>${config.vietqr.bin}</dd>
            <dt>Số tài khoản</dt>
            <dd>${config.vietqr.account}</dd>
            ${
              config.vietqr.accountName
                ? html`<dt>Chủ tài khoản</dt>
                    <dd>${config.vietqr.accountName}</dd>`
                : ''
            }
            <dt>Số tiền</dt>
            <dd>${lib.formatVnd(fee)}</dd>
            <dt>Nội dung</dt>
            <dd class="code">${code}</dd>
          </dl>
          <p>
            Cán bộ xác nhận khoản chuyển khoản khi đối chiếu sao kê; biên lai có trên trang tra cứu
            sau khi xác nhận.
          </p>
        </section>`;
      }
    }
    const online = gateway
      ? html`<section aria-labelledby="online-h">
          <h2 id="online-h">Thanh toán trực tuyến</h2>
          <p>Bằng thẻ ATM nội địa, thẻ quốc tế hoặc ứng dụng ngân hàng qua cổng thanh toán.</p>
          <form method="post" action="/thanh-toan/${code}/cong?t=${t}">
            <button type="submit">Thanh toán ${lib.formatVnd(fee)}</button>
          </form>
        </section>`
      : '';
    return sendPage(
      reply,
      200,
      'Nộp phí',
      html`${head}${online}${qr}
        <section aria-labelledby="desk-h">
          <h2 id="desk-h">Nộp tại Bộ phận Một cửa</h2>
          <p>
            ${online || qr.text ? 'Bạn cũng có thể nộp' : 'Nộp'} trực tiếp tại Bộ phận Một cửa của
            cơ quan tiếp nhận hồ sơ; đọc mã hồ sơ
            <span class="code">${code}</span> cho cán bộ.
          </p>
        </section>`,
      gateway ? [gatewayOrigin(request)] : [],
    );
  });

  // A form POST from the payment page starts a gateway payment: 303 to the signed gateway URL.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, _body, done) => done(null, {}),
    );
    scope.post('/thanh-toan/:code/cong', async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const { t } = /** @type {{ t?: string }} */ (request.query ?? {});
      const row = await dossierFromLink(code, t);
      if (!row) return sendProblem(request, reply, 'not-found');
      if (!gateway) return sendProblem(request, reply, 'payment-gateway-unavailable');
      const fee = await amountDue(row);
      if (fee === 0 || row.paid_at) return reply.redirect(payLink(code), 303);
      const now = ctx.now();
      const id = await store.createPending({ code, amount: fee, method: gateway.name, now });
      if (!id) return sendProblem(request, reply, 'too-many-payment-attempts');
      request.log.info({ dossier: code, payment: id, amount: fee }, 'payment started');
      const url = gateway.createPaymentUrl({
        paymentId: id,
        amount: fee,
        description: `Le phi ho so ${code}`,
        returnUrl: `${origin(request)}${RETURN_PATH}`,
        ipAddr: request.ip,
        lang: 'vi',
        now,
      });
      return reply.redirect(url.startsWith('http') ? url : `${payUrlFor(request)}${url}`, 303);
    });
  });

  // --- the gateway's signed answers ---------------------------------------------------------
  app.get(IPN_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!gateway) return sendProblem(request, reply, 'not-found');
    const params = /** @type {Record<string, unknown>} */ (request.query ?? {});
    try {
      const r = gateway.verifyCallback(params);
      if (!r.valid) {
        request.log.warn({ payment: String(params.vnp_TxnRef ?? '') }, 'IPN with a bad signature');
        return gateway.ipnAnswer('invalidSignature');
      }
      const outcome = await store.settle(r, ctx.now());
      request.log.info(
        { payment: r.paymentId, outcome, success: r.success },
        'payment notification',
      );
      return gateway.ipnAnswer(outcome);
    } catch (e) {
      request.log.error({ err: e }, 'IPN failed');
      return gateway.ipnAnswer('unknownError');
    }
  });

  // The browser coming back: shows what the server recorded (only the IPN changes the record).
  app.get(RETURN_PATH, async (request, reply) => {
    const params = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const r = gateway?.verifyCallback(params);
    const payment = r?.valid ? await store.get(r.paymentId ?? '') : undefined;
    if (!r?.valid || !payment) {
      return sendPage(
        reply,
        400,
        'Kết quả thanh toán',
        html`<h1>Không xác nhận được kết quả thanh toán</h1>
          <p>
            Thông tin trả về từ cổng thanh toán không hợp lệ. Nếu tài khoản của bạn đã bị trừ tiền,
            vui lòng tra cứu hồ sơ sau ít phút hoặc liên hệ cơ quan tiếp nhận.
          </p>`,
      );
    }
    const code = payment.dossier_code;
    const back = html`<p><a href="${payLink(code)}">Về trang nộp phí của hồ sơ ${code}</a></p>`;
    if (payment.status === PAYMENT_STATUS.paid) {
      return sendPage(
        reply,
        200,
        'Đã thanh toán',
        html`<h1>Đã nộp phí thành công</h1>
          <p>
            Hồ sơ <strong>${code}</strong> đã được ghi nhận nộp ${lib.formatVnd(payment.amount)}.
          </p>
          <p><a href="/bien-lai/${payment.receipt_no}">Xem và tải biên lai thu phí điện tử</a></p>`,
      );
    }
    if (payment.status === PAYMENT_STATUS.duplicate) {
      return sendPage(
        reply,
        200,
        'Đã thanh toán',
        html`<h1>Hồ sơ đã được nộp phí trước đó</h1>
          <p>
            Khoản thanh toán này trùng với một khoản đã nộp cho hồ sơ <strong>${code}</strong>. Cơ
            quan sẽ liên hệ để hoàn tiền.
          </p>
          ${back}`,
      );
    }
    if (payment.status === PAYMENT_STATUS.pending && r.success) {
      return sendPage(
        reply,
        200,
        'Đang xác nhận',
        html`<h1>Đang chờ ngân hàng xác nhận</h1>
          <p>
            Cổng thanh toán báo giao dịch thành công nhưng cơ quan chưa nhận được xác nhận từ ngân
            hàng. Vui lòng tải lại trang sau ít phút; không thanh toán lại.
          </p>
          ${back}`,
      );
    }
    return sendPage(
      reply,
      200,
      'Chưa thanh toán',
      html`<h1>Chưa nộp được phí</h1>
        <p>
          ${r.responseCode === '24' ? 'Bạn đã huỷ giao dịch.' : 'Giao dịch không thành công.'} Chưa
          có khoản tiền nào được ghi nhận cho hồ sơ <strong>${code}</strong>.
        </p>
        ${back}`,
    );
  });

  // --- the electronic fee receipt -----------------------------------------------------------
  app.get('/bien-lai/:no', async (request, reply) => {
    const { no } = /** @type {{ no: string }} */ (request.params);
    const p = /^BL\d{6}-[2-9A-HJKMNP-TV-Z]{8}$/.test(no) ? await store.byReceipt(no) : undefined;
    const row = p ? /** @type {any} */ (await byCode.get(p.dossier_code)) : undefined;
    if (!p || !row) {
      return sendPage(reply, 404, 'Không tìm thấy', html`<h1>Không tìm thấy biên lai</h1>`);
    }
    const download = /** @type {any} */ (request.query)?.['tai-ve'] === '1';
    if (download) reply.header('content-disposition', `attachment; filename="bien-lai-${no}.html"`);
    const a = config.agency;
    const lines = await feeLines(row);
    return sendPage(
      reply,
      200,
      `Biên lai ${no}`,
      html`<article class="fee-receipt" aria-labelledby="receipt-h">
        <p class="agency">${a.name}${a.taxCode ? html`<br />Mã số thuế: ${a.taxCode}` : ''}</p>
        <h1 id="receipt-h">BIÊN LAI THU PHÍ, LỆ PHÍ<br /><small>(Biên lai điện tử)</small></h1>
        <dl class="payment-summary">
          ${
            a.receiptTemplate
              ? html`<dt>Mẫu số</dt>
                  <dd>${a.receiptTemplate}</dd>`
              : ''
          }
          ${
            a.receiptSeries
              ? html`<dt>Ký hiệu</dt>
                  <dd>${a.receiptSeries}</dd>`
              : ''
          }
          <dt>Số</dt>
          <dd class="code">${no}</dd>
          <dt>Mã hồ sơ</dt>
          <dd class="code">${p.dossier_code}</dd>
          <dt>Thủ tục</dt>
          <dd>${procedureOf(row)?.title?.vi ?? row.procedure_code}</dd>
          ${lines.map(
            (/** @type {any} */ l) =>
              html`<dt>${l.label}</dt>
                <dd>${lib.formatVnd(l.amount)}</dd>`,
          )}
          <dt>Số tiền</dt>
          <dd><strong>${lib.formatVnd(p.amount)}</strong></dd>
          <dt>Bằng chữ</dt>
          <dd>${lib.amountInWords(p.amount)}</dd>
          <dt>Hình thức thanh toán</dt>
          <dd>${METHOD_LABELS[p.method] ?? p.method}</dd>
          ${
            p.provider_transaction
              ? html`<dt>Mã giao dịch</dt>
                  <dd>${p.provider_transaction}${p.bank_code ? ` (${p.bank_code})` : ''}</dd>`
              : ''
          }
          <dt>Thời gian</dt>
          <dd>${formatVnTime(p.settled_at)}</dd>
        </dl>
        <p class="note">
          Bản trình diễn: biên lai có giá trị pháp lý phải được lập qua hệ thống biên lai điện tử đã
          đăng ký với cơ quan thuế (docs/payments.md).
        </p>
        <p class="no-print">
          <button type="button" data-print>In biên lai</button>
          <a href="/bien-lai/${no}?tai-ve=1" download="bien-lai-${no}.html">Tải biên lai (HTML)</a>
        </p>
      </article>`,
    );
  });

  // --- clerks: payment at the desk, or a VietQR transfer found on the statement --------------
  app.post(
    '/api/clerk/dossiers/:code/payments',
    auditAs('dossier.payment'),
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const body = /** @type {any} */ (request.body ?? {});
      const method = body.method;
      if (method !== 'desk' && method !== 'transfer') {
        return sendProblem(request, reply, 'invalid-payment-method');
      }
      const row = /** @type {any} */ (await byCode.get(code));
      if (!row) return sendProblem(request, reply, 'clerk-dossier-not-found');
      const fee = await amountDue(row);
      if (fee === 0) return sendProblem(request, reply, 'payment-not-required');
      const note = typeof body.note === 'string' ? body.note.trim().slice(0, 200) : undefined;
      const now = ctx.now();
      const p = await store.recordByClerk({ code, amount: fee, method, note, now });
      if (!p) return sendProblem(request, reply, 'already-paid');
      // Money taken: which clerk said so is in the audit log, like every change to a dossier.
      await audit(ctx.db, now, {
        actor: /** @type {any} */ (request).clerk.actor,
        action: routeAction(request),
        outcome: 'success',
        dossier: code,
        ip: request.ip,
        detail: { method, amount: fee, payment: p.id },
      });
      request.log.info({ dossier: code, payment: p.id, method }, 'payment recorded by clerk');
      return reply.code(201).send(await paymentSummary(store, await byCode.get(code), amountDue));
    },
  );

  return {
    /** What views of a dossier show about its fee; `link` only for those who may pay. */
    summary: async (/** @type {any} */ row, /** @type {{ link?: boolean }} */ opts = {}) => ({
      ...(await paymentSummary(store, row, amountDue)),
      ...(opts.link && (await amountDue(row)) > 0 && !row.paid_at
        ? { payUrl: payLink(row.code) }
        : {}),
    }),
    payLink,
  };
}

/** @param {string} iso */
function formatVnTime(iso) {
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}
