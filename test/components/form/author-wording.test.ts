/**
 * Issue 19, point 4: the author's wording (format 1.1) of the declaration's tick-box and of the
 * "cannot apply" page's heading and remedy lead-in is what the form shows, in vi and in en.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';

const PROCEDURE = {
  formatVersion: 1.1,
  code: '1.000003',
  version: '1.0.0',
  title: { vi: 'Hai người cùng nộp', en: 'Two applicants' },
  description: { vi: 'Một câu hỏi.' },
  agency: { vi: 'Ủy ban nhân dân cấp xã' },
  legalBasis: [{ title: { vi: 'Luật' } }],
  serviceKind: 'toan-trinh',
  processingDays: 1,
  resultDelivery: ['online'],
  data: {
    type: 'object',
    properties: { cungNop: { type: 'string', enum: ['co', 'khong'] } },
    required: ['cungNop'],
  },
  ui: {
    steps: [
      {
        id: 'dieu-kien',
        title: { vi: 'Điều kiện', en: 'Eligibility' },
        fields: [
          {
            field: 'cungNop',
            widget: 'radio',
            label: { vi: 'Hai vợ chồng cùng nộp?', en: 'Are both spouses applying?' },
            options: [
              { value: 'co', label: { vi: 'Có', en: 'Yes' } },
              { value: 'khong', label: { vi: 'Không', en: 'No' } },
            ],
          },
        ],
      },
    ],
  },
  documents: [],
  fees: { currency: 'VND', items: [] },
  rules: [
    {
      id: 'ca-hai',
      kind: 'eligibility',
      conditions: { all: [{ fact: 'cungNop', operator: 'equal', value: 'co' }] },
      reason: { vi: 'Cả hai vợ chồng phải cùng nộp.', en: 'Both spouses must apply.' },
      remedy: { vi: 'Mời người kia cùng nộp.', en: 'Ask your spouse to apply with you.' },
    },
  ],
  declaration: {
    text: { vi: 'Chúng tôi cam đoan những nội dung khai trên là đúng sự thật.', en: 'We declare.' },
    label: {
      vi: 'Chúng tôi đã đọc và đồng ý với lời cam đoan trên',
      en: 'We have read and agree with the declaration above',
    },
  },
  ineligible: {
    heading: { vi: 'Ông/bà chưa thể nộp hồ sơ', en: 'You cannot apply together yet' },
    remedyLabel: { vi: 'Cách khắc phục: ', en: 'How to fix it: ' },
  },
};
const URL = `data:application/json,${encodeURIComponent(JSON.stringify(PROCEDURE))}`;

type FieldEl = HTMLElement & { value: unknown };
const root = (el: DvcForm) => el.shadowRoot!;
const heading = (el: DvcForm) => root(el).querySelector('#page-heading')?.textContent?.trim();
const text = (n: Element) => n.textContent!.replace(/\s+/g, ' ').trim();

async function continueWith(lang: 'vi' | 'en', value: string): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form lang=${lang} procedure=${URL} today="2025-04-01" drafts="off"></dvc-form>`,
  );
  await el.settled();
  await waitUntil(() => root(el).querySelector('[data-path="cungNop"]'));
  const f = root(el).querySelector<FieldEl>('[data-path="cungNop"]')!;
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: 'cungNop', value }));
  await el.settled();
  const before = heading(el);
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await waitUntil(() => heading(el) !== before, 'the next page');
  await el.settled();
  return el;
}

const CASES = {
  vi: {
    heading: 'Ông/bà chưa thể nộp hồ sơ',
    reason: 'Cả hai vợ chồng phải cùng nộp. Cách khắc phục: Mời người kia cùng nộp.',
    label: 'Chúng tôi đã đọc và đồng ý với lời cam đoan trên',
  },
  en: {
    heading: 'You cannot apply together yet',
    reason: 'Both spouses must apply. How to fix it: Ask your spouse to apply with you.',
    label: 'We have read and agree with the declaration above',
  },
} as const;

describe("dvc-form author's wording", () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`shows the author's "cannot apply" heading and remedy lead-in (${lang})`, async () => {
      const el = await continueWith(lang, 'khong');
      expect(heading(el)).to.equal(CASES[lang].heading);
      const items = [...root(el).querySelectorAll('[part="reasons"] > li')].map(text);
      expect(items).to.deep.equal([CASES[lang].reason]);
    });

    it(`shows the author's declaration tick-box text (${lang})`, async () => {
      const el = await continueWith(lang, 'co');
      await waitUntil(() => root(el).querySelector('#declaration'), 'the review page');
      const label = root(el).querySelector('label[for="declaration"]')!;
      expect(text(label)).to.equal(CASES[lang].label);
      await expect(el).to.be.accessible();
    });
  }
});
