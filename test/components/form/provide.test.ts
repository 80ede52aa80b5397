/**
 * `provideCompiled`, what a per-procedure form artefact (`dvc-forms compile --form`) calls once it
 * has imported the bundle: the forms naming its procedure file (or none) start their one load
 * with the precompiled module, so the procedure URL is never fetched, including forms the page
 * adds afterwards.
 */
import { expect } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { provideCompiled } from '../../../components/form/provide.js';
import * as compiledBasic from './fixtures/compiled-basic.js';
import basic from './fixtures/basic.json';

/** Another procedure file, served from a blob: URL (its name is not the module's file). */
const OTHER = URL.createObjectURL(new Blob([JSON.stringify(basic)], { type: 'application/json' }));

describe('provideCompiled', () => {
  const realFetch = window.fetch;
  let fetched: string[] = [];
  let box: HTMLElement;
  beforeEach(() => {
    fetched = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    window.fetch = realFetch;
    box.remove();
  });

  it('gives the module to the forms naming its file or none, before they load', async () => {
    // The URLs do not exist: a form that fetched its procedure would end on the error page.
    box.innerHTML = `
      <dvc-form id="a" procedure="/khong-co/dang-ky-khai-sinh.json?v=2"></dvc-form>
      <dvc-form id="b"></dvc-form>
      <dvc-form id="c" procedure="${OTHER}"></dvc-form>`;
    const [a, b, c] = ['a', 'b', 'c'].map((id) => box.querySelector<DvcForm>(`#${id}`)!);
    const given = provideCompiled(compiledBasic, 'dang-ky-khai-sinh.json', box);
    expect(given).to.equal(2);
    expect(a.compiled).to.equal(compiledBasic);
    expect(b.compiled).to.equal(compiledBasic);
    expect(c.compiled).to.equal(undefined);
    await Promise.all([a.settled(), b.settled(), c.settled()]);
    expect(fetched).to.deep.equal([OTHER]);
    for (const form of [a, b]) {
      expect(form.status).to.equal('ready');
      expect(form.loaded?.code).to.equal('1.001193');
      expect(form.shadowRoot!.querySelector('#page-heading')?.textContent?.trim()).to.equal(
        'Điều kiện',
      );
    }
  });

  it('gives it to forms added later too (an accordion or tab that inserts the form when opened)', async () => {
    provideCompiled(compiledBasic, 'dang-ky-khai-sinh.json', box);
    // Inserted after the artefact ran, as a CMS widget does; the URLs do not exist.
    box.innerHTML = `
      <dvc-form id="late" procedure="/khong-co/dang-ky-khai-sinh.json"></dvc-form>
      <dvc-form id="other" procedure="${OTHER}"></dvc-form>`;
    const late = box.querySelector<DvcForm>('#late')!;
    const other = box.querySelector<DvcForm>('#other')!;
    await Promise.all([late.settled(), other.settled()]);
    // Compared by identity, not shown: a failing equal printed the whole module and stalled.
    expect(late.compiled === compiledBasic, 'the late form took the module').to.equal(true);
    expect(late.status).to.equal('ready');
    expect(late.shadowRoot!.querySelector('#page-heading')?.textContent?.trim()).to.equal(
      'Điều kiện',
    );
    expect(other.compiled).to.equal(undefined);
    expect(fetched).to.deep.equal([OTHER]);
  });

  it('leaves a form that already has a module alone', () => {
    box.innerHTML = `<dvc-form procedure="/x/dang-ky-khai-sinh.json"></dvc-form>`;
    const form = box.querySelector<DvcForm>('dvc-form')!;
    const own = { ...compiledBasic };
    form.compiled = own;
    expect(provideCompiled(compiledBasic, 'dang-ky-khai-sinh.json', box)).to.equal(0);
    expect(form.compiled).to.equal(own);
  });
});
