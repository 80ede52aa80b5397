// The online payment as a citizen does it, in one engine (DVC_E2E_ENGINE; scripts/test.mjs runs
// it in Firefox ESR and WebKit, payment-journey.test.ts covers Chromium with axe): the payment
// page → the gateway (a form post and a 303 to another origin, which the page's CSP must allow)
// → the simulator's "bank" page → the signed return → the e-fee receipt, whose print button is
// an external script. The receiver must then hold the payment as paid, for exactly the fee.
//
// Not named *.test.ts: the e2e stage (Chromium) does not run it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVnpaySimulator } from '../../demo/server/payments/simulator.js';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import {
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const SECRET = 'JOURNEYSECRET0123456789ABCDEFGHI';

describe(`paying a fee online in ${ENGINE}`, () => {
  let s: Running;
  let sim: Awaited<ReturnType<typeof startVnpaySimulator>>;
  let page: EnginePage;
  before(async () => {
    sim = await startVnpaySimulator({
      tmnCode: 'DVCTEST2',
      hashSecret: SECRET,
      ipnUrl: () => `${s.base}/api/payments/vnpay/ipn`,
    });
    s = await start({
      verifySubmission: fakeVerify,
      payments: {
        agency: { name: 'UBND xã Thử Nghiệm', taxCode: '', receiptTemplate: '', receiptSeries: '' },
        vietqr: { bin: '970436', account: '0011001234567', accountName: '' },
        vnpay: { tmnCode: 'DVCTEST2', hashSecret: SECRET, payUrl: sim.payUrl },
        simulator: false,
      },
    });
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await s?.close();
    await sim?.close();
  });

  test('payment page → gateway → return → receipt, printed, the payment stored as paid', async () => {
    const fee = {
      total: 50000,
      currency: 'VND',
      items: [{ id: 'le-phi', amount: 50000, quantity: 1, subtotal: 50000, reductions: [] }],
    };
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base), { fee })));
    const { dossierCode, paymentUrl } = (await r.json()) as {
      dossierCode: string;
      paymentUrl: string;
    };
    await page.goto(paymentUrl);
    await page.waitFor('h1', { text: 'Nộp phí, lệ phí hồ sơ' });
    await page.waitFor('svg[role="img"][aria-label="Mã VietQR chuyển khoản"]');

    // The form posts to our gateway route, which answers 303 to the simulator's origin.
    await page.click('button', { text: 'Thanh toán 50.000 đ' });
    await page.waitFor('h1', { text: 'Cổng thanh toán (mô phỏng VNPay)' });
    await page.click('button[value="pay"]');
    await page.waitFor('h1', { text: 'Đã nộp phí thành công' });

    await page.click('a', { text: 'Xem và tải biên lai thu phí điện tử' });
    await page.waitFor('h1', { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ' });
    await page.waitFor('body', { text: 'Năm mươi nghìn đồng' });
    await page.waitFor('body', { text: dossierCode });
    // The print button works: its script is external (the page has no inline script).
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.click('button[data-print]');
    assert.equal(
      await page.evaluate(() => (window as unknown as { printed: boolean }).printed),
      true,
    );
    assert.deepEqual(
      s.app.dvc.db
        .prepare('SELECT method, amount, status FROM payments WHERE dossier_code = ?')
        .all(dossierCode),
      [{ method: 'vnpay', amount: 50000, status: 'paid' }],
    );
    assert.deepEqual(await page.errors(), []);
  });
});
