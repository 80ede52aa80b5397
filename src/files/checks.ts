/**
 * The checks a chosen file goes through before it is hashed and uploaded, as data: each failed
 * check is a {@link FileProblem} whose `code` picks a message in the upload element's catalog
 * (components/upload/messages.ts) and whose `params` fill it. DOM-free so the agency's server can
 * run the same checks on what it receives.
 */
import type { UploadLimitMember, UploadedDocumentSpec } from '../procedure/types.js';
import { cleanFileName } from './filename.js';
import { sniffType } from './sniff.js';
import {
  FILE_TYPE,
  FILE_TYPES,
  acceptedTypes,
  isFileType,
  sameFamily,
  typeFromName,
  typeLabels,
  type FileType,
} from './types.js';

export const FILE_PROBLEM = {
  /** The file has no bytes. */
  empty: 'file-empty',
  /** The file is larger than the document's `maxSizeBytes`. */
  tooLarge: 'file-too-large',
  /** More files were chosen than the document's `maxFiles` allows. */
  tooMany: 'file-too-many',
  /** The file's extension is not one of the accepted types (or is SVG/HTML). */
  typeNotAccepted: 'file-type-not-accepted',
  /** The file's first bytes are not what its extension (or declared type) says. */
  contentMismatch: 'file-content-mismatch',
  /** The file could not be read (removed from the device, permission lost). */
  unreadable: 'file-unreadable',
} as const;
export type FileProblemCode = (typeof FILE_PROBLEM)[keyof typeof FILE_PROBLEM];

/** A failed check. `params.name` is the cleaned file name (absent for `file-too-many`). */
export interface FileProblem {
  code: FileProblemCode;
  params: {
    name?: string;
    /** Accepted type names, for `file-type-not-accepted` ("PDF", "JPG", "PNG"). */
    types?: string[];
    /** The type the extension promised, for `file-content-mismatch` ("PDF"). */
    expected?: string;
    /** `maxSizeBytes`, for `file-too-large`. */
    maxBytes?: number;
    /** `maxFiles`, for `file-too-many`. */
    max?: number;
  };
}

/** What the checks need to know about a chosen file; `head`/`tail` as in {@link sniffType}. */
export interface CandidateFile {
  name: string;
  size: number;
  /** The type the browser declared (`File.type`), often '' on phones. */
  type: string;
  head: Uint8Array;
  tail?: Uint8Array;
}

/** A file that passed: its cleaned name and its type as decided by its content. */
export interface AcceptedFile {
  name: string;
  type: FileType;
}

/** The document rules the checks apply, taken from an {@link UploadedDocumentSpec}. */
export type UploadLimits = Pick<UploadedDocumentSpec, UploadLimitMember>;

/**
 * Whether `count` more files fit beside `existing` ones. A selection that does not fit is refused
 * as a whole, so the applicant never wonders which of the files were kept.
 */
export function checkCount(
  limits: UploadLimits,
  existing: number,
  count: number,
): FileProblem | null {
  return existing + count > limits.maxFiles
    ? { code: FILE_PROBLEM.tooMany, params: { max: limits.maxFiles } }
    : null;
}

/**
 * Checks one file against the document's limits, in the order the applicant can act on: type,
 * empty, size, then content. Returns the first failure, or the accepted name and type.
 * The browser's upload element calls it with the file's first bytes; the agency's server calls
 * it through {@link checkDocument} with a payload entry.
 */
export function checkFile(
  limits: UploadLimits,
  file: CandidateFile,
): { ok: true; file: AcceptedFile } | { ok: false; problem: FileProblem } {
  return checkDocument(limits, file);
}

/** A document file as the checks see it: bytes when they are at hand, else what was declared. */
export interface DocumentFile {
  name: string;
  size: number;
  /**
   * The MIME type declared for the file. With `head`, a hint (phones often declare nothing) that
   * must not contradict the content; without, it is the type, and must be an accepted one.
   */
  type: string;
  head?: Uint8Array;
  tail?: Uint8Array;
}

/**
 * Whether a document accepts files of MIME type `type`: one of the supported types the `accept`
 * list names, `image/*` standing for the supported image types only. SVG, HTML and XML are never
 * accepted, whatever the list says, so `image/svg+xml` does not match `image/*`.
 */
export function acceptsType(accept: readonly string[], type: string): boolean {
  const t = type.trim().toLowerCase();
  const declared = t === 'image/jpg' ? 'image/jpeg' : t;
  return isFileType(declared) && acceptedTypes(accept).some((a) => sameFamily(a, declared));
}

/**
 * Document acceptance, the one function the form and the server share: the name's extension and
 * the declared MIME type must be an accepted type (wildcards expanded as {@link acceptsType}
 * says), the file must not be empty nor larger than `maxSizeBytes`, and when its bytes are given
 * (`head`, `tail`) they must be what the extension says. Returns the first failure, in the order
 * the applicant can act on, or the cleaned name and the type decided (by content when known).
 */
export function checkDocument(
  limits: Pick<UploadLimits, 'accept' | 'maxSizeBytes'>,
  file: DocumentFile,
): { ok: true; file: AcceptedFile } | { ok: false; problem: FileProblem } {
  const name = cleanFileName(file.name);
  const accepted = acceptedTypes(limits.accept);
  const fail = (code: FileProblemCode, params: FileProblem['params'] = {}) =>
    ({ ok: false, problem: { code, params: { name, ...params } } }) as const;

  const claimed = typeFromName(name);
  const declared = file.type.trim().toLowerCase();
  const typeOk =
    claimed !== undefined &&
    accepted.some((t) => sameFamily(t, claimed)) &&
    // Without the bytes, the declared type is all there is: it must be accepted and agree with
    // the extension (a payload may not call an `.svg` a JPEG, nor declare SVG for a `.jpg`).
    (file.head !== undefined ||
      (acceptsType(limits.accept, declared) &&
        sameFamily(declared === 'image/jpg' ? FILE_TYPE.jpeg : (declared as FileType), claimed)));
  if (!typeOk) return fail(FILE_PROBLEM.typeNotAccepted, { types: typeLabels(accepted) });
  if (file.size === 0) return fail(FILE_PROBLEM.empty);
  if (file.size > limits.maxSizeBytes) {
    return fail(FILE_PROBLEM.tooLarge, { maxBytes: limits.maxSizeBytes });
  }
  if (file.head === undefined) {
    return {
      ok: true,
      file: { name, type: declared === 'image/jpg' ? FILE_TYPE.jpeg : (declared as FileType) },
    };
  }
  const sniffed = sniffType(file.head, file.tail);
  const declaredMismatch =
    sniffed !== undefined && isFileType(declared) && !sameFamily(declared, sniffed);
  if (!sniffed || !sameFamily(sniffed, claimed!) || declaredMismatch) {
    return fail(FILE_PROBLEM.contentMismatch, { expected: FILE_TYPES[claimed!].label });
  }
  return { ok: true, file: { name, type: sniffed } };
}
