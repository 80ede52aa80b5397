import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/textarea-field/textarea-field.js';

describe('dvc-textarea-field', () => {
  it('types multi-line text, submits it, resets and passes axe', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-textarea-field label="Lý do" name="lyDo" hint="Viết ngắn gọn"></dvc-textarea-field>
      </form>`,
    );
    const el = form.querySelector('dvc-textarea-field')!;
    expect(el.shadowRoot!.querySelector('textarea')!.getAttribute('aria-describedby')).to.equal(
      'hint',
    );
    await expect(el).to.be.accessible();
    el.focus();
    await sendKeys({ type: 'Đổi' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'nơi ở' });
    expect(el.value).to.equal('Đổi\nnơi ở');
    expect(new FormData(form).get('lyDo')).to.equal('Đổi\nnơi ở');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
  });
});
