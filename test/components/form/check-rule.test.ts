/**
 * Issue 19, point 3: a format 1.1 `check` rule attaches the author's message to its field. After
 * Continue with answers that break it, the message is shown at the field (inside the field's own
 * shadow root, beside its input) and as a line of the error summary; fixing the answer removes it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import { DvcChangeEvent } from '../../../components/base/events.js';

const MESSAGE = 'Ngày hết hạn hộ chiếu phải sau ngày cấp';
const PROCEDURE = {
  formatVersion: 1.1,
  code: '1.000002',
  version: '1.0.0',
  title: { vi: 'Hộ chiếu' },
  description: { vi: 'Một trang, hai ngày của hộ chiếu.' },
  agency: { vi: 'Ủy ban nhân dân cấp xã' },
  legalBasis: [{ title: { vi: 'Luật' } }],
  serviceKind: 'toan-trinh',
  processingDays: 1,
  resultDelivery: ['online'],
  data: {
    type: 'object',
    properties: {
      issueDate: { type: 'string', format: 'date' },
      expiryDate: { type: 'string', format: 'date' },
    },
    required: ['issueDate', 'expiryDate'],
  },
  ui: {
    steps: [
      {
        id: 'passport',
        title: { vi: 'Hộ chiếu' },
        fields: [
          { field: 'issueDate', widget: 'date', label: { vi: 'Ngày cấp' } },
          { field: 'expiryDate', widget: 'date', label: { vi: 'Ngày hết hạn' } },
        ],
      },
    ],
  },
  documents: [],
  fees: { currency: 'VND', items: [] },
  rules: [
    {
      id: 'passport-dates',
      kind: 'check',
      field: 'expiryDate',
      conditions: {
        all: [{ fact: 'issueDate', operator: 'dateBefore', value: { fact: 'expiryDate' } }],
      },
      message: { vi: MESSAGE, en: 'The passport expiry date must be after its issue date' },
    },
  ],
  declaration: { text: { vi: 'Tôi cam đoan.' } },
};
const URL = `data:application/json,${encodeURIComponent(JSON.stringify(PROCEDURE))}`;

type FieldEl = HTMLElement & { value: unknown; error: string; updateComplete: Promise<boolean> };
const root = (el: DvcForm) => el.shadowRoot!;
const field = (el: DvcForm, path: string) =>
  root(el).querySelector<FieldEl>(`[data-path="${path}"]`)!;
const summary = (el: DvcForm) => root(el).querySelector<DvcErrorSummary>('dvc-error-summary');
const summaryTexts = (el: DvcForm) =>
  [...(summary(el)?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.trim());

async function answer(el: DvcForm, path: string, value: string): Promise<void> {
  const f = field(el, path);
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

describe('dvc-form check rule at its field', () => {
  it("shows the author's message at the field and in the summary, and removes it when fixed", async () => {
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${URL} today="2025-04-01" drafts="off"></dvc-form>`,
    );
    await el.settled();
    await waitUntil(() => root(el).querySelector('[data-path="expiryDate"]'));
    await answer(el, 'issueDate', '2024-05-10');
    await answer(el, 'expiryDate', '2024-05-01');
    root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    await waitUntil(() => summary(el) !== null, 'the error summary appears');
    await el.settled();

    const expiry = field(el, 'expiryDate');
    expect(expiry.error).to.equal(MESSAGE);
    await expiry.updateComplete;
    // In the same shadow root as the input, and the input points at it.
    const input = expiry.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const shown = [...expiry.shadowRoot!.querySelectorAll('[id]')].filter(
      (n) => describedBy.includes(n.id) && n.textContent!.includes(MESSAGE),
    );
    expect(shown.length).to.equal(1);
    expect(summaryTexts(el)).to.deep.equal([MESSAGE]);
    expect(field(el, 'issueDate').error).to.equal('');

    // Fixed: the expiry date is now after the issue date. The message goes from the field and
    // the summary once the person leaves the field, without another Continue.
    await answer(el, 'expiryDate', '2034-05-09');
    expiry.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await waitUntil(() => expiry.error === '', 'the check message goes from the field');
    await expiry.updateComplete;
    expect(expiry.shadowRoot!.textContent).to.not.include(MESSAGE);
    expect(summaryTexts(el)).to.not.include(MESSAGE);
  });
});
