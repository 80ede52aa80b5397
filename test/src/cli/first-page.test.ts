/**
 * `dvc-forms first-page`: the fragment a static site pastes inside `<dvc-form>` and its
 * stylesheet, written from the same renderer the demo receiver uses (src/first-page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { main, type CliIo } from '../../../src/cli/main.js';
import { createHash } from 'node:crypto';
import { FIRST_PAGE_CSS } from '../../../src/first-page/index.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const fixture = (name: string) =>
  fileURLToPath(new URL(`../first-page/fixtures/${name}`, import.meta.url));
const sample = (name: string) =>
  fileURLToPath(new URL(`../../../schemas/procedures/${name}.json`, import.meta.url));

test('first-page writes the fragment and the stylesheet named by its content, prints their paths and the <link>', async () => {
  // Named by its content, as the demo receiver serves it, so a static site can cache it for a
  // year: the name is 12 base64url characters of the CSS's SHA-256, computed here independently.
  const name = `dvc-first-page.${createHash('sha256').update(FIRST_PAGE_CSS).digest('base64url').slice(0, 12)}.css`;
  const link = `<link rel="stylesheet" href="${name}" />`;
  const out = mkdtempSync(join(tmpdir(), 'dvc-first-page-'));
  for (const lang of ['vi', 'en'] as const) {
    const io = capture();
    const code = await main(
      [
        'first-page',
        fixture('every-widget.json'),
        '--out',
        out,
        '--lang',
        lang,
        '--today',
        '2026-12-05',
      ],
      io,
    );
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.deepEqual(io.stdout, [
      join(out, `9.000001.first-page.${lang}.html`),
      join(out, name),
      link,
    ]);
    // The fragment's first line says which stylesheet goes with it; the rest is the page.
    assert.equal(
      readFileSync(io.stdout[0]!, 'utf8'),
      `<!-- dvc-forms first-page: paste inside <dvc-form>; put ${link} last in the page's head (href where you serve it) -->\n` +
        readFileSync(fixture(`every-widget.${lang}.html`), 'utf8'),
    );
    assert.equal(readFileSync(io.stdout[1]!, 'utf8'), FIRST_PAGE_CSS);
    // Its brotli and gzip copies beside it, for a web server to send as they are; none of the
    // fragment, which is pasted into a page, never served alone.
    assert.equal(
      brotliDecompressSync(readFileSync(`${io.stdout[1]}.br`)).toString(),
      FIRST_PAGE_CSS,
    );
    assert.equal(gunzipSync(readFileSync(`${io.stdout[1]}.gz`)).toString(), FIRST_PAGE_CSS);
    assert.equal(existsSync(`${io.stdout[0]}.gz`), false);
  }
});

test('first-page says so and writes nothing when the first question cannot be plain', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dvc-first-page-'));
  const io = capture();
  assert.equal(await main(['first-page', sample('dang-ky-ket-hon'), '--out', out], io), 1);
  assert.deepEqual(io.stdout, []);
  const file = sample('dang-ky-ket-hon');
  assert.deepEqual(io.stderr, [
    `dvc-forms: ${file}: câu hỏi đầu tiên của biểu mẫu không viết được bằng HTML thường (ngày, địa chỉ, nhóm lặp lại hoặc giấy tờ); chưa ghi trang đầu nào`,
  ]);
  const en = capture();
  assert.equal(await main(['first-page', file, '--out', out, '--lang', 'en'], en), 1);
  assert.deepEqual(en.stderr, [
    `dvc-forms: ${file}: the form's first question cannot be rendered as plain HTML (a date, an address, a repeat group or a document); no first page written`,
  ]);
});

test('first-page: a usage error for a bad language, date or missing --out', async () => {
  for (const args of [
    [sample('dang-ky-khai-sinh'), '--out'],
    [sample('dang-ky-khai-sinh'), '--out', '/tmp/x', '--lang', 'fr'],
    [sample('dang-ky-khai-sinh'), '--out', '/tmp/x', '--today', '5/12/2026'],
  ]) {
    const io = capture();
    assert.equal(await main(['first-page', ...args], io), 2);
    assert.match(io.stderr.at(-1)!, /^Cách dùng: dvc-forms first-page <thủ-tục.json>/);
  }
  const io = capture();
  const today = [sample('dang-ky-khai-sinh'), '--out', '/tmp/x', '--today', '5/12/2026'];
  assert.equal(await main(['first-page', ...today], io), 2);
  assert.equal(
    io.stderr[0],
    'dvc-forms first-page: giá trị "5/12/2026" không dùng được cho --today (một ngày dạng YYYY-MM-DD).',
  );
  const en = capture();
  assert.equal(await main(['first-page', sample('dang-ky-khai-sinh'), '--lang', 'en'], en), 2);
  assert.deepEqual(en.stderr, [
    'dvc-forms first-page: missing the output folder (--out <dir>)',
    'Usage: dvc-forms first-page <procedure.json> --out <dir> [--lang vi|en] [--today YYYY-MM-DD]',
  ]);
});
