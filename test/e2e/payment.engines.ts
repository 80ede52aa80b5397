// The online payment as a citizen does it, in each engine (DVC_E2E_ENGINE; scripts/test.mjs runs
// it in Chromium, Firefox ESR and WebKit): the payment page → the gateway (a form post and a 303
// to another origin, which the page's CSP must allow: a refusal is one of `errors()`) → the
// simulator's "bank" page → the signed return → the e-fee receipt, whose print button is an
// external script; axe checks each page of ours (WCAG 2.2 AA rules). The receiver must then
// hold the payment as paid, for exactly the fee.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import { dossierWithFee, startWithPayments, type PaymentSetup } from './payment-setup.js';

describe(`paying a fee online in ${ENGINE}`, () => {
  let setup: PaymentSetup;
  let page: EnginePage;
  before(async () => {
    setup = await startWithPayments();
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await setup?.close();
  });

  test('payment page → gateway → return → receipt, printed, accessible, under the pages’ CSP, stored as paid', async () => {
    const s = setup.s;
    const { dossierCode, paymentUrl } = await dossierWithFee(s);
    await page.goto(paymentUrl);
    await page.waitFor('h1', { text: 'Nộp phí, lệ phí hồ sơ' });
    await page.waitFor('svg[role="img"][aria-label="Mã VietQR chuyển khoản"]');
    assert.deepEqual(await page.axe(), []);

    // The form posts to our gateway route, which answers 303 to the simulator's origin.
    await page.click('button', { text: 'Thanh toán 50.000 đ' });
    await page.waitFor('h1', { text: 'Cổng thanh toán (mô phỏng VNPay)' });
    await page.click('button[value="pay"]');
    await page.waitFor('h1', { text: 'Đã nộp phí thành công' });
    assert.deepEqual(await page.axe(), []);

    await page.click('a', { text: 'Xem và tải biên lai thu phí điện tử' });
    await page.waitFor('h1', { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ' });
    await page.waitFor('body', { text: 'Năm mươi nghìn đồng' });
    await page.waitFor('body', { text: dossierCode });
    assert.deepEqual(await page.axe(), []);
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
      await s.app.dvc.storage
        .prepare('SELECT method, amount, status FROM payments WHERE dossier_code = ?')
        .all(dossierCode),
      [{ method: 'vnpay', amount: 50000, status: 'paid' }],
    );
    assert.deepEqual(await page.errors(), []);
  });
});
