// `npm install` / `npm ci`'s prepare step in this repository: applies patches/ with patch-package
// (s3rver, the S3-compatible server of the tests and `npm run start:scaled`; scripts/s3-server.mjs
// says why). It is `prepare`, not `postinstall`: a site that installs dvc-forms from the registry
// runs no prepare script of ours (scripts/ is not in the package). An install without dev
// dependencies has neither s3rver nor patch-package: nothing to patch then.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('node_modules/s3rver/package.json')) {
  const r = spawnSync(
    process.execPath,
    ['node_modules/patch-package/index.js', '--error-on-fail'],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}
