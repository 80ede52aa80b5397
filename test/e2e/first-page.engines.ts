// The server-rendered first page in each engine (DVC_E2E_ENGINE; scripts/test.mjs runs it in
// Chromium, Firefox ESR and WebKit): with the bundle and the form artefact held back by the
// receiver, as on a slow line, the plain first page of a procedure that has every plain widget
// (text, text area, number, phone, e-mail, ID number, select, radios, a check box, a group of
// check boxes) is answered; when the scripts arrive `<dvc-form>` takes over. Every question and
// every control stays where it was (rounded to the pixel), and what was entered is the form's
// answer, normalised as the fields normalise it.
//
// The page runs in a phone-wide iframe of a page that has loaded: the drivers wait for a page's
// load event before each command (WebKit's gives up after about 30 s and abandons the held
// scripts), and the held scripts hold the load back. So the answers are entered by script, not
// the driver's keyboard; first-page.test.ts types for real, with focus and caret, in Chromium.
//
// Not named *.test.ts: the engines' stages run it, not the Playwright e2e stage; needs
// `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import { until } from './poll.js';
import {
  LAYOUT,
  STYLESHEETS_LOADED,
  WIDGET_PATHS,
  WIDGETS_PAGE,
  widgetsSite,
} from './first-page-site.js';

/** The scripts a slow line would still be downloading: the bundle and the form artefact. */
const HELD = /^\/(?:assets\/dvc-forms\.min\.js|forms\/[^/]+\.min\.js)(?:\?|$)/;

describe(`the server-rendered first page in ${ENGINE}`, () => {
  const site = widgetsSite();
  let s: Running;
  let page: EnginePage;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));

  before(async () => {
    s = await start({ proceduresDir: site.proceduresDir, siteDir: site.siteDir }, (app) => {
      app.addHook('onRequest', async (request) => {
        if (HELD.test(request.url)) await released;
      });
      // The demo forbids framing its pages; this one is framed by the test's own page.
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url === WIDGETS_PAGE) reply.removeHeader('x-frame-options');
        return payload;
      });
    });
    page = await openEngine();
  });
  after(async () => {
    release();
    await page?.close();
    await s?.close();
    site.remove();
  });

  test('answered before the scripts arrive, kept after, and nothing moves', async () => {
    // The demo's 404 page: same origin, no bundle.
    await page.goto(`${s.base}/khong-co-trang-nay`);
    await page.evaluate((url: string) => {
      const frame = document.createElement('iframe');
      // Taller than the page before and after: a scroll bar appearing at the hand-over (Firefox's
      // take room) would narrow it, which a long page on a real phone does not do.
      frame.style.cssText = 'width: 412px; height: 8000px; border: 0; display: block';
      frame.src = url;
      document.body.replaceChildren(frame);
      return true;
    }, `${s.base}${WIDGETS_PAGE}`);
    await until('the plain page shows', () =>
      page.evaluate(
        () =>
          !!document
            .querySelector('iframe')
            ?.contentDocument?.querySelector('dvc-form .dvc-fp-field[data-path="needs"]'),
      ),
    );
    await until('the stylesheets load', () => page.evaluate(STYLESHEETS_LOADED, true));
    await page.evaluate(() => {
      const doc = document.querySelector('iframe')!.contentDocument!;
      // No named helper: tsx would wrap it in one the page does not have.
      const texts = [
        ['fullName', 'Nguye\u0302\u0303n Thị Lan'],
        ['note', 'Giao buổi sáng'],
        ['copies', '1.234'],
        ['phone', '0912 345 678'],
        ['province', '79'],
      ];
      for (const [path, value] of texts)
        doc.querySelector<HTMLInputElement>(
          `dvc-form [data-path="${path}"] :is(input, select, textarea)`,
        )!.value = value!;
      for (const choice of [
        'dvc-form [data-path="relation"] [value="mother"]',
        'dvc-form [data-path="agree"] input',
        'dvc-form [data-path="needs"] [value="post"]',
      ])
        doc.querySelector<HTMLInputElement>(choice)!.checked = true;
      return true;
    });
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector('iframe')!.contentWindow!.customElements.get('dvc-form') ===
          undefined,
      ),
      true,
      'the element is not defined yet',
    );
    const before = await page.evaluate(LAYOUT, true, true);
    assert.deepEqual(
      before.map((l) => l.split(':')[0]!).filter((what) => !what.includes(' ')),
      WIDGET_PATHS,
    );

    release();
    await until('the form takes over', () =>
      page.evaluate(
        () => !document.querySelector('iframe')!.contentDocument!.querySelector('.dvc-first-page'),
      ),
    );
    const answers = await page.evaluate(async () => {
      const form = document
        .querySelector('iframe')!
        .contentDocument!.querySelector('dvc-form') as unknown as {
        settled(): Promise<void>;
        session: { answers: unknown };
      };
      await form.settled();
      return JSON.parse(JSON.stringify(form.session.answers)) as unknown;
    });
    const after = await page.evaluate(LAYOUT, false, true);
    // The form goes on below (the date the plain page stops at, and what follows).
    assert.deepEqual(after.slice(0, before.length), before);
    assert.deepEqual(answers, {
      fullName: 'Nguyễn Thị Lan',
      note: 'Giao buổi sáng',
      copies: 1234,
      phone: '0912345678',
      province: '79',
      relation: 'mother',
      agree: true,
      needs: ['post'],
    });
  });
});
