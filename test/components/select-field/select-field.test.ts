import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/select-field/select-field.js';
import type { DvcSelectField } from '../../../components/select-field/select-field.js';

const options = [
  { value: 'kinh', label: 'Kinh' },
  { value: 'tay', label: 'Tày' },
];

describe('dvc-select-field', () => {
  it('renders options from a JSON attribute, passes axe, is required with a Vietnamese message', async () => {
    const el = await fixture<DvcSelectField>(
      html`<dvc-select-field
        label="Dân tộc"
        required
        options='[{"value":"kinh","label":"Kinh"}]'
      ></dvc-select-field>`,
    );
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      '— Chọn —',
      'Kinh',
    ]);
    expect(el.validationMessage).to.equal('Vui lòng chọn một lựa chọn.');
    await expect(el).to.be.accessible();
  });

  it('keyboard: ArrowDown chooses, fires input/change/dvc-change; FormData and reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-select-field
          label="Dân tộc"
          name="danToc"
          .options=${options}
          value="kinh"
        ></dvc-select-field>
      </form>`,
    );
    const el = form.querySelector('dvc-select-field')!;
    const log: string[] = [];
    for (const t of ['input', 'change', 'dvc-change'])
      el.addEventListener(t, () => log.push(`${t}:${el.value}`));
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('tay');
    expect(log).to.deep.equal(['input:tay', 'change:tay', 'dvc-change:tay']);
    expect(new FormData(form).get('danToc')).to.equal('tay');
    form.reset();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('select')!.value).to.equal('kinh');
    el.error = 'Chọn dân tộc';
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
