// Fee payment through the reference receiver and a local VNPay simulator that speaks the same
// signed protocol (demo/server/payments): the payment page, the signed redirect, the bank page,
// the signed IPN (checked, idempotent), the signed return, the electronic fee receipt, the
// status look-up and the clerk's desk payments. Both servers are real, on 127.0.0.1.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startVnpaySimulator } from '../../demo/server/payments/simulator.js';
import { signedData } from '../../demo/server/payments/vnpay.js';
import {
  CLERK,
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const NOW = '2026-11-26T03:00:05.000Z'; // Thursday 10:00 in Hà Nội
const SECRET = 'TESTSECRET0123456789ABCDEFGHIJKL';
const TMN = 'DVCTEST1';
const FEE = {
  total: 135000,
  currency: 'VND',
  items: [{ id: 'idp-issuance', amount: 135000, quantity: 1, subtotal: 135000, reductions: [] }],
};

/** HMAC-SHA512 as VNPay's guide writes it, computed here independently of vnpay.js. */
function vnpSign(params: Record<string, string>): string {
  const data = Object.keys(params)
    .filter((k) => k !== 'vnp_SecureHash')
    .sort()
    .map((k) => `${k}=${encodeURIComponent(params[k]!).replace(/%20/g, '+')}`)
    .join('&');
  return createHmac('sha512', SECRET).update(data).digest('hex');
}

const text = async (r: Response) => (await r.text()).replace(/\s+/g, ' ').replace(/> </g, '><');

describe('fee payment: receiver + VNPay simulator', () => {
  let s: Running;
  let sim: Awaited<ReturnType<typeof startVnpaySimulator>>;
  const time = clock(NOW);

  before(async () => {
    sim = await startVnpaySimulator({
      tmnCode: TMN,
      hashSecret: SECRET,
      ipnUrl: () => `${s.base}/api/payments/vnpay/ipn`,
      now: time.now,
    });
    s = await start({
      now: time.now,
      verifySubmission: fakeVerify,
      statusRateLimit: { max: 1000, windowSeconds: 600 },
      payments: {
        agency: {
          name: 'UBND xã Thử Nghiệm',
          taxCode: '0100109106',
          receiptTemplate: '01BLP0-001',
          receiptSeries: 'AA-26E',
        },
        vietqr: { bin: '970436', account: '0011001234567', accountName: 'UBND XA THU NGHIEM' },
        vnpay: { tmnCode: TMN, hashSecret: SECRET, payUrl: sim.payUrl },
        simulator: false,
      },
    });
  });
  after(async () => {
    await s?.close();
    await sim?.close();
  });

  const submit = async (fee: unknown = FEE) => {
    const nonce = await challenge(s.base);
    const r = await postDossier(s.base, fakeJws(payload(nonce, { fee })));
    assert.equal(r.status, 201);
    return (await r.json()) as { dossierCode: string; paymentUrl?: string };
  };
  /** Starts a gateway payment; the receiver's 303 to the signed gateway URL. */
  const startPayment = async (paymentUrl: string) => {
    const [path, query] = paymentUrl.split('?');
    const r = await fetch(`${path}/cong?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    assert.equal(r.status, 303);
    return new URL(r.headers.get('location')!);
  };
  /** The citizen presses "Thanh toán" or "Huỷ" on the simulator's page. */
  const bank = async (gatewayUrl: URL, outcome: 'pay' | 'cancel') => {
    const page = await fetch(gatewayUrl);
    assert.equal(page.status, 200);
    assert.match(await text(page), /Cổng thanh toán \(mô phỏng VNPay\)/);
    const form = new URLSearchParams(gatewayUrl.searchParams);
    form.set('outcome', outcome);
    const r = await fetch(new URL('/paymentv2/confirm', gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    assert.equal(r.status, 302);
    return new URL(r.headers.get('location')!);
  };
  const payments = (code: string) =>
    s.app.dvc.db
      .prepare('SELECT method, amount, status, receipt_no FROM payments WHERE dossier_code = ?')
      .all(code) as { method: string; amount: number; status: string; receipt_no: string }[];

  test('the signed string is the sorted, form-encoded query (VNPay 2.1.0)', () => {
    assert.equal(
      signedData({
        vnp_TxnRef: 'TT1',
        vnp_Amount: '13500000',
        vnp_OrderInfo: 'Le phi ho so KS-261126-7QF3',
        vnp_ReturnUrl: 'http://127.0.0.1:8080/thanh-toan/ket-qua',
        vnp_SecureHash: 'ignored',
      }),
      'vnp_Amount=13500000&vnp_OrderInfo=Le+phi+ho+so+KS-261126-7QF3' +
        '&vnp_ReturnUrl=http%3A%2F%2F127.0.0.1%3A8080%2Fthanh-toan%2Fket-qua&vnp_TxnRef=TT1',
    );
  });

  test('a dossier with a fee is paid online: signed redirect, IPN, return, e-receipt', async () => {
    const { dossierCode: code, paymentUrl } = await submit();
    assert.match(
      paymentUrl!,
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/thanh-toan/${code}\\?t=[A-Za-z0-9_-]{22}$`),
    );

    const pagePlain = await fetch(paymentUrl!);
    assert.equal(pagePlain.status, 200);
    assert.match(
      pagePlain.headers.get('content-security-policy')!,
      /form-action 'self' http:\/\/127\.0\.0\.1:\d+/,
    );
    const page = await text(pagePlain);
    assert.match(page, /<strong>135\.000 đ<\/strong> \(Một trăm ba mươi lăm nghìn đồng\)/);
    assert.match(page, /Chưa nộp/);
    assert.match(page, /Chuyển khoản bằng mã VietQR/);
    assert.match(page, /<svg class="qr" role="img" aria-label="Mã VietQR chuyển khoản"/);
    assert.match(page, /Nộp tại Bộ phận Một cửa/);
    // Beside the online and VietQR ways, the desk is "also" (alone: test/e2e/payment-page-phone).
    assert.match(page, /Bạn cũng có thể nộp trực tiếp tại Bộ phận Một cửa/);

    const gatewayUrl = await startPayment(paymentUrl!);
    assert.equal(`${gatewayUrl.origin}${gatewayUrl.pathname}`, sim.payUrl);
    const q = Object.fromEntries(gatewayUrl.searchParams);
    assert.equal(q.vnp_Version, '2.1.0');
    assert.equal(q.vnp_Command, 'pay');
    assert.equal(q.vnp_TmnCode, TMN);
    assert.equal(q.vnp_Amount, '13500000'); // × 100, as the protocol counts
    assert.equal(q.vnp_CurrCode, 'VND');
    assert.equal(q.vnp_OrderInfo, `Le phi ho so ${code}`);
    assert.equal(q.vnp_ReturnUrl, `${s.base}/thanh-toan/ket-qua`);
    assert.equal(q.vnp_CreateDate, '20261126100005');
    assert.equal(q.vnp_ExpireDate, '20261126101505');
    assert.equal(q.vnp_SecureHash, vnpSign(q));
    assert.deepEqual(payments(code), [
      { method: 'vnpay', amount: 135000, status: 'pending', receipt_no: null },
    ]);

    const back = await bank(gatewayUrl, 'pay');
    assert.deepEqual(sim.ipnCalls.at(-1)!.body, { RspCode: '00', Message: 'Confirm Success' });
    const [paid] = payments(code);
    assert.equal(paid!.status, 'paid');
    assert.match(paid!.receipt_no, /^BL261126-[2-9A-HJKMNP-TV-Z]{8}$/);

    const ret = await fetch(back);
    assert.equal(ret.status, 200);
    const retPage = await text(ret);
    assert.match(retPage, /Đã nộp phí thành công/);
    assert.match(retPage, new RegExp(`href="/bien-lai/${paid!.receipt_no}"`));

    const receipt = await fetch(`${s.base}/bien-lai/${paid!.receipt_no}`);
    assert.equal(receipt.status, 200);
    const r = await text(receipt);
    for (const part of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'UBND xã Thử Nghiệm',
      'Mã số thuế: 0100109106',
      '<dt>Mẫu số</dt><dd>01BLP0-001</dd>',
      '<dt>Ký hiệu</dt><dd>AA-26E</dd>',
      `<dd class="code">${code}</dd>`,
      '<dt>Bằng chữ</dt><dd>Một trăm ba mươi lăm nghìn đồng</dd>',
      '<dt>Hình thức thanh toán</dt><dd>Thanh toán trực tuyến (VNPay)</dd>',
      '<dt>Thời gian</dt><dd>10:00 26/11/2026</dd>',
      'data-print',
    ]) {
      assert.ok(r.includes(part), part);
    }
    const download = await fetch(`${s.base}/bien-lai/${paid!.receipt_no}?tai-ve=1`);
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="bien-lai-${paid!.receipt_no}.html"`,
    );

    // Repeats of the notification change nothing and are acknowledged as such.
    const again = await fetch(sim.ipnCalls.at(-1)!.url);
    assert.deepEqual(await again.json(), { RspCode: '02', Message: 'Order already confirmed' });
    assert.equal(payments(code).length, 1);

    // The status look-up (second factor: the phone in the answers) shows the payment.
    const status = await fetch(`${s.base}/api/status?code=${code}&secret=0912345678`);
    const body = (await status.json()) as { payment: Record<string, unknown> };
    assert.deepEqual(body.payment, {
      fee: 135000,
      currency: 'VND',
      status: 'paid',
      paidAt: NOW,
      payments: [
        {
          id: (body.payment.payments as { id: string }[])[0]!.id,
          method: 'vnpay',
          amount: 135000,
          status: 'paid',
          at: NOW,
          receiptNo: paid!.receipt_no,
          receiptUrl: `/bien-lai/${paid!.receipt_no}`,
          providerTransaction: (body.payment.payments as { providerTransaction: string }[])[0]!
            .providerTransaction,
          bankCode: 'NCB',
        },
      ],
    });

    // The clerk sees it too and cannot take the fee a second time.
    const list = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    const mine = (
      (await list.json()) as { dossiers: { dossierCode: string; payment: { status: string } }[] }
    ).dossiers.find((d) => d.dossierCode === code);
    assert.equal(mine!.payment.status, 'paid');
    const desk = await fetch(`${s.base}/api/clerk/dossiers/${code}/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'desk' }),
    });
    assert.equal(desk.status, 409);
    assert.equal(((await desk.json()) as { title: string }).title, 'Đã nộp phí');
  });

  test('forged notifications are refused: bad signature 97, wrong amount 04, unknown order 01', async () => {
    const { dossierCode: code, paymentUrl } = await submit();
    const gatewayUrl = await startPayment(paymentUrl!);
    const ref = gatewayUrl.searchParams.get('vnp_TxnRef')!;
    const result: Record<string, string> = {
      vnp_Amount: '13500000',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: `Le phi ho so ${code}`,
      vnp_PayDate: '20261126100105',
      vnp_ResponseCode: '00',
      vnp_TmnCode: TMN,
      vnp_TransactionNo: '14000001',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: ref,
    };
    const ipn = async (params: Record<string, string>) => {
      const r = await fetch(`${s.base}/api/payments/vnpay/ipn?${new URLSearchParams(params)}`);
      return r.json();
    };
    // The browser (or anyone) cannot lower the amount: the signature no longer matches.
    const signed = { ...result, vnp_SecureHash: vnpSign(result) };
    assert.deepEqual(await ipn({ ...signed, vnp_Amount: '100' }), {
      RspCode: '97',
      Message: 'Invalid signature',
    });
    assert.deepEqual(await ipn({ ...result, vnp_SecureHash: 'a'.repeat(128) }), {
      RspCode: '97',
      Message: 'Invalid signature',
    });
    // Correctly signed (a gateway bug or a leaked secret) but not the dossier's fee.
    const cheap = { ...result, vnp_Amount: '1350000' };
    assert.deepEqual(await ipn({ ...cheap, vnp_SecureHash: vnpSign(cheap) }), {
      RspCode: '04',
      Message: 'Invalid amount',
    });
    const unknown = { ...result, vnp_TxnRef: 'TTNOSUCHPAYMENT' };
    assert.deepEqual(await ipn({ ...unknown, vnp_SecureHash: vnpSign(unknown) }), {
      RspCode: '01',
      Message: 'Order not found',
    });
    assert.deepEqual(payments(code), [
      { method: 'vnpay', amount: 135000, status: 'pending', receipt_no: null },
    ]);
    // A forged return shows no success either.
    const forgedReturn = await fetch(
      `${s.base}/thanh-toan/ket-qua?${new URLSearchParams({ ...signed, vnp_ResponseCode: '99' })}`,
    );
    assert.equal(forgedReturn.status, 400);
    assert.match(await text(forgedReturn), /Không xác nhận được kết quả thanh toán/);
  });

  test('a cancelled payment leaves the dossier unpaid; the clerk then takes it at the desk', async () => {
    const { dossierCode: code, paymentUrl } = await submit();
    const back = await bank(await startPayment(paymentUrl!), 'cancel');
    const page = await text(await fetch(back));
    assert.match(page, /Chưa nộp được phí/);
    assert.match(page, /Bạn đã huỷ giao dịch\./);
    assert.deepEqual(
      payments(code).map((p) => p.status),
      ['failed'],
    );

    const anonymous = await fetch(`${s.base}/api/clerk/dossiers/${code}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'desk' }),
    });
    assert.equal(anonymous.status, 401);
    const desk = await fetch(`${s.base}/api/clerk/dossiers/${code}/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'desk', note: 'Tiền mặt' }),
    });
    assert.equal(desk.status, 201);
    const summary = (await desk.json()) as {
      status: string;
      payments: { method: string; status: string; amount: number; receiptNo?: string }[];
    };
    assert.equal(summary.status, 'paid');
    assert.deepEqual(
      summary.payments.map((p) => [p.method, p.status, /^BL\d{6}-/.test(p.receiptNo ?? '')]),
      [
        ['vnpay', 'failed', false],
        ['desk', 'paid', true],
      ],
    );
    const receipt = await text(await fetch(`${s.base}/bien-lai/${summary.payments[1]!.receiptNo}`));
    assert.ok(receipt.includes('<dd>Nộp tại Bộ phận Một cửa</dd>'));
    // Which clerk recorded the money is in the audit log.
    assert.deepEqual(
      s.app.dvc.db
        .prepare(
          "SELECT actor, outcome, detail FROM audit_log WHERE action = 'dossier.payment' AND dossier_code = ?",
        )
        .all(code),
      [
        {
          actor: `${CLERK.username} (khoá API ${s.clerkKey.split('_')[1]})`,
          outcome: 'success',
          detail: JSON.stringify({
            method: 'desk',
            amount: summary.payments[1]!.amount,
            payment: (
              s.app.dvc.db
                .prepare("SELECT id FROM payments WHERE dossier_code = ? AND method = 'desk'")
                .get(code) as { id: string }
            ).id,
          }),
        },
      ],
    );
    // The payment page now shows the receipt instead of payment options.
    const after = await text(await fetch(paymentUrl!));
    assert.match(after, /Đã nộp/);
    assert.doesNotMatch(after, /Chuyển khoản bằng mã VietQR/);
  });

  test('paying twice in two tabs: the second payment is kept as a duplicate to refund', async () => {
    const { dossierCode: code, paymentUrl } = await submit();
    const first = await startPayment(paymentUrl!);
    const second = await startPayment(paymentUrl!);
    await bank(first, 'pay');
    const back = await bank(second, 'pay');
    assert.deepEqual(
      payments(code)
        .map((p) => p.status)
        .sort(),
      ['duplicate', 'paid'],
    );
    assert.match(await text(await fetch(back)), /Cơ quan sẽ liên hệ để hoàn tiền/);
  });

  test('delivery by post: the postage is added to what is paid and the clerk sees the address', async () => {
    const nonce = await challenge(s.base);
    const delivery = {
      method: 'post',
      recipient: {
        fullName: 'Nguyễn Thị Hoa',
        phone: '0912345678',
        address: { province: '01', commune: '00004', street: 'Số 5 Phố Huế' },
      },
      postage: 30000,
    };
    const r = await postDossier(s.base, fakeJws(payload(nonce, { fee: FEE, delivery })));
    const { dossierCode: code, paymentUrl } = (await r.json()) as {
      dossierCode: string;
      paymentUrl: string;
    };
    const page = await text(await fetch(paymentUrl));
    assert.match(page, /<dt>Cước trả kết quả qua bưu chính<\/dt><dd>30\.000 đ<\/dd>/);
    assert.match(page, /<strong>165\.000 đ<\/strong> \(Một trăm sáu mươi lăm nghìn đồng\)/);
    const gatewayUrl = await startPayment(paymentUrl);
    assert.equal(gatewayUrl.searchParams.get('vnp_Amount'), '16500000');
    // The list names the method only; the recipient is read (and audited) with the dossier.
    const list = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    const mine = (
      (await list.json()) as { dossiers: { dossierCode: string; delivery: unknown }[] }
    ).dossiers.find((d) => d.dossierCode === code);
    assert.deepEqual(mine!.delivery, { method: 'post', postage: 30000 });
    const one = await fetch(`${s.base}/api/clerk/dossiers/${code}`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    assert.deepEqual(((await one.json()) as { delivery: unknown }).delivery, delivery);
  });

  test('payment links need their token; dossiers without a fee get no link', async () => {
    const { dossierCode: code, paymentUrl } = await submit();
    const wrong = paymentUrl!.replace(/t=.*/, `t=${'A'.repeat(22)}`);
    assert.equal((await fetch(wrong)).status, 404);
    assert.equal((await fetch(`${s.base}/thanh-toan/${code}`)).status, 404);
    // Same length in characters, not in bytes: refused, not a crash.
    const wide = paymentUrl!.replace(/t=.*/, `t=${encodeURIComponent('é'.repeat(22))}`);
    assert.equal((await fetch(wide)).status, 404);
    const free = await submit({ total: 0, currency: 'VND', items: [] });
    assert.equal(free.paymentUrl, undefined);
  });

  test('the expected result date skips Tết (the receiver uses src/calendar)', async () => {
    time.set('2026-02-13T02:00:00.000Z'); // Friday before the 9 days off of Tết Bính Ngọ
    try {
      const nonce = await challenge(s.base);
      const r = await postDossier(
        s.base,
        fakeJws(payload(nonce, { submittedAt: '2026-02-13T02:00:00.000Z' })),
      );
      const body = (await r.json()) as { expectedResultDate: string };
      assert.equal(body.expectedResultDate, '2026-02-25'); // 3 working days: 23, 24, 25 Feb
    } finally {
      time.set(NOW);
    }
  });
});
