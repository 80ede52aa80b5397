/**
 * What a screen reader hears about the parts of an address question (WCAG 4.1.2 name, role,
 * value; 3.3.1 error identification), on the birth-registration sample's child page:
 * - the child's hometown (quê quán) is a place, commune and province only (`$defs/place` requires
 *   no street): its street box must not be announced as required, and says "(không bắt buộc)";
 * - the place of birth is an address: its street box is required, and when only the street is
 *   missing, only the street box is invalid, not the province and commune already chosen;
 * - the father's residence is asked right under the mother's (WCAG 2.2 SC 3.3.7 Redundant Entry):
 *   one button takes the mother's again, as the answer the form keeps and shows on review.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { Procedure } from '../../../src/procedure/types.js';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../../schemas/procedures/dang-ky-khai-sinh.cases.json';

const procedure = khaiSinh as unknown as Procedure;
const { today, cases } = khaiSinhCases as unknown as {
  today: string;
  cases: { answers: Record<string, Record<string, unknown>> }[];
};

async function pressContinue(el: DvcForm): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

function part(el: DvcForm, path: string, id: string): HTMLElement {
  const address = el.shadowRoot!.querySelector(`[data-path="${path}"]`)!;
  return address.shadowRoot!.querySelector<HTMLElement>(`#${id}`)!;
}

const invalidParts = (el: DvcForm, path: string) =>
  ['province', 'commune', 'street'].map((id) => part(el, path, id).getAttribute('aria-invalid'));

describe('dvc-form address parts', () => {
  it('a hometown asks no street; a missing street marks only the street box invalid', async () => {
    const { eligibility, requester, child } = cases[0].answers;
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${procedure}
        .prefill=${{
          eligibility,
          requester,
          child: {
            ...child,
            placeOfBirth: { province: '01', commune: '00008', street: '' },
            hometown: { province: '01', commune: '00004' },
          },
        }}
        today=${today}
      ></dvc-form>`,
    );
    await el.settled();
    await pressContinue(el);
    await pressContinue(el);
    expect(el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim()).to.equal(
      'Thông tin của trẻ',
    );

    const hometownStreet = part(el, 'child.hometown', 'street') as HTMLInputElement;
    expect(hometownStreet.required).to.equal(false);
    expect(hometownStreet.labels![0].textContent!.trim()).to.equal(
      'Số nhà, tên đường, thôn, tổ dân phố (không bắt buộc)',
    );
    const birthStreet = part(el, 'child.placeOfBirth', 'street') as HTMLInputElement;
    expect(birthStreet.required).to.equal(true);
    expect(birthStreet.labels![0].textContent!.trim()).to.equal(
      'Số nhà, tên đường, thôn, tổ dân phố',
    );

    await pressContinue(el);
    const summary = el.shadowRoot!.querySelector('dvc-error-summary')!;
    expect(
      [...summary.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()),
    ).to.deep.equal(['Nhập số nhà, tên đường hoặc thôn, tổ dân phố cho địa chỉ nơi sinh']);
    expect(invalidParts(el, 'child.placeOfBirth')).to.deep.equal(['false', 'false', 'true']);
    expect(invalidParts(el, 'child.hometown')).to.deep.equal(['false', 'false', 'false']);
  });

  it("the father's residence takes the mother's with one key press", async () => {
    const { eligibility, requester, child, mother, father } = cases[0].answers;
    const { residence: _, ...fatherWithoutResidence } = father;
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${procedure}
        .prefill=${{ eligibility, requester, child, mother, father: fatherWithoutResidence }}
        today=${today}
      ></dvc-form>`,
    );
    await el.settled();
    await pressContinue(el);
    await pressContinue(el);
    await pressContinue(el);
    expect(el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim()).to.equal(
      'Thông tin của cha, mẹ',
    );
    const fatherAddress = el.shadowRoot!.querySelector<HTMLElement>(
      '[data-path="father.residence"]',
    )!;
    const offer = () =>
      fatherAddress.shadowRoot!.querySelector<HTMLButtonElement>('button[part="reuse"]');
    expect(offer()!.textContent!.trim()).to.equal(
      'Dùng lại địa chỉ đã khai ở “Nơi cư trú của người mẹ”',
    );
    offer()!.focus();
    await sendKeys({ press: 'Enter' });
    await el.settled();
    expect(
      (el as unknown as { answers: Record<string, Record<string, unknown>> }).answers.father
        .residence,
    ).to.deep.equal(mother.residence);
    expect(offer()).to.equal(null);
    await pressContinue(el);
    expect(el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim()).to.equal(
      'Giấy tờ cần nộp',
    );
  });
});
