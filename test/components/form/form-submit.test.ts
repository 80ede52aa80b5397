import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcUpload } from '../../../components/upload/upload.js';
import type {
  DvcSubmitEvent,
  DvcSubmittedEvent,
  SubmissionPayload,
} from '../../../components/form/events.js';
import { sha256Hex } from '../../../src/submission/index.js';
import {
  BASIC,
  answer,
  button,
  field,
  fillChild,
  headingText,
  mount,
  next,
  passEligibility,
  progress,
  root,
  summary,
  summaryTexts,
  toReview,
} from './form-harness.js';
import { attachDocuments } from './attach-documents.js';

import basic from './fixtures/basic.json';

// Documents, the review page, Submit and its payload, and the keyboard; the form's other
// behaviour is in form.test.ts.
describe('dvc-form', () => {
  describe('documents', () => {
    it("slots the document's dvc-upload, which shows its requirements", async () => {
      const el = await mount();
      await passEligibility(el);
      await fillChild(el);
      await next(el);
      const slot = root(el).querySelector<HTMLSlotElement>('[part="document-slot"] slot')!;
      expect(slot.name).to.equal('document-giay-chung-sinh');
      const up = slot.assignedElements()[0] as DvcUpload;
      expect(up.localName).to.equal('dvc-upload');
      expect(up.required).to.equal(true);
      expect(up.shadowRoot!.querySelector('legend')!.textContent).to.equal('Giấy chứng sinh');
      expect(
        [...up.shadowRoot!.querySelectorAll('#requirements li')].map((li) =>
          li.textContent!.replace(/\s+/g, ' ').trim(),
        ),
      ).to.deep.equal(['Bắt buộc', 'Bản điện tử, 1 bản', 'PDF hoặc JPG, tối đa 5 MB']);
      await expect(el).to.be.accessible();
    });
  });

  describe('review and submit', () => {
    it('lists every visible answer with Sửa links, the fee and the declaration', async () => {
      const el = await mount();
      await toReview(el);
      expect(progress(el)).to.equal('Bước 4 trên 4');
      const rows = [...root(el).querySelectorAll('.row')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('.value')!.textContent!.trim(),
        row.querySelector('a')!.textContent!.trim(),
      ]);
      expect(rows).to.deep.equal([
        [
          'Trẻ có phải là công dân Việt Nam không?',
          'Có',
          'Sửa Trẻ có phải là công dân Việt Nam không?',
        ],
        ['Trẻ có sinh ra ở Việt Nam không?', 'Có', 'Sửa Trẻ có sinh ra ở Việt Nam không?'],
        ['Họ và tên', 'Nguyễn Văn An', 'Sửa Họ và tên'],
        ['Ngày sinh', '15/03/2025', 'Sửa Ngày sinh'],
        ['Bạn có muốn nhận tin nhắn không?', 'Có', 'Sửa Bạn có muốn nhận tin nhắn không?'],
        ['Số điện thoại di động', '0912345678', 'Sửa Số điện thoại di động'],
        ['Số bản sao trích lục', '2', 'Sửa Số bản sao trích lục'],
        ['Giấy chứng sinh', 'giay-to.pdf (15 byte)', 'Sửa Giấy chứng sinh'],
      ]);
      const fee = [...root(el).querySelectorAll('[part="fee"] tr')].map((tr) =>
        tr.textContent!.replace(/[ \n\t]+/g, ' ').trim(),
      );
      expect(fee).to.deep.equal([
        'Khoản Số tiền',
        `Bản sao trích lục khai sinh (2 × 8.000 đồng) 16.000 đồng`,
        `Tổng cộng 16.000 đồng`,
      ]);
      const declaration = root(el).querySelector('[part="declaration"]')!;
      expect(declaration.querySelector('p')!.textContent).to.equal(
        'Tôi cam đoan những nội dung khai trên đây là đúng sự thật.',
      );
      expect(
        declaration.querySelector('input[type="checkbox"]')!.hasAttribute('required'),
      ).to.equal(true);
      await expect(el).to.be.accessible();
      root(el).querySelectorAll<HTMLAnchorElement>('[part="change-link"]')[3].click();
      await el.settled();
      expect(headingText(el)).to.equal('Thông tin người được khai sinh');
      // Focus on the question's own box, not the heading (review-change.test.ts).
      expect(root(el).activeElement).to.equal(field(el, 'ngaySinh'));
      // Continue goes straight back to the review page…
      await answer(el, 'ngaySinh', '2025-03-16');
      await next(el);
      expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
      expect(root(el).querySelectorAll('.row .value')[3].textContent!.trim()).to.equal(
        '16/03/2025',
      );
      // …unless the change needs a new answer: then the page shows the problem first.
      root(el).querySelectorAll<HTMLAnchorElement>('[part="change-link"]')[4].click();
      await el.settled();
      await answer(el, 'coSoDienThoai', 'khong');
      await answer(el, 'coSoDienThoai', 'co');
      await answer(el, 'soDienThoai', '');
      await next(el);
      expect(summaryTexts(el)).to.deep.equal(['Nhập số điện thoại di động']);
    });

    it('requires the declaration, then dispatches dvc-submit with the exact payload', async () => {
      const el = await mount(
        html`<dvc-form
          procedure=${BASIC}
          today="2025-04-01"
          assisted-by="cán bộ một cửa"
          .now=${() => new Date('2025-04-01T03:04:05.000Z')}
        ></dvc-form>`,
      );
      const delivered: SubmissionPayload[] = [];
      el.submitter = async (payload) => {
        delivered.push(payload);
        return { dossier: 'H01.01-250401-0001' };
      };
      await toReview(el);
      await next(el);
      // Assisted mode: the applicant's agreement and the helper's own statement, both required.
      expect(summaryTexts(el)).to.deep.equal([
        'Bạn cần đánh dấu vào ô cam đoan để gửi hồ sơ',
        'Người hỗ trợ cần đánh dấu xác nhận đã đọc lại toàn bộ nội dung cho người nộp hồ sơ',
      ]);
      expect(root(el).activeElement).to.equal(summary(el));
      expect(
        [...root(el).querySelectorAll('.declaration label')].map((l) => l.textContent!.trim()),
      ).to.deep.equal([
        'Người nộp hồ sơ đã nghe lời cam đoan trên và đồng ý',
        'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
      ]);
      summary(el)!.shadowRoot!.querySelector('a')!.click();
      const box = root(el).querySelector<HTMLInputElement>('#declaration')!;
      expect(root(el).activeElement).to.equal(box);
      box.click();
      await el.updateComplete;
      await next(el);
      expect(summaryTexts(el)).to.deep.equal([
        'Người hỗ trợ cần đánh dấu xác nhận đã đọc lại toàn bộ nội dung cho người nộp hồ sơ',
      ]);
      summary(el)!.shadowRoot!.querySelector('a')!.click();
      const helperBox = root(el).querySelector<HTMLInputElement>('#helper-declaration')!;
      expect(root(el).activeElement).to.equal(helperBox);
      helperBox.click();
      await el.updateComplete;
      const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
      const done = oneEvent(el, 'dvc-submitted') as Promise<DvcSubmittedEvent>;
      button(el, 'primary')!.click();
      const event = await submitted;
      // The one payload (the session's toPayload()), as it is signed and verified.
      const expected: SubmissionPayload = {
        v: 1,
        procedure: {
          code: '1.001193',
          version: '1.2.0',
          sha256: await sha256Hex(JSON.stringify(basic)),
        },
        answers: {
          laCongDan: 'co',
          sinhTrongNuoc: 'co',
          hoTen: 'Nguyễn Văn An',
          ngaySinh: '2025-03-15',
          coSoDienThoai: 'co',
          soDienThoai: '0912345678',
          soBanSao: 2,
        },
        documents: [
          {
            slot: 'giay-chung-sinh',
            name: 'giay-to.pdf',
            type: 'application/pdf',
            size: 15,
            sha256: 'a'.repeat(64),
          },
        ],
        fee: {
          total: 16000,
          currency: 'VND',
          items: [{ id: 'ban-sao', amount: 8000, quantity: 2, subtotal: 16000, reductions: [] }],
        },
        eligibility: { status: 'eligible', reasons: [] },
        lang: 'vi',
        assistedBy: 'cán bộ một cửa',
        assistance: {
          applicantConfirmed: true,
          helperConfirmed: true,
          helperStatement:
            'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
        },
        submittedAt: '2025-04-01T03:04:05.000Z',
        // 128 random bits; the built-in delivery puts the server's challenge here instead.
        nonce: event.detail.nonce,
      };
      expect(event.detail.nonce).to.match(/^[A-Za-z0-9_-]{22}$/);
      expect(event.detail).to.deep.equal(expected);
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      const ok = await done;
      expect(ok.detail.result).to.deep.equal({ dossier: 'H01.01-250401-0001' });
      expect(delivered).to.deep.equal([expected]);
      await el.settled();
      expect(headingText(el)).to.equal('Đã gửi hồ sơ');
    });

    it('does not deliver when dvc-submit is cancelled, and drops hidden answers', async () => {
      const el = await mount();
      let delivered = 0;
      el.submitter = async () => void delivered++;
      await passEligibility(el);
      await fillChild(el);
      await answer(el, 'coSoDienThoai', 'khong');
      await next(el);
      attachDocuments(el);
      await next(el);
      root(el).querySelector<HTMLInputElement>('#declaration')!.click();
      await el.updateComplete;
      el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
      const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
      button(el, 'primary')!.click();
      const event = await submitted;
      expect(event.detail.answers).to.not.have.property('soDienThoai');
      expect(event.detail).to.not.have.property('assistedBy');
      expect(event.detail).to.not.have.property('assistance');
      expect(root(el).querySelector('#helper-declaration')).to.equal(null);
      await aTimeout(10);
      await el.settled();
      expect(delivered).to.equal(0);
      expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
    });
  });

  describe('keyboard', () => {
    it('completes the journey with the keyboard alone', async () => {
      const el = await mount(html`<dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>`);
      const tabTo = async (predicate: () => boolean, max = 30) => {
        for (let i = 0; i < max && !predicate(); i++) await sendKeys({ press: 'Tab' });
        expect(predicate()).to.equal(true);
      };
      const deepActive = (): Element | null => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a;
      };
      const inField = (path: string) => root(el).activeElement === field(el, path);
      const onPrimary = () => root(el).activeElement === button(el, 'primary');
      // Eligibility: the first radio of each group, chosen with Space.
      await tabTo(() => inField('laCongDan'));
      await sendKeys({ press: ' ' });
      await tabTo(() => inField('sinhTrongNuoc'));
      await sendKeys({ press: ' ' });
      await tabTo(onPrimary);
      await sendKeys({ press: 'Enter' });
      await el.settled();
      await waitUntil(() => headingText(el) === 'Thông tin người được khai sinh');
      await tabTo(() => inField('hoTen'));
      await sendKeys({ type: 'Nguyễn Văn An' });
      await tabTo(() => inField('ngaySinh'));
      expect(deepActive()?.tagName).to.equal('INPUT');
      await sendKeys({ type: '15/03/2025' });
      await tabTo(() => inField('coSoDienThoai'));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: ' ' });
      await el.settled();
      await tabTo(onPrimary);
      await sendKeys({ press: 'Enter' });
      await el.settled();
      await waitUntil(
        () => headingText(el) === 'Giấy tờ',
        `still on ${headingText(el)}: ${summaryTexts(el).join('; ')}`,
      );
      attachDocuments(el);
      await tabTo(onPrimary);
      await sendKeys({ press: 'Enter' });
      await el.settled();
      await waitUntil(() => headingText(el) === 'Kiểm tra lại thông tin');
      await tabTo(() => root(el).activeElement?.id === 'declaration', 40);
      await sendKeys({ press: ' ' });
      const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
      el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
      await tabTo(onPrimary);
      await sendKeys({ press: 'Enter' });
      const event = await submitted;
      expect(event.detail.answers).to.deep.equal({
        laCongDan: 'co',
        sinhTrongNuoc: 'co',
        hoTen: 'Nguyễn Văn An',
        ngaySinh: '2025-03-15',
        coSoDienThoai: 'khong',
      });
    });
  });
});
