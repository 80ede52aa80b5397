/**
 * `copyFrom` (format 1.1, WCAG 2.2 SC 3.3.7 Redundant Entry) in `<dvc-form>`: on a later page an
 * empty question offers the earlier answer it names with one button whose name says where the
 * answer was given; pressing it (mouse or keyboard) copies the answer (a group: its items) as an
 * ordinary change, moves focus into the question and the button goes. An answered question is
 * never offered a copy, nor is an empty, hidden or invalid source offered. The copy is kept in
 * the draft like a typed answer: a reloaded page that continues it has the copy back.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from '../../src/procedure/fixtures/valid-copy-from.json';
import { answer, field, headingText, next, root } from './form-harness.js';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { mountDraftForm } from '../../support/draft-form.js';

const CHILD = 'Nguyễn Thị Mai';
const SIBLINGS = [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Nguyễn Thị Bình' }];

async function form(
  options: { lang?: string; prefill?: Record<string, unknown> } = {},
): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${procedure as unknown as Procedure}
      .prefill=${options.prefill}
      lang=${options.lang ?? 'vi'}
      today="2026-12-06"
    ></dvc-form>`,
  );
  await el.settled();
  return el;
}

/** The first pages answered (the child's birth date, name, relation, siblings). */
async function toSecondPage(el: DvcForm, siblings = true): Promise<void> {
  // The eligibility rule's question (the birth date) comes first, on a page of its own.
  await answer(el, 'child.birthDate', '2026-11-20');
  await next(el);
  await answer(el, 'child.fullName', CHILD);
  await answer(el, 'relation', 'mother');
  if (siblings) await answer(el, 'siblings', SIBLINGS);
  await next(el);
  expect(headingText(el)).to.equal('Giấy tờ');
}

const offers = (el: DvcForm) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button[part~="copy-offer"]')].map((b) => ({
    text: b.textContent!.trim(),
    name: b.getAttribute('aria-label'),
    before: b.closest('p')!.nextElementSibling?.getAttribute('data-path'),
  }));
const offerFor = (el: DvcForm, path: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button[part~="copy-offer"]')].find(
    (b) => b.closest('p')!.nextElementSibling?.getAttribute('data-path') === path,
  );

describe('<dvc-form>: copyFrom offers an earlier answer on a later page', () => {
  it('offers each answered source above its empty question, named by both questions', async () => {
    const el = await form();
    await toSecondPage(el);
    expect(offers(el)).to.deep.equal([
      {
        text: 'Dùng lại câu trả lời đã khai ở “Họ, chữ đệm và tên”',
        name: 'Dùng lại câu trả lời đã khai ở “Họ, chữ đệm và tên” cho “Họ, chữ đệm và tên của mẹ”',
        before: 'mother.fullName',
      },
      {
        text: 'Dùng lại danh sách đã khai ở “Anh chị em”',
        name: 'Dùng lại danh sách đã khai ở “Anh chị em” cho “Anh chị em họ”',
        before: 'cousins',
      },
    ]);
    await expect(el).to.be.accessible();
  });

  it('copies the answer as a change: saved in the answers, focus in the question, offer gone', async () => {
    const el = await form();
    await toSecondPage(el);
    offerFor(el, 'mother.fullName')!.click();
    await el.settled();
    await el.updateComplete;
    expect(el.answers.mother).to.deep.equal({ fullName: CHILD });
    expect(field(el, 'mother.fullName')!.value).to.equal(CHILD);
    expect(root(el).activeElement).to.equal(field(el, 'mother.fullName'));
    expect(offerFor(el, 'mother.fullName')).to.equal(undefined);
    // The copy is the person's own answer now: changing it leaves the source alone.
    await answer(el, 'mother.fullName', 'Trần Thị Lan');
    expect(el.answers.child).to.deep.equal({ fullName: CHILD, birthDate: '2026-11-20' });
    expect(el.answers.mother).to.deep.equal({ fullName: 'Trần Thị Lan' });
  });

  it('copies a group’s items with the keyboard, Enter on the focused button', async () => {
    const el = await form();
    await toSecondPage(el);
    offerFor(el, 'cousins')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.settled();
    await el.updateComplete;
    expect(el.answers.cousins).to.deep.equal(SIBLINGS);
    expect(el.answers.siblings).to.deep.equal(SIBLINGS);
    expect(el.answers.cousins).not.to.equal(el.answers.siblings);
    expect(root(el).activeElement).to.equal(field(el, 'cousins'));
    expect(offers(el).map((o) => o.before)).to.deep.equal(['mother.fullName']);
    await expect(el).to.be.accessible();
  });

  it('never offers a copy over an answer given or prefilled, nor from an empty source', async () => {
    const typed = await form();
    await toSecondPage(typed);
    await answer(typed, 'mother.fullName', 'Trần Thị Lan');
    expect(offers(typed).map((o) => o.before)).to.deep.equal(['cousins']);

    const prefilled = await form({ prefill: { mother: { fullName: 'Lê Thị Hoa' } } });
    await toSecondPage(prefilled);
    expect(offers(prefilled).map((o) => o.before)).to.deep.equal(['cousins']);
    expect(prefilled.answers.mother).to.deep.equal({ fullName: 'Lê Thị Hoa' });

    // No siblings given: nothing to offer the cousins.
    const none = await form();
    await toSecondPage(none, false);
    expect(offers(none).map((o) => o.before)).to.deep.equal(['mother.fullName']);
  });

  it('speaks English in an English form', async () => {
    const el = await form({ lang: 'en' });
    await toSecondPage(el);
    expect(offers(el).map((o) => [o.text, o.name])).to.deep.equal([
      [
        'Use the answer given in “Họ, chữ đệm và tên”',
        'Use the answer given in “Họ, chữ đệm và tên” for “Họ, chữ đệm và tên của mẹ”',
      ],
      [
        'Use the list given in “Anh chị em”',
        'Use the list given in “Anh chị em” for “Anh chị em họ”',
      ],
    ]);
  });

  describe('with drafts', () => {
    let dbName = '';
    beforeEach(() => {
      dbName = `dvc-copy-from-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    });
    afterEach(() => {
      indexedDB.deleteDatabase(dbName);
      indexedDB.deleteDatabase(`${dbName}-keys`);
    });
    const mount = (offered = false) =>
      mountDraftForm({
        dbName,
        procedureData: JSON.stringify(procedure),
        draftConsent: 'granted',
        debounceMs: 50,
        offered,
      });

    it('keeps a copy made with the button in the draft: the reloaded page has it back', async function () {
      // Two forms, IndexedDB and a real save on a machine other runs share.
      this.timeout(30_000);
      const before = await mount();
      await toSecondPage(before);
      // Everything typed so far is saved: only the copies are left to save.
      await before.draftController!.flush();
      offerFor(before, 'mother.fullName')!.click();
      await before.settled();
      offerFor(before, 'cousins')!.click();
      await before.settled();
      // Saved as typing is, after the pause (flush writes only a save already asked for).
      await before.draftController!.flush();
      before.remove();

      const after = await mount(true);
      expect(after.draftController!.phase).to.equal(DRAFT_PHASE.offer);
      root(after).querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
      await waitUntil(() => after.draftController!.phase === DRAFT_PHASE.active, 'resumed', {
        timeout: 10_000,
      });
      await after.settled();
      expect(after.answers.mother).to.deep.equal({ fullName: CHILD });
      expect(after.answers.cousins).to.deep.equal(SIBLINGS);
      expect(headingText(after)).to.equal('Giấy tờ');
      expect(field(after, 'mother.fullName')!.value).to.equal(CHILD);
      // Answered now, the questions offer no copy again.
      expect(offers(after)).to.deep.equal([]);
    });
  });
});
