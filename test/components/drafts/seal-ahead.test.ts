import { expect, fixture, html, waitUntil as wait } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from '../../../components/drafts/controller.js';
import { DraftCipher, type Sealed } from '../../../components/drafts/crypto.js';
import { DraftStore, type DraftRecord } from '../../../components/drafts/draft-store.js';
import { oneQuestionProcedure, savingDraftOptions } from '../../support/drafts-host.js';

/**
 * The last change before the page goes (components/drafts/seal-ahead.ts): sealed ahead, and put
 * within the `pagehide` (or `beforeunload`, `visibilitychange`) handler itself, with no await, so
 * a page being unloaded still commits it. Before, the save started there never finished.
 */

/** IndexedDB can be slow on a loaded machine: wait up to 5 s. */
const waitUntil = (predicate: () => unknown) =>
  wait(predicate as () => boolean, undefined, { timeout: 5000 });

let dbName = '';
let n = 0;
const procedure = oneQuestionProcedure('1.000010');
const ID = '1.000010@1.0.0';
const KEY = { code: '1.000010', version: '1.0.0' };

class SealAheadHost extends LitElement {
  answers: Record<string, unknown> = {};
  drafts = new DraftController(this, {
    state: () => ({ procedure, answers: this.answers, page: 'buoc-1' }),
    restore: () => undefined,
    ...savingDraftOptions(dbName),
    // No debounced write may run during a test: only what the page's last events write counts.
    debounceMs: 60_000,
  });

  async type(text: string): Promise<void> {
    this.answers = { hoTen: text };
    this.requestUpdate();
    await this.updateComplete;
    // Sealed ahead (a few ms).
    await waitUntil(() => (this.drafts.ahead as unknown as { latest?: unknown }).latest);
  }
}
customElements.define('seal-ahead-host', SealAheadHost);

const openRaw = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const q = indexedDB.open(dbName);
    q.onsuccess = () => resolve(q.result);
    q.onerror = () => reject(q.error);
  });

/**
 * The stored draft, read in a transaction made right now: IndexedDB runs it after every
 * read-write transaction made before it, and before any made later.
 */
function readNow(db: IDBDatabase): Promise<{ rev: number; sealedAnswers?: Sealed } | undefined> {
  const q = db.transaction('drafts', 'readonly').objectStore('drafts').get(ID);
  return new Promise((resolve, reject) => {
    q.onsuccess = () => resolve(q.result as { rev: number; sealedAnswers?: Sealed } | undefined);
    q.onerror = () => reject(q.error);
  });
}

async function answersOf(record: { sealedAnswers?: Sealed } | undefined) {
  const cipher = await DraftCipher.open(indexedDB, `${dbName}-keys`);
  return cipher.open<Record<string, unknown>>(record!.sealedAnswers!, `${ID}|answers`);
}

async function mount(): Promise<SealAheadHost> {
  const el = await fixture<SealAheadHost>(html`<seal-ahead-host></seal-ahead-host>`);
  await el.drafts.ready();
  await el.type('Nguyễn Văn An');
  await el.drafts.flush();
  return el;
}

/** A procedure of 200 questions that counts how often its questions are walked. */
function countingProcedure(): { procedure: typeof procedure; walks: () => number } {
  const counted = structuredClone(procedure);
  const fields = Array.from({ length: 200 }, (_, i) => ({
    field: i === 0 ? 'hoTen' : `q${i}`,
    widget: 'text',
    label: { vi: `Câu ${i}` },
  }));
  const steps = [{ id: 'buoc-1', title: { vi: 'Bước 1' }, fields }];
  let walks = 0;
  Object.defineProperty(counted.ui, 'steps', {
    get: () => {
      walks++;
      return steps;
    },
  });
  return { procedure: counted, walks: () => walks };
}

class CountingHost extends LitElement {
  answers: Record<string, unknown> = {};
  readonly counting = countingProcedure();
  drafts = new DraftController(this, {
    state: () => ({ procedure: this.counting.procedure, answers: this.answers, page: 'buoc-1' }),
    restore: () => undefined,
    ...savingDraftOptions(dbName),
    debounceMs: 60_000,
  });
}
customElements.define('seal-ahead-counting-host', CountingHost);

describe('DraftController: the last change, written as the page goes', () => {
  beforeEach(() => {
    dbName = `dvc-seal-ahead-test-${Date.now()}-${n++}`;
  });

  for (const [name, fire] of [
    ['pagehide', () => window.dispatchEvent(new PageTransitionEvent('pagehide'))],
    ['beforeunload', () => window.dispatchEvent(new Event('beforeunload'))],
  ] as const) {
    it(`puts the sealed change within the ${name} handler, encrypted`, async () => {
      const el = await mount();
      const raw = await openRaw();
      await el.type('Nguyễn Văn Bình');
      fire();
      // Made in the same task as the event: it sees the put only if the handler made it.
      const record = await readNow(raw);
      raw.close();
      expect(record!.rev).to.equal(2);
      expect(JSON.stringify(record)).not.to.contain('Bình');
      expect(await answersOf(record)).to.deep.equal({ hoTen: 'Nguyễn Văn Bình' });
      // Written once: the flush that follows finds nothing left to write.
      await el.drafts.flush();
      const db = await openRaw();
      expect((await readNow(db))!.rev).to.equal(2);
      db.close();
    });
  }

  it("walks the procedure's questions once, not on each change sealed ahead", async () => {
    const el = await fixture<CountingHost>(
      html`<seal-ahead-counting-host></seal-ahead-counting-host>`,
    );
    await el.drafts.ready();
    const sealed = el.drafts.ahead as unknown as { latest?: { sealed: { record: DraftRecord } } };
    for (const name of ['An', 'Bình', 'Chi', 'Dũng', 'Em']) {
      el.answers = { hoTen: name };
      el.requestUpdate();
      await el.updateComplete;
      await waitUntil(() => sealed.latest?.sealed.record.answers.hoTen === name);
    }
    expect(sealed.latest!.sealed.record.labels.q199).to.deep.equal({ vi: 'Câu 199' });
    await el.drafts.flush();
    // Five records sealed ahead and one saved, all with the labels of the 200 questions.
    expect(el.counting.walks()).to.equal(1);
  });

  it("never puts a sealed change over another tab's write it was not told of yet", async function () {
    if (navigator.userAgent.includes('Firefox/')) {
      // Firefox (tried 2026-12-06) commits a transaction whose commit() was called even when one
      // of its requests fails, where the spec aborts it: the claim does not stop the put there.
      // Left: docs/reliability.md, "Autosave and resume".
      this.skip();
    }
    // Two tabs: two stores on the same database and key. Tab B's message ("saved") has not
    // reached tab A when A's page goes: A's store was never touched, so only IndexedDB can tell.
    const cipher = await DraftCipher.open(indexedDB, `${dbName}-keys`);
    const tabA = await DraftStore.open({ name: dbName, cipher });
    const tabB = await DraftStore.open({ name: dbName, cipher });
    const change = (answers: Record<string, string>) => ({
      answers,
      paths: Object.keys(answers),
      page: 'buoc-1',
      dataSchema: procedure.data,
      labels: {},
    });
    await tabA.save(KEY, change({ hoTen: 'An' }), { writer: 'tab-a', ttlDays: 7 });
    const ahead = (await tabA.sealAhead(KEY, change({ hoTen: 'Bình' }), {
      writer: 'tab-a',
      ttlDays: 7,
    }))!;
    await tabB.save(KEY, change({ diaChi: 'Huế' }), { writer: 'tab-b', ttlDays: 7 });
    const put = tabA.putNow(ahead);
    expect(put).not.to.equal(undefined);
    const result = await put;
    const kept = (await tabB.get(KEY))!;
    expect([kept.rev, kept.writer, kept.answers]).to.deep.equal([
      2,
      'tab-b',
      { hoTen: 'An', diaChi: 'Huế' },
    ]);
    expect(result).to.equal(false);
    // Tab A's regular save then patches its answer onto tab B's record: both are kept.
    await tabA.save(KEY, change({ hoTen: 'Bình' }), { writer: 'tab-a', ttlDays: 7 });
    expect((await tabB.get(KEY))!.answers).to.deep.equal({ hoTen: 'Bình', diaChi: 'Huế' });
    // With nothing written in between, the sealed change is put, and claims its revision.
    const next = (await tabA.sealAhead(KEY, change({ hoTen: 'Chi' }), {
      writer: 'tab-a',
      ttlDays: 7,
    }))!;
    expect(await tabA.putNow(next)).to.equal(true);
    expect((await tabB.get(KEY))!.answers).to.deep.equal({ hoTen: 'Chi', diaChi: 'Huế' });
    tabA.close();
    tabB.close();
  });

  it('never puts a sealed change over a write made since (another tab, kept files)', async () => {
    const cipher = await DraftCipher.open(indexedDB, `${dbName}-keys`);
    const store = await DraftStore.open({ name: dbName, cipher });
    const change = (hoTen: string) => ({
      answers: { hoTen },
      paths: ['hoTen'],
      page: 'buoc-1',
      dataSchema: procedure.data,
      labels: {},
    });
    const options = { writer: 'tab-a', ttlDays: 7 };
    await store.save(KEY, change('An'), options);
    const early = (await store.sealAhead(KEY, change('Bình'), options))!;
    await store.save(KEY, change('Chi'), options);
    expect(store.putNow(early)).to.equal(undefined);
    const late = (await store.sealAhead(KEY, change('Dũng'), options))!;
    store.touch(); // another tab said it wrote
    expect(store.putNow(late)).to.equal(undefined);
    expect((await store.get(KEY))!.answers).to.deep.equal({ hoTen: 'Chi' });
    const fresh = (await store.sealAhead(KEY, change('Em'), options))!;
    await store.putNow(fresh);
    expect((await store.get(KEY))!.answers).to.deep.equal({ hoTen: 'Em' });
    store.close();
  });
});
