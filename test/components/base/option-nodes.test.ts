import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/radio-group/radio-group.js';
import '../../../components/select-field/select-field.js';
import type { DvcRadioGroup } from '../../../components/radio-group/radio-group.js';
import type { DvcSelectField } from '../../../components/select-field/select-field.js';

/**
 * The choices of a radio group and a select are plain nodes made once per options array
 * (components/base/option-nodes.ts, issue 22 point 3): no template, marker comment or binding per
 * choice. Counted, not timed: a template per choice again would add a marker comment per choice
 * (and ten bindings per radio that the heap row of bench/ pays a thousand times), and making the
 * nodes on every update would change their identity.
 */
const options = [
  { value: 'nam', label: 'Nam' },
  { value: 'nu', label: 'Nữ' },
  { value: 'khac', label: 'Khác' },
];

function count(root: Node): Record<number, number> {
  const kinds: Record<number, number> = {};
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    kinds[n.nodeType] = (kinds[n.nodeType] ?? 0) + 1;
  return kinds;
}

describe('choices as plain nodes (option-nodes.ts)', () => {
  it('a radio group of three: one marker for all its choices, nodes kept across updates', async () => {
    const el = await fixture<DvcRadioGroup>(
      html`<dvc-radio-group label="Giới tính" name="gt" .options=${options}></dvc-radio-group>`,
    );
    // fieldset, legend, 3 × (label, input, span); texts: the legend's and the 3 choices';
    // markers: render root, the notes (hint, badge and error: field-notes.ts) and the choices.
    expect(count(el.shadowRoot!)).to.deep.equal({
      [Node.ELEMENT_NODE]: 11,
      [Node.TEXT_NODE]: 4,
      [Node.COMMENT_NODE]: 3,
    });
    const labels = [...el.shadowRoot!.querySelectorAll('label')];
    expect(labels.map((l) => l.textContent)).to.deep.equal(['Nam', 'Nữ', 'Khác']);
    const radios = [...el.shadowRoot!.querySelectorAll('input')];
    expect(radios.map((r) => [r.id, r.value, r.getAttribute('part')])).to.deep.equal([
      ['option-0', 'nam', 'input'],
      ['option-1', 'nu', 'input'],
      ['option-2', 'khac', 'input'],
    ]);
    expect(new Set(radios.map((r) => r.name)).size).to.equal(1);

    el.value = 'nu';
    el.required = true;
    el.error = 'Chọn giới tính';
    el.readonly = true;
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('label')]).to.deep.equal(labels);
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true, false]);
    // Required is the group's (a radiogroup's aria-required), never each radio's.
    expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-required')).to.equal(
      'true',
    );
    for (const r of radios) {
      expect(r.required).to.equal(false);
      expect(r.disabled).to.equal(true);
      expect(r.getAttribute('aria-invalid')).to.equal('true');
    }

    el.error = '';
    el.readonly = false;
    el.required = false;
    await el.updateComplete;
    for (const r of radios) {
      expect(r.hasAttribute('required')).to.equal(false);
      expect(r.hasAttribute('disabled')).to.equal(false);
      expect(r.getAttribute('aria-invalid')).to.equal('false');
    }

    // A new options array makes the choices again.
    el.options = [...options, { value: 'x', label: 'Không rõ' }];
    await el.updateComplete;
    const after = [...el.shadowRoot!.querySelectorAll('label')];
    expect(after).to.have.length(4);
    expect(after[0]).not.to.equal(labels[0]);
    expect([...el.shadowRoot!.querySelectorAll('input')].map((r) => r.checked)).to.deep.equal([
      false,
      true,
      false,
      false,
    ]);
  });

  it('a select of three: one marker for all its options, nodes kept, selected follows the value', async () => {
    const el = await fixture<DvcSelectField>(
      html`<dvc-select-field label="Giới tính" name="gt" .options=${options}></dvc-select-field>`,
    );
    // label, select, 4 options; texts: the label's, the "choose" option's and the three choices';
    // markers: render
    // root, hint, badge, error, the "choose" text and the one for the choices.
    expect(count(el.shadowRoot!)).to.deep.equal({
      [Node.ELEMENT_NODE]: 6,
      [Node.TEXT_NODE]: 5,
      [Node.COMMENT_NODE]: 4,
    });
    const select = el.shadowRoot!.querySelector('select')!;
    const nodes = [...select.options];
    expect(nodes.map((o) => [o.value, o.textContent])).to.deep.equal([
      ['', '— Chọn —'],
      ['nam', 'Nam'],
      ['nu', 'Nữ'],
      ['khac', 'Khác'],
    ]);
    el.value = 'khac';
    await el.updateComplete;
    expect([...select.options]).to.deep.equal(nodes);
    expect(select.value).to.equal('khac');
    expect(nodes.map((o) => o.hasAttribute('selected'))).to.deep.equal([false, false, false, true]);
    el.value = '';
    await el.updateComplete;
    expect(select.value).to.equal('');
    expect(nodes.map((o) => o.hasAttribute('selected'))).to.deep.equal([true, false, false, false]);
  });
});
