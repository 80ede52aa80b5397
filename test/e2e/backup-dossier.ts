// What the backup and restore tests store before the backup and read back after the restore:
// a dossier with one file, its clerk's view, its file's bytes and the citizen's status look-up.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  challenge,
  fakeJws,
  payload,
  postDossier,
  uploadSession,
  type Running,
} from './helpers.js';

/** A key list entry of 32 random bytes: `id:base64`. */
export const newKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/** A documented command, run by the shell with the variables it names (and only those). */
export const sh = (script: string, env: Record<string, string>, path = process.env.PATH ?? '') =>
  execFileSync('sh', ['-ec', script], { env: { PATH: path, ...env } });

/** Uploads `bytes` as `fileName` and submits a dossier holding it. */
export async function submitWithFile(s: Running, bytes: Uint8Array, fileName: string) {
  const browser = uploadSession(s.base);
  const url = await browser.upload(bytes, { slot: 'giay-to', filename: fileName });
  const doc = {
    slot: 'giay-to',
    name: fileName,
    type: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    url,
  };
  const r = await postDossier(
    s.base,
    fakeJws(payload(await challenge(s.base), { documents: [doc] })),
    undefined,
    browser.cookie,
  );
  assert.equal(r.status, 201);
  const code = ((await r.json()) as { dossierCode: string }).dossierCode;
  return { code, fileId: url.split('/').pop()! };
}

/**
 * The restored receiver reads the dossier back: the clerk's file list (hash checked), the file's
 * exact bytes, the decrypted answers and the citizen's look-up with the ID number (LOOKUP_KEYS).
 */
export async function assertRestored(
  again: Running,
  stored: { code: string; fileId: string; bytes: Uint8Array; fileName: string },
) {
  const { code, fileId } = stored;
  const clerk = { authorization: `Bearer ${again.clerkKey}` };
  const detail = (await (
    await fetch(`${again.base}/api/clerk/dossiers/${code}`, { headers: clerk })
  ).json()) as { files: { id: string; name: string; hashOk: boolean }[] };
  assert.deepEqual(
    detail.files.map((f) => [f.id, f.name, f.hashOk]),
    [[fileId, stored.fileName, true]],
  );
  const download = await fetch(`${again.base}/api/clerk/dossiers/${code}/files/${fileId}`, {
    headers: clerk,
  });
  assert.equal(download.status, 200, await download.clone().text());
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), stored.bytes);
  // Synchronous on SQLite, a promise on PostgreSQL.
  assert.deepEqual((await again.app.dvc.readDossier(code))?.payload.answers, payload('').answers);
  const status = await fetch(
    `${again.base}/api/status?code=${encodeURIComponent(code)}&secret=001099012345`,
  );
  assert.equal(status.status, 200);
}
