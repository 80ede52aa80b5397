/**
 * Where focus is while "Gửi hồ sơ" sends and once it is over, for a keyboard or screen reader
 * user: it never falls to <body>. While sending it stays on the button (busy, aria-disabled, a
 * second press does nothing); sent, it is on the confirmation's heading; kept for lack of
 * network, on the notice that says so (as the error summary takes it when sending failed).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DraftControllerOptions } from '../../../components/drafts/controller.js';
import { createWebCryptoSigner, generateSigningKey } from '../../../src/signing/index.js';
import simple from '../submission/fixtures/simple.json';
import { focusPath } from '../focus-path.js';
import { watchFocusArrivals } from '../live-at-focus.js';
import { scriptedFetch, type Step } from '../submission/fake-fetch.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
} from '../../../components/submission/transport.js';

const TEXT = JSON.stringify(simple, null, 2);
const CREATED: Step = { status: 201, body: { dossierCode: 'KS-261126-7QF3' } };

const shadow = (el: DvcForm) => el.shadowRoot!;
const heading = (el: DvcForm) => shadow(el).querySelector<HTMLElement>('#page-heading')!;
const submitButton = (el: DvcForm) =>
  shadow(el).querySelector<HTMLButtonElement>('.buttons button.primary')!;

interface Seen {
  focus: string;
  disabled: boolean;
  ariaDisabled: string | null;
  text: string;
}

/** The review page of simple.json, declaration ticked, Submit focused. */
async function review(steps: Step[], extra: { drafts?: boolean } = {}) {
  const { fetch, calls } = scriptedFetch(steps);
  const seen: Seen[] = [];
  const signer = await createWebCryptoSigner(await generateSigningKey());
  const dbName = `dvc-submit-focus-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const el = document.createElement('dvc-form') as DvcForm;
  if (extra.drafts) {
    // The drafts and the outbox in a database of this test's own (the test files share one
    // origin, hence one IndexedDB).
    // Still offline when the outbox tries again.
    Object.assign((el.draftLink as unknown as { options: DraftControllerOptions }).options, {
      dbName,
      send: async () => {
        throw new SubmissionTransportError('offline', { kind: FAILURE_KIND.network, attempts: 1 });
      },
    });
  }
  await fixture(
    html`<div>
      ${Object.assign(el, {
        procedureData: TEXT,
        prefill: { hoTen: 'Nguyễn Văn An', soBanSao: 2 },
        signer,
        action: '/api/dossiers',
        challengeEndpoint: '',
        today: '2026-11-26',
        maxAttempts: extra.drafts ? 1 : 4,
        drafts: extra.drafts ? 'on' : 'off',
        draftConsent: 'granted',
        deliveryOptions: {
          fetch,
          random: () => 0,
          // Instead of waiting between attempts: what the person has while it retries.
          sleep: async () => {
            await el.updateComplete;
            const b = submitButton(el);
            seen.push({
              focus: focusPath(),
              disabled: b.disabled,
              ariaDisabled: b.getAttribute('aria-disabled'),
              text: b.textContent!.trim(),
            });
            // A second press while it is sending does nothing.
            await sendKeys({ press: 'Enter' });
          },
        },
      } as Partial<DvcForm>)}
    </div>`,
  );
  await el.settled();
  for (let i = 0; i < 4 && heading(el).textContent!.trim() !== 'Kiểm tra lại thông tin'; i++) {
    submitButton(el).click();
    await el.settled();
  }
  expect(heading(el).textContent!.trim()).to.equal('Kiểm tra lại thông tin');
  if (extra.drafts) await waitUntil(() => el.draftController, 'the drafts controller');
  shadow(el).querySelector<HTMLInputElement>('#declaration')!.click();
  await el.updateComplete;
  submitButton(el).focus();
  return { el, calls, seen, dbName };
}

describe('dvc-form: focus when "Gửi hồ sơ" is pressed', () => {
  it('stays on the busy button while sending, then goes to "Đã gửi hồ sơ"', async () => {
    const { el, calls, seen } = await review([{ status: 503 }, CREATED]);
    let submits = 0;
    el.addEventListener('dvc-submit', () => submits++);
    const done = oneEvent(el, 'dvc-submitted');
    await sendKeys({ press: 'Enter' });
    await done;
    expect(seen).to.deep.equal([
      {
        focus: 'dvc-form > button.primary',
        disabled: false,
        ariaDisabled: 'true',
        text: 'Đang gửi hồ sơ…',
      },
    ]);
    expect(submits).to.equal(1);
    expect(calls.map((c) => c.url)).to.deep.equal(['/api/dossiers', '/api/dossiers']);
    await el.settled();
    expect(heading(el).textContent!.trim()).to.equal('Đã gửi hồ sơ');
    expect(focusPath()).to.equal('dvc-form > h2#page-heading');
    await expect(el).to.be.accessible();
  });

  it('goes to the notice when the application is kept to be sent when the network is back', async () => {
    // The test runner shows and hides its pages as it runs files side by side; a page shown
    // again tries the outbox at once, as it should for a person, but that is not this test's
    // subject: keep visibility changes from reaching the form.
    const hold = (e: Event) => e.stopImmediatePropagation();
    window.addEventListener('visibilitychange', hold, true);
    const { el, dbName } = await review([{ networkError: true }], { drafts: true });
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => shadow(el).querySelector('.draft-notice[data-kind="outbox"]'),
        'the outbox notice',
        { timeout: 5000 },
      );
      await el.settled();
      // Another try of the outbox (the drafts' own first check can still be running on a loaded
      // machine) says "sending" for a moment; offline, it comes back to the same notice.
      const queued = 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.';
      const outboxText = () =>
        shadow(el).querySelector('.draft-notice[data-kind="outbox"] p')?.textContent?.trim();
      await waitUntil(() => outboxText() === queued, 'the queued notice', { timeout: 5000 });
      const notice = shadow(el).querySelector<HTMLElement>('.draft-notice[data-kind="outbox"]')!;
      // A live region again once focused, so that what it says next is announced.
      expect(notice.getAttribute('role')).to.equal('status');
      expect(heading(el).textContent!.trim()).to.equal('Kiểm tra lại thông tin');
      expect(focusPath()).to.equal('dvc-form > div.draft-notice[data-kind=outbox]');
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
      // The next Tab goes on from the notice: its own button first.
      await sendKeys({ press: 'Tab' });
      expect(focusPath()).to.equal('dvc-form > button.link');
    } finally {
      window.removeEventListener('visibilitychange', hold, true);
      el.remove();
      for (const name of [dbName, `${dbName}-keys`]) indexedDB.deleteDatabase(name);
    }
  });
  it('the notice that takes focus is no live region at that moment: it is read once', async () => {
    const hold = (e: Event) => e.stopImmediatePropagation();
    window.addEventListener('visibilitychange', hold, true);
    const { el, dbName } = await review([{ networkError: true }], { drafts: true });
    const arrivals = watchFocusArrivals(shadow(el));
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => arrivals.some((a) => a.element === 'div.draft-notice[data-kind=outbox]'),
        'focus on the outbox notice',
        { timeout: 5000 },
      );
      // When focus moved there: the notice was neither a status nor within one, and no live
      // region held its text, so a screen reader reads it once, as the focused element.
      expect(arrivals).to.deep.equal([
        {
          element: 'div.draft-notice[data-kind=outbox]',
          role: null,
          ariaLive: null,
          text: 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
          liveWithText: [],
        },
      ]);
      // Focused, it is a status again: what the outbox says next ("Đang gửi hồ sơ đã lưu…",
      // the dossier code once sent) is announced where the person is.
      await el.settled();
      const notice = shadow(el).querySelector<HTMLElement>('.draft-notice[data-kind="outbox"]')!;
      await waitUntil(() => notice.getAttribute('role') === 'status', 'the status again');
      expect(focusPath()).to.equal('dvc-form > div.draft-notice[data-kind=outbox]');
      await expect(el).to.be.accessible();
    } finally {
      window.removeEventListener('visibilitychange', hold, true);
      el.remove();
      for (const name of [dbName, `${dbName}-keys`]) indexedDB.deleteDatabase(name);
    }
  });
});
