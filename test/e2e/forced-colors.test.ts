// The date picker in forced colours (Windows high contrast, WCAG 1.4.11 non-text contrast), on
// the real demo site in Chromium: the system colours replace the author's, so the chosen day must
// keep a marking of its own, apart from the focused day and the other days.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));

describe('forced colours, in Chromium', () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({ proceduresDir: SAMPLES });
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('the date picker marks the chosen day apart from the focused day and the others', async () => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 740 },
      forcedColors: 'active',
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.base}/thu-tuc/dang-ky-ket-hon.html`);
    const field = page.locator('dvc-form [data-path="woman.birthDate"]');
    await field.locator('input').fill('15/03/1995');
    await field.getByRole('button', { name: /^Chọn ngày trên lịch/ }).click();
    const day = (d: number) => field.locator(`td[data-date="1995-03-${d}"]`);
    await day(15).waitFor();
    assert.equal(await day(15).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowRight');
    assert.equal(await day(16).evaluate((td) => td.matches(':focus')), true);
    // What is on the screen, not the computed style (which keeps the author's blue): one pixel
    // of each day's cell, inside it, away from its digits and from the focus ring.
    const look = async (d: number) => {
      const png = (await day(d).screenshot()).toString('base64');
      return page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return [...ctx.getImageData(6, Math.floor(img.height / 2), 1, 1).data].join(',');
      }, png);
    };
    const [chosen, focused, other] = [await look(15), await look(16), await look(14)];
    assert.equal(focused, other, 'the focus ring is outside the pixel compared');
    assert.notEqual(chosen, other, `the chosen day ${chosen} looks like the others`);
    await page.close();
  });
});
