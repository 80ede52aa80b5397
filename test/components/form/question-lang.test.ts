/**
 * The questions inside `<dvc-form>` speak the form's language without a `lang` attribute of their
 * own (they inherit it through the form; field-element.ts writes an attribute only when the
 * language differs from the one around the question, issue 22 round 6), and when the form's
 * language changes every question is rendered again in it and announced in it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcRadioGroup } from '../../../components/radio-group/radio-group.js';
import basic from './fixtures/basic.json';

// The first question's label has no English wording, so only the language can change its strings.
const procedure = structuredClone(basic);
procedure.ui.steps[0]!.fields[0]!.label = {
  vi: 'Trẻ có phải là công dân Việt Nam không?',
} as never;
const URL_ = URL.createObjectURL(
  new Blob([JSON.stringify(procedure)], { type: 'application/json' }),
);

/**
 * Whether the question is in `lang` exactly when the form's own heading (in the same shadow root)
 * is: engines differ in carrying `lang` into shadow trees (Chromium does, and follows changes;
 * WebKit does once, not a later change, for a question's own `lang` either; Firefox does not
 * cross a shadow root at all), so the question must simply speak what the form speaks there.
 */
function speaksLikeTheForm(el: DvcForm, q: Element, lang: string): void {
  const heading = el.shadowRoot!.querySelector('#page-heading')!;
  const label = q.shadowRoot!.querySelector('legend')!;
  const tag = `:lang(${lang})`;
  expect(q.matches(tag), `${(q as DvcRadioGroup).name} ${tag}`).to.equal(heading.matches(tag));
  expect(label.matches(tag), `${(q as DvcRadioGroup).name}'s legend ${tag}`).to.equal(
    heading.matches(tag),
  );
  // Where the engine carries lang into shadow trees, that is the form's language.
  if (navigator.userAgent.includes('Chrome/')) expect(heading.matches(tag)).to.equal(true);
}

const questions = (el: DvcForm) => [
  ...el.shadowRoot!.querySelectorAll<DvcRadioGroup>('.fields [data-path]'),
];

async function ready(el: DvcForm): Promise<void> {
  await el.settled();
  await waitUntil(() => questions(el).length === 2, 'the first page did not render');
}

describe('dvc-form: the questions speak the form language', () => {
  it('no lang on a question; a change of language renders and announces every question in it', async () => {
    const el = await fixture<DvcForm>(
      html`<dvc-form lang="vi" procedure=${URL_} today="2025-04-01" drafts="off"></dvc-form>`,
    );
    await ready(el);
    const [first, second] = questions(el);
    for (const q of [first!, second!]) {
      expect(q.hasAttribute('lang'), q.name).to.equal(false);
      speaksLikeTheForm(el, q, 'vi');
    }
    expect(first!.validationMessage).to.equal('Vui lòng chọn một lựa chọn.');

    el.lang = 'en';
    await el.settled();
    await Promise.all(questions(el).map((q) => q.updateComplete));
    for (const q of questions(el)) {
      expect(q.hasAttribute('lang'), q.name).to.equal(false);
      speaksLikeTheForm(el, q, 'en');
      expect(q.uiLang).to.equal('en');
    }
    // The label is the same in both languages: only the language re-rendered the field.
    expect(first!.label).to.equal('Trẻ có phải là công dân Việt Nam không?');
    expect(first!.validationMessage).to.equal('Select an option.');
    expect(second!.shadowRoot!.querySelector('legend')!.textContent).to.equal(
      'Was the child born in Viet Nam?',
    );

    el.lang = 'vi';
    await el.settled();
    await first!.updateComplete;
    expect(first!.validationMessage).to.equal('Vui lòng chọn một lựa chọn.');
    speaksLikeTheForm(el, first!, 'vi');
  });

  it('a form whose page speaks another language marks its questions with theirs', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="fr">
        <dvc-form procedure=${URL_} today="2025-04-01" drafts="off"></dvc-form>
      </div>`,
    );
    const el = wrap.querySelector('dvc-form')!;
    await ready(el);
    // Unknown languages read Vietnamese (i18n.ts): the questions say so, not French.
    for (const q of questions(el)) expect(q.getAttribute('lang'), q.name).to.equal('vi');
    expect(questions(el)[0]!.validationMessage).to.equal('Vui lòng chọn một lựa chọn.');
  });
});
