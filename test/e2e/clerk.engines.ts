// The clerk journey with its supplement round trip in each engine (DVC_E2E_ENGINE; scripts/test.mjs
// runs it in Chromium, Firefox ESR and WebKit): the clerk page moves
// the dossier to processing and asks for a supplement in its dialog; the citizen completes it
// through the status look-up (<dvc-supplement>: the procedure's own field and upload, signed in
// this engine); the clerk sees the answer and the file's exact bytes, then gives the result. The
// receiver's three mails reach a real SMTP server, exactly, with no personal data. And the desk's
// refresh asks whether the open dossier changed with its ETag (If-None-Match, set by the desk's
// fetch): each engine must send it, so that an unchanged dossier is a 304 (the receiver's request
// log) with no new `dossier.read` audit record.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HEALTH_FACILITY,
  journeyMails,
  notifyOptions,
  pdf,
  PERSONAL_IN_MAILS,
  PHONE,
  receiveBirthDossier,
  SAMPLES,
  SUPPLEMENT_NOTE,
} from './clerk-journey-data.js';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import { CLERK, start, type Running } from './helpers.js';
import { startSmtp, type TestSmtp } from './smtp.js';

describe(`a clerk processes a dossier end to end in ${ENGINE}`, () => {
  let s: Running;
  let smtp: TestSmtp;
  let page: EnginePage;
  let files: string;

  before(async () => {
    smtp = await startSmtp();
    s = await start({ proceduresDir: SAMPLES, notify: notifyOptions(smtp.url) });
    files = mkdtempSync(join(tmpdir(), 'dvc-engine-clerk-'));
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await s?.close();
    await smtp?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** The clerk page, signed in (the session cookie keeps it signed in on later visits). */
  async function clerkPage(signIn: boolean) {
    await page.goto(`${s.base}/can-bo.html`);
    if (signIn) {
      await page.type('#clerk-username', CLERK.username);
      await page.type('#clerk-password', CLERK.password);
      await page.click('button[type="submit"]', { text: 'Đăng nhập' });
    }
    await page.waitFor('#clerk-who', { text: `${CLERK.displayName} (cán bộ)` });
  }
  /** Waits until the dossier's row in the list shows `status`. */
  async function rowShows(code: string, status: string) {
    const end = Date.now() + 15_000;
    for (;;) {
      const rows = await page.texts('tr');
      if (rows.some((r) => r.includes(code) && r.includes(status))) return;
      if (Date.now() > end) assert.fail(`no row "${code} … ${status}": ${rows.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  test('receipt, processing, supplement round trip, result, with the mails', async () => {
    const code = await receiveBirthDossier(s);
    const { received, asked, result } = journeyMails(code);
    assert.deepEqual(await smtp.waitFor(1), [received]);

    // The clerk takes it up and asks for a supplement: one answer and one document.
    await clerkPage(true);
    await rowShows(code, 'Đã tiếp nhận');
    await page.click(`button[aria-label="Xem hồ sơ ${code}"]`);
    await page.click(`button[aria-label="Đang xử lý: ${code}"]`);
    await page.waitFor('body', { text: `Đã chuyển hồ sơ ${code} sang “Đang xử lý”.` });
    await page.click(`button[aria-label="Cần bổ sung hồ sơ: ${code}"]`);
    const dialog = 'dialog.supplement-dialog';
    await page.waitFor(`${dialog} h2`, { text: `Yêu cầu bổ sung hồ sơ ${code}` });
    await page.click(`${dialog} input[name="supplement-field"][value="child.healthFacility"]`);
    await page.click(`${dialog} input[name="supplement-document"][value="birthCertificate"]`);
    await page.type(`${dialog} #supplement-note`, SUPPLEMENT_NOTE);
    await page.click(`${dialog} button[type="submit"]`, { text: 'Gửi yêu cầu bổ sung' });
    await page.waitFor('body', {
      text: `Đã gửi yêu cầu bổ sung hồ sơ ${code}; hồ sơ chuyển sang “Cần bổ sung hồ sơ”.`,
    });
    await rowShows(code, 'Cần bổ sung hồ sơ');
    assert.deepEqual(await smtp.waitFor(2), [received, asked]);

    // The citizen looks the dossier up and gets the form for exactly the requested items.
    await page.goto(`${s.base}/tra-cuu.html`);
    const lookup = 'dvc-status-lookup';
    await page.type(`${lookup} >>> dvc-text-field[name="code"] >>> #control`, code);
    await page.type(`${lookup} >>> dvc-text-field[name="secret"] >>> #control`, PHONE);
    await page.click(`${lookup} >>> button[type="submit"]`);
    const form = `${lookup} >>> dvc-supplement`;
    await page.waitFor(`${form} >>> :is(h2, h3)`, { text: 'Bổ sung hồ sơ' });
    assert.deepEqual(await page.texts(`${form} >>> .note`), [SUPPLEMENT_NOTE]);
    await page.waitFor(`${form} >>> dvc-upload`);
    assert.equal(await page.count(`${form} >>> [data-path]`), 1);
    assert.equal(await page.count(`${form} >>> dvc-upload`), 1);

    // Sent empty: the error summary names both items; the field says it in its shadow root.
    const send = () => page.click(`${form} >>> button`, { text: 'Gửi hồ sơ bổ sung' });
    await send();
    await page.waitFor(`${form} >>> dvc-error-summary >>> li`);
    assert.deepEqual(await page.texts(`${form} >>> dvc-error-summary >>> li`), [
      'Nhập tên cơ sở y tế nơi trẻ sinh ra',
      'Vui lòng chọn tệp Giấy chứng sinh',
    ]);
    const facility = `${form} >>> [data-path="child.healthFacility"]`;
    assert.deepEqual(await page.texts(`${facility} >>> [part~="error"]`), [
      'Lỗi: Nhập tên cơ sở y tế nơi trẻ sinh ra',
    ]);
    await page.type(`${facility} >>> #control`, HEALTH_FACILITY);
    const file = join(files, 'giay-chung-sinh-ro.pdf');
    writeFileSync(file, pdf('ro'));
    await page.setFiles(`${form} >>> dvc-upload >>> #control`, [file]);
    await page.waitFor(`${form} >>> dvc-upload >>> .file[data-status="done"]`, {
      timeout: 20_000,
    });
    await send();
    await page.waitFor(`${form} >>> :is(h2, h3)`, { text: 'Đã gửi hồ sơ bổ sung' });
    assert.deepEqual(await page.texts(`${lookup} >>> [part="status"]`), ['Đang xử lý']);
    // Its history says so too: the supplement received is its last step, not the request.
    const steps = await page.texts(`${lookup} >>> [part="history"] li strong`);
    assert.deepEqual(steps.slice(-2), ['Cần bổ sung hồ sơ', 'Đang xử lý']);
    assert.deepEqual(await page.errors(), []);

    // The clerk sees it in the dossier: the answer and the file's exact bytes.
    await clerkPage(false);
    await rowShows(code, 'Đang xử lý');
    await page.click(`button[aria-label="Xem hồ sơ ${code}"]`);
    await page.waitFor('.supplements-view', { text: 'Đã nhận bổ sung' });
    assert.equal((await page.texts('.supplements-view dd'))[0], HEALTH_FACILITY);
    // The answer under its question's words, not its path (child.healthFacility).
    assert.equal((await page.texts('.supplements-view dt'))[0], 'Tên cơ sở y tế nơi trẻ sinh ra');
    const bytes = await page.evaluate(async (name: string) => {
      const link = [...document.querySelectorAll<HTMLAnchorElement>('.supplements-view a')].find(
        (a) => a.textContent?.trim() === name,
      );
      return link ? (await fetch(link.href)).text() : 'no link';
    }, 'giay-chung-sinh-ro.pdf');
    assert.equal(bytes, pdf('ro').toString());
    // Who moved it back to "Đang xử lý": the applicant, in the clerk's words (never "applicant").
    const moves = await page.texts('#clerk-history tbody tr td:nth-child(3)');
    assert.equal(moves.at(-1), 'Người nộp hồ sơ');

    // The result, confirmed in a dialog; the dossier is done.
    await page.click(`button[aria-label="Đã có kết quả: ${code}"]`);
    await page.click('#clerk-confirm-ok', { text: 'Xác nhận: Đã có kết quả' });
    await page.waitFor('body', { text: `Đã chuyển hồ sơ ${code} sang “Đã có kết quả”.` });
    await rowShows(code, 'Đã có kết quả');
    assert.deepEqual(await smtp.waitFor(3), [received, asked, result]);
    for (const m of smtp.mails)
      for (const personal of PERSONAL_IN_MAILS)
        assert.ok(!`${m.subject}\n${m.text}`.includes(personal), personal);
    assert.deepEqual(await page.errors(), []);
  });

  /** The receiver's answers to the desk's reads of one dossier, as its request log has them. */
  const answersFor = (code: string) =>
    s.logs
      .filter((line) => line.includes('"msg":"request"'))
      .map(
        (line) =>
          JSON.parse(line) as { msg?: string; method?: string; url?: string; statusCode?: number },
      )
      .filter(
        (l) => l.msg === 'request' && l.method === 'GET' && l.url === `/api/clerk/dossiers/${code}`,
      )
      .map((l) => l.statusCode);
  /** The `dossier.read` audit records of one dossier. */
  const readsOf = async (code: string) =>
    (
      (await s.app.dvc.storage
        .prepare("SELECT actor FROM audit_log WHERE dossier_code = ? AND action = 'dossier.read'")
        .all(code)) as unknown[]
    ).length;

  test('a refresh asks whether the open dossier changed (If-None-Match): unchanged, 304 and no audit record', async () => {
    const code = await receiveBirthDossier(s, 'journey-2'); // a second dossier: its own key
    // Signed in already (the journey's session cookie), or now.
    await page.goto(`${s.base}/can-bo.html`);
    const signedIn = await page.evaluate(
      async () => (await fetch('/api/auth/session', { credentials: 'same-origin' })).ok,
    );
    await clerkPage(!signedIn);
    await rowShows(code, 'Đã tiếp nhận');
    await page.click(`button[aria-label="Xem hồ sơ ${code}"]`);
    await page.waitFor('#clerk-detail-heading', { text: `Hồ sơ ${code}` });
    assert.deepEqual(answersFor(code), [200]);
    assert.equal(await readsOf(code), 1);
    /** "Tìm" again; resolves with the receiver's answer to the open dossier's re-read. */
    const search = async () => {
      const before = answersFor(code).length;
      await page.click('#clerk-search button[type="submit"]', { text: 'Tìm' });
      const end = Date.now() + 15_000;
      while (answersFor(code).length === before) {
        if (Date.now() > end) assert.fail(`no re-read of ${code} after "Tìm"`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return answersFor(code).slice(before);
    };
    // Unchanged: this engine sent the view's ETag, the receiver answered 304, nothing audited.
    assert.deepEqual(await search(), [304]);
    assert.deepEqual(await search(), [304]);
    assert.equal(await readsOf(code), 1);
    // Changed by another account (a note): sent again, shown, audited once; then unchanged again.
    const note = await fetch(`${s.base}/api/clerk/dossiers/${code}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Đã đối chiếu bản chính.' }),
    });
    assert.equal(note.status, 201);
    assert.deepEqual(await search(), [200]);
    await page.waitFor('#clerk-notes li', { text: 'Đã đối chiếu bản chính.' });
    assert.deepEqual(await search(), [304]);
    assert.equal(await readsOf(code), 2);
    assert.deepEqual(await page.errors(), []);
  });

  test('no page promises an SMS while no SMS provider is configured', async () => {
    assert.deepEqual(s.app.dvc.notifications.kinds, ['email']);
    for (const path of ['/', '/tra-cuu.html', '/can-bo.html', '/thu-tuc/dang-ky-khai-sinh.html']) {
      await page.goto(`${s.base}${path}`);
      const text = await page.evaluate(() => document.documentElement.outerHTML);
      assert.doesNotMatch(text, /\bSMS\b|tin nhắn/i, path);
    }
  });
});
