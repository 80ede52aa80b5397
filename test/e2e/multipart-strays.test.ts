// Multipart files of a receiver process that died mid-request (kill -9: no onSend clean-up ran)
// are swept when a receiver starts again on the same data, once older than the upload TTL; a
// younger one (perhaps a live request's) and a file a stored dossier holds are kept. The real
// receiver (`npm start`'s main.js) in child processes, on SQLite and the local folder.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startS3Server } from '../../scripts/s3-server.mjs';
import { RELAXED_LIMIT_ENV, startChild } from './child-server.js';
import { challenge, fakeJws, fakeVerify, payload, start } from './helpers.js';

const ENV = { ...RELAXED_LIMIT_ENV, LOG_LEVEL: 'info', UPLOAD_TTL_HOURS: '1' };
/** What the crashed requests carried: none of it may reach a log. */
const PERSONAL = ['Nguyễn Văn An', 'CCCD', '001099012345'];

const mpFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'uploads'))
    .filter((f) => f.startsWith('mp-'))
    .sort();

/**
 * Starts the receiver on `dataDir`, sends the head of a multipart submission whose file part
 * never ends, and kills the process with SIGKILL once bytes of that file are on disk. Returns
 * the stray file's id and everything the process wrote.
 */
async function crashMidMultipart(
  dataDir: string,
  env: Record<string, string> = ENV,
): Promise<{ id: string; output: string }> {
  const c = await startChild(env, { dataDir });
  const before = new Set(mpFiles(dataDir));
  const url = new URL(`${c.base}/api/dossiers`);
  const boundary = 'dvc-crash';
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  req.on('error', () => undefined); // the process is killed under it
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file:giay-to:0"; ` +
      `filename="${PERSONAL[0]} ${PERSONAL[1]} ${PERSONAL[2]}.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  req.write(Buffer.alloc(64 * 1024, '%PDF-1.7 '));
  let id: string | undefined;
  while (!id) {
    id = mpFiles(dataDir).find(
      (f) => !before.has(f) && statSync(join(dataDir, 'uploads', f)).size > 0,
    );
    if (!id) await new Promise((r) => setTimeout(r, 20));
  }
  const gone = new Promise((r) => c.process.once('exit', r));
  c.process.kill('SIGKILL');
  await gone;
  req.destroy();
  return { id, output: c.output() };
}

/** Waits (at most a minute) for the receiver's log line containing `text`, then stops it. */
async function sweepLine(c: Awaited<ReturnType<typeof startChild>>, text: string) {
  const deadline = Date.now() + 60_000;
  while (!c.output().includes(text) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await c.stop();
  const line = c
    .output()
    .split('\n')
    .find((l) => l.includes(text));
  assert.ok(line, `no sweep line in:\n${c.output()}`);
  return line;
}

const keysOf = (dataDir: string) => {
  const db = new Database(join(dataDir, 'dvc.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT upload_id, dossier_code FROM upload_keys ORDER BY upload_id')
      .all() as { upload_id: string; dossier_code: string | null }[];
  } finally {
    db.close();
  }
};

describe('receiver start-up: stray multipart files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-mp-strays-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a dead request’s old file and its key go; a young one and a dossier’s file stay', async () => {
    const outputs: string[] = [];
    // 1. A receiver killed while it wrote a multipart file: the file and its key stay behind.
    const old = await crashMidMultipart(dataDir);
    outputs.push(old.output);
    assert.deepEqual(
      keysOf(dataDir).map((k) => k.upload_id),
      [old.id],
    );

    // 2. A dossier received by multipart: its file must never be swept, however old.
    const s = await start({ dataDir, verifySubmission: fakeVerify });
    const bytes = Buffer.from('%PDF-1.7 giấy chứng sinh');
    const doc = {
      slot: 'giay-to',
      name: 'giay-chung-sinh.pdf',
      type: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const form = new FormData();
    form.set('payload', fakeJws(payload(await challenge(s.base), { documents: [doc] })));
    form.set('file:giay-to:0', new Blob([bytes], { type: 'application/pdf' }), doc.name);
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body: form });
    assert.equal(r.status, 201);
    const { dossierCode } = (await r.json()) as { dossierCode: string };
    const held = (await s.app.dvc.storage
      .prepare('SELECT id FROM uploads WHERE dossier_code = ?')
      .get(dossierCode)) as { id: string };
    await s.app.close();
    outputs.push(s.logs.join(''));

    // 3. Another crash, whose file stays young (as a live request's in another process would).
    const young = await crashMidMultipart(dataDir);
    outputs.push(young.output);
    assert.deepEqual(mpFiles(dataDir), [old.id, held.id, young.id].sort());

    // The first crash's file and the dossier's file are now older than the upload TTL (1 h).
    const twoHoursAgo = Date.now() / 1000 - 2 * 3600;
    for (const id of [old.id, held.id]) {
      utimesSync(join(dataDir, 'uploads', id), twoHoursAgo, twoHoursAgo);
    }

    // 4. Started again: the start-up sweep takes exactly the dead request's old file.
    const c = await startChild(ENV, { dataDir });
    const line = await sweepLine(c, 'stray upload files removed');
    outputs.push(c.output());
    assert.equal(JSON.parse(line).removed, 1);
    assert.deepEqual(readdirSync(join(dataDir, 'uploads')).sort(), [held.id, young.id].sort());
    assert.deepEqual(
      keysOf(dataDir),
      [
        { upload_id: held.id, dossier_code: dossierCode },
        { upload_id: young.id, dossier_code: null },
      ].sort((a, b) => (a.upload_id < b.upload_id ? -1 : 1)),
    );

    // Nothing the requests carried reached a log, nor the swept file's name.
    for (const out of outputs) {
      for (const p of PERSONAL) assert.ok(!out.includes(p), `"${p}" in a log`);
    }
    assert.ok(!line.includes(old.id));
  });
});

describe('receiver sweep: multipart files recorded but never stored with a dossier', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-mp-unlinked-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  // A process killed after recordMultipartFile wrote the file's `uploads` row and before the
  // dossier's transaction linked it: the row names the file, so the stray sweep keeps it, and it
  // has no owner row, so the tus expiry never sees it. Such rows are made here by hand on files
  // a killed receiver really left (the instant between the two writes is too short to hit).
  test('an old unlinked row goes with its file and key; a young one (a live request’s) stays', async () => {
    const old = await crashMidMultipart(dataDir);
    const young = await crashMidMultipart(dataDir);
    const db = new Database(join(dataDir, 'dvc.sqlite'));
    try {
      const record = db.prepare(
        `INSERT INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at, encrypted)
         VALUES (?, 'multipart', 'giay-to', NULL, 'application/pdf', 9, ?, ?, ?, 2)`,
      );
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
      record.run(old.id, 'a'.repeat(64), join(dataDir, 'uploads', old.id), twoHoursAgo);
      record.run(
        young.id,
        'b'.repeat(64),
        join(dataDir, 'uploads', young.id),
        new Date().toISOString(),
      );
    } finally {
      db.close();
    }
    // Both files are old on disk: only the row's time tells a dead request from a live one.
    const twoHoursAgo = Date.now() / 1000 - 2 * 3600;
    for (const id of [old.id, young.id]) {
      utimesSync(join(dataDir, 'uploads', id), twoHoursAgo, twoHoursAgo);
    }

    const c = await startChild(ENV, { dataDir });
    const line = await sweepLine(c, 'expired uploads removed');
    assert.equal(JSON.parse(line).removed, 1);
    assert.deepEqual(mpFiles(dataDir), [young.id]);
    assert.deepEqual(
      keysOf(dataDir).map((k) => k.upload_id),
      [young.id],
    );
    const rows = new Database(join(dataDir, 'dvc.sqlite'), { readonly: true });
    try {
      assert.deepEqual(rows.prepare('SELECT id FROM uploads').all(), [{ id: young.id }]);
    } finally {
      rows.close();
    }
    assert.ok(!line.includes(old.id));
  });
});

describe('receiver start-up: multipart files left in the staging folder with S3', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-mp-s3-strays-'));
  const s3Dir = mkdtempSync(join(tmpdir(), 'dvc-mp-s3-'));
  let server: Awaited<ReturnType<typeof startS3Server>> | undefined;
  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(s3Dir, { recursive: true, force: true });
  });

  // With S3 a multipart file is written to DATA_DIR/uploads first and moved into the bucket by
  // the request; a process killed before the move leaves it in the local folder, which the
  // bucket's listing never shows. Before the staging sweep it stayed there for ever, with the
  // applicant's document in it (encrypted, but kept past any retention).
  test('a dead request’s old staged file and its key go; a young one stays', async () => {
    server = await startS3Server({ dir: s3Dir, bucket: 'dvc-mp-strays' });
    const env = { ...ENV, ...server.env };
    const old = await crashMidMultipart(dataDir, env);
    const young = await crashMidMultipart(dataDir, env);
    assert.deepEqual(mpFiles(dataDir), [old.id, young.id].sort());
    const twoHoursAgo = Date.now() / 1000 - 2 * 3600;
    utimesSync(join(dataDir, 'uploads', old.id), twoHoursAgo, twoHoursAgo);

    const c = await startChild(env, { dataDir });
    const line = await sweepLine(c, 'stray upload files removed');
    assert.equal(JSON.parse(line).removed, 1);
    assert.deepEqual(mpFiles(dataDir), [young.id]);
    assert.deepEqual(
      keysOf(dataDir).map((k) => k.upload_id),
      [young.id],
    );
    for (const out of [old.output, young.output, c.output()]) {
      for (const p of PERSONAL) assert.ok(!out.includes(p), `"${p}" in a log`);
    }
  });
});
