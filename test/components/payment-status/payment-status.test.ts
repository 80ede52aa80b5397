import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../../components/receipt/receipt.js';
import type { DvcReceipt } from '../../../components/receipt/receipt.js';
import {
  renderPaymentRows,
  safeUrl,
  type PaymentSummary,
} from '../../../components/payment-status/payment-status.js';

function rows(summary: PaymentSummary | undefined, lang: 'vi' | 'en' = 'vi') {
  const dl = document.createElement('dl');
  render(renderPaymentRows(summary, lang, 'https://dvc.example.gov.vn/tra-cuu.html'), dl);
  return dl;
}

describe('payment rows (receipt and status look-up)', () => {
  it('unpaid: amount, status and the link to the payment page, resolved against the receiver', () => {
    const dl = rows({ fee: 135000, status: 'unpaid', payUrl: '/thanh-toan/KS-261126-7QF3?t=x' });
    expect(dl.querySelector('dt')!.textContent).to.equal('Phí, lệ phí');
    expect(dl.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '135.000 đ · Chưa nộp Xem cách nộp phí',
    );
    expect(dl.querySelector('a')!.href).to.equal(
      'https://dvc.example.gov.vn/thanh-toan/KS-261126-7QF3?t=x',
    );
  });

  it('paid: receipt links, no payment link; duplicates say they will be refunded (English)', () => {
    const dl = rows(
      {
        fee: 135000,
        status: 'paid',
        payUrl: '/thanh-toan/x',
        payments: [
          {
            method: 'vnpay',
            amount: 135000,
            status: 'paid',
            receiptNo: 'BL261126-ABCDEFGH',
            receiptUrl: '/bien-lai/BL261126-ABCDEFGH',
          },
          { method: 'vnpay', amount: 135000, status: 'duplicate' },
        ],
      },
      'en',
    );
    const links = [...dl.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Receipt BL261126-ABCDEFGH', 'https://dvc.example.gov.vn/bien-lai/BL261126-ABCDEFGH'],
    ]);
    expect(dl.textContent).to.contain('Paid');
    expect(dl.textContent).to.contain('Duplicate payment, to be refunded');
  });

  it('refuses links that are not http(s)', () => {
    expect(safeUrl('javascript:alert(1)', 'https://a.example/')).to.equal(undefined);
    expect(safeUrl('data:text/html,x', 'https://a.example/')).to.equal(undefined);
    const dl = rows({ fee: 1000, status: 'unpaid', payUrl: 'javascript:alert(1)' });
    expect(dl.querySelector('a')).to.equal(null);
  });

  it('nothing to pay and no summary', () => {
    expect(rows({ fee: 0, status: 'not-required' }).textContent!.trim()).to.match(
      /^Phí, lệ phí\s+Không phải nộp$/,
    );
    expect(rows(undefined).childElementCount).to.equal(0);
  });

  it('the receipt prints a delivery by post with unit names, and adds the postage to the fee', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt
        dossier-code="KS-261126-7QF3"
        received-at="2026-11-26T03:05:00Z"
        fee-total="135000"
        .delivery=${{
          method: 'post',
          recipient: {
            fullName: 'Nguyễn Thị Hoa',
            phone: '0912345678',
            address: { province: '01', commune: '00004', street: 'Số 5 Phố Huế' },
          },
          postage: 30000,
        }}
      ></dvc-receipt>`,
    );
    const dd = () =>
      el.shadowRoot!.querySelector('[part="delivery"]')!.textContent!.replace(/\s+/g, ' ').trim();
    await waitUntil(() => dd().includes('Phường Ba Đình'), 'unit names loaded');
    expect(dd()).to.equal(
      'Nhận tại nhà qua dịch vụ bưu chính công íchNguyễn Thị Hoa · 0912345678Số 5 Phố Huế, Phường Ba Đình, Thành phố Hà NộiCước bưu chính: 30.000 đồng',
    );
    // The postage on its own line, as signed (the fee line below includes it in the total).
    expect(el.shadowRoot!.querySelector('[part="postage"]')!.textContent).to.equal(
      'Cước bưu chính: 30.000 đồng',
    );
    // The receipt is read by the citizen: the amount in full, as the review page wrote it.
    expect(
      el.shadowRoot!.querySelector('[part="fee"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('165.000 đồng · Chưa nộp');
    await expect(el).to.be.accessible();
  });

  it('the receipt shows the fee and the payment link given by the receiver', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt
        dossier-code="KS-261126-7QF3"
        received-at="2026-11-26T03:05:00Z"
        fee-total="135000"
        payment-url="/thanh-toan/KS-261126-7QF3?t=abc"
      ></dvc-receipt>`,
    );
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="pay-link"]')!;
    expect(link.textContent).to.equal('Xem cách nộp phí');
    // The fee as the review page and the delivery choice write it, not the short "135.000 đ" of
    // a status line (docs/procedure-format.md).
    expect(
      el.shadowRoot!.querySelector('[part="fee"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('135.000 đồng · Chưa nộp Xem cách nộp phí');
    expect(new URL(link.href).pathname).to.equal('/thanh-toan/KS-261126-7QF3');
    await expect(el).to.be.accessible();
  });
});
