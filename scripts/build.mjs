// `npm run build`: the browser bundle and npm entry points (rollup), their .d.ts types (tsc),
// and custom-elements.json (the Custom Elements Manifest analyzer).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const steps = [
  ['rollup', [bin('rollup'), '-c', '--silent']],
  // Brotli and gzip copies of the browser files, served as they are (scripts/precompress.mjs).
  ['precompress', [process.execPath, '--import', 'tsx', 'scripts/precompress.mjs', 'dist']],
  ['types', [bin('tsc'), '-p', 'tsconfig.build.json']],
  [
    'manifest',
    [bin('cem'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
  ],
];

rmSync('dist', { recursive: true, force: true });
for (const [label, [cmd, ...args]] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(r.status ?? 1);
  }
}
console.log(
  'build: dist/dvc-forms.min.js, dist/{index,engine,verify,cli}.js, dist/types, custom-elements.json',
);
