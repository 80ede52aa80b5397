import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcInvalidEvent, DvcSubmitEvent } from '../../../components/form/events.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import type { Procedure } from '../../../src/procedure/types.js';

/**
 * Documents in the journey: one `<dvc-upload>` per document a `file` question asks for, kept in
 * the form's light DOM (slot `document-<id>`) so the files survive page changes.
 */

const PROCEDURE: Procedure = {
  formatVersion: 1,
  code: '1.009001',
  version: '1.0.0',
  title: { vi: 'Thử nộp giấy tờ', en: 'Documents test' },
  description: { vi: 'Biểu mẫu thử nghiệm.', en: 'A test form.' },
  agency: { vi: 'Ủy ban nhân dân cấp xã', en: "Commune People's Committee" },
  legalBasis: [{ title: { vi: 'Luật Hộ tịch 60/2014/QH13, Điều 16' } }],
  serviceKind: 'toan-trinh',
  processingDays: 0,
  resultDelivery: ['online'],
  data: {
    type: 'object',
    properties: {
      hoTen: { type: 'string', minLength: 1, maxLength: 100 },
      uyQuyen: { type: 'string', enum: ['co', 'khong'] },
      ghiChu: { type: 'string', maxLength: 200 },
      nopBanGiay: { type: 'boolean' },
    },
    required: ['hoTen', 'uyQuyen'],
  },
  ui: {
    steps: [
      {
        id: 'nguoi-nop',
        title: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
        fields: [
          { field: 'hoTen', widget: 'text', label: { vi: 'Họ và tên', en: 'Full name' } },
          {
            field: 'uyQuyen',
            widget: 'radio',
            label: { vi: 'Bạn nộp hồ sơ thay người khác?', en: 'Are you applying for someone?' },
            options: [
              { value: 'co', label: { vi: 'Có', en: 'Yes' } },
              { value: 'khong', label: { vi: 'Không', en: 'No' } },
            ],
          },
        ],
      },
      {
        id: 'giay-to',
        kind: 'documents',
        title: { vi: 'Giấy tờ', en: 'Documents' },
        fields: [
          {
            field: 'giayChungSinh',
            widget: 'file',
            label: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
            document: 'giayChungSinh',
          },
          {
            field: 'nopBanGiay',
            widget: 'checkbox',
            label: {
              vi: 'Tôi sẽ nộp bản giấy văn bản ủy quyền khi nhận kết quả',
              en: 'I will bring the paper authorisation when I collect the result',
            },
          },
          {
            field: 'giayUyQuyen',
            widget: 'file',
            label: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
            document: 'giayUyQuyen',
          },
        ],
      },
      {
        id: 'ghi-chu',
        title: { vi: 'Ghi chú', en: 'Notes' },
        fields: [{ field: 'ghiChu', widget: 'textarea', label: { vi: 'Ghi chú', en: 'Notes' } }],
      },
    ],
  },
  documents: [
    {
      id: 'giayChungSinh',
      title: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
      form: 'original',
      copies: 1,
      required: true,
      accept: ['application/pdf', 'image/jpeg'],
      maxSizeBytes: 5242880,
      maxFiles: 2,
    },
    {
      id: 'giayUyQuyen',
      title: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
      form: 'original',
      copies: 1,
      required: true,
      accept: ['application/pdf'],
      maxSizeBytes: 5242880,
      maxFiles: 1,
    },
  ],
  fees: { currency: 'VND', items: [] },
  rules: [
    {
      id: 'hien-uy-quyen',
      kind: 'show',
      conditions: {
        all: [
          { fact: 'uyQuyen', operator: 'equal', value: 'co' },
          {
            any: [
              { fact: 'nopBanGiay', operator: 'isNotAnswered', value: true },
              { fact: 'nopBanGiay', operator: 'equal', value: false },
            ],
          },
        ],
      },
      targets: { documents: ['giayUyQuyen'] },
    },
  ],
  declaration: {
    text: {
      vi: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật.',
      en: 'I declare that the information above is true.',
    },
  },
} as unknown as Procedure;

/** Known bytes: SHA-256 computed outside the browser (Python hashlib). */
const BIRTH_PDF = '%PDF-1.4\n% dvc-forms test\n%%EOF\n';
const BIRTH_SHA256 = '0e5f0125623107d7bd1b7ca19c449e4b27b88369b3bb4032e68c894ab0c56412';
const PROXY_PDF = '%PDF-1.4\n% uy quyen\n%%EOF\n';
const PROXY_SHA256 = 'b8d4d234a88317bf8b1388762df95b6a5bddee61c6b03e8932ae3076b7f542f5';

const root = (el: DvcForm) => el.shadowRoot!;
const heading = (el: DvcForm) => root(el).querySelector('#page-heading')!.textContent!.trim();

function summaryLinks(el: DvcForm): { text: string; href: string }[] {
  const s = root(el).querySelector<DvcErrorSummary>('dvc-error-summary');
  if (!s) return [];
  return [...s.shadowRoot!.querySelectorAll('li a')].map((a) => ({
    text: a.textContent!.trim(),
    href: a.getAttribute('href')!,
  }));
}

function upload(el: DvcForm, id: string): DvcUpload {
  const found = el.querySelector<DvcUpload>(`:scope > dvc-upload[slot="document-${id}"]`);
  if (!found) throw new Error(`no upload for ${id}`);
  return found;
}

/** The document slots rendered on the current page, with the element assigned to each. */
function shownSlots(el: DvcForm): { name: string; assigned: Element[] }[] {
  return [...root(el).querySelectorAll<HTMLSlotElement>('[part="document-slot"] slot')].map(
    (s) => ({ name: s.name, assigned: s.assignedElements() }),
  );
}

async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = root(el).querySelector<HTMLElement & { value: unknown }>(`[data-path="${path}"]`);
  if (!f) throw new Error(`no field ${path} on "${heading(el)}"`);
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

async function click(el: DvcForm, kind: 'primary' | 'secondary'): Promise<void> {
  root(el).querySelector<HTMLButtonElement>(`.buttons button.${kind}`)!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

/** Chooses files the way the file picker does: the input's `files`, then `change`. */
async function choose(up: DvcUpload, files: File[]): Promise<void> {
  const input = up.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => !up.busy && up.documents.length >= files.length, 'files hashed', {
    // 1 s (the default) was short for hashing in WebKit on a loaded machine.
    timeout: 5000,
  });
  await up.updateComplete;
}

const pdf = (name: string, text: string) => new File([text], name, { type: 'application/pdf' });

async function mount(): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form .procedureData=${PROCEDURE} today="2026-11-26"></dvc-form>`,
  );
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading'));
  return el;
}

async function toDocuments(el: DvcForm, uyQuyen: 'co' | 'khong'): Promise<void> {
  await answer(el, 'hoTen', 'Nguyễn Văn An');
  await answer(el, 'uyQuyen', uyQuyen);
  await click(el, 'primary');
  expect(heading(el)).to.equal('Giấy tờ');
}

describe('dvc-form documents', () => {
  it('makes one dvc-upload per document in its light DOM and slots it on the documents page', async () => {
    const el = await mount();
    const uploads = [...el.querySelectorAll<DvcUpload>(':scope > dvc-upload')];
    expect(uploads.map((u) => [u.slot, u.name, u.spec!.id])).to.deep.equal([
      ['document-giayChungSinh', 'giayChungSinh', 'giayChungSinh'],
      ['document-giayUyQuyen', 'giayUyQuyen', 'giayUyQuyen'],
    ]);
    // Not on the first page: no slot is rendered, the elements stay connected.
    expect(shownSlots(el)).to.deep.equal([]);
    await toDocuments(el, 'khong');
    const slots = shownSlots(el);
    expect(slots.map((s) => s.name)).to.deep.equal(['document-giayChungSinh']);
    expect(slots[0].assigned).to.deep.equal([upload(el, 'giayChungSinh')]);
    const up = upload(el, 'giayChungSinh');
    expect(up.required).to.equal(true);
    expect(up.lang).to.equal('vi');
    expect(up.uploadEndpoint).to.equal('');
    expect(up.shadowRoot!.querySelector('legend')!.textContent).to.equal('Giấy chứng sinh');
    await expect(el).to.be.accessible();
  });

  it('passes the upload endpoint and the language to the uploads', async () => {
    const el = await mount();
    el.setAttribute('upload-endpoint', '/api/uploads/');
    el.lang = 'en';
    await el.updateComplete;
    const up = upload(el, 'giayChungSinh');
    expect(up.uploadEndpoint).to.equal('/api/uploads/');
    expect(up.lang).to.equal('en');
  });

  it('blocks Continue while a required document has no file, with a summary link to its file button', async () => {
    const el = await mount();
    await toDocuments(el, 'khong');
    const invalid = oneEvent(el, 'dvc-invalid') as Promise<DvcInvalidEvent>;
    await click(el, 'primary');
    const event = await invalid;
    expect(heading(el)).to.equal('Giấy tờ');
    expect(event.detail.page).to.equal('giay-to');
    expect(event.detail.problems).to.deep.equal([
      {
        code: 'document-missing',
        path: '',
        message: 'Vui lòng chọn tệp Giấy chứng sinh',
        params: { document: 'giayChungSinh', title: 'Giấy chứng sinh' },
      },
    ]);
    expect(summaryLinks(el)).to.deep.equal([
      { text: 'Vui lòng chọn tệp Giấy chứng sinh', href: '#field-documents-giayChungSinh' },
    ]);
    const up = upload(el, 'giayChungSinh');
    expect(up.error).to.equal('Vui lòng chọn tệp Giấy chứng sinh');
    expect(
      [...up.shadowRoot!.querySelectorAll('#error li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    ).to.deep.equal(['Lỗi: Vui lòng chọn tệp Giấy chứng sinh']);

    const s = root(el).querySelector<DvcErrorSummary>('dvc-error-summary')!;
    s.shadowRoot!.querySelector<HTMLAnchorElement>('li a')!.click();
    await el.updateComplete;
    expect(document.activeElement).to.equal(up);
    expect(up.shadowRoot!.activeElement!.id).to.equal('control');

    // Choosing the file clears the error; Continue goes on.
    await choose(up, [pdf('giay-chung-sinh.pdf', BIRTH_PDF)]);
    await el.updateComplete;
    expect(up.error).to.equal('');
    await click(el, 'primary');
    expect(heading(el)).to.equal('Ghi chú');
  });

  it('in English, the summary names the document in English', async () => {
    const el = await mount();
    el.lang = 'en';
    await toDocumentsEn(el);
    await click(el, 'primary');
    expect(summaryLinks(el).map((l) => l.text)).to.deep.equal([
      'Choose a file for Birth certificate',
    ]);
  });

  it('shows a conditional document only when its rule does, and requires it only then', async () => {
    const el = await mount();
    await toDocuments(el, 'co');
    expect(shownSlots(el).map((s) => s.name)).to.deep.equal([
      'document-giayChungSinh',
      'document-giayUyQuyen',
    ]);
    await choose(upload(el, 'giayChungSinh'), [pdf('giay-chung-sinh.pdf', BIRTH_PDF)]);
    await click(el, 'primary');
    expect(heading(el)).to.equal('Giấy tờ');
    expect(summaryLinks(el)).to.deep.equal([
      { text: 'Vui lòng chọn tệp Văn bản ủy quyền', href: '#field-documents-giayUyQuyen' },
    ]);
    await choose(upload(el, 'giayUyQuyen'), [pdf('uy-quyen.pdf', PROXY_PDF)]);

    // The applicant now applies for themself: the authorisation disappears and is not needed.
    await click(el, 'secondary');
    expect(heading(el)).to.equal('Người nộp hồ sơ');
    await answer(el, 'uyQuyen', 'khong');
    await click(el, 'primary');
    expect(shownSlots(el).map((s) => s.name)).to.deep.equal(['document-giayChungSinh']);
    expect(el.collectDocuments().map((d) => d.slot)).to.deep.equal(['giayChungSinh']);
    await click(el, 'primary');
    expect(heading(el)).to.equal('Ghi chú');
  });

  it('drops the error of a document the rules hide on the same page', async () => {
    const el = await mount();
    await toDocuments(el, 'co');
    await click(el, 'primary');
    expect(summaryLinks(el).map((l) => l.text)).to.deep.equal([
      'Vui lòng chọn tệp Giấy chứng sinh',
      'Vui lòng chọn tệp Văn bản ủy quyền',
    ]);
    await answer(el, 'nopBanGiay', true);
    expect(shownSlots(el).map((s) => s.name)).to.deep.equal(['document-giayChungSinh']);
    expect(summaryLinks(el).map((l) => l.text)).to.deep.equal([
      'Vui lòng chọn tệp Giấy chứng sinh',
    ]);
    expect(upload(el, 'giayUyQuyen').error).to.equal('');
  });

  it('keeps the chosen files when going Back and Forward between steps', async () => {
    const el = await mount();
    await toDocuments(el, 'khong');
    const up = upload(el, 'giayChungSinh');
    await choose(up, [pdf('giay-chung-sinh.pdf', BIRTH_PDF)]);
    await click(el, 'primary');
    expect(heading(el)).to.equal('Ghi chú');
    await click(el, 'secondary');
    expect(heading(el)).to.equal('Giấy tờ');
    await click(el, 'secondary');
    expect(heading(el)).to.equal('Người nộp hồ sơ');
    await click(el, 'primary');
    expect(heading(el)).to.equal('Giấy tờ');
    // The very same element, still holding the file.
    expect(upload(el, 'giayChungSinh')).to.equal(up);
    expect(shownSlots(el)[0].assigned).to.deep.equal([up]);
    expect(up.documents.map((d) => [d.name, d.sha256])).to.deep.equal([
      ['giay-chung-sinh.pdf', BIRTH_SHA256],
    ]);
    expect(
      [...up.shadowRoot!.querySelectorAll('.file .name')].map((n) => n.textContent),
    ).to.deep.equal(['giay-chung-sinh.pdf']);
    await click(el, 'primary');
    expect(heading(el)).to.equal('Ghi chú');
  });

  it('lists the files on the review page with a Sửa link to the documents page', async () => {
    const el = await mount();
    await toDocuments(el, 'khong');
    await choose(upload(el, 'giayChungSinh'), [pdf('giay-chung-sinh.pdf', BIRTH_PDF)]);
    await click(el, 'primary');
    await click(el, 'primary');
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
    const section = root(el).querySelector('.review-documents')!;
    expect(root(el).querySelector('#documents-review')!.textContent).to.equal('Giấy tờ kèm theo');
    const rows = [...section.querySelectorAll('.row')].map((row) => [
      row.querySelector('dt')!.textContent!.trim(),
      [...row.querySelectorAll('.value li')].map((li) => li.textContent!.trim()),
      row.querySelector('a')!.textContent!.replace(/\s+/g, ' ').trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Giấy chứng sinh', ['giay-chung-sinh.pdf (32 byte)'], 'Sửa Giấy chứng sinh'],
    ]);
    await expect(el).to.be.accessible();
    section.querySelector<HTMLAnchorElement>('a')!.click();
    await el.settled();
    expect(heading(el)).to.equal('Giấy tờ');
    // After the change, Continue goes straight back to the review page.
    await click(el, 'primary');
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
  });

  it('shows a re-encoded portrait on the review page under the name the person chose', async () => {
    // The portrait is re-encoded to JPEG on purpose and sent as anh.jpg (docs/uploads.md); the
    // person chose anh.png, and that is the name they recognise.
    const procedure = structuredClone(PROCEDURE) as unknown as {
      documents: Record<string, unknown>[];
    };
    Object.assign(procedure.documents[0]!, {
      accept: ['image/jpeg', 'image/png'],
      maxFiles: 1,
      photo: { width: 30, height: 40, mimeType: 'image/jpeg' },
    });
    const el = await fixture<DvcForm>(
      html`<dvc-form .procedureData=${procedure} today="2026-11-26"></dvc-form>`,
    );
    await el.settled();
    await waitUntil(() => root(el).querySelector('#page-heading'));
    await toDocuments(el, 'khong');
    const canvas = new OffscreenCanvas(60, 80);
    canvas.getContext('2d')!.fillRect(0, 0, 60, 80);
    const png = await canvas.convertToBlob({ type: 'image/png' });
    const up = upload(el, 'giayChungSinh');
    await choose(up, [new File([png], 'anh.png', { type: 'image/png' })]);
    const [sent] = up.documents;
    expect([sent!.name, sent!.type]).to.deep.equal(['anh.jpg', 'image/jpeg']);
    expect(sent!.size).to.be.below(1024, 'a size the review page writes in bytes');
    await click(el, 'primary');
    await click(el, 'primary');
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
    const files = [...root(el).querySelectorAll('.review-documents .value li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(files).to.deep.equal([`anh.png (${sent!.size} byte)`]);
  });

  it('puts the exact document entries in the dvc-submit payload', async () => {
    const el = await mount();
    await toDocuments(el, 'co');
    await choose(upload(el, 'giayUyQuyen'), [pdf('uy-quyen.pdf', PROXY_PDF)]);
    await choose(upload(el, 'giayChungSinh'), [pdf('giay-chung-sinh.pdf', BIRTH_PDF)]);
    await click(el, 'primary');
    await click(el, 'primary');
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
    root(el).querySelector<HTMLInputElement>('#declaration')!.click();
    await el.updateComplete;
    el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    await click(el, 'primary');
    const { detail } = await submitted;
    // In the procedure's `documents` order, whatever order the files were chosen in.
    expect(detail.documents).to.deep.equal([
      {
        slot: 'giayChungSinh',
        name: 'giay-chung-sinh.pdf',
        type: 'application/pdf',
        size: 32,
        sha256: BIRTH_SHA256,
      },
      {
        slot: 'giayUyQuyen',
        name: 'uy-quyen.pdf',
        type: 'application/pdf',
        size: 26,
        sha256: PROXY_SHA256,
      },
    ]);
    // The bytes for a multipart submission, in the same order.
    const files = el.collectDocumentFiles();
    expect(files.map((f) => f.slot)).to.deep.equal(['giayChungSinh', 'giayUyQuyen']);
    expect(await files[0].file!.text()).to.equal(BIRTH_PDF);
    expect(await files[1].file!.text()).to.equal(PROXY_PDF);
  });

  it('blocks Continue while a file is still on its way, then reads the slot element’s documents', async () => {
    // A host's own upload control: anything with `busy` and `documents` works.
    const own = Object.assign(document.createElement('div'), {
      busy: true,
      documents: [] as unknown[],
    });
    own.slot = 'document-giayChungSinh';
    own.tabIndex = -1;
    const el = await fixture<DvcForm>(
      html`<dvc-form .procedureData=${PROCEDURE} today="2026-11-26">${own}</dvc-form>`,
    );
    await el.settled();
    await waitUntil(() => root(el).querySelector('#page-heading'));
    await toDocuments(el, 'khong');
    expect(shownSlots(el)[0].assigned).to.deep.equal([own]);
    await click(el, 'primary');
    expect(heading(el)).to.equal('Giấy tờ');
    expect(summaryLinks(el)).to.deep.equal([
      { text: 'Vui lòng chờ tải tệp xong', href: '#field-documents-giayChungSinh' },
    ]);
    const entry = {
      slot: 'giayChungSinh',
      name: 'scan.pdf',
      type: 'application/pdf',
      size: 32,
      sha256: BIRTH_SHA256,
      url: 'https://dvc.example.gov.vn/api/uploads/0123456789abcdef0123456789abcdef',
    };
    own.busy = false;
    own.documents = [entry];
    await click(el, 'primary');
    expect(heading(el)).to.equal('Ghi chú');
    expect(el.collectDocuments()).to.deep.equal([entry]);
    expect(el.collectDocumentFiles()).to.deep.equal([entry]);
  });

  it('uses an element the host put in a document slot instead of making one', async () => {
    const el = await fixture<DvcForm>(
      html`<dvc-form .procedureData=${PROCEDURE} today="2026-11-26"
        ><dvc-upload slot="document-giayChungSinh" id="own"></dvc-upload
      ></dvc-form>`,
    );
    await el.settled();
    const own = el.querySelector<DvcUpload>('#own')!;
    expect(
      [...el.querySelectorAll<DvcUpload>(':scope > dvc-upload')].map((u) => u.slot),
    ).to.deep.equal(['document-giayChungSinh', 'document-giayUyQuyen']);
    expect(upload(el, 'giayChungSinh')).to.equal(own);
  });
});

async function toDocumentsEn(el: DvcForm): Promise<void> {
  await answer(el, 'hoTen', 'Nguyễn Văn An');
  await answer(el, 'uyQuyen', 'khong');
  await click(el, 'primary');
  expect(heading(el)).to.equal('Documents');
}
