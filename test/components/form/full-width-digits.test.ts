/**
 * Phone IMEs (Vietnamese, CJK) type full-width digits and separators. The form accepts them in
 * every box that expects digits: leaving the box shows the ASCII digits (as the other
 * normalisations do), no error appears, Continue goes on, and the answers hold ASCII digits.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcForm } from '../../../components/form/form.js';
import { answer, field, headingText, mount, next, passEligibility, root } from './form-harness.js';

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
});
