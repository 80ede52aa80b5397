// What the core bundle is made of: esbuild bundles components/bundle.ts the way rollup does
// (browser conditions, dynamic imports left as lazy chunks, json-rules-engine's imports of
// jsonpath-plus and eventemitter2 replaced as rollup.config.mjs does) and its metafile attributes the
// minified bytes of the entry's output to npm packages and to our own folders. Shares of
// minified bytes; rollup + terser differ from esbuild by a few per cent.
import { build } from 'esbuild';

function owner(input) {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = input.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  // Generated code (the procedure meta-schema's standalone validator) is worth its own line.
  if (input.includes('/generated/')) return input;
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

// rollup.config.mjs replaces these two imports of json-rules-engine with a stub (jsonpath-plus,
// loaded lazily by src/rules) and a 40-line emitter; a few hundred bytes either way.
const engineStubs = {
  name: 'engine-stubs',
  setup(b) {
    b.onResolve({ filter: /^(jsonpath-plus|eventemitter2)$/ }, (args) =>
      /[\\/]json-rules-engine[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'engine-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'engine-stub' }, () => ({
      contents: 'module.exports = function Stub() {};',
      loader: 'js',
    }));
  },
};

export async function composition(root) {
  const entryPoint = 'components/bundle.ts';
  const result = await build({
    entryPoints: [`${root}/${entryPoint}`],
    plugins: [engineStubs],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    conditions: ['browser', 'production'],
    target: 'es2022',
    tsconfig: `${root}/tsconfig.json`,
    outdir: '/nonexistent',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  // Lazy chunks are entry points too in esbuild's metafile: pick the bundle's own.
  const entry = Object.entries(outputs).find(([, o]) => o.entryPoint === entryPoint);
  // The entry and every chunk it imports statically.
  const core = new Set();
  const queue = [entry[0]];
  while (queue.length) {
    const file = queue.shift();
    if (core.has(file)) continue;
    core.add(file);
    for (const imp of outputs[file].imports)
      if (imp.kind === 'import-statement' && outputs[imp.path]) queue.push(imp.path);
  }
  const byOwner = new Map();
  let total = 0;
  for (const file of core)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs)) {
      const key = owner(input);
      byOwner.set(key, (byOwner.get(key) ?? 0) + bytesInOutput);
      total += bytesInOutput;
    }
  return {
    minBytes: total,
    parts: [...byOwner]
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => ({ name, minBytes: bytes, share: bytes / total })),
  };
}
