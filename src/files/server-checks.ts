/**
 * The receiver's checks of a file it has stored, with the same rules the browser applied before
 * uploading ({@link checkFile}): the bytes on disk are sniffed against the slot's accepted types
 * and the type the signed payload declares, the stored size is compared with the signed size and
 * the slot's maximum, and the signed name must already be clean (the browser cleans names before
 * signing; a name that is not clean comes from a modified client). DOM-free; the caller reads the
 * first {@link SNIFF_HEAD_BYTES} and last {@link SNIFF_TAIL_BYTES} bytes from its storage.
 */
import { checkFile, FILE_PROBLEM, type AcceptedFile, type UploadLimits } from './checks.js';
import { cleanFileName } from './filename.js';
import { acceptedTypes, isFileType, sameFamily, typeLabels } from './types.js';
import { isUploadedDocument, type DocumentSpec } from '../procedure/types.js';

export const STORED_FILE_PROBLEM = {
  ...FILE_PROBLEM,
  /** The stored file's size differs from the size in the signed payload. */
  sizeMismatch: 'file-size-mismatch',
  /** The signed name has path parts, control or bidi characters, or is not NFC. */
  unsafeName: 'file-name-unsafe',
} as const;
export type StoredFileProblemCode = (typeof STORED_FILE_PROBLEM)[keyof typeof STORED_FILE_PROBLEM];

export interface StoredFileProblem {
  code: StoredFileProblemCode;
  params: {
    name: string;
    types?: string[];
    expected?: string;
    maxBytes?: number;
    size?: number;
    signedSize?: number;
  };
}

/** What the receiver knows about one stored file of a submission. */
export interface StoredFile {
  /** The name the payload declares (signed). */
  name: string;
  /** The MIME type the payload declares (signed). */
  declaredType: string;
  /** The size the payload declares (signed); undefined when the payload gives none. */
  signedSize?: number;
  /** The size of the bytes actually stored. */
  size: number;
  head: Uint8Array;
  tail?: Uint8Array;
}

/**
 * Checks a stored file against its document slot. Returns the first failure, in the order the
 * browser uses (name, type, empty, size, content), or the type decided by the content.
 */
export function checkStoredFile(
  limits: UploadLimits,
  file: StoredFile,
): { ok: true; file: AcceptedFile } | { ok: false; problem: StoredFileProblem } {
  const name = cleanFileName(file.name);
  if (name !== file.name) {
    return { ok: false, problem: { code: STORED_FILE_PROBLEM.unsafeName, params: { name } } };
  }
  const declared = file.declaredType.trim().toLowerCase();
  const accepted = acceptedTypes(limits.accept);
  // A declared type outside the slot (application/zip, text/html, an .exe's type) is refused
  // whatever the bytes are: the browser would never have signed it.
  if (!isFileType(declared) || !accepted.some((t) => sameFamily(t, declared))) {
    return {
      ok: false,
      problem: {
        code: STORED_FILE_PROBLEM.typeNotAccepted,
        params: { name, types: typeLabels(accepted) },
      },
    };
  }
  const checked = checkFile(limits, {
    name,
    size: file.size,
    type: declared,
    head: file.head,
    ...(file.tail ? { tail: file.tail } : {}),
  });
  if (!checked.ok)
    return {
      ok: false,
      problem: { ...checked.problem, params: { name, ...checked.problem.params } },
    };
  if (file.signedSize !== undefined && file.signedSize !== file.size) {
    return {
      ok: false,
      problem: {
        code: STORED_FILE_PROBLEM.sizeMismatch,
        params: { name, size: file.size, signedSize: file.signedSize },
      },
    };
  }
  return checked;
}

/**
 * The most document entries a payload for these documents can hold: the sum of every uploaded
 * document's `maxFiles` (a document brought to the desk takes none). More entries always break
 * the session's own rule (some slot over its `maxFiles`, or an unknown slot), so a receiver may
 * refuse them before spending any work on them, as the verifier would after.
 */
export function maxDocumentEntries(documents: readonly DocumentSpec[] | undefined): number {
  let max = 0;
  for (const d of documents ?? []) if (isUploadedDocument(d)) max += d.maxFiles;
  return max;
}
