// The clerk page (demo/site/can-bo.html + can-bo.js) in headless Chromium: sign in with the
// token, see the dossier, move it to "processing", then ask for more information with a note.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import {
  CLERK_TOKEN,
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

describe('clerk page in Chromium', { skip: chromiumPath ? false : 'needs Chromium' }, () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({ verifySubmission: fakeVerify });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('moves a dossier through its statuses', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    const page = await browser.newPage();
    await page.goto(`${s.base}/can-bo.html`);

    await page.getByLabel('Mã cán bộ').fill('sai-ma');
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await page
      .getByRole('status')
      .getByText('Mã cán bộ (CLERK_TOKEN) không đúng. Mã được in ra khi khởi động máy chủ.')
      .waitFor();

    await page.getByLabel('Mã cán bộ').fill(CLERK_TOKEN);
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    const row = page.getByRole('row').filter({ hasText: dossierCode });
    await row.getByText('Đã tiếp nhận').waitFor();
    const { expected_result_date: due } = s.app.dvc.db
      .prepare('SELECT expected_result_date FROM dossiers WHERE code = ?')
      .get(dossierCode) as { expected_result_date: string };
    assert.equal(
      await row.getByRole('cell').nth(3).textContent(),
      due.split('-').reverse().join('/'),
    );

    await page.getByRole('button', { name: `Đang xử lý: ${dossierCode}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${dossierCode} sang “Đang xử lý”.`).waitFor();

    page.once('dialog', (d) => void d.accept('Vui lòng bổ sung giấy chứng sinh.'));
    await page.getByRole('button', { name: `Cần bổ sung hồ sơ: ${dossierCode}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${dossierCode} sang “Cần bổ sung hồ sơ”.`).waitFor();

    const history = s.app.dvc.db
      .prepare('SELECT status, note, actor FROM dossier_history WHERE dossier_code = ? ORDER BY id')
      .all(dossierCode);
    assert.deepEqual(history, [
      { status: 'received', note: null, actor: 'system' },
      { status: 'processing', note: null, actor: 'clerk' },
      {
        status: 'needs-more-information',
        note: 'Vui lòng bổ sung giấy chứng sinh.',
        actor: 'clerk',
      },
    ]);
    await page.close();
  });

  test('shows the fee and records a payment at the desk with an e-receipt', async () => {
    const fee = {
      total: 135000,
      currency: 'VND',
      items: [{ id: 'le-phi', amount: 135000, quantity: 1, subtotal: 135000, reductions: [] }],
    };
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base), { fee })));
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    const page = await browser.newPage();
    await page.goto(`${s.base}/can-bo.html`);
    await page.getByLabel('Mã cán bộ').fill(CLERK_TOKEN);
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    const row = page.getByRole('row').filter({ hasText: dossierCode });
    await row.getByText('135.000 đ · Chưa nộp').waitFor();
    page.once('dialog', (d) => {
      assert.equal(d.message(), `Xác nhận đã thu 135.000 đ cho hồ sơ ${dossierCode}?`);
      void d.accept();
    });
    await page.getByRole('button', { name: `Thu phí tại quầy: ${dossierCode}` }).click();
    await page
      .getByText(`Đã ghi nhận nộp 135.000 đ cho hồ sơ ${dossierCode} và lập biên lai.`)
      .waitFor();
    await row.getByText('135.000 đ · Đã nộp').waitFor();
    const link = row.getByRole('link', { name: /^Biên lai BL\d{6}-/ });
    await link.click();
    await page.getByRole('heading', { name: /BIÊN LAI THU PHÍ, LỆ PHÍ/ }).waitFor();
    await page.getByText('Một trăm ba mươi lăm nghìn đồng').waitFor();
    await page.close();
  });

  test('the home page lists the procedures from GET /api/procedures', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.base}/`);
    const list = page.locator('#procedure-list');
    await list.getByText('Thủ tục thử nghiệm').waitFor();
    assert.deepEqual(await list.locator('li').allInnerTexts(), [
      'Thủ tục thử nghiệm\n\nTest procedure\n\nMã thủ tục 9.000001 · Giải quyết trong 3 ngày làm việc · Ủy ban nhân dân xã Thử Nghiệm',
    ]);
    // The fixture procedure has no page on the site: its title is not a link.
    assert.equal(await list.getByRole('link').count(), 0);
    await page.close();
  });
});
