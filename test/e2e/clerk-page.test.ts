// The clerk page (demo/site/can-bo.html + can-bo.js) in headless Chromium: sign in with a
// personal account, see the dossier, move it to "processing", then ask for more information with
// a note; the history names the clerk. A clerk who keeps typing a wrong password is locked out;
// an administrator sees the audit log; the page runs under the strict CSP.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { STRICT_CSP } from '../../demo/server/app.js';
import {
  ADMIN,
  CLERK,
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
const require = createRequire(import.meta.url);

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
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

    const response = await page.goto(`${s.base}/can-bo.html`);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    /** @type {string[]} */
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Trusted Type/i.test(m.text())) violations.push(m.text());
    });

    await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await page.getByLabel('Mật khẩu').fill('mat-khau-sai-roi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .getByRole('status')
      .getByText('Tên đăng nhập hoặc mật khẩu không đúng.', { exact: true })
      .waitFor();

    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(`Đang đăng nhập: ${CLERK.displayName} (cán bộ)`).waitFor();
    const row = page.getByRole('row').filter({ hasText: dossierCode });
    await row.getByText('Đã tiếp nhận').waitFor();
    const { expected_result_date: due } = s.app.dvc.db
      .prepare('SELECT expected_result_date FROM dossiers WHERE code = ?')
      .get(dossierCode) as { expected_result_date: string };
    assert.equal(
      await row.getByRole('cell').nth(4).textContent(),
      due.split('-').reverse().join('/'),
    );

    // Moves are made from the dossier's own view.
    await page.getByRole('button', { name: `Xem hồ sơ ${dossierCode}` }).click();
    await page.getByRole('button', { name: `Đang xử lý: ${dossierCode}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${dossierCode} sang “Đang xử lý”.`).waitFor();

    // Asking for a supplement says exactly what is missing (can-bo-bo-sung.js).
    await page.getByRole('button', { name: `Cần bổ sung hồ sơ: ${dossierCode}` }).click();
    const dialog = page.getByRole('dialog', { name: `Yêu cầu bổ sung hồ sơ ${dossierCode}` });
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    const problems = dialog.getByRole('alert').locator('p');
    await problems.first().waitFor();
    assert.deepEqual(await problems.allTextContents(), [
      'Chọn ít nhất một giấy tờ hoặc thông tin cần bổ sung.',
      'Ghi rõ lý do và nội dung cần bổ sung cho người nộp.',
    ]);
    await dialog.getByLabel('Giấy tờ kèm theo').check();
    await dialog
      .getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)')
      .fill('Vui lòng bổ sung giấy chứng sinh.');
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await page
      .getByText(
        `Đã gửi yêu cầu bổ sung hồ sơ ${dossierCode}; hồ sơ chuyển sang “Cần bổ sung hồ sơ”.`,
      )
      .waitFor();

    // The history names the clerk who made each move, on the page and in the database.
    await row.getByText(`${CLERK.username}, `).waitFor();
    const history = s.app.dvc.db
      .prepare('SELECT status, note, actor FROM dossier_history WHERE dossier_code = ? ORDER BY id')
      .all(dossierCode);
    assert.deepEqual(history, [
      { status: 'received', note: null, actor: 'system' },
      { status: 'processing', note: null, actor: CLERK.username },
      {
        status: 'needs-more-information',
        note: 'Vui lòng bổ sung giấy chứng sinh.',
        actor: CLERK.username,
      },
    ]);
    const audit = s.app.dvc.db
      .prepare(
        "SELECT actor, action, outcome, dossier_code AS dossier, ip FROM audit_log WHERE action NOT IN ('status.lookup', 'dossier.list') ORDER BY id",
      )
      .all();
    assert.deepEqual(audit, [
      {
        actor: CLERK.username,
        action: 'login',
        outcome: 'failure',
        dossier: null,
        ip: '127.0.0.1',
      },
      {
        actor: CLERK.username,
        action: 'login',
        outcome: 'success',
        dossier: null,
        ip: '127.0.0.1',
      },
      // Each view of the dossier (opened, then shown again after each change) is an audited read
      // of the dossier and of its supplements.
      ...[
        'dossier.read',
        'dossier.supplements.read',
        'dossier.status',
        'dossier.read',
        'dossier.supplements.read',
        'dossier.supplement-request',
        'dossier.read',
        'dossier.supplements.read',
      ].map((action) => ({
        actor: CLERK.username,
        action,
        outcome: 'success',
        dossier: dossierCode,
        ip: '127.0.0.1',
      })),
    ]);

    // A clerk (not an admin) does not see the audit log.
    assert.equal(await page.getByRole('table', { name: 'Nhật ký truy cập' }).count(), 0);

    // The session cookie is HttpOnly and SameSite=Strict: the page's script cannot read it.
    const [cookie] = await page.context().cookies();
    assert.deepEqual(
      { name: cookie.name, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite },
      { name: 'dvc_clerk_session', httpOnly: true, sameSite: 'Strict' },
    );
    assert.equal(await page.evaluate(() => document.cookie), '');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('status').getByText('Đã đăng xuất.').waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    // The old cookie no longer opens anything.
    const after = await fetch(`${s.base}/api/clerk/dossiers`, {
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    assert.equal(after.status, 401);
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('a clerk who keeps typing a wrong password is locked out, even with the right one', async () => {
    await s.app.dvc.accounts.add({
      username: 'pham.thu',
      password: 'mat-khau-dung-cua-thu',
      displayName: 'Phạm Thu',
    });
    const page = await browser.newPage();
    await page.goto(`${s.base}/can-bo.html`);
    await page.getByLabel('Tên đăng nhập').fill('pham.thu');
    const message = page.getByRole('status');
    for (let i = 1; i <= 4; i++) {
      await page.getByLabel('Mật khẩu').fill(`sai-lan-thu-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await message.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      await page.evaluate(() => {
        document.getElementById('clerk-message')!.textContent = '';
      });
    }
    const locked =
      'Tài khoản tạm khoá 15 phút vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau hoặc nhờ quản trị viên mở khoá.';
    await page.getByLabel('Mật khẩu').fill('sai-lan-thu-5');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await message.getByText(locked).waitFor();
    await page.evaluate(() => {
      document.getElementById('clerk-message')!.textContent = '';
    });
    // The right password does not open a locked account.
    await page.getByLabel('Mật khẩu').fill('mat-khau-dung-cua-thu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await message.getByText(locked).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible(), false);
    const outcomes = s.app.dvc.db
      .prepare("SELECT outcome FROM audit_log WHERE actor = 'pham.thu' ORDER BY id")
      .all()
      .map((r) => (r as { outcome: string }).outcome);
    assert.deepEqual(outcomes, [
      'failure',
      'failure',
      'failure',
      'failure',
      'failure-locked',
      'locked',
    ]);
    // An administrator unlocks the account (npm run clerk -- unlock pham.thu).
    s.app.dvc.accounts.unlock('pham.thu');
    await page.getByLabel('Mật khẩu').fill('mat-khau-dung-cua-thu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Đang đăng nhập: Phạm Thu (cán bộ)').waitFor();
    await page.close();
  });

  test('an administrator sees the audit log: log-ins and reads of personal data', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    // A clerk's script (API key) reads the dossier's answers: an audited read.
    const read = await fetch(`${s.base}/api/clerk/dossiers/${dossierCode}`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    assert.equal(read.status, 200);
    const page = await browser.newPage();
    await page.goto(`${s.base}/can-bo.html`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(`Đang đăng nhập: ${ADMIN.displayName} (quản trị viên)`).waitFor();
    const log = page.getByRole('table', { name: 'Nhật ký truy cập (quản trị viên)' });
    const readRow = log.getByRole('row').filter({ hasText: 'Xem dữ liệu hồ sơ' }).first();
    await readRow.waitFor();
    const cells = await readRow.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(1), [
      `${CLERK.username} (khoá API ${s.clerkKey.split('_')[1]})`,
      'Xem dữ liệu hồ sơ',
      'Thành công',
      dossierCode,
      '127.0.0.1',
    ]);
    await log.getByRole('row').filter({ hasText: ADMIN.username }).first().waitFor();
    // The citizen's own look-up, in words (the record says "applicant" and "success").
    const found = await fetch(
      `${s.base}/api/status?code=${dossierCode}&secret=${encodeURIComponent('0912 345 678')}`,
    );
    assert.equal(found.status, 200);
    // A clerk trying an administrator's route: refused, and recorded.
    const refused = await fetch(`${s.base}/api/clerk/admin/audit`, {
      headers: { authorization: `Bearer ${s.clerkKey}` },
    });
    assert.equal(refused.status, 403);
    await page.reload();
    const tried = log.getByRole('row').filter({ hasText: 'Bị từ chối' }).first();
    await tried.waitFor();
    assert.deepEqual((await tried.getByRole('cell').allInnerTexts()).slice(2, 4), [
      'Dùng chức năng của quản trị viên (GET /api/clerk/admin/audit)',
      'Bị từ chối',
    ]);
    const lookup = log.getByRole('row').filter({ hasText: 'Người dân tra cứu' }).first();
    await lookup.waitFor();
    assert.deepEqual((await lookup.getByRole('cell').allInnerTexts()).slice(1, 4), [
      'Người nộp hồ sơ',
      'Người dân tra cứu',
      'Thành công',
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
    await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const row = page.getByRole('row').filter({ hasText: dossierCode });
    await row.getByText('135.000 đ · Chưa nộp').waitFor();
    // The browser's own confirm box (OK/Cancel in its language) is never used.
    const native: string[] = [];
    page.on('dialog', (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    const take = page.getByRole('button', { name: `Thu tại quầy: ${dossierCode}` });
    const ask = page.getByRole('dialog', {
      name: `Xác nhận đã thu 135.000 đ cho hồ sơ ${dossierCode}?`,
    });
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
      );
    // Escape cancels: nothing recorded, the focus back on the button.
    await take.click();
    await ask.waitFor();
    assert.equal(await focused(), 'clerk-fee-ok');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    assert.equal(await focused(), `Thu tại quầy: ${dossierCode}`);
    // So does "Huỷ".
    await take.press('Enter');
    await ask.getByRole('button', { name: 'Huỷ' }).click();
    await ask.waitFor({ state: 'hidden' });
    assert.equal(await focused(), `Thu tại quầy: ${dossierCode}`);
    await row.getByText('135.000 đ · Chưa nộp').waitFor();
    await take.press('Enter');
    await ask.getByRole('button', { name: 'Xác nhận đã thu' }).press('Enter');
    const paid = `Đã ghi nhận nộp 135.000 đ cho hồ sơ ${dossierCode} và lập biên lai.`;
    // Said in the dossier's row (the page's top line is screens away on a long list), and the
    // focus, whose button is gone with the fee paid, goes to that news, not to the page's body.
    await row.getByRole('status').getByText(paid).waitFor();
    assert.equal(await page.locator('#clerk-message').innerText(), '');
    assert.deepEqual(
      await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        return [a.closest('tr')?.dataset.code, a.textContent];
      }),
      [dossierCode, paid],
    );
    await row.getByText('135.000 đ · Đã nộp').waitFor();
    const link = row.getByRole('link', { name: /^Biên lai BL\d{6}-/ });
    await link.click();
    await page.getByRole('heading', { name: /BIÊN LAI THU PHÍ, LỆ PHÍ/ }).waitFor();
    await page.getByText('Một trăm ba mươi lăm nghìn đồng').waitFor();
    assert.deepEqual(native, []);
    await page.close();
  });

  test('opens a dossier and downloads its file: the exact bytes, the read audited', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% giấy tờ của người nộp\n%%EOF\n');
    const sha = createHash('sha256').update(pdf).digest('hex');
    const docs = [
      {
        slot: 'giay-to',
        name: 'giấy tờ.pdf',
        type: 'application/pdf',
        size: pdf.length,
        sha256: sha,
      },
    ];
    const body = new FormData();
    body.set('payload', fakeJws(payload(await challenge(s.base), { documents: docs })));
    body.set(
      'file:giay-to:0',
      new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
      'giấy tờ.pdf',
    );
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body });
    assert.equal(r.status, 201);
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };

    const page = await browser.newPage();
    await page.goto(`${s.base}/can-bo.html`);
    await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const link = page
      .getByRole('region', { name: `Hồ sơ ${code}` })
      .getByRole('link', { name: 'giấy tờ.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'giấy tờ.pdf');
    const saved = await download.path();
    assert.ok(readFileSync(saved!).equals(pdf));
    const reads = s.app.dvc.db
      .prepare(
        "SELECT actor, outcome FROM audit_log WHERE action = 'dossier.file.read' AND dossier_code = ?",
      )
      .all(code);
    assert.deepEqual(reads, [{ actor: CLERK.username, outcome: 'success' }]);
    await page.close();
  });

  test('the clerk page passes axe, signed out and signed in as an administrator', async () => {
    await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
    const page = await context.newPage();
    await page.goto(`${s.base}/can-bo.html`);
    const axe = async () => {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
      )) as { violations: { id: string; nodes: { target: unknown }[] }[] };
      return result.violations.map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      );
    };
    assert.deepEqual(await axe(), []);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('table', { name: 'Nhật ký truy cập (quản trị viên)' }).waitFor();
    assert.deepEqual(await axe(), []);
    // A dossier opened (its details under the table).
    await page
      .getByRole('button', { name: /^Xem hồ sơ / })
      .first()
      .click();
    await page.getByRole('region', { name: /^Hồ sơ / }).waitFor();
    assert.deepEqual(await axe(), []);
    await context.close();
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
