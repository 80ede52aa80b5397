// The online payment as a citizen does it, in headless Chromium against the real receiver and
// the local VNPay simulator: payment page → gateway (the form post and the 303 to another
// origin must pass the page's CSP) → "bank" page → signed return → e-fee receipt. axe checks
// each page of ours (WCAG 2.2 AA rules).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dossierWithFee, startWithPayments, type PaymentSetup } from './payment-setup.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe violations of the page (run in an isolated world, so the page's CSP does not apply). */
async function axe(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } })
      .frameTree.frame.id,
    worldName: 'axe',
  })) as { executionContextId: number };
  await cdp.send('Runtime.evaluate', { expression: AXE, contextId: executionContextId });
  const r = (await cdp.send('Runtime.evaluate', {
    expression: `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`,
    contextId: executionContextId,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: string[] } };
  return r.result.value;
}

describe(
  'paying a fee online in Chromium',
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let setup: PaymentSetup;
    let browser: Browser;
    before(async () => {
      setup = await startWithPayments();
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });
    after(async () => {
      await browser?.close();
      await setup?.close();
    });

    test('payment page → gateway → return → receipt, accessible, under the pages’ CSP', async () => {
      const { dossierCode, paymentUrl } = await dossierWithFee(setup.s);
      const page = await browser.newPage();
      const cspErrors: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      await page.goto(paymentUrl);
      await page.getByRole('heading', { name: 'Nộp phí, lệ phí hồ sơ' }).waitFor();
      await page.getByRole('img', { name: 'Mã VietQR chuyển khoản' }).waitFor();
      assert.deepEqual(await axe(page), []);

      await page.getByRole('button', { name: 'Thanh toán 50.000 đ' }).click();
      await page.getByRole('heading', { name: 'Cổng thanh toán (mô phỏng VNPay)' }).waitFor();
      await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
      await page.getByRole('heading', { name: 'Đã nộp phí thành công' }).waitFor();
      assert.deepEqual(await axe(page), []);

      await page.getByRole('link', { name: 'Xem và tải biên lai thu phí điện tử' }).click();
      await page.getByRole('heading', { name: /BIÊN LAI THU PHÍ, LỆ PHÍ/ }).waitFor();
      await page.getByText('Năm mươi nghìn đồng').waitFor();
      await page.getByText(dossierCode).first().waitFor();
      assert.deepEqual(await axe(page), []);
      // The print button works (its script is external; the page has no inline script).
      await page.evaluate(() => {
        (window as unknown as { printed: boolean }).printed = false;
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.getByRole('button', { name: 'In biên lai' }).click();
      assert.equal(
        await page.evaluate(() => (window as unknown as { printed: boolean }).printed),
        true,
      );
      assert.deepEqual(cspErrors, []);
      await page.close();
    });
  },
);
