// Uploads in real Chromium against a real tus server (@tus/server + @tus/file-store in a temp
// folder): the streaming SHA-256 of a 200 MB file with bounded memory, and resumable transfer —
// after the server goes away mid-upload, and after a page reload — without re-sending the bytes
// the server already has. The page is a small esbuild bundle of src/files/hash.ts and
// components/upload/transfer.ts served by the same test server.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { chromium, type Browser, type Page } from 'playwright-core';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const MB = 1024 * 1024;
const FILE_SIZE = 8 * MB;
const CHUNK = 512 * 1024;

/** The test file's bytes: 1 MiB of a fixed pattern, repeated; built the same way in the page. */
function patternChunk(): Uint8Array {
  const chunk = new Uint8Array(MB);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
  return chunk;
}
function patternSha256(megabytes: number): string {
  const h = createHash('sha256');
  const chunk = patternChunk();
  for (let i = 0; i < megabytes; i++) h.update(chunk);
  return h.digest('hex');
}

// Plain JS for the page; esbuild bundles it with tus-js-client's browser build.
const PAGE_ENTRY = `
import { sha256Blob } from './src/files/hash.ts';
import { createTransfer } from './components/upload/transfer.ts';
function pattern(megabytes) {
  const chunk = new Uint8Array(${MB});
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
  return new Blob(Array.from({ length: megabytes }, () => chunk), { type: 'application/pdf' });
}
window.hashPattern = async (megabytes) => {
  const blob = pattern(megabytes);
  globalThis.gc?.();
  const before = performance.memory.usedJSHeapSize;
  let peak = before;
  const sha256 = await sha256Blob(blob, {
    onProgress: () => { peak = Math.max(peak, performance.memory.usedJSHeapSize); },
  });
  return { sha256, before, peak };
};
window.uploadPattern = (endpoint, megabytes, chunkSize) => new Promise(async (resolve, reject) => {
  const blob = pattern(megabytes);
  const sha256 = await sha256Blob(blob);
  const transfer = await createTransfer({
    endpoint, file: blob, sha256, chunkSize,
    retryDelays: [0, 300, 600, 1000, 1500, 2000, 3000],
    metadata: { filename: 'ho-so.pdf', filetype: 'application/pdf', slot: 'giayChungSinh' },
    onSuccess: (url) => resolve({ url, sha256, resumed: transfer.resumedFromStorage }),
    onError: (e) => reject(new Error(String(e))),
  });
  await transfer.start();
});
`;

interface Patch {
  offset: number;
  phase: 'before' | 'after';
}

describe('uploads in Chromium', { skip: chromiumPath ? false : 'needs Chromium' }, () => {
  let browser: Browser;
  let http: HttpServer;
  let base = '';
  let dir = '';
  let bundle = '';
  let tus: TusServer;
  let down = false;
  /** Bytes read from every connection (headers included) since the last reset. */
  const sockets = new Set<Socket>();
  let baseline = 0;
  const bytesRead = () => [...sockets].reduce((n, s) => n + s.bytesRead, 0);
  const received = () => bytesRead() - baseline;
  let patches: Patch[] = [];
  let creations = 0;
  let phase: Patch['phase'] = 'before';
  /** Called once for the first PATCH at or past half the file; true = the test took the request. */
  let onHalf: ((req: IncomingMessage) => boolean) | undefined;

  const newTus = () =>
    new TusServer({ path: '/files', datastore: new FileStore({ directory: dir }) });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-tus-'));
    tus = newTus();
    const out = await build({
      stdin: { contents: PAGE_ENTRY, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      tsconfig: join(ROOT, 'tsconfig.json'),
    });
    bundle = out.outputFiles[0]!.text;
    http = createServer((req, res) => {
      if (req.url === '/') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>',
        );
        return;
      }
      if (req.url === '/page.js') {
        res.setHeader('content-type', 'text/javascript');
        res.end(bundle);
        return;
      }
      if (!req.url?.startsWith('/files')) {
        res.statusCode = 404;
        res.end();
        return;
      }
      // "Down": every connection is dropped, as when the server is stopped.
      if (down) {
        req.socket.destroy();
        return;
      }
      if (req.method === 'POST') creations++;
      if (req.method === 'PATCH') {
        const offset = Number(req.headers['upload-offset']);
        patches.push({ offset, phase });
        // Half the file is on disk: the test interrupts here (the body is not read, so the
        // request stream stays untouched for @tus/server).
        if (onHalf && offset >= FILE_SIZE / 2) {
          const fn = onHalf;
          onHalf = undefined;
          if (fn(req)) return;
        }
      }
      void tus.handle(req, res);
    });
    http.on('connection', (socket: Socket) => sockets.add(socket));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    });
  });

  after(async () => {
    await browser?.close();
    http?.closeAllConnections();
    await new Promise((r) => http?.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const reset = () => {
    baseline = bytesRead();
    patches = [];
    creations = 0;
    phase = 'before';
  };

  async function openPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'uploadPattern' in globalThis);
    return page;
  }

  /** The stored file (the one data file the FileStore wrote for `url`) and its SHA-256. */
  function stored(url: string): { size: number; sha256: string } {
    const id = url.split('/').pop()!;
    assert.ok(readdirSync(dir).includes(id), `stored file ${id}`);
    const bytes = readFileSync(join(dir, id));
    return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  test('a 200 MB file hashes to the known digest with bounded memory', async () => {
    const page = await openPage();
    const r = await page.evaluate(
      (mb) =>
        (
          globalThis as unknown as {
            hashPattern(mb: number): Promise<{ sha256: string; before: number; peak: number }>;
          }
        ).hashPattern(mb),
      200,
    );
    assert.equal(r.sha256, patternSha256(200));
    assert.equal(r.sha256, '3ca6716bdb07e2460a626e11c52ead3aa856e32f5f9a05a5bc4389eeefc67b64');
    // Slices are garbage once hashed; V8 collects them when external memory passes its limit
    // (~64 MB), so the peak stays bounded whatever the file size, well under the 200 MB file.
    const growth = r.peak - r.before;
    assert.ok(
      growth < 100 * MB,
      `heap grew by ${(growth / MB).toFixed(1)} MB while hashing 200 MB`,
    );
    await page.close();
  });

  test('the upload resumes from the server offset after the server goes down halfway', async () => {
    reset();
    const page = await openPage();
    onHalf = (req) => {
      // Stop the server: drop this connection and every request for a while, then start a new
      // tus server over the same folder (the bytes on disk are all it knows).
      down = true;
      req.socket.destroy();
      setTimeout(() => {
        tus = newTus();
        phase = 'after';
        down = false;
      }, 1200);
      return true;
    };
    const result = await page.evaluate(
      ([endpoint, mb, chunk]) =>
        (
          globalThis as unknown as {
            uploadPattern(
              e: string,
              mb: number,
              c: number,
            ): Promise<{ url: string; sha256: string }>;
          }
        ).uploadPattern(endpoint, mb, chunk),
      [`${base}/files`, FILE_SIZE / MB, CHUNK] as const,
    );
    const after = patches.filter((p) => p.phase === 'after');
    assert.ok(after.length > 0, 'PATCH requests after the restart');
    assert.ok(after[0]!.offset > 0, `first PATCH after restart at offset ${after[0]!.offset}`);
    assert.ok(
      received() < 2 * FILE_SIZE,
      `received ${received()} bytes for a ${FILE_SIZE}-byte file`,
    );
    assert.equal(creations, 1);
    assert.equal(result.sha256, patternSha256(FILE_SIZE / MB));
    assert.deepEqual(stored(result.url), { size: FILE_SIZE, sha256: result.sha256 });
    await page.close();
  });

  test('after a reload, choosing the same file continues the stored upload (IndexedDB URL)', async () => {
    reset();
    const page = await openPage();
    const halfway = new Promise<void>((resolve) => {
      onHalf = (req) => {
        // Hold the request unanswered so the upload is still running when the page reloads.
        void req;
        resolve();
        return true;
      };
    });
    const first = page
      .evaluate(
        ([endpoint, mb, chunk]) =>
          (
            globalThis as unknown as {
              uploadPattern(e: string, mb: number, c: number): Promise<unknown>;
            }
          ).uploadPattern(endpoint, mb, chunk),
        [`${base}/files`, FILE_SIZE / MB, CHUNK] as const,
      )
      .catch(() => 'interrupted');
    await halfway;
    phase = 'after';
    await page.reload();
    await page.waitForFunction(() => 'uploadPattern' in globalThis);
    assert.equal(await first, 'interrupted');
    const result = await page.evaluate(
      ([endpoint, mb, chunk]) =>
        (
          globalThis as unknown as {
            uploadPattern(
              e: string,
              mb: number,
              c: number,
            ): Promise<{ url: string; sha256: string; resumed: boolean }>;
          }
        ).uploadPattern(endpoint, mb, chunk),
      [`${base}/files`, FILE_SIZE / MB, CHUNK] as const,
    );
    assert.equal(result.resumed, true);
    assert.equal(creations, 1, 'no second upload was created');
    const after = patches.filter((p) => p.phase === 'after');
    assert.ok(after[0]!.offset > 0, `first PATCH after reload at offset ${after[0]!.offset}`);
    assert.ok(
      received() < 2 * FILE_SIZE,
      `received ${received()} bytes for a ${FILE_SIZE}-byte file`,
    );
    assert.deepEqual(stored(result.url), { size: FILE_SIZE, sha256: result.sha256 });
    // The stored URL is forgotten once the upload finished.
    // A string, not a function: this file type-checks without the DOM lib.
    const left = await page.evaluate<number>(`new Promise((resolve) => {
      const open = indexedDB.open('dvc-forms-uploads');
      open.onsuccess = () => {
        const req = open.result.transaction('tus').objectStore('tus').count();
        req.onsuccess = () => resolve(req.result);
      };
    })`);
    assert.equal(left, 0);
    await page.close();
  });
});
