import { expect } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';

/**
 * The review pages' chunk arrives just after a form is usable, while the person is on its first
 * page (components/form/review-link.ts). Its arrival renders the form again only when a page
 * showed the loading line in its place: otherwise the render would redo every question of the
 * first page for nothing (issue 22 round 9, docs/performance.md).
 */
function formCountingRenders(): { el: DvcForm; requests: () => number } {
  const el = document.createElement('dvc-form') as DvcForm;
  let requests = 0;
  const requestUpdate = el.requestUpdate.bind(el);
  el.requestUpdate = (...args: Parameters<DvcForm['requestUpdate']>) => {
    if (args.length === 0) requests++;
    requestUpdate(...args);
  };
  return { el, requests: () => requests };
}

describe('dvc-form: the review pages arriving', () => {
  it('render nothing again when no page waited for them', async () => {
    const { el, requests } = formCountingRenders();
    await el.reviewPages.load();
    expect(requests()).to.equal(0);
  });

  it('render the form again when a page showed the loading line in their place', async () => {
    const { el, requests } = formCountingRenders();
    const waiting = el.reviewPages.renderReview();
    expect(waiting.strings.join('')).to.contain('role="status"');
    await el.reviewPages.load();
    expect(requests()).to.equal(1);
  });
});
