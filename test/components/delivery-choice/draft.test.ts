// The delivery choice is part of what a person typed: it is kept in the (encrypted) draft with
// the answers and comes back with them. The host wires DeliveryChoiceController and
// DraftController exactly as <dvc-form> does (components/form/form.ts, draftOptions), against
// real IndexedDB, the real AES-GCM draft key and the real <dvc-delivery-choice>.
import { expect, fixture, html, waitUntil as wait } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { DraftController, DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import {
  DeliveryChoiceController,
  DRAFT_DELIVERY_KEY,
} from '../../../components/delivery-choice/controller.js';
import type { DvcDeliveryChoice } from '../../../components/delivery-choice/delivery-choice.js';
import type { DvcAddressField } from '../../../components/address-field/address-field.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { oneQuestionProcedure, savingDraftOptions } from '../../support/drafts-host.js';

/** IndexedDB can be slow on a loaded machine: wait up to 5 s. */
const waitUntil = (predicate: () => unknown, message?: string) =>
  wait(predicate as () => boolean, message, { timeout: 5000 });

let dbName = '';
let n = 0;

const procedure = (version = '1.0.0'): Procedure =>
  oneQuestionProcedure('1.002804', version, {
    resultDelivery: ['post', 'in-person'],
    postage: 30000,
  });

class DeliveryDraftHost extends LitElement {
  procedure?: Procedure;
  answers: Record<string, unknown> = {};
  page = 'review';
  readonly deliveryChoice = new DeliveryChoiceController(this);
  readonly drafts = new DraftController(this, {
    state: () =>
      this.procedure
        ? {
            procedure: this.procedure,
            answers: this.deliveryChoice.draftAnswers(this.answers),
            page: this.page,
          }
        : undefined,
    restore: (answers, page) => {
      this.answers = this.deliveryChoice.restoreDraft(answers);
      if (page) this.page = page;
      this.requestUpdate();
    },
    ...savingDraftOptions(dbName),
  });

  override render() {
    return (
      this.drafts.renderOffer() ??
      (this.procedure ? this.deliveryChoice.render(this.procedure, 'vi', 135000) : html``)
    );
  }
}
customElements.define('delivery-draft-host', DeliveryDraftHost);

async function mount(p = procedure()): Promise<DeliveryDraftHost> {
  const el = await fixture<DeliveryDraftHost>(html`<delivery-draft-host></delivery-draft-host>`);
  el.procedure = p;
  el.requestUpdate();
  await el.updateComplete;
  await el.drafts.ready();
  await el.updateComplete;
  return el;
}

async function choice(el: DeliveryDraftHost): Promise<DvcDeliveryChoice> {
  await customElements.whenDefined('dvc-delivery-choice');
  await waitUntil(() => el.shadowRoot!.querySelector('dvc-delivery-choice'), 'choice shown');
  const c = el.shadowRoot!.querySelector<DvcDeliveryChoice>('dvc-delivery-choice')!;
  await c.updateComplete;
  return c;
}

const inner = <E extends Element>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel)!;

async function choosePost(c: DvcDeliveryChoice): Promise<void> {
  inner<HTMLElement>(c, '#method')
    .shadowRoot!.querySelector<HTMLInputElement>('input[value="post"]')!
    .click();
  await c.updateComplete;
  inner<HTMLElement>(c, '#name').shadowRoot!.querySelector('input')!.focus();
  await sendKeys({ type: 'Nguyễn Thị Hoa' });
  inner<HTMLElement>(c, '#phone').shadowRoot!.querySelector('input')!.focus();
  await sendKeys({ type: '0912 345 678' });
  await sendKeys({ press: 'Tab' });
  const address = inner<DvcAddressField>(c, '#address');
  await address.unitsReady();
  const select = async (id: string, value: string) => {
    const s = address.shadowRoot!.querySelector<HTMLSelectElement>(id)!;
    s.value = value;
    s.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
    await address.updateComplete;
  };
  await select('#province', '01');
  await select('#commune', '00004');
  address.shadowRoot!.querySelector<HTMLInputElement>('#street')!.focus();
  await sendKeys({ type: 'Số 5 Phố Huế' });
  await sendKeys({ press: 'Tab' });
  await c.updateComplete;
}

async function rawDrafts(): Promise<Record<string, unknown>[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(dbName);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const r = db.transaction('drafts').objectStore('drafts').getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

async function stored(version = '1.0.0') {
  const cipher = await DraftCipher.open(undefined, `${dbName}-keys`);
  const store = await DraftStore.open({ name: dbName, cipher });
  const r = await store.get({ code: '1.002804', version });
  store.close();
  return r;
}

const EXPECTED = {
  method: 'post',
  recipient: {
    fullName: 'Nguyễn Thị Hoa',
    phone: '0912345678',
    address: { province: '01', commune: '00004', street: 'Số 5 Phố Huế' },
  },
};

describe('the delivery choice in the draft', () => {
  beforeEach(() => {
    dbName = `dvc-delivery-draft-test-${Date.now()}-${n++}`;
  });

  it('is saved sealed with the answers and put back with them on “Tiếp tục”', async () => {
    const first = await mount();
    expect(first.drafts.phase).to.equal(DRAFT_PHASE.active);
    first.answers = { hoTen: 'Lê Quốc Bảo' };
    first.requestUpdate();
    await choosePost(await choice(first));
    await first.updateComplete;
    await first.drafts.flush();
    const saved = await stored();
    expect(saved?.answers).to.deep.equal({ hoTen: 'Lê Quốc Bảo', [DRAFT_DELIVERY_KEY]: EXPECTED });
    // Nothing of the recipient is readable at rest: the answers are AES-GCM ciphertext.
    const [raw] = await rawDrafts();
    expect(raw!.answers).to.deep.equal({});
    const sealed = new TextDecoder().decode(
      new Uint8Array((raw!.sealedAnswers as { data: ArrayBuffer }).data),
    );
    for (const clear of ['Nguyễn Thị Hoa', '0912', 'Phố Huế', 'post'])
      expect(sealed).to.not.include(clear);
    first.remove();

    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.offer);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => el.deliveryChoice.choice, 'choice restored');
    // The form's answers never hold the choice: it stays out of the payload's answers.
    expect(el.answers).to.deep.equal({ hoTen: 'Lê Quốc Bảo' });
    expect(el.deliveryChoice.choice).to.deep.equal(EXPECTED);
    // The element shows it again, and it passes the same check as on submit.
    const c = await choice(el);
    expect(c.value).to.deep.equal(EXPECTED);
    expect(inner<HTMLElement>(c, '#name').shadowRoot!.querySelector('input')!.value).to.equal(
      'Nguyễn Thị Hoa',
    );
    expect(
      inner<HTMLElement>(c, '#method').shadowRoot!.querySelector<HTMLInputElement>(
        'input[value="post"]',
      )!.checked,
    ).to.equal(true);
    expect(await el.deliveryChoice.check(el.procedure!, 'vi')).to.deep.equal([]);
    expect(await el.deliveryChoice.payloadValue(el.procedure!, 'vi')).to.deep.equal({
      ...EXPECTED,
      postage: 30000,
    });
    // Changing it again is saved again.
    inner<HTMLElement>(c, '#method')
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="in-person"]')!
      .click();
    await el.updateComplete;
    await el.drafts.flush();
    expect((await stored())?.answers[DRAFT_DELIVERY_KEY]).to.have.property('method', 'in-person');
  });

  it('a kept commune of another province is refused by the same check as verify', async () => {
    // A draft (or another tab) can hold a commune the address field no longer pairs with the
    // province; the form's check on submit is src/delivery's checkDelivery, as on the server.
    const el = await mount();
    el.deliveryChoice.restoreDraft({
      [DRAFT_DELIVERY_KEY]: {
        ...EXPECTED,
        recipient: {
          ...EXPECTED.recipient,
          address: { ...EXPECTED.recipient.address, province: '79' },
        },
      },
    });
    const problems = await el.deliveryChoice.check(el.procedure!, 'vi');
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['delivery-commune-not-in-province', '/recipient/address/commune'],
    ]);
    await el.updateComplete;
    const c = await choice(el);
    expect(inner<HTMLElement & { error: string }>(c, '#address').error).to.equal(
      'Xã, phường, đặc khu đã chọn không thuộc tỉnh, thành phố đã chọn; vui lòng chọn lại xã, phường, đặc khu.',
    );
    expect(await el.deliveryChoice.check(el.procedure!, 'en')).to.have.length(1);
    expect((await el.deliveryChoice.check(el.procedure!, 'en'))[0]!.message).to.equal(
      'The commune or ward chosen is not in the province or city chosen; choose the commune or ward again.',
    );
  });

  it('goes over to a new version of the procedure with the answers', async () => {
    const first = await mount();
    first.answers = { hoTen: 'Lê Quốc Bảo' };
    first.requestUpdate();
    await choosePost(await choice(first));
    await first.drafts.flush();
    first.remove();

    const el = await mount(procedure('1.1.0'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => el.deliveryChoice.choice, 'choice carried over');
    expect(el.answers).to.deep.equal({ hoTen: 'Lê Quốc Bảo' });
    expect(el.deliveryChoice.choice).to.deep.equal(EXPECTED);
    await el.drafts.flush();
    expect((await stored('1.1.0'))?.answers[DRAFT_DELIVERY_KEY]).to.deep.equal(EXPECTED);
  });
});
