// A citizen on a cheap phone (360 × 640), on the demo site in Chromium (playwright-core), in one
// of two ways: by touch (taps on a touch screen) or by keyboard alone (Tab, arrows, Space and
// Enter, never a pointer). The journeys drive a sample with the same steps either way
// (phone-*.test.ts); each new page is checked as it opens: focus on its heading (or on the error
// summary after a refused Continue) and no axe violation.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { AXE_RUN, AXE_SOURCE } from './engines.js';
import { start, type Running } from './helpers.js';
import { perform, smallPdf, type Step } from './journey-data.js';
import { lastRead, until } from './poll.js';

const { CHROMIUM_ARGS, ensureChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; ensureChromium(): string };

export type Way = 'touch' | 'keyboard';
export const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));

/** What a journey gets besides its phone: the receiver, and scanned PDFs to choose. */
export interface Site {
  s: Running;
  /** A small real PDF named `name`, as a scanner writes it, on this machine. */
  pdf(name: string): string;
}

/**
 * One test per way (touch, keyboard) of `journey`, against the receiver serving the sample
 * procedures; each ends with no page error and no failed request.
 */
export function onPhones(title: string, journey: (p: Phone, site: Site) => Promise<void>): void {
  describe(title, () => {
    let s: Running;
    let browser: Browser;
    let files: string;
    before(async () => {
      s = await start({ proceduresDir: SAMPLES });
      browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
      files = mkdtempSync(join(tmpdir(), 'dvc-phone-'));
    });
    after(async () => {
      await browser?.close();
      await s?.close();
      if (files) rmSync(files, { recursive: true, force: true });
    });
    for (const way of ['touch', 'keyboard'] as const) {
      test(`by ${way}`, async () => {
        const p = await phone(browser, way);
        const pdf = (name: string) => {
          writeFileSync(join(files, name), smallPdf());
          return join(files, name);
        };
        try {
          await journey(p, { s, pdf });
          assert.deepEqual(p.errors, []);
        } finally {
          await p.close();
        }
      });
    }
  });
}

const FORM = 'dvc-form';
const field = (path: string) => `${FORM} [data-path="${path}"]`;
const GROUP_ITEM = '[part~="item"]';

export interface Phone {
  page: Page;
  way: Way;
  /** Opens a procedure page of the demo site on its first step (heading `first`). */
  open(url: string, first: RegExp): Promise<void>;
  type(path: string, text: string, control?: string): Promise<void>;
  choose(path: string, label: string): Promise<void>;
  select(path: string, value: string, control?: string): Promise<void>;
  address(path: string, province: string, commune: string, street?: string): Promise<void>;
  /** Answers the page's questions as `steps` say (journey-data.ts), the way of this phone. */
  answer(steps: Step[]): Promise<void>;
  /** Presses Continue and waits for the page `next`: focus on its heading, axe clean. */
  continueTo(next: RegExp): Promise<void>;
  /** Presses "Quay lại" and waits for the page `previous`, as continueTo does. */
  back(previous: RegExp): Promise<void>;
  /** Presses the form's button `text` and waits for the page `next`, as continueTo does. */
  buttonTo(text: string, next: RegExp): Promise<void>;
  /** Presses Continue on a page with errors: the summary's lines, focus on the summary. */
  refused(): Promise<string[]>;
  /** Chooses `file` for the document `id` with the upload card's "Chọn tệp" button. */
  upload(id: string, file: string): Promise<void>;
  /** The group `path`'s item `n` (0-based). */
  item(path: string, n: number): Item;
  /** Presses a button of the group `path` (its add or undo button) by its text. */
  groupButton(path: string, text: string): Promise<void>;
  /** Ticks the declaration and presses "Gửi hồ sơ": the receipt's code. */
  submit(): Promise<string>;
  /** The receipt's text, one line per element. */
  receipt(): Promise<string>;
  axe(): Promise<string[]>;
  /** Uncaught page errors and failed requests seen so far. */
  errors: string[];
}

export interface Item {
  type(name: string, text: string): Promise<void>;
  choose(name: string, label: string): Promise<void>;
  select(name: string, value: string): Promise<void>;
  /** "Di chuyển lên" / "Di chuyển xuống" / "Xoá". */
  press(action: 'up' | 'down' | 'remove'): Promise<void>;
  /** The error its field `name` shows ('' for none). */
  error(name: string): Promise<string>;
}

async function phone(browser: Browser, way: Way): Promise<Phone & { close(): Promise<void> }> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 360, height: 640 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(way === 'touch' ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  const heading = async () =>
    ((await page.locator(`${FORM} #page-heading`).first().textContent()) ?? '').trim();
  const summary = () => page.locator(`${FORM} dvc-error-summary li`).allTextContents();
  /** Where focus is: each element of the chain of shadow roots down to the focused one. */
  const focused = () =>
    page.evaluate(() => {
      const chain: string[] = [];
      for (let a = document.activeElement; a; a = a.shadowRoot?.activeElement ?? null) {
        chain.push(a.localName + (a.id ? `#${a.id}` : ''));
      }
      return chain.join(' > ');
    });

  /**
   * Keyboard: presses Tab until `target` has focus (a person tabbing to it), failing when it is
   * never reached; touch: taps it.
   */
  async function reach(target: Locator, what: string, inside = false): Promise<void> {
    const handle = await target.elementHandle();
    assert.ok(handle, `${what} is on the page`);
    if (way === 'touch') return target.tap();
    for (let i = 0; i < 200; i++) {
      const there = await handle.evaluate((el, inside) => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a === el || (inside && !!a && !!el.shadowRoot?.contains(a));
      }, inside);
      if (there) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`${what} cannot be reached with Tab`);
  }

  async function typeInto(target: Locator, text: string, what: string): Promise<void> {
    await reach(target, what);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
    // Leaving the box commits the answer (Tab, or a phone keyboard's "next" key).
    await page.keyboard.press('Tab');
  }

  /** A choice among `options` (radio or check boxes) by its label. */
  async function chooseIn(options: Locator, label: string, what: string): Promise<void> {
    // A question shown by an answer just given appears once that answer is committed.
    const labels = (
      await lastRead(
        () => options.locator('label.choice').allTextContents(),
        (l) => l.some((t) => t.includes(label)),
      )
    ).map((t) => t.trim());
    const index = labels.findIndex((t) => t.includes(label));
    assert.ok(index >= 0, `${what} offers "${label}": ${labels.join(' | ')}`);
    if (way === 'touch') return options.locator('label.choice').nth(index).tap();
    const inputs = options.locator('input');
    // Tab lands on the group (its checked option, else its first); arrows move and choose.
    await reach(options, what, true);
    const now = await inputs.evaluateAll((list) =>
      list.findIndex((i) => i === (i.getRootNode() as ShadowRoot).activeElement),
    );
    for (let i = now; i < index; i++) await page.keyboard.press('ArrowDown');
    for (let i = now; i > index; i--) await page.keyboard.press('ArrowUp');
    if (!(await inputs.nth(index).isChecked())) await page.keyboard.press('Space');
    assert.ok(await inputs.nth(index).isChecked(), `${what}: "${label}" chosen`);
  }

  /** A <select> set to `value`: by keyboard with the arrow keys, as a person would. */
  async function selectIn(target: Locator, value: string, what: string): Promise<void> {
    if (way === 'touch') {
      await target.selectOption(value);
      return;
    }
    await reach(target, what);
    const values = await target
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const to = values.indexOf(value);
    assert.ok(to >= 0, `${what} offers ${value}`);
    const from = await target.evaluate((s) => (s as HTMLSelectElement).selectedIndex);
    const key = to > from ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(key);
    assert.equal(await target.inputValue(), value, `${what}: ${value} chosen`);
  }

  async function press(button: Locator, what: string): Promise<void> {
    await reach(button, what);
    if (way === 'keyboard') await page.keyboard.press('Enter');
  }

  /** Presses Continue (primary) or Back (secondary) and checks the page `next` it opens. */
  async function go(button: string, next: RegExp, text?: string): Promise<void> {
    const before = await heading();
    await press(page.locator(`${FORM} ${button}`, { hasText: text }).first(), text ?? button);
    const now = await lastRead(
      async () => [await heading(), (await summary()).join('; ')] as const,
      ([h]) => next.test(h),
      20_000,
    );
    assert.match(now[0], next, `Continue on "${before}": ${now[1]}`);
    // Focus moves to the new page's heading, so a screen reader starts there.
    assert.equal(
      await lastRead(focused, (f) => f === 'dvc-form > h2#page-heading'),
      'dvc-form > h2#page-heading',
      `focus on "${now[0]}"`,
    );
    assert.deepEqual(await self.axe(), [], `axe on "${now[0]}"`);
  }

  const self: Phone & { close(): Promise<void> } = {
    page,
    way,
    errors,
    async open(url, first) {
      await page.goto(url);
      await until(`the first step ${first}`, async () =>
        first.test(await heading().catch(() => '')),
      );
      assert.deepEqual(await self.axe(), [], `axe on ${first}`);
    },
    type: (path, text, control = '#control') =>
      typeInto(page.locator(`${field(path)} ${control}`).first(), text, path),
    choose: (path, label) => chooseIn(page.locator(field(path)).first(), label, path),
    select: (path, value, control = '#control') =>
      selectIn(page.locator(`${field(path)} ${control}`).first(), value, path),
    async address(path, province, commune, street) {
      await self.select(path, province, '#province');
      await page
        .locator(`${field(path)} #commune option[value="${commune}"]`)
        .first()
        .waitFor({ state: 'attached' });
      await self.select(path, commune, '#commune');
      if (street !== undefined) await self.type(path, street, '#street');
    },
    answer: (steps) =>
      perform(steps, {
        ...self,
        continueTo: (heading) => go('.buttons button.primary', new RegExp(`^${heading}$`)),
      }),
    continueTo: (next) => go('.buttons button.primary', next),
    back: (previous) => go('.buttons button.secondary', previous),
    buttonTo: (text, next) => go('button', next, text),
    async refused() {
      const before = await summary();
      await press(page.locator(`${FORM} .buttons button.primary`).first(), 'Continue');
      const lines = await lastRead(summary, (l) => l.length > 0 && l.join() !== before.join());
      // Focus moves to the summary, so the person hears what to fix first.
      assert.match(
        await lastRead(focused, (f) => f.includes('dvc-error-summary')),
        /^dvc-form > dvc-error-summary/,
      );
      assert.deepEqual(await self.axe(), [], `axe with errors on "${await heading()}"`);
      return lines.map((l) => l.replace(/\s+/g, ' ').trim());
    },
    async upload(id, file) {
      const card = page.locator(`${FORM} > dvc-upload[slot="document-${id}"]`);
      const chooser = page.waitForEvent('filechooser');
      // The finger lands on the input laid (transparent) over its "Chọn tệp" label.
      if (way === 'touch') await card.locator('#control').tap();
      else {
        await reach(card.locator('#control'), `the "Chọn tệp" button of ${id}`);
        await page.keyboard.press('Space');
      }
      await (await chooser).setFiles(file);
      await card.locator('.file[data-status="done"]').first().waitFor({ timeout: 30_000 });
    },
    item(path, n) {
      const at = page.locator(`${field(path)} ${GROUP_ITEM}`).nth(n);
      const child = (name: string) => at.locator(`[data-field="${name}"]`).first();
      return {
        type: (name, text) =>
          typeInto(child(name).locator('#control'), text, `${path}[${n}].${name}`),
        choose: (name, label) => chooseIn(child(name), label, `${path}[${n}].${name}`),
        select: (name, value) =>
          selectIn(child(name).locator('#control'), value, `${path}[${n}].${name}`),
        press: (action) =>
          press(at.locator(`[data-action="${action}"]`), `${action} of ${path}[${n}]`),
        error: async (name) =>
          (await child(name).evaluate((f) => (f as HTMLElement & { error: string }).error)) ?? '',
      };
    },
    groupButton: (path, text) =>
      press(page.locator(`${field(path)} button`, { hasText: text }).first(), text),
    async submit() {
      const box = page.locator(`${FORM} #declaration`).first();
      if (way === 'touch') await box.tap();
      else {
        await reach(box, 'the declaration');
        await page.keyboard.press('Space');
      }
      assert.ok(await box.isChecked(), 'declaration ticked');
      await press(page.locator(`${FORM} .buttons button.primary`).first(), 'Gửi hồ sơ');
      const code = page.locator(`${FORM} dvc-receipt [part="code"]`).first();
      await code.waitFor({ timeout: 30_000 }).catch(async () => {
        assert.fail(`no receipt: ${await heading()} | ${(await summary()).join('; ')}`);
      });
      assert.deepEqual(await self.axe(), [], 'axe on the receipt');
      return ((await code.textContent()) ?? '').trim();
    },
    async receipt() {
      return page
        .locator(`${FORM} dvc-receipt`)
        .first()
        .evaluate((r) =>
          [...r.shadowRoot!.children].map((c) => (c as HTMLElement).innerText).join('\n'),
        );
    },
    async axe() {
      if ((await page.evaluate('typeof axe')) !== 'object') await page.evaluate(AXE_SOURCE);
      return (await page.evaluate(AXE_RUN)) as string[];
    },
    close: () => context.close(),
  };
  return self;
}
