/**
 * Resumable upload of one file to the agency's tus 1.0 endpoint (https://tus.io/protocols/resumable-upload),
 * with tus-js-client loaded only when a page has an upload endpoint. An upload survives:
 * - a dropped connection: tus-js-client retries after each of `retryDelays` and asks the server
 *   (HEAD) how many bytes it already has before sending the rest;
 * - pause and resume: the same upload URL is continued;
 * - a reload: the upload URL is stored (IndexedDB, see url-storage.ts) under a fingerprint made of
 *   the file's size and SHA-256, so choosing the same file again continues where it stopped.
 *
 * Every request after the creation carries the upload's token (upload-tokens.ts), which the
 * receiver answered the creation with: on another site the receiver's cookies never come back,
 * and without the token it refuses to let anyone resume, inspect or submit the upload.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';
import { IndexedDbUrlStorage } from './url-storage.js';
import { rememberUploadToken, UPLOAD_TOKEN_HEADER, uploadTokenFor } from './upload-tokens.js';

/** Seconds between tries: quick at first (a blip), then longer (a phone changing cells). */
export const DEFAULT_RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000];
/** Bytes per PATCH request: a dropped request costs at most this much again. */
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

export interface TransferOptions {
  endpoint: string;
  file: Blob;
  /** Lower-case hex SHA-256 of `file`, computed before the upload. */
  sha256: string;
  /** tus metadata: cleaned file name, type, slot id (the hash is added). */
  metadata: { filename: string; filetype: string; slot: string };
  chunkSize?: number;
  retryDelays?: number[];
  /** Where upload URLs are remembered; IndexedDB by default. */
  urlStorage?: UrlStorage;
  onProgress?: (sent: number, total: number) => void;
  /** The upload finished; `url` is the tus upload URL to put in the payload. */
  onSuccess?: (url: string) => void;
  /** Every retry failed. */
  onError?: (error: Error) => void;
}

/** A running (or paused) upload. */
export interface Transfer {
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): void;
  /** Stops and asks the server to delete what it has received. */
  cancel(): Promise<void>;
  /** Whether this upload continued one stored from an earlier page load. */
  readonly resumedFromStorage: boolean;
}

let storage: UrlStorage | undefined;

/** The fingerprint under which an upload URL is stored: same bytes, same endpoint, same upload. */
export function transferFingerprint(sha256: string, size: number, endpoint: string): string {
  return `dvc-${sha256}-${size}-${endpoint}`;
}

export async function createTransfer(options: TransferOptions): Promise<Transfer> {
  const tus = await import('tus-js-client');
  if (!options.urlStorage && !storage && IndexedDbUrlStorage.supported) {
    storage = new IndexedDbUrlStorage();
  }
  const urlStorage = options.urlStorage ?? storage;
  // Absolute, against the page's base URL (its <base href>), as a link resolves: tus-js-client
  // resolves the receiver's Location against the endpoint as given, and a relative one left the
  // upload's URL (signed into the payload) relative; the fingerprint then names one receiver.
  const endpoint = new URL(options.endpoint, document.baseURI).href;
  const fingerprint = transferFingerprint(options.sha256, options.file.size, endpoint);
  let resumed = false;
  /** This upload's token, from its creation's answer or, on a resume, from upload-tokens.ts. */
  let token: string | undefined;
  /** Storing the token; the first byte waits for it, so a reload mid-upload can still resume. */
  let saved: Promise<void> | undefined;
  const upload = new tus.Upload(options.file, {
    endpoint,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS,
    metadata: { ...options.metadata, sha256: options.sha256 },
    fingerprint: () => Promise.resolve(fingerprint),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    ...(urlStorage ? { urlStorage } : {}),
    onBeforeRequest: async (req) => {
      // A creation starts a new upload: it gets its own token in the answer.
      if (!token || req.getMethod() === 'POST') return;
      await saved;
      req.setHeader(UPLOAD_TOKEN_HEADER, token);
    },
    onAfterResponse: (req, res) => {
      if (req.getMethod() !== 'POST') return;
      const created = res.getHeader(UPLOAD_TOKEN_HEADER);
      if (created) token = created;
    },
    // Called once the URL is known (after the creation, or the HEAD of a resume).
    onUploadUrlAvailable: () => {
      if (upload.url && token) saved = rememberUploadToken(upload.url, token);
    },
    onProgress: (sent, total) => options.onProgress?.(sent, total),
    onSuccess: () => options.onSuccess?.(upload.url ?? ''),
    onError: (error) => options.onError?.(error),
  });
  return {
    get resumedFromStorage() {
      return resumed;
    },
    async start() {
      let previous: PreviousUpload[] = [];
      try {
        previous = await upload.findPreviousUploads();
      } catch {
        // Storage unavailable: upload from the start.
      }
      const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
      if (last) {
        resumed = true;
        if (last.uploadUrl) token = await uploadTokenFor(last.uploadUrl);
        upload.resumeFromPreviousUpload(last);
      }
      upload.start();
    },
    pause: () => upload.abort(false),
    resume: () => upload.start(),
    cancel: () => upload.abort(true).catch(() => undefined),
  };
}
