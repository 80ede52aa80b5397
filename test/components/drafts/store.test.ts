import { expect } from '@open-wc/testing';
import { changedPaths, flatten, patch } from '../../../components/drafts/paths.js';
import { DAY_MS, DraftStore } from '../../../components/drafts/draft-store.js';
import { DraftQuotaError, isQuotaError } from '../../../components/drafts/db.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import { fromStoredBytes } from '../../../components/drafts/stored-bytes.js';
import { holdsBlob, rawValues } from './raw-store.js';

let n = 0;
const dbName = () => `dvc-drafts-test-${Date.now()}-${n++}`;
const KEY = { code: '1.000001', version: '1.0.0' };
const SCHEMA = { type: 'object', properties: { a: { type: 'string' } } };

function change(answers: Record<string, unknown>, paths: string[], page = 'buoc-1') {
  return { answers, paths, page, dataSchema: SCHEMA, labels: { a: { vi: 'A' } } };
}

describe('drafts: answer paths', () => {
  it('flattens objects to dot paths and keeps arrays as leaves', () => {
    expect([
      ...flatten({ applicant: { fullName: 'An', address: { province: '01' } }, kids: [{ x: 1 }] }),
    ]).to.deep.equal([
      ['applicant.fullName', 'An'],
      ['applicant.address.province', '01'],
      ['kids', [{ x: 1 }]],
    ]);
  });

  it('lists added, changed and removed paths', () => {
    expect(
      changedPaths(
        { a: 1, b: { c: 'x', d: 'y' }, e: [1] },
        { a: 1, b: { c: 'z' }, e: [1, 2], f: true },
      ),
    ).to.deep.equal(['b.c', 'e', 'f', 'b.d']);
  });

  it('patches only the given paths and drops emptied objects', () => {
    const target = { a: 'mine', b: { c: 'old', d: 'keep' }, g: { h: 1 } };
    const source = { a: 'theirs', b: { c: 'new' } };
    expect(patch(target, source, ['b.c', 'b.d', 'g.h'])).to.deep.equal({
      a: 'mine',
      b: { c: 'new' },
    });
    // The target is not modified in place.
    expect(target.b.d).to.equal('keep');
  });

  it('ignores prototype keys', () => {
    const out = patch({}, JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>, [
      '__proto__.x',
    ]);
    expect(({} as Record<string, unknown>).x).to.equal(undefined);
    expect(out).to.deep.equal({});
  });
});

// Every behaviour holds the same with the drafts encrypted (what the form uses) and without.
for (const encrypted of [false, true])
  describe(encrypted ? 'DraftStore (encrypted)' : 'DraftStore', () => {
    let t = Date.parse('2026-11-26T03:00:00Z');
    const now = () => t;
    let store: DraftStore;
    let name: string;
    beforeEach(async () => {
      t = Date.parse('2026-11-26T03:00:00Z');
      name = dbName();
      const cipher = encrypted ? await DraftCipher.open(undefined, `${name}-keys`) : undefined;
      store = await DraftStore.open({ name, now, ...(cipher ? { cipher } : {}) });
    });
    afterEach(() => store.close());

    it('saves a new draft with every answer, page, expiry and writer', async () => {
      const saved = await store.save(KEY, change({ a: 'x', b: { c: 1 } }, []), {
        writer: 'tab-1',
        ttlDays: 30,
      });
      const got = await store.get(KEY);
      expect(got).to.deep.equal(saved);
      expect(got).to.deep.include({
        id: '1.000001@1.0.0',
        code: '1.000001',
        version: '1.0.0',
        answers: { a: 'x', b: { c: 1 } },
        page: 'buoc-1',
        savedAt: t,
        expiresAt: t + 30 * DAY_MS,
        rev: 1,
        writer: 'tab-1',
      });
    });

    it('merges two tabs: each writes only its own changed paths', async () => {
      await store.save(KEY, change({ a: 'x', b: 'y' }, []), { writer: 'tab-1', ttlDays: 30 });
      // Tab 2 loaded {a:'x', b:'y'} and changed b; tab 1 meanwhile changed a.
      await store.save(KEY, change({ a: 'x1', b: 'y' }, ['a']), { writer: 'tab-1', ttlDays: 30 });
      const r = await store.save(KEY, change({ a: 'x', b: 'y2' }, ['b'], 'buoc-2'), {
        writer: 'tab-2',
        ttlDays: 30,
      });
      expect(r.answers).to.deep.equal({ a: 'x1', b: 'y2' });
      expect(r.rev).to.equal(3);
      expect(r.writer).to.equal('tab-2');
      expect(r.page).to.equal('buoc-2');
    });

    it('deletes an expired draft instead of returning it', async () => {
      await store.save(KEY, change({ a: 'x' }, []), { writer: 'w', ttlDays: 2 });
      t += 2 * DAY_MS - 1;
      expect((await store.get(KEY))?.answers).to.deep.equal({ a: 'x' });
      t += 1;
      expect(await store.get(KEY)).to.equal(undefined);
      t -= 10 * DAY_MS;
      expect(await store.get(KEY)).to.equal(undefined);
    });

    it('purges expired drafts of every procedure', async () => {
      await store.save(KEY, change({ a: 'x' }, []), { writer: 'w', ttlDays: 1 });
      await store.save({ code: '2', version: '1' }, change({ a: 'y' }, []), {
        writer: 'w',
        ttlDays: 5,
      });
      t += 3 * DAY_MS;
      expect(await store.purgeExpired()).to.equal(1);
      expect(await store.get({ code: '2', version: '1' })).to.not.equal(undefined);
    });

    it('finds the newest draft of the same code written for another version', async () => {
      await store.save({ code: 'P', version: '1' }, change({ a: 'v1' }, []), {
        writer: 'w',
        ttlDays: 30,
      });
      t += 1000;
      await store.save({ code: 'P', version: '2' }, change({ a: 'v2' }, []), {
        writer: 'w',
        ttlDays: 30,
      });
      expect((await store.findOtherVersion({ code: 'P', version: '3' }))?.version).to.equal('2');
      expect((await store.findOtherVersion({ code: 'P', version: '2' }))?.version).to.equal('1');
      expect(await store.findOtherVersion({ code: 'Q', version: '1' })).to.equal(undefined);
    });

    it('keeps files as bytes up to the cap and says which were not kept', async () => {
      await store.save(KEY, change({ a: 'x' }, []), { writer: 'w', ttlDays: 30 });
      const small = new Blob([new Uint8Array(600)], { type: 'application/pdf' });
      const big = new Blob([new Uint8Array(500)], { type: 'application/pdf' });
      const result = await store.keepFiles(
        KEY,
        'giay-to',
        [
          {
            slot: 'giay-to',
            name: 'a.pdf',
            type: 'application/pdf',
            size: 600,
            sha256: 'aa',
            file: small,
          },
          {
            slot: 'giay-to',
            name: 'b.pdf',
            type: 'application/pdf',
            size: 500,
            sha256: 'bb',
            file: big,
          },
          {
            slot: 'giay-to',
            name: 'c.pdf',
            type: 'application/pdf',
            size: 9e9,
            sha256: 'cc',
            url: 'http://x/api/uploads/1',
          },
        ],
        { capBytes: 1000, writer: 'w' },
      );
      expect(result.notKept).to.deep.equal([{ name: 'b.pdf', reason: 'too-large' }]);
      const record = (await store.get(KEY))!;
      expect(record.documents['giay-to'].map((d) => d.name)).to.deep.equal(['a.pdf', 'c.pdf']);
      const files = await store.files(KEY, record.documents['giay-to']);
      expect(files.map((f) => [f.name, f.file?.size, f.url])).to.deep.equal([
        ['a.pdf', 600, undefined],
        ['c.pdf', undefined, 'http://x/api/uploads/1'],
      ]);
      expect(new Uint8Array(await files[0].file!.arrayBuffer())).to.deep.equal(new Uint8Array(600));
      expect(files[0].file!.type).to.equal('application/pdf');
      // Bytes and type, never a Blob: WebKit's ephemeral sessions (Safari's private browsing)
      // refuse Blobs in IndexedDB.
      const rows = await rawValues(name, 'files');
      expect(rows.length).to.equal(1);
      expect(rows.some(holdsBlob)).to.equal(false);
      // Replacing the slot's files deletes the old Blobs; deleting the draft deletes the rest.
      await store.keepFiles(KEY, 'giay-to', [], { capBytes: 1000, writer: 'w' });
      expect((await store.get(KEY))!.documents['giay-to']).to.deep.equal([]);
      await store.delete(KEY);
      expect(await store.get(KEY)).to.equal(undefined);
    });

    it('reads a file kept as a Blob by an earlier version', async () => {
      const blob = new Blob(['%PDF'], { type: 'application/pdf' });
      expect(fromStoredBytes(blob)).to.equal(blob);
      const again = fromStoredBytes({ bytes: await blob.arrayBuffer(), type: blob.type });
      expect([again.type, await again.text()]).to.deep.equal(['application/pdf', '%PDF']);
    });

    it('reports a full storage as a quota error and keeps the stored draft', async () => {
      await store.save(KEY, change({ a: 'x' }, []), { writer: 'w', ttlDays: 30 });
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
      let error: unknown;
      try {
        await store.save(KEY, change({ a: 'y' }, ['a']), { writer: 'w', ttlDays: 30 });
      } catch (e) {
        error = e;
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(error).to.be.instanceOf(DraftQuotaError);
      expect(isQuotaError(error)).to.equal(true);
      expect((await store.get(KEY))?.answers).to.deep.equal({ a: 'x' });
    });
  });
