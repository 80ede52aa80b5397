/**
 * A group prefilled from the citizen's account (`prefill`) keeps its "Đã điền sẵn" mark when an
 * item of it has an emptied member (an account's unknown number is `null`): the session keeps
 * the item without that member (answered-items.ts, one rule for an emptied answer), and the
 * mark compares the answer with the prefilled value as the session keeps it. Before, the raw
 * value was remembered, the two never matched, and the mark was lost from the start.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from '../../src/session/fixtures/repeat-optional-number.json';

async function form(prefill: Record<string, unknown>): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${procedure as unknown as Procedure}
      .prefill=${prefill}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  return el;
}

const group = (el: DvcForm) => el.shadowRoot!.querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
const badge = (el: DvcForm) =>
  group(el).shadowRoot!.querySelector('[part~="prefilled"]')?.textContent?.trim();

describe('<dvc-form>: a prefilled group with an emptied member', () => {
  it('is marked “Đã điền sẵn”, and is no longer once its answer changes', async () => {
    const el = await form({
      rooms: 2,
      people: [
        { fullName: 'Nguyễn Văn An', years: null },
        { fullName: 'Trần Thị Bình', years: 4 },
      ],
    });
    expect(el.answers).to.deep.equal({
      rooms: 2,
      people: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Trần Thị Bình', years: 4 }],
    });
    expect(group(el).prefilled).to.equal(true);
    expect(badge(el)).to.equal('Đã điền sẵn');
    // The person changes an item: the answer is theirs now, the mark goes.
    el.fieldEvents.setAnswer('people', [
      { fullName: 'Nguyễn Văn An', years: 30 },
      { fullName: 'Trần Thị Bình', years: 4 },
    ]);
    await el.settled();
    expect(group(el).prefilled).to.equal(false);
    expect(badge(el)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
