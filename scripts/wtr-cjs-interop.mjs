// A web-dev-server plugin that serves CommonJS packages (json-rules-engine, ajv, ...) to the
// browser as ES modules with their named exports, so browser tests can import the engine from
// source. @rollup/plugin-commonjs through @web/dev-server-rollup cannot do this: it turns a CJS
// entry imported from ESM into a module that only exports `__require`.
//
// Registered in web-test-runner.config.mjs before the esbuild plugin:
//   plugins: [cjsInterop({ packages: ['json-rules-engine'] }), esbuildPlugin({...})]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** @param {{ packages: string[], rootDir?: string }} options */
export function cjsInterop({ packages, rootDir = process.cwd() }) {
  const require = createRequire(join(rootDir, 'package.json'));
  const cache = new Map();
  const owner = (path) =>
    packages.find((p) => path.startsWith(`/node_modules/${p}/`) && /\.c?js$/.test(path));

  async function bundle(path) {
    const file = join(rootDir, path);
    // Named exports are whatever Node's require sees: the CJS module decides at run time.
    const names = Object.keys(require(file)).filter((n) => IDENTIFIER.test(n) && n !== 'default');
    const contents = [
      `const m = require(${JSON.stringify(file)});`,
      'export default m;',
      ...names.map((n) => `export const ${n} = m[${JSON.stringify(n)}];`),
    ].join('\n');
    const out = await build({
      stdin: { contents, resolveDir: rootDir, sourcefile: `${path}.esm.js`, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      // jsonpath-plus's browser build: its Node build imports node:vm.
      conditions: ['browser', 'module', 'import', 'default'],
      target: 'es2022',
      logLevel: 'silent',
    });
    return out.outputFiles[0].text;
  }

  return {
    name: 'dvc-cjs-interop',
    async serve(context) {
      if (!owner(context.path)) return undefined;
      if (!cache.has(context.path)) cache.set(context.path, bundle(context.path));
      return { body: await cache.get(context.path), type: 'js' };
    },
  };
}
