/** Dossier files: type detection, name cleaning, upload checks and streaming SHA-256 (DOM-free). */
export {
  FILE_TYPE,
  FILE_TYPES,
  NEVER_ACCEPTED,
  acceptAttribute,
  acceptedTypes,
  extensionOf,
  isFileType,
  sameFamily,
  typeFromName,
  typeLabels,
  type FileType,
} from './types.js';
export { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, sniffType, zipEntryNames } from './sniff.js';
export { MAX_FILE_NAME_LENGTH, cleanFileName } from './filename.js';
export {
  FILE_PROBLEM,
  acceptsType,
  checkCount,
  checkDocument,
  checkFile,
  type AcceptedFile,
  type CandidateFile,
  type DocumentFile,
  type FileProblem,
  type FileProblemCode,
  type UploadLimits,
} from './checks.js';
export {
  HASH_CHUNK_BYTES,
  createSha256,
  sha256Blob,
  type HashOptions,
  type SliceableBlob,
} from './hash.js';
export { formatList, formatSize } from './format.js';
export { MULTIPART_PAYLOAD_PART, multipartPartNames } from './multipart.js';
export {
  STORED_FILE_PROBLEM,
  checkStoredFile,
  maxDocumentEntries,
  type StoredFile,
  type StoredFileProblem,
  type StoredFileProblemCode,
} from './server-checks.js';
// Whether a document slot takes uploads (not brought to the desk): here too, so components can ask
// without importing src/procedure/index.ts, whose loader a form given a compiled module never needs.
export { isUploadedDocument } from '../procedure/types.js';
