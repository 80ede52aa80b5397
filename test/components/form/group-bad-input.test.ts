/**
 * Inside a repeat group, as at a question (bad-input.test.ts): a box holding text it cannot read
 * (a date 31/02/2026, a number "abc") leaves that item's answer empty, so the session says
 * "required" (or nothing, for an optional field, and Continue went on dropping what was typed).
 * The box's own message must be shown at the box and in the error summary, naming the item's
 * question, and the summary's line must take the person to that item's box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import { headingText, next, root, summary, summaryTexts } from './form-harness.js';

const INVALID_DATE =
  'Ngày không hợp lệ. Vui lòng nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 15/03/2025.';
const INVALID_NUMBER = 'Vui lòng chỉ nhập số, ví dụ 12.';
const RESIDENCE = 'Nơi đăng ký thường trú';
/** The first item's heading, which names each of its lines in the error summary. */
const FIRST = 'Người cùng đăng ký 1';

/** A person registering with the applicant, every answer valid. */
const HOA = {
  fullName: 'Phạm Thị Hoa',
  birthDate: '2010-05-20',
  sex: 'female',
  personalId: '001310123456',
  relationshipToHead: 'child',
};

/**
 * dang-ky-thuong-tru.json, its members asked (optionally) how many years they have lived at the
 * address too: a number box inside each item that may be left empty.
 */
function withYears(): Procedure {
  const p = structuredClone(thuongTru) as unknown as Procedure & {
    data: { properties: { members: { items: { properties: Record<string, unknown> } } } };
  };
  p.data.properties.members.items.properties.years = { type: 'integer', minimum: 0 };
  const members = p.ui.steps.flatMap((s) => s.fields).find((f) => f.field === 'members')!;
  members.fields!.push({
    field: 'years',
    widget: 'number',
    label: { vi: 'Số năm đã sống tại địa chỉ này', en: 'Years lived at this address' },
  });
  return p;
}

/** The residence page, its members given as `members`. */
async function residence(members: Record<string, unknown>[], procedure = thuongTru as unknown) {
  const answers = { ...structuredClone(thuongTruCases.cases[0].answers), members };
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${procedure as Procedure}
      .prefill=${answers}
      today="2026-11-26"
    ></dvc-form>`,
  );
  await el.settled();
  for (let i = 0; i < 4 && headingText(el) !== RESIDENCE; i++) await next(el);
  expect(headingText(el)).to.equal(RESIDENCE);
  return el;
}

const group = (el: DvcForm) => root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
/** The element of `field` in item `index` (0-based) of the group. */
const itemField = (el: DvcForm, index: number, field: string) =>
  group(el).shadowRoot!.querySelectorAll<HTMLElement & { error: string }>(
    `[data-field="${field}"]`,
  )[index]!;
const box = (el: DvcForm, index: number, field: string) =>
  itemField(el, index, field).shadowRoot!.querySelector<HTMLInputElement>('#control')!;
/** The error shown at an item's field itself. */
const fieldError = (el: DvcForm, index: number, field: string) =>
  itemField(el, index, field)
    .shadowRoot!.querySelector('[part="error"]')
    ?.textContent!.replace(/\s+/g, ' ')
    .trim();
/** The deepest focused element, through the shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Types into an item's box with the keyboard, then leaves the group for the Continue button. */
async function typeInto(el: DvcForm, index: number, field: string, text: string): Promise<void> {
  box(el, index, field).focus();
  box(el, index, field).select();
  await sendKeys({ type: text });
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.focus();
  await el.settled();
  await group(el).updateComplete;
}

describe('dvc-form: text a repeat group item cannot read', function () {
  // A page of many questions, gone through twice with axe, on a machine other runs share.
  this.timeout(30_000);

  it('an impossible date in an item gets the invalid-date message, at the box and in the summary, whose line lands in that box', async () => {
    // The first person lacks answers the session asks for; the second types 31/02/2026.
    const el = await residence([{ fullName: 'Phạm Thị Hoa', sex: 'female' }, { ...HOA }]);
    await typeInto(el, 1, 'birthDate', '31/02/2026');
    // Leaving the group: the box's own message at the box, not "required".
    expect(fieldError(el, 1, 'birthDate')).to.equal(`Lỗi: ${INVALID_DATE}`);
    // Continue: stopped, the same message at the box and in the summary, in page order and
    // naming the item's question; the first person's problems are still there.
    await next(el);
    expect(headingText(el)).to.equal(RESIDENCE);
    expect(summaryTexts(el)).to.deep.equal([
      `${FIRST}: Nhập ngày, tháng, năm sinh`,
      `${FIRST}: Nhập số định danh cá nhân`,
      `${FIRST}: Chọn quan hệ với chủ hộ`,
      `Người cùng đăng ký 2: ${INVALID_DATE} (câu hỏi: Ngày, tháng, năm sinh)`,
    ]);
    expect(root(el).activeElement).to.equal(summary(el));
    expect(group(el).errors['/1/birthDate']).to.equal(INVALID_DATE);
    expect(fieldError(el, 1, 'birthDate')).to.equal(`Lỗi: ${INVALID_DATE}`);
    expect(fieldError(el, 0, 'birthDate')).to.equal('Lỗi: Nhập ngày, tháng, năm sinh');
    expect(box(el, 1, 'birthDate').value).to.equal('31/02/2026');
    expect(box(el, 1, 'birthDate').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // In English too, when the language changes with the message on screen.
    el.lang = 'en';
    await el.settled();
    expect(summaryTexts(el)[3]).to.equal(
      'Person registering with you 2: Enter a real date as day/month/year, for example 15/03/2025. (question: Date of birth)',
    );
    el.lang = 'vi';
    await el.settled();
    // Its line lands in the second person's box, not the first person's empty one.
    summary(el)!.shadowRoot!.querySelectorAll('a')[3]!.click();
    expect(deepActive()).to.equal(box(el, 1, 'birthDate'));
    // The first line still lands in the first person's box.
    summary(el)!.shadowRoot!.querySelectorAll('a')[0]!.click();
    expect(deepActive()).to.equal(box(el, 0, 'birthDate'));
    // A real date clears it.
    await typeInto(el, 1, 'birthDate', '20/05/2010');
    expect(fieldError(el, 1, 'birthDate')).to.equal(undefined);
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      `${FIRST}: Nhập ngày, tháng, năm sinh`,
      `${FIRST}: Nhập số định danh cá nhân`,
      `${FIRST}: Chọn quan hệ với chủ hộ`,
    ]);
  });

  it('an optional number holding "abc" in an item stops Continue with the invalid-number message', async () => {
    const el = await residence([{ ...HOA }], withYears());
    await typeInto(el, 0, 'years', 'abc');
    expect(fieldError(el, 0, 'years')).to.equal(`Lỗi: ${INVALID_NUMBER}`);
    await next(el);
    expect(headingText(el)).to.equal(RESIDENCE);
    expect(summaryTexts(el)).to.deep.equal([
      `${FIRST}: ${INVALID_NUMBER} (câu hỏi: Số năm đã sống tại địa chỉ này)`,
    ]);
    expect(box(el, 0, 'years').value).to.equal('abc');
    await expect(el).to.be.accessible();
    summary(el)!.shadowRoot!.querySelector('a')!.click();
    expect(deepActive()).to.equal(box(el, 0, 'years'));
    // A number clears it, and Continue goes on.
    await typeInto(el, 0, 'years', '3');
    expect(fieldError(el, 0, 'years')).to.equal(undefined);
    await next(el);
    expect(headingText(el)).to.equal('Giấy tờ cần nộp');
  });
});
