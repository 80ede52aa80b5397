// `copyFrom` on the demo site (WCAG 2.2 SC 3.3.7 Redundant Entry across pages): in the marriage
// registration the groom's residence, a page after the bride's, offers hers with one button;
// pressing it fills the address, focus lands in it, the page stays axe clean, and the dossier
// the receiver stores holds the same residence twice as two ordinary, verified answers.
// Needs `npm run build`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formOn, openEngine, type EnginePage } from './engines.js';
import { start, type Running } from './helpers.js';
import {
  marriageContactToReview,
  marriageEligibility,
  verifiedPayload,
} from './marriage-journey.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const PROCEDURE_FILE = `${SAMPLES}dang-ky-ket-hon.json`;
const BUNDLE = fileURLToPath(new URL('../../dist/dvc-forms.min.js', import.meta.url));
const RESIDENCE = { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' };
const OFFER = 'Dùng lại địa chỉ đã khai ở “Nơi cư trú của bên nữ”';

describe('copyFrom on the demo site: the groom reuses the bride’s residence', () => {
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

  const form = formOn(() => page);
  const { FORM, HEADING, field, type, select, address, continueTo } = form;
  const offer = `${FORM} >>> button[part~="copy-offer"]`;

  test('one press copies the address; the signed payload holds it twice', async () => {
    await page.goto(`${s.base}/thu-tuc/dang-ky-ket-hon.html`);
    await page.waitFor(HEADING, { text: 'Kiểm tra điều kiện kết hôn' });
    await marriageEligibility(form, '08/08/1998', '30/01/1996');
    // The bride's residence is the first address of the form: nothing to offer yet.
    assert.equal(await page.count(offer), 0);
    await type('woman.fullName', 'Hoàng Thị Mai');
    await select('woman.ethnicity', '02');
    await type('woman.personalId', '001198004567');
    await address('woman.residence', RESIDENCE.province, RESIDENCE.commune, RESIDENCE.street);
    await type('woman.marriageNumber', '1');
    await continueTo(/Thông tin bên nam/);

    // One offer, above the groom's residence, named by the question the address was given in.
    assert.deepEqual(await page.texts(offer), [OFFER]);
    const named = await page.evaluate(() => {
      const root = document.querySelector('dvc-form')!.shadowRoot!;
      const button = root.querySelector('button[part~="copy-offer"]')!;
      return [
        button.getAttribute('aria-label'),
        button.closest('p')!.nextElementSibling!.getAttribute('data-path'),
      ];
    });
    assert.deepEqual(named, [`${OFFER} cho “Nơi cư trú của bên nam”`, 'man.residence']);
    assert.deepEqual(await page.axe(), []);
    await page.click(offer);
    await page.waitFor(`${field('man.residence')} >>> #street`);
    const after = async () =>
      page.evaluate(() => {
        const root = document.querySelector('dvc-form')!.shadowRoot!;
        const el = root.querySelector<HTMLElement & { value: unknown }>(
          '[data-path="man.residence"]',
        )!;
        return {
          value: el.value,
          focused: root.activeElement === el,
          offers: root.querySelectorAll('button[part~="copy-offer"]').length,
        };
      });
    const end = Date.now() + 5_000;
    let now = await after();
    while (now.offers > 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      now = await after();
    }
    assert.deepEqual(now, { value: RESIDENCE, focused: true, offers: 0 });
    assert.deepEqual(await page.axe(), []);

    await type('man.fullName', 'Bùi Đức Anh');
    await select('man.ethnicity', '01');
    await type('man.personalId', '079096007890');
    await type('man.marriageNumber', '1');
    await marriageContactToReview(form, '0366 123 456');
    await page.click(`${FORM} >>> #declaration`);
    await page.click(`${FORM} >>> .buttons button.primary`);
    const receipt = `${FORM} >>> dvc-receipt`;
    await page.waitFor(`${receipt} >>> [part="code"]`, { timeout: 20_000 });
    const [code] = await page.texts(`${receipt} >>> [part="code"]`);

    const payload = await verifiedPayload(s, code, PROCEDURE_FILE);
    const answers = payload.answers as Record<string, Record<string, unknown>>;
    assert.deepEqual(answers.woman.residence, RESIDENCE);
    assert.deepEqual(answers.man.residence, RESIDENCE);
    assert.deepEqual(await page.errors(), []);
  });
});
