// The form takes the host page's text (`font: inherit`), so its sizes follow that text in em.
// A `rem` follows the page's root instead, and a CMS theme with a small root (Bootstrap 3's
// `html{font-size:10px}`) then shrinks it under the questions: one stray rem in the draft
// consent heading made it 11 px over 16 px text. test/components/form/host-page-styles.test.ts
// measures the main parts in a browser; this catches a rem added anywhere in what the form and
// its first page show. The standalone elements (receipt, dossier, status look-up, supplement) are
// pasted into CMS pages too, so they follow the same rule: no directory is left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

test('the form, its first page and the standalone elements size nothing in rem', () => {
  const rem = /\b\d*\.?\d+rem\b/;
  const offenders = [...sources('components'), 'src/look.ts', ...sources('src/first-page')]
    .flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) => rem.test(text)),
    )
    .map(({ file, line, text }) => `${file}:${line}: ${text}`);
  assert.deepEqual(offenders, []);
});
