// What the <dvc-form> tests share (form.test.ts, form-submit.test.ts): the basic procedure
// served from a blob: URL, readers of the form's shadow root, and the steps a person takes.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import { attachDocuments } from './attach-documents.js';

import basic from './fixtures/basic.json';
import prefill from './fixtures/prefill.json';

/**
 * The test server turns `.json` files into JS modules, so the fixtures are imported and served
 * to the form from blob: URLs (a real fetch, as from an agency's server).
 */
export const jsonUrl = (value: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
export const BASIC = jsonUrl(basic);
export const PREFILL = jsonUrl(prefill);
export const BROKEN = new URL('./fixtures/broken.json.txt', import.meta.url).href;
export const MISSING = new URL('./fixtures/does-not-exist.json', import.meta.url).href;

export type FieldEl = HTMLElement & {
  value: unknown;
  error: string;
  prefilled: boolean;
  required: boolean;
};

export function root(el: DvcForm): ShadowRoot {
  return el.shadowRoot!;
}
export function heading(el: DvcForm): HTMLElement {
  return root(el).querySelector<HTMLElement>('#page-heading')!;
}
export function headingText(el: DvcForm): string {
  return heading(el).textContent!.trim();
}
export function progress(el: DvcForm): string | undefined {
  return root(el).querySelector('[part="progress"]')?.textContent?.trim();
}
export function field(el: DvcForm, path: string): FieldEl | null {
  return root(el).querySelector<FieldEl>(`[data-path="${path}"]`);
}
export function button(el: DvcForm, kind: 'primary' | 'secondary'): HTMLButtonElement | null {
  return root(el).querySelector<HTMLButtonElement>(`.buttons button.${kind}`);
}
export function summary(el: DvcForm): DvcErrorSummary | null {
  return root(el).querySelector('dvc-error-summary');
}
export function summaryTexts(el: DvcForm): string[] {
  const s = summary(el);
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

/** Sets an answer the way a field commits it: value, then `dvc-change`. */
export async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = field(el, path);
  if (!f) throw new Error(`no field ${path} on "${headingText(el)}"`);
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

export async function next(el: DvcForm): Promise<void> {
  button(el, 'primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

export async function mount(
  template = html`<dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>`,
): Promise<DvcForm> {
  const el = await fixture<DvcForm>(template);
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading, [part="status"][role="alert"]'));
  return el;
}

export async function passEligibility(el: DvcForm): Promise<void> {
  await answer(el, 'laCongDan', 'co');
  await answer(el, 'sinhTrongNuoc', 'co');
  await next(el);
}

export async function fillChild(el: DvcForm): Promise<void> {
  await answer(el, 'hoTen', 'Nguyễn Văn An');
  await answer(el, 'ngaySinh', '2025-03-15');
  await answer(el, 'coSoDienThoai', 'co');
  await answer(el, 'soDienThoai', '0912345678');
  await answer(el, 'soBanSao', 2);
}

export async function toReview(el: DvcForm): Promise<void> {
  await passEligibility(el);
  await fillChild(el);
  await next(el);
  expect(headingText(el)).to.equal('Giấy tờ');
  attachDocuments(el);
  await next(el);
  expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
}
