import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/id-number-field/id-number-field.js';
import type { DvcIdNumberField } from '../../../components/id-number-field/id-number-field.js';

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;

describe('dvc-id-number-field', () => {
  it('numeric keyboard; spaces stripped from the value at once and from the box on blur', async () => {
    const el = await fixture<DvcIdNumberField>(
      html`<dvc-id-number-field label="Số định danh cá nhân" name="cccd"></dvc-id-number-field>`,
    );
    expect(input(el).getAttribute('inputmode')).to.equal('numeric');
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: '001 090 ' });
    expect(el.value).to.equal('001090');
    expect(input(el).value).to.equal('001 090 ');
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập đủ 12 chữ số.');
    await sendKeys({ type: '012345' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('001090012345');
    expect(el.checkValidity()).to.equal(true);
  });

  it('reads full-width digits and a zero-width space as a phone IME types them', async () => {
    const el = await fixture<DvcIdNumberField>(
      html`<dvc-id-number-field label="Số định danh cá nhân" name="cccd"></dvc-id-number-field>`,
    );
    el.focus();
    await sendKeys({ type: '００１\u3000０９９\u200B０１２３４５' });
    expect(el.value).to.equal('001099012345');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('001099012345');
    expect(el.checkValidity()).to.equal(true);
  });

  it('checks another digit count (9-digit CMND) and passes axe disabled', async () => {
    const el = await fixture<DvcIdNumberField>(
      html`<dvc-id-number-field
        label="Số CMND cũ"
        digits="9"
        value="12345678"
        disabled
      ></dvc-id-number-field>`,
    );
    el.disabled = false;
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập đủ 9 chữ số.');
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
