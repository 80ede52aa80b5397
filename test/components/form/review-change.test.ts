// "Sửa" on the review page lands on the question's own control (the lead's decision, session 21):
// a field's box, a repeat group item's first field, a document's file button, scrolled into view;
// Continue then comes back to the review page.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import type { Procedure } from '../../../src/procedure/types.js';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import { attachDocuments } from './attach-documents.js';
import { field, headingText, mount, next, root, toReview } from './form-harness.js';

const REVIEW = 'Kiểm tra lại thông tin';

/** The "Sửa" link whose accessible name ends with `name` ("Sửa Ngày sinh"). */
function changeLink(el: DvcForm, name: string): HTMLAnchorElement {
  const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="change-link"]')];
  const link = links.find((a) => a.textContent!.replace(/\s+/g, ' ').trim() === `Sửa ${name}`);
  if (!link) throw new Error(`no "Sửa ${name}" link`);
  return link;
}

/** The control that has focus inside `e`'s shadow roots (the input a person types in). */
function deepest(e: Element): Element {
  while (e.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
  return e;
}

/** Whether the element's box is inside the window (focus() scrolled it into view). */
function inView(e: Element): boolean {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
}

async function change(el: DvcForm, name: string): Promise<void> {
  changeLink(el, name).click();
  await el.settled();
  await aTimeout(0);
}

describe('dvc-form "Sửa" on the review page', () => {
  it("focuses the question's control, then Continue comes back to the review page", async () => {
    const el = await mount();
    await toReview(el);
    await change(el, 'Ngày sinh');
    expect(headingText(el)).to.equal('Thông tin người được khai sinh');
    const date = field(el, 'ngaySinh')!;
    expect(root(el).activeElement, 'the date field, not the heading').to.equal(date);
    const box = date.shadowRoot!.activeElement!;
    expect(box.tagName).to.equal('INPUT');
    expect(inView(box)).to.equal(true);
    await next(el);
    expect(headingText(el)).to.equal(REVIEW);

    // A document's row: its file button, on the documents page.
    await change(el, 'Giấy chứng sinh');
    expect(headingText(el)).to.equal('Giấy tờ');
    const upload = el.querySelector<DvcUpload>('dvc-upload')!;
    await waitUntil(() => document.activeElement === upload, 'focus on the upload');
    expect(upload.shadowRoot!.activeElement!.id).to.equal('control');
    expect(inView(upload.shadowRoot!.activeElement!)).to.equal(true);
    await next(el);
    expect(headingText(el)).to.equal(REVIEW);
  });

  it("lands on a repeat group item's first field", async () => {
    const answers = structuredClone(thuongTruCases.cases[0].answers) as Record<string, unknown>;
    answers.members = [
      {
        fullName: 'Phạm Thị Hoa',
        birthDate: '2010-02-03',
        sex: 'female',
        personalId: '001310123456',
        relationshipToHead: 'child',
      },
      {
        fullName: 'Phạm Văn An',
        birthDate: '2012-04-05',
        sex: 'male',
        personalId: '001212123456',
        relationshipToHead: 'child',
      },
    ];
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${thuongTru as unknown as Procedure}
        .prefill=${answers}
        today="2026-11-26"
      ></dvc-form>`,
    );
    await el.settled();
    for (let i = 0; i < 10 && headingText(el) !== REVIEW; i++) {
      attachDocuments(el);
      await next(el);
    }
    expect(headingText(el)).to.equal(REVIEW);
    // Every "Sửa" is a 44 px target (docs/form.md "Theming"), an item's too: the review page's
    // styles come with its chunk (print.styles.ts).
    for (const link of root(el).querySelectorAll('[part~="change-link"]'))
      expect(link.getBoundingClientRect().height, link.textContent!).to.be.at.least(44);
    await change(el, 'Người cùng đăng ký 2');
    expect(headingText(el)).to.equal('Nơi đăng ký thường trú');
    const group = root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
    expect(root(el).activeElement).to.equal(group);
    const focused = group.shadowRoot!.activeElement as HTMLElement & { value: unknown };
    expect(focused.dataset.field).to.equal('fullName');
    expect(focused.value).to.equal('Phạm Văn An');
    expect(inView(deepest(focused))).to.equal(true);
    await next(el);
    expect(headingText(el)).to.equal(REVIEW);

    // The group's own row: its first item's first field.
    await change(el, 'Thành viên trong hộ gia đình cùng đăng ký (nếu có)');
    const first = group.isConnected
      ? group
      : root(el).querySelector<DvcRepeatGroup>('dvc-repeat-group')!;
    const own = first.shadowRoot!.activeElement as HTMLElement & { value: unknown };
    expect(own.value).to.equal('Phạm Thị Hoa');
  });
});
