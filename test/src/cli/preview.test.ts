// `dvc-forms preview`: a real HTTP server on 127.0.0.1 serving the procedure in <dvc-form> from
// the built bundle, with the lint problems of the current file, and a server-sent `reload`
// event when the file changes. Needs dist/ (npm test builds it before the Node tests).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDir, startPreview } from '../../../src/cli/commands/preview.js';
import { main, type CliIo } from '../../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'dvc-preview-'));
const file = join(dir, 'dang-ky-khai-sinh.json');
copyFileSync(new URL('../../../schemas/procedures/dang-ky-khai-sinh.json', import.meta.url), file);
after(() => rmSync(dir, { recursive: true, force: true }));

/** Reads server-sent events until one named `name` arrives (or the timeout). */
async function nextEvent(res: Response, name: string, timeoutMs = 10_000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((r) =>
          setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now()),
        ),
      ]);
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      const event = buffer.split('\n\n').find((e) => e.startsWith(`event: ${name}`));
      if (event) return event;
    }
  } finally {
    void reader.cancel();
  }
  throw new Error(`no "${name}" event; got ${JSON.stringify(buffer)}`);
}

test('the built bundle is there to serve', () => {
  assert.ok(bundleDir(), 'dist/dvc-forms.min.js: run npm run build');
});

test('serves the page, the procedure and the bundle; reloads and shows problems on change', async () => {
  let reloads = 0;
  const server = await startPreview(file, { onReload: () => reloads++ });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.ok(html.includes('<dvc-form procedure="/procedure.json" drafts="off"></dvc-form>'));
    assert.ok(html.includes('<script type="module" src="/dvc-forms.min.js"></script>'));
    assert.ok(html.includes('Tệp không có vấn đề nào.'));

    const procedure = await fetch(new URL('/procedure.json', server.url));
    assert.equal(await procedure.text(), readFileSync(file, 'utf8'));
    const bundle = await fetch(new URL('/dvc-forms.min.js', server.url));
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    // Nothing else of the package or the disk is served.
    for (const path of ['/package.json', '/%2e%2e/package.json', '/index.js', '/cli.js'])
      assert.equal((await fetch(new URL(path, server.url))).status, 404, path);

    // Break the file: the open page is told to reload, and then shows the problem with its line.
    const events = await fetch(new URL('/events', server.url));
    assert.equal(events.headers.get('content-type'), 'text/event-stream');
    const original = readFileSync(file, 'utf8');
    const broken = original.replace('"formatVersion": 1', '"formatVersion": 2');
    assert.notEqual(broken, original);
    setTimeout(() => writeFileSync(file, broken), 50);
    assert.match(await nextEvent(events, 'reload'), /^event: reload\ndata: \{\}$/);
    assert.ok(reloads >= 1);
    const after = await (await fetch(server.url)).text();
    assert.ok(after.includes('role="alert"'), after);
    assert.match(after, /dang-ky-khai-sinh\.json:3:\d+/);
    assert.equal(await (await fetch(new URL('/procedure.json', server.url))).text(), broken);
  } finally {
    await server.close();
  }
});

test('usage errors exit 2 with the usage line', async () => {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (l) => err.push(l) };
  assert.equal(await main(['preview'], io), 2);
  assert.equal(await main(['preview', join(dir, 'missing.json')], io), 2);
  assert.equal(await main(['preview', join(dir, 'missing.json'), '--lang', 'en'], io), 2);
  // In the command's language, as every other command says it.
  assert.equal(await main(['preview', 'a.json', '--port', '99999', '--lang', 'en'], io), 2);
  assert.deepEqual(err, [
    'dvc-forms preview: thiếu tệp thủ tục <thủ-tục.json>.',
    'Cách dùng: dvc-forms preview <thủ-tục.json> [--port <số>] [--host <địa-chỉ>] [--lang vi|en]',
    `dvc-forms: không đọc được ${join(dir, 'missing.json')}: không tìm thấy tệp`,
    `dvc-forms: cannot read ${join(dir, 'missing.json')}: no such file`,
    'dvc-forms preview: invalid value for --port: 99999 (a port number from 0 to 65535)',
    'Usage: dvc-forms preview <procedure.json> [--port <n>] [--host <address>] [--lang vi|en]',
  ]);
});
