/**
 * `<dvc-form>` adopting the server-rendered first page (components/form/first-page-adoption.ts):
 * while it loads the plain page stays on screen and takes answers; once ready, every answer is in
 * the session as if typed into the form's own fields, focus and caret are on the same question's
 * control, and the plain page is gone.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { FIRST_PAGE_CSS, firstPageHtml } from '../../../src/first-page/index.js';
import { axQuestions } from '../../support/ax-tree.js';
import everyWidget from '../../src/first-page/fixtures/every-widget.json';

/**
 * Each test's procedure has a code of its own: drafts are kept per code in the origin's drafts
 * database, which every test (and other test files) shares, so a draft left by an earlier test
 * would be offered in place of the one a test saves (it counts as from an earlier visit, and a
 * form that offers a draft saves nothing until the person answers the offer).
 */
let run = 0;
beforeEach(() => run++);

function procedure(): Procedure {
  const code = `9.${String(100000 + run).padStart(6, '0')}`;
  const r = loadProcedure(JSON.stringify({ ...everyWidget, code }));
  if (!r.ok) throw new Error('fixture invalid');
  return r.procedure;
}

/** A form with the plain first page inside and no procedure yet: it stays "loading". */
async function waitingForm(attributes = ''): Promise<DvcForm> {
  const markup = (await firstPageHtml(procedure(), { today: '2026-12-05' }))!;
  // As the server sends it: the markup is inside the tag before the element upgrades.
  return fixture<DvcForm>(`<dvc-form today="2026-12-05"${attributes}>${markup}</dvc-form>`);
}

/** The plain page's stylesheet on the test page, as a site links it (for layout checks). */
function linkFirstPageCss(): void {
  if (document.getElementById('dvc-fp-css')) return;
  const style = document.createElement('style');
  style.id = 'dvc-fp-css';
  style.textContent = FIRST_PAGE_CSS;
  document.head.append(style);
}

/** A draft from an earlier visit, saved with `answers` on the page `pageId`. */
async function draftFromEarlierVisit(answers: Record<string, unknown>, pageId?: string) {
  const earlier = await fixture<DvcForm>(
    `<dvc-form drafts="on" draft-consent="granted" today="2026-12-05"></dvc-form>`,
  );
  earlier.procedureData = procedure();
  await earlier.settled();
  await earlier.draftController!.ready();
  for (const [path, value] of Object.entries(answers)) earlier.fieldEvents.setAnswer(path, value);
  if (pageId) {
    earlier.pageId = pageId;
    await earlier.updateComplete;
  }
  await earlier.draftController!.flush();
  earlier.remove();
  // A draft counts as from an earlier visit when saved before this document started: this
  // document "starts" now, as a new visit would.
  Object.defineProperty(performance, 'timeOrigin', { value: Date.now() + 1, configurable: true });
  after(() => delete (performance as { timeOrigin?: number }).timeOrigin);
}

const plain = (el: DvcForm, path: string) =>
  el.querySelector<HTMLElement>(`.dvc-fp-field[data-path="${path}"]`)!;
const fieldEl = (el: DvcForm, path: string) =>
  el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>(`[data-path="${path}"]`)!;

describe('dvc-form adopts the server-rendered first page', () => {
  it('shows the plain page, not its loading line, while it loads; axe passes', async () => {
    const el = await waitingForm();
    expect(el.shadowRoot!.querySelector('slot')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
    expect(plain(el, 'fullName').getBoundingClientRect().height).to.be.greaterThan(0);
    expect(el.querySelector('[role="status"]')!.textContent).to.contain('Biểu mẫu đang tải');
    await expect(el).to.be.accessible();
  });

  it('takes every plain answer into the session as typed, keeps focus and caret, then removes the page', async () => {
    const el = await waitingForm();
    // Typed for real, decomposed Vietnamese (as some keyboards send it) into the name.
    plain(el, 'copies').querySelector('input')!.focus();
    await sendKeys({ type: '3' });
    plain(el, 'note').querySelector('textarea')!.focus();
    await sendKeys({ type: 'Giao sáng' });
    plain(el, 'province').querySelector('select')!.value = '79';
    plain(el, 'relation').querySelector<HTMLInputElement>('input[value="mother"]')!.click();
    plain(el, 'needs').querySelector<HTMLInputElement>('input[value="post"]')!.click();
    plain(el, 'agree').querySelector<HTMLInputElement>('input')!.click();
    const name = plain(el, 'fullName').querySelector('input')!;
    name.focus();
    await sendKeys({ type: 'Nguye\u0302\u0303n Va\u0306n' });
    name.setSelectionRange(3, 3);

    const changes: string[] = [];
    el.addEventListener('dvc-change', (e) => changes.push((e as CustomEvent).detail.name));
    el.procedureData = procedure();
    await el.settled();

    expect(el.session!.answers).to.deep.equal({
      fullName: 'Nguyễn Văn',
      note: 'Giao sáng',
      copies: 3,
      province: '79',
      relation: 'mother',
      agree: true,
      needs: ['post'],
    });
    // The same events as typing and leaving each field; the focused one is still being typed in.
    expect(changes).to.include.members([
      'note',
      'copies',
      'province',
      'relation',
      'needs',
      'agree',
    ]);
    expect(changes).not.to.include('fullName');
    expect(fieldEl(el, 'fullName').value).to.equal('Nguyễn Văn');
    expect(fieldEl(el, 'copies').value).to.equal(3);
    // Focus and caret on the form's own control of the same question.
    expect(el.shadowRoot!.activeElement).to.equal(fieldEl(el, 'fullName'));
    const control = fieldEl(el, 'fullName').shadowRoot!.querySelector('input')!;
    expect(fieldEl(el, 'fullName').shadowRoot!.activeElement).to.equal(control);
    expect([control.selectionStart, control.selectionEnd]).to.deep.equal([3, 3]);
    expect(el.querySelector('.dvc-first-page')).to.equal(null);
    // Typing goes on in the form's field, at the caret.
    await sendKeys({ type: 'x' });
    expect(el.session!.answers.fullName).to.equal('Nguxyễn Văn');
    await expect(el).to.be.accessible();
  });

  it('a radio that had focus gives focus to the same choice in the form', async () => {
    const el = await waitingForm();
    const mother = plain(el, 'relation').querySelector<HTMLInputElement>('input[value="mother"]')!;
    // Focused, then chosen (Firefox's WebDriver knows no "Space" key to send).
    mother.focus();
    mother.click();
    el.procedureData = procedure();
    await el.settled();
    expect(el.session!.answers).to.deep.equal({ relation: 'mother' });
    const inner = fieldEl(el, 'relation').shadowRoot!;
    expect(inner.activeElement).to.equal(inner.querySelector('input[value="mother"]'));
  });

  it('gives assistive technology the same questions as the form that replaces it (Chromium accessibility tree)', async () => {
    // Before, a radio question was a plain group whose radios were each "invalid" (their own
    // `required`, none chosen) and not required; the form's is a required radiogroup.
    const el = await waitingForm();
    const plainPage = await axQuestions();
    el.procedureData = procedure();
    await el.settled();
    // The plain page stops before the first date (src/first-page): the form's page has the
    // questions from there on and its Continue button besides. Sorted: Chromium lists a light
    // DOM slotted into a shadow root in another order than the shadow root's own nodes.
    const formPage = await axQuestions();
    expect(formPage.filter((q) => plainPage.includes(q)).sort()).to.deep.equal(
      [...plainPage].sort(),
    );
    expect(formPage.filter((q) => !plainPage.includes(q))).to.deep.equal([
      'textbox | Ngày sinh | Ví dụ: 15/03/2025 | required=false | invalid=false | checked=',
      'button | Chọn ngày trên lịch |  | required= | invalid=false | checked=',
      'textbox | Sau ngày sinh |  | required=false | invalid=false | checked=',
      'button | Tiếp tục |  | required= | invalid=false | checked=',
    ]);
    expect(plainPage).to.include(
      'radiogroup | Quan hệ với trẻ |  | required=true | invalid=false | checked=',
    );
  });

  it('with nothing typed, the form starts as without the plain page and removes it', async () => {
    const el = await waitingForm();
    el.procedureData = procedure();
    await el.settled();
    expect(el.session!.answers).to.deep.equal({});
    expect(el.querySelector('.dvc-first-page')).to.equal(null);
    expect(el.shadowRoot!.querySelector('slot:not([name])')).to.equal(null);
  });

  it('with a draft on the device: after "continue", the typed answers win over the draft for their questions', async () => {
    // An earlier visit left a draft: a name and a note.
    await draftFromEarlierVisit({ fullName: 'Trần Văn Cũ', note: 'Ghi chú cũ' });

    const markup = (await firstPageHtml(procedure(), { today: '2026-12-05' }))!;
    const el = await fixture<DvcForm>(
      `<dvc-form drafts="on" draft-consent="granted" today="2026-12-05">${markup}</dvc-form>`,
    );
    const name = plain(el, 'fullName').querySelector('input')!;
    name.focus();
    await sendKeys({ type: 'Lê Thị Mới' });
    el.procedureData = procedure();
    await el.settled();
    await el.draftController!.ready();
    await el.updateComplete;
    // The offer first; the typed answer waits for the person's choice.
    const resume = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]');
    expect(resume, 'the draft is offered').not.to.equal(null);
    resume!.click();
    await el.settled();
    expect(el.session!.answers).to.deep.equal({ fullName: 'Lê Thị Mới', note: 'Ghi chú cũ' });
    expect(el.querySelector('.dvc-first-page')).to.equal(null);
  });

  it('a first page written for another version: its answers still go in, and the console says to write it again', async () => {
    const el = await waitingForm();
    const made = el.querySelector<HTMLElement>('.dvc-first-page')!;
    made.dataset.dvcFirstPage = `${procedure().code}@0.9.0`;
    plain(el, 'fullName').querySelector('input')!.value = 'Trần Văn Cũ';
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warned.push(a.join(' '));
    try {
      el.procedureData = procedure();
      await el.settled();
    } finally {
      console.warn = warn;
    }
    // Nothing the person typed is dropped for it.
    expect(el.session!.answers).to.deep.equal({ fullName: 'Trần Văn Cũ' });
    const p = procedure();
    expect(warned).to.deep.equal([
      `dvc-forms: the first page in this <dvc-form> was written for ${p.code}@0.9.0, the form is ${p.code}@${p.version}: write it again (dvc-forms first-page)`,
    ]);
  });

  it('a question not shown at the hand-over (a draft resumed on a later page): a number typed early is kept, read as its field reads it', async () => {
    // The form shows its second page (as after resuming a draft saved there): the first page's
    // answers cannot go through their fields, and go to the session; a number was dropped.
    const el = await fixture<DvcForm>(`<dvc-form today="2026-12-05"></dvc-form>`);
    el.procedureData = procedure();
    await el.settled();
    el.pageId = 'second';
    await el.updateComplete;
    const { handOverFirstPage } = await import('../../../components/form/engine.js');
    await handOverFirstPage(
      el,
      null,
      [
        { path: 'copies', widget: 'number', value: '1.234' },
        { path: 'fullName', widget: 'text', value: 'Le\u0302 Thi\u0323' },
      ],
      undefined,
    );
    await el.settled();
    // 1.234 in Vietnamese is one thousand two hundred and thirty-four, as the number field reads it.
    expect(el.session!.answers).to.deep.equal({ copies: 1234, fullName: 'Lê Thị' });
    el.lang = 'en';
    await el.updateComplete;
    await handOverFirstPage(
      el,
      null,
      [{ path: 'copies', widget: 'number', value: '2,5' }],
      undefined,
    );
    expect(el.session!.answers.copies).to.equal(2.5);
  });

  it('a number its field cannot read, for a question not shown: its box has it whenever it shows', async () => {
    // The draft opens on the second page; the text is no number, so the session cannot keep it.
    await draftFromEarlierVisit({ again: 'Lần trước' }, 'second');
    const markup = (await firstPageHtml(procedure(), { today: '2026-12-05' }))!;
    const el = await fixture<DvcForm>(
      `<dvc-form drafts="on" draft-consent="granted" today="2026-12-05">${markup}</dvc-form>`,
    );
    plain(el, 'copies').querySelector('input')!.value = 'ba bản';
    el.procedureData = procedure();
    await el.settled();
    await el.draftController!.ready();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await el.settled();
    expect(el.pageId).to.equal('second');
    expect(el.session!.answers).to.deep.equal({ again: 'Lần trước' });
    const box = () => fieldEl(el, 'copies').shadowRoot!.querySelector('input')!;
    // Back on the first page: the text is in its box, as typed.
    el.pageId = 'first';
    await el.settled();
    await (fieldEl(el, 'copies') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(box().value).to.equal('ba bản');
    // Away and back again: still there, until the person changes it.
    el.pageId = 'second';
    await el.settled();
    el.pageId = 'first';
    await el.settled();
    await (fieldEl(el, 'copies') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(box().value).to.equal('ba bản');
    box().value = '3';
    box().dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    box().dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.settled();
    expect(el.session!.answers.copies).to.equal(3);
  });

  it('a group of check boxes: the plain ticks become exactly the answer, unticking a prefilled one', async () => {
    const el = await waitingForm();
    plain(el, 'needs').querySelector<HTMLInputElement>('input[value="post"]')!.click();
    el.prefill = { needs: ['copy'] };
    el.procedureData = procedure();
    await el.settled();
    expect(el.session!.answers.needs).to.deep.equal(['post']);
    const ticked = [
      ...fieldEl(el, 'needs').shadowRoot!.querySelectorAll<HTMLInputElement>('input:checked'),
    ].map((i) => i.value);
    expect(ticked).to.deep.equal(['post']);
  });

  it('with assisted-by: the note the plain page lacks goes below the page, so nothing moves', async () => {
    linkFirstPageCss();
    const el = await waitingForm(' assisted-by="Bưu điện xã Tân Hòa"');
    const before = plain(el, 'fullName').querySelector('input')!.getBoundingClientRect();
    el.procedureData = procedure();
    await el.settled();
    const after = fieldEl(el, 'fullName').shadowRoot!.querySelector('input')!;
    expect(Math.round(after.getBoundingClientRect().top)).to.equal(Math.round(before.top));
    // The note is still shown, after the page's questions, and above them on the next pages.
    const note = el.shadowRoot!.querySelector('[part="assisted-note"]')!;
    expect(note.textContent).to.contain('Bưu điện xã Tân Hòa');
    expect(note.getBoundingClientRect().top).to.be.greaterThan(before.bottom);
  });
});
