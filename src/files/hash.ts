/**
 * SHA-256 of a file, read in slices so memory stays flat: a 500 MB scan of a dossier is read
 * 4 MB at a time and each slice is dropped once hashed. WebCrypto's `digest()` only takes the
 * whole buffer, hence @noble/hashes' incremental hasher.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The part of `Blob` the hasher uses (DOM-free, so `src/` keeps no DOM types). */
export interface SliceableBlob {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export const HASH_CHUNK_BYTES = 4 * 1024 * 1024;

export interface HashOptions {
  /** Bytes read per slice (default 4 MB). */
  chunkSize?: number;
  /** Called after each slice with the bytes hashed so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

/** An incremental SHA-256: `update()` any number of times, then `hex()` once. */
export function createSha256(): { update(bytes: Uint8Array): void; hex(): string } {
  const h = sha256.create();
  return {
    update: (bytes) => void h.update(bytes),
    hex: () => bytesToHex(h.digest()),
  };
}

/** Lower-case hex SHA-256 of a Blob or File, read slice by slice. */
export async function sha256Blob(blob: SliceableBlob, options: HashOptions = {}): Promise<string> {
  const chunk = Math.max(64 * 1024, options.chunkSize ?? HASH_CHUNK_BYTES);
  const h = createSha256();
  options.onProgress?.(0, blob.size);
  for (let at = 0; at < blob.size; at += chunk) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    const end = Math.min(blob.size, at + chunk);
    h.update(new Uint8Array(await blob.slice(at, end).arrayBuffer()));
    options.onProgress?.(end, blob.size);
  }
  return h.hex();
}
