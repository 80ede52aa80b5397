/**
 * Address questions in the items of a repeat group, as a screen reader meets them (fixture:
 * fixtures/repeat-addresses.json, a group at `household.people` whose people each have a
 * residence, `$defs/address`, and a hometown, `$defs/place`, which needs no street):
 * - a hometown in an item is a place, as at a question of its own: its street box is not
 *   required and says "(không bắt buộc)". Only top-level addresses got `street-optional` from
 *   the schema, so an item's hometown demanded a street the schema does not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcAddressField } from '../../../components/address-field/address-field.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/repeat-addresses.json';
import { headingText, root } from './form-harness.js';

const RESIDENCE = { province: '01', commune: '00004', street: 'Số 1 phố Hàng Bài' };
const HOMETOWN = { province: '01', commune: '00008' };

async function mountForm(lang = 'vi'): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      lang=${lang}
      .procedureData=${procedure as unknown as Procedure}
      .prefill=${{
        household: {
          people: [
            { fullName: 'Nguyễn Văn An', residence: RESIDENCE, hometown: HOMETOWN },
            { fullName: 'Nguyễn Thị Bình' },
          ],
        },
      }}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  return el;
}

const group = (el: DvcForm) => root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
async function address(el: DvcForm, index: number, field: string): Promise<DvcAddressField> {
  const found = group(el).shadowRoot!.querySelectorAll<DvcAddressField>(`[data-field="${field}"]`)[
    index
  ]!;
  await found.unitsReady();
  return found;
}
const street = (a: DvcAddressField) => a.shadowRoot!.querySelector<HTMLInputElement>('#street')!;

describe('dvc-form: addresses in repeated items', () => {
  it('an item’s hometown asks no street, its residence does', async () => {
    const el = await mountForm();
    expect(headingText(el)).to.equal('Người trong hộ');
    for (const index of [0, 1]) {
      const hometown = await address(el, index, 'hometown');
      expect(hometown.streetOptional).to.equal(true);
      expect(street(hometown).required).to.equal(false);
      expect(street(hometown).labels![0].textContent!.trim()).to.equal(
        'Số nhà, tên đường, thôn, tổ dân phố (không bắt buộc)',
      );
      const residence = await address(el, index, 'residence');
      expect(residence.streetOptional).to.equal(false);
      expect(street(residence).required).to.equal(true);
      expect(street(residence).labels![0].textContent!.trim()).to.equal(
        'Số nhà, tên đường, thôn, tổ dân phố',
      );
    }
  });
});
