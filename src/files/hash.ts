/**
 * SHA-256 of a file, two ways (docs/performance.md, hashing):
 *
 * - Up to `ONE_SHOT_MAX_BYTES` (64 MB): WebCrypto's native `digest()` on the whole file, about
 *   15–20× faster than JavaScript (850+ MB/s against 40–70 MB/s measured in Chromium), at the
 *   cost of holding the file in memory once. Every sample procedure caps a document at 10 MB,
 *   so in practice every upload takes this path.
 * - Above it, or where there is no WebCrypto: an incremental hasher over the file's stream,
 *   read into two reused buffers in turn (a BYOB reader: one is read into while the other is
 *   hashed), so memory stays flat in file size — a 500 MB scan costs two 2 MB buffers. WebCrypto cannot hash a stream. The hasher is hash-wasm's
 *   WebAssembly SHA-256 (≈ 2× the JavaScript one per CPU-second in Node, a lazy chunk), which a page may only compile
 *   when its CSP allows `'wasm-unsafe-eval'`; under a stricter policy (the demo's strict page)
 *   compiling it fails and @noble/hashes' JavaScript hasher takes over, with the same result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A stream reader in bring-your-own-buffer mode (the part the hasher uses). */
interface ByobResult {
  done: boolean;
  value?: Uint8Array;
}
interface ByobReader {
  read(view: Uint8Array): Promise<ByobResult>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/** The part of `Blob` the hasher uses (DOM-free, so `src/` keeps no DOM types). */
export interface SliceableBlob {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
  /** When present and a byte stream, the incremental path reads through it into two buffers. */
  stream?(): { getReader(options: { mode: 'byob' }): ByobReader };
}

/** Bytes per step of the incremental path: two such buffers are read into in turn. */
export const HASH_CHUNK_BYTES = 2 * 1024 * 1024;
/** Largest file hashed by WebCrypto in one piece (held in memory once while hashed). */
export const ONE_SHOT_MAX_BYTES = 64 * 1024 * 1024;

export interface HashOptions {
  /** Bytes read per step of the incremental path (default 2 MB; two buffers of it). */
  chunkSize?: number;
  /**
   * Largest file hashed in one piece with WebCrypto (default `ONE_SHOT_MAX_BYTES`); 0 always
   * streams. The one-shot path reports progress only at 0 and at the end.
   */
  oneShotMaxBytes?: number;
  /** Called with the bytes hashed so far and the total: at 0, after each step, at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: { readonly aborted: boolean; readonly reason?: unknown };
  /** `false`: the streaming path uses the JavaScript hasher even where WebAssembly is allowed. */
  wasm?: boolean;
}

/** An incremental SHA-256: `update()` any number of times, then `hex()` once. */
export function createSha256(): { update(bytes: Uint8Array): void; hex(): string } {
  const h = sha256.create();
  return {
    update: (bytes) => void h.update(bytes),
    hex: () => bytesToHex(h.digest()),
  };
}

type Sha256 = ReturnType<typeof createSha256>;

let wasmHasher: Promise<(() => Promise<Sha256>) | undefined> | undefined;

/**
 * An incremental SHA-256 for the streaming path: WebAssembly (hash-wasm) where the page may
 * compile it, else `createSha256`. The first refusal (CSP without `'wasm-unsafe-eval'`, no
 * WebAssembly) is remembered, so later files do not try again. `wasm: false` forces JavaScript.
 */
export async function createStreamingSha256(
  options: { wasm?: boolean } = {},
): Promise<Sha256 & { kind: 'wasm' | 'js' }> {
  if (options.wasm !== false) {
    wasmHasher ??= import('hash-wasm')
      .then(
        async ({ createSHA256 }) => {
          await createSHA256(); // compiles the module once, or throws under the CSP
          return async () => {
            const h = await createSHA256();
            h.init();
            return {
              update: (bytes: Uint8Array) => void h.update(bytes),
              hex: () => h.digest('hex'),
            };
          };
        },
        () => undefined,
      )
      .catch(() => undefined);
    const make = await wasmHasher;
    if (make) return { ...(await make()), kind: 'wasm' };
  }
  return { ...createSha256(), kind: 'js' };
}

interface SubtleDigest {
  digest(algorithm: string, data: ArrayBuffer): Promise<ArrayBuffer>;
}

function subtle(): SubtleDigest | undefined {
  return (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
}

function checkAbort(signal: HashOptions['signal']): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/** Lower-case hex SHA-256 of a Blob or File. */
export async function sha256Blob(blob: SliceableBlob, options: HashOptions = {}): Promise<string> {
  const chunk = Math.max(64 * 1024, options.chunkSize ?? HASH_CHUNK_BYTES);
  const total = blob.size;
  options.onProgress?.(0, total);
  checkAbort(options.signal);
  const native = subtle();
  if (native && total <= (options.oneShotMaxBytes ?? ONE_SHOT_MAX_BYTES)) {
    const digest = await native.digest('SHA-256', await blob.slice(0, total).arrayBuffer());
    checkAbort(options.signal);
    options.onProgress?.(total, total);
    return bytesToHex(new Uint8Array(digest));
  }
  const h = await createStreamingSha256(options.wasm === false ? { wasm: false } : {});
  const reader = byobReader(blob);
  if (!reader) {
    // No byte stream: slices, each a new buffer that the collector frees later.
    for (let at = 0; at < total; at += chunk) {
      checkAbort(options.signal);
      const end = Math.min(total, at + chunk);
      h.update(new Uint8Array(await blob.slice(at, end).arrayBuffer()));
      options.onProgress?.(end, total);
    }
    return h.hex();
  }
  // Two buffers: the next step's first read runs while this step is hashed (a BYOB read
  // transfers its buffer and hands it back in `value`: the same memory, refilled). Without it
  // reading and hashing took turns: ≈ 10 % slower at 100 MB in Chromium (issue 22 round 17).
  let spare = new ArrayBuffer(chunk);
  const read = (view: Uint8Array): Promise<ByobResult> => {
    const pending = reader.read(view);
    // Awaited below, or left behind by a stop (the cancel then settles it): never unhandled.
    pending.catch(() => undefined);
    return pending;
  };
  /** Fills one step's buffer from its first read: the bytes, and whether the stream ended. */
  const fill = async (
    first: Promise<ByobResult>,
  ): Promise<{ view: Uint8Array; ended: boolean }> => {
    let r = await first;
    let filled = 0;
    let buffer = r.value?.buffer as ArrayBuffer | undefined;
    while (!r.done && buffer) {
      filled += r.value?.byteLength ?? 0;
      if (filled >= chunk) break;
      r = await read(new Uint8Array(buffer, filled, chunk - filled));
      buffer = (r.value?.buffer as ArrayBuffer | undefined) ?? buffer;
    }
    return { view: buffer ? new Uint8Array(buffer, 0, filled) : new Uint8Array(0), ended: r.done };
  };
  try {
    let next = read(new Uint8Array(new ArrayBuffer(chunk)));
    let done = 0;
    for (;;) {
      checkAbort(options.signal);
      const { view, ended } = await fill(next);
      const last = ended || done + view.byteLength >= total;
      if (!last) next = read(new Uint8Array(spare));
      if (view.byteLength > 0) {
        h.update(view);
        done += view.byteLength;
        options.onProgress?.(done, total);
      }
      if (last) break;
      spare = view.buffer as ArrayBuffer;
    }
  } catch (e) {
    await reader.cancel(e).catch(() => undefined);
    throw e;
  } finally {
    reader.releaseLock();
  }
  return h.hex();
}

function byobReader(blob: SliceableBlob): ByobReader | undefined {
  if (typeof blob.stream !== 'function') return undefined;
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream (an older engine): the slice path.
    return undefined;
  }
}
