// Every message catalog speaks both languages: each file named *messages* under components/,
// src/, demo/server/ and stories/support/ is imported, and wherever it holds a Vietnamese and an
// English side ({ vi, en }), both have the same keys, no English text is empty, and every
// placeholder of the Vietnamese text is in the English one. TypeScript checks this for catalogs
// typed by the Vietnamese one; several are `Record<string, …>` (src/procedure, src/validation,
// src/json) or plain JavaScript (demo/server), where a key missing in English only shows at
// run time, as the Vietnamese text or a code on an English page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function catalogFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? catalogFiles(join(dir, e.name))
      : /messages\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const FILES = ['components', 'src', 'demo/server', 'stories/support'].flatMap(catalogFiles).sort();
const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/** What is wrong in one exported value, as `path: problem`, walking into nested objects. */
function problems(path: string, value: unknown, seen = new Set<object>()): string[] {
  if (!value || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const o = value as Record<string, unknown>;
  const out: string[] = [];
  if ('vi' in o !== 'en' in o) out.push(`${path}: only ${'vi' in o ? 'vi' : 'en'}`);
  const pairs: [string, unknown, unknown][] = [[path, o.vi, o.en]];
  if (o.vi && o.en && typeof o.vi === 'object' && typeof o.en === 'object') {
    const vi = o.vi as Record<string, unknown>;
    const en = o.en as Record<string, unknown>;
    for (const k of Object.keys(vi)) if (!(k in en)) out.push(`${path}.${k}: missing in en`);
    for (const k of Object.keys(en)) if (!(k in vi)) out.push(`${path}.${k}: missing in vi`);
    for (const k of Object.keys(vi)) pairs.push([`${path}.${k}`, vi[k], en[k]]);
  }
  for (const [where, vi, en] of pairs) {
    if (en === '') out.push(`${where}: empty in en`);
    if (typeof vi === 'string' && typeof en === 'string')
      for (const p of placeholders(vi))
        if (!placeholders(en).has(p)) out.push(`${where}: {${p}} missing in en`);
  }
  for (const [k, v] of Object.entries(o)) out.push(...problems(`${path}.${k}`, v, seen));
  return out;
}

test('the catalogs are found', () => {
  assert.ok(FILES.length >= 25, FILES.join(', '));
  assert.ok(FILES.includes(join('src', 'procedure', 'messages.ts')));
  assert.ok(FILES.includes(join('demo', 'server', 'messages.js')));
});

for (const file of FILES) {
  test(`${relative('.', file)}: vi and en have the same keys and placeholders`, async () => {
    const mod = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
    assert.deepEqual(
      Object.entries(mod).flatMap(([name, value]) => problems(name, value)),
      [],
    );
  });
}
