import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { FormDeliveryController } from '../../../components/submission/form-delivery.js';
import type { DvcReceipt } from '../../../components/receipt/receipt.js';
import { ProcedureModel } from '../../../src/session/index.js';
import { sha256Hex, type SubmissionPayload } from '../../../src/submission/index.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import type { Procedure } from '../../../src/procedure/types.js';
import simple from './fixtures/simple.json';
import { problem, scriptedFetch } from './fake-fetch.js';

const TEXT = JSON.stringify(simple);
const loaded = loadProcedure(TEXT);
if (!loaded.ok) throw new Error('fixture');
const procedure: Procedure = loaded.procedure;

/** The smallest host: what dvc-form renders from the controller. */
class DeliveryHost extends LitElement {
  delivery = new FormDeliveryController(this);
  override render() {
    return html`<button>${this.delivery.buttonText('vi') ?? 'Gửi hồ sơ'}</button>
      <div role="status">${this.delivery.statusText('vi')}</div>
      <p class="failure">${this.delivery.failure}</p>
      ${this.delivery.renderReceipt(procedure, 'vi')}`;
  }
}
customElements.define('delivery-host', DeliveryHost);

async function payload(): Promise<SubmissionPayload> {
  // The payload as the form builds it: the session's decision (src/session).
  const answers = { hoTen: 'Nguyễn Văn An' };
  const session = (await ProcedureModel.create(procedure)).createSession({ answers });
  await session.check();
  return session.toPayload({ procedureSha256: await sha256Hex(TEXT), lang: 'vi' });
}

describe('FormDeliveryController', () => {
  it('shows the phases, then the receipt with the server’s answer', async () => {
    const el = await fixture<DeliveryHost>(testHtml`<delivery-host></delivery-host>`);
    const { fetch } = scriptedFetch([
      { status: 503 },
      {
        status: 201,
        body: { dossierCode: 'KS-261126-7QF3', receivedAt: '2026-11-26T03:05:00.000Z' },
      },
    ]);
    const seen: string[] = [];
    const result = await el.delivery.deliver(await payload(), {
      action: '/api/dossiers',
      lang: 'vi',
      overrides: {
        fetch,
        random: () => 0,
        sleep: async () => {
          await el.updateComplete;
          seen.push(el.shadowRoot!.querySelector('[role="status"]')!.textContent!);
          seen.push(el.shadowRoot!.querySelector('button')!.textContent!);
        },
      },
    });
    expect(seen).to.deep.equal([
      'Chưa kết nối được với máy chủ. Đang thử gửi lại (lần 2 trên 4)…',
      'Đang gửi hồ sơ…',
    ]);
    await el.updateComplete;
    expect(el.delivery.busy).to.equal(false);
    const receipt = el.shadowRoot!.querySelector<DvcReceipt>('dvc-receipt')!;
    expect(receipt.dossierCode).to.equal('KS-261126-7QF3');
    expect(receipt.signedSha256).to.equal(result.signedSha256);
    // No expected date from the server: 3 working days from Thursday 26/11/2026.
    expect(receipt.shownResultDate).to.equal('2026-12-01');
  });

  it('keeps the server problem’s detail as the failure', async () => {
    const el = await fixture<DeliveryHost>(testHtml`<delivery-host></delivery-host>`);
    const { fetch } = scriptedFetch([problem(409, 'Hồ sơ đang được xử lý', 'Vui lòng đợi.')]);
    let error: unknown;
    try {
      await el.delivery.deliver(await payload(), {
        action: '/api/dossiers',
        lang: 'vi',
        overrides: { fetch },
      });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.failure')!.textContent).to.equal('Vui lòng đợi.');
    expect(el.shadowRoot!.querySelector('dvc-receipt')).to.equal(null);
  });

  it('says the browser could not sign when a custom signer throws', async () => {
    const el = await fixture<DeliveryHost>(testHtml`<delivery-host></delivery-host>`);
    const { fetch, calls } = scriptedFetch([]);
    try {
      await el.delivery.deliver(await payload(), {
        action: '/api/dossiers',
        lang: 'en',
        signer: {
          sign: () => Promise.reject(new Error('token removed')),
        },
        overrides: { fetch },
      });
    } catch {
      // expected
    }
    expect(el.delivery.failure).to.equal(
      'Your browser could not sign the application. Please reload the page and send it again, or use another browser.',
    );
    expect(calls).to.deep.equal([]);
  });
});
