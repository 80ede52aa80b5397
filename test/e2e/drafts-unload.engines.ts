// "Nothing a person types is ever lost", at the page's last moment, in each engine
// (DVC_E2E_ENGINE: chromium, firefox or webkit; scripts/test.mjs runs it in all three): on the
// demo site, with the draft kept on the device, answers typed just before a reload or a
// navigation away (no pause: no debounced save can have run) come back on "Tiếp tục hồ sơ đang
// khai", exactly as typed. The draft is sealed ahead and put within the unload's own events
// (components/drafts/seal-ahead.ts); before, such answers were lost.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE, formOn, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/dvc-forms.min.js', import.meta.url));
const PAGE = '/thu-tuc/dang-ky-khai-sinh.html';
const FIRST = 'Kiểm tra trường hợp của bạn';
const REQUESTER = 'Người đi đăng ký khai sinh';
const OFFER = 'Bạn có một hồ sơ đang khai dở';

describe(`answers typed just before the page goes, in ${ENGINE}`, () => {
  let s: Running;
  let page: EnginePage;

  before(async () => {
    assert.ok(existsSync(BUNDLE), 'dist/dvc-forms.min.js is missing: run "npm run build" first');
    s = await start({ proceduresDir: SAMPLES });
    page = await openEngine();
  });
  after(async () => {
    await page?.close();
    await s?.close();
  });

  const { FORM, HEADING, type, choose, select } = formOn(() => page);
  const button = (text: string) => page.click(`${FORM} >>> button`, { text });
  async function continueTo(next: string): Promise<void> {
    await page.click(`${FORM} >>> .buttons button.primary`);
    await page.waitFor(HEADING, { text: next, timeout: 10_000 });
  }
  /** The answers of the page on screen, as the form's fields hold them. */
  const values = (...paths: string[]) =>
    page.evaluate(
      (names: string[]) =>
        names.map((name) => {
          const el = document
            .querySelector('dvc-form')
            ?.shadowRoot?.querySelector(`[name="${name}"]`);
          return (el as { value?: unknown } | null | undefined)?.value ?? null;
        }),
      paths,
    );
  /** Leaves the page in the very next task: no pause after the last key. */
  const leave = (how: 'reload' | 'away') =>
    page.evaluate((away: boolean) => {
      setTimeout(() => (away ? location.assign('/') : location.reload()), 0);
    }, how === 'away');
  /** Waits until the page at `path` is loaded (asking the page in between may fail). */
  async function arrived(path: string): Promise<void> {
    for (let i = 0; i < 150; i++) {
      const at = await page
        .evaluate(() => (document.readyState === 'complete' ? location.pathname : ''))
        .catch(() => '');
      if (at === path) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`${path} did not load`);
  }
  /** Back on the form: "Tiếp tục hồ sơ đang khai" brings the requester's page back. */
  async function resume(): Promise<void> {
    await page.waitFor(HEADING, { text: OFFER, timeout: 15_000 });
    await button('Tiếp tục hồ sơ đang khai');
    await page.waitFor(HEADING, { text: REQUESTER });
  }

  test('a name typed, then a reload at once; another answer, then a navigation away at once', async () => {
    await page.goto(`${s.base}${PAGE}`);
    await page.waitFor(HEADING, { text: FIRST });
    await button('Lưu trên thiết bị này');
    // The consent question goes once answered and the page under it moves up: a click aimed
    // before that lands where the first answer was (twice in WebKit under load, the first radio
    // then unanswered). A person's next tap comes after they see the page settle.
    for (let i = 0; ; i++) {
      if ((await page.count(`${FORM} >>> button`, { text: 'Lưu trên thiết bị này' })) === 0) break;
      assert.ok(i < 100, 'the consent question is still there 10 s after its answer');
      await new Promise((r) => setTimeout(r, 100));
    }
    await choose('eligibility.alreadyRegistered', 'Chưa đăng ký');
    await choose('eligibility.bornInVietnam', 'Có');
    await choose('eligibility.foreignParent', 'Không');
    await choose('eligibility.fatherStatus', 'Chưa xác định được cha của trẻ');
    await continueTo(REQUESTER);
    // The eligibility answers and this page are saved the ordinary way (debounced, 500 ms).
    await new Promise((r) => setTimeout(r, 1500));
    await select('requester.relationship', 'mother');
    await type('requester.fullName', 'Lê Thị Mai');
    await leave('reload');

    await resume();
    assert.deepEqual(await values('requester.relationship', 'requester.fullName'), [
      'mother',
      'Lê Thị Mai',
    ]);

    await type('requester.phone', '0912 345 678');
    await leave('away');
    await arrived('/');
    // Another address for the same page: a new load, never the old one from the back-forward
    // cache (which would show what was typed without reading the draft).
    await page.goto(`${s.base}${PAGE}?lai=1`);
    await resume();
    assert.deepEqual(
      await values('requester.relationship', 'requester.fullName', 'requester.phone'),
      ['mother', 'Lê Thị Mai', '0912345678'],
    );
    assert.deepEqual(await page.errors(), []);
  });
});
