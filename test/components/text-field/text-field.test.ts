import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/text-field/text-field.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';

describe('dvc-text-field', () => {
  it('renders its label, hint and input in one shadow root and passes axe', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" hint="Viết có dấu" name="hoTen"></dvc-text-field>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Họ và tên');
    expect(input.getAttribute('aria-describedby')).to.equal('hint');
    await expect(el).to.be.accessible();
  });

  it('announces its error with a hidden "Lỗi:" prefix and marks the input invalid', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" error="Nhập họ và tên"></dvc-text-field>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('error');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.equal('Lỗi: Nhập họ và tên');
    await expect(el).to.be.accessible();
  });

  it('submits its value with FormData inside a plain form', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-text-field label="Họ và tên" name="hoTen"></dvc-text-field></form>`,
    );
    const el = form.querySelector('dvc-text-field')!;
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'Nguyễn Văn An';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(new FormData(form).get('hoTen')).to.equal('Nguyễn Văn An');
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).get('hoTen')).to.equal('');
  });
});
