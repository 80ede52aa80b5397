// The group commit of the embedded database (demo/server/storage/sqlite.js, issue 22 point 4):
// concurrent submissions' dossier transactions share one COMMIT, each in a savepoint of its own.
// What must hold: every 201 leaves only once its dossier is committed (another connection reads
// it); a dossier whose transaction fails is undone alone and the others of its group are stored;
// a COMMIT that fails answers none of its group. Real receiver, real SQLite; the PostgreSQL
// storage gives each dossier its own transaction and is not concerned.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteStorage } from '../../demo/server/storage/sqlite.js';
import type { Storage } from '../../demo/server/storage/index.js';
import {
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  storedPayloads,
  type Problem,
  type Running,
} from './helpers.js';

const NOW = '2026-11-26T03:00:05.000Z';

/**
 * The test verifier (fakeVerify), holding every verified submission until `count` of them are
 * verified: then all go on to their transactions together, as concurrent browsers' do under load.
 */
function verifyTogether() {
  let waiting = 0;
  let expected = 0;
  let go = () => {};
  let gate = Promise.resolve();
  return {
    expect(count: number) {
      waiting = 0;
      expected = count;
      gate = new Promise<void>((resolve) => (go = resolve));
    },
    async verify(jws: string, options: Record<string, unknown>) {
      const result = await fakeVerify(jws, options);
      if (++waiting === expected) go();
      await gate;
      return result;
    },
  };
}

interface RawDb {
  exec(sql: string): unknown;
  prepare(sql: string): { get(): unknown };
}

describe('group commit of concurrent submissions (SQLite)', () => {
  let s: Running;
  let reader: Database.Database | undefined;
  const together = verifyTogether();
  /** Dossiers stored by each COMMIT that stored any (counted inside it, just before). */
  let dossiersPerCommit: number[] = [];
  let dossiersBefore = 0;
  let countDossiers = () => 0;
  const resetCounts = () => {
    dossiersPerCommit = [];
    dossiersBefore = countDossiers();
  };
  /**
   * Per 201 of POST /api/dossiers and /api/challenges: whether another connection read its
   * dossier or nonce as it left.
   */
  const readableWhenSent = new Map<string, boolean>();
  const end = ServerResponse.prototype.end;

  before(async () => {
    s = await start({ now: clock(NOW).now, verifySubmission: together.verify });
    if (s.app.dvc.storage.dialect !== 'sqlite') return;
    const db = s.app.dvc.db as unknown as RawDb;
    const count = db.prepare('SELECT count(*) AS n FROM dossiers');
    countDossiers = () => (count.get() as { n: number }).n;
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (/^COMMIT/i.test(sql)) {
        const n = countDossiers();
        if (n > dossiersBefore) dossiersPerCommit.push(n - dossiersBefore);
        dossiersBefore = n;
      }
      return exec(sql);
    };
    // Another connection sees only what is committed.
    const r = new Database(join(s.dataDir, 'dvc.sqlite'), { readonly: true, fileMustExist: true });
    reader = r;
    const find = r.prepare('SELECT 1 FROM dossiers WHERE code = ?');
    const findNonce = r.prepare('SELECT 1 FROM nonces WHERE nonce = ?');
    ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]) {
      const [chunk] = args;
      if (this.statusCode === 201 && typeof chunk === 'string') {
        if (this.req?.url === '/api/dossiers') {
          const code = (JSON.parse(chunk) as { dossierCode: string }).dossierCode;
          readableWhenSent.set(code, find.get(code) !== undefined);
        } else if (this.req?.url === '/api/challenges') {
          const { nonce } = JSON.parse(chunk) as { nonce: string };
          readableWhenSent.set(nonce, findNonce.get(nonce) !== undefined);
        }
      }
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof end;
  });
  after(async () => {
    ServerResponse.prototype.end = end;
    reader?.close();
    await s.close();
  });

  const consumedAt = async (nonce: string) =>
    (
      (await s.app.dvc.storage
        .prepare('SELECT consumed_at FROM nonces WHERE nonce = ?')
        .get(nonce)) as { consumed_at: string | null }
    ).consumed_at;
  const marked = async (prefix: string) =>
    (await storedPayloads(s))
      .filter((d) => String(d.payload.assistedBy).startsWith(prefix))
      .map((d) => ({ code: d.code, marker: d.payload.assistedBy as string }));

  test('every COMMIT is synced to disk before its 201 (synchronous = FULL)', (t) => {
    // Skipped only when run by hand with DVC_TEST_DATABASE_URL (PostgreSQL has no group commit);
    // npm test runs this file on SQLite, so it never skips there.
    if (s.app.dvc.storage.dialect !== 'sqlite') return t.skip('the embedded database only');
    // 2 = FULL: the WAL is synced at each COMMIT. NORMAL (1) would let a power cut lose dossiers
    // already answered 201, up to the next checkpoint.
    const db = s.app.dvc.db as unknown as { pragma(sql: string, o: { simple: true }): unknown };
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
  });

  test('eight concurrent submissions are stored by one COMMIT, and each 201 leaves once its dossier is committed', async (t) => {
    // Skipped only when run by hand with DVC_TEST_DATABASE_URL (PostgreSQL has no group commit);
    // npm test runs this file on SQLite, so it never skips there.
    if (s.app.dvc.storage.dialect !== 'sqlite') return t.skip('the embedded database only');
    const nonces = await Promise.all(Array.from({ length: 8 }, () => challenge(s.base)));
    // A challenge's 201 too leaves once its nonce is committed.
    for (const nonce of nonces) assert.equal(readableWhenSent.get(nonce), true, nonce);
    together.expect(8);
    resetCounts();
    const answers = await Promise.all(
      nonces.map((nonce, i) =>
        postDossier(s.base, fakeJws(payload(nonce, { assistedBy: `group-${i}` })), `group-${i}`),
      ),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      Array(8).fill(201),
    );
    const codes = (await Promise.all(answers.map((r) => r.json()))).map(
      (b) => (b as { dossierCode: string }).dossierCode,
    );
    // One COMMIT stored the eight (before: eight, one per dossier).
    assert.deepEqual(dossiersPerCommit, [8]);
    for (const code of codes) assert.equal(readableWhenSent.get(code), true, code);
    const stored = await marked('group-');
    assert.deepEqual(stored.map((d) => d.code).sort(), [...codes].sort());
    for (const nonce of nonces) assert.equal(await consumedAt(nonce), NOW);
    // Each key holds its own dossier's answer: a retry gets that answer again.
    const retry = await postDossier(
      s.base,
      fakeJws(payload(nonces[3], { assistedBy: 'group-3' })),
      'group-3',
    );
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await retry.json()) as { dossierCode: string }).dossierCode, codes[3]);
  });

  test('a dossier whose transaction fails is undone alone: the others of its group are stored', async (t) => {
    // Skipped only when run by hand with DVC_TEST_DATABASE_URL (PostgreSQL has no group commit);
    // npm test runs this file on SQLite, so it never skips there.
    if (s.app.dvc.storage.dialect !== 'sqlite') return t.skip('the embedded database only');
    const nonces = await Promise.all(Array.from({ length: 6 }, () => challenge(s.base)));
    // The last write of the third dossier's transaction fails (a bug, a constraint).
    const notifier = (s.app.dvc.ctx as { notifier: { enqueue: (...a: unknown[]) => unknown } })
      .notifier;
    const enqueue = notifier.enqueue;
    let calls = 0;
    let failedCode = '';
    notifier.enqueue = async (...a: unknown[]) => {
      if (++calls === 3) {
        failedCode = a[1] as string;
        throw new Error('enqueue failed');
      }
      return enqueue.apply(notifier, a);
    };
    together.expect(6);
    resetCounts();
    let answers: Response[];
    try {
      answers = await Promise.all(
        nonces.map((nonce, i) =>
          postDossier(s.base, fakeJws(payload(nonce, { assistedBy: `mixed-${i}` })), `mixed-${i}`),
        ),
      );
    } finally {
      notifier.enqueue = enqueue;
    }
    assert.deepEqual(dossiersPerCommit, [5], 'one group');
    const statuses = answers.map((r) => r.status);
    assert.deepEqual([...statuses].sort(), [201, 201, 201, 201, 201, 500]);
    const failed = statuses.indexOf(500);
    assert.equal(
      ((await answers[failed].json()) as Problem).type,
      'urn:dvc-forms:problem:internal-error',
    );
    const stored = await marked('mixed-');
    assert.deepEqual(
      stored.map((d) => d.marker).sort(),
      [0, 1, 2, 3, 4, 5].filter((i) => i !== failed).map((i) => `mixed-${i}`),
    );
    assert.ok(failedCode && !stored.some((d) => d.code === failedCode), 'its code is not stored');
    for (const [i, nonce] of nonces.entries()) {
      assert.equal(await consumedAt(nonce), i === failed ? null : NOW, `nonce ${i}`);
    }
    for (const [i, r] of answers.entries()) {
      if (i === failed) continue;
      const { dossierCode } = (await r.json()) as { dossierCode: string };
      assert.equal(readableWhenSent.get(dossierCode), true);
    }
    assert.equal(
      await s.app.dvc.storage
        .prepare('SELECT 1 FROM idempotency_keys WHERE key = ?')
        .get(`mixed-${failed}`),
      undefined,
      'its Idempotency-Key is free again',
    );
    // The applicant's retry of the failed one is received.
    together.expect(1);
    const retry = await postDossier(
      s.base,
      fakeJws(payload(nonces[failed], { assistedBy: `mixed-${failed}` })),
      `mixed-${failed}`,
    );
    assert.equal(retry.status, 201);
    assert.equal(await consumedAt(nonces[failed]), NOW);
  });
});

describe('the group commit of the SQLite storage', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-group-commit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const open = (name: string) => {
    const raw = new Database(join(dir, name));
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.exec(
      'CREATE TABLE parent (id INTEGER PRIMARY KEY);' +
        'CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id));' +
        'INSERT INTO parent (id) VALUES (1)',
    );
    return { raw, storage: sqliteStorage(raw) };
  };

  test('a COMMIT that fails answers none of its group and stores nothing of it', async () => {
    const { raw, storage } = open('commit-fails.sqlite');
    // A foreign key checked at COMMIT (deferred): the group's COMMIT itself is refused.
    const results = await Promise.allSettled([
      storage.transaction(
        (tx: Storage) => tx.prepare('INSERT INTO child (id, parent) VALUES (1, 1)').run(),
        {
          group: true,
        },
      ),
      storage.transaction(
        async (tx: Storage) => {
          await tx.prepare('PRAGMA defer_foreign_keys = ON').run();
          await tx.prepare('INSERT INTO child (id, parent) VALUES (2, 99)').run();
        },
        { group: true },
      ),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.match(String((results[0] as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.equal(raw.inTransaction, false);
    assert.deepEqual(await storage.prepare('SELECT id FROM child').all(), []);
    // The next group is a new transaction.
    await storage.transaction(
      (tx: Storage) => tx.prepare('INSERT INTO child (id, parent) VALUES (3, 1)').run(),
      {
        group: true,
      },
    );
    assert.deepEqual(await storage.prepare('SELECT id FROM child').all(), [{ id: 3 }]);
    await storage.close();
  });

  test('members run one at a time, each resolves once committed, outer statements wait for the COMMIT, and a failed member is undone alone', async () => {
    const { storage } = open('members.sqlite');
    // Another connection sees only what is committed.
    const reader = new Database(join(dir, 'members.sqlite'), { readonly: true });
    const committed = () => reader.prepare('SELECT id FROM child ORDER BY id').all();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = storage
      .transaction(
        async (tx: Storage) => {
          await tx.prepare('INSERT INTO child (id, parent) VALUES (10, 1)').run();
          order.push('first written');
          await held;
          order.push('first done');
        },
        { group: true },
      )
      .then(() => committed());
    const second = storage.transaction(
      async (tx: Storage) => {
        order.push('second begins');
        await tx.prepare('INSERT INTO child (id, parent) VALUES (11, 1)').run();
        throw new Error('second fails');
      },
      { group: true },
    );
    const third = storage.transaction(
      (tx: Storage) => tx.prepare('INSERT INTO child (id, parent) VALUES (12, 1)').run(),
      { group: true },
    );
    const outside = storage
      .prepare('SELECT id FROM child ORDER BY id')
      .all()
      .then((rows: unknown[]) => {
        order.push('outer read');
        return rows;
      });
    // The group stays open while its first member awaits: nothing else has run yet.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['first written']);
    release();
    // Its whole group is committed when the first member resolves.
    assert.deepEqual(await first, [{ id: 10 }, { id: 12 }]);
    await assert.rejects(second, /second fails/);
    await third;
    assert.deepEqual(await outside, [{ id: 10 }, { id: 12 }]);
    assert.deepEqual(order, ['first written', 'first done', 'second begins', 'outer read']);
    reader.close();
    await storage.close();
  });
});
