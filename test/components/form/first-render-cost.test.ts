import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
// The bench's own generated procedure (bench/lib/generate.mjs): the page the usable-form row
// measures, with its mix of text, date, number, select, phone, e-mail, radio and ID questions.
import { generateProcedure } from '../../../bench/lib/generate.mjs';

/**
 * What the first render of a page of questions costs, counted (issue 22 point 3, "usable at 200
 * fields"; bench/ measures the time, docs/performance.md round 5 says where it goes). Each count
 * is per question and would change if the work it pins came back.
 */
const N = 40;

interface Counts {
  setAttribute: number;
  removeAttribute: number;
  calls: Map<string, number>;
}

/** Counts attribute writes on the field elements (the form's questions) while `run` runs. */
async function countHostWrites(run: () => Promise<void>): Promise<Counts> {
  const counts: Counts = { setAttribute: 0, removeAttribute: 0, calls: new Map() };
  const proto = Element.prototype;
  const { setAttribute, removeAttribute } = proto;
  const isField = (el: Element) => el.localName.startsWith('dvc-') && el.localName !== 'dvc-form';
  proto.setAttribute = function (this: Element, name: string, value: string) {
    if (isField(this)) {
      counts.setAttribute++;
      counts.calls.set(`set ${name}`, (counts.calls.get(`set ${name}`) ?? 0) + 1);
    }
    return setAttribute.call(this, name, value);
  };
  proto.removeAttribute = function (this: Element, name: string) {
    if (isField(this)) {
      counts.removeAttribute++;
      counts.calls.set(`remove ${name}`, (counts.calls.get(`remove ${name}`) ?? 0) + 1);
    }
    return removeAttribute.call(this, name);
  };
  try {
    await run();
  } finally {
    proto.setAttribute = setAttribute;
    proto.removeAttribute = removeAttribute;
  }
  return counts;
}

describe('dvc-form: the cost of the first render of a page of questions', () => {
  it('writes on each question only the attributes it has', async () => {
    let el!: DvcForm;
    const counts = await countHostWrites(async () => {
      el = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${generateProcedure(N)}
          today="2025-07-01"
          drafts="off"
        ></dvc-form>`,
      );
      await el.settled();
    });
    expect(el.shadowRoot!.querySelectorAll('[data-path]').length).to.equal(N);
    // lit's own template markers (`lit$…`) are removed once per template, not per question.
    const writes = Object.fromEntries([...counts.calls].filter(([k]) => !k.includes('lit$')));
    // Each question: its id and path (the form's binding), its name, required when it is
    // (half of the generated questions), the form's language, and the error state's fallback
    // attribute cleared (custom-state.ts). No write for a property left at its default: before
    // round 5 each question also removed disabled, readonly and prefilled (and required when not
    // required) that it never had, each write a trip through the element's reflection.
    expect(writes).to.deep.equal({
      'set id': N,
      'set data-path': N,
      'set name': N,
      'set required': N / 2,
      'set lang': N,
      'remove data-dvc-invalid': N,
    });
  });
});
