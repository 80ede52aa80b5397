// Files: resumable uploads with the tus protocol (@tus/server + @tus/file-store) and, for pages
// without an upload endpoint, file parts of a multipart submission. Either way the server hashes
// the stored bytes itself: the SHA-256 in the signed payload is checked against this, never
// against what the browser claimed in the upload metadata.
import { Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const UPLOAD_PATH = '/api/uploads';

/**
 * Streams a file through SHA-256 (a 500 MB upload never sits in memory).
 * @param {string} path
 * @returns {Promise<string>} hex digest
 */
export function sha256File(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * @param {{ db: import('better-sqlite3').Database, dir: string, maxUploadBytes: number, log: import('fastify').FastifyBaseLogger }} options
 */
export function createTusServer({ db, dir, maxUploadBytes, log }) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Owner only, also for a folder an older version created with the default mode.
  chmodSync(dir, 0o700);
  const record = db.prepare(
    `INSERT OR REPLACE INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at)
     VALUES (@id, 'tus', @slot, @filename, @type, @size, @sha256, @path, @finishedAt)`,
  );
  return new TusServer({
    path: UPLOAD_PATH,
    datastore: new FileStore({ directory: dir }),
    maxSize: maxUploadBytes,
    // Relative Location: correct behind any proxy without trusting X-Forwarded-* headers.
    relativeLocation: true,
    // Upload ids come from tus (random 128-bit hex); anything else in the URL is not ours.
    getFileIdFromRequest: (_req, lastPath) =>
      lastPath && /^[0-9a-f]{32}$/.test(lastPath) ? lastPath : undefined,
    async onUploadFinish(_req, upload) {
      const path = upload.storage?.path ?? join(dir, upload.id);
      const sha256 = await sha256File(path);
      const meta = upload.metadata ?? {};
      record.run({
        id: upload.id,
        slot: meta.slot ?? null,
        filename: meta.filename ?? null,
        type: meta.filetype ?? null,
        size: upload.size ?? upload.offset,
        sha256,
        path,
        finishedAt: new Date().toISOString(),
      });
      if (meta.sha256 && meta.sha256 !== sha256) {
        // Not an error here: the signed payload decides. Logged because it usually means a bug.
        log.warn({ upload: upload.id }, 'upload hash differs from the browser-declared sha256');
      }
      return {};
    },
  });
}

/**
 * Stores a multipart file part like a finished upload and returns its row id.
 * @param {{ db: import('better-sqlite3').Database, dir: string }} ctx
 * @param {{ slot: string, file: Blob & { name?: string } }} part
 */
export async function storeMultipartFile({ db, dir }, { slot, file }) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = `mp-${randomBytes(16).toString('hex')}`;
  const bytes = Buffer.from(await file.arrayBuffer());
  const path = join(dir, id);
  await writeFile(path, bytes, { mode: 0o600 });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.prepare(
    `INSERT INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at)
     VALUES (?, 'multipart', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    slot,
    file.name ?? null,
    file.type || null,
    bytes.length,
    sha256,
    path,
    new Date().toISOString(),
  );
  return { id, sha256 };
}

/**
 * The id of one of our tus uploads from a document entry's `url` (absolute or relative).
 * @param {unknown} url
 */
export function uploadIdFromUrl(url) {
  if (typeof url !== 'string') return undefined;
  let pathname;
  try {
    pathname = new URL(url, 'http://receiver.invalid').pathname;
  } catch {
    return undefined;
  }
  const m = /^\/api\/uploads\/([0-9a-f]{32})$/.exec(pathname);
  return m ? m[1] : undefined;
}
