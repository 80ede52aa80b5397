/**
 * Repeated items as the person meets them (fixture: test/src/session/fixtures/
 * repeat-optional-number.json, an optional number at a question and in each person):
 * - an optional number typed and then emptied in an item is no answer, as at a question: it
 *   stopped Continue with "… phải là một số nguyên" (src/session/answered-items.ts decides it);
 * - a draft saved with that `null` (before the rule) resumes without it, and Continue goes on;
 * - two items with the same problem get a summary line each, naming the item, and each line's
 *   link moves to its own item's box: they gave one line, linking to the first item only;
 * - an item's field put right and left loses its error and its summary line at once, while the
 *   person is still in the group (it stayed until focus left the whole group), and an item's field
 *   the person has not touched gets no error (leaving the group showed every item's);
 * - after moving items, the summary's lines name the items by their new numbers at once (they
 *   kept the old ones until the next Continue), and each line still lands in its own box.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from '../../src/session/fixtures/repeat-optional-number.json';
import { headingText, next, root, summary, summaryTexts } from './form-harness.js';

const PEOPLE = 'Người cùng cư trú';
const REVIEW = 'Kiểm tra lại thông tin';
const TOO_LARGE = 'Số năm đã sống tại đây không được lớn hơn 120';

async function mountForm(prefill?: Record<string, unknown>): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${procedure as unknown as Procedure}
      .prefill=${prefill}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  expect(headingText(el)).to.equal(PEOPLE);
  return el;
}

const group = (el: DvcForm) => root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
const itemField = (el: DvcForm, index: number, field: string) =>
  group(el).shadowRoot!.querySelectorAll<HTMLElement>(`[data-field="${field}"]`)[index]!;
const itemBox = (el: DvcForm, index: number, field: string) =>
  itemField(el, index, field).shadowRoot!.querySelector<HTMLInputElement>('#control')!;
const roomsBox = (el: DvcForm) =>
  root(el)
    .querySelector('[data-path="rooms"]')!
    .shadowRoot!.querySelector<HTMLInputElement>('#control')!;
/** The error shown at an item's field itself. */
const fieldError = (el: DvcForm, index: number, field: string) =>
  itemField(el, index, field)
    .shadowRoot!.querySelector('[part="error"]')
    ?.textContent!.replace(/\s+/g, ' ')
    .trim();
/** The error each item's field shows, `index/field: message`. */
function fieldErrors(el: DvcForm): string[] {
  const fields = group(el).shadowRoot!.querySelectorAll<HTMLElement>('[data-field]');
  return [...fields].flatMap((f) => {
    const error = f.shadowRoot!.querySelector('[part="error"]')?.textContent;
    const index = [...group(el).shadowRoot!.querySelectorAll('[part="item"]')].indexOf(
      f.closest('[part="item"]')!,
    );
    return error ? [`${index}/${f.dataset.field}: ${error.replace(/\s+/g, ' ').trim()}`] : [];
  });
}
/** The deepest focused element, through the shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Replaces a box's text with the keyboard (nothing: empties it), then leaves it for Continue. */
async function retype(el: DvcForm, box: HTMLInputElement, text: string): Promise<void> {
  box.focus();
  box.select();
  await sendKeys(text ? { type: text } : { press: 'Backspace' });
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.focus();
  await el.settled();
  await group(el).updateComplete;
}

describe('dvc-form: problems in repeated items', function () {
  // Typing with the real keyboard on a machine other runs share.
  this.timeout(30_000);

  it('an optional number typed and then emptied in an item is no answer, as at a question: Continue goes on', async () => {
    const el = await mountForm();
    await retype(el, itemBox(el, 0, 'fullName'), 'Nguyễn Văn An');
    // At the question and in the item alike: a number typed, then the box emptied.
    await retype(el, roomsBox(el), '3');
    await retype(el, roomsBox(el), '');
    await retype(el, itemBox(el, 0, 'years'), '12');
    expect(el.answers).to.deep.equal({ people: [{ fullName: 'Nguyễn Văn An', years: 12 }] });
    await retype(el, itemBox(el, 0, 'years'), '');
    expect(itemBox(el, 0, 'years').value).to.equal('');
    // Leaving the emptied box says nothing, and the answer holds no empty value.
    expect(fieldError(el, 0, 'years')).to.equal(undefined);
    expect(el.answers).to.deep.equal({ people: [{ fullName: 'Nguyễn Văn An' }] });
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([]);
    expect(headingText(el)).to.equal(REVIEW);
  });

  it('a draft saved with an emptied number as null, in an item and at a question, resumes and Continue goes on', async () => {
    // What a form before the rule saved when a number box was emptied: `null`. The draft comes
    // back as the drafts controller gives it back (restoreDraft: Session.replace), and a prefill
    // holding the same goes through each question's `set`: both are decided as typing would.
    const el = await mountForm({ people: [{ fullName: 'Lê Văn Cường', years: null }] });
    expect(el.answers).to.deep.equal({ people: [{ fullName: 'Lê Văn Cường' }] });
    await el.navigation.restoreDraft(
      { rooms: null, people: [{ fullName: 'Nguyễn Văn An', years: null }] },
      'nguoi-cung-o',
    );
    await el.settled();
    await group(el).updateComplete;
    expect(headingText(el)).to.equal(PEOPLE);
    expect(itemBox(el, 0, 'fullName').value).to.equal('Nguyễn Văn An');
    expect(itemBox(el, 0, 'years').value).to.equal('');
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([]);
    expect(headingText(el)).to.equal(REVIEW);
    expect(el.answers).to.deep.equal({ people: [{ fullName: 'Nguyễn Văn An' }] });
  });

  it('two items with the same problem get a line each, naming the item, each landing in its own box', async () => {
    const el = await mountForm({
      people: [
        { fullName: 'Nguyễn Văn An', years: 130 },
        { fullName: 'Trần Thị Bình', years: 140 },
        { fullName: 'Lê Văn Cường', years: 3 },
      ],
    });
    await next(el);
    expect(headingText(el)).to.equal(PEOPLE);
    expect(summaryTexts(el)).to.deep.equal([
      `Người thứ 1: ${TOO_LARGE}`,
      `Người thứ 2: ${TOO_LARGE}`,
    ]);
    expect(fieldError(el, 0, 'years')).to.equal(`Lỗi: ${TOO_LARGE}`);
    expect(fieldError(el, 1, 'years')).to.equal(`Lỗi: ${TOO_LARGE}`);
    expect(fieldError(el, 2, 'years')).to.equal(undefined);
    await expect(el).to.be.accessible();
    const links = summary(el)!.shadowRoot!.querySelectorAll('a');
    links[1]!.click();
    expect(deepActive()).to.equal(itemBox(el, 1, 'years'));
    links[0]!.click();
    expect(deepActive()).to.equal(itemBox(el, 0, 'years'));
    // Two problems of one item: a line each, both naming the item. In English too.
    await retype(el, itemBox(el, 0, 'fullName'), '');
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      'Người thứ 1: Nhập họ và tên',
      `Người thứ 1: ${TOO_LARGE}`,
      `Người thứ 2: ${TOO_LARGE}`,
    ]);
    el.lang = 'en';
    await el.settled();
    expect(summaryTexts(el)).to.deep.equal([
      'Person 1: Enter the full name',
      'Person 1: Years lived here must be 120 or less',
      'Person 2: Years lived here must be 120 or less',
    ]);
    // Putting the second person right takes away its line alone.
    el.lang = 'vi';
    await el.settled();
    await retype(el, itemBox(el, 1, 'years'), '14');
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      'Người thứ 1: Nhập họ và tên',
      `Người thứ 1: ${TOO_LARGE}`,
    ]);
  });
  it('goes as soon as its field is put right and left, and no untouched field gets one', async () => {
    const el = await mountForm({
      people: [
        { fullName: 'Nguyễn Văn An', years: 130 },
        { fullName: 'Trần Thị Bình', years: 140 },
      ],
    });
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      `Người thứ 1: ${TOO_LARGE}`,
      `Người thứ 2: ${TOO_LARGE}`,
    ]);
    // A third person, not answered yet: their name is required, but untouched.
    group(el).shadowRoot!.querySelector<HTMLButtonElement>('#add')!.click();
    await group(el).updateComplete;
    // The second person's years put right, then Tab to the next box, still in the group.
    const box = itemBox(el, 1, 'years');
    box.focus();
    box.select();
    await sendKeys({ type: '14' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(
      () => summaryTexts(el).length === 1,
      `the second line goes at once: ${summaryTexts(el).join(' | ')}`,
    );
    expect(summaryTexts(el)).to.deep.equal([`Người thứ 1: ${TOO_LARGE}`]);
    expect(fieldErrors(el)).to.deep.equal([`0/years: Lỗi: ${TOO_LARGE}`]);
    expect(root(el).activeElement, 'focus is still in the group').to.equal(group(el));
    // Leaving the group: the third person's name, never touched, shows no error.
    root(el).querySelector<HTMLElement>('[data-path="rooms"]')!.focus();
    await el.settled();
    await group(el).updateComplete;
    expect(fieldErrors(el)).to.deep.equal([`0/years: Lỗi: ${TOO_LARGE}`]);
    expect(summaryTexts(el)).to.deep.equal([`Người thứ 1: ${TOO_LARGE}`]);
    // Continue still checks every item.
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      `Người thứ 1: ${TOO_LARGE}`,
      'Người thứ 3: Nhập họ và tên',
    ]);
  });

  it('names the items by their new numbers as soon as they are moved', async () => {
    const el = await mountForm({
      people: [
        { fullName: 'Nguyễn Văn An', years: 130 },
        { fullName: 'Trần Thị Bình', years: 3 },
        { fullName: 'Lê Văn Cường', years: 140 },
      ],
    });
    await next(el);
    expect(summaryTexts(el)).to.deep.equal([
      `Người thứ 1: ${TOO_LARGE}`,
      `Người thứ 3: ${TOO_LARGE}`,
    ]);
    // The first person moved down: now second.
    group(el).shadowRoot!.querySelector<HTMLButtonElement>('[data-action="down"]')!.click();
    await waitUntil(
      () => summaryTexts(el)[0] === `Người thứ 2: ${TOO_LARGE}`,
      `the line follows the person: ${summaryTexts(el).join(' | ')}`,
    );
    expect(summaryTexts(el)).to.deep.equal([
      `Người thứ 2: ${TOO_LARGE}`,
      `Người thứ 3: ${TOO_LARGE}`,
    ]);
    await group(el).updateComplete;
    expect(fieldErrors(el)).to.deep.equal([
      `1/years: Lỗi: ${TOO_LARGE}`,
      `2/years: Lỗi: ${TOO_LARGE}`,
    ]);
    // Each line lands in its person's box.
    const links = summary(el)!.shadowRoot!.querySelectorAll('a');
    links[0]!.click();
    expect(deepActive()).to.equal(itemBox(el, 1, 'years'));
    expect(itemBox(el, 1, 'years').value).to.equal('130');
    links[1]!.click();
    expect(deepActive()).to.equal(itemBox(el, 2, 'years'));
  });
});
