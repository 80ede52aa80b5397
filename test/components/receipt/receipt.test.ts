import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/receipt/receipt.js';
import { DvcReceipt, type QrEncoder } from '../../../components/receipt/receipt.js';

const SHA = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';

function rows(el: DvcReceipt): [string, string][] {
  const dts = [...el.shadowRoot!.querySelectorAll('dt')];
  return dts.map((dt) => [
    dt.textContent!.trim(),
    (dt.nextElementSibling as HTMLElement).textContent!.replace(/\s+/g, ' ').trim(),
  ]);
}

describe('dvc-receipt', () => {
  const original = DvcReceipt.qrEncoder;
  let encoded: string[];
  beforeEach(() => {
    encoded = [];
    DvcReceipt.qrEncoder = (text) => {
      encoded.push(text);
      return original(text);
    };
  });
  afterEach(() => {
    DvcReceipt.qrEncoder = original;
  });

  it('shows the code, times, procedure and a QR code of the code, the signed hash folded away, and passes axe', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt
        dossier-code="KS-261126-7QF3"
        received-at="2026-11-26T03:05:00.000Z"
        expected-result-date="2026-12-01"
        procedure-title="Đăng ký khai sinh"
        signed-sha256=${SHA}
      ></dvc-receipt>`,
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Giấy tiếp nhận hồ sơ');
    expect(rows(el)).to.deep.equal([
      ['Thủ tục', 'Đăng ký khai sinh'],
      [
        'Mã hồ sơ',
        'KS-261126-7QF3Hãy giữ mã này để tra cứu tình trạng giải quyết và đưa cho cán bộ khi cần hỏi về hồ sơ.',
      ],
      ['Thời gian tiếp nhận', '10:05 26/11/2026'],
      [
        'Ngày hẹn trả kết quả (dự kiến)',
        '01/12/2026Tính theo ngày làm việc, đã trừ ngày nghỉ lễ, Tết và ngày nghỉ bù.',
      ],
    ]);
    // The hash is no headline: it sits folded away at the end, for staff.
    const technical = el.shadowRoot!.querySelector<HTMLDetailsElement>(
      'details[part="technical"]',
    )!;
    expect(technical.open).to.equal(false);
    expect(technical.querySelector('summary')!.textContent).to.equal(
      'Thông tin kỹ thuật dành cho cán bộ',
    );
    expect(technical.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Mã kiểm tra (SHA-256): ${SHA}`,
    );
    expect(el.shadowRoot!.querySelector('dl')!.textContent).not.to.contain(SHA);
    // Said once, under the code it is about: a phone walk-through read it twice, once under the
    // QR code and once below the whole receipt.
    const receipt = el.shadowRoot!.querySelector('section')!.textContent!;
    expect(receipt.match(/tra cứu|giữ mã/g)).to.deep.equal(['giữ mã', 'tra cứu']);
    expect(el.shadowRoot!.querySelector('figcaption')).to.equal(null);
    expect(encoded).to.deep.equal(['KS-261126-7QF3']);
    const qr = el.shadowRoot!.querySelector('svg[part="qr"]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('Mã QR của mã hồ sơ KS-261126-7QF3');
    const size = original('KS-261126-7QF3').size;
    expect(qr.getAttribute('viewBox')).to.equal(`-4 -4 ${size + 8} ${size + 8}`);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(100);
    expect(qr.querySelector('path')).to.be.instanceOf(SVGPathElement);
    await expect(el).to.be.accessible();
  });

  it('computes the expected date in working days when the server gave none, in English', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt
        lang="en"
        dossier-code="KS-261127-ABCD"
        received-at="2026-11-27T09:00:00.000Z"
        .procedure=${{ title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' }, processingDays: 3 }}
      ></dvc-receipt>`,
    );
    // Friday 27/11/2026 16:00 in Vietnam + 3 working days = Wednesday 02/12/2026.
    expect(rows(el)).to.deep.equal([
      ['Procedure', 'Birth registration'],
      [
        'Application code',
        'KS-261127-ABCDKeep this code to check the progress of your application, and show it to an officer when you ask about it.',
      ],
      ['Received at', '16:00 27/11/2026'],
      [
        'Expected result date',
        '02/12/2026Counted in working days, leaving out public holidays, Tết and days off in lieu.',
      ],
    ]);
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Print receipt');
    await expect(el).to.be.accessible();
  });

  it('writes the fee as the review page does: "130.000 đồng", "130,000 VND" in English', async () => {
    // The lý lịch tư pháp sample with its fee: the review page read "130.000 đồng" and the
    // receipt used to read "130.000 đ" (docs/procedure-format.md: the short form is for compact
    // labels only).
    const receipt = (lang: string) =>
      fixture<DvcReceipt>(
        html`<dvc-receipt
          lang=${lang}
          dossier-code="LLTP-261207-K2M9"
          received-at="2026-12-07T02:00:00.000Z"
          procedure-title="Cấp Phiếu lý lịch tư pháp"
          fee-total="130000"
          payment-url="/thanh-toan/LLTP-261207-K2M9?t=abc"
        ></dvc-receipt>`,
      );
    const vi = await receipt('vi');
    expect(rows(vi).find(([dt]) => dt === 'Phí, lệ phí')).to.deep.equal([
      'Phí, lệ phí',
      '130.000 đồng · Chưa nộp Xem cách nộp phí',
    ]);
    const en = await receipt('en');
    expect(rows(en).find(([dt]) => dt === 'Fees and charges')).to.deep.equal([
      'Fees and charges',
      '130,000 VND · Not paid How to pay',
    ]);
  });

  it('prints with the Print button, hides it in print and sets an A4 page', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt dossier-code="KS-261126-7QF3"></dvc-receipt>`,
    );
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="print"]')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    const page = document.adoptedStyleSheets
      .flatMap((s) => [...s.cssRules])
      .find((r) => r instanceof CSSPageRule) as CSSPageRule;
    expect(page.style.getPropertyValue('size')).to.equal('a4');
    const printRule = [
      ...(DvcReceipt.styles as unknown as { styleSheet: CSSStyleSheet }).styleSheet.cssRules,
    ].find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule;
    const hidden = [...printRule.cssRules].find(
      (r) => (r as CSSStyleRule).selectorText === 'button',
    ) as CSSStyleRule;
    expect(hidden.style.display).to.equal('none');
  });

  it('still shows the receipt when the QR encoder fails', async () => {
    DvcReceipt.qrEncoder = (() => {
      throw new Error('too long');
    }) as QrEncoder;
    const error = console.error;
    console.error = () => {};
    try {
      const el = await fixture<DvcReceipt>(
        html`<dvc-receipt dossier-code="KS-261126-7QF3"></dvc-receipt>`,
      );
      expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.code')!.textContent).to.equal('KS-261126-7QF3');
    } finally {
      console.error = error;
    }
  });
});

describe('receipt dates', () => {
  it('computes the result date with the calendar of src/calendar: Tết 2026 is skipped', async () => {
    // Friday 13/2/2026 09:00 in Vietnam, 3 working days: 14–22/2 are the Tết days off.
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt
        dossier-code="KS-260213-7QF3"
        received-at="2026-02-13T02:00:00Z"
        processing-days="3"
      ></dvc-receipt>`,
    );
    expect(el.shownResultDate).to.equal('2026-02-25');
    // Saturday 28/11/2026 counts from Monday 30/11; 23:30 UTC Thursday is Friday in Vietnam.
    el.receivedAt = '2026-11-28T02:00:00Z';
    el.processingDays = 1;
    expect(el.shownResultDate).to.equal('2026-12-01');
    el.receivedAt = '2026-11-26T23:30:00Z';
    expect(el.shownResultDate).to.equal('2026-11-30');
    el.processingDays = -1;
    expect(el.shownResultDate).to.equal('');
  });
});

describe('dvc-receipt checklist (format 1.1 documents brought to the desk)', () => {
  for (const [lang, heading] of [
    ['vi', 'Giấy tờ mang theo khi đến nộp hồ sơ (không tải lên)'],
    ['en', 'Documents to bring when you come to the desk (not uploaded)'],
  ] as const) {
    it(`lists them under their own heading (${lang})`, async () => {
      const el = await fixture<DvcReceipt>(
        html`<dvc-receipt
          lang=${lang}
          dossier-code="KH-261126-7QF3"
          .bringToDesk=${['Hộ chiếu (bản chính)']}
        ></dvc-receipt>`,
      );
      expect(rows(el)).to.deep.include([heading, 'Hộ chiếu (bản chính)']);
      const items = [...el.shadowRoot!.querySelectorAll('[part="checklist"] li')];
      expect(items.map((li) => li.textContent!.trim())).to.deep.equal(['Hộ chiếu (bản chính)']);
    });
  }

  it('has no checklist when nothing is brought to the desk', async () => {
    const el = await fixture<DvcReceipt>(
      html`<dvc-receipt dossier-code="KH-261126-7QF3"></dvc-receipt>`,
    );
    expect(el.shadowRoot!.querySelector('[part="checklist"]')).to.equal(null);
  });
});
