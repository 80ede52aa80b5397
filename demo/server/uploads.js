// Files: resumable uploads with the tus protocol (@tus/server + @tus/file-store) and, for pages
// without an upload endpoint, file parts of a multipart submission. Either way the server hashes
// the stored bytes itself: the SHA-256 in the signed payload is checked against this, never
// against what the browser claimed in the upload metadata. tus uploads are encrypted from their
// first byte (storage/encrypted-store.js) and read back only through upload-files.js.
import { Server as TusServer, EVENTS } from '@tus/server';
import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, mkdirSync } from 'node:fs';
import { UPLOAD_TOKEN_HEADER } from './upload-guard.js';
import { ENCRYPTED_CTR } from './upload-files.js';
import { EncryptedStore } from './storage/encrypted-store.js';
import { requestLang } from './problems.js';

export const UPLOAD_PATH = '/api/uploads';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/**
 * The receiver's problem for each status @tus/server refuses with: its own answers are plain
 * text (and its 500 carries the error's message). The status stays where tus-js-client reads it
 * (409: ask the offset again; 404: start anew), except that a header tus does not accept (a
 * missing Upload-Offset, its 403) and an extension it does not offer (Upload-Concat, its 501) are
 * the client's mistakes: 400.
 * @type {Record<number, string>}
 */
const TUS_PROBLEM = {
  400: 'invalid-request',
  403: 'invalid-request',
  404: 'upload-not-found',
  409: 'upload-offset-conflict',
  410: 'upload-not-found',
  412: 'upload-protocol-required',
  413: 'payload-too-large',
  501: 'invalid-request',
};

/**
 * @param {string} body
 * @returns {boolean} whether `body` is already one of our problems (thrown by our own hooks)
 */
function isProblem(body) {
  try {
    return JSON.parse(body)?.type?.startsWith('urn:dvc-forms:problem:') === true;
  } catch {
    return false;
  }
}

/**
 * The language of the request @tus/server is answering (`requestLang`: its Accept-Language).
 * tus's `write` and `onResponseError` do not see our request, so `handle` keeps its language
 * here for every refusal written while it runs, tus's own and those our hooks throw.
 * @type {AsyncLocalStorage<'vi' | 'en'>}
 */
const answering = new AsyncLocalStorage();

/**
 * @typedef {object} TusGuard
 * @property {(req: Request) => string} namingFunction
 * @property {(id: string) => Promise<void>} terminated
 * @property {(id: string) => Promise<void>} claim
 */

/**
 * @typedef {object} FileTools the library's shared file code (dist/verify.js)
 * @property {(name: string) => string} cleanFileName
 * @property {(head: Uint8Array, tail?: Uint8Array) => string | undefined} sniffType
 * @property {number} SNIFF_HEAD_BYTES
 * @property {number} SNIFF_TAIL_BYTES
 */

/**
 * @param {{ db: import('./storage/index.js').Storage, locker?: import('@tus/server').Locker, dir: string, uploadFiles: import('./upload-files.js').UploadFiles, maxUploadBytes: number, log: import('fastify').FastifyBaseLogger, allowOrigin?: (origin: string) => boolean, guard?: TusGuard, files?: FileTools, problem?: (slug: string, lang: 'vi' | 'en') => object }} options
 *   Hooks refuse by throwing `{ status_code, problem: slug }`: answered as that problem in the
 *   request's language.
 */
export function createTusServer({
  db,
  locker,
  dir,
  uploadFiles,
  maxUploadBytes,
  log,
  allowOrigin = () => false,
  guard,
  files,
  problem,
}) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Owner only, also for a folder an older version created with the default mode.
  chmodSync(dir, 0o700);
  // Written once: an upload's row is never rewritten. tus runs onUploadFinish again for an empty
  // PATCH at the final offset, possibly while (or after) a dossier takes the file: a rewrite
  // would set its dossier_code back to NULL and free an accepted file for deletion.
  const record = db.prepare(
    `INSERT OR IGNORE INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at, encrypted)
     VALUES (@id, 'tus', @slot, @filename, @type, @size, @sha256, @path, @finishedAt, @encrypted)`,
  );
  const recorded = db.prepare('SELECT 1 FROM uploads WHERE id = ?');
  // Every refusal in the receiver's problem shape, as docs/receiver.md promises.
  class ProblemTusServer extends TusServer {
    /** @override @type {TusServer['handle']} */
    handle(req, res) {
      const lang = requestLang(/** @type {any} */ (req));
      return answering.run(lang, () => super.handle(req, res));
    }

    /** @override @type {TusServer['write']} */
    async write(context, headers, status, body = '') {
      if (status < 400 || !problem) return super.write(context, headers, status, body);
      headers.set('content-type', PROBLEM_JSON);
      if (isProblem(body)) return super.write(context, headers, status, body);
      const p = /** @type {{ status: number }} */ (
        problem(TUS_PROBLEM[status] ?? 'internal-error', answering.getStore() ?? 'vi')
      );
      return super.write(context, headers, p.status, JSON.stringify(p));
    }
  }
  const tus = new ProblemTusServer({
    path: UPLOAD_PATH,
    ...(guard ? { namingFunction: guard.namingFunction } : {}),
    datastore: new EncryptedStore({
      store: uploadFiles.objects.dataStore(),
      keys: uploadFiles.keys,
      // A DELETE (under tus's lock for the upload) first takes the upload from any dossier
      // that could still claim it, or is refused when one already holds it (upload-guard.js).
      ...(guard ? { beforeRemove: guard.claim } : {}),
      // Deferred lengths are always refused (upload-guard.js): not offered in Tus-Extension.
      withoutExtensions: ['creation-defer-length'],
    }),
    ...(locker ? { locker } : {}),
    maxSize: maxUploadBytes,
    // Relative Location: correct behind any proxy without trusting X-Forwarded-* headers.
    relativeLocation: true,
    // tus writes its own CORS headers: only for the origins of ALLOWED_ORIGINS (cors.js), never
    // its default "*".
    allowedOrigins: (origin) => allowOrigin(origin),
    // Beside tus's own: the upload's token, which a page on another origin must read.
    exposedHeaders: [UPLOAD_TOKEN_HEADER],
    // Upload ids come from tus (random 128-bit hex); anything else in the URL is not ours.
    getFileIdFromRequest: (_req, lastPath) =>
      lastPath && /^[0-9a-f]{32}$/.test(lastPath) ? lastPath : undefined,
    // The cause of an unexpected refusal goes to the log, never to the client (write above).
    // A hook's refusal (`{ status_code, problem }`) becomes that problem, in the request's language.
    onResponseError(_req, err) {
      const { status_code: status, problem: slug } = /** @type {any} */ (err);
      if (typeof slug === 'string' && status && problem) {
        return {
          status_code: status,
          body: JSON.stringify(problem(slug, answering.getStore() ?? 'vi')),
        };
      }
      if (!status || (status >= 500 && !TUS_PROBLEM[status])) log.error({ err }, 'upload failed');
      return undefined;
    },
    async onUploadFinish(_req, upload) {
      // Finished before (an empty PATCH at the final offset): the row, and any dossier's hold on
      // it, stay as they are.
      if (await recorded.get(upload.id)) return {};
      const path = uploadFiles.objects.refOf(upload.id);
      if (files) {
        // The slot's own rules are applied when the file is submitted (the procedure is known
        // then); here a file that is empty or none of the document types is refused at once,
        // so the applicant hears it on the upload, and its bytes are not kept.
        const { size, head, tail } = await uploadFiles.readEnds(upload.id, path, {
          head: files.SNIFF_HEAD_BYTES,
          tail: files.SNIFF_TAIL_BYTES,
        });
        if (size === 0 || !files.sniffType(head, tail)) {
          await uploadFiles.objects.remove(path);
          await guard?.terminated(upload.id);
          log.info({ upload: upload.id, size }, 'upload refused: not a document type');
          throw { status_code: 422, problem: 'file-refused' };
        }
      }
      const sha256 = await uploadFiles.sha256(upload.id, path);
      const meta = upload.metadata ?? {};
      await record.run({
        id: upload.id,
        slot: meta.slot ?? null,
        // Personal data: sealed under the upload's own key, never stored in clear.
        filename: await uploadFiles.sealName(
          upload.id,
          typeof meta.filename === 'string' && files
            ? files.cleanFileName(meta.filename)
            : meta.filename,
        ),
        type: meta.filetype ?? null,
        size: upload.size ?? upload.offset,
        sha256,
        path,
        finishedAt: new Date().toISOString(),
        encrypted: (await uploadFiles.isEncrypted(upload.id)) ? ENCRYPTED_CTR : 0,
      });
      if (meta.sha256 && meta.sha256 !== sha256) {
        // Not an error here: the signed payload decides. Logged because it usually means a bug.
        log.warn({ upload: upload.id }, 'upload hash differs from the browser-declared sha256');
      }
      return {};
    },
  });
  if (guard) {
    tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
      guard.terminated(id).catch((e) => log.error({ err: e, upload: id }, 'terminate failed'));
    });
  }
  return tus;
}

/**
 * Records a multipart file part (already streamed to disk by multipart.js) like a finished
 * upload, with its name cleaned by the library's shared code and sealed under the part's key.
 * @param {import('./storage/index.js').Storage} db
 * @param {{ slot: string, stored: import('./multipart.js').StoredPart }} part
 * @param {FileTools | undefined} files
 * @param {import('./upload-files.js').UploadFiles} uploadFiles
 */
export async function recordMultipartFile(db, { slot, stored }, files, uploadFiles) {
  const name = stored.filename
    ? files
      ? files.cleanFileName(stored.filename)
      : stored.filename
    : null;
  await db
    .prepare(
      `INSERT INTO uploads (id, via, slot, filename, type, size, sha256, path, finished_at, encrypted)
     VALUES (?, 'multipart', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      stored.id,
      slot,
      await uploadFiles.sealName(stored.id, name, db),
      stored.type || null,
      stored.size,
      stored.sha256,
      stored.path,
      new Date().toISOString(),
      stored.encrypted ? ENCRYPTED_CTR : 0,
    );
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
