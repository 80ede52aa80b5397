import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/number-field/number-field.js';
import { parseNumber, type DvcNumberField } from '../../../components/number-field/number-field.js';

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;

describe('dvc-number-field', () => {
  it('parses Vietnamese and English number formats', () => {
    expect(parseNumber('1.234.567,5', 'vi')).to.equal(1234567.5);
    expect(parseNumber('2,5', 'vi')).to.equal(2.5);
    expect(parseNumber('1,234', 'en')).to.equal(1234);
    expect(parseNumber('12 000', 'vi')).to.equal(12000);
    expect(parseNumber('12a', 'vi')).to.equal(null);
  });

  it('reads full-width digits and separators as a phone IME types them', async () => {
    expect(parseNumber('１．５００．０００', 'vi')).to.equal(1500000);
    expect(parseNumber('２，５', 'vi')).to.equal(2.5);
    expect(parseNumber('１２\u200B０００', 'vi')).to.equal(12000);
    const el = await fixture<DvcNumberField>(
      html`<dvc-number-field label="Số tiền" name="tien"></dvc-number-field>`,
    );
    el.focus();
    await sendKeys({ type: '１５０００００' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal(1500000);
    expect(input(el).value).to.equal('1.500.000');
    expect(el.checkValidity()).to.equal(true);
  });

  it('reads typed text, formats with vi-VN on blur, submits the number and resets', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-number-field label="Số tiền" name="tien" min="0"></dvc-number-field></form>`,
    );
    const el = form.querySelector('dvc-number-field')!;
    expect(input(el).getAttribute('inputmode')).to.equal('decimal');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: '1500000' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.value).to.equal(1500000);
    expect(input(el).value).to.equal('1.500.000');
    expect(new FormData(form).get('tien')).to.equal('1500000');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(null);
    expect(new FormData(form).get('tien')).to.equal('');
  });

  it('reports unreadable text, non-integers and range with exact messages', async () => {
    const el = await fixture<DvcNumberField>(
      html`<dvc-number-field label="Số con" integer min="1" max="20"></dvc-number-field>`,
    );
    el.focus();
    await sendKeys({ type: '3x' });
    await el.updateComplete;
    expect(el.value).to.equal(null);
    // Never "ví dụ 12 hoặc 2,5": a whole-number field would then refuse the 2,5 it suggested.
    expect(el.validationMessage).to.equal('Vui lòng chỉ nhập số, ví dụ 12.');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Enter numbers only, for example 12.');
    el.lang = 'vi';
    el.value = 2.5;
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập số nguyên, ví dụ 12.');
    el.value = 25;
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập số không lớn hơn 20.');
    el.error = 'Số con phải từ 1 đến 20';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
