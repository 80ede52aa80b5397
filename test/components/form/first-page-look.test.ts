/**
 * The server-rendered first page looks exactly like the form's fields (src/look.ts, written once
 * for both): for every plain widget, its label, hint and controls have the same computed style
 * as the element's, unticked and ticked, in each engine the browser tests run in. The e2e
 * no-move checks compare boxes; this compares what does not move: colours, borders, fonts.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { FIRST_PAGE_CSS, firstPageHtml } from '../../../src/first-page/index.js';
import { choiceLook, fieldLook, SHADOW_SCOPE } from '../../../src/look.js';
import { fieldStyles } from '../../../components/base/styles.js';
import everyWidget from '../../src/first-page/fixtures/every-widget.json';

function procedure(): Procedure {
  const r = loadProcedure(JSON.stringify(everyWidget));
  if (!r.ok) throw new Error('fixture invalid');
  return r.procedure;
}

/** What a person sees of a label, hint or control (layout is the e2e tests'). */
const LOOK = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-left-width',
  'border-top-left-radius',
  'padding-top',
  'padding-left',
  'min-height',
  'height',
  'width',
  'box-sizing',
  'appearance',
  'margin-bottom',
  'cursor',
];

function looks(el: Element, props: string[]): Record<string, string> {
  const style = getComputedStyle(el);
  return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
}

describe('the first page looks like the form', () => {
  let plainForm: DvcForm;
  let form: DvcForm;
  before(async () => {
    const style = document.createElement('style');
    style.textContent = FIRST_PAGE_CSS;
    document.head.append(style);
    after(() => style.remove());
    const markup = (await firstPageHtml(procedure(), { today: '2026-12-05' }))!;
    // One still loading (its plain page on screen), one ready with the same page.
    plainForm = await fixture<DvcForm>(`<dvc-form today="2026-12-05">${markup}</dvc-form>`);
    form = await fixture<DvcForm>(`<dvc-form today="2026-12-05"></dvc-form>`);
    form.procedureData = procedure();
    await form.settled();
  });

  const paths = () =>
    [...plainForm.querySelectorAll<HTMLElement>('.dvc-fp-field')].map((f) => f.dataset.path!);
  const parts = (path: string) => {
    const plain = plainForm.querySelector(`.dvc-fp-field[data-path="${path}"]`)!;
    const field = form.shadowRoot!.querySelector(`[data-path="${path}"]`)!;
    const inner = field.shadowRoot!;
    const list = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];
    return {
      plain: {
        label: plain.querySelector('legend, label')!,
        hint: list(plain, '.dvc-fp-hint'),
        controls: list(plain, 'input, select, textarea') as HTMLInputElement[],
      },
      form: {
        label: inner.querySelector('legend, label')!,
        hint: list(inner, '.hint'),
        controls: list(inner, 'input, select, textarea') as HTMLInputElement[],
      },
    };
  };

  it('every widget of the plain page is there, with the form’s label, hint and control styles', () => {
    expect(paths()).to.deep.equal([
      'fullName',
      'note',
      'copies',
      'phone',
      'email',
      'personalId',
      'province',
      'relation',
      'agree',
      'needs',
    ]);
    for (const path of paths()) {
      const { plain, form: own } = parts(path);
      expect(looks(plain.label, LOOK), `${path} label`).to.deep.equal(looks(own.label, LOOK));
      expect(plain.hint.length, `${path} hints`).to.equal(own.hint.length);
      plain.hint.forEach((h, i) =>
        expect(looks(h, LOOK), `${path} hint`).to.deep.equal(looks(own.hint[i]!, LOOK)),
      );
      expect(plain.controls.length, `${path} controls`).to.equal(own.controls.length);
      plain.controls.forEach((c, i) =>
        expect(looks(c, LOOK), `${path} control ${i}`).to.deep.equal(looks(own.controls[i]!, LOOK)),
      );
    }
  });

  it('ticked and chosen, the boxes and circles still look the same', () => {
    // (Their tick and dot are ::before of an input, which getComputedStyle does not report: the
    // shared rules draw them, checked by the last test.)
    for (const path of ['relation', 'agree', 'needs']) {
      const { plain, form: own } = parts(path);
      for (const [i, c] of plain.controls.entries()) {
        const mine = own.controls[i]!;
        c.checked = true;
        mine.checked = true;
        expect(looks(c, LOOK), `${path} ${i} ticked`).to.deep.equal(looks(mine, LOOK));
      }
    }
  });

  it('both take the look from one place (src/look.ts)', () => {
    // The elements' stylesheet carries the shared rules as written, and so does the page's.
    expect(fieldStyles.cssText).to.contain(fieldLook(SHADOW_SCOPE));
    expect(fieldStyles.cssText).to.contain(choiceLook(SHADOW_SCOPE));
    expect(FIRST_PAGE_CSS).to.contain(
      choiceLook({
        at: 'dvc-form .dvc-first-page ',
        cls: (n) => `dvc-form .dvc-first-page .dvc-fp-${n}`,
      }),
    );
    expect(FIRST_PAGE_CSS).to.contain('dvc-form .dvc-first-page .dvc-fp-hint{display:block;');
  });
});
