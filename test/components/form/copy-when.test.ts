/**
 * Format 1.2 `copyFrom` with a `when` in `<dvc-form>`: the offer comes and goes with its
 * condition, which the rules decide (RulesResult.copyOffers). From fixtures: the requester's
 * relation answered on an earlier page (mother: offered; father: not; back to mother: offered
 * again), and a condition on an answer above on the same page, which renders the page again
 * once the rules have decided the change (a typed answer alone does not render it).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { Procedure } from '../../../src/procedure/types.js';
import procedure from '../../src/procedure/fixtures/valid-copy-when.json';
import { answer, button, headingText, next, root } from './form-harness.js';

async function form(data: unknown = procedure): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form .procedureData=${data as Procedure} lang="vi" today="2026-12-06"></dvc-form>`,
  );
  await el.settled();
  return el;
}

/** The first pages answered, the requester's relation `relation`. */
async function toSecondPage(el: DvcForm, relation: string): Promise<void> {
  await answer(el, 'child.birthDate', '2026-11-20');
  await next(el);
  await answer(el, 'child.fullName', 'Nguyễn Thị Mai');
  await answer(el, 'relation', relation);
  await next(el);
  expect(headingText(el)).to.equal('Giấy tờ');
}

async function back(el: DvcForm): Promise<void> {
  button(el, 'secondary')!.click();
  await el.settled();
}

/** The questions an offer stands above, in page order. */
const offered = (el: DvcForm) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button[part~="copy-offer"]')].map((b) =>
    b.closest('p')!.nextElementSibling?.getAttribute('data-path'),
  );

describe('<dvc-form>: a copyFrom with a when (format 1.2)', () => {
  it('offers the copy while the condition holds, and not while it fails', async () => {
    const el = await form();
    await toSecondPage(el, 'mother');
    expect(offered(el)).to.deep.equal(['mother.fullName']);
    await expect(el).to.be.accessible();

    await back(el);
    await answer(el, 'relation', 'father');
    await next(el);
    expect(headingText(el)).to.equal('Giấy tờ');
    expect(offered(el)).to.deep.equal([]);

    await back(el);
    await answer(el, 'relation', 'mother');
    await next(el);
    expect(offered(el)).to.deep.equal(['mother.fullName']);
  });

  it('comes and goes on the page with an answer above it that the condition reads', async () => {
    const data = structuredClone(procedure) as unknown as Procedure;
    const question = data.ui.steps[1]!.fields[2]!;
    question.copyFrom = {
      field: 'child.fullName',
      when: { all: [{ fact: 'copies', operator: 'greaterThan', value: 0 }] },
    };
    const el = await form(data);
    await toSecondPage(el, 'mother');
    expect(offered(el)).to.deep.equal([]);
    await answer(el, 'copies', 2);
    await waitUntil(() => offered(el).length === 1, 'the offer appears');
    expect(offered(el)).to.deep.equal(['mother.fullName']);
    await answer(el, 'copies', 0);
    await waitUntil(() => offered(el).length === 0, 'the offer goes');
    await answer(el, 'copies', 1);
    await waitUntil(() => offered(el).length === 1, 'the offer comes back');
  });
});
