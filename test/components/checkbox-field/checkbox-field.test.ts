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
    await sendKeys({ press: ' ' });
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
    await sendKeys({ press: ' ' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.value).to.deep.equal(['a', 'b']);
    expect(new FormData(form).getAll('giayTo')).to.deep.equal(['a', 'b']);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });

  it('draws a GOV.UK 40 px box with a 2 px border and a large tick on the native input', async () => {
    const el = await fixture<HTMLElement>(
      html`<dvc-checkbox-field
        label="Tôi đã đọc và đồng ý với lời cam đoan trên"
      ></dvc-checkbox-field>`,
    );
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const label = el.shadowRoot!.querySelector('label')!;
    const cs = getComputedStyle(box);
    expect([cs.appearance, cs.width, cs.height]).to.deep.equal(['none', '40px', '40px']);
    expect([cs.borderTopWidth, cs.borderTopStyle, cs.borderTopColor]).to.deep.equal([
      '2px',
      'solid',
      'rgb(11, 12, 12)',
    ]);
    expect(cs.borderTopLeftRadius).to.equal('0px');
    // Unticked, the box has no ::before at all: a drawn-but-hidden tick on every box cost style
    // and layout on every page (docs/performance.md, round 9).
    const tick = () => getComputedStyle(box, '::before');
    expect(tick().content).to.equal('none');
    expect(label.getBoundingClientRect().height).to.be.at.least(44);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(box.checked).to.equal(true);
    // The tick is two borders of an L turned 45°: borders stay visible in forced colours.
    expect(tick().content).to.equal('""');
    expect([tick().borderLeftWidth, tick().borderBottomWidth, tick().borderTopWidth]).to.deep.equal(
      ['5px', '5px', '0px'],
    );
    // Centred in the box's inside (32 px: focused, its border is 4 px), the L (25 × 13 px before
    // it turns) raised 3 px so the turned tick looks centred: 3.5 px on each side, 12.5 px above
    // and below an area 6 px taller.
    expect([tick().position, tick().top, tick().marginTop, tick().marginLeft]).to.deep.equal([
      'absolute',
      '-6px',
      '12.5px',
      '3.5px',
    ]);
    // Keyboard focus: the yellow ring and a border that thickens to 4 px.
    expect(box.matches(':focus-visible')).to.equal(true);
    const focused = getComputedStyle(box);
    expect([focused.outlineWidth, focused.outlineStyle, focused.outlineColor]).to.deep.equal([
      '3px',
      'solid',
      'rgb(255, 191, 71)',
    ]);
    expect(focused.borderTopWidth).to.equal('4px');
    await expect(el).to.be.accessible();
  });

  it('keeps the box beside the first line of a long option; disabled dims only the box', async () => {
    const el = await fixture<HTMLElement>(
      html`<div style="inline-size: 240px">
        <dvc-checkbox-group
          label="Giấy tờ"
          disabled
          .options=${[
            { value: 'a', label: 'Bản sao giấy chứng nhận kết hôn của cha và mẹ của trẻ' },
          ]}
        ></dvc-checkbox-group>
      </div>`,
    );
    const group = el.querySelector('dvc-checkbox-group')!;
    await (group as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const box = group.shadowRoot!.querySelector('input')!;
    const text = group.shadowRoot!.querySelector('.choice-text')!;
    const b = box.getBoundingClientRect();
    const t = text.getBoundingClientRect();
    expect(t.height).to.be.greaterThan(b.height);
    expect(b.top).to.equal(t.top);
    expect(getComputedStyle(box).opacity).to.equal('0.6');
    expect(getComputedStyle(text).opacity).to.equal('1');
    await expect(group).to.be.accessible();
  });
});
