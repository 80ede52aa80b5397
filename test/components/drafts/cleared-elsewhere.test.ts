/**
 * "Xoá dữ liệu trên máy này" pressed in another tab (components/drafts/device-data.ts,
 * `clearedElsewhere`, on the 'deleted' message for '*' that other-tabs.ts hands on): the tab
 * still open keeps nothing more, says so, no longer offers to delete what is gone, and typing
 * on there does not write the deleted data back. Two forms on one database stand for two tabs
 * (one BroadcastChannel, one IndexedDB), as in deleted-notice.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { DvcForm } from '../../../components/form/form.js';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { answerField, mountDraftForm } from '../../support/draft-form.js';
import simple from '../submission/fixtures/simple.json';

const TEXT = JSON.stringify(simple);
const shadow = (el: DvcForm) => el.shadowRoot!;
const text = (el: DvcForm, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
const wait = (predicate: () => unknown, message: string) =>
  waitUntil(predicate as () => boolean, message, { timeout: 10_000 });
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

const CLEARED =
  'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.';

let dbName = '';
beforeEach(() => {
  dbName = `dvc-cleared-elsewhere-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => {
  indexedDB.deleteDatabase(dbName);
  indexedDB.deleteDatabase(`${dbName}-keys`);
});

const mount = () =>
  mountDraftForm({ dbName, procedureData: TEXT, draftConsent: 'granted', debounceMs: 50 });
const answer = answerField;

describe('drafts: the data on this device deleted in another tab', function () {
  // Two forms, IndexedDB deletions and the channel on a machine other runs share.
  this.timeout(30_000);

  it('the other tab says so, offers no more deletion and writes nothing back', async () => {
    const a = await mount();
    await answer(a, 'hoTen', 'Nguyễn Văn An');
    await a.draftController!.flush();
    const b = await mount();
    await wait(() => text(b, '.draft-kept button').length === 1, 'the kept bar in tab B');
    await wait(() => text(a, '.draft-kept button').length === 1, 'the kept bar in tab A');
    expect(await databases()).to.include(dbName);

    // Tab B: "Xoá dữ liệu trên máy này". Tab A's open connections do not hold it up.
    shadow(b).querySelector<HTMLButtonElement>('.draft-kept button')!.click();
    await wait(() => text(b, '.draft-notice[data-kind="consent"] p')[0] === CLEARED, 'B cleared');
    expect(await databases()).not.to.include(dbName);
    expect(await databases()).not.to.include(`${dbName}-keys`);

    // Tab A is told, politely, and no longer says its answers are kept here.
    await wait(
      () => text(a, '.draft-notice[data-kind="consent"] p')[0] === CLEARED,
      `A told: ${text(a, '.draft-notice p').join(' | ')}`,
    );
    expect(text(a, '.draft-notice[data-kind="consent"] p')).to.deep.equal([CLEARED]);
    expect(
      shadow(a).querySelector('.draft-notice[data-kind="consent"]')!.getAttribute('role'),
    ).to.equal('status');
    expect(a.draftController!.phase).to.equal(DRAFT_PHASE.declined);
    expect(text(a, '.draft-kept')).to.deep.equal([]);
    await expect(a).to.be.accessible();

    // Typing on in tab A keeps nothing: neither database comes back.
    await answer(a, 'hoTen', 'Nguyễn Văn Bình');
    await a.draftController!.flush();
    await new Promise((r) => setTimeout(r, 300));
    expect(await databases()).not.to.include(dbName);
    expect(await databases()).not.to.include(`${dbName}-keys`);
  });
});
