/**
 * A box holding text it cannot read (a date 31/02/2026, a number "abc") leaves the answer empty:
 * the field's own bad-input message must be shown, at the field and in the error summary, not
 * the question's "required" message (or nothing at all for an optional question), and the
 * summary's link must still take the person to the box, which keeps what they typed.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcForm } from '../../../components/form/form.js';
import {
  answer,
  type FieldEl,
  field,
  headingText,
  mount,
  next,
  passEligibility,
  root,
  summary,
  summaryTexts,
} from './form-harness.js';

const INVALID_DATE =
  'Ngày không hợp lệ. Vui lòng nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 15/03/2025.';
const INVALID_NUMBER = 'Vui lòng chỉ nhập số, ví dụ 12.';

const box = (el: DvcForm, path: string) =>
  field(el, path)!.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
/** The error shown at the field itself (its own shadow root). */
const fieldError = (el: DvcForm, path: string) =>
  field(el, path)!
    .shadowRoot!.querySelector('[part="error"]')
    ?.textContent!.replace(/\s+/g, ' ')
    .trim();

/** Types into a field's box with the keyboard, then leaves the field with Tab. */
async function typeInto(el: DvcForm, path: string, text: string): Promise<void> {
  box(el, path).focus();
  await sendKeys({ type: text });
  // A date field's calendar button is inside the field: Tab until focus leaves it.
  for (let i = 0; i < 3 && root(el).activeElement === field(el, path); i++)
    await sendKeys({ press: 'Tab' });
  expect(root(el).activeElement).to.not.equal(field(el, path));
  await el.settled();
  await (field(el, path) as FieldEl & { updateComplete: Promise<boolean> }).updateComplete;
}

async function childPage(): Promise<DvcForm> {
  const el = await mount();
  await passEligibility(el);
  expect(headingText(el)).to.equal('Thông tin người được khai sinh');
  await answer(el, 'hoTen', 'Nguyễn Văn An');
  await answer(el, 'coSoDienThoai', 'khong');
  return el;
}

describe('dvc-form: text a field cannot read', () => {
  for (const typed of ['31/02/2026', '30/02/2026', '15/13/2026'])
    it(`an impossible date (${typed}) gets the invalid-date message, not "required"`, async () => {
      const el = await childPage();
      await typeInto(el, 'ngaySinh', typed);
      // Leaving the box: the field's own message.
      expect(fieldError(el, 'ngaySinh')).to.equal(`Lỗi: ${INVALID_DATE}`);
      expect(field(el, 'ngaySinh')!.error).to.equal(INVALID_DATE);
      // Continue: the same message at the field and in the summary, naming the question.
      await next(el);
      expect(headingText(el)).to.equal('Thông tin người được khai sinh');
      expect(summaryTexts(el)).to.deep.equal([`${INVALID_DATE} (câu hỏi: Ngày sinh)`]);
      expect(root(el).activeElement).to.equal(summary(el));
      expect(fieldError(el, 'ngaySinh')).to.equal(`Lỗi: ${INVALID_DATE}`);
      expect(box(el, 'ngaySinh').value).to.equal(typed);
      expect(box(el, 'ngaySinh').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      if (typed === '31/02/2026') {
        // In English too, when the language changes with the message on screen.
        el.lang = 'en';
        await el.settled();
        expect(summaryTexts(el)).to.deep.equal([
          'Enter a real date as day/month/year, for example 15/03/2025. (question: Date of birth)',
        ]);
        expect(field(el, 'ngaySinh')!.error).to.equal(
          'Enter a real date as day/month/year, for example 15/03/2025.',
        );
        el.lang = 'vi';
        await el.settled();
        expect(summaryTexts(el)).to.deep.equal([`${INVALID_DATE} (câu hỏi: Ngày sinh)`]);
      }
      // The summary's link still lands in the box.
      summary(el)!.shadowRoot!.querySelector('a')!.click();
      expect(root(el).activeElement).to.equal(field(el, 'ngaySinh'));
      expect(field(el, 'ngaySinh')!.shadowRoot!.activeElement).to.equal(box(el, 'ngaySinh'));
      // A real date clears it, and Continue goes on.
      box(el, 'ngaySinh').select();
      await sendKeys({ type: '15/03/2025' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await el.settled();
      expect(field(el, 'ngaySinh')!.error).to.equal('');
      await next(el);
      expect(headingText(el)).to.equal('Giấy tờ');
    });

  it('an empty required date still says "required"', async () => {
    const el = await childPage();
    await next(el);
    expect(summaryTexts(el)).to.deep.equal(['Nhập ngày sinh']);
    expect(fieldError(el, 'ngaySinh')).to.equal('Lỗi: Nhập ngày sinh');
  });

  it('an optional number holding "abc" stops Continue with the invalid-number message', async () => {
    const el = await childPage();
    await answer(el, 'ngaySinh', '2025-03-15');
    await answer(el, 'coSoDienThoai', 'co');
    await typeInto(el, 'soBanSao', 'abc');
    expect(fieldError(el, 'soBanSao')).to.equal(`Lỗi: ${INVALID_NUMBER}`);
    // A phone number keeps what was typed as its answer: the session's own message says why.
    await typeInto(el, 'soDienThoai', '09abc');
    await next(el);
    expect(headingText(el)).to.equal('Thông tin người được khai sinh');
    expect(summaryTexts(el)).to.deep.equal([
      'Số điện thoại di động phải gồm 10 chữ số, ví dụ 0912 345 678',
      `${INVALID_NUMBER} (câu hỏi: Số bản sao trích lục)`,
    ]);
    expect(box(el, 'soBanSao').value).to.equal('abc');
    expect(box(el, 'soDienThoai').value).to.equal('09abc');
    await expect(el).to.be.accessible();
    summary(el)!.shadowRoot!.querySelectorAll('a')[1]!.click();
    expect(root(el).activeElement).to.equal(field(el, 'soBanSao'));
    expect(field(el, 'soBanSao')!.shadowRoot!.activeElement).to.equal(box(el, 'soBanSao'));
  });
});
