// A clerk's copy of a dossier's file: decrypted through the one read path (upload-files.js),
// checked against the SHA-256 recorded when it was stored (and signed in the payload), every read
// audited. Always served as a download (Content-Disposition: attachment, sandboxed, never
// cached): a document is never rendered in this origin, whatever its bytes.
import { audit, auditAs, routeAction } from './audit.js';
import { sendProblem } from './problems.js';
import { UploadDamagedError } from './upload-files.js';

/** Types a browser may open from the download as what they are; anything else is bytes. */
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
]);

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 * @param {(request: import('fastify').FastifyRequest) => import('./auth.js').Principal} clerkOf
 */
export function registerClerkFiles(app, ctx, clerkOf) {
  const { db } = ctx;
  const fileOf = db.prepare('SELECT * FROM uploads WHERE id = ? AND dossier_code = ?');
  app.get(
    '/api/clerk/dossiers/:code/files/:id',
    auditAs('dossier.file.read'),
    async (request, reply) => {
      const { code, id } = /** @type {{ code: string, id: string }} */ (request.params);
      const row = /** @type {any} */ (await fileOf.get(id, code));
      /** @param {string} outcome */
      const record = (outcome) =>
        audit(db, ctx.now(), {
          actor: clerkOf(request).actor,
          action: routeAction(request),
          outcome,
          dossier: code.slice(0, 40),
          ip: request.ip,
          detail: { file: id.slice(0, 40) },
        });
      if (!row) {
        await record('not-found');
        return sendProblem(request, reply, 'not-found');
      }
      /** @type {Buffer | undefined} */
      let bytes;
      try {
        bytes = await ctx.uploadFiles.readAll(id);
      } catch (e) {
        await record(e instanceof UploadDamagedError ? 'damaged' : 'unreadable');
        request.log.error({ dossier: code, file: id, err: e }, 'stored file not readable');
        return sendProblem(request, reply, 'file-damaged');
      }
      if (!bytes) {
        await record('not-found');
        return sendProblem(request, reply, 'not-found');
      }
      await record('success');
      const name = (await ctx.uploadFiles.fileName(row)) || id;
      return reply
        .header(
          'content-type',
          DOCUMENT_TYPES.has(row.type) ? row.type : 'application/octet-stream',
        )
        .header(
          'content-disposition',
          `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
}
