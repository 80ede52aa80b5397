/**
 * `<dvc-form>`'s built-in delivery: challenge, signing, transport and receipt, with a scripted
 * fetch standing in for the network (the real receiver round trip is in test/e2e).
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type {
  DvcErrorEvent,
  DvcSubmitEvent,
  DvcSubmittedEvent,
} from '../../../components/form/events.js';
import type { DvcReceipt } from '../../../components/receipt/receipt.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import type { SignedSubmissionResult } from '../../../components/submission/submit.js';
import { SubmissionTransportError } from '../../../components/submission/transport.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  type Signer,
} from '../../../src/signing/index.js';
import { createMemoryNonceStore, verifySubmission } from '../../../src/verify/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import simple from './fixtures/simple.json';
import { problem, scriptedFetch, type Step } from './fake-fetch.js';

const TEXT = JSON.stringify(simple, null, 2);
const loaded = loadProcedure(TEXT);
if (!loaded.ok) throw new Error('fixture');
const procedure: Procedure = loaded.procedure;
const NONCE = 'Q2hhbGxlbmdlLW5vbmNlLTEyMw';
const CHALLENGE: Step = {
  status: 201,
  body: { nonce: NONCE, expiresAt: '2999-01-01T00:00:00.000Z' },
};
const ANSWER = {
  dossierCode: 'KS-261126-7QF3',
  receivedAt: '2026-11-26T03:05:00.000Z',
  expectedResultDate: '2026-12-01',
};
const CREATED: Step = { status: 201, body: ANSWER };

const shadow = (el: DvcForm) => el.shadowRoot!;
const heading = (el: DvcForm) => shadow(el).querySelector('#page-heading')?.textContent?.trim();
const submitButton = (el: DvcForm) =>
  shadow(el).querySelector<HTMLButtonElement>('.buttons button.primary')!;
const liveRegion = (el: DvcForm) =>
  shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function mount(steps: Step[], extra: { signer?: Signer; challenge?: boolean } = {}) {
  const { fetch, calls } = scriptedFetch(steps);
  const seen: { live: string; disabled: boolean; ariaDisabled: string | null; text: string }[] = [];
  const el = await fixture<DvcForm>(
    html`<dvc-form
      .procedureData=${TEXT}
      .prefill=${{ hoTen: 'Nguyễn Văn An', soBanSao: 2 }}
      .signer=${extra.signer}
      .deliveryOptions=${{
        fetch,
        random: () => 0,
        // Instead of waiting: note what the person sees during the retry (the button is busy but
        // not `disabled`, which would drop the focus it has: form/submit-focus.test.ts).
        sleep: async () => {
          await el.updateComplete;
          const b = submitButton(el);
          seen.push({
            live: liveRegion(el),
            disabled: b.disabled,
            ariaDisabled: b.getAttribute('aria-disabled'),
            text: b.textContent!.trim(),
          });
        },
      }}
      action="/api/dossiers"
      challenge-endpoint=${extra.challenge === false ? '' : '/api/challenges'}
      today="2026-11-26"
    ></dvc-form>`,
  );
  await el.settled();
  for (let i = 0; i < 4 && heading(el) !== 'Kiểm tra lại thông tin'; i++) {
    submitButton(el).click();
    await aTimeout(0);
    await el.settled();
  }
  expect(heading(el)).to.equal('Kiểm tra lại thông tin');
  shadow(el).querySelector<HTMLInputElement>('#declaration')!.click();
  await el.updateComplete;
  return { el, calls, seen };
}

describe('dvc-form signed delivery', () => {
  it('fetches the challenge, signs, retries 500 → 500 → 201 with one Idempotency-Key, and shows the receipt', async () => {
    const { el, calls, seen } = await mount([
      CHALLENGE,
      problem(500, 'Lỗi máy chủ', 'Máy chủ gặp lỗi.'),
      { status: 503 },
      CREATED,
    ]);
    const done = oneEvent(el, 'dvc-submitted') as Promise<DvcSubmittedEvent>;
    submitButton(el).click();
    const event = await done;
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
      'POST /api/challenges',
      'POST /api/dossiers',
      'POST /api/dossiers',
      'POST /api/dossiers',
    ]);
    const keys = calls.slice(1).map((c) => c.headers['idempotency-key']);
    expect(keys[0]).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(new Set(keys).size).to.equal(1);
    expect(new Set(calls.slice(1).map((c) => c.body)).size).to.equal(1);
    expect(seen).to.deep.equal([
      {
        live: 'Chưa kết nối được với máy chủ. Đang thử gửi lại (lần 2 trên 4)…',
        disabled: false,
        ariaDisabled: 'true',
        text: 'Đang gửi hồ sơ…',
      },
      {
        live: 'Chưa kết nối được với máy chủ. Đang thử gửi lại (lần 3 trên 4)…',
        disabled: false,
        ariaDisabled: 'true',
        text: 'Đang gửi hồ sơ…',
      },
    ]);

    const result = event.detail.result as SignedSubmissionResult;
    expect(result.response).to.deep.equal(ANSWER);
    expect(result.payload.nonce).to.equal(NONCE);
    expect(JSON.parse(calls[1]!.body!)).to.deep.equal({ jws: result.jws });
    const verified = await verifySubmission(result.jws, {
      procedure,
      procedureText: TEXT,
      nonceStore: { consume: async (n) => n === NONCE },
    });
    expect(verified.ok).to.equal(true);

    await el.settled();
    const receipt = shadow(el).querySelector<DvcReceipt>('dvc-receipt')!;
    expect(receipt.dossierCode).to.equal('KS-261126-7QF3');
    expect(receipt.signedSha256).to.equal(result.signedSha256);
    expect(receipt.shadowRoot!.querySelector('svg[part="qr"]')).to.be.instanceOf(SVGSVGElement);
    await expect(el).to.be.accessible();
  });

  it('retries a network error, then succeeds', async () => {
    const { el, calls } = await mount([CHALLENGE, { networkError: true }, CREATED]);
    const done = oneEvent(el, 'dvc-submitted') as Promise<DvcSubmittedEvent>;
    submitButton(el).click();
    expect(((await done).detail.result as SignedSubmissionResult).attempts).to.equal(2);
    expect(calls.length).to.equal(3);
  });

  it('shows a 422 problem’s detail, does not retry, and fires dvc-error', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const { el, calls } = await mount([
        CHALLENGE,
        problem(422, 'Hồ sơ không hợp lệ', 'Hồ sơ không vượt qua bước kiểm tra của cơ quan.'),
      ]);
      const errored = oneEvent(el, 'dvc-error') as Promise<DvcErrorEvent>;
      submitButton(el).click();
      const event = await errored;
      expect(event.detail.code).to.equal('submit');
      const cause = event.detail.cause as SubmissionTransportError;
      expect(cause).to.be.instanceOf(SubmissionTransportError);
      expect(cause.status).to.equal(422);
      await el.updateComplete;
      // The problem's detail is in the error summary at the top of the page, focused.
      const box = shadow(el).querySelector<DvcErrorSummary>('dvc-error-summary')!;
      expect(box.shadowRoot!.querySelector('h2')!.textContent).to.equal('Chưa gửi được hồ sơ');
      expect(
        [...box.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()),
      ).to.deep.equal(['Hồ sơ không vượt qua bước kiểm tra của cơ quan.']);
      expect(shadow(el).activeElement).to.equal(box);
      expect(calls.length).to.equal(2);
      expect(submitButton(el).disabled).to.equal(false);
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('sends once when Submit is clicked twice', async () => {
    const { el, calls } = await mount([CHALLENGE, CREATED, CHALLENGE, CREATED]);
    let submits = 0;
    el.addEventListener('dvc-submit', () => submits++);
    const done = oneEvent(el, 'dvc-submitted');
    submitButton(el).click();
    submitButton(el).click();
    await done;
    await aTimeout(20);
    expect(submits).to.equal(1);
    expect(calls.map((c) => c.url)).to.deep.equal(['/api/challenges', '/api/dossiers']);
  });

  it('neither signs nor sends when dvc-submit is cancelled', async () => {
    let signed = 0;
    const inner = await createWebCryptoSigner(await generateSigningKey());
    const signer: Signer = { sign: (b) => (signed++, inner.sign(b)) };
    const { el, calls } = await mount([], { signer });
    el.addEventListener('dvc-submit', (e) => e.preventDefault());
    const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    submitButton(el).click();
    expect((await submitted).defaultPrevented).to.equal(true);
    await aTimeout(20);
    expect(calls).to.deep.equal([]);
    expect(signed).to.equal(0);
    expect(heading(el)).to.equal('Kiểm tra lại thông tin');
  });

  it('signs with the page’s signer when one is set, without a challenge endpoint', async () => {
    let signed = 0;
    const inner = await createWebCryptoSigner(await generateSigningKey());
    const signer: Signer = { sign: (b) => (signed++, inner.sign(b)) };
    const { el, calls } = await mount([CREATED], { signer, challenge: false });
    const done = oneEvent(el, 'dvc-submitted') as Promise<DvcSubmittedEvent>;
    submitButton(el).click();
    const result = (await done).detail.result as SignedSubmissionResult;
    expect(signed).to.equal(1);
    const header = JSON.parse(
      atob(result.jws.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')),
    );
    expect(header.kid).to.equal(inner.kid);
    expect(calls.map((c) => c.url)).to.deep.equal(['/api/dossiers']);
    const verified = await verifySubmission(result.jws, {
      procedure,
      procedureText: TEXT,
      trustedKeys: [inner.publicJwk],
      nonceStore: createMemoryNonceStore(),
    });
    expect(verified.ok).to.equal(true);
  });

  it('keeps the same Idempotency-Key when the person presses Submit again after a network failure', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const { el, calls } = await mount([
        CHALLENGE,
        { networkError: true },
        { networkError: true },
        { networkError: true },
        { networkError: true },
        CREATED,
      ]);
      const errored = oneEvent(el, 'dvc-error');
      submitButton(el).click();
      await errored;
      await el.updateComplete;
      const summary = shadow(el).querySelector<DvcErrorSummary>('dvc-error-summary')!;
      expect(summary.shadowRoot!.querySelector('li')!.textContent!.trim()).to.equal(
        'Không kết nối được với máy chủ nên hồ sơ có thể chưa được gửi. Vui lòng kiểm tra kết nối mạng rồi bấm “Gửi hồ sơ” lần nữa. Hồ sơ sẽ không bị gửi trùng.',
      );
      await aTimeout(0);
      const done = oneEvent(el, 'dvc-submitted');
      submitButton(el).click();
      await done;
      const posts = calls.filter((c) => c.url === '/api/dossiers');
      expect(posts.length).to.equal(5);
      expect(new Set(posts.map((c) => c.headers['idempotency-key'])).size).to.equal(1);
      expect(new Set(posts.map((c) => c.body)).size).to.equal(1);
      await waitUntil(() => shadow(el).querySelector('dvc-receipt'));
    } finally {
      console.error = original;
    }
  });
});
