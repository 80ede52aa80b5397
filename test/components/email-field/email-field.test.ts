import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/email-field/email-field.js';

describe('dvc-email-field', () => {
  it('email keyboard, trims on blur, checks the shape, FormData and axe', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-email-field label="Thư điện tử" name="email"></dvc-email-field></form>`,
    );
    const el = form.querySelector('dvc-email-field')!;
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('inputmode')).to.equal('email');
    expect(input.getAttribute('autocomplete')).to.equal('email');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: ' an@' });
    await el.updateComplete;
    expect(el.validationMessage).to.equal(
      'Vui lòng nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.',
    );
    await sendKeys({ type: 'example.vn ' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input.value).to.equal('an@example.vn');
    expect(new FormData(form).get('email')).to.equal('an@example.vn');
    expect(el.checkValidity()).to.equal(true);
  });
});
