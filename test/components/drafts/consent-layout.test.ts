// "Nothing moves under a finger": the drafts consent question ("Lưu tạm hồ sơ trên thiết bị
// này?") is asked only once IndexedDB has been read, but its space is part of the form's first
// paint — it must never be pushed in above fields after they are laid out. The real <dvc-form>
// in Chromium: the first field's position when it first appears (caught by a MutationObserver,
// before any later frame) is its position once the question is answerable, and the browser
// reports no layout shift meanwhile.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import basic from '../form/fixtures/basic.json';

/** A procedure no other test keeps drafts for (the test files share one IndexedDB origin). */
const procedure = { ...basic, code: '1.918018', version: '1.0.0' };
const url = URL.createObjectURL(
  new Blob([JSON.stringify(procedure)], { type: 'application/json' }),
);

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

describe('drafts consent box: no layout shift', () => {
  // Waited: a draft may be on the device, so the form is ready only with the drafts (the question
  // is in its first paint, above the page). Not waited: nothing can be (no drafts database, or an
  // empty one, components/form/drafts.ts), the drafts arrive after the first page is shown and
  // the question goes below it. The field never moves either way.
  for (const waited of [true, false])
    it(`the first field does not move when the question becomes answerable (drafts ${waited ? 'waited for' : 'after ready'})`, async () => {
      const shifts: LayoutShift[] = [];
      const po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) shifts.push(e as LayoutShift);
      });
      po.observe({ type: 'layout-shift' });
      /** Where the first field was the moment it was first rendered. */
      let firstTop: number | undefined;
      let promptAtFirstField: boolean | undefined;
      const watch = (el: DvcForm) => {
        const check = () => {
          if (firstTop !== undefined) return;
          const field = el.shadowRoot?.querySelector<HTMLElement>('[data-path]');
          if (!field) return;
          firstTop = field.getBoundingClientRect().top;
          promptAtFirstField = !!el.shadowRoot!.querySelector('.draft-consent');
        };
        const mo = new MutationObserver(check);
        const attach = () =>
          el.shadowRoot && mo.observe(el.shadowRoot, { childList: true, subtree: true });
        attach();
        return { attach, stop: () => mo.disconnect() };
      };

      const el = document.createElement('dvc-form') as DvcForm;
      const watcher = watch(el);
      el.setAttribute('drafts', 'on');
      el.setAttribute('procedure', url);
      // The test files share one origin and its drafts database: decide here, not by chance.
      el.draftLink.neededBeforeReady = () => Promise.resolve(waited);
      // Connect it by hand and watch at once: the shadow root exists from connection, and the first
      // render comes later, so the watcher cannot miss it (awaiting fixture() first could, under load).
      const box = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      box.append(el);
      watcher.attach();
      const controller = () =>
        (el as unknown as { draftController?: { phase: string } }).draftController;
      await waitUntil(() => controller()?.phase === DRAFT_PHASE.ask, 'the question is asked', {
        timeout: 5000,
      });
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      watcher.stop();
      po.disconnect();

      const field = el.shadowRoot!.querySelector<HTMLElement>('[data-path]')!;
      const prompt = el.shadowRoot!.querySelector<HTMLElement>('.draft-consent')!;
      expect(prompt, 'the question is on screen').to.not.equal(null);
      expect(firstTop, 'the first field was seen when it was first rendered').to.be.a('number');
      expect(field.getBoundingClientRect().top).to.equal(firstTop);
      const total = shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
      expect(total, 'cumulative layout shift while the form and the question appear').to.equal(0);
      expect(promptAtFirstField, 'the question is in the same paint as the first field').to.equal(
        waited,
      );
      if (waited)
        expect(prompt.getBoundingClientRect().bottom).to.be.at.most(
          field.getBoundingClientRect().top,
        );
      else
        expect(prompt.getBoundingClientRect().top).to.be.at.least(
          field.getBoundingClientRect().bottom,
        );
      // The question's buttons work from the first paint.
      prompt.querySelector<HTMLButtonElement>('[data-consent="no"]')!.click();
      await el.updateComplete;
      expect(controller()!.phase).to.equal(DRAFT_PHASE.declined);
    });

  it('an answer given while the drafts are still being read is kept', async () => {
    const el = document.createElement('dvc-form') as DvcForm;
    el.setAttribute('drafts', 'on');
    el.setAttribute('procedure', url);
    await fixture(html`<div>${el}</div>`);
    const controller = () =>
      (el as unknown as { draftController?: { phase: string; answerConsent(y: boolean): void } })
        .draftController;
    await waitUntil(() => el.shadowRoot?.querySelector('.draft-consent [data-consent="yes"]'), '', {
      timeout: 5000,
    });
    const phaseAtClick = controller()!.phase;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.draft-consent [data-consent="yes"]')!.click();
    await waitUntil(() => controller()!.phase === DRAFT_PHASE.active, 'consent applied', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect([DRAFT_PHASE.idle, DRAFT_PHASE.ask]).to.include(phaseAtClick);
    expect(el.shadowRoot!.querySelector('.draft-consent')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.draft-kept button')?.textContent?.trim()).to.equal(
      'Xoá dữ liệu trên máy này',
    );
  });
});
