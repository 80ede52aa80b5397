import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import basic from './fixtures/basic.json';

/**
 * Typing in a field or leaving it validates and re-renders that field only (the session decides,
 * the page template is not run again); a change that shows another question does re-render.
 */
const BASIC = `data:application/json,${encodeURIComponent(JSON.stringify(basic))}`;

type FieldEl = HTMLElement & { value: unknown; error: string };

const root = (el: DvcForm) => el.shadowRoot!;
const field = (el: DvcForm, path: string) =>
  root(el).querySelector<FieldEl>(`[data-path="${path}"]`);

async function mount(): Promise<{ el: DvcForm; renders: () => number }> {
  const el = await fixture<DvcForm>(
    html`<dvc-form procedure=${BASIC} today="2025-04-01" drafts="off"></dvc-form>`,
  );
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading'));
  let count = 0;
  el.addController({ hostUpdated: () => void count++ });
  return { el, renders: () => count };
}

async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = field(el, path)!;
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}

describe('dvc-form field updates', () => {
  it('typing and leaving a field shows its error without rendering the page again', async () => {
    const { el, renders } = await mount();
    await answer(el, 'laCongDan', 'co');
    await answer(el, 'sinhTrongNuoc', 'co');
    root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    await waitUntil(() => field(el, 'hoTen'));
    await el.settled();
    const before = renders();
    const name = field(el, 'hoTen')!;
    name.focus();
    await sendKeys({ type: 'A' });
    await sendKeys({ press: 'Backspace' });
    await el.settled();
    expect(renders(), 'typing').to.equal(before);
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => name.error !== '');
    await aTimeout(0);
    expect(name.error).to.equal('Nhập họ và tên');
    expect(renders(), 'leaving the field').to.equal(before);
    // Fixed and left again: the error goes, still without a page render.
    name.focus();
    await sendKeys({ type: 'Nguyễn An' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => name.error === '');
    expect(renders(), 'fixing the field').to.equal(before);
    expect(field(el, 'hoTen')).to.equal(name, 'the same element, not a new page');
  });

  // The session's validator is given the answers reduced to that one answer, not every answer
  // (src/session/field-validation.ts); would fail if leaving a field validated the whole object.
  it('leaving a field validates that field alone', async () => {
    const { el } = await mount();
    await answer(el, 'laCongDan', 'co');
    await answer(el, 'sinhTrongNuoc', 'co');
    root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    await waitUntil(() => field(el, 'hoTen'));
    await el.settled();
    const validator = el.session!.model.validator;
    const given: Record<string, unknown>[] = [];
    const inner = validator.validate.bind(validator);
    validator.validate = (answers, options) => {
      given.push(answers as Record<string, unknown>);
      return inner(answers, options);
    };
    const name = field(el, 'hoTen')!;
    name.focus();
    await sendKeys({ type: 'A' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => name.error !== '');
    expect(name.error).to.equal('Nhập họ và tên');
    // One validation, of no answer but this one (the eligibility answers are not in it).
    expect(given.map((a) => Object.keys(a))).to.deep.equal([[]]);
    // Coming back leaves the next question (validated alone too, with no answer): start afresh.
    name.focus();
    await el.settled();
    given.length = 0;
    await sendKeys({ type: 'Nguyễn An' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => name.error === '');
    expect(given).to.deep.equal([{ hoTen: 'Nguyễn An' }]);
    validator.validate = inner;
  });
});
