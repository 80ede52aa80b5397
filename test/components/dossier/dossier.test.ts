import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/dossier/dossier.js';
import type { DvcDossier } from '../../../components/dossier/dossier.js';
import type { Procedure } from '../../../src/procedure/index.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import fixtureProcedure from '../../e2e/fixtures/procedures/thu-nghiem.json';

const SHA = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';
const procedure = {
  ...fixtureProcedure,
  fees: {
    currency: 'VND',
    items: [{ id: 'le-phi', label: { vi: 'Lệ phí', en: 'Fee' }, amount: 15000 }],
  },
} as unknown as Procedure;

const submission = {
  v: 1,
  procedure: { code: '9.000001', version: '1.0.0', sha256: SHA },
  answers: {
    applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', personalId: '001099012345' },
  },
  documents: [],
  fee: {
    total: 15000,
    currency: 'VND',
    items: [{ id: 'le-phi', amount: 15000, quantity: 1, subtotal: 15000, reductions: [] }],
  },
  eligibility: { status: 'eligible', reasons: [] },
  lang: 'vi',
  assistedBy: 'buu-dien-ba-dinh-07',
  assistance: {
    applicantConfirmed: true,
    helperConfirmed: true,
    helperStatement: 'Tôi đã đọc lại toàn bộ nội dung cho người nộp.',
  },
  delivery: { method: 'online' },
  submittedAt: '2026-11-26T03:00:00.000Z',
  nonce: 'n',
} as unknown as SubmissionPayload;

const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('dvc-dossier', () => {
  it('shows the answers as the review page does, read-only, and every section; passes axe', async () => {
    const el = await fixture<DvcDossier>(
      html`<dvc-dossier
        .procedure=${procedure}
        .submission=${submission}
        .files=${[
          {
            slot: 'giay-to',
            name: 'cccd.pdf',
            size: 2048,
            sha256: SHA,
            hashOk: true,
            href: '/api/clerk/dossiers/X/files/1',
          },
          {
            slot: 'giay-to',
            name: 'trang-2.pdf',
            size: 10,
            sha256: SHA,
            hashOk: false,
            href: 'javascript:alert(1)',
          },
          { slot: 'giay-to', name: 'mat.pdf', size: 10, sha256: SHA, hashOk: null },
        ]}
        .signature=${{ status: 'verified', verifiedAt: '2026-11-26T03:00:05.000Z', kid: 'kid-1', alg: 'ES256', procedureMatches: true }}
        .payment=${{ status: 'unpaid' }}
        ><p id="extra">Chuyển tiếp: đã gửi</p></dvc-dossier
      >`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('dl.review'));
    const root = el.shadowRoot!;
    const rows = [...root.querySelectorAll('dl.review .row')].map((r) => [
      text(r.querySelector('dt')),
      text(r.querySelector('dd')),
    ]);
    expect(rows).to.deep.equal([
      ['Họ và tên', 'Nguyễn Văn An'],
      ['Số điện thoại', '0912345678'],
      ['Số định danh cá nhân', '001099012345'],
    ]);
    // Read-only: no "Sửa" links.
    expect(root.querySelectorAll('[part~="change-link"]').length).to.equal(0);
    const headings = [...root.querySelectorAll('h3')].map(text);
    expect(headings).to.deep.equal([
      'Nội dung khai',
      'Người yêu cầu',
      'Điều kiện nộp hồ sơ',
      'Phí, lệ phí',
      'Thanh toán',
      'Cách nhận kết quả',
      'Người khai',
      'Tệp giấy tờ đã nộp',
      'Chữ ký số',
    ]);
    const section = (id: string) => text(root.querySelector(`section[aria-labelledby="${id}"]`));
    expect(section('eligibility')).to.equal('Điều kiện nộp hồ sơ Đủ điều kiện nộp trực tuyến');
    expect(section('payment')).to.equal('Thanh toán Chưa nộp phí, lệ phí');
    expect(section('assistance')).to.equal(
      'Người khai Khai với sự hỗ trợ của buu-dien-ba-dinh-07 Người nộp đã nghe lời cam đoan và đồng ý. Người hỗ trợ cam đoan: “Tôi đã đọc lại toàn bộ nội dung cho người nộp.”',
    );
    expect(section('signature')).to.equal(
      'Chữ ký số Chữ ký hợp lệ, đã kiểm tra khi tiếp nhận lúc 10:00 26/11/2026. Khoá ký: kid-1 (ES256) Hồ sơ được khai theo đúng tệp thủ tục đang dùng.',
    );
    expect(text(root.querySelector('.fee tfoot'))).to.equal('Tổng cộng 15.000 đồng');
    const files = [...root.querySelectorAll('.documents tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map(text),
    );
    expect(files).to.deep.equal([
      ['Giấy tờ kèm theo', 'cccd.pdf (2 KB)', `${SHA} Khớp với bản đã ký`],
      [
        'Giấy tờ kèm theo',
        'trang-2.pdf (10 byte)',
        `${SHA} KHÔNG khớp với bản đã ký: tệp đã bị thay đổi`,
      ],
      ['Giấy tờ kèm theo', 'mat.pdf (10 byte)', `${SHA} Không đọc được tệp đã lưu`],
    ]);
    // Only same-origin paths are linked.
    const links = [...root.querySelectorAll('.documents a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '/api/clerk/dossiers/X/files/1',
    ]);
    expect(links[0].getAttribute('aria-label')).to.equal('Mở tệp cccd.pdf');
    expect(root.querySelector('slot')!.assignedElements()[0].id).to.equal('extra');
    await expect(el).to.be.accessible();
  });

  it('in English, without assistance, and with rule-hidden questions left out', async () => {
    const hiding = {
      ...procedure,
      rules: [
        {
          id: 'an-so-dien-thoai',
          kind: 'show',
          conditions: {
            all: [{ fact: 'answers', path: '$.applicant.fullName', operator: 'equal', value: 'X' }],
          },
          targets: { fields: ['applicant.phone'] },
        },
      ],
    } as unknown as Procedure;
    const el = await fixture<DvcDossier>(
      html`<dvc-dossier
        lang="en"
        .procedure=${hiding}
        .submission=${{ ...submission, assistedBy: undefined, assistance: undefined }}
      ></dvc-dossier>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('dl.review'));
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('dl.review dt')].map(text)).to.deep.equal([
      'Full name',
      'Personal ID number',
    ]);
    expect(text(root.querySelector('section[aria-labelledby="assistance"]'))).to.equal(
      'Filled in by The applicant',
    );
    expect(text(root.querySelector('section[aria-labelledby="documents"]'))).to.equal(
      'Submitted files No documents attached.',
    );
    expect(text(root.querySelector('section[aria-labelledby="signature"]'))).to.equal(
      'Digital signature No signature check recorded.',
    );
    await expect(el).to.be.accessible();
  });
});
