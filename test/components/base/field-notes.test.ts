import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/text-field/text-field.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';

/**
 * A field's hint, badge and error are one part made as plain nodes (components/base/field-notes.ts,
 * issue 22 point 3): the same elements as before, one marker comment for the three, and the nodes
 * made again only when a text changes. Counted, not timed: a part per note again would add marker
 * comments (and the nested templates' parts that the heap row of bench/ pays per question).
 */
const markup = (el: DvcTextField) =>
  [...el.shadowRoot!.children].map((c) => c.outerHTML.replace(/<!--[^>]*-->/g, '')).join('');

const comments = (el: DvcTextField) => {
  let n = 0;
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) n++;
  return n;
};

describe('hint, badge and error as one part (field-notes.ts)', () => {
  it('renders the same elements, in order, with two markers in the whole field', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" hint="Như trên giấy khai sinh"></dvc-text-field>`,
    );
    expect(markup(el)).to.equal(
      '<label part="label" for="control">Họ và tên</label>' +
        '<span part="hint" class="hint" id="hint">Như trên giấy khai sinh</span>' +
        markup(el).slice(markup(el).indexOf('<input')),
    );
    expect(comments(el)).to.equal(2);
    const hint = el.shadowRoot!.getElementById('hint');

    el.prefilled = true;
    el.error = 'Nhập họ và tên';
    await el.updateComplete;
    const spans = [...el.shadowRoot!.children]
      .filter((c) => c.localName === 'span')
      .map((c) => c.outerHTML);
    expect(spans).to.deep.equal([
      '<span part="hint" class="hint" id="hint">Như trên giấy khai sinh</span>',
      '<span part="prefilled" class="badge" id="prefilled">Đã điền sẵn</span>',
      '<span part="error" class="error" id="error"><span class="visually-hidden">Lỗi: </span>Nhập họ và tên</span>',
    ]);
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-describedby')).to.equal(
      'hint prefilled error',
    );
    expect(comments(el)).to.equal(2);
    await expect(el).to.be.accessible();

    // Nothing changed in the notes: the nodes stay.
    const error = el.shadowRoot!.getElementById('error');
    el.label = 'Họ, chữ đệm và tên';
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('error')).to.equal(error);

    el.error = '';
    el.prefilled = false;
    el.hint = '';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('span')).to.have.length(0);
    expect(el.shadowRoot!.getElementById('hint')).to.equal(null);
    expect(hint!.isConnected).to.equal(false);
    expect(comments(el)).to.equal(2);
  });
});
