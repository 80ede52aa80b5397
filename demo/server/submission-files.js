// The files of a submission, checked on the server before its signature is verified (so that a
// refusal does not spend the nonce): who uploaded them, whether a dossier already holds them, and
// the browser's own file rules (src/files, through dist/verify.js) applied to the stored bytes.
import { FILE_MESSAGES } from './guard-messages.js';
import { holdsUpload } from './upload-guard.js';
import { uploadIdFromUrl } from './uploads.js';

/**
 * @typedef {import('./uploads.js').FileTools & {
 *   checkStoredFile: (limits: any, file: any) => { ok: true } | { ok: false, problem: { code: string, params: Record<string, any> } },
 *   maxDocumentEntries: (documents: any[] | undefined) => number,
 *   formatSize: (bytes: number, lang: 'vi' | 'en') => string,
 *   formatList: (items: string[], lang: 'vi' | 'en') => string,
 * }} LibraryFiles
 */

/**
 * @typedef {{ code: string, message: string, index: number, slot?: string, name?: string }} FileError
 */

/**
 * For each document entry, how many entries of the same slot come before it in the payload: the
 * `n` of its multipart part name `file:<slot>:<n>`. One pass, whatever the number of entries.
 * @param {any[]} documents
 * @returns {number[]}
 */
export function slotOrdinals(documents) {
  /** @type {Map<unknown, number>} */
  const seen = new Map();
  return documents.map((d) => {
    const n = seen.get(d?.slot) ?? 0;
    seen.set(d?.slot, n + 1);
    return n;
  });
}

/**
 * @param {{
 *   db: import('./storage/index.js').Storage,
 *   uploadFiles: import('./upload-files.js').UploadFiles,
 *   files: LibraryFiles | undefined,
 *   procedure: any,
 *   documents: any[],
 *   multipart: Map<string, { id: string }>,
 *   request: { headers: Record<string, string | string[] | undefined> },
 *   maxDossierBytes: number,
 *   nonce: unknown,
 *   nonceState: (nonce: unknown) => Promise<string>,
 *   lang: 'vi' | 'en',
 * }} sub
 * @returns {Promise<{ slug: string, errors: FileError[] } | undefined>} a refusal, or undefined
 *   (`upload-quota-exceeded` when the files together exceed MAX_DOSSIER_BYTES)
 */
export async function checkSubmissionFiles(sub) {
  const { db, files, procedure, documents, multipart, request, lang } = sub;
  const ownerOf = db.prepare('SELECT owner_sha256 FROM upload_owners WHERE id = ?');
  const uploadRow = db.prepare('SELECT * FROM uploads WHERE id = ?');
  const ordinals = slotOrdinals(documents);
  /** @type {FileError[]} */
  const errors = [];
  let total = 0;
  /**
   * @param {string} code
   * @param {number} index
   * @param {any} doc
   * @param {Record<string, string>} [params]
   */
  const add = (code, index, doc, params = {}) => {
    // Names are shown cleaned (src/files cleanFileName): never echo a bidi override back.
    const raw = typeof doc?.name === 'string' ? doc.name : '';
    const name = params.name ?? (files ? files.cleanFileName(raw) : raw);
    const text = FILE_MESSAGES[code]?.[lang] ?? code;
    /** @type {Record<string, string>} */
    const values = { ...params, name };
    errors.push({
      code,
      message: text.replace(/\{(\w+)\}/g, (m, /** @type {string} */ k) => values[k] ?? m),
      index,
      ...(typeof doc?.slot === 'string' ? { slot: doc.slot } : {}),
      ...(name ? { name } : {}),
    });
  };

  for (const [index, doc] of documents.entries()) {
    if (!doc || typeof doc !== 'object') continue;
    /** @type {any} */
    let row;
    const id = uploadIdFromUrl(doc.url);
    if (id) {
      row = await uploadRow.get(id);
      if (!row) continue; // unfinished or unknown: the verifier reports attachment-missing
      if (row.dossier_code) {
        // The same signed submission sent again: say so, rather than "file missing".
        if ((await sub.nonceState(sub.nonce)) === 'replayed') {
          return {
            slug: 'invalid-submission',
            errors: [
              { code: 'nonce-replayed', message: FILE_MESSAGES['nonce-replayed'][lang], index },
            ],
          };
        }
        add('upload-already-attached', index, doc);
        continue;
      }
      const owner = /** @type {any} */ (await ownerOf.get(id));
      if (owner && !holdsUpload(request, id, owner.owner_sha256)) {
        add('upload-not-owned', index, doc);
        continue;
      }
    } else if (typeof doc.slot === 'string') {
      const part = multipart.get(`file:${doc.slot}:${ordinals[index]}`);
      row = part ? await uploadRow.get(part.id) : undefined;
    }
    if (!row) continue;
    total += row.size;
    if (!files) continue;
    const spec = Array.isArray(procedure.documents)
      ? procedure.documents.find((/** @type {any} */ d) => d?.id === doc.slot)
      : undefined;
    if (!spec) continue; // the verifier reports unknown-document
    // Brought to the desk (format 1.1 atDesk): no upload limits to check against; the verifier
    // refuses any file for it (file-too-many, at most 0), in the session core's words.
    if (spec.atDesk === true) continue;
    let ends;
    try {
      // Decrypted: the rules apply to the file the applicant sent, not to its ciphertext.
      ends = await sub.uploadFiles.readEnds(row.id, row.path, {
        head: files.SNIFF_HEAD_BYTES,
        tail: files.SNIFF_TAIL_BYTES,
      });
    } catch {
      add('file-unreadable', index, doc);
      continue;
    }
    const checked = files.checkStoredFile(spec, {
      name: typeof doc.name === 'string' ? doc.name : '',
      declaredType: typeof doc.type === 'string' ? doc.type : '',
      ...(Number.isSafeInteger(doc.size) ? { signedSize: doc.size } : {}),
      size: ends.size,
      head: ends.head,
      tail: ends.tail,
    });
    if (checked.ok) continue;
    const p = checked.problem.params;
    add(checked.problem.code, index, doc, {
      name: p.name,
      ...(p.types ? { types: files.formatList(p.types, lang) } : {}),
      ...(p.expected ? { expected: String(p.expected) } : {}),
      ...(p.maxBytes !== undefined ? { size: files.formatSize(p.maxBytes, lang) } : {}),
      ...(p.size !== undefined ? { size: `${p.size} byte` } : {}),
      ...(p.signedSize !== undefined ? { signedSize: `${p.signedSize} byte` } : {}),
    });
  }
  if (errors.length) return { slug: 'file-refused', errors };
  // The quota per dossier: what one submission may hold, whatever the way its files came.
  if (total > sub.maxDossierBytes) return { slug: 'upload-quota-exceeded', errors: [] };
  return undefined;
}
