/**
 * The multipart body of a submission from a page without an upload endpoint: the files travel as
 * their own parts next to the signed payload, never as base64 inside the JSON (a third larger,
 * and the whole dossier would have to sit in memory as one string). Part names: docs/uploads.md.
 */
import { MULTIPART_PAYLOAD_PART, multipartPartNames } from '../../src/files/index.js';

/** A file to send, in the same order as the payload's `documents`. */
export interface MultipartFile {
  slot: string;
  name: string;
  file: Blob;
}

/**
 * A FormData with the JWS as `payload` and each file as `file:<slot>:<n>`, where n counts the
 * slot's entries from 0 in payload order. Pass it as a fetch body: the browser sets the boundary.
 */
export function buildMultipartBody(jws: string, files: readonly MultipartFile[]): FormData {
  const body = new FormData();
  body.append(MULTIPART_PAYLOAD_PART, jws);
  const names = multipartPartNames(files);
  files.forEach((f, i) => body.append(names[i]!, f.file, f.name));
  return body;
}
