// Uploads in real Chromium against a real tus server (@tus/server + @tus/file-store in a temp
// folder): the streaming SHA-256 of a 200 MB file with bounded memory, and resumable transfer —
// after the server goes away mid-upload, and after a page reload — without re-sending the bytes
// the server already has. The page is a small esbuild bundle of src/files/hash.ts and
// components/upload/transfer.ts served by the same test server.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
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

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
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
    // Above 64 MB the hasher streams through ONE reused 4 MB buffer (a BYOB reader), so the
    // heap must not grow with the file: 200 MB hashed within 32 MB of growth (one buffer, the
    // stream's internals and the hasher's state, with headroom for the collector's timing).
    const growth = r.peak - r.before;
    assert.ok(growth < 32 * MB, `heap grew by ${(growth / MB).toFixed(1)} MB while hashing 200 MB`);
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

// ---- the element itself ----------------------------------------------------------------------

// The real <dvc-upload> (lit, bundled by esbuild with the project's decorator settings).
const ELEMENT_ENTRY = `
// A named import: package.json's "sideEffects" would let esbuild drop a bare one.
import { DvcUpload } from './components/upload/upload.ts';
window.DvcUpload = DvcUpload;
window.mountUpload = async ({ endpoint, spec, chunkSize, retryDelays }) => {
  const el = document.createElement('dvc-upload');
  el.setAttribute('upload-endpoint', endpoint);
  el.spec = spec;
  el.chunkSize = chunkSize;
  el.retryDelays = retryDelays;
  document.body.append(el);
  await el.updateComplete;
};
window.uploadState = () => {
  const el = document.querySelector('dvc-upload');
  const li = el.shadowRoot.querySelector('.file');
  return {
    status: li?.dataset.status ?? '',
    text: li?.querySelector('.status')?.textContent.trim() ?? '',
    progress: li?.querySelector('progress')?.value ?? -1,
    value: el.value.map(({ file, ...entry }) => entry),
  };
};
`;

interface UploadState {
  status: string;
  text: string;
  progress: number;
  value: { slot: string; name: string; type: string; size: number; sha256: string; url?: string }[];
}

interface Request {
  method: string;
  offset: number;
  at: number;
  /** What happened to it: answered by tus, failed on purpose (500), or aborted while held. */
  fate: 'forwarded' | 'failed' | 'aborted' | 'pending';
}

const ELEMENT_FILE_SIZE = 3 * MB;
const ELEMENT_CHUNK = 128 * 1024;
const SPEC = {
  id: 'giayChungSinh',
  title: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
  form: 'copy',
  copies: 1,
  required: true,
  accept: ['application/pdf'],
  maxSizeBytes: 10 * MB,
  maxFiles: 1,
};

/** A PDF-looking file (the element checks content): a PDF header, then the test pattern. */
function elementFile(seed: number): Buffer {
  const bytes = Buffer.alloc(ELEMENT_FILE_SIZE);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe(
  '<dvc-upload> against a real tus server',
  // Skips only without Chromium; npm test installs it before the e2e stage, so never there.
  { skip: chromiumPath ? false : 'needs Chromium' },
  () => {
    let browser: Browser;
    let proxy: HttpServer;
    let inner: HttpServer;
    let innerPort = 0;
    let base = '';
    let dir = '';
    let bundle = '';
    /** Every /files request the proxy saw, in order. */
    let requests: Request[] = [];
    /** PATCH body bytes handed to the tus server. */
    let forwardedBytes = 0;
    /** How many of the next PATCH requests are answered 500 without reaching tus. */
    let failPatches = 0;
    /** When set, the next PATCH is held (not read, not forwarded) until `release` is called. */
    let hold: { held: () => void; aborted: () => void; release: Promise<void> } | undefined;

    const poll = async (what: string, condition: () => boolean, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!condition()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dvc-tus-element-'));
      const tus = new TusServer({ path: '/files', datastore: new FileStore({ directory: dir }) });
      inner = createServer((req, res) => void tus.handle(req, res));
      await new Promise<void>((r) => inner.listen(0, '127.0.0.1', r));
      innerPort = (inner.address() as AddressInfo).port;
      const out = await build({
        stdin: { contents: ELEMENT_ENTRY, resolveDir: ROOT, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        tsconfig: join(ROOT, 'tsconfig.json'),
      });
      bundle = out.outputFiles[0]!.text;
      proxy = createServer((req, res) => {
        if (req.url === '/') {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(
            '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tải tệp</title>' +
              '<script type="module" src="/element.js"></script><body></body></html>',
          );
          return;
        }
        if (req.url === '/element.js') {
          res.setHeader('content-type', 'text/javascript');
          res.end(bundle);
          return;
        }
        if (!req.url?.startsWith('/files')) {
          res.statusCode = 404;
          res.end();
          return;
        }
        const entry: Request = {
          method: req.method ?? '',
          offset: Number(req.headers['upload-offset'] ?? -1),
          at: Date.now(),
          fate: 'pending',
        };
        requests.push(entry);
        const forward = (body?: Buffer[]) => {
          entry.fate = 'forwarded';
          const upstream = request(
            {
              host: '127.0.0.1',
              port: innerPort,
              method: req.method,
              path: req.url,
              headers: req.headers,
            },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
            },
          );
          upstream.on('error', () => res.destroy());
          res.on('close', () => {
            if (!res.writableFinished) upstream.destroy();
          });
          const count = (chunk: Buffer) => {
            if (entry.method === 'PATCH') forwardedBytes += chunk.length;
          };
          if (body) {
            for (const chunk of body) count(chunk);
            upstream.end(Buffer.concat(body));
          } else req.on('data', count).pipe(upstream);
        };
        if (req.method === 'PATCH' && failPatches > 0) {
          failPatches--;
          entry.fate = 'failed';
          req.resume();
          res.statusCode = 500;
          res.end();
          entry.at = Date.now();
          return;
        }
        if (req.method === 'PATCH' && hold) {
          const h = hold;
          hold = undefined;
          h.held();
          // The body is read (an unread body pauses the socket, and Node would notice the
          // browser dropping the connection only at its request timeout) but kept here: tus
          // sees none of it unless the test releases it.
          const body: Buffer[] = [];
          let complete = false;
          req.on('data', (chunk: Buffer) => body.push(chunk));
          req.on('end', () => (complete = true));
          res.on('close', () => {
            if (entry.fate === 'pending') {
              entry.fate = 'aborted';
              h.aborted();
            }
          });
          void h.release.then(() => {
            if (entry.fate === 'pending' && complete && !res.destroyed) forward(body);
          });
          return;
        }
        forward();
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    });

    after(async () => {
      await browser?.close();
      for (const s of [proxy, inner]) {
        s?.closeAllConnections();
        await new Promise((r) => s?.close(r));
      }
      // @tus/file-store's fire-and-forget mkdir must settle first (see test/e2e/helpers.ts).
      await mkdir(join(dir, 'x'), { recursive: true }).catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function mount(retryDelays: number[]): Promise<Page> {
      requests = [];
      forwardedBytes = 0;
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      await page.waitForFunction(() => 'mountUpload' in globalThis);
      await page.evaluate(
        (o) => (globalThis as unknown as { mountUpload(o: unknown): Promise<void> }).mountUpload(o),
        { endpoint: `${base}/files`, spec: SPEC, chunkSize: ELEMENT_CHUNK, retryDelays },
      );
      return page;
    }

    const state = (page: Page) =>
      page.evaluate(() => (globalThis as unknown as { uploadState(): UploadState }).uploadState());

    async function untilDone(page: Page): Promise<UploadState> {
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { uploadState(): UploadState }).uploadState().status === 'done',
        undefined,
        { timeout: 30_000 },
      );
      return state(page);
    }

    /** The bytes tus stored for `url`. */
    const storedBytes = (url: string) => readFileSync(join(dir, url.split('/').pop()!));

    /** The forwarded PATCH offsets follow each other chunk by chunk: no byte was sent twice. */
    function assertContiguous(): void {
      const offsets = requests
        .filter((r) => r.method === 'PATCH' && r.fate === 'forwarded')
        .map((r) => r.offset);
      const expected = Array.from(
        { length: ELEMENT_FILE_SIZE / ELEMENT_CHUNK },
        (_, i) => i * ELEMENT_CHUNK,
      );
      assert.deepEqual(offsets, expected);
      assert.equal(forwardedBytes, ELEMENT_FILE_SIZE);
    }

    test('Pause (keyboard) stops all requests and keeps the progress; Resume (click) continues from the server offset', async () => {
      const page = await mount([0, 500, 1000]);
      const bytes = elementFile(11);
      await page.locator('dvc-upload #control').setInputFiles({
        name: 'ho-so.pdf',
        mimeType: 'application/pdf',
        buffer: bytes,
      });
      // Let a few chunks through, then hold the next PATCH and pause while it hangs.
      await poll('4 PATCHes', () => requests.filter((r) => r.method === 'PATCH').length >= 4);
      let held!: () => void;
      let aborted!: () => void;
      let release!: () => void;
      const heldP = new Promise<void>((r) => (held = r));
      const abortedP = new Promise<void>((r) => (aborted = r));
      hold = { held, aborted, release: new Promise<void>((r) => (release = r)) };
      await heldP;
      const pause = page.getByRole('button', { name: 'Tạm dừng tải lên tệp ho-so.pdf' });
      await pause.focus();
      await page.keyboard.press('Enter');
      await abortedP;
      const heldOffset = requests.at(-1)!.offset;
      assert.ok(heldOffset > 0, `held PATCH at offset ${heldOffset}`);
      const paused = await state(page);
      assert.equal(paused.status, 'paused');
      assert.match(paused.text, /^Đã tạm dừng ở \d+%$/);
      assert.ok(paused.progress > 0 && paused.progress < 100, `paused at ${paused.progress}%`);
      const seen = requests.length;
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(requests.length, seen, 'no request while paused');
      assert.deepEqual(await state(page), paused);
      release();
      await page.getByRole('button', { name: 'Tiếp tục tải lên tệp ho-so.pdf' }).click();
      const done = await untilDone(page);
      const afterResume = requests.slice(seen);
      // tus-js-client asks the server for its offset (HEAD), then sends only the rest: the held
      // chunk again (tus never received it) and what follows.
      assert.equal(afterResume[0]!.method, 'HEAD');
      assert.deepEqual(
        { method: afterResume[1]!.method, offset: afterResume[1]!.offset },
        { method: 'PATCH', offset: heldOffset },
      );
      assert.equal(requests.filter((r) => r.method === 'POST').length, 1);
      assertContiguous();
      assert.equal(done.text, 'Đã tải lên');
      assert.equal(done.value.length, 1);
      const [entry] = done.value;
      assert.equal(entry!.sha256, sha256Hex(bytes));
      assert.equal(entry!.size, ELEMENT_FILE_SIZE);
      assert.equal(sha256Hex(storedBytes(entry!.url!)), entry!.sha256);
      await page.close();
    });

    test('retries with backoff after the server answers 500 to two PATCHes, then completes', async () => {
      const delays = [400, 900];
      const page = await mount(delays);
      const bytes = elementFile(23);
      failPatches = 2;
      await page.locator('dvc-upload #control').setInputFiles({
        name: 'ho-so.pdf',
        mimeType: 'application/pdf',
        buffer: bytes,
      });
      const done = await untilDone(page);
      const patches = requests.filter((r) => r.method === 'PATCH');
      assert.deepEqual(
        patches.slice(0, 3).map((r) => [r.offset, r.fate]),
        [
          [0, 'failed'],
          [0, 'failed'],
          [0, 'forwarded'],
        ],
      );
      // Each try waits its delay (a lower bound; timers never fire early) and starts with a HEAD.
      const failures = requests.filter((r) => r.fate === 'failed');
      for (const [i, failure] of failures.entries()) {
        const next = requests[requests.indexOf(failure) + 1]!;
        assert.equal(next.method, 'HEAD');
        assert.ok(
          next.at - failure.at >= delays[i]! - 20,
          `retry ${i + 1} after ${next.at - failure.at} ms (delay ${delays[i]} ms)`,
        );
      }
      assert.equal(requests.filter((r) => r.method === 'POST').length, 1);
      assertContiguous();
      assert.equal(done.text, 'Đã tải lên');
      const [entry] = done.value;
      assert.equal(entry!.sha256, sha256Hex(bytes));
      assert.equal(sha256Hex(storedBytes(entry!.url!)), entry!.sha256);
      await page.close();
    });
  },
);
