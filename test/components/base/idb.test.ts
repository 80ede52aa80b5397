import { expect } from '@open-wc/testing';
import { OPEN_LIMIT_MS, openDatabase } from '../../../components/base/idb.js';
import { StorageError } from '../../../src/errors.js';
import { freshDatabases } from '../../support/fresh-databases.js';

/**
 * The one IndexedDB wrapper (components/base/idb.ts) and its time limit: an open that never
 * answers must fail as an unavailable IndexedDB does (a StorageError, which every caller already
 * answers: a signing key for this page only, drafts off with a notice, no upload resume), never
 * hold Submit, the drafts or an upload for good. Each case has its own database name: other test
 * files share this origin.
 */
describe('openDatabase', () => {
  const { fresh } = freshDatabases('dvc-idb-test');

  /** A connection at version 1 that never closes, even when asked to (another tab's, stuck). */
  const holdOpen = (name: string) =>
    new Promise<IDBDatabase>((resolve) => {
      const q = indexedDB.open(name, 1);
      q.onsuccess = () => resolve(q.result);
    });

  it('waits ten seconds at most by default', () => {
    expect(OPEN_LIMIT_MS).to.equal(10_000);
  });

  it('opens and upgrades as asked', async () => {
    const name = fresh();
    const db = await openDatabase(name, 1, (d) => d.createObjectStore('things'));
    expect([...db.objectStoreNames]).to.deep.equal(['things']);
    db.close();
  });

  it('an open that is not answered in time fails as a StorageError, and the late connection is closed', async () => {
    const name = fresh();
    const holder = await holdOpen(name);
    let upgraded = false;
    const started = performance.now();
    let error: unknown;
    try {
      // The upgrade to version 2 waits for the holder, which never lets go.
      await openDatabase(name, 2, () => (upgraded = true), indexedDB, 50);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).message).to.equal(
      `IndexedDB database "${name}" cannot be opened.`,
    );
    expect(String((error as StorageError).cause)).to.equal(
      'Error: IndexedDB did not answer within 50 ms',
    );
    expect(performance.now() - started).to.be.at.least(50);
    // The holder goes: the late open goes through (its upgrade runs) and is closed at once, so
    // the next version change is not blocked by a connection nobody holds.
    holder.close();
    const blocked = await new Promise<boolean>((resolve, reject) => {
      let wasBlocked = false;
      const q = indexedDB.open(name, 3);
      q.onblocked = () => (wasBlocked = true);
      q.onsuccess = () => {
        q.result.close();
        resolve(wasBlocked);
      };
      q.onerror = () => reject(q.error);
    });
    expect(upgraded).to.equal(true);
    expect(blocked).to.equal(false);
  });

  it('while an open that ran out of time has not answered, the next open of that database fails at once', async () => {
    // IndexedDB answers one database's opens in order: the second could not answer before the
    // stuck one, so waiting its own limit would only double the wait (a failed offline
    // submission opens the drafts database twice).
    const name = fresh();
    const holder = await holdOpen(name);
    const failure = async (open: Promise<unknown>) => {
      try {
        await open;
      } catch (e) {
        return e as StorageError;
      }
      throw new Error('the open succeeded');
    };
    const first = await failure(openDatabase(name, 2, () => undefined, indexedDB, 50));
    expect(String(first.cause)).to.equal('Error: IndexedDB did not answer within 50 ms');
    const started = performance.now();
    const second = await failure(openDatabase(name, 2, () => undefined, indexedDB, 5_000));
    expect(performance.now() - started).to.be.below(1_000);
    expect(second).to.be.instanceOf(StorageError);
    expect(second.message).to.equal(`IndexedDB database "${name}" cannot be opened.`);
    expect(String(second.cause)).to.equal(
      'Error: An earlier open of this database has not answered yet.',
    );
    // Another database is not held back by this one.
    const other = await openDatabase(fresh(), 1, () => undefined, indexedDB, 5_000);
    other.close();
    // Once the stuck open answers (the holder lets go), the database opens as usual again.
    holder.close();
    // Opens are answered in order: when this one has, the stuck one has too.
    await new Promise<void>((resolve) => {
      const q = indexedDB.open(name, 2);
      q.onsuccess = () => (q.result.close(), resolve());
    });
    const db = await openDatabase(name, 2, () => undefined, indexedDB, 5_000);
    expect(db.version).to.equal(2);
    db.close();
  });

  it('an answer within the limit is the database, and its timer is cleared', async () => {
    const name = fresh();
    const made: number[] = [];
    const cleared: unknown[] = [];
    const [set, clear] = [window.setTimeout, window.clearTimeout];
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = set(fn, ms, ...rest);
      if (ms === 4_321) made.push(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => (cleared.push(id), clear(id))) as typeof clear;
    try {
      const db = await openDatabase(name, 1, (d) => d.createObjectStore('s'), indexedDB, 4_321);
      expect(db.name).to.equal(name);
      db.close();
    } finally {
      [window.setTimeout, window.clearTimeout] = [set, clear];
    }
    expect(made).to.have.length(1);
    expect(cleared).to.include(made[0]);
  });
});
