import { expect } from '@open-wc/testing';
import { draftsMayWait } from '../../../components/form/drafts.js';
import {
  DRAFT_DB_VERSION,
  STORE,
  openDraftDatabase,
  requestResult,
} from '../../../components/drafts/db.js';
import { freshDatabases } from '../../support/fresh-databases.js';

/**
 * Whether `<dvc-form>` waits for the drafts chunk before it is ready (components/form/drafts.ts):
 * only when a draft or an outbox entry may be waiting. The drafts controller opens (so creates)
 * the database on every visit, so a returning visitor who never kept anything has an empty one:
 * that visitor's form must not wait for the drafts, signing and transport code (issue 22 point 3,
 * round 6). Each case has its own database name: other test files share this origin.
 */
describe('dvc-form: drafts before ready', () => {
  const { fresh } = freshDatabases('dvc-forms-drafts-test');
  // The answers themselves, however loaded the machine: the time limit has a case of its own.
  const UNBOUNDED = 600_000;

  async function withRecord(store: (typeof STORE)[keyof typeof STORE], record: object) {
    const name = fresh();
    const db = await openDraftDatabase(indexedDB, name);
    await db.run([store], 'readwrite', (tx) => requestResult(tx.objectStore(store).put(record)));
    db.close();
    return name;
  }

  it('does not wait when there is no drafts database', async () => {
    const name = fresh();
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(false);
    // The look-up creates nothing: Chromium and Firefox undo the aborted creation, WebKit keeps an
    // entry of version 0 without a store, which the next look-up reads as empty and the drafts
    // controller upgrades like a new one.
    const listed = (await indexedDB.databases()).find((d) => d.name === name);
    if (listed) expect(listed.version).to.equal(0);
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(false);
    const db = await openDraftDatabase(indexedDB, name);
    db.close();
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(false);
  });

  it('does not wait when the database holds nothing (a returning visitor who kept no draft)', async () => {
    const name = fresh();
    (await openDraftDatabase(indexedDB, name)).close();
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(false);
  });

  it('does not wait when only revision claims are left (a draft sent: its tombstone, the due note)', async () => {
    // What components/drafts/revisions.ts leaves once a draft was sent: a tombstone after its
    // last revision and the store's note of when the earliest tombstone is due (key ['', 0]).
    // Counted as a draft, every visitor who once sent a dossier waited for the drafts chunk
    // before the form was ready (form-artefact.test.ts caught it end to end).
    const name = fresh();
    const db = await openDraftDatabase(indexedDB, name);
    await db.run([STORE.revisions], 'readwrite', async (tx) => {
      const revisions = tx.objectStore(STORE.revisions);
      await requestResult(revisions.put({ deletedAt: 1, until: 2 }, ['1.001193@1.0.0', 4]));
      await requestResult(revisions.put(2, ['', 0]));
    });
    db.close();
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(false);
  });

  it('waits when a draft, a kept file or an outbox entry is there', async () => {
    expect(
      await draftsMayWait(
        indexedDB,
        await withRecord(STORE.drafts, { id: '1.001193@1.0.0', code: '1.001193' }),
      ),
    ).to.equal(true);
    expect(
      await draftsMayWait(
        indexedDB,
        await withRecord(STORE.files, { id: 'f1', draft: '1.001193@1.0.0' }),
      ),
    ).to.equal(true);
    expect(
      await draftsMayWait(indexedDB, await withRecord(STORE.outbox, { key: 'k1' }), UNBOUNDED),
    ).to.equal(true);
  });

  it('waits when the browser cannot tell', async () => {
    expect(await draftsMayWait(undefined)).to.equal(true);
    const refused = {
      open: () => {
        throw new DOMException('refused', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await draftsMayWait(refused)).to.equal(true);
  });

  it('goes on without the drafts when the browser does not answer in time, and takes a late answer when it does', async () => {
    // An open that does not answer (a stuck IndexedDB, as Safari 14.1's first open after launch):
    // a version change waits for a connection that is not closed, and a later open waits behind
    // it. Nothing can be read, so nothing can be offered before ready.
    const name = await withRecord(STORE.drafts, { id: 'b@1', code: 'b' });
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const q = indexedDB.open(name);
      q.onsuccess = () => resolve(q.result);
    });
    const upgrade = indexedDB.open(name, 99);
    upgrade.onupgradeneeded = () => upgrade.transaction!.abort();
    const started = performance.now();
    try {
      expect(await draftsMayWait(indexedDB, name, 50)).to.equal(false);
      // At least the limit, to the millisecond: WebKit's clock once read 49.999999999999986.
      expect(performance.now() - started).to.be.at.least(49);
    } finally {
      holder.close();
    }
    // Once the version change is over the browser answers again, and its answer is the answer.
    await new Promise((done) => (upgrade.onerror = done));
    expect(await draftsMayWait(indexedDB, name, UNBOUNDED)).to.equal(true);
  });

  // Each request is a round trip to the browser that waits for the main thread, on the path to
  // the form's first page (docs/performance.md, round 7): one open, one count when it exists, and
  // no `databases()` (which needs no list either: a browser without it gets the same answer).
  it('asks the browser with one open and, when the database exists, one count', async () => {
    const calls: string[] = [];
    const counting = {
      open: (name: string) => (calls.push('open'), indexedDB.open(name)),
      databases: () => (calls.push('databases'), indexedDB.databases()),
    } as unknown as IDBFactory;
    const count = IDBObjectStore.prototype.count;
    // Only this case's database: the case above leaves a look-up behind that the browser may
    // answer late (WebKit did, in the middle of this one), with counts of its own.
    let counted = '';
    IDBObjectStore.prototype.count = function (this: IDBObjectStore, ...args) {
      if (this.transaction.db.name === counted) calls.push(`count ${this.name}`);
      return count.apply(this, args);
    };
    try {
      counted = fresh();
      expect(await draftsMayWait(counting, counted, UNBOUNDED)).to.equal(false);
      expect(calls).to.deep.equal(['open']);
      calls.length = 0;
      const empty = (counted = fresh());
      (await openDraftDatabase(indexedDB, empty)).close();
      expect(await draftsMayWait(counting, empty, UNBOUNDED)).to.equal(false);
      // Every store but the revision claims (see the sent-draft case above).
      expect(calls).to.deep.equal([
        'open',
        ...Object.values(STORE)
          .filter((s) => s !== STORE.revisions)
          .map((s) => `count ${s}`),
      ]);
    } finally {
      IDBObjectStore.prototype.count = count;
    }
  });

  it('leaves the database open to the drafts controller (its connection is closed)', async () => {
    const name = await withRecord(STORE.drafts, { id: 'a@1', code: 'a' });
    await draftsMayWait(indexedDB, name, UNBOUNDED);
    // A version change is blocked by any connection left open.
    await new Promise<void>((resolve, reject) => {
      const q = indexedDB.open(name, DRAFT_DB_VERSION + 1);
      q.onblocked = () => reject(new Error('a connection was left open'));
      q.onsuccess = () => {
        q.result.close();
        resolve();
      };
      q.onerror = () => reject(q.error);
    });
  });
});
