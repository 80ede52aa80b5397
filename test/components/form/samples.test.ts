import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { attachDocuments } from './attach-documents.js';
import { chooseDelivery } from './choose-delivery.js';
import type { DvcSubmitEvent } from '../../../components/form/events.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import type { Procedure } from '../../../src/procedure/types.js';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../../schemas/procedures/dang-ky-khai-sinh.cases.json';
import ketHon from '../../../schemas/procedures/dang-ky-ket-hon.json';
import ketHonCases from '../../../schemas/procedures/dang-ky-ket-hon.cases.json';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import laiXe from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';
import laiXeCases from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.cases.json';

interface CaseFile {
  today: string;
  cases: {
    name: string;
    answers: Record<string, unknown>;
    expect: { eligibility?: { status: string }; problems?: unknown[]; fee?: unknown };
  }[];
}

const SAMPLES: [string, unknown, unknown][] = [
  ['dang-ky-khai-sinh', khaiSinh, khaiSinhCases],
  ['dang-ky-ket-hon', ketHon, ketHonCases],
  ['dang-ky-thuong-tru', thuongTru, thuongTruCases],
  ['cap-giay-phep-lai-xe-quoc-te', laiXe, laiXeCases],
];

function summaryTexts(el: DvcForm): string[] {
  const s = el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary');
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

describe('dvc-form with the sample procedures', () => {
  for (const [name, data, casesData] of SAMPLES) {
    const procedure = data as Procedure;
    const file = casesData as CaseFile;

    it(`opens ${name} on its eligibility questions and passes axe`, async () => {
      const el = await fixture<DvcForm>(
        html`<dvc-form .procedureData=${procedure} today=${file.today}></dvc-form>`,
      );
      await el.settled();
      const root = el.shadowRoot!;
      expect(root.querySelector('[part="status"]'), 'no load error').to.equal(null);
      const first = procedure.ui.steps.find((s) => s.kind === 'eligibility');
      const heading = root.querySelector('#page-heading')!.textContent!.trim();
      expect(heading).to.equal(first ? first.title.vi : 'Kiểm tra điều kiện nộp hồ sơ');
      expect(root.querySelector('[part="progress"]')!.textContent!.trim()).to.match(
        // "Bước 1" alone where a page may appear or go (step-count.test.ts).
        /^Bước 1( trên \d+)?$/,
      );
      await expect(el).to.be.accessible();
    });

    // A valid, eligible case: prefilled, it goes through every page to the review page and
    // submits the same eligibility and fee the rules engine computes for that case.
    const valid = file.cases.find(
      (c) => c.expect.eligibility?.status === 'eligible' && c.expect.problems?.length === 0,
    );
    if (!valid) continue;
    it(`walks ${name} "${valid.name}" from prefill to dvc-submit`, async () => {
      const el = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${procedure}
          .prefill=${valid.answers}
          today=${file.today}
        ></dvc-form>`,
      );
      await el.settled();
      const root = el.shadowRoot!;
      const headingText = () => root.querySelector('#page-heading')!.textContent!.trim();
      for (let i = 0; i < 30 && headingText() !== 'Kiểm tra lại thông tin'; i++) {
        const before = headingText();
        attachDocuments(el);
        root.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
        await aTimeout(0);
        await el.settled();
        expect(summaryTexts(el), `problems on "${before}"`).to.deep.equal([]);
      }
      expect(headingText()).to.equal('Kiểm tra lại thông tin');
      await waitUntil(() => !root.textContent!.includes(', 00004'), 'unit names loaded');
      const rows = new Map(
        [...root.querySelectorAll('.row')].map((row) => [
          row.querySelector('dt')!.textContent!.trim(),
          row.querySelector('.value')!.textContent!.trim(),
        ]),
      );
      if (name === 'dang-ky-thuong-tru') {
        expect(rows.get('Địa chỉ chỗ ở đăng ký thường trú')).to.equal(
          'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
        );
      }
      expect([...rows.values()]).to.not.include('');
      await expect(el).to.be.accessible();
      root.querySelector<HTMLInputElement>('#declaration')!.click();
      await el.updateComplete;
      if (procedure.resultDelivery.includes('post')) {
        // Submitting without choosing: the message is at the question and in the summary.
        root.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
        await customElements.whenDefined('dvc-delivery-choice');
        await waitUntil(
          () =>
            root
              .querySelector('dvc-error-summary')
              ?.shadowRoot?.textContent?.includes('Vui lòng chọn cách nhận kết quả.'),
          'the error summary names the delivery question',
        );
        const choice = root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
          'dvc-delivery-choice',
        )!;
        await choice.updateComplete;
        const radios = choice.shadowRoot!.querySelector<HTMLElement & { error: string }>(
          '#method',
        )!;
        expect(radios.error).to.equal('Vui lòng chọn cách nhận kết quả.');
      }
      // Procedures offering post ask how the result is received; in person needs no address.
      const asked = await chooseDelivery(el, 'in-person');
      expect(asked).to.equal(procedure.resultDelivery.includes('post'));
      el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
      const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
      root.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
      const { detail } = await submitted;
      expect(detail.delivery).to.deep.equal(asked ? { method: 'in-person' } : undefined);
      expect(detail.procedure).to.deep.include({
        code: procedure.code,
        version: procedure.version,
      });
      expect(detail.procedure.sha256).to.match(/^[0-9a-f]{64}$/);
      expect(detail.eligibility.status).to.equal('eligible');
      // The case files state the fee partly ({ total } and sometimes items): compare what they state.
      const fee = (valid.expect.fee ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(fee)) {
        expect((detail.fee as unknown as Record<string, unknown>)[key], `fee.${key}`).to.deep.equal(
          fee[key],
        );
      }
    });
  }
});
