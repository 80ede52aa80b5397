import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveControllerHost } from 'lit';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import basic from './fixtures/basic.json';

/**
 * What leaving one field costs, counted (issue 22 point 3; bench/ measures the time): that
 * field's element renders, no other field element does, the form's page template does not run,
 * the pages are not rebuilt, and the validator builds that field's problems only. Each count
 * would change if leaving a field went back to re-rendering or re-validating the whole page.
 */
const BASIC = `data:application/json,${encodeURIComponent(JSON.stringify(basic))}`;

type FieldEl = HTMLElement & ReactiveControllerHost & { value: unknown; error: string };

const root = (el: DvcForm) => el.shadowRoot!;
const field = (el: DvcForm, path: string) =>
  root(el).querySelector<FieldEl>(`[data-path="${path}"]`);

async function onPersonPage(): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form procedure=${BASIC} today="2025-04-01" drafts="off"></dvc-form>`,
  );
  await el.settled();
  for (const [path, value] of [
    ['laCongDan', 'co'],
    ['sinhTrongNuoc', 'co'],
  ]) {
    const f = field(el, path)!;
    f.value = value;
    f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
    await el.settled();
  }
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await waitUntil(() => field(el, 'hoTen'));
  await el.settled();
  return el;
}

/** Types a letter in the name, takes it away and leaves: the name shows its "required" error. */
async function leaveEmptied(el: DvcForm): Promise<FieldEl> {
  const name = field(el, 'hoTen')!;
  name.focus();
  await sendKeys({ type: 'A' });
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ press: 'Tab' });
  await waitUntil(() => name.error !== '');
  return name;
}

/** Counts the renders of the form and of every field element on the page, by path. */
function countRenders(el: DvcForm): { form: () => number; fields: () => Map<string, number> } {
  let form = 0;
  el.addController({ hostUpdated: () => void form++ });
  const fields = new Map<string, number>();
  for (const f of root(el).querySelectorAll<FieldEl>('[data-path]')) {
    const path = f.dataset.path!;
    fields.set(path, 0);
    f.addController({ hostUpdated: () => void fields.set(path, fields.get(path)! + 1) });
  }
  return { form: () => form, fields: () => fields };
}

describe('dvc-form: the cost of leaving one field', () => {
  it('renders that field alone and keeps the pages it had', async () => {
    const el = await onPersonPage();
    const renders = countRenders(el);
    const pages = el.pages;
    const name = await leaveEmptied(el);
    await el.settled();
    await aTimeout(0);
    expect(name.error).to.equal('Nhập họ và tên');
    expect(renders.form(), 'the page template').to.equal(0);
    const others = [...renders.fields()].filter(([path, n]) => path !== 'hoTen' && n > 0);
    expect(others, 'other fields rendered').to.deep.equal([]);
    expect(renders.fields().get('hoTen')).to.be.greaterThan(0);
    // The same pages object: building the pages walks every question of the procedure.
    expect(el.pages).to.equal(pages);
  });

  it('builds only the problems of the field that was left', async () => {
    const el = await onPersonPage();
    const validator = el.session!.model.validator;
    const built: number[] = [];
    const inner = validator.validate.bind(validator);
    validator.validate = (answers, options) => {
      const result = inner(answers, options);
      built.push(result.problems.length);
      return result;
    };
    try {
      // Every other required question of the page is unanswered: a whole-page validation
      // would build their "required" problems too.
      expect(el.session!.validation().problems.length).to.be.greaterThan(1);
      built.length = 0;
      await leaveEmptied(el);
      expect(built).to.deep.equal([1]);
    } finally {
      validator.validate = inner;
    }
  });

  it('gives a select the same options from one page render to the next', async () => {
    const el = await onPersonPage();
    const select = root(el).querySelector<FieldEl & { options: unknown[] }>('dvc-select-field');
    const radio = root(el).querySelector<FieldEl & { options: unknown[] }>('dvc-radio-group');
    const chooser = (select ?? radio)!;
    expect(chooser, 'a question with options on the page').to.be.instanceOf(HTMLElement);
    const before = chooser.options;
    let renders = 0;
    chooser.addController({ hostUpdated: () => void renders++ });
    el.requestUpdate();
    await el.updateComplete;
    await aTimeout(0);
    expect(chooser.options).to.equal(before);
    // A new array would count as a change and render the element again.
    expect(renders).to.equal(0);
  });

  // A page renders each of these nodes once per question (bench/ counts every node of a
  // thousand-question page against the plain HTML form): label, input, the label's text and lit's
  // markers for the render root and for the notes (hint, badge and error are one part:
  // components/base/field-notes.ts). Nested templates, a part per note or whitespace inside the
  // field's template would add nodes here.
  it('renders a text question as label, text and input with two lit markers', async () => {
    const el = await onPersonPage();
    const kinds = new Map<number, number>();
    const walker = document.createTreeWalker(field(el, 'hoTen')!.shadowRoot!, NodeFilter.SHOW_ALL);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      kinds.set(n.nodeType, (kinds.get(n.nodeType) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).to.deep.equal({
      [Node.ELEMENT_NODE]: 2,
      [Node.TEXT_NODE]: 1,
      [Node.COMMENT_NODE]: 2,
    });
  });

  // The page's list of questions: one lit part, so two marker comments, per question. A pair per
  // question (its copyFrom offer and itself) made two more parts and four more comments for
  // every one: 4,000 nodes at 1,000 questions (issue 22 round 15).
  it('gives each question of the page one part in the list, none nested', async () => {
    const el = await onPersonPage();
    const list = root(el).querySelector('.fields')!;
    const questions = list.querySelectorAll(':scope > [data-path]').length;
    expect(questions).to.be.greaterThan(2);
    const comments = [...list.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    // Two per question (its part's start and end), and the list's own marker (keyed's part).
    expect(comments).to.equal(2 * questions + 1);
  });
});
