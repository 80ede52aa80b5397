// The clerk's desk on the real demo site in Chromium: a clerk signs in, searches by ID number,
// filters the overdue dossiers, opens one (rendered by <dvc-dossier>), downloads its document
// through the authenticated, audited route, adds a note, moves the status through the
// confirmation dialog (keyboard: Escape cancels) and sees the history with their name; an
// administrator reads the weekly report and downloads its CSV. axe on each view.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ADMIN,
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
import { axe, signIn } from './desk-page.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe('the clerk desk in Chromium', { skip: chromiumPath ? false : 'needs Chromium' }, () => {
  let s: Running;
  let browser: Browser;
  const time = clock('2026-05-04T02:00:00.000Z'); // Monday 4/5/2026, 09:00 in Hà Nội
  const pdf = Buffer.from('%PDF-1.7\n% bản chụp căn cước của người nộp\n%%EOF\n');
  let late = '';
  let recent = '';

  before(async () => {
    s = await start({ verifySubmission: fakeVerify, now: time.now });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    // Due Thursday 7/5 (3 working days), with its document.
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const documents = [
      { slot: 'giay-to', name: 'cccd.pdf', type: 'application/pdf', size: pdf.length, sha256 },
    ];
    const body = new FormData();
    body.set('payload', fakeJws(payload(await challenge(s.base), { documents })));
    body.set(
      'file:giay-to:0',
      new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
      'cccd.pdf',
    );
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body });
    assert.equal(r.status, 201);
    late = ((await r.json()) as { dossierCode: string }).dossierCode;
    time.set('2026-05-12T03:00:00.000Z'); // Tuesday 12/5: the first is 3 working days late
    const other = payload(await challenge(s.base), {
      answers: {
        applicant: { fullName: 'Đặng Thị Ánh', phone: '0987 654 321', personalId: '079188000111' },
      },
      assistedBy: 'buu-dien-ba-dinh-07',
    });
    recent = ((await (await postDossier(s.base, fakeJws(other))).json()) as { dossierCode: string })
      .dossierCode;
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('search, overdue filter, dossier view, document, note, confirmed move, history', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Trusted Type/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, s.base, CLERK);
    const table = page.getByRole('table', { name: 'Hồ sơ đã tiếp nhận' });
    await table.getByRole('row').filter({ hasText: recent }).waitFor();
    await page.getByRole('status').getByText('2 hồ sơ.').waitFor();

    // By ID number, typed with spaces: only that applicant's dossier.
    await page.getByLabel('Tìm hồ sơ').fill('0010 9901 2345');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('status').getByText('1 hồ sơ.').waitFor();
    const rows = table.getByRole('row');
    assert.equal(await rows.count(), 2); // header + one
    assert.deepEqual((await rows.nth(1).getByRole('cell').allInnerTexts()).slice(0, 2), [
      `${late} Xem`,
      'Nguyễn Văn An',
    ]);

    // Overdue only (the search cleared): the late dossier, marked by working days.
    await page.getByLabel('Tìm hồ sơ').fill('');
    await page.getByLabel('Chỉ hồ sơ quá hạn').check();
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('status').getByText('1 hồ sơ.').waitFor();
    const row = table.getByRole('row').filter({ hasText: late });
    assert.equal(
      await row.getByRole('cell').nth(4).innerText(),
      '07/05/2026\nQuá hạn 3 ngày làm việc',
    );
    assert.equal(await table.getByRole('row').filter({ hasText: recent }).count(), 0);
    // Assisted only: the other one.
    await page.getByLabel('Chỉ hồ sơ quá hạn').uncheck();
    await page.getByLabel('Chỉ hồ sơ khai có người hỗ trợ').check();
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await table.getByRole('row').filter({ hasText: recent }).waitFor();
    assert.equal(await table.getByRole('row').filter({ hasText: late }).count(), 0);
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await page.getByRole('status').getByText('2 hồ sơ.').waitFor();

    // The dossier view: <dvc-dossier> with the answers, the document and its hash check.
    await page.getByRole('button', { name: `Xem hồ sơ ${late}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${late}` });
    await view.getByRole('heading', { name: 'Người yêu cầu' }).waitFor();
    await view.getByText('Nguyễn Văn An', { exact: true }).waitFor();
    await view.getByText('Khớp với bản đã ký').waitFor();
    await view.getByText('Người nộp hồ sơ tự khai').waitFor();
    // When it was received, as every date on the desk and the dossier: never a two-digit year.
    assert.equal(
      await view.locator('#clerk-detail-list dt:text-is("Tiếp nhận") + dd').innerText(),
      '09:00 04/05/2026',
    );
    // The due date and its mark, on two lines as in the list, never run together.
    assert.equal(
      await view.locator('#clerk-detail-list dt:text-is("Hẹn trả") + dd').innerText(),
      '07/05/2026\nQuá hạn 3 ngày làm việc',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('link', { name: 'Mở tệp cccd.pdf' }).click(),
    ]);
    assert.ok(readFileSync((await download.path())!).equals(pdf));

    // A note, stored under the clerk's name.
    await view.getByLabel('Ghi chú mới (chỉ cán bộ đọc được)').fill('Đã gọi điện cho người nộp.');
    await view.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await view
      .getByRole('list', { name: 'Ghi chú nội bộ' })
      .getByText(`${CLERK.username}, `)
      .waitFor();
    await view.getByText('Đã gọi điện cho người nộp.').waitFor();

    // Processing needs no confirmation; "result ready" is final and asks in a dialog.
    await view.getByRole('button', { name: `Đang xử lý: ${late}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${late} sang “Đang xử lý”.`).waitFor();
    const final = view.getByRole('button', { name: `Đã có kết quả: ${late}` });
    await final.click();
    const dialog = page.getByRole('dialog', { name: `Chuyển hồ sơ ${late} sang “Đã có kết quả”?` });
    await dialog
      .getByText(
        'Đây là trạng thái cuối: sau khi xác nhận không thể chuyển hồ sơ sang trạng thái khác.',
      )
      .waitFor();
    // The confirm button has the focus; Escape cancels and gives the focus back.
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Xác nhận: Đã có kết quả',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      `Đã có kết quả: ${late}`,
    );
    const status = s.app.dvc.db.prepare('SELECT status FROM dossiers WHERE code = ?');
    assert.deepEqual(status.get(late), { status: 'processing' });
    await final.click();
    await page.keyboard.press('Enter');
    await page.getByText(`Đã chuyển hồ sơ ${late} sang “Đã có kết quả”.`).waitFor();
    assert.deepEqual(status.get(late), { status: 'result-ready' });

    // The history names the clerk who made each move.
    const history = view.getByRole('table', { name: 'Lịch sử xử lý' });
    await history.getByRole('row').filter({ hasText: 'Đã có kết quả' }).waitFor();
    const lines = (await history.getByRole('row').allInnerTexts()).slice(1);
    assert.deepEqual(
      lines.map((l) => l.split('\t').slice(1, 3)),
      [
        ['Đã tiếp nhận', 'Hệ thống'],
        ['Đang xử lý', CLERK.username],
        ['Đã có kết quả', CLERK.username],
      ],
    );
    await view.getByText('Hồ sơ đã kết thúc, không chuyển tiếp được.').waitFor();

    // Every read of personal data is in the audit log, never what was searched.
    const audit = s.app.dvc.db
      .prepare(
        'SELECT actor, action, detail FROM audit_log WHERE dossier_code = ? OR dossier_code IS NULL ORDER BY id',
      )
      .all(late) as { actor: string; action: string; detail: string | null }[];
    const actions = new Set(audit.filter((a) => a.actor === CLERK.username).map((a) => a.action));
    for (const a of [
      'dossier.list',
      'dossier.read',
      'dossier.file.read',
      'dossier.note',
      'dossier.status',
    ]) {
      assert.ok(actions.has(a), a);
    }
    assert.ok(
      audit.some((a) => a.detail === `{"count":1,"search":"number","dossiers":["${late}"]}`),
    );
    assert.ok(!JSON.stringify(audit).includes('001099012345'));
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('an administrator reads the weekly report and downloads it as CSV; clerks cannot', async () => {
    // Without the page's CSP only to inject axe (the CSP itself: test/e2e/security.test.ts).
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, s.base, ADMIN);
    await page.getByRole('link', { name: 'Báo cáo tuần của Bộ phận Một cửa' }).click();
    const table = page.getByRole('table', { name: 'Hồ sơ theo tuần tiếp nhận và thủ tục' });
    await table.waitFor();
    const body = (await table.getByRole('row').allInnerTexts()).slice(1);
    assert.deepEqual(body, [
      '11/05/2026 – 17/05/2026\tThủ tục thử nghiệm\tỦy ban nhân dân xã Thử Nghiệm\t1\t0\t0\t0\t1',
      '04/05/2026 – 10/05/2026\tThủ tục thử nghiệm\tỦy ban nhân dân xã Thử Nghiệm\t1\t0\t1\t0\t0',
      'Tổng cộng\t\t\t2\t0\t1\t0\t1',
    ]);
    assert.deepEqual(await axe(page), []);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (CSV, mở được bằng Excel)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'bao-cao-tuan-2026-05-12.csv');
    const csv = readFileSync((await download.path())!);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(csv.subarray(3).toString('utf8').split('\r\n').length, 4);
    await context.close();

    const clerkPage = await browser.newPage();
    await signIn(clerkPage, s.base, CLERK);
    assert.equal(await clerkPage.getByRole('link', { name: /Báo cáo tuần/ }).isVisible(), false);
    await clerkPage.goto(`${s.base}/bao-cao-tuan.html`);
    await clerkPage
      .getByRole('status')
      .getByText('Chỉ quản trị viên được làm việc này.', { exact: true })
      .waitFor();
    await clerkPage.close();
  });

  test('axe: the list with its filters, the dossier view and the confirmation dialog', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
    const page = await context.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${recent}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${recent}` });
    await view.getByText('Khai với sự hỗ trợ của buu-dien-ba-dinh-07').waitFor();
    assert.deepEqual(await axe(page), []);
    await view.getByRole('button', { name: `Từ chối tiếp nhận: ${recent}` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Chuyển hồ sơ ${recent} sang “Từ chối tiếp nhận”?`,
    });
    // The reason is required: confirming without one says so at the field.
    await dialog.getByRole('button', { name: 'Xác nhận: Từ chối tiếp nhận' }).click();
    await dialog.getByText('Lỗi: Vui lòng ghi nội dung người dân cần biết.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'clerk-confirm-note');
    assert.deepEqual(await axe(page), []);
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });
  test('a session that ends mid-action: nothing typed is lost or left in the page, and only the same clerk gets it back', async () => {
    const page = await browser.newPage();
    let at = Date.parse('2026-05-12T03:00:00.000Z');
    // Idle sessions end after 30 minutes (auth.js): the next call is refused with 401.
    const idle = () => {
      at += 31 * 60_000;
      time.set(new Date(at).toISOString());
    };
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const message = page.locator('#clerk-detail-message');
    // Nothing of the dossier stays in the page, even hidden: not its answers, notes or history.
    const leftInPage = () =>
      page.evaluate(() => {
        const dossier = document.getElementById('clerk-dossier') as HTMLElement & {
          submission?: unknown;
        };
        return [
          document.body.innerHTML.includes('Đặng Thị Ánh'),
          dossier.submission !== undefined,
          (dossier.shadowRoot?.textContent ?? '').includes('Đặng Thị Ánh'),
          document.querySelectorAll('#clerk-history tbody tr, #clerk-notes li').length > 0,
          (document.getElementById('clerk-note') as HTMLTextAreaElement).value !== '',
          (document.getElementById('clerk-q') as HTMLInputElement).value !== '',
        ];
      });
    const nothingLeft = [false, false, false, false, false, false];
    const logIn = async (who: { username: string; password: string }) => {
      await page.getByLabel('Tên đăng nhập').fill(who.username);
      await page.getByLabel('Mật khẩu').fill(who.password);
      await page.getByLabel('Mật khẩu').press('Enter');
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    };
    const ended = `Phiên làm việc đã hết. Vui lòng đăng nhập lại: hồ sơ ${recent} sẽ được mở lại, những gì bạn đã nhập vẫn còn.`;
    const notes = s.app.dvc.db.prepare(
      'SELECT dossier_code, note FROM dossier_notes WHERE note = ?',
    );

    // After logging in the focus is on the list's heading, not lost with the log-in form.
    await signIn(page, s.base, CLERK);
    await page.getByRole('status').getByText('2 hồ sơ.').waitFor();
    assert.equal(await focused(), 'clerk-heading');

    // A search, a note being written and a refusal's reason typed when the session ends.
    await page.getByLabel('Tìm hồ sơ').fill('079188000111');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('status').getByText('1 hồ sơ.').waitFor();
    await page.getByRole('button', { name: `Xem hồ sơ ${recent}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${recent}` });
    const note = view.getByLabel('Ghi chú mới (chỉ cán bộ đọc được)');
    await note.fill('Đã hẹn người nộp mang bản chính.');
    await view.getByRole('button', { name: `Từ chối tiếp nhận: ${recent}` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Chuyển hồ sơ ${recent} sang “Từ chối tiếp nhận”?`,
    });
    await dialog.getByLabel('Lý do từ chối (người dân sẽ đọc được)').fill('Thiếu bản chính.');
    idle();
    await dialog.getByRole('button', { name: 'Xác nhận: Từ chối tiếp nhận' }).click();
    await page.getByText(ended).waitFor();
    assert.equal(await focused(), 'clerk-username');
    assert.deepEqual(await leftInPage(), nothingLeft);
    const status = s.app.dvc.db.prepare('SELECT status FROM dossiers WHERE code = ?');
    assert.deepEqual(status.get(recent), { status: 'received' });

    // The same clerk again: the dossier, the note and the reason come back; nothing was saved.
    await logIn(CLERK);
    await view.waitFor();
    assert.equal(
      await message.innerText(),
      `Đã mở lại hồ sơ ${recent}. Chưa chuyển hồ sơ sang “Từ chối tiếp nhận”: vui lòng bấm lại nút chuyển, nội dung bạn đã nhập vẫn còn.`,
    );
    assert.equal(await focused(), 'clerk-detail-heading');
    assert.equal(await note.inputValue(), 'Đã hẹn người nộp mang bản chính.');
    assert.equal(await page.getByLabel('Tìm hồ sơ').inputValue(), '079188000111');
    await page.getByRole('status').getByText('1 hồ sơ.').waitFor();
    await view.getByRole('button', { name: `Từ chối tiếp nhận: ${recent}` }).click();
    assert.equal(
      await dialog.getByLabel('Lý do từ chối (người dân sẽ đọc được)').inputValue(),
      'Thiếu bản chính.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The note goes to the dossier it was written for.
    await view.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await page.getByText(`Đã lưu ghi chú cho hồ sơ ${recent}.`).waitFor();
    assert.deepEqual(notes.all('Đã hẹn người nộp mang bản chính.'), [
      { dossier_code: recent, note: 'Đã hẹn người nộp mang bản chính.' },
    ]);

    // A supplement request being written: what was ticked and typed comes back too.
    await view.getByRole('button', { name: `Đang xử lý: ${recent}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${recent} sang “Đang xử lý”.`).waitFor();
    await view.getByRole('button', { name: `Cần bổ sung hồ sơ: ${recent}` }).click();
    const request = page.getByRole('dialog', { name: `Yêu cầu bổ sung hồ sơ ${recent}` });
    await request.getByLabel('Số điện thoại').check();
    await request
      .getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)')
      .fill('Số máy không gọi được.');
    idle();
    await request.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await page.getByText(ended).waitFor();
    await request.waitFor({ state: 'detached' });
    assert.equal(await focused(), 'clerk-username');
    assert.deepEqual(await leftInPage(), nothingLeft);
    await logIn(CLERK);
    await view.waitFor();
    assert.equal(
      await message.innerText(),
      `Đã mở lại hồ sơ ${recent}. Chưa gửi yêu cầu bổ sung: vui lòng bấm lại “Cần bổ sung hồ sơ”, những gì bạn đã chọn và nhập vẫn còn.`,
    );
    await view.getByRole('button', { name: `Cần bổ sung hồ sơ: ${recent}` }).click();
    assert.equal(await request.getByLabel('Số điện thoại').isChecked(), true);
    assert.equal(await request.getByLabel('Họ và tên').isChecked(), false);
    assert.equal(
      await request.getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)').inputValue(),
      'Số máy không gọi được.',
    );
    await request.getByRole('button', { name: 'Huỷ' }).click();
    await request.waitFor({ state: 'detached' });

    // Only a note being written: it comes back, the focus in it, said not saved yet.
    await note.fill('Cần đối chiếu số định danh.');
    idle();
    await view.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await page.getByText(ended).waitFor();
    assert.deepEqual(await leftInPage(), nothingLeft);
    await logIn(CLERK);
    await view.waitFor();
    assert.equal(
      await message.innerText(),
      `Đã mở lại hồ sơ ${recent}. Ghi chú bạn đang viết chưa được lưu.`,
    );
    assert.equal(await focused(), 'clerk-note');
    assert.equal(await note.inputValue(), 'Cần đối chiếu số định danh.');
    assert.deepEqual(notes.all('Cần đối chiếu số định danh.'), []);

    // Another account signing in at the same desk gets none of it.
    await note.fill('Ghi chú chưa lưu của cán bộ An.');
    idle();
    await view.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await page.getByText(ended).waitFor();
    assert.deepEqual(await leftInPage(), nothingLeft);
    await logIn(ADMIN);
    // Not the other clerk's search either: the whole list.
    await page.getByRole('status').getByText('2 hồ sơ.').waitFor();
    assert.equal(await page.getByLabel('Tìm hồ sơ').inputValue(), '');
    assert.equal(await view.isVisible(), false);
    assert.equal(await page.locator('#clerk-message').innerText(), '');
    assert.equal(await page.locator('#clerk-note').inputValue(), ''); // hidden, and empty
    assert.equal(await focused(), 'clerk-heading');
    assert.deepEqual(notes.all('Ghi chú chưa lưu của cán bộ An.'), []);
    await page.close();
  });
  test('a move another clerk made first: the clerk is told why and sees the dossier as it is now', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const page = await browser.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${code}` });
    await view.getByRole('button', { name: `Đang xử lý: ${code}` }).waitFor();
    // Meanwhile another clerk takes it up.
    const other = await fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'processing' }),
    });
    assert.equal(other.status, 200);
    await view.getByRole('button', { name: `Đang xử lý: ${code}` }).click();
    // Said under the dossier's heading, where the focus goes.
    await page
      .locator('#clerk-detail-message')
      .getByText('Hồ sơ đang ở trạng thái “Đang xử lý”, không thể chuyển sang “Đang xử lý”.')
      .waitFor();
    // The view is the dossier's state now: its status, and no button for the move made.
    assert.equal(
      await view.locator('#clerk-detail-list dt:text-is("Trạng thái") + dd').innerText(),
      'Đang xử lý',
    );
    assert.equal(await view.getByRole('button', { name: `Đang xử lý: ${code}` }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'clerk-detail-heading');
    await page.close();
  });
  test('on a phone (360 px), an empty note is refused at the field, where the clerk is', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${late}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${late}` });
    const note = view.getByLabel('Ghi chú mới (chỉ cán bộ đọc được)');
    await view.getByRole('button', { name: 'Lưu ghi chú' }).press('Enter');
    const error = view.getByText('Lỗi: Vui lòng nhập nội dung ghi chú trước khi lưu.');
    await error.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'clerk-note');
    assert.equal(await note.getAttribute('aria-invalid'), 'true');
    assert.equal(await note.getAttribute('aria-describedby'), 'clerk-note-error');
    // Seen beside the field: in the viewport with the field the focus went to.
    const box = (await error.boundingBox())!;
    const scrollY = await page.evaluate(() => window.scrollY);
    assert.ok(box.y >= 0 && box.y + box.height <= 640, `error at ${box.y} (scrolled ${scrollY})`);
    // Written: the error goes.
    await note.fill('Đã kiểm tra bản chính.');
    await view.getByRole('button', { name: 'Lưu ghi chú' }).press('Enter');
    // Saved: said beside the button pressed, in view (the page's top line is screens away).
    const saved = page.getByText(`Đã lưu ghi chú cho hồ sơ ${late}.`);
    await saved.waitFor();
    const at = (await saved.boundingBox())!;
    assert.ok(at.y >= 0 && at.y + at.height <= 640, `saved at ${at.y}`);
    assert.equal(await error.count(), 0);
    assert.equal(await note.getAttribute('aria-invalid'), null);
    await context.close();
  });
  test('on a phone (360 px), a note that cannot be saved says why beside the note form', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${code}` });
    await view.getByLabel('Ghi chú mới (chỉ cán bộ đọc được)').fill('Đã gọi điện cho người nộp.');
    // Meanwhile an administrator deletes the dossier (not an ended session: the clerk stays).
    const del = await fetch(`${s.base}/api/clerk/admin/dossiers/${code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
      body: '{"reason":"Nộp trùng"}',
    });
    assert.equal(del.status, 204);
    await view.getByRole('button', { name: 'Lưu ghi chú' }).press('Enter');
    const said = page.locator('#clerk-note-message');
    // The dossier's own words, as every clerk's route for one dossier says them.
    const gone = 'Không có hồ sơ này trong hệ thống (có thể hồ sơ vừa bị xoá).';
    await said.getByText(gone).waitFor();
    for (const path of ['', '/supplements']) {
      const r = await page.request.get(`${s.base}/api/clerk/dossiers/${code}${path}`);
      assert.equal(r.status(), 404);
      const problem = (await r.json()) as { type: string; detail: string };
      assert.deepEqual(
        [problem.type, problem.detail],
        ['urn:dvc-forms:problem:clerk-dossier-not-found', gone],
      );
    }
    // Beside the button pressed, in view; the page's top line (screens away) says nothing.
    const at = (await said.boundingBox())!;
    assert.ok(at.y >= 0 && at.y + at.height <= 640, `said at ${at.y}`);
    assert.equal(await page.locator('#clerk-message').innerText(), '');
    assert.equal(await page.getByRole('button', { name: 'Đăng xuất' }).isVisible(), true);
    await context.close();
  });
  test('on a phone (360 px), a dossier deleted meanwhile leaves the list, said in its place', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await signIn(page, s.base, CLERK);
    const view = page.getByRole('button', { name: `Xem hồ sơ ${code}` });
    await view.waitFor();
    // Meanwhile an administrator deletes the dossier; the clerk's list still shows it.
    const del = await fetch(`${s.base}/api/clerk/admin/dossiers/${code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
      body: '{"reason":"Nộp trùng"}',
    });
    assert.equal(del.status, 204);
    await view.press('Enter');
    const text = `Hồ sơ ${code} không còn trong hệ thống (có thể vừa bị xoá) nên đã được bỏ khỏi danh sách.`;
    const said = page.locator('#clerk-table').getByRole('status').getByText(text, { exact: true });
    await said.waitFor();
    // In the place of the row pressed, in view, with the focus; the top line says nothing.
    const at = (await said.boundingBox())!;
    assert.ok(at.y >= 0 && at.y + at.height <= 640, `said at ${at.y}`);
    assert.equal(await page.locator('#clerk-message').innerText(), '');
    assert.equal(await view.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), text);
    await context.close();
  });
  test('on a phone (360 px), a supplement request refused says why where the focus goes', async () => {
    const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base))));
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const context = await browser.newContext({ viewport: { width: 360, height: 480 } });
    const page = await context.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const view = page.getByRole('region', { name: `Hồ sơ ${code}` });
    await view.getByRole('button', { name: `Đang xử lý: ${code}` }).click();
    await page.getByText(`Đã chuyển hồ sơ ${code} sang “Đang xử lý”.`).waitFor();
    await view.getByRole('button', { name: `Cần bổ sung hồ sơ: ${code}` }).click();
    const request = page.getByRole('dialog', { name: `Yêu cầu bổ sung hồ sơ ${code}` });
    // Sent with nothing chosen, from the send button at the dialog's end (keyboard).
    await request.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).press('Enter');
    const alert = request.getByRole('alert');
    await alert.getByText('Chọn ít nhất một giấy tờ hoặc thông tin cần bổ sung.').waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('supplement-error')),
      true,
    );
    const box = (await alert.boundingBox())!;
    assert.ok(box.y >= 0 && box.y < 480, `the errors at ${box.y}`);
    // Each error is also tied to its control: every box of both groups, and the note.
    /** The control's aria-invalid and the words of what aria-describedby names. */
    const tied = (control: import('playwright-core').Locator) =>
      control.evaluate((c) => [
        c.getAttribute('aria-invalid'),
        (c.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      ]);
    const empty = 'Lỗi: Chọn ít nhất một giấy tờ hoặc thông tin cần bổ sung.';
    const fields = request.getByRole('group', { name: 'Thông tin cần khai lại' });
    const documents = request.getByRole('group', { name: 'Giấy tờ cần nộp bổ sung' });
    const note = request.getByLabel('Nội dung yêu cầu (người nộp sẽ đọc được)');
    const boxes = [
      ...(await fields.getByRole('checkbox').all()),
      ...(await documents.getByRole('checkbox').all()),
    ];
    assert.ok(boxes.length >= 2, `${boxes.length} boxes`);
    for (const c of boxes) assert.deepEqual(await tied(c), ['true', empty]);
    assert.deepEqual(await tied(note), [
      'true',
      'Lỗi: Ghi rõ lý do và nội dung cần bổ sung cho người nộp.',
    ]);
    // A document chosen, still no note: the groups' errors go, the note's stays.
    await documents.getByRole('checkbox').first().check();
    await request.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).press('Enter');
    await alert.getByText('Ghi rõ lý do và nội dung cần bổ sung cho người nộp.').waitFor();
    await alert.getByText('Chọn ít nhất một giấy tờ').waitFor({ state: 'detached' });
    for (const c of await documents.getByRole('checkbox').all())
      assert.deepEqual(await tied(c), [null, '']);
    assert.equal(await fields.getByText(empty).count(), 0);
    assert.deepEqual(await tied(note), [
      'true',
      'Lỗi: Ghi rõ lý do và nội dung cần bổ sung cho người nộp.',
    ]);
    await page.keyboard.press('Escape');
    await request.waitFor({ state: 'detached' });
    await context.close();
  });
});
