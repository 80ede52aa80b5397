import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/date-field/date-field.js';
import type { DvcDateField } from '../../../components/date-field/date-field.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const input = (el: HTMLElement) => root(el).querySelector('input')!;
const focused = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;

describe('dvc-date-field', () => {
  it('shows dd/mm/yyyy for an ISO value, describes the format and passes axe empty, filled, error, disabled', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày sinh" hint="Theo giấy khai sinh"></dvc-date-field>`,
    );
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint format');
    expect(root(el).querySelector('#format')!.textContent).to.equal('Ví dụ: 15/03/2025');
    await expect(el).to.be.accessible();
    el.value = '2025-03-15';
    await el.updateComplete;
    expect(input(el).value).to.equal('15/03/2025');
    expect(root(el).querySelector('#open')!.getAttribute('aria-label')).to.equal(
      'Chọn ngày trên lịch, đã chọn 15/03/2025',
    );
    await expect(el).to.be.accessible();
    el.error = 'Nhập ngày sinh';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.disabled = true;
    await el.updateComplete;
    expect((root(el).querySelector('#open') as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reads a typed date as ISO, tidies it on blur and rejects 31/02 with a Vietnamese message', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày sinh" name="ngaySinh"></dvc-date-field>`,
    );
    const changes: unknown[] = [];
    el.addEventListener('dvc-change', (e) => changes.push(e.detail));
    el.focus();
    await sendKeys({ type: '5-3-2025' });
    expect(el.value).to.equal('2025-03-05');
    expect(input(el).value).to.equal('5-3-2025');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('05/03/2025');
    expect(changes).to.deep.equal([{ name: 'ngaySinh', value: '2025-03-05' }]);
    el.focus();
    input(el).select();
    await sendKeys({ type: '31/02/2025' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(el.validity.badInput).to.equal(true);
    expect(el.validationMessage).to.equal(
      'Ngày không hợp lệ. Vui lòng nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 15/03/2025.',
    );
  });

  it('reads full-width digits and separators as a phone IME types them', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày sinh" name="ngaySinh"></dvc-date-field>`,
    );
    el.focus();
    await sendKeys({ type: '０５／０３／２０２５' });
    expect(el.value).to.equal('2025-03-05');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('05/03/2025');
    el.focus();
    input(el).select();
    await sendKeys({ type: '5–3–2025' });
    expect(el.value).to.equal('2025-03-05');
    expect(el.checkValidity()).to.equal(true);
  });

  it('checks min and max with dates written dd/mm/yyyy', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày" min="2025-01-01" value="2024-12-31"></dvc-date-field>`,
    );
    expect(el.validity.rangeUnderflow).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng nhập ngày từ 01/01/2025 trở về sau.');
  });

  it('date picker: opens on the chosen day, arrows/PageUp/PageDown/Home/End move, Enter selects, focus returns', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày sinh" value="2025-03-15"></dvc-date-field>`,
    );
    const log: string[] = [];
    el.addEventListener('change', () => log.push(`change:${el.value}`));
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.id).to.equal('open');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = root(el).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(root(el).querySelector('#month-title')!.textContent).to.equal('Tháng 3 năm 2025');
    expect(focused(el)!.dataset.date).to.equal('2025-03-15');
    expect(focused(el)!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
    const steps: [string, string][] = [
      ['ArrowRight', '2025-03-16'],
      ['ArrowDown', '2025-03-23'],
      ['ArrowLeft', '2025-03-22'],
      ['ArrowUp', '2025-03-15'],
      ['Home', '2025-03-10'],
      ['End', '2025-03-16'],
      ['PageDown', '2025-04-16'],
      ['PageUp', '2025-03-16'],
      ['PageUp', '2025-02-16'],
    ];
    for (const [key, expected] of steps) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(focused(el)!.dataset.date, key).to.equal(expected);
    }
    expect(root(el).querySelector('#month-title')!.textContent).to.equal('Tháng 2 năm 2025');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('2025-02-16');
    expect(input(el).value).to.equal('16/02/2025');
    expect(root(el).querySelector('dialog')).to.equal(null);
    expect(focused(el)!.id).to.equal('open');
    expect(log).to.deep.equal(['change:2025-02-16']);
  });

  it('date picker: Escape closes without choosing and returns focus to the button; English month names', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field lang="en" label="Date of birth" value="2024-02-29"></dvc-date-field>`,
    );
    await el.openPicker();
    expect(root(el).querySelector('#month-title')!.textContent).to.equal('February 2024');
    expect(focused(el)!.getAttribute('aria-label')).to.equal('Thursday, 29 February 2024');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('dialog')).to.equal(null);
    expect(el.value).to.equal('2024-02-29');
    expect(focused(el)!.id).to.equal('open');
  });

  it('submits the ISO value with FormData; reset restores the default', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-date-field label="Ngày" name="ngay" value="2000-01-02"></dvc-date-field>
      </form>`,
    );
    const el = form.querySelector('dvc-date-field')!;
    el.value = '2020-12-31';
    await el.updateComplete;
    expect(new FormData(form).get('ngay')).to.equal('2020-12-31');
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).get('ngay')).to.equal('2000-01-02');
    expect(input(el).value).to.equal('02/01/2000');
  });

  it('shows its own "Ví dụ" format example only when the hint gives no date of its own', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field label="Ngày sinh" hint="Ví dụ: 10/11/2026"></dvc-date-field>`,
    );
    const hints = () => [...root(el).querySelectorAll('.hint')].map((h) => h.textContent);
    expect(hints()).to.deep.equal(['Ví dụ: 10/11/2026']);
    expect(root(el).querySelector('#format')).to.equal(null);
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint');
    await expect(el).to.be.accessible();
    el.hint = 'Ghi theo giấy chứng sinh';
    await el.updateComplete;
    expect(hints()).to.deep.equal(['Ghi theo giấy chứng sinh', 'Ví dụ: 15/03/2025']);
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint format');
    el.hint = '';
    await el.updateComplete;
    expect(hints()).to.deep.equal(['Ví dụ: 15/03/2025']);
    expect(input(el).getAttribute('aria-describedby')).to.equal('format');
    el.lang = 'en';
    el.hint = 'For example, 27-3-2007';
    await el.updateComplete;
    expect(hints()).to.deep.equal(['For example, 27-3-2007']);
    // A number that is not a date is no example.
    el.hint = 'Trong vòng 60 ngày kể từ 1/7';
    await el.updateComplete;
    expect(hints()).to.deep.equal(['Trong vòng 60 ngày kể từ 1/7', 'For example, 15/03/2025']);
  });

  it('renders hint, format example, badge and error as one part, in that order (issue 22 round 7)', async () => {
    const el = await fixture<DvcDateField>(
      html`<dvc-date-field
        label="Ngày sinh"
        hint="Theo giấy khai sinh"
        prefilled
      ></dvc-date-field>`,
    );
    el.error = 'Nhập ngày sinh';
    await el.updateComplete;
    const notes = [...root(el).querySelectorAll('label ~ span')].map(
      (s) => `${s.getAttribute('part')}#${s.id}`,
    );
    expect(notes).to.deep.equal([
      'hint#hint',
      'format-hint#format',
      'prefilled#prefilled',
      'error#error',
    ]);
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint format prefilled error');
    // lit's marker comments: 5, one of them for the notes (there were 12: one for each of the four
    // notes, each shown through a nested template).
    const comments = (node: Node): number =>
      [...node.childNodes].reduce(
        (n, c) => n + (c.nodeType === Node.COMMENT_NODE ? 1 : 0) + comments(c),
        0,
      );
    expect(comments(root(el))).to.equal(5);
  });
});
