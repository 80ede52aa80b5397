import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/text-field/text-field.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import { DvcChangeEvent } from '../../../components/base/events.js';

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;

describe('dvc-text-field', () => {
  it('renders label, hint and input in one shadow root and passes axe when empty', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" hint="Viết có dấu" name="hoTen"></dvc-text-field>`,
    );
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Họ và tên');
    expect(el.shadowRoot!.querySelector('label')!.htmlFor).to.equal('control');
    expect(input(el).id).to.equal('control');
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint');
    expect(el.shadowRoot!.querySelector('#error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('passes axe filled, prefilled, disabled and in error', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" value="Nguyễn Văn An" prefilled></dvc-text-field>`,
    );
    expect(input(el).value).to.equal('Nguyễn Văn An');
    expect(el.shadowRoot!.querySelector('#prefilled')!.textContent).to.equal('Đã điền sẵn');
    expect(input(el).getAttribute('aria-describedby')).to.equal('prefilled');
    await expect(el).to.be.accessible();
    el.disabled = true;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.disabled = false;
    el.error = 'Nhập họ và tên';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('announces its error with a hidden "Lỗi:" prefix (en: "Error:") and marks the input invalid', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field
        label="Họ và tên"
        hint="Viết có dấu"
        error="Nhập họ và tên"
      ></dvc-text-field>`,
    );
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint error');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.equal('Lỗi: Nhập họ và tên');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Nhập họ và tên');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.equal('Error: Nhập họ và tên');
  });

  it('reports a Vietnamese valueMissing message, or English from the closest lang', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" required></dvc-text-field>`,
    );
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng nhập thông tin này.');
    expect(el.hasAttribute('lang')).to.equal(false);
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><dvc-text-field label="Name" required></dvc-text-field></div>`,
    );
    const en = wrap.querySelector('dvc-text-field')!;
    expect(en.validationMessage).to.equal('Enter this information.');
  });

  it('is usable by keyboard: Tab in, type, Tab out; fires input, change and dvc-change; touched after blur', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" name="hoTen"></dvc-text-field>`,
    );
    const log: string[] = [];
    el.addEventListener('input', () => log.push(`input:${el.value}`));
    el.addEventListener('change', () => log.push(`change:${el.value}`));
    let detail: unknown;
    el.addEventListener('dvc-change', (e) => {
      expect(e).to.be.instanceOf(DvcChangeEvent);
      detail = e.detail;
    });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(el.touched).to.equal(false);
    await sendKeys({ type: 'An' });
    await sendKeys({ press: 'Tab' });
    expect(log).to.deep.equal(['input:A', 'input:An', 'change:An']);
    expect(detail).to.deep.equal({ name: 'hoTen', value: 'An' });
    expect(el.touched).to.equal(true);
  });

  it('focus() moves focus to the input', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('submits with FormData in a plain form; reset restores the default', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-text-field label="Họ và tên" name="hoTen" value="Trần Thị Bình"></dvc-text-field>
      </form>`,
    );
    const el = form.querySelector('dvc-text-field')!;
    expect(new FormData(form).get('hoTen')).to.equal('Trần Thị Bình');
    el.focus();
    input(el).select();
    await sendKeys({ type: 'Lê Văn Cường' });
    await el.updateComplete;
    expect(new FormData(form).get('hoTen')).to.equal('Lê Văn Cường');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('Trần Thị Bình');
    expect(input(el).value).to.equal('Trần Thị Bình');
    expect(new FormData(form).get('hoTen')).to.equal('Trần Thị Bình');
  });

  it('is disabled by a disabled fieldset and then not submitted', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <dvc-text-field label="Tên" name="ten" value="An"></dvc-text-field>
        </fieldset>
      </form>`,
    );
    const el = form.querySelector('dvc-text-field')!;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
    expect(new FormData(form).has('ten')).to.equal(false);
  });

  it('stores NFC text and enforces maxlength with a message', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Tên" maxlength="3"></dvc-text-field>`,
    );
    const i = input(el);
    i.removeAttribute('maxlength');
    i.value = 'Nguye\u0302\u0303n';
    const ev = oneEvent(el, 'input');
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await ev;
    expect(el.value).to.equal('Nguyễn');
    await el.updateComplete;
    expect(el.validity.tooLong).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng nhập không quá 3 ký tự.');
  });
});
