import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcForm } from '../../../components/form/form.js';
import type {
  DvcErrorEvent,
  DvcEligibilityEvent,
  DvcInvalidEvent,
  DvcStepChangeEvent,
} from '../../../components/form/events.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  BASIC,
  BROKEN,
  MISSING,
  PREFILL,
  answer,
  button,
  field,
  heading,
  headingText,
  mount,
  next,
  passEligibility,
  progress,
  root,
  summary,
  summaryTexts,
} from './form-harness.js';

import basic from './fixtures/basic.json';
import laiXe from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';

// Loading, eligibility, steps, errors, language and prefill; documents, review, submit and the
// keyboard are in form-submit.test.ts.
describe('dvc-form', () => {
  describe('loading', () => {
    it('shows a polite loading message while the procedure is fetched', async () => {
      const el = await fixture<DvcForm>(html`<dvc-form procedure=${BASIC}></dvc-form>`);
      const status = root(el).querySelector('[part="status"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent!.trim()).to.equal('Đang tải biểu mẫu…');
      await el.settled();
    });

    it('explains a broken procedure in the page, logs the details and fires dvc-error', async () => {
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void logged.push(args);
      try {
        const el = document.createElement('dvc-form');
        const errored = oneEvent(el, 'dvc-error') as Promise<DvcErrorEvent>;
        el.procedure = BROKEN;
        document.body.append(el);
        const event = await errored;
        await el.updateComplete;
        expect(event.detail.code).to.equal('procedure-invalid');
        expect(event.detail.problems!.length).to.be.greaterThan(0);
        expect(event.detail.problems![0].line).to.be.a('number');
        expect(event.bubbles && event.composed).to.equal(true);
        const box = root(el).querySelector('[part="status"]')!;
        expect(box.getAttribute('role')).to.equal('alert');
        expect(box.querySelector('h2')!.textContent).to.equal('Không tải được biểu mẫu');
        expect(box.textContent).to.contain('nộp hồ sơ trực tiếp tại Bộ phận Một cửa');
        expect(box.querySelector('button')!.textContent!.trim()).to.equal('Thử lại');
        expect(logged.length).to.equal(1);
        expect(String(logged[0][0])).to.equal(`dvc-form: The procedure ${BROKEN} is invalid`);
        await expect(el).to.be.accessible();
        el.remove();
      } finally {
        console.error = original;
      }
    });

    it('reports a procedure that cannot be fetched as procedure-fetch', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const el = document.createElement('dvc-form');
        const errored = oneEvent(el, 'dvc-error') as Promise<DvcErrorEvent>;
        el.procedure = MISSING;
        el.lang = 'en';
        document.body.append(el);
        const event = await errored;
        await el.updateComplete;
        expect(event.detail.code).to.equal('procedure-fetch');
        expect(root(el).querySelector('h2')!.textContent).to.equal('The form could not be loaded');
        el.remove();
      } finally {
        console.error = original;
      }
    });
  });

  describe('eligibility first', () => {
    it('asks the eligibility questions on the first page', async () => {
      const el = await mount();
      expect(headingText(el)).to.equal('Điều kiện');
      expect(progress(el)).to.equal('Bước 1 trên 4');
      expect(field(el, 'laCongDan')).to.not.equal(null);
      expect(field(el, 'sinhTrongNuoc')).to.not.equal(null);
      expect(field(el, 'hoTen')).to.equal(null);
      expect(button(el, 'secondary')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows every reason and remedy when ineligible, and offers only Back', async () => {
      const el = await mount();
      await answer(el, 'laCongDan', 'khong');
      await answer(el, 'sinhTrongNuoc', 'khong');
      const decided = oneEvent(el, 'dvc-eligibility') as Promise<DvcEligibilityEvent>;
      await next(el);
      const event = await decided;
      expect(event.detail.status).to.equal('ineligible');
      expect(event.detail.reasons.map((r) => r.rule)).to.deep.equal(['cong-dan', 'trong-nuoc']);
      expect(headingText(el)).to.equal('Bạn chưa thể nộp hồ sơ này trực tuyến');
      expect(root(el).activeElement).to.equal(heading(el));
      const items = [...root(el).querySelectorAll('[part="reasons"] > li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(items).to.deep.equal([
        'Thủ tục này chỉ dành cho trẻ là công dân Việt Nam. Bạn có thể: Bạn hãy dùng thủ tục đăng ký khai sinh có yếu tố nước ngoài.',
        'Thủ tục này chỉ dành cho trẻ sinh ra ở Việt Nam. Bạn có thể: Bạn hãy liên hệ cơ quan đại diện Việt Nam ở nước ngoài.',
      ]);
      expect(button(el, 'primary')).to.equal(null);
      expect(progress(el)).to.equal(undefined);
      await expect(el).to.be.accessible();
      button(el, 'secondary')!.click();
      await el.settled();
      expect(headingText(el)).to.equal('Điều kiện');
      expect(field(el, 'laCongDan')!.value).to.equal('khong');
    });

    it('says "cannot apply" as soon as an answer decides it, without the open questions', async () => {
      // The driving permit sample: a paper licence and a ban decide it; the expiry date (shown
      // because the licence has one) is still empty and must not be asked first.
      const el = await mount(
        html`<dvc-form
          .procedureData=${laiXe as unknown as Procedure}
          today="2026-11-26"
        ></dvc-form>`,
      );
      await answer(el, 'eligibility.citizenship', 'vietnamese');
      await answer(el, 'eligibility.licenceMaterial', 'paper');
      await answer(el, 'eligibility.licenceIntact', true);
      await answer(el, 'eligibility.licenceHasExpiry', true);
      await answer(el, 'eligibility.barred', true);
      expect(field(el, 'eligibility.licenceExpiryDate')).to.not.equal(null);
      const decided = oneEvent(el, 'dvc-eligibility') as Promise<DvcEligibilityEvent>;
      await next(el);
      const event = await decided;
      expect(event.detail).to.deep.equal({
        status: 'ineligible',
        reasons: [
          {
            rule: 'pet-licence',
            message: laiXe.rules[1].reason,
            remedy: laiXe.rules[1].remedy,
          },
          {
            rule: 'not-barred',
            message: laiXe.rules[4].reason,
            remedy: laiXe.rules[4].remedy,
          },
        ],
      });
      expect(headingText(el)).to.equal('Bạn chưa thể nộp hồ sơ này trực tuyến');
      expect(summary(el)).to.equal(null);
      // Back to the questions: no error for the date nobody was asked to give.
      button(el, 'secondary')!.click();
      await el.settled();
      expect(headingText(el)).to.equal('Kiểm tra điều kiện');
      expect(summaryTexts(el)).to.deep.equal([]);
    });

    it('with one answer deciding it and the other eligibility question empty', async () => {
      const el = await mount();
      await answer(el, 'laCongDan', 'khong');
      await next(el);
      expect(headingText(el)).to.equal('Bạn chưa thể nộp hồ sơ này trực tuyến');
      expect(
        [...root(el).querySelectorAll('[part="reasons"] > li')].map((li) =>
          li.textContent!.replace(/\s+/g, ' ').trim(),
        ),
      ).to.deep.equal([
        'Thủ tục này chỉ dành cho trẻ là công dân Việt Nam. Bạn có thể: Bạn hãy dùng thủ tục đăng ký khai sinh có yếu tố nước ngoài.',
      ]);
    });

    it('"Sửa câu trả lời" goes back to the eligibility page the "no" was told on', async () => {
      // One question per eligibility page: a decisive answer on the first is told at once, so
      // the second page was never shown and is no place to send the person back to.
      const procedure = structuredClone(basic) as unknown as Procedure;
      const [eligibility, ...rest] = procedure.ui.steps;
      procedure.ui.steps = [
        { ...eligibility, fields: [eligibility.fields[0]] },
        {
          ...eligibility,
          id: 'dieu-kien-2',
          title: { vi: 'Nơi sinh', en: 'Place of birth' },
          fields: [eligibility.fields[1]],
        },
        ...rest,
      ];
      const el = await fixture<DvcForm>(html`<dvc-form .procedureData=${procedure}></dvc-form>`);
      await el.settled();
      await answer(el, 'laCongDan', 'khong');
      await next(el);
      expect(headingText(el)).to.equal('Bạn chưa thể nộp hồ sơ này trực tuyến');
      button(el, 'secondary')!.click();
      await el.settled();
      expect(headingText(el)).to.equal('Điều kiện');
      expect(field(el, 'laCongDan')!.value).to.equal('khong');
    });

    it('synthesises an eligibility step from the fields the rules read', async () => {
      const procedure = structuredClone(basic) as unknown as Procedure;
      const [eligibility, ...rest] = procedure.ui.steps;
      rest[0].fields.unshift(...eligibility.fields);
      procedure.ui.steps = rest;
      const el = await fixture<DvcForm>(html`<dvc-form .procedureData=${procedure}></dvc-form>`);
      await el.settled();
      expect(headingText(el)).to.equal('Kiểm tra điều kiện nộp hồ sơ');
      expect(field(el, 'laCongDan')).to.not.equal(null);
      expect(field(el, 'hoTen')).to.equal(null);
      await passEligibility(el);
      expect(headingText(el)).to.equal('Thông tin người được khai sinh');
      expect(field(el, 'laCongDan')).to.equal(null);
    });
  });

  describe('steps', () => {
    it('moves page by page with progress, focuses the heading and fires dvc-step-change', async () => {
      const el = await mount();
      await answer(el, 'laCongDan', 'co');
      await answer(el, 'sinhTrongNuoc', 'co');
      const changed = oneEvent(el, 'dvc-step-change') as Promise<DvcStepChangeEvent>;
      await next(el);
      expect((await changed).detail).to.deep.equal({
        from: 'dieu-kien',
        to: 'nguoi-khai',
        kind: 'question',
        index: 2,
        total: 4,
      });
      expect(headingText(el)).to.equal('Thông tin người được khai sinh');
      expect(progress(el)).to.equal('Bước 2 trên 4');
      expect(heading(el).getAttribute('tabindex')).to.equal('-1');
      expect(root(el).activeElement).to.equal(heading(el));
      expect(root(el).querySelector('[part="description"]')!.textContent!.trim()).to.equal(
        'Ghi đúng như trên giấy chứng sinh.',
      );
      button(el, 'secondary')!.click();
      await el.settled();
      expect(headingText(el)).to.equal('Điều kiện');
      expect(root(el).activeElement).to.equal(heading(el));
    });

    it("follows the browser's Back button and keeps the host page's history state", async () => {
      history.replaceState({ host: 'page' }, '');
      const el = await mount();
      expect(history.state).to.deep.equal({
        host: 'page',
        dvcForms: { '1.001193@0': 'dieu-kien' },
      });
      await passEligibility(el);
      expect(history.state.dvcForms['1.001193@0']).to.equal('nguoi-khai');
      expect(history.state.host).to.equal('page');
      const popped = new Promise((resolve) =>
        window.addEventListener('popstate', resolve, { once: true }),
      );
      history.back();
      await popped;
      await el.settled();
      expect(headingText(el)).to.equal('Điều kiện');
      expect(root(el).activeElement).to.equal(heading(el));
    });

    it('asks one question per page in one-question-per-page mode', async () => {
      const el = await mount(
        html`<dvc-form procedure=${BASIC} one-question-per-page today="2025-04-01"></dvc-form>`,
      );
      // One question a page: the phone number's page comes and goes, so no total (stepTotal).
      expect(progress(el)).to.equal('Bước 1');
      expect(field(el, 'laCongDan')).to.not.equal(null);
      expect(field(el, 'sinhTrongNuoc')).to.equal(null);
      await answer(el, 'laCongDan', 'co');
      await next(el);
      expect(progress(el)).to.equal('Bước 2');
      expect(field(el, 'sinhTrongNuoc')).to.not.equal(null);
      expect(headingText(el)).to.equal('Điều kiện');
    });
  });

  describe('errors', () => {
    it('shows the error summary on Continue, focuses it, and its links focus the fields', async () => {
      const el = await mount();
      await passEligibility(el);
      const invalid = oneEvent(el, 'dvc-invalid') as Promise<DvcInvalidEvent>;
      await next(el);
      const event = await invalid;
      expect(event.detail.page).to.equal('nguoi-khai');
      expect(event.detail.problems.map((p) => p.path)).to.deep.equal([
        '/hoTen',
        '/ngaySinh',
        '/coSoDienThoai',
      ]);
      const s = summary(el)!;
      expect(root(el).activeElement).to.equal(s);
      expect(s.shadowRoot!.querySelector('h2')!.textContent).to.equal('Có lỗi cần sửa');
      expect(summaryTexts(el)).to.deep.equal([
        'Nhập họ và tên',
        'Nhập ngày sinh',
        'Hãy chọn một câu trả lời (câu hỏi: Bạn có muốn nhận tin nhắn không?)',
      ]);
      expect(field(el, 'hoTen')!.error).to.equal('Nhập họ và tên');
      await expect(el).to.be.accessible();
      s.shadowRoot!.querySelectorAll('a')[1].click();
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(field(el, 'ngaySinh'));
    });

    it('does not show an inline error while typing, only after leaving the field', async () => {
      const el = await mount();
      await passEligibility(el);
      const name = field(el, 'hoTen')!;
      name.focus();
      await sendKeys({ type: 'A' });
      await sendKeys({ press: 'Backspace' });
      await el.settled();
      expect(name.error).to.equal('');
      await sendKeys({ press: 'Tab' });
      await el.settled();
      await waitUntil(() => name.error !== '');
      expect(name.error).to.equal('Nhập họ và tên');
      name.focus();
      await sendKeys({ type: 'Nguyễn An' });
      await el.settled();
      // Still shown while the person fixes it; it goes when they leave the field.
      expect(name.error).to.equal('Nhập họ và tên');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => name.error === '');
    });

    it('continues on Enter in a one-line answer, like a plain HTML form', async () => {
      const el = await mount();
      await passEligibility(el);
      field(el, 'hoTen')!.focus();
      await sendKeys({ type: 'Nguyễn Văn An' });
      await sendKeys({ press: 'Enter' });
      await el.settled();
      await waitUntil(() => summary(el) !== null);
      expect(summaryTexts(el)).to.deep.equal([
        'Nhập ngày sinh',
        'Hãy chọn một câu trả lời (câu hỏi: Bạn có muốn nhận tin nhắn không?)',
      ]);
      expect(field(el, 'hoTen')!.value).to.equal('Nguyễn Văn An');
      expect(root(el).activeElement).to.equal(summary(el));
    });

    it('shows, requires and validates a conditional field only while its rule holds', async () => {
      const el = await mount();
      await passEligibility(el);
      expect(field(el, 'soDienThoai')).to.equal(null);
      await answer(el, 'hoTen', 'Nguyễn Văn An');
      await answer(el, 'ngaySinh', '2025-03-15');
      await answer(el, 'coSoDienThoai', 'co');
      expect(field(el, 'soDienThoai')).to.not.equal(null);
      expect(field(el, 'soDienThoai')!.required).to.equal(true);
      await next(el);
      expect(summaryTexts(el)).to.deep.equal(['Nhập số điện thoại di động']);
      await answer(el, 'soDienThoai', '12');
      await answer(el, 'coSoDienThoai', 'khong');
      expect(field(el, 'soDienThoai')).to.equal(null);
      expect(summaryTexts(el)).to.deep.equal([]);
      await next(el);
      expect(headingText(el)).to.equal('Giấy tờ');
    });
  });

  describe('language and prefill', () => {
    it('switches language at run time without losing answers', async () => {
      const el = await mount();
      await passEligibility(el);
      await answer(el, 'hoTen', 'Nguyễn Văn An');
      await next(el);
      expect(summaryTexts(el)).to.deep.equal([
        'Nhập ngày sinh',
        'Hãy chọn một câu trả lời (câu hỏi: Bạn có muốn nhận tin nhắn không?)',
      ]);
      el.lang = 'en';
      await el.settled();
      expect(headingText(el)).to.equal('About the child');
      expect(progress(el)).to.equal('Step 2 of 4');
      expect(field(el, 'hoTen')!.value).to.equal('Nguyễn Văn An');
      expect((field(el, 'hoTen') as unknown as { label: string }).label).to.equal('Full name');
      expect(summary(el)!.shadowRoot!.querySelector('h2')!.textContent).to.equal(
        'There is a problem',
      );
      expect(summaryTexts(el)).to.deep.equal([
        'Enter the date of birth',
        'Select an answer (question: Do you want text messages?)',
      ]);
      expect(button(el, 'primary')!.textContent!.trim()).to.equal('Continue');
      el.lang = 'vi';
      await el.settled();
      expect(field(el, 'hoTen')!.value).to.equal('Nguyễn Văn An');
      expect(button(el, 'primary')!.textContent!.trim()).to.equal('Tiếp tục');
    });

    it('prefills answers from the prefill property and prefill-src and marks those fields', async () => {
      const el = await mount(
        html`<dvc-form
          procedure=${BASIC}
          prefill-src=${PREFILL}
          .prefill=${{ laCongDan: 'co' }}
          today="2025-04-01"
        ></dvc-form>`,
      );
      expect(field(el, 'laCongDan')!.value).to.equal('co');
      expect(field(el, 'laCongDan')!.prefilled).to.equal(true);
      expect(field(el, 'sinhTrongNuoc')!.prefilled).to.equal(false);
      await answer(el, 'sinhTrongNuoc', 'co');
      await next(el);
      expect(field(el, 'hoTen')!.value).to.equal('Trần Thị Bình');
      expect(field(el, 'hoTen')!.prefilled).to.equal(true);
      expect(field(el, 'ngaySinh')!.value).to.equal('2025-03-15');
      expect(field(el, 'coSoDienThoai')!.prefilled).to.equal(false);
      await answer(el, 'hoTen', 'Trần Thị Bích');
      expect(field(el, 'hoTen')!.prefilled).to.equal(false);
    });

    it('shows who is helping in assisted mode', async () => {
      const el = await mount(
        html`<dvc-form
          procedure=${BASIC}
          assisted-by="nhân viên bưu điện Lê Văn Cường"
          today="2025-04-01"
        ></dvc-form>`,
      );
      expect(root(el).querySelector('[part="assisted-note"]')!.textContent!.trim()).to.equal(
        'Biểu mẫu này được điền với sự hỗ trợ của nhân viên bưu điện Lê Văn Cường, cùng với người nộp hồ sơ. Người hỗ trợ cần đọc lại từng câu trả lời cho người nộp hồ sơ nghe trước khi gửi.',
      );
      await expect(el).to.be.accessible();
    });
  });
});
