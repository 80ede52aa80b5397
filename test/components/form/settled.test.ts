import { expect } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import basic from './fixtures/basic.json';

/**
 * `settled()` is what hosts and tests await before reading the form: it must not resolve while
 * the form is still loading, however early it is called (issue 22 point 7). Each case reads the
 * state synchronously right after `settled()` resolves, with no extra waiting.
 */
const jsonUrl = (value: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
const BASIC = jsonUrl(basic);
const OTHER = jsonUrl({
  ...basic,
  title: { vi: 'Thủ tục khác', en: 'Another procedure' },
});
const BROKEN = new URL('./fixtures/broken.json.txt', import.meta.url).href;

const headingText = (el: DvcForm) =>
  el.shadowRoot!.querySelector('#page-heading')?.textContent?.trim();

describe('dvc-form settled()', () => {
  let el: DvcForm;
  afterEach(() => el?.remove());

  it('called right after appendChild, resolves once the first page is rendered', async () => {
    el = document.createElement('dvc-form');
    el.procedure = BASIC;
    el.today = '2025-04-01';
    document.body.appendChild(el);
    await el.settled();
    expect(el.status).to.equal('ready');
    expect(el.loaded?.code).to.equal('1.001193');
    expect(headingText(el)).to.equal('Điều kiện');
  });

  it('called before the element is connected, resolves once it is ready', async () => {
    el = document.createElement('dvc-form');
    el.procedure = BASIC;
    const done = el.settled();
    document.body.appendChild(el);
    await done;
    expect(el.status).to.equal('ready');
    expect(headingText(el)).to.equal('Điều kiện');
  });

  it('called right after the procedure changes, waits for the new procedure', async () => {
    el = document.createElement('dvc-form');
    el.procedure = BASIC;
    document.body.appendChild(el);
    await el.settled();
    expect(el.loaded?.title.vi).to.equal('Đăng ký khai sinh (thử nghiệm)');
    el.procedure = OTHER;
    await el.settled();
    expect(el.status).to.equal('ready');
    expect(el.loaded?.title.vi).to.equal('Thủ tục khác');
  });

  it('called right after appendChild with a broken procedure, resolves on the error page', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      el = document.createElement('dvc-form');
      el.procedure = BROKEN;
      document.body.appendChild(el);
      await el.settled();
      expect(el.status).to.equal('error');
      const alert = el.shadowRoot!.querySelector('[part="status"][role="alert"] h2');
      expect(alert?.textContent).to.equal('Không tải được biểu mẫu');
    } finally {
      console.error = original;
    }
  });

  it('on a form with nothing to load, resolves after its first render', async () => {
    el = document.createElement('dvc-form');
    document.body.appendChild(el);
    await el.settled();
    expect(el.hasUpdated).to.equal(true);
    expect(el.status).to.equal('loading');
  });
});
