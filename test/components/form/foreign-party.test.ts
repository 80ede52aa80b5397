/**
 * Issue 19, points 5 and 6 in the browser: a question naming a shipped option list offers the
 * list (loaded on demand) in the page's language; a document brought to the desk has no upload
 * and says so; translation and legalisation requirements are shown in the form's own words.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import { DvcChangeEvent } from '../../../components/base/events.js';

const ACCEPT = ['application/pdf'];
const PROCEDURE = {
  formatVersion: 1.1,
  code: '1.000004',
  version: '1.0.0',
  title: { vi: 'Người nước ngoài', en: 'Foreigner' },
  description: { vi: 'Một trang.' },
  agency: { vi: 'Ủy ban nhân dân cấp xã' },
  legalBasis: [{ title: { vi: 'Luật' } }],
  serviceKind: 'mot-phan',
  processingDays: 1,
  resultDelivery: ['in-person'],
  data: {
    type: 'object',
    properties: { nationality: { type: 'string' } },
    required: ['nationality'],
  },
  ui: {
    steps: [
      {
        id: 'one',
        title: { vi: 'Quốc tịch và giấy tờ', en: 'Nationality and papers' },
        fields: [
          {
            field: 'nationality',
            widget: 'select',
            label: { vi: 'Quốc tịch', en: 'Nationality' },
            optionList: 'countries',
          },
          {
            field: 'certificate',
            widget: 'file',
            label: { vi: 'Giấy xác nhận' },
            document: 'certificate',
          },
          { field: 'passport', widget: 'file', label: { vi: 'Hộ chiếu' }, document: 'passport' },
        ],
      },
    ],
  },
  documents: [
    {
      id: 'certificate',
      title: { vi: 'Giấy xác nhận', en: 'Certificate' },
      form: 'original',
      copies: 1,
      required: true,
      accept: ACCEPT,
      maxSizeBytes: 1000000,
      maxFiles: 1,
      translation: true,
      legalisation: true,
    },
    {
      id: 'passport',
      title: { vi: 'Hộ chiếu (bản chính)', en: 'Passport (original)' },
      form: 'original',
      copies: 1,
      required: true,
      // Nothing is uploaded: no accept, maxSizeBytes nor maxFiles.
      atDesk: true,
    },
  ],
  fees: { currency: 'VND', items: [] },
  rules: [],
  declaration: { text: { vi: 'Tôi cam đoan.' } },
};
const URL = `data:application/json,${encodeURIComponent(JSON.stringify(PROCEDURE))}`;
const root = (el: DvcForm) => el.shadowRoot!;
const text = (n: Element) => n.textContent!.replace(/\s+/g, ' ').trim();

async function open(lang: 'vi' | 'en'): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form lang=${lang} procedure=${URL} today="2026-11-26" drafts="off"></dvc-form>`,
  );
  await el.settled();
  await waitUntil(() => root(el).querySelector('[data-path="nationality"]'));
  return el;
}

const NOTES = {
  vi: [
    'Nếu giấy tờ không bằng tiếng Việt, nộp kèm bản dịch sang tiếng Việt có chứng thực.',
    'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế.',
  ],
  en: [
    'If the document is not in Vietnamese, add a certified Vietnamese translation.',
    'A document issued by a foreign authority must be consular-legalised, unless a treaty exempts it.',
  ],
};
const AT_DESK = {
  vi: 'Không cần tải lên: mang giấy tờ này đến khi nộp hồ sơ để cán bộ đối chiếu.',
  en: 'No upload: bring this document when you hand in the application, to be checked.',
};
const VIETNAM = { vi: 'Việt Nam', en: 'Vietnam' };

describe('dvc-form with foreign-party features', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`offers the shipped country list and shows the document flags (${lang})`, async () => {
      const el = await open(lang);
      const select = root(el).querySelector('[data-path="nationality"]')!;
      await waitUntil(() => select.shadowRoot?.querySelectorAll('option').length === 250);
      const options = [...select.shadowRoot!.querySelectorAll('option')];
      const vn = options.find((o) => o.value === 'VN')!;
      expect(text(vn)).to.equal(VIETNAM[lang]);

      const slots = [...root(el).querySelectorAll('[part="document-slot"]')];
      expect(slots.length).to.equal(2);
      // An uploaded document's notes follow its title, in its upload card, and describe its
      // buttons; above the card they read as the previous document's (found on the demo site's
      // dang-ky-ket-hon-nuoc-ngoai, two foreign documents in a row).
      expect(slots[0]!.querySelector('[part="document-notes"]')).to.equal(null);
      expect(slots[0]!.querySelector('slot')).to.not.equal(null);
      const upload = el.querySelector<DvcUpload>('[slot="document-certificate"]')!;
      await waitUntil(() => upload.shadowRoot?.querySelector('[part="requirements"]'));
      const card = upload.shadowRoot!;
      expect(
        [...card.querySelectorAll('[part="requirements"] li')].map(text).slice(-2),
      ).to.deep.equal(NOTES[lang]);
      expect(card.querySelector('legend ~ [part="requirements"]')).to.not.equal(null);
      expect(text(card.querySelector('#described')!).endsWith(NOTES[lang].join(' '))).to.equal(
        true,
      );
      // Brought to the desk: no upload slot, the instruction instead.
      expect(slots[1]!.querySelector('slot')).to.equal(null);
      expect(text(slots[1]!.querySelector('[part="document-at-desk"]')!)).to.equal(AT_DESK[lang]);
      // …and no upload element that could hold a file or ask for one.
      expect(el.querySelector('[slot="document-passport"]')).to.equal(null);
      expect(el.querySelector('[slot="document-certificate"]')).to.not.equal(null);
    });
  }
});

/** Answers the nationality, chooses a PDF for the certificate and continues to the review page. */
async function toReview(el: DvcForm): Promise<void> {
  const select = root(el).querySelector<HTMLElement & { value: unknown }>(
    '[data-path="nationality"]',
  )!;
  select.value = 'GB';
  select.dispatchEvent(new DvcChangeEvent({ name: 'nationality', value: 'GB' }));
  await el.settled();
  const up = el.querySelector<DvcUpload>(':scope > dvc-upload[slot="document-certificate"]')!;
  const input = up.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  const dt = new DataTransfer();
  dt.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'xac-nhan.pdf', { type: 'application/pdf' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => !up.busy && up.documents.length === 1, 'file hashed', { timeout: 5000 });
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
}

const REVIEW = {
  vi: {
    heading: 'Mang bản chính đến nơi nộp',
    uploaded: ['Giấy xác nhận', 'xac-nhan.pdf (15 byte)', ...NOTES.vi],
    desk: ['Hộ chiếu (bản chính)', 'Bản chính, số lượng: 1'],
  },
  en: {
    heading: 'Bring the originals to the office',
    uploaded: ['Certificate', 'xac-nhan.pdf (15 bytes)', ...NOTES.en],
    desk: ['Passport (original)', 'Original, number of copies: 1'],
  },
};

describe('the review page with documents brought to the desk', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`lists them under their own heading, with the document flags (${lang})`, async () => {
      const el = await open(lang);
      await toReview(el);
      // The uploaded document: its file, then its translation and legalisation requirements.
      const [uploaded, desk] = [...root(el).querySelectorAll('.review-documents')];
      const row = (r: Element) => [
        text(r.querySelector('dt')!),
        ...[...r.querySelectorAll('dd.value li')].map(text),
      ];
      expect([...uploaded!.querySelectorAll('.row')].map(row)).to.deep.equal([
        REVIEW[lang].uploaded,
      ]);
      // The passport: no file, no change link; what to bring.
      expect(text(root(el).querySelector('#desk-review')!)).to.equal(REVIEW[lang].heading);
      const deskRows = [...desk!.querySelectorAll('.row')];
      expect(
        deskRows.map((r) => [text(r.querySelector('dt')!), text(r.querySelector('dd')!)]),
      ).to.deep.equal([REVIEW[lang].desk]);
      expect(deskRows[0]!.querySelector('a')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});
