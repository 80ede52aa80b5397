// The clerk desk's empty list on the real demo site in Chromium, with the real receiver: it says
// why it is empty — no dossier yet, nothing matching the search and filters (with how to widen
// them), or an account given no procedure yet (ask an administrator; nothing of any procedure
// shown). axe on each state.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CLERK,
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';
import { axe, signIn } from './desk-page.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

const EMPTY = 'Chưa có hồ sơ nào. Hồ sơ người dân nộp sẽ hiện ở đây.';
const NO_MATCH =
  'Không tìm thấy hồ sơ nào khớp với tìm kiếm và bộ lọc. Hãy bỏ bớt bộ lọc (hoặc bấm “Xoá bộ lọc”), ' +
  'kiểm tra lại mã hồ sơ, số định danh, số điện thoại, hoặc gõ đủ từng chữ của họ tên.';
const NO_PROCEDURES =
  'Tài khoản của bạn chưa được giao thủ tục nào nên chưa xem được hồ sơ. Hãy đề nghị quản trị ' +
  'viên giao thủ tục cho tài khoản, rồi tải lại trang này.';
/** A clerk account just created: no procedure given yet. */
const NEW_CLERK = {
  username: 'do.van.moi',
  password: 'mat-khau-can-bo-moi-vao',
  displayName: 'Đỗ Văn Mới',
  role: 'clerk',
} as const;

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe(
  'the clerk desk says why its list is empty, in Chromium',
  // Skips only without Chromium; npm test installs it before the e2e stage, so never there.
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
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

    /** The list's status line, once it says `text`. */
    const countSays = async (page: Page, text: string) => {
      await page.locator('#clerk-count').getByText(text, { exact: true }).waitFor();
    };

    test('no dossier yet, then nothing matching; "Xoá bộ lọc" shows them again', async () => {
      const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
      const page = await context.newPage();
      await signIn(page, s.base, CLERK);
      // Before the first dossier: none yet (before, "Không tìm thấy hồ sơ nào.", as if searched).
      await countSays(page, EMPTY);
      assert.equal(await page.locator('#clerk-table').isHidden(), true);
      assert.equal(await page.getByRole('search').isVisible(), true);
      assert.deepEqual(await axe(page), []);

      const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
      assert.equal(r.status, 201);
      const { dossierCode } = (await r.json()) as { dossierCode: string };
      // A name no one has: nothing matches, and the line says how to widen the search.
      await page.getByLabel('Tìm hồ sơ').fill('Không Ai Tên Này');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await countSays(page, NO_MATCH);
      assert.equal(await page.locator('#clerk-table').isHidden(), true);
      assert.deepEqual(await axe(page), []);
      // A filter alone is a narrowing too; the order chosen is not.
      await page.getByLabel('Tìm hồ sơ').fill('');
      await page.getByLabel('Trạng thái').selectOption({ label: 'Từ chối tiếp nhận' });
      await page.getByLabel('Sắp xếp').selectOption({ label: 'Mới tiếp nhận trước' });
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await countSays(page, NO_MATCH);
      await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
      await countSays(page, '1 hồ sơ.');
      await page.getByRole('button', { name: `Xem hồ sơ ${dossierCode}` }).waitFor();
      await context.close();
    });

    test('an account given no procedure is told to ask an administrator, and shown nothing else', async () => {
      await s.app.dvc.accounts.add({ ...NEW_CLERK });
      const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
      assert.equal(r.status, 201);
      const { dossierCode } = (await r.json()) as { dossierCode: string };
      const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
      const page = await context.newPage();
      await signIn(page, s.base, NEW_CLERK);
      await countSays(page, NO_PROCEDURES);
      // No search (it could find nothing), no table, and no procedure named anywhere: not in the
      // filter's options, not in the page.
      assert.equal(await page.getByRole('search').count(), 0);
      assert.equal(await page.locator('#clerk-table').isHidden(), true);
      assert.deepEqual(await page.locator('#clerk-procedure option').allInnerTexts(), [
        'Tất cả thủ tục',
      ]);
      const html = await page.content();
      const offered = (await (await fetch(`${s.base}/api/procedures`)).json()) as {
        procedures: { name: string; title: { vi: string } }[];
      };
      assert.ok(offered.procedures.length > 0);
      for (const p of offered.procedures) {
        assert.ok(!html.includes(p.title.vi), p.name);
        assert.ok(!html.includes(p.name), p.name);
      }
      assert.ok(!html.includes(dossierCode));
      assert.deepEqual(await axe(page), []);
      // Once an administrator has given it a procedure, the page reloaded lists its dossiers.
      await s.app.dvc.accounts.grant(NEW_CLERK.username, {
        procedures: s.app.dvc.procedures.map((p) => p.name),
      });
      await page.reload();
      await page.getByRole('button', { name: `Xem hồ sơ ${dossierCode}` }).waitFor();
      assert.equal(await page.getByRole('search').isVisible(), true);
      await context.close();
    });
  },
);
