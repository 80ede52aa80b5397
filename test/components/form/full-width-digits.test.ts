/**
 * Phone IMEs (Vietnamese, CJK) type full-width digits and separators. The form accepts them in
 * every box that expects digits: leaving the box shows the ASCII digits (as the other
 * normalisations do), no error appears, Continue goes on, and the answers hold ASCII digits. A
 * text box that only a digit `pattern` checks accepts them too (keeping them as typed).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { DvcForm } from '../../../components/form/form.js';
import {
  answer,
  field,
  headingText,
  jsonUrl,
  mount,
  next,
  passEligibility,
  root,
} from './form-harness.js';
import basic from './fixtures/basic.json';

/** The basic procedure with a birth certificate number checked only by a pattern of six digits. */
const withPattern = structuredClone(basic) as unknown as {
  data: { properties: Record<string, unknown> };
  ui: { steps: { fields: unknown[] }[] };
};
withPattern.data.properties.soGiayChungSinh = { type: 'string', pattern: '^[0-9]{6}$' };
withPattern.ui.steps[1]!.fields.push({
  field: 'soGiayChungSinh',
  widget: 'text',
  label: { vi: 'Số giấy chứng sinh', en: 'Birth certificate number' },
});
const WITH_PATTERN = jsonUrl(withPattern);

const box = (el: DvcForm, path: string) =>
  field(el, path)!.shadowRoot!.querySelector<HTMLInputElement>('#control')!;

/** Types into a field's box with the keyboard, then leaves the field with Tab. */
async function typeInto(el: DvcForm, path: string, text: string): Promise<void> {
  box(el, path).focus();
  await sendKeys({ type: text });
  // A date field's calendar button is inside the field: Tab until focus leaves it.
  for (let i = 0; i < 3 && root(el).activeElement === field(el, path); i++)
    await sendKeys({ press: 'Tab' });
  await el.settled();
}

describe('dvc-form: full-width digits', () => {
  it('are read as ASCII digits in the date, phone and number boxes, shown so and stored so', async () => {
    const el = await mount();
    await passEligibility(el);
    expect(headingText(el)).to.equal('Thông tin người được khai sinh');
    await answer(el, 'hoTen', 'Nguyễn Văn An');
    await answer(el, 'coSoDienThoai', 'co');
    await typeInto(el, 'ngaySinh', '１５／０３／２０２５');
    await typeInto(el, 'soDienThoai', '＋８４ ９１２－３４５\u200B６７８');
    await typeInto(el, 'soBanSao', '２');
    expect(['ngaySinh', 'soDienThoai', 'soBanSao'].map((p) => box(el, p).value)).to.deep.equal([
      '15/03/2025',
      '0912 345 678',
      '2',
    ]);
    expect(['ngaySinh', 'soDienThoai', 'soBanSao'].map((p) => field(el, p)!.error)).to.deep.equal([
      '',
      '',
      '',
    ]);
    const answers = (el as unknown as { answers: Record<string, unknown> }).answers;
    expect([answers.ngaySinh, answers.soDienThoai, answers.soBanSao]).to.deep.equal([
      '2025-03-15',
      '0912345678',
      2,
    ]);
    await next(el);
    expect(headingText(el)).to.equal('Giấy tờ');
  });

  it('are read as the digits they show by a box that only a digit pattern checks', async () => {
    const el = await mount(
      html`<dvc-form procedure=${WITH_PATTERN} today="2025-04-01"></dvc-form>`,
    );
    await passEligibility(el);
    await answer(el, 'hoTen', 'Nguyễn Văn An');
    await answer(el, 'ngaySinh', '2025-03-15');
    await answer(el, 'coSoDienThoai', 'khong');
    // Five digits: the pattern refuses them in either width, with the same message.
    await typeInto(el, 'soGiayChungSinh', '０１２３４');
    expect(field(el, 'soGiayChungSinh')!.error).to.equal('Số giấy chứng sinh chưa đúng định dạng');
    box(el, 'soGiayChungSinh').select();
    await typeInto(el, 'soGiayChungSinh', '０１２３４５');
    expect(field(el, 'soGiayChungSinh')!.error).to.equal('');
    // The box keeps what was typed (a text box never rewrites free text); the value is folded.
    expect(box(el, 'soGiayChungSinh').value).to.equal('０１２３４５');
    await next(el);
    expect(headingText(el)).to.equal('Giấy tờ');
  });
});
