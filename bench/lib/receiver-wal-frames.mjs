// Pages the receiver writes per verified submission on SQLite (docs/performance.md, issue 22 point
// 4): a count that does not depend on the machine's load, unlike a throughput. The receiver runs in
// this process with automatic checkpoints off; after a warm-up (the B-trees as deep as in a
// receiver that has run for a while), the WAL is emptied and N more submissions are made one after
// the other (a challenge, then the dossier, as a form does). Every commit appends the pages it
// changed to the WAL, so its frames over N are the pages written per submission; each frame's page
// is named by the B-tree (table or index) that owns it now (SQLite's dbstat).
//
// `node bench/lib/receiver-wal-frames.mjs [warm-up] [N] [concurrency]`: printed as JSON.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWebCryptoSigner, generateSigningKey } from '../../dist/engine.js';
import { createServer } from '../../demo/server/app.js';
import { RATE_LIMIT_DEFAULTS } from '../../demo/server/config.js';
import { signedDossier, submissionTemplate } from './receiver-clients.mjs';

/**
 * Page numbers of the WAL's frames, in order, and how many frames end a commit (their header's
 * second field, the database's size after the commit, is not 0):
 * https://sqlite.org/fileformat2.html#walformat
 */
function walPages(file) {
  const wal = readFileSync(file);
  const pageSize = wal.readUInt32BE(8);
  const pages = [];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    pages.push(wal.readUInt32BE(at));
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return { pages, commits };
}

/**
 * @param {{ warmup?: number, n?: number, concurrency?: number }} options `concurrency`
 *   submissions at a time (1: one after the other; more: as concurrent browsers, whose
 *   transactions the receiver may commit together)
 */
export async function receiverWalFrames({ warmup = 2000, n = 1000, concurrency = 1 } = {}) {
  const t = await submissionTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'dvc-wal-frames-'));
  const logStream = createWriteStream('/dev/null');
  const start = Date.parse(`${t.today}T03:00:00.000Z`);
  const t0 = Date.now();
  const app = await createServer({
    dataDir: join(dir, 'receiver'),
    logLevel: 'info',
    logStream,
    now: () => new Date(start + (Date.now() - t0)),
    rateLimits: Object.fromEntries(
      Object.entries(RATE_LIMIT_DEFAULTS).map(([name, l]) => [
        name,
        { ...l, max: 10_000_000, globalMax: 10_000_000 },
      ]),
    ),
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${app.server.address().port}`;
    const db = app.dvc.db;
    db.pragma('wal_autocheckpoint = 0');
    const signer = await createWebCryptoSigner(await generateSigningKey());
    const submit = async () => {
      const ch = await fetch(`${base}/api/challenges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          procedure: { code: t.procedure.code, version: t.procedure.version },
        }),
      });
      const { nonce } = await ch.json();
      const jws = await signedDossier(t, signer, nonce, new Date(start + (Date.now() - t0) - 1000));
      const r = await fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ jws }),
      });
      if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
    };
    /** @param {number} count submissions, `concurrency` at a time */
    const submitAll = async (count) => {
      let left = count;
      const one = async () => {
        while (left-- > 0) await submit();
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, one));
    };
    await submitAll(warmup);
    db.pragma('wal_checkpoint(TRUNCATE)');
    await submitAll(n);
    const { pages, commits } = walPages(join(dir, 'receiver', 'dvc.sqlite-wal'));
    const owner = new Map(
      db
        .prepare('SELECT name, pageno FROM dbstat')
        .all()
        .map((r) => [r.pageno, r.name]),
    );
    const byTree = {};
    for (const p of pages) {
      const name = owner.get(p) ?? '(free or header)';
      byTree[name] = (byTree[name] ?? 0) + 1;
    }
    const perSubmission = Object.fromEntries(
      Object.entries(byTree)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, Math.round((v / n) * 100) / 100]),
    );
    return {
      warmup,
      n,
      concurrency,
      dossiers: db.prepare('SELECT count(*) AS n FROM dossiers').get().n,
      framesPerSubmission: Math.round((pages.length / n) * 100) / 100,
      commitsPerSubmission: Math.round((commits / n) * 100) / 100,
      perSubmission,
    };
  } finally {
    await app.close();
    logStream.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [warmup = '2000', n = '1000', concurrency = '1'] = process.argv.slice(2);
  console.log(
    JSON.stringify(
      await receiverWalFrames({
        warmup: Number(warmup),
        n: Number(n),
        concurrency: Number(concurrency),
      }),
      null,
      2,
    ),
  );
}
