import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/radio-group/radio-group.js';
import type { DvcRadioGroup } from '../../../components/radio-group/radio-group.js';
import { axNodes } from '../../support/ax-tree.js';

const options = [
  { value: 'nam', label: 'Nam' },
  { value: 'nu', label: 'Nữ' },
];

describe('dvc-radio-group', () => {
  it('uses fieldset/legend, passes axe empty and in error', async () => {
    const el = await fixture<DvcRadioGroup>(
      html`<dvc-radio-group
        label="Giới tính"
        hint="Theo giấy tờ"
        .options=${options}
      ></dvc-radio-group>`,
    );
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Giới tính');
    expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(
      'hint',
    );
    await expect(el).to.be.accessible();
    el.error = 'Chọn giới tính';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(
      'hint error',
    );
    await expect(el).to.be.accessible();
  });

  it('keyboard: Tab then arrows choose; FormData, events and reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-radio-group label="Giới tính" name="gt" required .options=${options}></dvc-radio-group>
      </form>`,
    );
    const el = form.querySelector('dvc-radio-group')!;
    expect(el.validationMessage).to.equal('Vui lòng chọn một lựa chọn.');
    const seen: unknown[] = [];
    el.addEventListener('dvc-change', (e) => seen.push(e.detail));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('nu');
    expect(seen).to.deep.equal([{ name: 'gt', value: 'nu' }]);
    expect(new FormData(form).get('gt')).to.equal('nu');
    expect(el.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).has('gt')).to.equal(false);
  });

  it('draws 40 px circles with a large dot that stays visible in forced colours', async () => {
    const el = await fixture<DvcRadioGroup>(
      html`<dvc-radio-group label="Giới tính" .options=${options} value="nu"></dvc-radio-group>`,
    );
    const [nam, nu] = [...el.shadowRoot!.querySelectorAll('input')];
    const cs = getComputedStyle(nam);
    expect([cs.appearance, cs.width, cs.height, cs.borderTopWidth]).to.deep.equal([
      'none',
      '40px',
      '40px',
      '2px',
    ]);
    expect(cs.borderTopLeftRadius).to.equal('50%');
    // The dot is a 10 px border, not a background (forced colours drop backgrounds). A radio not
    // chosen has no ::before at all (docs/performance.md, round 9).
    const dot = (r: HTMLInputElement) => getComputedStyle(r, '::before');
    expect([dot(nu).content, dot(nu).borderTopWidth, dot(nu).width]).to.deep.equal([
      '""',
      '10px',
      '0px',
    ]);
    expect(dot(nam).content).to.equal('none');
    // Centred in the circle: a 20 px dot in the 36 px inside of a 2 px border leaves 8 px around.
    expect([dot(nu).position, dot(nu).marginTop, dot(nu).marginLeft]).to.deep.equal([
      'absolute',
      '8px',
      '8px',
    ]);
    for (const label of el.shadowRoot!.querySelectorAll('label')) {
      expect(label.getBoundingClientRect().height).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();
  });

  it('Tab leaves an answered group for the next group, whose first radio takes the focus', async () => {
    // WebKit (Safari) decides a radio's Tab stop from every radio of its name in the document,
    // shadow roots included: were all groups' radios named alike, an answered group would take
    // the next group's Tab stop away. Each group's radios have a name of their own.
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">Trước</button>
        <dvc-radio-group id="a" label="Một" .options=${options}></dvc-radio-group>
        <dvc-radio-group id="b" label="Hai" .options=${options}></dvc-radio-group>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll<DvcRadioGroup>('dvc-radio-group')];
    const radio = (g: DvcRadioGroup, i: number) =>
      g.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[i];
    expect(radio(a, 0).name).to.not.equal(radio(b, 0).name);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(a.shadowRoot!.activeElement).to.equal(radio(a, 0));
    await sendKeys({ press: 'ArrowDown' });
    expect(a.value).to.equal('nu');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(b);
    expect(b.shadowRoot!.activeElement).to.equal(radio(b, 0));
    // Choosing in the second group leaves the first group's answer as it was.
    await sendKeys({ press: ' ' });
    expect([a.value, b.value]).to.deep.equal(['nu', 'nam']);
    expect(radio(a, 1).checked).to.equal(true);
  });

  it('required is in the accessibility tree once, on the group (Chromium accessibility tree)', async () => {
    // A radio cannot carry aria-required (ARIA 1.2) and Chromium's tree shows no radio's native
    // `required`: the required question was given to assistive technology as a group without
    // "required". The group is a radiogroup carrying it; the radios carry none, so a reader
    // that reads a radio's own `required` does not say it at every choice as well.
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <dvc-radio-group label="Giới tính" required .options=${options}></dvc-radio-group>
        <dvc-radio-group label="Dân tộc (không bắt buộc)" .options=${options}></dvc-radio-group>
      </div>`,
    );
    const [required] = [...wrap.querySelectorAll<DvcRadioGroup>('dvc-radio-group')];
    const [group] = await axNodes('radiogroup', 'Giới tính');
    expect(group?.properties.required).to.equal(true);
    const [other] = await axNodes('radiogroup', 'Dân tộc (không bắt buộc)');
    expect(other?.properties.required).to.equal(false);
    // Becoming optional later is followed too.
    required.required = false;
    await required.updateComplete;
    expect((await axNodes('radiogroup', 'Giới tính'))[0]?.properties.required).to.equal(false);
    await expect(required).to.be.accessible();
  });

  it('is a radiogroup carrying aria-required, its radios no required of their own', async () => {
    const el = await fixture<DvcRadioGroup>(
      html`<dvc-radio-group label="Giới tính" required .options=${options}></dvc-radio-group>`,
    );
    const fieldset = el.shadowRoot!.querySelector('fieldset')!;
    expect(fieldset.getAttribute('role')).to.equal('radiogroup');
    expect(fieldset.getAttribute('aria-required')).to.equal('true');
    const radios = [...el.shadowRoot!.querySelectorAll('input')];
    expect(radios.map((r) => r.required)).to.deep.equal([false, false]);
    // The element still reports the missing answer itself (ElementInternals).
    expect(el.validity.valueMissing).to.equal(true);
    el.required = false;
    await el.updateComplete;
    expect(fieldset.getAttribute('aria-required')).to.equal('false');
    expect(el.validity.valueMissing).to.equal(false);
  });
});
