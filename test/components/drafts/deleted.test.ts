import { expect } from '@open-wc/testing';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import {
  DraftDeletedError,
  DraftStore,
  type SaveChange,
} from '../../../components/drafts/draft-store.js';
import { rawValues } from './raw-store.js';
import { env, mount, resetEnv, stored, waitUntil } from './controller-harness.js';

/**
 * A draft deleted in one tab (its dossier sent, or the citizen started afresh) is not brought
 * back by another tab that still holds it: neither by the record it sealed ahead and puts as its
 * page goes (components/drafts/seal-ahead.ts) nor by its regular save (revisions.ts). Tabs here
 * are stores, or controllers, on the same database, as in seal-ahead.test.ts and controller.test.ts.
 */

const KEY = { code: '1.000009', version: '1.0.0' };
const change = (answers: Record<string, string>): SaveChange => ({
  answers,
  paths: Object.keys(answers),
  page: 'buoc-1',
  dataSchema: { type: 'object' },
  labels: {},
});
const as = (writer: string) => ({ writer, ttlDays: 7 });

async function tabs(count: number): Promise<DraftStore[]> {
  const cipher = await DraftCipher.open(indexedDB, `${env.dbName}-keys`);
  return Promise.all(
    Array.from({ length: count }, () => DraftStore.open({ name: env.dbName, cipher })),
  );
}

describe('A deleted draft stays deleted', () => {
  beforeEach(resetEnv);

  it('a change sealed before another tab sent the dossier is not put back as the page goes', async function () {
    if (navigator.userAgent.includes('Firefox/')) {
      // Firefox (tried 2026-12-06) commits a transaction whose commit() was called even when one
      // of its requests fails, where the spec aborts it: the taken claim does not stop the put.
      // Left: docs/reliability.md, "Autosave and resume".
      this.skip();
    }
    const [tabA, tabB] = await tabs(2);
    await tabA.save(KEY, change({ hoTen: 'An' }), as('tab-a'));
    // Tab A seals its next change; tab B sends the dossier and deletes the draft; tab A's page
    // goes before B's message reaches it.
    const ahead = (await tabA.sealAhead(KEY, change({ hoTen: 'Bình' }), as('tab-a')))!;
    await tabB.get(KEY);
    await tabB.delete(KEY);
    expect(await tabA.putNow(ahead)).to.equal(false);
    expect(await tabB.get(KEY)).to.equal(undefined);

    // The same when tab B wrote a revision A did not know of before deleting.
    await tabA.save(KEY, change({ hoTen: 'Chi' }), as('tab-a')).catch(() => undefined);
    const [tabC, tabD] = await tabs(2);
    await tabC.save(KEY, change({ hoTen: 'Dũng' }), as('tab-c'));
    const stale = (await tabC.sealAhead(KEY, change({ hoTen: 'Em' }), as('tab-c')))!;
    await tabD.save(KEY, change({ diaChi: 'Huế' }), as('tab-d'));
    await tabD.delete(KEY);
    expect(await tabC.putNow(stale)).to.equal(false);
    expect(await tabD.get(KEY)).to.equal(undefined);
    for (const tab of [tabA, tabB, tabC, tabD]) tab.close();
  });

  it('refuses the regular save of a tab whose draft was deleted since, and a new draft still saves', async () => {
    const [tabA, tabB] = await tabs(2);
    await tabA.save(KEY, change({ hoTen: 'An' }), as('tab-a'));
    await tabB.delete(KEY);
    const refused = await tabA.save(KEY, change({ hoTen: 'Bình' }), as('tab-a')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).to.be.instanceOf(DraftDeletedError);
    expect((refused as Error).message).to.equal('The draft was deleted meanwhile.');
    // Sealing ahead is refused too: nothing to put as the page goes.
    const ahead = await tabA
      .sealAhead(KEY, change({ hoTen: 'Chi' }), as('tab-a'))
      .catch((e: unknown) => e);
    expect(ahead).to.be.instanceOf(DraftDeletedError);
    // Nor are its files kept, attached to nothing.
    const file = { slot: 'giay-to', name: 'a.pdf', type: 'application/pdf', size: 3, sha256: 'aa' };
    const pdf = new Blob(['pdf'], { type: 'application/pdf' });
    await tabA.keepFiles(KEY, 'giay-to', [{ ...file, file: pdf }], { capBytes: 1000, writer: 'a' });
    expect(await rawValues(env.dbName, 'files')).to.deep.equal([]);
    expect(await tabB.get(KEY)).to.equal(undefined);

    // A fresh form for the same procedure, opened after the deletion, keeps its draft; it counts
    // its revisions on from the tombstone, and a second tab's answers still merge into it.
    const [tabC, tabD] = await tabs(2);
    const saved = await tabC.save(KEY, change({ hoTen: 'Dũng' }), as('tab-c'));
    expect(saved.rev).to.equal(3);
    await tabD.save(KEY, change({ diaChi: 'Huế' }), as('tab-d'));
    await tabC.save(KEY, change({ hoTen: 'Em' }), as('tab-c'));
    const kept = (await tabD.get(KEY))!;
    expect([kept.rev, kept.answers]).to.deep.equal([5, { hoTen: 'Em', diaChi: 'Huế' }]);
    // The tab that deleted it may start the draft again itself ("Khai lại từ đầu").
    await tabB.delete(KEY);
    const again = await tabB.save(KEY, change({ hoTen: 'Giang' }), as('tab-b'));
    expect([again.rev, again.answers]).to.deep.equal([7, { hoTen: 'Giang' }]);
    for (const tab of [tabA, tabB, tabC, tabD]) tab.close();
  });

  it('keeps the tombstone until the deleted draft would have expired, then removes it', async () => {
    let now = Date.UTC(2026, 11, 6);
    const cipher = await DraftCipher.open(indexedDB, `${env.dbName}-keys`);
    const open = () => DraftStore.open({ name: env.dbName, cipher, now: () => now });
    const [tabA, tabB] = [await open(), await open()];
    await tabA.save(KEY, change({ hoTen: 'An' }), as('tab-a'));
    await tabB.delete(KEY);
    now += 7 * 86_400_000 - 1;
    await tabB.purgeExpired();
    expect(
      await tabA.save(KEY, change({ hoTen: 'Bình' }), as('tab-a')).catch((e) => e),
    ).to.be.instanceOf(DraftDeletedError);
    now += 1;
    await tabB.purgeExpired();
    const fresh = await open();
    expect((await fresh.save(KEY, change({ hoTen: 'Chi' }), as('tab-c'))).rev).to.equal(1);
    for (const tab of [tabA, tabB, fresh]) tab.close();
  });

  it('each form load reads the whole revisions store only when a tombstone is due', async () => {
    // Every form load purges (DraftStore.purgeExpired). Before, each read every claim of every
    // draft (up to 33 a draft) in a read-write transaction; now one record says when the
    // earliest tombstone is due (revisions.ts, DUE). Reads of the whole store are counted on
    // the real IndexedDB.
    let scans = 0;
    const proto = IDBObjectStore.prototype;
    const { getAll, getAllKeys } = proto;
    proto.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (this.name === 'revisions' && args[0] === undefined) scans++;
      return getAll.apply(this, args);
    };
    proto.getAllKeys = function (this: IDBObjectStore, ...args: Parameters<typeof getAllKeys>) {
      if (this.name === 'revisions' && args[0] === undefined) scans++;
      return getAllKeys.apply(this, args);
    };
    const purge = async (store: DraftStore) => {
      scans = 0;
      await store.purgeExpired();
      return scans > 0;
    };
    try {
      const day = 86_400_000;
      let now = Date.UTC(2026, 11, 6);
      const cipher = await DraftCipher.open(indexedDB, `${env.dbName}-keys`);
      const open = () => DraftStore.open({ name: env.dbName, cipher, now: () => now });
      const tab = await open();
      const [k1, k2, k3] = ['1.000001', '1.000002', '1.000003'].map((code) => ({
        code,
        version: '1.0.0',
      }));
      await tab.save(k1!, change({ hoTen: 'An' }), as('a'));
      await tab.delete(k1!);
      // Not known yet (a database from before): read once, then known.
      expect(await purge(tab)).to.equal(true);
      expect(await purge(tab)).to.equal(false);
      // A later tombstone changes nothing; an earlier one is noted as it is buried.
      now += 3_600_000;
      await tab.save(k2!, change({ hoTen: 'Bình' }), as('a'));
      await tab.delete(k2!);
      expect(await purge(tab)).to.equal(false);
      await tab.save(k3!, change({ hoTen: 'Chi' }), { writer: 'a', ttlDays: 1 });
      await tab.delete(k3!);
      expect(await purge(tab)).to.equal(false);
      now += day;
      expect(await purge(tab)).to.equal(true);
      expect(await purge(tab)).to.equal(false);
      // k3's tombstone went: a new draft of it starts at 1; k1's and k2's stay.
      const fresh = await open();
      expect((await fresh.save(k3!, change({ hoTen: 'Dũng' }), as('b'))).rev).to.equal(1);
      expect((await fresh.save(k1!, change({ hoTen: 'Em' }), as('b'))).rev).to.equal(3);
      await fresh.delete(k1!);
      await fresh.delete(k3!);
      now += 7 * day;
      expect(await purge(tab)).to.equal(true);
      expect(await purge(tab)).to.equal(false);
      // Every tombstone and claim went; only the note is left, with nothing due.
      expect(await rawValues(env.dbName, 'revisions')).to.deep.equal([Infinity]);
      for (const s of [tab, fresh]) s.close();
    } finally {
      Object.assign(proto, { getAll, getAllKeys });
    }
  });

  it('a tab still open after another sent the dossier does not write it back as it goes', async () => {
    const a = await mount();
    const b = await mount();
    a.set('hoTen', 'Phạm Thị Dung');
    await a.updateComplete;
    await a.drafts.flush();
    await waitUntil(() => b.answers.hoTen === 'Phạm Thị Dung');
    // Tab B sends the dossier: the draft is deleted there.
    b.dispatchEvent(new Event('dvc-submitted'));
    await waitUntil(async () => (await stored()) === undefined);
    // Tab A, still open, gets one more key and is then hidden or closed.
    a.set('soDienThoai', '0987654321');
    await a.updateComplete;
    window.dispatchEvent(new Event('pagehide'));
    await a.drafts.flush();
    expect(await stored()).to.equal(undefined);
    expect(a.drafts.phase).to.equal(DRAFT_PHASE.done);
    // A form opened afterwards for the same procedure keeps its own draft.
    const c = await mount();
    expect(c.drafts.phase).to.equal(DRAFT_PHASE.active);
    c.set('hoTen', 'Võ Văn Em');
    await c.updateComplete;
    await c.drafts.flush();
    expect((await stored())?.answers).to.deep.equal({ hoTen: 'Võ Văn Em' });
  });

  it('a draft offered in a tab and sent from another meanwhile is no longer offered there', async () => {
    const first = await mount();
    first.set('hoTen', 'Đỗ Thị Giang');
    await first.updateComplete;
    await first.drafts.flush();
    first.remove();
    const a = await mount();
    const b = await mount();
    expect([a.drafts.phase, b.drafts.phase]).to.deep.equal([DRAFT_PHASE.offer, DRAFT_PHASE.offer]);
    b.shadowRoot!.querySelector<HTMLButtonElement>('[data-draft="continue"]')!.click();
    await waitUntil(() => b.restored.length === 1);
    b.dispatchEvent(new Event('dvc-submitted'));
    await waitUntil(async () => (await stored()) === undefined);
    // Tab A, left on "Bạn có một hồ sơ đang khai dở": the offer goes (deleted-notice.test.ts
    // says what the person is told), nothing of the sent draft comes back, and what is typed
    // there is a new application, kept as a new draft.
    await waitUntil(() => a.drafts.phase !== DRAFT_PHASE.offer);
    expect(a.shadowRoot!.querySelector('[data-draft="continue"]')).to.equal(null);
    expect(a.restored.length).to.equal(0);
    a.set('soDienThoai', '0912345678');
    await a.updateComplete;
    await a.drafts.flush();
    expect((await stored())?.answers).to.deep.equal({ soDienThoai: '0912345678' });
    expect(a.drafts.phase).to.equal(DRAFT_PHASE.active);
  });
});
