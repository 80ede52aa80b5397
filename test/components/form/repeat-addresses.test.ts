/**
 * Address questions in the items of a repeat group, as a screen reader meets them (fixture:
 * fixtures/repeat-addresses.json, a group at `household.people` whose people each have a
 * residence, `$defs/address`, and a hometown, `$defs/place`, which needs no street):
 * - a hometown in an item is a place, as at a question of its own: its street box is not
 *   required and says "(không bắt buộc)". Only top-level addresses got `street-optional` from
 *   the schema, so an item's hometown demanded a street the schema does not;
 * - a person's residence offers the one given for the person before, and the offer names that
 *   person: every item's residence has the same label, so "Dùng lại địa chỉ đã khai ở “Nơi ở
 *   hiện tại”" did not say whose, and read as if it were this very question.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
const offer = (a: DvcAddressField) =>
  a.shadowRoot!.querySelector<HTMLButtonElement>('button[part="reuse"]');

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

  it('the second person’s residence offers the first person’s, naming that person', async () => {
    const el = await mountForm();
    const second = await address(el, 1, 'residence');
    expect(offer(second)!.textContent!.trim()).to.equal(
      'Dùng lại địa chỉ đã khai ở “Nơi ở hiện tại” của Người thứ 1',
    );
    // The hometown, a place, offers the first person's hometown, not a residence.
    expect(offer(await address(el, 1, 'hometown'))!.textContent!.trim()).to.equal(
      'Dùng lại địa chỉ đã khai ở “Quê quán” của Người thứ 1',
    );
    // The first person has nobody before them to copy from.
    expect(offer(await address(el, 0, 'residence'))).to.equal(null);
    offer(second)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.settled();
    expect(group(el).value[1]!.residence).to.deep.equal(RESIDENCE);
    expect(offer(second)).to.equal(null);
  });

  it('names the person in English too', async () => {
    const el = await mountForm('en');
    expect(offer(await address(el, 1, 'residence'))!.textContent!.trim()).to.equal(
      'Use the address given in “Current residence” for Person 1',
    );
  });
});
