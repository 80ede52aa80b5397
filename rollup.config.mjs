// Two kinds of output:
//  (a) dist/dvc-forms.min.js — the self-contained bundle a webmaster serves from their own site
//      with one <script type="module"> tag (entry components/bundle.ts); lazy chunks (drafts,
//      signing and transport, upload, receipt, status lookup, the procedure loader, the runtime
//      ajv compiler, the address list, jsonpath-plus) sit beside it in dist/chunks/ and are only
//      fetched, relative to the entry's URL, when a page needs them (docs/performance.md).
//  (b) the npm entry points (dist/index.js, engine.js, verify.js, cli.js) with source maps and
//      dependencies left external, so applications dedupe lit and ajv themselves.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});
const isExternal = (id) =>
  id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));

const JSONPATH_STUB = '\0dvc-jsonpath-stub';
// json-rules-engine's almanac imports jsonpath-plus for its default `path` resolver. src/rules
// gives every almanac its own resolver, which imports jsonpath-plus on first use, so in the
// one-file bundle the almanac's static import becomes this stub (never called) and jsonpath-plus
// a lazy chunk. Only the import from json-rules-engine is replaced.
const lazyJsonPath = () => ({
  name: 'dvc-lazy-jsonpath',
  resolveId(source, importer) {
    if (source === 'jsonpath-plus' && importer && /[\\/]json-rules-engine[\\/]/.test(importer)) {
      return JSONPATH_STUB;
    }
    return null;
  },
  load(id) {
    if (id !== JSONPATH_STUB) return null;
    return `export function JSONPath() {
  throw new Error('dvc-forms: conditions with a path resolve through src/rules');
}`;
  },
});

const EMITTER_STUB = '\0dvc-event-emitter';
// json-rules-engine's Rule and Engine extend eventemitter2 (≈ 19 KB minified) only to emit
// `success`/`failure` (and a rule's event type) through `emitAsync`, with listeners added by `on`
// from a rule's onSuccess/onFailure options; src/rules adds none and evaluates units with
// `Rule.evaluate`. In the one-file bundle the import becomes this emitter with the same members
// json-rules-engine calls and eventemitter2's results (emitAsync resolves with the listeners'
// results). A function constructor, not a class: the engine's transpiled classes call it as
// `EventEmitter.call(this)`.
const EMITTER_SOURCE = `function EventEmitter() {
  this._listeners = new Map();
}
const list = (self, type) => self._listeners.get(type) ?? [];
EventEmitter.prototype.on = function (type, listener) {
  this._listeners.set(type, [...list(this, type), listener]);
  return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;
EventEmitter.prototype.off = function (type, listener) {
  this._listeners.set(type, list(this, type).filter((l) => l !== listener));
  return this;
};
EventEmitter.prototype.removeListener = EventEmitter.prototype.off;
EventEmitter.prototype.removeAllListeners = function (type) {
  if (type === undefined) this._listeners.clear();
  else this._listeners.delete(type);
  return this;
};
EventEmitter.prototype.listeners = function (type) {
  return [...list(this, type)];
};
EventEmitter.prototype.emit = function (type, ...args) {
  const ls = list(this, type);
  for (const l of ls) l.apply(this, args);
  return ls.length > 0;
};
EventEmitter.prototype.emitAsync = function (type, ...args) {
  return Promise.all(list(this, type).map((l) => l.apply(this, args)));
};
export default EventEmitter;
export { EventEmitter as EventEmitter2 };`;
const smallEmitter = () => ({
  name: 'dvc-small-emitter',
  resolveId(source, importer) {
    if (source === 'eventemitter2' && importer && /[\\/]json-rules-engine[\\/]/.test(importer)) {
      return EMITTER_STUB;
    }
    return null;
  },
  load(id) {
    return id === EMITTER_STUB ? EMITTER_SOURCE : null;
  },
});

// dist/chunks.json: each lazy chunk's file and the chunks it imports statically (transitively), by the source
// module it starts from (`components/drafts/controller.ts` → `chunks/controller-<hash>.min.js`).
// A server reads it to write `<link rel="modulepreload">` for the chunks a form page needs at
// load (demo/server/form-pages.js), so they download with the bundle instead of after it.
const chunkManifest = () => ({
  name: 'dvc-chunk-manifest',
  generateBundle(_options, bundle) {
    const root = `${process.cwd()}/`;
    const chunks = {};
    for (const c of Object.values(bundle)) {
      if (c.type !== 'chunk' || !c.isDynamicEntry) continue;
      // A module both imported dynamically (by the core) and statically (by another lazy chunk)
      // is a dynamic entry without a facade (the commune codes): key it by that module.
      const ids = c.facadeModuleId
        ? [c.facadeModuleId]
        : c.moduleIds.filter((m) => (this.getModuleInfo(m)?.dynamicImporters.length ?? 0) > 0);
      // Every chunk it needs, transitively: a shared chunk (which has no key of its own) may
      // import another, and a page must preload them all for one round trip.
      const imports = new Set();
      const walk = (chunk) => {
        for (const f of chunk.imports) {
          if (imports.has(f)) continue;
          imports.add(f);
          if (bundle[f]?.type === 'chunk') walk(bundle[f]);
        }
      };
      walk(c);
      for (const full of ids) {
        const id = full.startsWith(root) ? full.slice(root.length) : full;
        chunks[id.replace(/\\/g, '/')] = { file: c.fileName, imports: [...imports] };
      }
    }
    this.emitFile({
      type: 'asset',
      fileName: 'chunks.json',
      source: `${JSON.stringify(chunks, null, 2)}\n`,
    });
  },
});

/**
 * The form's engine as ONE lazy chunk (components/form/engine.ts: session, validation runtime,
 * rules, their catalogs): every module it imports statically that the core does not, so a form
 * page fetches the bundle, the engine and its artefact side by side. Left to itself, rollup cuts
 * the modules the engine shares with other lazy chunks (upload, drafts, submission, the loader)
 * into seven small chunks, and on HTTP/1.1 (6 connections per host) the page then needs one more
 * 2 s round trip on a slow 3G line. The other lazy chunks import what they need from it.
 */
const ENGINE_ENTRY = 'components/form/engine.ts';
// Modules the engine's barrels reach that the engine itself never runs (a manual chunk takes
// every static dependency, used or not): the SHA-256 of files (the upload element) and the rules
// lint (the procedure loader, the compiler). Each keeps a chunk of its own.
const NOT_ENGINE = [
  ['node_modules/@noble/hashes/', 'sha2'],
  ['src/files/hash.ts', 'sha2'],
  ['src/rules/lint.ts', 'lint'],
];
const engineChunk = () => {
  let engine;
  const closure = (start, getModuleInfo) => {
    const seen = new Set();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop();
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(getModuleInfo(id)?.importedIds ?? []));
    }
    return seen;
  };
  let core;
  return (id, { getModuleInfo }) => {
    if (!engine) {
      const root = `${process.cwd()}/`;
      // What the core imports stays in it: named as the entry, this manual chunk is the entry
      // itself. Without it rollup would pull the core's own imports into the engine chunk (a
      // manual chunk takes its dependencies). src/errors.ts (0.3 KB) joins the core: the receipt,
      // the upload element and the status lookup use it too, and must not fetch the engine.
      core = closure(`${root}components/bundle.ts`, getModuleInfo);
      core.add(`${root}src/errors.ts`);
      engine = new Set(
        [...closure(`${root}${ENGINE_ENTRY}`, getModuleInfo)].filter((m) => !core.has(m)),
      );
    }
    if (core.has(id)) return 'dvc-forms';
    const own = NOT_ENGINE.find(([path]) => id.includes(`/${path}`));
    if (own) return own[1];
    return engine.has(id) ? 'form-engine' : undefined;
  };
};

const browserPlugins = () => [
  lazyJsonPath(),
  smallEmitter(),
  // browser: true picks the "browser" export condition: jsonpath-plus would otherwise pull node:vm.
  nodeResolve({
    browser: true,
    exportConditions: ['browser', 'production', 'module', 'import', 'default'],
  }),
  // ajv standalone code still require()s ajv runtime helpers: mixed modules must be transformed.
  commonjs({ transformMixedEsModules: true }),
  json({ preferConst: true }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];

const libPlugins = (tsconfig) => [
  nodeResolve({ preferBuiltins: true }),
  json({ preferConst: true }),
  esbuild({ target: 'es2022', tsconfig }),
];

const onwarn = (w, warn) => {
  if (w.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(w.ids?.[0] ?? '')) return;
  warn(w);
};

export default [
  {
    input: { 'dvc-forms': 'components/bundle.ts' },
    // Lets rollup keep shared code in the entry itself instead of a facade that re-exports a
    // static chunk: the default path must be this one file (only lazy chunks sit beside it).
    preserveEntrySignatures: 'allow-extension',
    // src/ is the engine: modules without side effects (no DOM, nothing registered on import), so
    // a module the core reaches only through a barrel (`src/session/index.ts`) and does not use
    // stays out of the core and goes with the lazy chunk that uses it (the form's engine chunk,
    // components/form/engine.ts). Without this, rollup assigns every module such a barrel
    // re-exports to the core as soon as one of its top-level statements might have an effect.
    treeshake: { moduleSideEffects: (id) => !id.startsWith(`${process.cwd()}/src/`) },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].min.js',
      chunkFileNames: 'chunks/[name]-[hash].min.js',
      manualChunks: engineChunk(),
      sourcemap: true,
      plugins: [terser({ format: { comments: false }, ecma: 2020, module: true })],
    },
    plugins: [...browserPlugins(), chunkManifest()],
    onwarn,
  },
  {
    input: {
      index: 'components/index.ts',
      engine: 'src/engine.ts',
      verify: 'src/verify/index.ts',
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'shared/[name]-[hash].js',
      sourcemap: true,
    },
    external: isExternal,
    plugins: libPlugins('tsconfig.json'),
    onwarn,
  },
  {
    input: { cli: 'src/cli/main.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'cli/[name]-[hash].js',
      sourcemap: true,
    },
    external: isExternal,
    plugins: libPlugins('tsconfig.node.json'),
    onwarn,
  },
];
