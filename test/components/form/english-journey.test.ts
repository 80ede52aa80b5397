// Each sample procedure in English, page by page from the first question to the review page
// (case 0 of its .cases.json), and its first page's error summary: no Vietnamese text of the
// library's own is left. Vietnamese is allowed only where it is data the English form shows as
// it is: the procedure's own English text (place names such as "Việt Nam", "Hà Nội"), the answers,
// official names of provinces and communes, and the shipped ethnic-group and religion names.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { list as ethnicGroups } from '../../../src/data/option-lists/ethnic-groups.js';
import { list as religions } from '../../../src/data/option-lists/religions.js';
import {
  samples,
  attachDocuments,
  pressPrimary,
  type Sample,
} from '../../../stories/support/journey.js';

/** Letters only Vietnamese uses among the languages the form speaks. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèìíòóùúýãõĩũ]/i;
/** An official unit name: "Phường Ba Đình", "Hà Nội (Thành phố)", "…, Thành phố Hà Nội". */
const UNIT_NAME = /^(Phường|Xã|Đặc khu) |\((Tỉnh|Thành phố)\)$|, (Tỉnh|Thành phố) /u;

/** Every text node and every text attribute a person or a screen reader meets, shadow roots too. */
function texts(node: Node, out: string[] = []): string[] {
  if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim())
    out.push(node.textContent!.trim().replace(/\s+/g, ' '));
  if (node instanceof Element) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt'])
      if (node.getAttribute(name)) out.push(node.getAttribute(name)!);
    if (node.shadowRoot) texts(node.shadowRoot, out);
  }
  for (const child of Array.from(node.childNodes)) texts(child, out);
  return out;
}

/** The strings of a value, deep (answers; the procedure's English text). */
function strings(value: unknown, out: string[] = [], englishOnly = false): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, englishOnly);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (englishOnly && 'vi' in o && 'en' in o) strings(o.en, out);
    else for (const v of Object.values(o)) strings(v, out, englishOnly);
  }
  return out;
}

const SHIPPED = [...ethnicGroups.options, ...religions.options].map(
  (o) => (o.label as { vi: string; en?: string }).en ?? (o.label as { vi: string }).vi,
);

/**
 * The texts shown now with Vietnamese left once the data above is taken out of them (a message
 * may quote a question: "Select an answer (question: Was the child born in Việt Nam?)").
 */
function vietnameseUi(form: DvcForm, sample: Sample): string[] {
  const data = [
    ...strings(sample.procedure, [], true),
    ...strings(sample.complete).filter((s) => s.length > 1),
    ...SHIPPED,
  ].sort((a, b) => b.length - a.length);
  return texts(form.shadowRoot!).filter((t) => {
    if (UNIT_NAME.test(t)) return false;
    let rest = t;
    for (const s of data) if (rest.includes(s)) rest = rest.split(s).join(' ');
    return VIETNAMESE.test(rest);
  });
}

describe('dvc-form in English with the sample procedures', () => {
  for (const [key, sample] of Object.entries(samples)) {
    it(`${key}: no Vietnamese of the library's own from the first page to the review page`, async () => {
      const form = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${sample.procedure}
          .prefill=${sample.complete}
          today=${sample.today}
          lang="en"
        ></dvc-form>`,
      );
      await form.settled();
      const found = new Set<string>();
      for (let page = 0; page < 40; page++) {
        const heading = form.shadowRoot!.querySelector('#page-heading')?.textContent?.trim();
        for (const t of vietnameseUi(form, sample)) found.add(`${heading}: ${t}`);
        if (form.shadowRoot!.querySelector('[part~="declaration"]')) break;
        await attachDocuments(form);
        await pressPrimary(form);
      }
      expect(form.shadowRoot!.querySelector('[part~="declaration"]'), 'review page').to.not.equal(
        null,
      );
      expect([...found]).to.deep.equal([]);
    });

    it(`${key}: the first page's error summary is in English`, async () => {
      const form = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${sample.procedure}
          today=${sample.today}
          lang="en"
        ></dvc-form>`,
      );
      await form.settled();
      await pressPrimary(form);
      const summary = form.shadowRoot!.querySelector('dvc-error-summary');
      expect(summary, 'error summary').to.not.equal(null);
      expect(vietnameseUi(form, sample)).to.deep.equal([]);
    });
  }
});
