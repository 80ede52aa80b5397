import { expect, fixture, html, waitUntil as wait } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController, DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import type { Procedure } from '../../../src/procedure/types.js';
import type { OutboxSend, OutboxSign } from '../../../components/drafts/outbox.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
} from '../../../components/submission/transport.js';

/** IndexedDB can be slow on a loaded machine: wait up to 5 s. */
const waitUntil = (predicate: () => unknown) =>
  wait(predicate as () => boolean, undefined, { timeout: 5000 });

let dbName = '';
let n = 0;
let online = true;
/** Drafts saved before this count as from an earlier visit (the tests run in one document). */
let loadedAt = Infinity;
let enabled = true;
let capMb = 50;
/** Most tests are about saving, so the host page "has asked" already; the consent tests ask. */
let consent: 'ask' | 'granted' = 'granted';

interface Entry {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  file?: Blob;
}
/** Stands in for <dvc-upload>: a slot name and a value of payload entries. */
class FakeUpload extends HTMLElement {
  spec = { id: 'giay-to' };
  value: Entry[] = [];
}
customElements.define('dvc-upload', FakeUpload);
const sent: { jws: string; key: string }[] = [];
let sentDocuments: unknown[] = [];
const send: OutboxSend = async (jws, o) => {
  if (!online)
    throw new SubmissionTransportError('down', { kind: FAILURE_KIND.network, attempts: 1 });
  sent.push({ jws, key: o.idempotencyKey });
  if (o.documents) sentDocuments.push(o.documents);
  return { status: 201, body: { dossierCode: 'TN-261126-0001' }, replayed: false };
};
const sign: OutboxSign = async () => ({ jws: 'resigned' });

function procedure(version = '1.0.0', phoneType = 'string'): Procedure {
  return {
    code: '1.000009',
    version,
    data: {
      type: 'object',
      properties: {
        hoTen: { type: 'string' },
        soDienThoai: { type: phoneType },
      },
    },
    ui: {
      steps: [
        {
          id: 'buoc-1',
          title: { vi: 'Bước 1' },
          fields: [
            { field: 'hoTen', widget: 'text', label: { vi: 'Họ và tên' } },
            { field: 'soDienThoai', widget: 'phone', label: { vi: 'Số điện thoại' } },
          ],
        },
      ],
    },
  } as unknown as Procedure;
}

class DraftTestHost extends LitElement {
  procedure?: Procedure;
  answers: Record<string, unknown> = {};
  page = 'buoc-1';
  restored: { answers: Record<string, unknown>; page: string | undefined }[] = [];
  drafts = new DraftController(this, {
    state: () =>
      this.procedure
        ? { procedure: this.procedure, answers: this.answers, page: this.page }
        : undefined,
    restore: (answers, page) => {
      this.restored.push({ answers, page });
      this.answers = answers;
      if (page) this.page = page;
      this.requestUpdate();
    },
    lang: () => 'vi',
    debounceMs: 20,
    dbName,
    loadedAt: () => loadedAt,
    enabled: () => enabled,
    consent: () => consent,
    fileCapMb: () => capMb,
    send,
    sign,
    onDelivered: (entry, response) => this.delivered.push({ key: entry.key, response }),
  });
  delivered: { key: string; response: unknown }[] = [];

  set(path: string, value: unknown) {
    this.answers = { ...this.answers, [path]: value };
    this.requestUpdate();
  }

  override render() {
    return html`${this.drafts.renderNotices()}${this.drafts.renderOffer() ?? html`<p id="page">${this.page}</p>`}`;
  }
}
customElements.define('draft-test-host', DraftTestHost);

async function mount(p = procedure()): Promise<DraftTestHost> {
  const el = await fixture<DraftTestHost>(html`<draft-test-host></draft-test-host>`);
  el.procedure = p;
  el.requestUpdate();
  await el.updateComplete;
  await el.drafts.ready();
  await el.updateComplete;
  return el;
}

async function stored() {
  // Drafts are encrypted: read them with the device's draft key, as the controller does.
  const cipher = await DraftCipher.open(undefined, `${dbName}-keys`);
  const store = await DraftStore.open({ name: dbName, cipher });
  const r = await store.get({ code: '1.000009', version: '1.0.0' });
  store.close();
  return r;
}

const text = (el: HTMLElement, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());

describe('DraftController', () => {
  beforeEach(() => {
    dbName = `dvc-controller-test-${Date.now()}-${n++}`;
    loadedAt = Infinity;
    enabled = true;
    consent = 'granted';
  });

  it('autosaves changes after the debounce and on pagehide', async () => {
    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.active);
    const typedAt = performance.now();
    el.set('hoTen', 'Nguyễn Văn An');
    await el.updateComplete;
    const early = await stored();
    // Nothing is saved before the 20 ms debounce; reading IndexedDB can itself take longer than
    // that on a loaded machine (three engines at once in CI), and then there is nothing to check.
    if (performance.now() - typedAt < 20) expect(early).to.equal(undefined);
    await waitUntil(async () => (await stored())?.answers.hoTen === 'Nguyễn Văn An');
    el.set('soDienThoai', '0912345678');
    el.page = 'review';
    await el.updateComplete;
    window.dispatchEvent(new Event('pagehide'));
    await el.drafts.flush();
    const r = await stored();
    expect(r?.answers).to.deep.equal({ hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678' });
    expect(r?.page).to.equal('review');
  });

  it('offers the draft back; continue restores answers and page', async () => {
    const first = await mount();
    first.set('hoTen', 'Trần Thị Bình');
    first.page = 'buoc-2';
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();

    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.offer);
    expect(text(el, 'h2')).to.deep.equal(['Bạn có một hồ sơ đang khai dở']);
    expect(text(el, '.draft-offer button')).to.deep.equal([
      'Tiếp tục hồ sơ đang khai',
      'Khai lại từ đầu',
    ]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => el.restored.length === 1);
    expect(el.restored).to.deep.equal([{ answers: { hoTen: 'Trần Thị Bình' }, page: 'buoc-2' }]);
    await el.updateComplete;
    expect(text(el, '#page')).to.deep.equal(['buoc-2']);
  });

  it('start again deletes the draft', async () => {
    const first = await mount();
    first.set('hoTen', 'X');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="restart"]')!.click();
    await waitUntil(() => el.drafts.phase === DRAFT_PHASE.active);
    await waitUntil(async () => (await stored()) === undefined);
    expect(el.restored).to.deep.equal([]);
  });

  it('carries a draft over to a new version and lists what to enter again', async () => {
    const first = await mount();
    first.set('hoTen', 'Lê Văn Cường');
    first.set('soDienThoai', '0912345678');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();

    const el = await mount(procedure('2.0.0', 'integer'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => el.restored.length === 1);
    expect(el.restored[0]).to.deep.equal({ answers: { hoTen: 'Lê Văn Cường' }, page: undefined });
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="version-changed"] p')).to.deep.equal([
      'Biểu mẫu của thủ tục này đã được cập nhật từ khi bạn khai. Các câu trả lời còn dùng được đã được giữ lại. Bạn vui lòng nhập lại các thông tin sau:',
    ]);
    expect(text(el, '.draft-notice li')).to.deep.equal(['Số điện thoại']);
    await el.drafts.flush();
    // The draft now belongs to version 2; version 1's is gone.
    expect(await stored()).to.equal(undefined);
    const cipher = await DraftCipher.open(undefined, `${dbName}-keys`);
    const store = await DraftStore.open({ name: dbName, cipher });
    expect((await store.get({ code: '1.000009', version: '2.0.0' }))?.answers).to.deep.equal({
      hoTen: 'Lê Văn Cường',
    });
    store.close();
  });

  it('two tabs: each keeps the other tab’s newer answers and says so', async () => {
    const a = await mount();
    const b = await mount();
    a.set('hoTen', 'Phạm Thị Dung');
    await a.updateComplete;
    await a.drafts.flush();
    await waitUntil(() => b.answers.hoTen === 'Phạm Thị Dung');
    b.set('soDienThoai', '0987654321');
    await b.updateComplete;
    await b.drafts.flush();
    await waitUntil(() => a.answers.soDienThoai === '0987654321');
    expect(a.answers).to.deep.equal({ hoTen: 'Phạm Thị Dung', soDienThoai: '0987654321' });
    expect((await stored())?.answers).to.deep.equal(a.answers);
    await a.updateComplete;
    expect(text(a, '.draft-notice[data-kind="other-tab"] p')).to.deep.equal([
      'Hồ sơ này vừa được sửa ở một thẻ (tab) khác của trình duyệt. Thông tin mới nhất đã được cập nhật ở đây: Số điện thoại.',
    ]);
  });

  it('deletes the draft after a successful submission', async () => {
    const el = await mount();
    el.set('hoTen', 'Y');
    await el.updateComplete;
    await el.drafts.flush();
    expect(await stored()).to.not.equal(undefined);
    el.dispatchEvent(new Event('dvc-submitted'));
    await waitUntil(async () => (await stored()) === undefined);
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.done);
  });

  it('says so when the storage is full', async () => {
    const el = await mount();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      el.set('hoTen', 'Z');
      await el.updateComplete;
      await el.drafts.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('.draft-notice[data-kind="storage"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.querySelector('p')!.textContent).to.equal(
      'Bộ nhớ của trình duyệt đã đầy nên hồ sơ chưa được lưu tạm. Bạn vui lòng không đóng trang này cho đến khi gửi xong hồ sơ.',
    );
    // The next save succeeds and clears the alert; the answer was not lost.
    el.set('soDienThoai', '0912345678');
    await el.updateComplete;
    await el.drafts.flush();
    expect((await stored())?.answers).to.deep.equal({ hoTen: 'Z', soDienThoai: '0912345678' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.draft-notice[data-kind="storage"]')).to.equal(null);
  });

  it('queues a submission that failed offline with the key and bytes of the failed POST', async () => {
    const el = await mount();
    el.set('hoTen', 'Võ Thị Em');
    await el.updateComplete;
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Võ Thị Em' },
      documents: [],
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    };
    // What the delivery's submission object says: the key and bytes of the POST that failed.
    const key = 'key-of-the-failed-post';
    const submission = { idempotencyKey: key, jws: 'first-bytes' };
    const cause = new TypeError('Failed to fetch');
    // A server error is not a lack of network: not queued.
    expect(
      await el.drafts.queueIfOffline(
        payload,
        new SubmissionTransportError('5xx', {
          kind: FAILURE_KIND.server,
          status: 500,
          attempts: 4,
        }),
        {
          action: '/api/dossiers',
        },
      ),
    ).to.equal(false);
    online = false;
    expect(
      await el.drafts.queueIfOffline(payload, cause, {
        action: '/api/dossiers',
        challengeEndpoint: '/api/challenges',
        submission,
      }),
    ).to.equal(true);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
    ]);
    // Still offline: it stays.
    const waiting = await el.drafts.flushOutbox();
    expect(waiting.map((r) => r.result)).to.deep.equal(['waiting']);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    expect(sent).to.deep.equal([{ jws: 'first-bytes', key }]);
    expect(el.delivered).to.deep.equal([{ key, response: { dossierCode: 'TN-261126-0001' } }]);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã lưu trước đây đã được gửi. Mã hồ sơ của bạn là TN-261126-0001.',
    ]);
    expect(await stored()).to.equal(undefined);
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.done);
  });

  it('queues with the key and signed bytes taken from the failed submission itself', async () => {
    sent.length = 0;
    const el = await mount();
    el.set('hoTen', 'Phan Văn Hải');
    await el.updateComplete;
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Phan Văn Hải' },
      documents: [],
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    };
    // The delivery's submission object says what was sent.
    online = false;
    expect(
      await el.drafts.queueIfOffline(payload, new TypeError('Failed to fetch'), {
        action: '/api/dossiers',
        submission: { idempotencyKey: 'key-from-submission', jws: 'signed-bytes' },
      }),
    ).to.equal(true);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    expect(sent).to.deep.equal([{ jws: 'signed-bytes', key: 'key-from-submission' }]);
  });

  it('queues a multipart submission with its files, within the cap', async () => {
    sent.length = 0;
    sentDocuments = [];
    const el = await mount();
    el.set('hoTen', 'Đỗ Văn Giang');
    await el.updateComplete;
    const pdf = new Blob(['%PDF-1.4\n', new Uint8Array(900).fill(0x20), '\n%%EOF\n'], {
      type: 'application/pdf',
    });
    const document = {
      slot: 'giay-to',
      name: 'giay-to.pdf',
      type: 'application/pdf',
      size: pdf.size,
      sha256: 'e'.repeat(64),
    };
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Đỗ Văn Giang' },
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
      documents: [document],
    };
    const ctx = {
      action: '/api/dossiers',
      documents: [{ ...document, file: pdf }],
      submission: { idempotencyKey: 'key-of-the-multipart-post', jws: 'multipart-bytes' },
    };
    // The multipart POST (no upload endpoint) failed for lack of network: the submission
    // object has its key and the signed bytes it sent as the `payload` part.
    const key = 'key-of-the-multipart-post';
    const cause = new TypeError('Failed to fetch');

    // Over the cap: not queued, and the person is told why.
    capMb = 0.0005; // 524 bytes
    expect(await el.drafts.queueIfOffline(payload, cause, ctx)).to.equal(false);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"][role="alert"] p')).to.deep.equal([
      'Không có mạng nên hồ sơ chưa được gửi. Các tệp đính kèm quá lớn để lưu tạm trên thiết bị, nên hồ sơ không thể tự động gửi khi có mạng. Bạn vui lòng giữ trang này mở và bấm “Gửi hồ sơ” lại khi có mạng.',
    ]);
    // A file without its bytes (not kept across a reload) cannot wait either.
    capMb = 50;
    expect(
      await el.drafts.queueIfOffline(payload, cause, {
        ...ctx,
        documents: [{ ...document, file: new Blob([]) }],
      }),
    ).to.equal(false);

    online = false;
    expect(await el.drafts.queueIfOffline(payload, cause, ctx)).to.equal(true);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
    ]);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    // The very bytes of the failed POST, under its key, with the file.
    expect(sent).to.deep.equal([{ jws: 'multipart-bytes', key }]);
    const [docs] = sentDocuments as { slot: string; name: string; file?: Blob }[][];
    expect(docs.map((d) => [d.slot, d.name, d.file?.size])).to.deep.equal([
      ['giay-to', 'giay-to.pdf', pdf.size],
    ]);
    expect(await docs[0].file!.text()).to.equal(await pdf.text());
  });

  it('starts afresh over a draft this same page wrote (a form mounted again)', async () => {
    loadedAt = performance.timeOrigin;
    const first = await mount();
    first.set('hoTen', 'Cũ');
    first.set('soDienThoai', '0912345678');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();
    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.active);
    expect(el.shadowRoot!.querySelector('.draft-offer')).to.equal(null);
    el.set('hoTen', 'Mới');
    await el.updateComplete;
    await el.drafts.flush();
    // Replaced, not merged: the earlier mount's phone number is gone.
    expect((await stored())?.answers).to.deep.equal({ hoTen: 'Mới' });
  });

  it('keeps no draft when turned off (assisted mode)', async () => {
    enabled = false;
    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.off);
    el.set('hoTen', 'Khách 1');
    await el.updateComplete;
    await el.drafts.flush();
    expect(await stored()).to.equal(undefined);
  });

  it('keeps chosen files with the draft within the cap and puts them back', async () => {
    capMb = 0.001; // 1048 bytes
    const el = await mount();
    const upload = document.createElement('dvc-upload') as FakeUpload;
    el.append(upload);
    const small = new Blob([new Uint8Array(1000).fill(7)], { type: 'application/pdf' });
    const big = new Blob([new Uint8Array(2000)], { type: 'application/pdf' });
    upload.value = [
      {
        slot: 'giay-to',
        name: 'nho.pdf',
        type: 'application/pdf',
        size: 1000,
        sha256: 'a1',
        file: small,
      },
      {
        slot: 'giay-to',
        name: 'lon.pdf',
        type: 'application/pdf',
        size: 2000,
        sha256: 'b2',
        file: big,
      },
      {
        slot: 'giay-to',
        name: 'da-tai.pdf',
        type: 'application/pdf',
        size: 9000,
        sha256: 'c3',
        url: '/api/uploads/abc',
      },
    ];
    upload.dispatchEvent(new Event('dvc-change', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('.draft-notice[data-kind="files"]'));
    expect(text(el, '.draft-notice[data-kind="files"] p')).to.deep.equal([
      'Tệp lon.pdf quá lớn để lưu tạm; bạn sẽ cần chọn lại tệp này nếu tải lại trang.',
    ]);
    expect((await stored())?.documents['giay-to'].map((d) => d.name)).to.deep.equal([
      'nho.pdf',
      'da-tai.pdf',
    ]);
    el.remove();

    const again = await mount();
    const upload2 = document.createElement('dvc-upload') as FakeUpload;
    again.append(upload2);
    again.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => upload2.value.length === 2);
    expect(upload2.value.map((f) => [f.name, f.size, f.sha256, f.url, f.file?.size])).to.deep.equal(
      [
        ['nho.pdf', 1000, 'a1', undefined, 1000],
        ['da-tai.pdf', 9000, 'c3', '/api/uploads/abc', undefined],
      ],
    );
    expect(new Uint8Array(await upload2.value[0].file!.arrayBuffer())[999]).to.equal(7);
    capMb = 50;
  });

  /** The raw records of the drafts database, as a copy of the browser profile would show them. */
  async function rawDrafts(): Promise<unknown[]> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      return await new Promise((resolve, reject) => {
        const r = db.transaction('drafts').objectStore('drafts').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    } finally {
      db.close();
    }
  }

  async function databases(): Promise<string[]> {
    return (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.startsWith(dbName));
  }

  it('asks before keeping anything; the answers typed before “yes” are kept too', async () => {
    consent = 'ask';
    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.ask);
    expect(text(el, '.draft-consent h2')).to.deep.equal(['Lưu tạm hồ sơ trên thiết bị này?']);
    expect(text(el, '.draft-consent p')).to.deep.equal([
      'Nếu bạn đồng ý, những gì bạn khai (kể cả số định danh cá nhân, số điện thoại) và tệp đã chọn được mã hoá và lưu trên trình duyệt này trong 7 ngày, để bạn khai tiếp nếu lỡ đóng trang. Dữ liệu không gửi đi đâu cho đến khi bạn bấm “Gửi hồ sơ”.',
      'Nếu đây là máy dùng chung (bưu điện, bộ phận một cửa, quán internet, máy của người khác), hãy chọn “Không lưu”.',
    ]);
    el.set('hoTen', 'Phạm Văn Dũng');
    await el.updateComplete;
    window.dispatchEvent(new Event('pagehide'));
    await el.drafts.flush();
    await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).to.equal(undefined);

    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-consent="yes"]')!.click();
    await waitUntil(async () => (await stored())?.answers.hoTen === 'Phạm Văn Dũng');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.draft-consent')).to.equal(null);
    const r = await stored();
    expect(r!.expiresAt - r!.savedAt).to.equal(7 * 86_400_000);
    expect(text(el, '.draft-kept button')).to.deep.equal(['Xoá dữ liệu trên máy này']);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('asks in the first paint; an answer given before the look-up is over is applied', async () => {
    for (const yes of [true, false]) {
      consent = 'ask';
      dbName = `dvc-controller-test-${Date.now()}-${n++}`;
      const el = await fixture<DraftTestHost>(html`<draft-test-host></draft-test-host>`);
      el.procedure = procedure();
      el.requestUpdate();
      await el.updateComplete;
      // IndexedDB is still being read, and the question is already laid out (no shift later).
      expect(el.drafts.phase).to.equal(DRAFT_PHASE.idle);
      expect(text(el, '.draft-consent h2')).to.deep.equal(['Lưu tạm hồ sơ trên thiết bị này?']);
      el.set('hoTen', 'Người bấm sớm');
      el.shadowRoot!.querySelector<HTMLButtonElement>(
        `[data-consent="${yes ? 'yes' : 'no'}"]`,
      )!.click();
      await el.drafts.ready();
      await el.updateComplete;
      expect(el.drafts.phase).to.equal(yes ? DRAFT_PHASE.active : DRAFT_PHASE.declined);
      expect(el.shadowRoot!.querySelector('.draft-consent')).to.equal(null);
      if (yes) await waitUntil(async () => (await stored())?.answers.hoTen === 'Người bấm sớm');
      else {
        await el.drafts.flush();
        expect(await stored()).to.equal(undefined);
      }
      el.remove();
    }
  });

  it('“Không lưu” keeps nothing, not even a submission that failed offline', async () => {
    consent = 'ask';
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-consent="no"]')!.click();
    await el.updateComplete;
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.declined);
    expect(text(el, '.draft-notice[data-kind="consent"] p')).to.deep.equal([
      'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.',
    ]);
    el.set('hoTen', 'Khách ở bưu điện');
    await el.updateComplete;
    window.dispatchEvent(new Event('pagehide'));
    await el.drafts.flush();
    expect(await stored()).to.equal(undefined);
    const queued = await el.drafts.queueIfOffline(
      { procedure: { code: '1.000009', version: '1.0.0' } } as unknown as SubmissionPayload,
      new SubmissionTransportError('down', { kind: FAILURE_KIND.network, attempts: 1 }),
      { action: '/api/dossiers' },
    );
    expect(queued).to.equal(false);
  });

  it('stores answers encrypted under a non-extractable key', async () => {
    const el = await mount();
    el.set('hoTen', 'Nguyễn Thị Hoa');
    el.set('soDienThoai', '0912345678');
    await el.updateComplete;
    await el.drafts.flush();
    const [raw] = (await rawDrafts()) as Record<string, unknown>[];
    expect(raw.answers).to.deep.equal({});
    expect(raw.sealedAnswers).to.have.property('v', 1);
    const bytes = new Uint8Array((raw.sealedAnswers as { data: ArrayBuffer }).data);
    const asText = new TextDecoder().decode(bytes);
    expect(asText).to.not.include('0912345678');
    expect(asText).to.not.include('Hoa');
    // The key is a CryptoKey the browser will not export.
    const keyDb = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(`${dbName}-keys`);
      r.onsuccess = () => resolve(r.result);
    });
    const key = await new Promise<CryptoKey>((resolve) => {
      const r = keyDb.transaction('keys').objectStore('keys').get('drafts');
      r.onsuccess = () => resolve(r.result as CryptoKey);
    });
    keyDb.close();
    expect(key.extractable).to.equal(false);
    expect(key.algorithm).to.deep.include({ name: 'AES-GCM', length: 256 });
    let exported = true;
    await crypto.subtle.exportKey('raw', key).catch(() => (exported = false));
    expect(exported).to.equal(false);
    expect((await stored())?.answers).to.deep.equal({
      hoTen: 'Nguyễn Thị Hoa',
      soDienThoai: '0912345678',
    });
  });

  it('“Xoá dữ liệu trên máy này” deletes the drafts and the key; nothing more is kept', async () => {
    const first = await mount();
    first.set('hoTen', 'Người trước');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();

    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.offer);
    // On the offer page too: the next person at a shared computer can delete it unread.
    expect(text(el, '.draft-kept button')).to.deep.equal(['Xoá dữ liệu trên máy này']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.draft-kept button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.draft-notice[data-kind="consent"]'));
    expect(text(el, '.draft-notice[data-kind="consent"] p')).to.deep.equal([
      'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.',
    ]);
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.declined);
    expect(await databases()).to.deep.equal([]);
    el.set('hoTen', 'Người sau');
    await el.updateComplete;
    window.dispatchEvent(new Event('pagehide'));
    await el.drafts.flush();
    expect(await databases()).to.deep.equal([]);
  });

  it('asks again after “Khai lại từ đầu”: the next person may not want to be kept', async () => {
    const first = await mount();
    first.set('hoTen', 'Người trước');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();
    consent = 'ask';
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="restart"]')!.click();
    await waitUntil(() => el.drafts.phase === DRAFT_PHASE.ask);
    await el.updateComplete;
    expect(text(el, '.draft-consent h2')).to.deep.equal(['Lưu tạm hồ sơ trên thiết bị này?']);
    await waitUntil(async () => (await stored()) === undefined);
  });
});
