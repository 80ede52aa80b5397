// The payment page on a 360 px phone when the agency offers neither a gateway nor VietQR (the
// demo as `npm start` runs it): it says plainly to pay at the desk, and its summary is readable.
// The real receiver in Chromium.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import {
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const FEE = {
  total: 25000,
  currency: 'VND',
  items: [{ id: 'idp-issuance', amount: 25000, quantity: 1, subtotal: 25000, reductions: [] }],
};

describe('the payment page on a phone, paid at the desk only', () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({
      now: clock('2026-11-26T03:00:05.000Z').now,
      verifySubmission: fakeVerify,
      payments: {
        agency: {
          name: 'UBND xã Thử Nghiệm',
          taxCode: '0100109106',
          receiptTemplate: '01BLP0-001',
          receiptSeries: 'AA-26E',
        },
        simulator: false,
      },
    });
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('one column, the dossier code on one line, and no "also" where the desk is the only way', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base), { fee: FEE })));
    assert.equal(r.status, 201);
    const { dossierCode, paymentUrl } = (await r.json()) as {
      dossierCode: string;
      paymentUrl: string;
    };
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(paymentUrl);
    const desk = await page.locator('section[aria-labelledby="desk-h"] p').innerText();
    assert.equal(
      desk.replace(/\s+/g, ' ').trim(),
      `Nộp trực tiếp tại Bộ phận Một cửa của cơ quan tiếp nhận hồ sơ; đọc mã hồ sơ ${dossierCode} cho cán bộ.`,
    );
    const layout = await page.evaluate(() => {
      const dds = [...document.querySelectorAll('.payment-summary dd')];
      const code = document.querySelector('.payment-summary .code')!;
      const lineHeight = parseFloat(getComputedStyle(code).lineHeight);
      return {
        narrowest: Math.min(...dds.map((d) => d.getBoundingClientRect().width)),
        codeLines: Math.round(code.getBoundingClientRect().height / lineHeight),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    // Before: the labels' column left 67 px for every value; the code broke over 3 lines.
    assert.ok(layout.narrowest >= 280, `values ${layout.narrowest} px wide`);
    assert.equal(layout.codeLines, 1);
    assert.equal(layout.overflow, 0);
    await page.close();
  });
});
