// An S3-compatible server on this machine, for the tests and `npm run start:scaled`:
// s3rver 3.7.1 from npm, patched (patches/s3rver+3.7.1.patch, applied by `npm install` through
// patch-package) with what @tus/s3-store needs and s3rver lacks: ListParts (with
// part-number-marker/max-parts paging), AbortMultipartUpload, parts that exist only once all
// their bytes are in, NoSuchUpload for a completed or aborted upload, and AWS Signature
// Version 4 checked on every request (no anonymous access) against the one key pair given here.
// An agency runs a real service instead (MinIO, Ceph RGW, its cloud's object storage, AWS S3):
// docs/scaling.md.
//
//   node scripts/s3-server.mjs <dir>     prints the S3_* settings, serves until Ctrl-C
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Fails with what to do when node_modules has s3rver without our patch (no ListParts). */
function assertPatched() {
  const routes = readFileSync(require.resolve('s3rver/lib/routes.js'), 'utf8');
  if (!routes.includes('objectCtrl.listParts(ctx)')) {
    throw new Error(
      's3rver is not patched (no ListParts): run `npm install` in the repository, which applies patches/s3rver+3.7.1.patch',
    );
  }
}

/**
 * Starts the server on 127.0.0.1 (a free port unless `port`), its data under `dir`, with the
 * bucket `bucket` and a random key pair unless given.
 * @param {{ dir: string, bucket?: string, port?: number, accessKeyId?: string, secretAccessKey?: string, region?: string }} options
 */
export async function startS3Server({
  dir,
  bucket = 'dvc-uploads',
  port = 0,
  accessKeyId = `DVC${randomBytes(8).toString('hex').toUpperCase()}`,
  secretAccessKey = randomBytes(24).toString('base64url'),
  region = 'vn-local-1',
}) {
  assertPatched();
  const S3rver = require('s3rver');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: dir,
    credentials: { accessKeyId, secretAccessKey },
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    /** The receiver's S3_* variables for this server. */
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: region,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: '1',
    },
    close: () => server.close(),
  };
}

/**
 * The server in a child process of its own (a parent that blocks in spawnSync, as the test
 * script does, would otherwise stop it): resolves once it serves, with the receiver's S3_*
 * variables and `stop()`.
 * @param {string} dir its data (the bucket's objects as files)
 * @returns {Promise<{ env: Record<string, string>, pid: number | undefined, stop(): void }>}
 */
export function spawnS3Server(dir) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      if (!out.includes('S3_FORCE_PATH_STYLE=')) return;
      /** @type {Record<string, string>} */
      const env = {};
      for (const line of out.trim().split('\n')) {
        const [name, ...value] = line.split('=');
        env[name] = value.join('=');
      }
      resolve({
        env,
        pid: child.pid,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`the S3 server exited (${code}): ${out}`)));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/s3-server.mjs <data folder>');
    process.exit(1);
  }
  const s3 = await startS3Server({ dir, port: Number(process.env.S3_PORT ?? 0) });
  for (const [k, v] of Object.entries(s3.env)) console.log(`${k}=${v}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void s3.close().then(() => process.exit(0)));
  }
}
