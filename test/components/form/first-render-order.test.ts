import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import basic from './fixtures/basic.json';

/**
 * The task that makes a form ready and renders its first page does only what that page needs
 * (issue 22 round 7, docs/performance.md): the chunks it does not need (the review pages, the
 * drafts on a device with nothing to offer) are asked for a task later, once the page has
 * rendered, and `settled()` still waits for them. Order, not time: each check would fail if the
 * imports went back to running before the first page.
 */
const BASIC = `data:application/json,${encodeURIComponent(JSON.stringify(basic))}`;

/** What each lazy link has started loading (their private promises). */
const started = (el: DvcForm) => ({
  review: (el.reviewPages as unknown as { loading?: Promise<void> }).loading !== undefined,
  drafts: (el.draftLink as unknown as { loading?: Promise<void> }).loading !== undefined,
});

describe('dvc-form: the first page before the chunks it does not need', () => {
  it('asks for the review pages and the drafts only after the first page has rendered', async () => {
    const seen: { fields: number; review: boolean; drafts: boolean }[] = [];
    const el = document.createElement('dvc-form') as DvcForm;
    el.addController({
      hostUpdated: () => {
        if (el.status !== 'ready' || seen.length > 0) return;
        const fields = el.shadowRoot!.querySelectorAll('[data-path]').length;
        seen.push({ fields, ...started(el) });
      },
    });
    // A device with nothing to offer (other test files share this origin's drafts database):
    // with a draft that may be waiting, the drafts rightly come before ready.
    el.draftLink.neededBeforeReady = () => Promise.resolve(false);
    el.today = '2025-04-01';
    el.procedure = BASIC;
    await fixture(html`<div>${el}</div>`);
    await el.settled();
    expect(seen).to.have.length(1);
    expect(seen[0]!.fields, 'the first page rendered').to.be.greaterThan(0);
    expect(seen[0], 'nothing asked for before it').to.include({ review: false, drafts: false });
    // settled() still ends with them in place.
    expect(started(el)).to.deep.equal({ review: true, drafts: true });
    expect(el.draftController, 'the drafts joined the form').to.not.equal(undefined);
  });

  it('waits for no timer: settled() ends while timers are held (a hidden tab, fake timers)', async () => {
    // A hidden tab runs timers at most once a second, and a host's tests with fake timers run
    // them only when told: the task after ready is a message, so neither holds the form back.
    const realSetTimeout = window.setTimeout;
    const held: unknown[] = [];
    window.setTimeout = ((fn: unknown) => held.push(fn)) as unknown as typeof window.setTimeout;
    try {
      const el = document.createElement('dvc-form') as DvcForm;
      el.draftLink.neededBeforeReady = () => Promise.resolve(false);
      el.today = '2025-04-01';
      el.procedure = BASIC;
      document.body.append(el);
      const settled = el.settled().then(() => 'settled');
      const late = new Promise((r) => realSetTimeout(() => r('timed out'), 3000));
      expect(await Promise.race([settled, late])).to.equal('settled');
      expect(started(el)).to.deep.equal({ review: true, drafts: true });
      el.remove();
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });
});
