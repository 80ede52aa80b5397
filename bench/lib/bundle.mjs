// Bundle bytes: the self-contained dist/dvc-forms.min.js with every chunk it imports statically
// (what a page downloads before the first form renders: the "core"), and each lazy chunk that is
// only fetched by a dynamic import (runtime ajv compiler, administrative units, tus client).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const gzip = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

/** Relative specifiers of static `import … from "./x.js"` / `import "./x.js"` / `export … from`. */
function staticImports(code) {
  const out = new Set();
  // Minified rollup output: `import{a as b}from"./chunks/x.min.js"`, `export{…}from"./…"`,
  // `import"./…"`. A dynamic `import("./…")` has a parenthesis and is not matched.
  const re = /(?:\bimport|\bexport)\s*(?:[\w$*{][^;"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) out.add(m[1]);
  return [...out];
}

/** Relative specifiers of dynamic `import("./x.js")`. */
function dynamicImports(code) {
  return [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]);
}

/** Files reachable from `entry`: through static imports only, or through dynamic ones too. */
function reachable(entry, { dynamic }) {
  const seen = new Set();
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const specs = dynamic ? [...staticImports(code), ...dynamicImports(code)] : staticImports(code);
    for (const spec of specs) queue.push(resolve(dirname(file), spec));
  }
  return seen;
}

export function measureBundle(distDir) {
  const entry = join(distDir, 'dvc-forms.min.js');
  const core = reachable(entry, { dynamic: false });
  // Only chunks the entry can load: dist/chunks/ may hold leftovers of earlier builds.
  const all = reachable(entry, { dynamic: true });
  const rows = [...all].map((file) => {
    const buf = readFileSync(file);
    return {
      file: relative(distDir, file),
      core: core.has(file),
      minBytes: buf.length,
      gzipBytes: gzip(buf),
    };
  });
  rows.sort((a, b) => Number(b.core) - Number(a.core) || b.gzipBytes - a.gzipBytes);
  const coreRows = rows.filter((r) => r.core);
  return {
    files: rows,
    core: {
      files: coreRows.map((r) => r.file),
      minBytes: coreRows.reduce((s, r) => s + r.minBytes, 0),
      // The files are fetched separately, so each is compressed on its own.
      gzipBytes: coreRows.reduce((s, r) => s + r.gzipBytes, 0),
    },
  };
}
