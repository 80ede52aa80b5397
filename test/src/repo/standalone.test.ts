// A clone must be all anyone needs: nothing in the repository may read material from outside
// it (the team's reference folder beside the checkout was once read by tests and generators),
// every vendored folder carries its origin and licence, and every `node <script>` an npm script
// runs exists. .ci/run proves the same end to end in a fresh clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  scripts: Record<string, string>;
};

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(`${root}${f}`));
}

test('no tracked file refers to material outside the repository', (t) => {
  let files: string[];
  try {
    files = trackedFiles();
  } catch {
    // Skipped only outside a git checkout (a tarball of the sources): the tracked files are
    // what it checks. npm test runs in the clone, so it always runs there.
    t.skip('not a git checkout');
    return;
  }
  // Written without the literal so that this file does not match itself.
  const outside = new RegExp(['\\.\\./', 'shared', '|', '/work', '/shared'].join(''));
  const offenders = files
    .filter((f) => !f.startsWith('test/vectors/') && f !== 'package-lock.json')
    .filter((f) => outside.test(readFileSync(`${root}${f}`, 'latin1')));
  assert.deepEqual(offenders, []);
});

test('every vendored folder has a SOURCES.md, and a licence where one is required', () => {
  for (const dir of [
    'test/vectors/json-schema-test-suite',
    'test/vectors/jcs-rfc8785',
    'test/vectors/rfc7515',
    'vendor/vn-admin',
  ])
    assert.ok(existsSync(`${root}${dir}/SOURCES.md`), `${dir}/SOURCES.md`);
  assert.ok(existsSync(`${root}test/vectors/json-schema-test-suite/LICENSE`));
  assert.ok(existsSync(`${root}test/vectors/jcs-rfc8785/LICENSE`));
  assert.ok(existsSync(`${root}vendor/vn-admin/LICENSE.dvhcvn.txt`));
});

test('every script an npm script runs with node exists', () => {
  const missing: string[] = [];
  for (const [name, command] of Object.entries(pkg.scripts))
    for (const m of command.matchAll(/\bnode\s+((?:scripts|bin|bench|demo)\/\S+\.m?js)/g))
      if (!existsSync(`${root}${m[1]}`)) missing.push(`${name}: ${m[1]}`);
  assert.deepEqual(missing, []);
});
