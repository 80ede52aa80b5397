import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/checkbox-field/checkbox-field.js';

const options = [
  { value: 'a', label: 'Bản sao giấy khai sinh' },
  { value: 'b', label: 'Sổ hộ khẩu' },
];

describe('dvc-checkbox-field and dvc-checkbox-group', () => {
  it('single checkbox: Space ticks, submits "true", required message, reset, axe', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-checkbox-field label="Tôi cam đoan" name="camDoan" required></dvc-checkbox-field>
      </form>`,
    );
    const el = form.querySelector('dvc-checkbox-field')!;
    expect(el.validationMessage).to.equal('Vui lòng đánh dấu vào ô này.');
    await expect(el).to.be.accessible();
    const seen: unknown[] = [];
    el.addEventListener('dvc-change', (e) => seen.push(e.detail));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.value).to.equal(true);
    expect(seen).to.deep.equal([{ name: 'camDoan', value: true }]);
    expect(new FormData(form).get('camDoan')).to.equal('true');
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).has('camDoan')).to.equal(false);
    el.error = 'Đánh dấu để cam đoan';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('group: fieldset, keyboard ticks, one FormData entry per option, reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-checkbox-group
          label="Giấy tờ"
          name="giayTo"
          required
          .options=${options}
        ></dvc-checkbox-group>
      </form>`,
    );
    const el = form.querySelector('dvc-checkbox-group')!;
    expect(el.validationMessage).to.equal('Vui lòng chọn ít nhất một lựa chọn.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.value).to.deep.equal(['a', 'b']);
    expect(new FormData(form).getAll('giayTo')).to.deep.equal(['a', 'b']);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });
});
