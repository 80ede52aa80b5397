/**
 * A format 1.2 `copyFrom` with a `when` on an address question in `<dvc-form>`. The address field
 * has its own "Dùng lại địa chỉ đã khai ở “…”" button, which offered the nearest complete address
 * above whatever the question's `copyFrom` said: it showed the source while the `when` was false.
 * Now the rules' verdict (RulesResult.copyOffers) decides that button as it decides the form's
 * offer: the father's residence offers the mother's while "the parents live together" holds, and
 * no address at all while it does not, not even the mother's workplace just above it (a question
 * with a `copyFrom` is offered its source or nothing, copy-offer.ts). The source on an earlier
 * page: the form's own offer, again only while its `when` holds, and never a second button.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import type { Procedure } from '../../../src/procedure/types.js';
import base from '../../src/procedure/fixtures/valid-copy-when.json';
import { answer, button, field, headingText, next, root } from './form-harness.js';

const ADDRESS = { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' };
const WORK = { province: '01', commune: '00008', street: 'Số 1 phố Tràng Tiền' };

const address = (vi: string) => ({ field: '', widget: 'address' as const, label: { vi } });
const holds = (fact: string, value: string) => ({
  all: [{ fact, operator: 'equal', value }],
});

/**
 * valid-copy-when.json with addresses: the requester's residence on the first page; on the
 * second, the mother's (copied from the requester's when the requester is the mother), her
 * workplace, whether the parents live together, and the father's (copied from the mother's
 * when they do).
 */
function procedure(): Procedure {
  const p = structuredClone(base) as unknown as Procedure & {
    data: { $defs: Record<string, unknown>; properties: Record<string, unknown> };
  };
  p.data.$defs['address'] = {
    type: 'object',
    properties: {
      province: { type: 'string', format: 'vn-province-2025' },
      commune: { type: 'string', format: 'vn-commune-2025' },
      street: { type: 'string', minLength: 1, maxLength: 200 },
    },
    required: ['province', 'commune', 'street'],
    additionalProperties: false,
  };
  const ref = { $ref: '#/$defs/address' };
  Object.assign(p.data.properties, {
    home: ref,
    motherHome: ref,
    motherWork: ref,
    together: { type: 'string', enum: ['yes', 'no'] },
    fatherHome: ref,
  });
  p.ui.steps[0]!.fields.push({ ...address('Nơi cư trú của người yêu cầu'), field: 'home' });
  p.ui.steps[1]!.fields = [
    {
      ...address('Nơi cư trú của người mẹ'),
      field: 'motherHome',
      copyFrom: { field: 'home', when: holds('relation', 'mother') },
    },
    { ...address('Nơi làm việc của người mẹ'), field: 'motherWork' },
    {
      field: 'together',
      widget: 'radio',
      label: { vi: 'Cha và mẹ sống cùng nhau' },
      options: [
        { value: 'yes', label: { vi: 'Có' } },
        { value: 'no', label: { vi: 'Không' } },
      ],
    },
    {
      ...address('Nơi cư trú của người cha'),
      field: 'fatherHome',
      copyFrom: { field: 'motherHome', when: holds('together', 'yes') },
    },
  ] as Procedure['ui']['steps'][number]['fields'];
  return p;
}

async function form(): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form .procedureData=${procedure()} lang="vi" today="2026-12-06"></dvc-form>`,
  );
  await el.settled();
  return el;
}

/** An address chosen as the field commits it: `input`, then `change` and `dvc-change`. */
async function answerAddress(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = field(el, path)!;
  f.value = value;
  f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  f.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

/** The second page reached, the requester being `relation`, with the requester's residence. */
async function toSecondPage(el: DvcForm, relation: string): Promise<void> {
  await answer(el, 'child.birthDate', '2026-11-20');
  await next(el);
  await answer(el, 'child.fullName', 'Nguyễn Thị Mai');
  await answer(el, 'relation', relation);
  await answerAddress(el, 'home', ADDRESS);
  await next(el);
  expect(headingText(el)).to.equal('Giấy tờ');
}

/** The address field's own button on `path`, as its text, or null. */
const ownOffer = (el: DvcForm, path: string): string | null =>
  field(el, path)!.shadowRoot!.querySelector('button[part="reuse"]')?.textContent?.trim() ?? null;

/** The form's offers, as the question each stands above and its text. */
const formOffers = (el: DvcForm) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button[part~="copy-offer"]')].map((b) => [
    b.closest('p')!.nextElementSibling?.getAttribute('data-path'),
    b.textContent!.trim(),
  ]);

describe('<dvc-form>: an address question’s copyFrom with a when (format 1.2)', () => {
  it('the address field’s button follows the condition, offering the source only', async () => {
    const el = await form();
    await toSecondPage(el, 'father');
    await answerAddress(el, 'motherHome', ADDRESS);
    await answerAddress(el, 'motherWork', WORK);
    // Undecided (not answered yet): no offer, though two complete addresses are above.
    await (field(el, 'fatherHome') as unknown as { updateComplete: Promise<boolean> })
      .updateComplete;
    expect(ownOffer(el, 'fatherHome')).to.equal(null);

    await answer(el, 'together', 'yes');
    await waitUntil(() => ownOffer(el, 'fatherHome') !== null, 'the offer appears');
    // The mother's residence, which copyFrom names, not her workplace just above.
    expect(ownOffer(el, 'fatherHome')).to.equal(
      'Dùng lại địa chỉ đã khai ở “Nơi cư trú của người mẹ”',
    );
    await expect(el).to.be.accessible();

    await answer(el, 'together', 'no');
    await waitUntil(() => ownOffer(el, 'fatherHome') === null, 'the offer goes');

    await answer(el, 'together', 'yes');
    await waitUntil(() => ownOffer(el, 'fatherHome') !== null, 'the offer comes back');
    expect(ownOffer(el, 'fatherHome')).to.equal(
      'Dùng lại địa chỉ đã khai ở “Nơi cư trú của người mẹ”',
    );
    expect(formOffers(el)).to.deep.equal([]);
  });

  it('a source on an earlier page: the form’s offer while the condition holds, one button', async () => {
    const el = await form();
    await toSecondPage(el, 'mother');
    expect(formOffers(el)).to.deep.equal([
      ['motherHome', 'Dùng lại địa chỉ đã khai ở “Nơi cư trú của người yêu cầu”'],
    ]);
    expect(ownOffer(el, 'motherHome')).to.equal(null);

    button(el, 'secondary')!.click();
    await el.settled();
    await answer(el, 'relation', 'father');
    await next(el);
    expect(headingText(el)).to.equal('Giấy tờ');
    expect(formOffers(el)).to.deep.equal([]);
    expect(ownOffer(el, 'motherHome')).to.equal(null);
  });
});
