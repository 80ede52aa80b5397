import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import type {
  DvcErrorEvent,
  DvcEligibilityEvent,
  DvcInvalidEvent,
  DvcStepChangeEvent,
  DvcSubmitEvent,
  DvcSubmittedEvent,
  SubmissionPayload,
} from '../../../components/form/events.js';
import { sha256Hex } from '../../../src/submission/index.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import type { Procedure } from '../../../src/procedure/types.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';

import basic from './fixtures/basic.json';
import prefill from './fixtures/prefill.json';

/**
 * The test server turns `.json` files into JS modules, so the fixtures are imported and served
 * to the form from blob: URLs (a real fetch, as from an agency's server).
 */
const jsonUrl = (value: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
const BASIC = jsonUrl(basic);
const PREFILL = jsonUrl(prefill);
const BROKEN = new URL('./fixtures/broken.json.txt', import.meta.url).href;
const MISSING = new URL('./fixtures/does-not-exist.json', import.meta.url).href;

type FieldEl = HTMLElement & {
  value: unknown;
  error: string;
  prefilled: boolean;
  required: boolean;
};

function root(el: DvcForm): ShadowRoot {
  return el.shadowRoot!;
}
function heading(el: DvcForm): HTMLElement {
  return root(el).querySelector<HTMLElement>('#page-heading')!;
}
function headingText(el: DvcForm): string {
  return heading(el).textContent!.trim();
}
function progress(el: DvcForm): string | undefined {
  return root(el).querySelector('[part="progress"]')?.textContent?.trim();
}
function field(el: DvcForm, path: string): FieldEl | null {
  return root(el).querySelector<FieldEl>(`[data-path="${path}"]`);
}
function button(el: DvcForm, kind: 'primary' | 'secondary'): HTMLButtonElement | null {
  return root(el).querySelector<HTMLButtonElement>(`.buttons button.${kind}`);
}
function summary(el: DvcForm): DvcErrorSummary | null {
  return root(el).querySelector('dvc-error-summary');
}
function summaryTexts(el: DvcForm): string[] {
  const s = summary(el);
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

/** Sets an answer the way a field commits it: value, then `dvc-change`. */
async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = field(el, path);
  if (!f) throw new Error(`no field ${path} on "${headingText(el)}"`);
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

async function next(el: DvcForm): Promise<void> {
  button(el, 'primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

async function mount(
  template = html`<dvc-form procedure=${BASIC} today="2025-04-01"></dvc-form>`,
): Promise<DvcForm> {
  const el = await fixture<DvcForm>(template);
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading, [part="status"][role="alert"]'));
  return el;
}

/**
 * Gives every required, empty document upload a file, as a person picking one would (the file
 * picker itself cannot be driven in a headless browser); documents.test.ts covers choosing.
 */
function attachDocuments(el: DvcForm): void {
  for (const up of el.querySelectorAll<DvcUpload>(':scope > dvc-upload')) {
    if (!up.required || up.documents.length > 0) continue;
    const file = new File(['%PDF-1.4\n%%EOF\n'], 'giay-to.pdf', { type: 'application/pdf' });
    up.value = [
      {
        slot: up.name,
        name: file.name,
        type: file.type,
        size: file.size,
        sha256: 'a'.repeat(64),
        file,
      },
    ];
  }
}

async function passEligibility(el: DvcForm): Promise<void> {
  await answer(el, 'laCongDan', 'co');
  await answer(el, 'sinhTrongNuoc', 'co');
  await next(el);
}

async function fillChild(el: DvcForm): Promise<void> {
  await answer(el, 'hoTen', 'Nguyễn Văn An');
  await answer(el, 'ngaySinh', '2025-03-15');
  await answer(el, 'coSoDienThoai', 'co');
  await answer(el, 'soDienThoai', '0912345678');
  await answer(el, 'soBanSao', 2);
}

async function toReview(el: DvcForm): Promise<void> {
  await passEligibility(el);
  await fillChild(el);
  await next(el);
  expect(headingText(el)).to.equal('Giấy tờ');
  attachDocuments(el);
  await next(el);
  expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
}

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
      expect(progress(el)).to.equal('Bước 1 trên 8');
      expect(field(el, 'laCongDan')).to.not.equal(null);
      expect(field(el, 'sinhTrongNuoc')).to.equal(null);
      await answer(el, 'laCongDan', 'co');
      await next(el);
      expect(progress(el)).to.equal('Bước 2 trên 8');
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
        'Enter date of birth',
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
      expect(root(el).activeElement).to.equal(heading(el));
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
