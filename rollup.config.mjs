// Two kinds of output:
//  (a) dist/dvc-forms.min.js — the self-contained bundle a webmaster serves from their own site
//      with one <script type="module"> tag; lazy chunks (the runtime ajv compiler, the address
//      list) sit beside it in dist/chunks/ and are only fetched when a page needs them.
//  (b) the npm entry points (dist/index.js, engine.js, verify.js, cli.js) with source maps and
//      dependencies left external, so applications dedupe lit, ajv and jose themselves.
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

const browserPlugins = () => [
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
    input: { 'dvc-forms': 'components/index.ts' },
    // Lets rollup keep shared code in the entry itself instead of a facade that re-exports a
    // static chunk: the default path must be this one file (only lazy chunks sit beside it).
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].min.js',
      chunkFileNames: 'chunks/[name]-[hash].min.js',
      sourcemap: true,
      plugins: [terser({ format: { comments: false }, ecma: 2020, module: true })],
    },
    plugins: browserPlugins(),
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
