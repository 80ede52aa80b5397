/**
 * Two `<dvc-form>` on one page each keep their own page in the browser history (history.ts),
 * and a form without its own `lang` speaks the page's language (`<html lang="en">`).
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import basic from './fixtures/basic.json';

const BASIC = URL.createObjectURL(new Blob([JSON.stringify(basic)], { type: 'application/json' }));

const root = (el: DvcForm) => el.shadowRoot!;
const headingText = (el: DvcForm) =>
  root(el).querySelector('#page-heading')?.textContent?.trim() ?? '';

async function ready(el: DvcForm): Promise<void> {
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading'));
}

async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = root(el).querySelector<HTMLElement & { value: unknown }>(`[data-path="${path}"]`)!;
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

async function passEligibility(el: DvcForm): Promise<void> {
  await answer(el, 'laCongDan', 'co');
  await answer(el, 'sinhTrongNuoc', 'co');
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
  // On a loaded machine the page change can land after settled(): wait for it.
  await waitUntil(() => headingText(el) === 'Thông tin người được khai sinh', 'did not move on');
}

/** Waits until the two forms show these headings (Back is handled asynchronously). */
async function showing(a: DvcForm, b: DvcForm, headings: [string, string]): Promise<void> {
  await waitUntil(
    () => headingText(a) === headings[0] && headingText(b) === headings[1],
    `expected ${headings.join(' / ')}, got ${headingText(a)} / ${headingText(b)}`,
  );
}

/**
 * The entries the forms wrote, oldest first. Back is played as the browser does it: the previous
 * entry's state becomes current and `popstate` carries it. (A real history.back() works alone but
 * leaves the test page under the full suite's runner, whose page history holds other files.)
 */
const entries: unknown[] = [];
const remember = () => entries.push(structuredClone(history.state));

async function back(): Promise<void> {
  entries.pop();
  const previous = entries.at(-1);
  expect(previous, 'an earlier entry').to.not.equal(undefined);
  history.replaceState(previous, '');
  window.dispatchEvent(new PopStateEvent('popstate', { state: previous }));
  await aTimeout(0);
}

describe('two forms on one page', () => {
  beforeEach(() => {
    history.replaceState({ host: 'page' }, '');
    entries.length = 0;
  });

  it('Back moves only the form that moved last, and each form keeps its own history', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <dvc-form id="mot" procedure=${BASIC} today="2025-04-01"></dvc-form>
        <dvc-form id="hai" procedure=${BASIC} today="2025-04-01"></dvc-form>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll<DvcForm>('dvc-form')] as [DvcForm, DvcForm];
    await ready(a);
    await ready(b);
    remember();
    expect(history.state).to.deep.equal({
      host: 'page',
      dvcForms: { '#mot': 'dieu-kien', '#hai': 'dieu-kien' },
    });

    await passEligibility(a);
    remember();
    await passEligibility(b);
    remember();
    expect([headingText(a), headingText(b)]).to.deep.equal([
      'Thông tin người được khai sinh',
      'Thông tin người được khai sinh',
    ]);
    expect(history.state.dvcForms).to.deep.equal({ '#mot': 'nguoi-khai', '#hai': 'nguoi-khai' });

    // Back undoes the last move: the second form's, and only that one.
    await back();
    await showing(a, b, ['Thông tin người được khai sinh', 'Điều kiện']);
    // Back again undoes the first form's move.
    await back();
    await showing(a, b, ['Điều kiện', 'Điều kiện']);
  });

  it('forms without an id are told apart by their position', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>
        <dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll<DvcForm>('dvc-form')] as [DvcForm, DvcForm];
    await ready(a);
    await ready(b);
    remember();
    await passEligibility(b);
    remember();
    expect(history.state.dvcForms).to.deep.equal({
      '1.001193@0': 'dieu-kien',
      '1.001193@1': 'nguoi-khai',
    });
    await back();
    await showing(a, b, ['Điều kiện', 'Điều kiện']);
  });
});

describe('the form follows the page language', () => {
  let before: string;
  beforeEach(() => {
    before = document.documentElement.lang;
  });
  afterEach(() => {
    document.documentElement.lang = before;
  });

  it('<html lang="en"> and a form with no lang → English, without a lang="" on the form', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>`,
    );
    await ready(el);
    expect(headingText(el)).to.equal('Eligibility');
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(root(el).querySelector('.buttons button.primary')!.textContent!.trim()).to.equal(
      'Continue',
    );
  });

  it("the form's own lang wins over the page's", async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<DvcForm>(
      html`<dvc-form lang="vi" procedure=${BASIC} today="2025-04-01"></dvc-form>`,
    );
    await ready(el);
    expect(headingText(el)).to.equal('Điều kiện');
  });

  it('<html lang="vi"> (or none) → Vietnamese', async () => {
    document.documentElement.lang = 'vi';
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>`,
    );
    await ready(el);
    expect(headingText(el)).to.equal('Điều kiện');
  });
});
