// The clerk desk's list refresh on the real demo site in Chromium, with the real receiver: a fee
// taken at the desk whose reload then fails is still said where the clerk acted (the receiver's
// own refusal: its clerk rate limit); a dossier deleted meanwhile leaves the list when "Xem"
// finds it gone, nothing else reloaded; and a refresh re-reads the open dossier (one more
// `dossier.read` audit record) only when it changed. axe on each state.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  ADMIN,
  CLERK,
  RELAXED_RATE_LIMITS,
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

/** The audit records of one dossier: [actor, action, outcome], oldest first. */
async function auditOf(s: Running, code: string): Promise<string[][]> {
  const rows = (await s.app.dvc.storage
    .prepare('SELECT actor, action, outcome FROM audit_log WHERE dossier_code = ? ORDER BY id')
    .all(code)) as { actor: string; action: string; outcome: string }[];
  return rows.map((r) => [r.actor, r.action, r.outcome]);
}

/** What has the focus: [the code of its list row, its id or class, its text]. */
const focusOf = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    return [a.closest('tr')?.dataset.code ?? '', a.id || a.className, a.textContent ?? ''];
  });

async function newDossier(base: string, overrides: Record<string, unknown> = {}) {
  const r = await postDossier(base, fakeJws(payload(await challenge(base), overrides)));
  assert.equal(r.status, 201);
  return ((await r.json()) as { dossierCode: string }).dossierCode;
}

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe(
  'the clerk desk refresh in Chromium',
  // Skips only without Chromium; npm test installs it before the e2e stage, so never there.
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let browser: Browser;
    const time = clock('2026-05-04T02:00:00.000Z');
    // A receiver whose clerk limit refuses the page's request after `max`: the way these tests
    // make the desk's reload fail, with the receiver's own 429.
    const withClerkLimit = (max: number) =>
      start({
        verifySubmission: fakeVerify,
        now: time.now,
        rateLimits: {
          ...RELAXED_RATE_LIMITS,
          clerk: { max, windowSeconds: 600, globalMax: 100_000, globalWindowSeconds: 600 },
        },
      });
    const FEE = {
      total: 135000,
      currency: 'VND',
      items: [{ id: 'le-phi', amount: 135000, quantity: 1, subtotal: 135000, reductions: [] }],
    };
    before(async () => {
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });
    after(async () => {
      await browser?.close();
    });

    test('a fee taken at the desk whose reload fails: said in its row, the focus there', async () => {
      // The receiver's clerk limit lets the administrator's page make six clerk requests: the
      // session check and the log-in, the list and the audit log at sign-in, the payment, the
      // list again; the audit log after it is refused (429), after the list's rows were already
      // replaced.
      const s = await withClerkLimit(6);
      try {
        const code = await newDossier(s.base, { fee: FEE });
        const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
        const page = await context.newPage();
        await signIn(page, s.base, ADMIN);
        await page.getByRole('table', { name: 'Nhật ký truy cập (quản trị viên)' }).waitFor();
        const row = page.getByRole('row').filter({ hasText: code });
        await row.getByText('135.000 đ · Chưa nộp').waitFor();
        await row.getByRole('button', { name: `Thu tại quầy: ${code}` }).press('Enter');
        const refused = page.waitForResponse(
          (r) => r.url().includes('/api/clerk/admin/audit') && r.status() === 429,
        );
        await page
          .getByRole('dialog', { name: `Xác nhận đã thu 135.000 đ cho hồ sơ ${code}?` })
          .getByRole('button', { name: 'Xác nhận đã thu' })
          .press('Enter');
        const seconds = (await refused).headers()['retry-after'];
        const said =
          `Đã ghi nhận nộp 135.000 đ cho hồ sơ ${code} và lập biên lai, nhưng chưa tải lại được ` +
          `đầy đủ trang: Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ${seconds} giây rồi thử lại.`;
        // In the dossier's row as reloaded (paid, its button gone), with the focus on it.
        await row.getByRole('status').getByText(said, { exact: true }).waitFor();
        await row.getByText('135.000 đ · Đã nộp').waitFor();
        assert.deepEqual(await focusOf(page), [code, 'row-message', said]);
        assert.equal(await page.locator('#clerk-message').innerText(), '');
        // Recorded once, by the administrator who took it.
        assert.deepEqual(
          (await auditOf(s, code)).filter(([, action]) => action === 'dossier.payment'),
          [[ADMIN.username, 'dossier.payment', 'success']],
        );
        assert.deepEqual(await axe(page), []);
        await context.close();
      } finally {
        await s.close();
      }
    });

    test("a fee taken for a dossier that has left the list, whose reload fails: said on the list's line", async () => {
      // The administrator lists the dossiers "Đã tiếp nhận"; while the fee dialog is open, a clerk's
      // account (its API key) moves the dossier on, so the reload after the payment no longer lists
      // it. The receiver's clerk limit (per address: the page's and the key's requests together)
      // lets nine through: the session check and the log-in, the list and the audit log at
      // sign-in, the filtered list and the audit log, the key's move, the payment, the list
      // again; the audit log after it is refused.
      const s = await withClerkLimit(9);
      try {
        const code = await newDossier(s.base, { fee: FEE });
        const stays = await newDossier(s.base); // one more, still "Đã tiếp nhận" after the move
        const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
        const page = await context.newPage();
        await signIn(page, s.base, ADMIN);
        const audit = page.getByRole('table', { name: 'Nhật ký truy cập (quản trị viên)' });
        await audit.waitFor();
        await page.getByLabel('Trạng thái').selectOption({ label: 'Đã tiếp nhận' });
        const filtered = page.waitForResponse((r) => r.url().includes('/api/clerk/admin/audit'));
        await page.getByRole('button', { name: 'Tìm', exact: true }).click();
        assert.equal((await filtered).status(), 200);
        const row = page.getByRole('row').filter({ hasText: code });
        await row.getByText('135.000 đ · Chưa nộp').waitFor();
        await row.getByRole('button', { name: `Thu tại quầy: ${code}` }).press('Enter');
        const dialog = page.getByRole('dialog', {
          name: `Xác nhận đã thu 135.000 đ cho hồ sơ ${code}?`,
        });
        await dialog.waitFor();
        // Meanwhile another clerk's account takes the dossier up: it is no longer "Đã tiếp nhận".
        const moved = await fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'processing' }),
        });
        assert.equal(moved.status, 200);
        const refused = page.waitForResponse(
          (r) => r.url().includes('/api/clerk/admin/audit') && r.status() === 429,
        );
        await dialog.getByRole('button', { name: 'Xác nhận đã thu' }).press('Enter');
        const seconds = (await refused).headers()['retry-after'];
        const said =
          `Đã ghi nhận nộp 135.000 đ cho hồ sơ ${code} và lập biên lai, nhưng chưa tải lại được ` +
          `đầy đủ trang: Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ${seconds} giây rồi thử lại.`;
        // The list was reloaded without it (its row, where the dialog was opened, is gone): the
        // news is on the list's line, with the focus, not lost with the row nor on the top line.
        const count = page.locator('#clerk-count');
        await count.getByText(said, { exact: true }).waitFor();
        assert.deepEqual(await focusOf(page), ['', 'clerk-count', said]);
        assert.equal(await page.locator(`#clerk-table tr[data-code="${code}"]`).count(), 0);
        assert.equal(await page.locator(`#clerk-table tr[data-code="${stays}"]`).count(), 1);
        assert.equal(await page.locator('#clerk-table .row-message').count(), 0);
        assert.equal(await page.locator('#clerk-message').innerText(), '');
        // Taken once, by the administrator, after the clerk's move.
        const [clerkActor] = (await auditOf(s, code)).find(([, a]) => a === 'dossier.status') ?? [];
        assert.ok(clerkActor?.startsWith(`${CLERK.username} (khoá API `), clerkActor);
        assert.deepEqual(
          (await auditOf(s, code)).filter(([, action]) => action !== 'dossier.list'),
          [
            [clerkActor, 'dossier.status', 'success'],
            [ADMIN.username, 'dossier.payment', 'success'],
          ],
        );
        assert.deepEqual(await axe(page), []);
        await context.close();
      } finally {
        await s.close();
      }
    });

    describe('on one receiver', () => {
      let s: Running;
      before(async () => {
        s = await start({ verifySubmission: fakeVerify, now: time.now });
      });
      after(async () => {
        await s?.close();
      });

      test('"Xem" on a dossier deleted meanwhile: it leaves the list, nothing else reloaded', async () => {
        const open = await newDossier(s.base);
        const gone = await newDossier(s.base);
        await newDossier(s.base); // one more, that stays listed
        const context = await browser.newContext({ bypassCSP: true }); // to inject axe itself
        const page = await context.newPage();
        await signIn(page, s.base, CLERK);
        const count = page.locator('#clerk-count');
        const listed = Number(/^(\d+) hồ sơ\.$/.exec(await count.innerText())?.[1]);
        assert.ok(listed >= 3, `${listed} listed`);
        // A dossier open with a note being written, and a search typed but not yet sent.
        await page.getByRole('button', { name: `Xem hồ sơ ${open}` }).click();
        const view = page.getByRole('region', { name: `Hồ sơ ${open}` });
        const note = view.getByLabel('Ghi chú mới (chỉ cán bộ đọc được)');
        await note.fill('Đang gọi điện cho người nộp.');
        await page.getByLabel('Tìm hồ sơ').fill('Nguyễn Văn');
        // Meanwhile an administrator deletes the other one.
        const del = await fetch(`${s.base}/api/clerk/admin/dossiers/${gone}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
          body: '{"reason":"Nộp trùng"}',
        });
        assert.equal(del.status, 204);
        const requests: string[] = [];
        page.on('request', (r) => {
          const url = new URL(r.url());
          if (url.pathname.startsWith('/api/')) requests.push(`${r.method()} ${url.pathname}`);
        });
        await page.getByRole('button', { name: `Xem hồ sơ ${gone}` }).press('Enter');
        const said = `Hồ sơ ${gone} không còn trong hệ thống (có thể vừa bị xoá) nên đã được bỏ khỏi danh sách.`;
        const line = page.getByRole('table', { name: 'Hồ sơ đã tiếp nhận' }).getByRole('status');
        await line.getByText(said, { exact: true }).waitFor();
        // Its row is gone (nothing of it left but the sentence, where the focus is), the count
        // says one fewer, and nothing was reloaded: what the clerk typed is all still there.
        assert.equal(await page.getByRole('button', { name: `Xem hồ sơ ${gone}` }).count(), 0);
        assert.equal(await page.locator(`#clerk-table tr[data-code="${gone}"]`).count(), 0);
        assert.deepEqual(await focusOf(page), ['', 'row-message', said]);
        assert.equal(await count.innerText(), `${listed - 1} hồ sơ.`);
        assert.deepEqual(requests, [`GET /api/clerk/dossiers/${gone}`]);
        assert.equal(await note.inputValue(), 'Đang gọi điện cho người nộp.');
        assert.equal(await page.getByLabel('Tìm hồ sơ').inputValue(), 'Nguyễn Văn');
        assert.equal(await view.isVisible(), true);
        assert.equal(await page.locator('#clerk-message').innerText(), '');
        // The try is audited as such, once.
        assert.deepEqual(
          (await auditOf(s, gone)).filter(([actor]) => actor === CLERK.username),
          [[CLERK.username, 'dossier.read', 'not-found']],
        );
        assert.deepEqual(await axe(page), []);
        // Anything said next takes the sentence's row away with it.
        await view.getByRole('button', { name: 'Lưu ghi chú' }).click();
        await page.getByText(`Đã lưu ghi chú cho hồ sơ ${open}.`).waitFor();
        assert.equal(await page.getByText(said).count(), 0);
        assert.equal(await page.locator('#clerk-table tbody tr:not([data-code])').count(), 0);
        // The dossier open deleted too: "Xem" again takes its row and its view away.
        const del2 = await fetch(`${s.base}/api/clerk/admin/dossiers/${open}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
          body: '{"reason":"Nộp trùng"}',
        });
        assert.equal(del2.status, 204);
        await page.getByRole('button', { name: `Xem hồ sơ ${open}` }).press('Enter');
        const said2 = `Hồ sơ ${open} không còn trong hệ thống (có thể vừa bị xoá) nên đã được bỏ khỏi danh sách.`;
        await line.getByText(said2, { exact: true }).waitFor();
        assert.deepEqual(await focusOf(page), ['', 'row-message', said2]);
        assert.equal(await page.locator('#clerk-detail').isHidden(), true);
        assert.equal(await page.locator('#clerk-detail-heading').innerText(), '');
        assert.equal(await count.innerText(), `${listed - 2} hồ sơ.`);
        await context.close();
      });

      test('a refresh re-reads the open dossier only when it changed: one audit record a view', async () => {
        const code = await newDossier(s.base);
        const page = await browser.newPage();
        await signIn(page, s.base, CLERK);
        await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
        const view = page.getByRole('region', { name: `Hồ sơ ${code}` });
        await view.getByRole('button', { name: `Đang xử lý: ${code}` }).waitFor();
        const reads = async () =>
          (await auditOf(s, code)).filter(([, action]) => action === 'dossier.read');
        const read = [CLERK.username, 'dossier.read', 'success'];
        assert.deepEqual(await reads(), [read]);
        /** "Tìm" again, and the open dossier's answer to the refresh. */
        const search = async () => {
          const answer = page.waitForResponse((r) =>
            r.url().endsWith(`/api/clerk/dossiers/${code}`),
          );
          await page.getByRole('button', { name: 'Tìm', exact: true }).click();
          return (await answer).status();
        };
        // Unchanged: nothing read out again, nothing audited.
        assert.equal(await search(), 304);
        assert.equal(await search(), 304);
        assert.deepEqual(await reads(), [read]);
        // Changed by someone else (a note: not a status move): shown fresh, read (and audited) once.
        const r = await fetch(`${s.base}/api/clerk/dossiers/${code}/notes`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ note: 'Đã đối chiếu bản chính.' }),
        });
        assert.equal(r.status, 201);
        assert.equal(await search(), 200);
        await view
          .getByRole('list', { name: 'Ghi chú nội bộ' })
          .getByText('Đã đối chiếu bản chính.')
          .waitFor();
        assert.equal(await search(), 304);
        assert.deepEqual(await reads(), [read, read]);
        // "Xem" is a person's view: always read, and audited.
        await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'clerk-detail-heading');
        assert.deepEqual(await reads(), [read, read, read]);
        // Deleted meanwhile: the next refresh closes its view and says so on the list's line,
        // where the search just sent is; before, the refresh failed on it and stopped there.
        const del = await fetch(`${s.base}/api/clerk/admin/dossiers/${code}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
          body: '{"reason":"Nộp trùng"}',
        });
        assert.equal(del.status, 204);
        assert.equal(await search(), 404);
        const said = `Hồ sơ ${code} đang mở không còn trong hệ thống (có thể vừa bị xoá) nên đã được đóng lại.`;
        await page.locator('#clerk-count').getByText(said, { exact: true }).waitFor();
        assert.equal(await page.locator('#clerk-detail').isHidden(), true);
        assert.equal(await page.locator('#clerk-message').innerText(), '');
        assert.equal(await page.locator(`#clerk-table tr[data-code="${code}"]`).count(), 0);
        await page.close();
      });
    });
  },
);
