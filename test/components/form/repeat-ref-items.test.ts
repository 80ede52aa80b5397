/**
 * A repeat group whose items the data schema gives by a `$ref` (fixture:
 * fixtures/repeat-ref-items.json, repeat-addresses.json with `household.people.items` moved to
 * `$defs/person`, a form the meta-schema allows). Which item questions are required was read off
 * the list's raw `items`, `{ "$ref": … }`, which lists none: every person's name and residence
 * were offered as optional (no `required` on the host or its boxes, so nothing announced them as
 * required) while ajv, following the `$ref`, refused the form without them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcAddressField } from '../../../components/address-field/address-field.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from './fixtures/repeat-ref-items.json';
import { headingText, root } from './form-harness.js';

async function mountForm(): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      lang="vi"
      .procedureData=${procedure as unknown as Procedure}
      .prefill=${{ household: { people: [{ fullName: 'Nguyễn Văn An' }, {}] } }}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  return el;
}

/**
 * Each item question: the host's `required`, then each box's id, native `required` (what the
 * accessibility tree announces as required: the boxes carry no `aria-required`) and label.
 */
async function markup(el: DvcForm): Promise<string[][]> {
  const group = root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
  await group.updateComplete;
  const out: string[][] = [];
  for (const host of group.shadowRoot!.querySelectorAll<HTMLElement>('[data-field]')) {
    if (host.localName === 'dvc-address-field') await (host as DvcAddressField).unitsReady();
    await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const boxes = host.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'input, select',
    );
    out.push([
      `${host.dataset.field} required=${host.hasAttribute('required')}`,
      ...[...boxes].map(
        (b) => `#${b.id} required=${b.required} label=${b.labels?.[0]?.textContent?.trim() ?? ''}`,
      ),
    ]);
  }
  return out;
}

describe('dvc-form: a repeat group whose items are a $ref', () => {
  it('asks each person’s name and residence as required, the hometown’s street as optional', async () => {
    const el = await mountForm();
    expect(headingText(el)).to.equal('Người trong hộ');
    const person = [
      ['fullName required=true', '#control required=true label=Họ và tên'],
      [
        'residence required=true',
        '#province required=true label=Tỉnh, thành phố',
        '#commune required=true label=Xã, phường, đặc khu',
        '#street required=true label=Số nhà, tên đường, thôn, tổ dân phố',
      ],
      [
        'hometown required=true',
        '#province required=true label=Tỉnh, thành phố',
        '#commune required=true label=Xã, phường, đặc khu',
        '#street required=false label=Số nhà, tên đường, thôn, tổ dân phố (không bắt buộc)',
      ],
    ];
    expect(await markup(el)).to.deep.equal([...person, ...person]);
  });
});
