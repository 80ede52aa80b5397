/**
 * The checks a chosen file goes through before it is hashed and uploaded, as data: each failed
 * check is a {@link FileProblem} whose `code` picks a message in the upload element's catalog
 * (components/upload/messages.ts) and whose `params` fill it. DOM-free so the agency's server can
 * run the same checks on what it receives.
 */
import type { DocumentSpec } from '../procedure/types.js';
import { cleanFileName } from './filename.js';
import { sniffType } from './sniff.js';
import {
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

/** The document rules the checks apply, taken from a {@link DocumentSpec}. */
export type UploadLimits = Pick<DocumentSpec, 'accept' | 'maxSizeBytes' | 'maxFiles'>;

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
 */
export function checkFile(
  limits: UploadLimits,
  file: CandidateFile,
): { ok: true; file: AcceptedFile } | { ok: false; problem: FileProblem } {
  const name = cleanFileName(file.name);
  const accepted = acceptedTypes(limits.accept);
  const fail = (code: FileProblemCode, params: FileProblem['params'] = {}) =>
    ({ ok: false, problem: { code, params: { name, ...params } } }) as const;

  const claimed = typeFromName(name);
  if (!claimed || !accepted.some((t) => sameFamily(t, claimed))) {
    return fail(FILE_PROBLEM.typeNotAccepted, { types: typeLabels(accepted) });
  }
  if (file.size === 0) return fail(FILE_PROBLEM.empty);
  if (file.size > limits.maxSizeBytes) {
    return fail(FILE_PROBLEM.tooLarge, { maxBytes: limits.maxSizeBytes });
  }
  const sniffed = sniffType(file.head, file.tail);
  const declared = file.type.toLowerCase();
  const declaredMismatch =
    sniffed !== undefined && isFileType(declared) && !sameFamily(declared, sniffed);
  if (!sniffed || !sameFamily(sniffed, claimed) || declaredMismatch) {
    return fail(FILE_PROBLEM.contentMismatch, { expected: FILE_TYPES[claimed].label });
  }
  return { ok: true, file: { name, type: sniffed } };
}
