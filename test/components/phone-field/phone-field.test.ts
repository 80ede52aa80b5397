import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/phone-field/phone-field.js';
import type { DvcPhoneField } from '../../../components/phone-field/phone-field.js';

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;

describe('dvc-phone-field', () => {
  it('uses the tel keyboard, keeps typed spaces until blur, then shows 0912 345 678', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-phone-field label="Số điện thoại" name="sdt"></dvc-phone-field></form>`,
    );
    const el = form.querySelector('dvc-phone-field')!;
    expect(input(el).type).to.equal('tel');
    expect(input(el).getAttribute('inputmode')).to.equal('tel');
    expect(input(el).getAttribute('autocomplete')).to.equal('tel');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: '+84 912.345' });
    expect(input(el).value).to.equal('+84 912.345');
    expect(input(el).selectionStart).to.equal(11);
    expect(el.value).to.equal('0912345');
    await sendKeys({ type: '678' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal('0912345678');
    expect(input(el).value).to.equal('0912 345 678');
    expect(new FormData(form).get('sdt')).to.equal('0912345678');
    expect(el.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('reads full-width digits, an en dash and a zero-width space as a phone IME types them', async () => {
    const el = await fixture<DvcPhoneField>(
      html`<dvc-phone-field label="Số điện thoại" name="sdt"></dvc-phone-field>`,
    );
    el.focus();
    await sendKeys({ type: '＋８４ ９１２–３４５\u200B６７８' });
    expect(el.value).to.equal('0912345678');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('0912 345 678');
    expect(el.checkValidity()).to.equal(true);
  });

  it('rejects a number of the wrong shape with a Vietnamese message', async () => {
    const el = await fixture<DvcPhoneField>(
      html`<dvc-phone-field label="Số điện thoại" value="012345"></dvc-phone-field>`,
    );
    expect(el.validity.patternMismatch).to.equal(true);
    expect(el.validationMessage).to.equal(
      'Vui lòng nhập số điện thoại đúng dạng, ví dụ 0912 345 678.',
    );
    el.error = el.validationMessage;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
