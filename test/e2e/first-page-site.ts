// The first-page fixture as a demo procedure page, for the no-move checks in Playwright
// (first-page.test.ts) and in each engine (first-page.engines.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the fixture's page is served. */
export const WIDGETS_PAGE = '/thu-tuc/moi-loai-cau-hoi.html';

/** The questions of its plain first page: up to the date it stops at; the rules hide one. */
export const WIDGET_PATHS = [
  'fullName',
  'note',
  'copies',
  'phone',
  'email',
  'personalId',
  'province',
  'relation',
  'agree',
  'needs',
];

/**
 * A copy of the demo site and a procedures folder holding the first-page fixture whose first page
 * has every plain widget (text, text area, number, phone, e-mail, ID number, select, radios, a
 * check box and a group of check boxes), served at WIDGETS_PAGE like a demo procedure page (the
 * birth registration's page, pointing at it).
 */
export function widgetsSite(): { siteDir: string; proceduresDir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'dvc-first-page-widgets-'));
  const siteDir = join(root, 'site');
  const proceduresDir = join(root, 'procedures');
  cpSync(fileURLToPath(new URL('../../demo/site/', import.meta.url)), siteDir, { recursive: true });
  cpSync(
    fileURLToPath(new URL('../src/first-page/fixtures/every-widget.json', import.meta.url)),
    join(proceduresDir, 'moi-loai-cau-hoi.json'),
  );
  const birth = readFileSync(join(siteDir, 'thu-tuc', 'dang-ky-khai-sinh.html'), 'utf8');
  writeFileSync(
    join(siteDir, WIDGETS_PAGE),
    birth.replace('/procedures/dang-ky-khai-sinh.json', '/procedures/moi-loai-cau-hoi.json'),
  );
  return { siteDir, proceduresDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs in the page: every question of the plain page (`plain`) or of the form, then every
 * control in it, as `what: left,top,width,height`; in the page's first iframe with `inFrame`. Plain source, no named inner function (tsx
 * would wrap one in a helper the page does not have), so every driver can send it.
 */
export const LAYOUT = (plain: boolean, inFrame = false): string[] => {
  const doc = inFrame ? document.querySelector('iframe')!.contentDocument! : document;
  const form = doc.querySelector('dvc-form')!;
  const fields = plain
    ? [...form.querySelectorAll<HTMLElement>('.dvc-fp-field')]
    : [...form.shadowRoot!.querySelectorAll<HTMLElement>('[data-path]')];
  return fields.flatMap((field) => {
    const path = field.dataset.path!;
    const controls = (plain ? field : field.shadowRoot!).querySelectorAll(
      'input, select, textarea',
    );
    return [field, ...controls].map((e, i) => {
      const r = e.getBoundingClientRect();
      const what = i === 0 ? path : `${path} ${e.tagName.toLowerCase()}#${i}`;
      return `${what}: ${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}`;
    });
  });
};

/** Runs in the page: whether every linked stylesheet has loaded. */
export const STYLESHEETS_LOADED = (inFrame = false): boolean =>
  [
    ...(inFrame
      ? document.querySelector('iframe')!.contentDocument!
      : document
    ).querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'),
  ].every((l) => l.sheet);
