import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/text-field/text-field.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import { showInvalid } from '../../../components/base/custom-state.js';

/** The host's left error bar, as fieldStyles draws it. */
const bar = (el: HTMLElement) => getComputedStyle(el).borderInlineStartWidth;

describe('the invalid state of a field (CustomStateSet, with its fallback)', () => {
  it('shows the error bar in this engine, by :state(invalid) where it exists', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    expect(bar(el)).to.equal('0px');
    el.error = 'Nhập họ và tên';
    await el.updateComplete;
    expect(bar(el)).to.equal('4px');
    const native = 'CustomStateSet' in window && CSS.supports('selector(:state(invalid))');
    expect(el.hasAttribute('data-dvc-invalid')).to.equal(!native);
    el.error = '';
    await el.updateComplete;
    expect(bar(el)).to.equal('0px');
    expect(el.hasAttribute('data-dvc-invalid')).to.equal(false);
  });

  it('falls back to an attribute styled the same where states is missing or refuses the name', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    // Firefox < 126, Safari < 17.4: no `states`.
    expect(showInvalid(el, {} as ElementInternals, true)).to.equal('attribute');
    expect(el.hasAttribute('data-dvc-invalid')).to.equal(true);
    expect(bar(el)).to.equal('4px');
    // Chrome 90–124: states.add('invalid') throws (only `--name` was allowed).
    const legacy = {
      states: {
        add() {
          throw new DOMException('The name must start with --', 'SyntaxError');
        },
        delete() {
          throw new DOMException('The name must start with --', 'SyntaxError');
        },
      },
    } as unknown as ElementInternals;
    expect(showInvalid(el, legacy, false)).to.equal('attribute');
    expect(el.hasAttribute('data-dvc-invalid')).to.equal(false);
    expect(bar(el)).to.equal('0px');
  });
});
