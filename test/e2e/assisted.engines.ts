// Assisted digital in each engine (DVC_E2E_ENGINE; scripts/test.mjs runs it in Chromium,
// Firefox ESR and WebKit): a post-office worker fills in the marriage
// registration with the couple on a page that names the helper (`assisted-by`). The form asks
// both confirmations and will not send without the helper's; the payload this engine signed
// verifies against the procedure file and records both; nothing is kept in the browser; the
// clerk page shows who helped; the receiver's log holds none of the answers.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  APPLICANT_STATEMENT,
  ASSISTANCE_SHOWN,
  ASSISTED_PAGE,
  ASSISTED_PHONE,
  HELPER,
  HELPER_MISSING,
  HELPER_STATEMENT,
  MAN,
  PERSONAL,
  WOMAN,
} from './assisted-data.js';
import { ENGINE, formOn, openEngine, type EnginePage } from './engines.js';
import { CLERK, start, type Running } from './helpers.js';
import { lastRead } from './poll.js';
import {
  marriageContactToReview,
  marriageEligibility,
  verifiedPayload,
} from './marriage-journey.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-ket-hon.json`;
/** The demo page as a post office embeds it, with the helper named (served beside it). */
const HELPED_PAGE = '/thu-tuc/dang-ky-ket-hon-ho-tro.html';

describe(`an assisted application in ${ENGINE}`, () => {
  let s: Running;
  let page: EnginePage;

  before(async () => {
    s = await start({ proceduresDir: SAMPLES }, (app) => {
      app.get(HELPED_PAGE, async (_request, reply) => {
        const original = await app.inject({ method: 'GET', url: ASSISTED_PAGE });
        for (const [name, value] of Object.entries(original.headers)) {
          if (!['content-length', 'etag', 'transfer-encoding'].includes(name) && value) {
            reply.header(name, value);
          }
        }
        return reply.send(original.body.replace('<dvc-form', `<dvc-form assisted-by="${HELPER}"`));
      });
    });
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await s?.close();
  });

  const form = formOn(() => page);
  const { FORM, HEADING, type, select, address, continueTo } = form;

  async function person(who: 'woman' | 'man', p: typeof WOMAN) {
    await type(`${who}.fullName`, p.name);
    await select(`${who}.ethnicity`, '01');
    await type(`${who}.personalId`, p.id);
    await address(`${who}.residence`, '01', '00004', p.street);
    await type(`${who}.marriageNumber`, '1');
  }

  test('both confirmations are signed, verified and shown to the clerk; no answer in the log', async () => {
    await page.goto(`${s.base}${HELPED_PAGE}`);
    await page.waitFor(HEADING, { text: 'Kiểm tra điều kiện kết hôn' });
    await page.waitFor(`${FORM} >>> p`, {
      text: `Biểu mẫu này được điền với sự hỗ trợ của ${HELPER}`,
    });
    // Assisted: no question about keeping a draft on this (shared) device.
    assert.equal(await page.count(`${FORM} >>> .draft-consent`), 0);

    await marriageEligibility(form, '15/03/1995', '20/08/1993');
    await person('woman', WOMAN);
    await continueTo(/Thông tin bên nam/);
    await person('man', MAN);
    await marriageContactToReview(form, '0987 654 321');

    // Without the helper's own confirmation nothing is sent.
    await page.click(`${FORM} >>> label`, { text: APPLICANT_STATEMENT });
    await page.click(`${FORM} >>> .buttons button.primary`);
    await page.waitFor(`${FORM} >>> dvc-error-summary >>> li`);
    assert.deepEqual(await page.texts(`${FORM} >>> dvc-error-summary >>> li`), [HELPER_MISSING]);
    const count = s.app.dvc.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number };
    assert.equal(count.n, 0);
    await page.click(`${FORM} >>> label`, { text: HELPER_STATEMENT });
    await page.click(`${FORM} >>> .buttons button.primary`);
    const receipt = `${FORM} >>> dvc-receipt`;
    await page.waitFor(`${receipt} >>> [part="code"]`, { timeout: 20_000 });
    const [code] = await page.texts(`${receipt} >>> [part="code"]`);

    // The payload this engine signed verifies and records both confirmations.
    const payload = await verifiedPayload(s, code, PROCEDURE_FILE);
    assert.equal(payload.assistedBy, HELPER);
    assert.deepEqual(payload.assistance, {
      applicantConfirmed: true,
      helperConfirmed: true,
      helperStatement: HELPER_STATEMENT,
    });
    const answers = payload.answers as Record<string, Record<string, unknown>>;
    assert.equal(answers.woman.fullName, WOMAN.name);
    assert.equal(answers.man.personalId, MAN.id);
    // Assisted mode kept nothing in this browser: no drafts key, no draft.
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? ''),
    );
    assert.ok(!databases.includes('dvc-forms-keys'), databases.join(', '));

    // The couple looks the dossier up with the phone number (sent in the query string).
    await page.goto(`${s.base}/tra-cuu.html`);
    const lookup = 'dvc-status-lookup';
    await page.type(`${lookup} >>> dvc-text-field[name="code"] >>> #control`, code);
    await page.type(`${lookup} >>> dvc-text-field[name="secret"] >>> #control`, ASSISTED_PHONE);
    await page.click(`${lookup} >>> button[type="submit"]`);
    await page.waitFor(`${lookup} >>> [part="status"]`);

    // The clerk: the list says a helper filled it in; opening it (audited) shows who and what.
    await page.goto(`${s.base}/can-bo.html`);
    await page.type('#clerk-username', CLERK.username);
    await page.type('#clerk-password', CLERK.password);
    await page.click('button[type="submit"]', { text: 'Đăng nhập' });
    await page.waitFor('tr', { text: code });
    await page.waitFor('tr .assisted', { text: 'Khai có người hỗ trợ' });
    await page.click(`button[aria-label="Xem hồ sơ ${code}"]`);
    const assistance = '#clerk-detail dvc-dossier >>> section[aria-labelledby="assistance"] p';
    await page.waitFor(assistance, { text: ASSISTANCE_SHOWN[0] });
    assert.deepEqual(await page.texts(assistance), ASSISTANCE_SHOWN);
    await page.waitFor('#clerk-detail dvc-dossier >>> section[aria-labelledby="documents"]', {
      text: 'Không có giấy tờ đính kèm.',
    });
    // The desk focuses the heading once the whole dossier is shown, its supplements (fetched
    // after the documents section above) included: waited for, not read at once.
    assert.equal(
      await lastRead(
        () => page.evaluate(() => document.activeElement?.id ?? ''),
        (id) => id === 'clerk-detail-heading',
      ),
      'clerk-detail-heading',
    );
    const reads = s.app.dvc.db
      .prepare(
        "SELECT actor, outcome FROM audit_log WHERE action = 'dossier.read' AND dossier_code = ?",
      )
      .all(code);
    assert.deepEqual(reads, [{ actor: CLERK.username, outcome: 'success' }]);

    const log = s.logs.join('');
    assert.ok(
      log.includes(`/api/status?code=${code}&secret=%5Bredacted%5D`),
      'the look-up is logged',
    );
    for (const value of PERSONAL) {
      assert.ok(!log.includes(value), `the receiver's log holds "${value}"`);
    }
    assert.deepEqual(await page.errors(), []);
  });
});
