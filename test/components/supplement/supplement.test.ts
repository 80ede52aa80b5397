import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/supplement/supplement.js';
import type {
  DvcSupplement,
  SupplementRequestView,
} from '../../../components/supplement/supplement.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';

// The procedure given as data: the test server serves .json files as JavaScript modules.
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import type { Procedure } from '../../../src/procedure/index.js';

const REQUEST: SupplementRequestView = {
  id: 'yeu-cau-0001',
  note: 'Giấy chứng sinh chụp mờ.',
  items: { fields: ['child.healthFacility'], documents: ['birthCertificate'] },
  procedure: { code: '1.001193', version: '2025.1', url: '' },
};

async function ready(request = REQUEST): Promise<DvcSupplement> {
  const el = await fixture<DvcSupplement>(
    html`<dvc-supplement
      .request=${request}
      .procedureData=${khaiSinh as unknown as Procedure}
      .code=${'KS-261126-7QF3'}
    ></dvc-supplement>`,
  );
  await waitUntil(
    () =>
      el.shadowRoot!.querySelector('dvc-upload, [data-path]') ||
      el.shadowRoot!.querySelector('[role="alert"]'),
    'the form loads',
    { timeout: 25_000 },
  );
  expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  return el;
}

describe('<dvc-supplement>', function () {
  // Compiling the sample procedure's validator takes a few seconds on a loaded machine.
  this.timeout(40_000);
  it('asks exactly the requested question and document, with the clerk note', async () => {
    const el = await ready();
    const root = el.shadowRoot!;
    expect(
      [...root.querySelectorAll('[data-path]')].map((f) => f.getAttribute('data-path')),
    ).to.deep.equal(['child.healthFacility']);
    expect(
      [...root.querySelectorAll('dvc-upload')].map((u) => u.getAttribute('name')),
    ).to.deep.equal(['birthCertificate']);
    expect(root.querySelector('.note')!.textContent).to.equal('Giấy chứng sinh chụp mờ.');
    await expect(el).to.be.accessible();
  });

  it('names each missing item in the error summary and at the field, then takes focus', async () => {
    const el = await ready();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    const summary = root.querySelector<DvcErrorSummary>('dvc-error-summary')!;
    await waitUntil(() => summary.items.length > 0);
    expect(summary.items).to.deep.equal([
      { message: 'Nhập tên cơ sở y tế nơi trẻ sinh ra', target: 'supplement-field-0' },
      { message: 'Vui lòng chọn tệp Giấy chứng sinh', target: 'supplement-doc-0' },
    ]);
    const field = root.querySelector<HTMLElement & { error: string }>('[data-path]')!;
    expect(field.error).to.equal('Nhập tên cơ sở y tế nơi trẻ sinh ra');
    expect(root.activeElement).to.equal(summary);
    await expect(el).to.be.accessible();
  });

  it('words a missing choice, address or question as the form does, naming the question', async () => {
    const el = await ready({
      ...REQUEST,
      items: {
        fields: ['eligibility.bornInVietnam', 'child.sex', 'child.placeOfBirth'],
        documents: [],
      },
    });
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    const summary = root.querySelector<DvcErrorSummary>('dvc-error-summary')!;
    await waitUntil(() => summary.items.length > 0);
    // Chosen, not typed ("Vui lòng nhập Giới tính"); a question is named, not made an object.
    expect(summary.items).to.deep.equal([
      {
        message: 'Hãy chọn một câu trả lời (câu hỏi: Trẻ có được sinh ra tại Việt Nam không?)',
        target: 'supplement-field-0',
      },
      { message: 'Chọn giới tính', target: 'supplement-field-1' },
      { message: 'Chọn địa chỉ nơi sinh', target: 'supplement-field-2' },
    ]);
    const errors = [...root.querySelectorAll<HTMLElement & { error: string }>('[data-path]')].map(
      (f) => f.error,
    );
    expect(errors).to.deep.equal([
      'Hãy chọn một câu trả lời',
      'Chọn giới tính',
      'Chọn địa chỉ nơi sinh',
    ]);
    expect(root.activeElement).to.equal(summary);
    await expect(el).to.be.accessible();
  });
});
