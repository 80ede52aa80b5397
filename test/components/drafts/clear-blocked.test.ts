import { expect, fixture, html, waitUntil as wait } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController, DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { oneQuestionProcedure, savingDraftOptions } from '../../support/drafts-host.js';

/**
 * "Xoá dữ liệu trên máy này" while another tab holds the drafts database open and does not close
 * it when asked (a tab of an older version, a stuck one): the deletion waits for that tab. The
 * person is told why nothing happens and what to do, and the data is deleted (and said so) as
 * soon as the tab lets go. Before, nothing was shown for as long as the other tab stayed open.
 */

/** IndexedDB can be slow on a loaded machine: wait up to 5 s. */
const waitUntil = (predicate: () => unknown) =>
  wait(predicate as () => boolean, undefined, { timeout: 5000 });

let dbName = '';
let n = 0;

const procedure = oneQuestionProcedure('1.000009');

class ClearBlockedHost extends LitElement {
  answers: Record<string, unknown> = {};
  drafts = new DraftController(this, {
    state: () => ({ procedure, answers: this.answers, page: 'buoc-1' }),
    restore: () => undefined,
    ...savingDraftOptions(dbName),
  });

  override render() {
    return html`${this.drafts.renderNotices()}`;
  }
}
customElements.define('clear-blocked-host', ClearBlockedHost);

const noticeText = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('.draft-notice[data-kind="consent"] p')].map((p) =>
    p.textContent!.replace(/\s+/g, ' ').trim(),
  );

const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe('DraftController: deleting the data while another tab holds it', () => {
  beforeEach(() => {
    dbName = `dvc-clear-blocked-test-${Date.now()}-${n++}`;
  });

  it('says it waits for the other tabs, then deletes and says so once they close', async () => {
    const el = await fixture<ClearBlockedHost>(html`<clear-blocked-host></clear-blocked-host>`);
    await el.drafts.ready();
    el.answers = { hoTen: 'Nguyễn Văn An' };
    el.requestUpdate();
    await el.updateComplete;
    await el.drafts.flush();
    expect(await databases()).to.include(dbName);

    // The other tab: a connection that ignores the request to close.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const q = indexedDB.open(dbName);
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    holder.onversionchange = null;

    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.draft-kept button')!.click();
    await waitUntil(() => noticeText(el).length > 0);
    expect(noticeText(el)).to.deep.equal([
      'Đang chờ xoá: một thẻ (tab) khác của trang này vẫn đang mở dữ liệu. Vui lòng đóng các thẻ khác của trang này, dữ liệu sẽ được xoá ngay sau đó.',
    ]);
    // Nothing more is written meanwhile, and the notice is announced politely.
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.declined);
    expect(
      el.shadowRoot!.querySelector('.draft-notice[data-kind="consent"]')!.getAttribute('role'),
    ).to.equal('status');
    expect(await databases()).to.include(dbName);

    holder.close();
    await waitUntil(() => noticeText(el)[0]?.startsWith('Đã xoá'));
    expect(noticeText(el)).to.deep.equal([
      'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.',
    ]);
    expect(await databases()).not.to.include(dbName);
    expect(await databases()).not.to.include(`${dbName}-keys`);
  });
});
