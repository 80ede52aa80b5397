/**
 * What the CLI prints when the system refuses to write where it was told, and when dvc-forms
 * itself fails: a sentence in the command's language, never Node's English exception text or a
 * stack; the stack only with `--debug`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, registerCommand, type CliIo } from '../../../src/cli/main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-cli-failure-'));
// A file where the command is told to make its output folder.
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'not a folder');
const procedure = fileURLToPath(
  new URL('../../../schemas/procedures/dang-ky-ket-hon.json', import.meta.url),
);
const plainFirstPage = fileURLToPath(
  new URL('../first-page/fixtures/every-widget.json', import.meta.url),
);

test('compile, first-page and keygen say which path cannot be written and why, in vi and en', async () => {
  for (const [args, code] of [
    [['compile', procedure, '--out', aFile], 2],
    [['first-page', plainFirstPage, '--out', aFile], 2],
    [['keygen', '--out', aFile], 2],
  ] as const) {
    const vi = capture();
    assert.equal(await main([...args], vi), code, args[0]);
    assert.deepEqual(
      vi.stderr,
      [
        `dvc-forms: không ghi được ${aFile}: ở đó đã có một tệp trùng tên, nên không tạo được thư mục`,
      ],
      args[0],
    );
    assert.deepEqual(vi.stdout, [], args[0]);
    const en = capture();
    assert.equal(await main([...args, '--lang', 'en'], en), code, args[0]);
    assert.deepEqual(
      en.stderr,
      [
        `dvc-forms: cannot write ${aFile}: a file of that name is already there, so the folder cannot be made`,
      ],
      args[0],
    );
  }
  // A folder inside that file: the part of the path that is a file.
  const en = capture();
  assert.equal(
    await main(['compile', procedure, '--out', join(aFile, 'out'), '--lang', 'en'], en),
    2,
  );
  assert.deepEqual(en.stderr, [
    `dvc-forms: cannot write ${join(aFile, 'out')}: part of the path is a file, not a folder`,
  ]);
});

test('a failure inside dvc-forms is a sentence; --debug adds the stack and is taken by every command', async () => {
  // A command that fails the way a bug in dvc-forms would (registerCommand is the public way in).
  registerCommand('fails-inside', 'fails', async () => async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  });
  const vi = capture();
  assert.equal(await main(['fails-inside'], vi), 2);
  assert.deepEqual(vi.stderr, [
    'dvc-forms fails-inside: dvc-forms gặp lỗi bên trong; đây không phải lỗi của tệp. Hãy chạy lại lệnh với --debug và báo lỗi kèm kết quả.',
  ]);
  const en = capture();
  assert.equal(await main(['fails-inside', '--debug', '--lang', 'en'], en), 2);
  assert.equal(
    en.stderr[0],
    'dvc-forms fails-inside: dvc-forms failed inside; this is not a problem of the file. Run the command again with --debug and report it with the output.',
  );
  assert.match(
    en.stderr[1]!,
    /^TypeError: Cannot read properties of undefined \(reading 'x'\)\n {4}at /,
  );
  assert.equal(en.stderr.length, 2);
  // `--debug` is not an unknown option to a command that has no failure to show.
  const lint = capture();
  assert.equal(await main(['lint', procedure, '--debug'], lint), 0);
  assert.deepEqual(lint.stderr, []);
});
