/**
 * The import boundary, checked by `npm test` (scripts/test.mjs, stage "boundaries"):
 * - components/ reaches the engine only through each src/ folder's public index.ts (or a
 *   top-level src/*.ts module such as src/problem.ts), so src/ can be reorganised behind it;
 * - src/ never imports components/ (the engine has no DOM and runs on servers);
 * - no import cycles (type-only imports, erased at build time, excepted).
 * See docs/architecture.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'components-through-src-index',
      comment:
        "components/ imports src/ only through a folder's index.ts (src/<folder>/index.ts) or a top-level src/*.ts module.",
      severity: 'error',
      from: { path: '^components/' },
      to: {
        path: '^src/[^/]+/.+',
        pathNot: '^src/[^/]+/index\\.ts$',
      },
    },
    {
      name: 'src-never-imports-components',
      comment: 'The engine (src/) has no DOM and runs on servers: it never imports components/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^components/' },
    },
    {
      name: 'no-cycles',
      comment: 'Import cycles make load order fragile; type-only imports are erased and allowed.',
      severity: 'error',
      from: { path: '^(src|components)/' },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(generated|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
