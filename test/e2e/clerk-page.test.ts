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
