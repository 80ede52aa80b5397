import { expect } from '@open-wc/testing';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import {
  waitUntil,
  env,
  resetEnv,
  procedure,
  mount,
  stored,
  text,
  FakeUpload,
} from './controller-harness.js';

describe('DraftController', () => {
  beforeEach(resetEnv);

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
    // When it was saved, with a four-digit year (it was "06/12/26" before).
    expect(text(el, '.draft-offer p')[0]).to.match(
      /^Hồ sơ được lưu tự động trên thiết bị này lúc \d{1,2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\.$/,
    );
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
    const cipher = await DraftCipher.open(undefined, `${env.dbName}-keys`);
    const store = await DraftStore.open({ name: env.dbName, cipher });
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

  it('starts afresh over a draft this same page wrote (a form mounted again)', async () => {
    env.loadedAt = performance.timeOrigin;
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
    env.enabled = false;
    const el = await mount();
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.off);
    el.set('hoTen', 'Khách 1');
    await el.updateComplete;
    await el.drafts.flush();
    expect(await stored()).to.equal(undefined);
  });

  it('keeps chosen files with the draft within the cap and puts them back', async () => {
    env.capMb = 0.001; // 1048 bytes
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
    env.capMb = 50;
  });
});
