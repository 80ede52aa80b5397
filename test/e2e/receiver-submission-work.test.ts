// POST /api/dossiers, the submission path of issue 22 point 4: the nonce is spent by the dossier's
// own transaction (demo/server/held-nonces.js), so a nonce is spent if and only if its dossier is
// stored; concurrent duplicates keep their outcomes; and the work a submission costs is counted
// (write transactions, statements prepared), not timed. Runs on SQLite and, in the PostgreSQL
// stage, on PostgreSQL (the counting test is SQLite's own).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

describe('a submission and its nonce', () => {
  let s: Running;
  before(async () => {
    s = await start({ now: clock(NOW).now, verifySubmission: fakeVerify });
  });
  after(() => s.close());

  const consumedAt = async (nonce: string) =>
    (
      (await s.app.dvc.storage
        .prepare('SELECT consumed_at FROM nonces WHERE nonce = ?')
        .get(nonce)) as { consumed_at: string | null }
    ).consumed_at;
  const dossiersMarked = async (marker: string) =>
    (await storedPayloads(s)).filter((d) => d.payload.assistedBy === marker).length;

  test('a failure after verification leaves neither a dossier nor a spent nonce, and the same request sent again is stored', async () => {
    const nonce = await challenge(s.base);
    const jws = fakeJws(payload(nonce, { assistedBy: 'fails-once' }));
    // The last write of the dossier's transaction fails once (a full disk, a lost connection).
    const notifier = (s.app.dvc.ctx as { notifier: { enqueue: (...a: unknown[]) => unknown } })
      .notifier;
    const enqueue = notifier.enqueue;
    notifier.enqueue = async () => {
      notifier.enqueue = enqueue;
      throw new Error('disk full');
    };
    const failed = await postDossier(s.base, jws, 'key-fails-once');
    assert.equal(failed.status, 500);
    assert.equal(((await failed.json()) as Problem).type, 'urn:dvc-forms:problem:internal-error');
    assert.equal(await consumedAt(nonce), null, 'the nonce is not spent');
    assert.equal(await dossiersMarked('fails-once'), 0);
    assert.equal(
      await s.app.dvc.storage
        .prepare('SELECT 1 FROM idempotency_keys WHERE key = ?')
        .get('key-fails-once'),
      undefined,
      'the Idempotency-Key is free again',
    );

    // The applicant's retry (the form sends the same request with the same key) is received.
    const retry = await postDossier(s.base, jws, 'key-fails-once');
    assert.equal(retry.status, 201);
    assert.equal(await consumedAt(nonce), NOW);
    assert.equal(await dossiersMarked('fails-once'), 1);
  });

  test('a refused submission does not spend the nonce either', async () => {
    const nonce = await challenge(s.base);
    const bad = await postDossier(s.base, fakeJws(payload(nonce), 'forged'));
    assert.equal(bad.status, 422);
    assert.equal(await consumedAt(nonce), null);
    const good = await postDossier(s.base, fakeJws(payload(nonce)));
    assert.equal(good.status, 201);
  });

  test('one nonce sent by concurrent requests: one dossier, the others refused as replayed', async () => {
    const nonce = await challenge(s.base);
    const jws = fakeJws(payload(nonce, { assistedBy: 'concurrent-nonce' }));
    // Different Idempotency-Keys (or none): only the nonce is shared.
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postDossier(s.base, jws, i % 2 ? `race-${i}` : undefined),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 422, 422, 422, 422, 422]);
    for (const r of answers.filter((a) => a.status === 422)) {
      assert.deepEqual(((await r.json()) as Problem).errors, [
        { code: 'nonce-replayed', message: 'replayed' },
      ]);
    }
    assert.equal(await dossiersMarked('concurrent-nonce'), 1);
    assert.equal(await consumedAt(nonce), NOW);
  });

  test('one Idempotency-Key sent by concurrent requests: one dossier; the others are told it is in progress or get its answer', async () => {
    const nonce = await challenge(s.base);
    const jws = fakeJws(payload(nonce, { assistedBy: 'concurrent-key' }));
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postDossier(s.base, jws, 'key-concurrent')),
    );
    const created = answers.filter((r) => r.status === 201);
    assert.ok(created.length >= 1);
    const bodies = await Promise.all(created.map((r) => r.json()));
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
    for (const r of answers.filter((a) => a.status !== 201)) {
      assert.equal(r.status, 409);
      assert.equal(((await r.json()) as Problem).type, 'urn:dvc-forms:problem:request-in-progress');
    }
    assert.equal(await dossiersMarked('concurrent-key'), 1);
  });
});

// What a submission costs the embedded database, counted: a regression that adds a transaction
// or prepares statements per request fails here, whatever the machine's speed.
/** The parts of better-sqlite3 the counting wraps (app.dvc.db is that database on SQLite). */
interface RawStatement {
  reader: boolean;
  run(...a: unknown[]): unknown;
  get(...a: unknown[]): unknown;
  all(...a: unknown[]): unknown;
}
interface RawDb {
  inTransaction: boolean;
  prepare(sql: string): RawStatement;
  exec(sql: string): unknown;
}

describe('the work of one submission (SQLite)', () => {
  let s: Running;
  const counts = { prepared: 0, transactions: 0, autocommitWrites: 0, statements: 0 };
  const reset = () =>
    Object.assign(counts, { prepared: 0, transactions: 0, autocommitWrites: 0, statements: 0 });

  before(async () => {
    s = await start({ now: clock(NOW).now, verifySubmission: fakeVerify });
    const db = s.app.dvc.db as unknown as RawDb | undefined;
    if (!db) return;
    // Every statement the storage compiles from now on is counted when it runs.
    const prepare = db.prepare.bind(db);
    const exec = db.exec.bind(db);
    db.prepare = (sql: string) => {
      counts.prepared++;
      const st = prepare(sql);
      for (const method of ['run', 'get', 'all'] as const) {
        const f = st[method].bind(st);
        st[method] = (...a: unknown[]) => {
          counts.statements++;
          if (!st.reader && !db.inTransaction) counts.autocommitWrites++;
          return f(...a);
        };
      }
      return st;
    };
    db.exec = (sql: string) => {
      if (/^BEGIN/i.test(sql)) counts.transactions++;
      return exec(sql);
    };
  });
  after(() => s.close());

  const submit = async (marker: string) => {
    const nonce = await challenge(s.base);
    const r = await postDossier(
      s.base,
      fakeJws(payload(nonce, { assistedBy: marker })),
      `key-${marker}`,
    );
    assert.equal(r.status, 201);
  };

  test('statements are prepared once; a submission writes in three group commits and no autocommit', async (t) => {
    // Skipped on the PostgreSQL + S3 stage on purpose: the counts come from wrapping the embedded
    // database's better-sqlite3 handle (prepare/transaction), which PostgreSQL's pool does not
    // have; the same suite runs on SQLite in the e2e stage, where this test does run. The other
    // tests of this file (nonce and key semantics) run on both.
    if (s.app.dvc.storage.dialect !== 'sqlite')
      // The PostgreSQL + S3 stage: no better-sqlite3 handle to count on (see above).
      return t.skip('counts statements on the embedded SQLite database; runs in the e2e stage');
    await submit('work-1'); // compiles what the path needs
    reset();
    await submit('work-2');
    assert.equal(counts.prepared, 0, 'nothing prepared again');
    // The dossier, its nonce spent, its history, secrets, index, notification and the key's
    // answer: one transaction. Before it: the challenge's nonce and the Idempotency-Key's
    // reservation (which must be visible to a concurrent request before verification), each
    // answered once committed. All three are members of the storage's group commit (alone here,
    // one submission at a time), none an autocommit of its own.
    assert.equal(counts.transactions, 3);
    assert.equal(counts.autocommitWrites, 0);
    // Reads and writes of the whole submission (challenge included): a bound, not a timing.
    assert.ok(counts.statements <= 24, `${counts.statements} statements`);
  });
});
