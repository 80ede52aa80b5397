/**
 * A check box the person saw and left unticked means "no": Continue records it as `false`
 * (docs/form.md, "Check boxes"), unless the box must be ticked (a consent), which stays
 * unanswered so the person is asked to tick it.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { attachDocuments } from './attach-documents.js';
import type { DvcSubmitEvent } from '../../../components/form/events.js';
import { chooseDelivery } from './choose-delivery.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import type { Procedure } from '../../../src/procedure/types.js';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../../schemas/procedures/dang-ky-khai-sinh.cases.json';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';

interface CaseFile {
  today: string;
  cases: { name: string; answers: Record<string, unknown> }[];
}

const REVIEW = 'Kiểm tra lại thông tin';

function heading(el: DvcForm): string {
  return el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim();
}

function summaryTexts(el: DvcForm): string[] {
  const s = el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary');
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

async function pressContinue(el: DvcForm): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

function reviewRow(el: DvcForm, label: string): string | undefined {
  const row = [...el.shadowRoot!.querySelectorAll('.row')].find(
    (r) => r.querySelector('dt')!.textContent!.trim() === label,
  );
  return row?.querySelector('.value')!.textContent!.trim();
}

describe('dvc-form unticked check boxes', () => {
  it('records an untouched boolean check box as false: review says "Không", payload has it', async () => {
    const file = khaiSinhCases as CaseFile;
    const answers = structuredClone(file.cases[0].answers) as Record<
      string,
      Record<string, unknown>
    >;
    expect(answers.birthProof.surrogacy).to.equal(false);
    delete answers.birthProof.surrogacy;
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${khaiSinh as unknown as Procedure}
        .prefill=${answers}
        today=${file.today}
      ></dvc-form>`,
    );
    await el.settled();
    for (let i = 0; i < 10 && heading(el) !== REVIEW; i++) {
      const before = heading(el);
      attachDocuments(el);
      await pressContinue(el);
      expect(summaryTexts(el), `problems on "${before}"`).to.deep.equal([]);
    }
    expect(heading(el)).to.equal(REVIEW);
    expect(reviewRow(el, 'Trẻ được sinh ra do mang thai hộ')).to.equal('Không');
    el.shadowRoot!.querySelector<HTMLInputElement>('#declaration')!.click();
    await chooseDelivery(el);
    await el.updateComplete;
    el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    const { detail } = await submitted;
    expect(detail.answers.birthProof).to.deep.equal({
      kind: 'birth-certificate',
      surrogacy: false,
    });
  });

  it('leaves a box that must be ticked (const: true) unanswered and asks for it', async () => {
    const file = thuongTruCases as CaseFile;
    const minor = file.cases.find(
      (c) => c.name === 'người 17 tuổi có người giám hộ đồng ý: hợp lệ',
    )!;
    const answers = structuredClone(minor.answers) as Record<string, Record<string, unknown>>;
    delete answers.guardian.consent;
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${thuongTru as unknown as Procedure}
        .prefill=${answers}
        today=${file.today}
      ></dvc-form>`,
    );
    await el.settled();
    await pressContinue(el);
    expect(heading(el)).to.equal('Thông tin của bạn');
    await pressContinue(el);
    expect(heading(el)).to.equal('Thông tin của bạn');
    expect(summaryTexts(el)).to.deep.equal([
      'Đánh dấu vào ô “Cha, mẹ hoặc người giám hộ đồng ý cho tôi đăng ký thường trú tại chỗ ở này” để tiếp tục',
    ]);
    const consent = el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>(
      '[data-path="guardian.consent"]',
    )!;
    expect(consent.value).to.equal(false);
  });

  it('does not record a check box that was never shown (hidden by a rule)', async () => {
    const file = thuongTruCases as CaseFile;
    // An adult: the guardian's questions, consent box included, are hidden.
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${thuongTru as unknown as Procedure}
        .prefill=${file.cases[0].answers}
        today=${file.today}
      ></dvc-form>`,
    );
    await el.settled();
    await pressContinue(el);
    expect(heading(el)).to.equal('Thông tin của bạn');
    expect(el.shadowRoot!.querySelector('[data-path="guardian.consent"]')).to.equal(null);
    await pressContinue(el);
    expect(heading(el)).to.not.equal('Thông tin của bạn');
    for (let i = 0; i < 10 && heading(el) !== REVIEW; i++) {
      attachDocuments(el);
      await pressContinue(el);
    }
    expect(heading(el)).to.equal(REVIEW);
    el.shadowRoot!.querySelector<HTMLInputElement>('#declaration')!.click();
    await chooseDelivery(el);
    await el.updateComplete;
    el.addEventListener('dvc-submit', (e) => e.preventDefault(), { once: true });
    const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    const { detail } = await submitted;
    expect(detail.answers).to.not.have.property('guardian');
  });
});
