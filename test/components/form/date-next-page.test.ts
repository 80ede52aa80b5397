/**
 * Issue 19, point 11: a date typed on one page must not appear in the next page's empty date
 * field. The journey is the one a keyboard user makes: type the date, Tab (to the calendar
 * button), Tab (to Continue), Enter.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';

const PROCEDURE = {
  formatVersion: 1,
  code: '1.000001',
  version: '1.0.0',
  title: { vi: 'Hai ngày' },
  description: { vi: 'Hai trang, mỗi trang một ngày.' },
  agency: { vi: 'Ủy ban nhân dân cấp xã' },
  legalBasis: [{ title: { vi: 'Luật' } }],
  serviceKind: 'toan-trinh',
  processingDays: 1,
  resultDelivery: ['online'],
  data: {
    type: 'object',
    properties: {
      first: { type: 'string', format: 'date' },
      second: { type: 'string', format: 'date' },
    },
    required: ['first', 'second'],
  },
  ui: {
    steps: [
      {
        id: 'one',
        title: { vi: 'Trang một' },
        fields: [{ field: 'first', widget: 'date', label: { vi: 'Ngày thứ nhất' } }],
      },
      {
        id: 'two',
        title: { vi: 'Trang hai' },
        fields: [{ field: 'second', widget: 'date', label: { vi: 'Ngày thứ hai' } }],
      },
    ],
  },
  documents: [],
  fees: { currency: 'VND', items: [] },
  rules: [],
  declaration: { text: { vi: 'Tôi cam đoan.' } },
};
const URL = `data:application/json,${encodeURIComponent(JSON.stringify(PROCEDURE))}`;

type DateEl = HTMLElement & { value: string; error: string; updateComplete: Promise<boolean> };
const root = (el: DvcForm) => el.shadowRoot!;
const dateField = (el: DvcForm, path: string) =>
  root(el).querySelector<DateEl>(`[data-path="${path}"]`);
const box = (f: DateEl) => f.shadowRoot!.querySelector<HTMLInputElement>('#control')!;

describe('dvc-form date field on the next page', () => {
  for (const keys of [['Tab', 'Tab', 'Enter'], ['Enter']]) {
    it(`is empty after a date was typed and ${keys.join(', ')} pressed`, async () => {
      const el = await fixture<DvcForm>(
        html`<dvc-form procedure=${URL} today="2025-04-01" drafts="off"></dvc-form>`,
      );
      await el.settled();
      await waitUntil(() => dateField(el, 'first'));
      box(dateField(el, 'first')!).focus();
      await sendKeys({ type: '15/03/2025' });
      for (const press of keys) await sendKeys({ press });
      await waitUntil(() => dateField(el, 'second'), 'the second page');
      await el.settled();
      const second = dateField(el, 'second')!;
      await second.updateComplete;
      expect(second.value).to.equal('');
      expect(box(second).value).to.equal('');
    });
  }
});
