import { expect, fixture, html } from '@open-wc/testing';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
} from '../../../components/submission/transport.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import {
  waitUntil,
  env,
  nextDbName,
  resetEnv,
  procedure,
  DraftTestHost,
  mount,
  stored,
  text,
  rawDrafts,
  databases,
} from './controller-harness.js';

describe('DraftController: consent and deletion', () => {
  beforeEach(resetEnv);

  it('asks before keeping anything; the answers typed before “yes” are kept too', async () => {
    env.consent = 'ask';
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
      env.consent = 'ask';
      env.dbName = nextDbName();
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
    env.consent = 'ask';
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
      const r = indexedDB.open(`${env.dbName}-keys`);
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
    const cleared =
      'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.';
    // The first form's connection closes as asked; on a loaded machine that can take long
    // enough for the "waiting" notice to show first (clear-blocked.test.ts): wait for the end.
    await waitUntil(() => text(el, '.draft-notice[data-kind="consent"] p')[0] === cleared);
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
    env.consent = 'ask';
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="restart"]')!.click();
    await waitUntil(() => el.drafts.phase === DRAFT_PHASE.ask);
    await el.updateComplete;
    expect(text(el, '.draft-consent h2')).to.deep.equal(['Lưu tạm hồ sơ trên thiết bị này?']);
    await waitUntil(async () => (await stored()) === undefined);
  });
});
