/**
 * `<dvc-form>` given only the module `dvc-forms compile` writes: it takes the procedure from the
 * module's `definition`, so it neither fetches the procedure file nor imports the loader chunk
 * (the precompiled meta-schema validator), and it signs the module's `procedureSha256`, the hash
 * of the file the agency's server serves and checks. The fixtures are kept fresh by
 * test/src/cli/compile.test.ts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcSubmittedEvent } from '../../../components/form/events.js';
import type { SignedSubmissionResult } from '../../../components/submission/submit.js';
import { verifySubmission } from '../../../src/verify/index.js';
import * as compiledBasic from './fixtures/compiled-basic.js';
import * as compiledSimple from './fixtures/compiled-simple.js';
import { scriptedFetch } from '../submission/fake-fetch.js';

const heading = (el: DvcForm) => el.shadowRoot!.querySelector('#page-heading')?.textContent?.trim();
const submitButton = (el: DvcForm) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!;

/** Resources this page requested whose URL contains the loader module's path. */
const loaderRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => n.includes('/src/procedure/load'));

describe('dvc-form with a compiled procedure module', () => {
  // loaderRequests() reads resource timing, whose buffer holds 250 entries by default: the
  // source modules this page imports in the test runner fill it, and a later request would go
  // unrecorded.
  before(() => performance.setResourceTimingBufferSize(10_000));
  const realFetch = window.fetch;
  let fetched: string[] = [];
  beforeEach(() => {
    fetched = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  // First in this file: the page has imported nothing else that could pull in the loader.
  it('renders the first step from .compiled alone, without fetching or importing the loader', async () => {
    expect(loaderRequests()).to.deep.equal([]);
    const el = await fixture<DvcForm>(
      html`<dvc-form .compiled=${compiledBasic} today="2026-11-26"></dvc-form>`,
    );
    await el.settled();
    expect(heading(el)).to.equal('Điều kiện');
    expect(fetched).to.deep.equal([]);
    expect(loaderRequests()).to.deep.equal([]);
  });

  it('does not fetch the procedure URL when the module carries the procedure', async () => {
    const url = new URL('./fixtures/basic.json', import.meta.url).href;
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${url} .compiled=${compiledBasic} drafts="off"></dvc-form>`,
    );
    await el.settled();
    expect(heading(el)).to.equal('Điều kiện');
    expect(fetched).to.deep.equal([]);
    expect(loaderRequests()).to.deep.equal([]);
  });

  // Issue 22 point 3: a copy per form held every label, hint, option and schema of the procedure
  // twice (≈ 0.3 MB of heap at 1,000 questions). Frozen, a write meant for one form cannot reach
  // another form on the page: it throws.
  it('uses the module definition itself, frozen, shared by two forms, not a copy each', async () => {
    const a = await fixture<DvcForm>(
      html`<dvc-form .compiled=${compiledBasic} drafts="off"></dvc-form>`,
    );
    const b = await fixture<DvcForm>(
      html`<dvc-form .compiled=${compiledBasic} drafts="off"></dvc-form>`,
    );
    await Promise.all([a.settled(), b.settled()]);
    expect(a.loaded).to.equal(compiledBasic.definition);
    expect(b.loaded).to.equal(a.loaded);
    expect(Object.isFrozen(a.loaded)).to.equal(true);
    expect(Object.isFrozen(a.loaded!.ui.steps[0]!.fields[0])).to.equal(true);
    expect(() => {
      (a.loaded!.ui.steps as unknown[]).push({});
    }).to.throw(TypeError);
  });

  it('loads procedureData of another version through the loader instead', async () => {
    const other = structuredClone(compiledBasic.definition);
    other.version = '1.3.0';
    other.ui.steps[0]!.title = { vi: 'Điều kiện (bản 1.3.0)', en: 'Eligibility (1.3.0)' };
    const el = await fixture<DvcForm>(
      html`<dvc-form .procedureData=${other} .compiled=${compiledBasic}></dvc-form>`,
    );
    await el.settled();
    // Same data schema, so the compiled validator still fits; the steps are the given ones.
    expect(heading(el)).to.equal('Điều kiện (bản 1.3.0)');
    expect(loaderRequests()).to.have.length(1);
  });

  it('refuses a module whose definition names another procedure than the module', async () => {
    const mixed = {
      ...compiledBasic,
      definition: { ...compiledBasic.definition, version: '9.9.9' },
    };
    const el = await fixture<DvcForm>(html`<dvc-form .compiled=${mixed}></dvc-form>`);
    await el.settled();
    // Nothing else to load from: the form stays empty rather than trust the definition.
    expect(heading(el)).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('dvc-field')).to.equal(null);
    expect(fetched).to.deep.equal([]);
  });

  it('fetches the procedure URL when the module carries no file hash', async () => {
    const { procedureSha256: _sha, ...old } = compiledBasic;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(compiledBasic.definition)], { type: 'application/json' }),
    );
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${url} .compiled=${old} drafts="off"></dvc-form>`,
    );
    await el.settled();
    expect(heading(el)).to.equal('Điều kiện');
    expect(fetched).to.deep.equal([url]);
  });

  it('signs the SHA-256 of the procedure file the module carries', async () => {
    const NONCE = 'Q2hhbGxlbmdlLW5vbmNlLTEyMw';
    const { fetch, calls } = scriptedFetch([
      { status: 201, body: { nonce: NONCE, expiresAt: '2999-01-01T00:00:00.000Z' } },
      { status: 201, body: { dossierCode: 'KS-261126-7QF3' } },
    ]);
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .compiled=${compiledSimple}
        .prefill=${{ hoTen: 'Nguyễn Văn An', soBanSao: 2 }}
        .deliveryOptions=${{ fetch, random: () => 0, sleep: async () => undefined }}
        action="/api/dossiers"
        challenge-endpoint="/api/challenges"
        today="2026-11-26"
      ></dvc-form>`,
    );
    await el.settled();
    for (let i = 0; i < 4 && heading(el) !== 'Kiểm tra lại thông tin'; i++) {
      submitButton(el).click();
      await el.settled();
    }
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
    el.shadowRoot!.querySelector<HTMLInputElement>('#declaration')!.click();
    await el.updateComplete;
    const done = oneEvent(el, 'dvc-submitted') as Promise<DvcSubmittedEvent>;
    submitButton(el).click();
    const result = (await done).detail.result as SignedSubmissionResult;
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
      'POST /api/challenges',
      'POST /api/dossiers',
    ]);
    expect(result.payload.procedure).to.deep.equal({
      code: compiledSimple.definition.code,
      version: compiledSimple.definition.version,
      sha256: compiledSimple.procedureSha256,
    });
    const verified = await verifySubmission(result.jws, {
      procedure: compiledSimple.definition,
      nonceStore: { consume: async (n) => n === NONCE },
    });
    expect(verified.ok).to.equal(true);
    expect(fetched).to.deep.equal([]);
  });
});
